import type { ConversionCandidate, Finding, VerifiedAddress, VerifyResult } from '@diachiso/core';
import type { Client } from '@diachiso/sdk';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { DcsVerifyEvent } from '../events/verify.js';
import { ClientController } from '../internal/client-controller.js';
import { langOf, moreStrings } from '../internal/localize.js';

/** What the user chose in the dialog. */
export interface VerifyChoice {
  /** `suggestion`: use the normalised 2025 address; `mine`: keep what was typed; `edit`: go back and edit; `cancel`: closed. */
  readonly choice: 'suggestion' | 'mine' | 'edit' | 'cancel';
  /** For `suggestion`: the chosen 2025 address. */
  readonly address?: VerifiedAddress;
  /** For `suggestion` among several candidates: the one chosen. */
  readonly candidate?: ConversionCandidate;
  /** The verdict shown. */
  readonly result?: VerifyResult;
}

/** Splits text into plain and marked pieces at the findings' ranges (text only, never HTML). */
function marked(text: string, findings: readonly Finding[]): Array<string | TemplateResult> {
  const ranges = findings
    .filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start! >= 0 && f.end! <= text.length && f.start! < f.end!)
    .map((f) => [f.start!, f.end!] as const)
    .sort((a, b) => a[0] - b[0]);
  const out: Array<string | TemplateResult> = [];
  let at = 0;
  for (const [a, b] of ranges) {
    if (a < at) continue;
    if (a > at) out.push(text.slice(at, a));
    out.push(html`<mark part="changed">${text.slice(a, b)}</mark>`);
    at = b;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/**
 * A modal dialog (native `<dialog>`) that shows what the user typed next to the normalised 2025
 * address, with the changed parts highlighted and explained — a pre-2025 unit with the clause
 * of the resolution that changed it, spelling, missing parts — and lets the user use the
 * suggestion, keep their own text, or go back and edit. Focus moves in, stays in, and returns.
 *
 * @summary Verify an address and explain the 2025 form.
 *
 * @event dcs-verify - The user chose; `detail` is the {@link VerifyChoice}.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart title - The heading.
 * @csspart typed - What the user typed.
 * @csspart suggestion - The 2025 address.
 * @csspart changed - A changed part (in either).
 * @csspart findings - The list of explanations.
 * @csspart citation - A legal citation.
 * @csspart warning - The warning shown before keeping an unverified address.
 * @csspart actions - The buttons.
 * @csspart primary-button - "Use the suggested address".
 * @csspart button - The other buttons.
 *
 * @example
 * ```js
 * const dlg = document.querySelector('dcs-verify-dialog');
 * const { choice, address } = await dlg.open('12 Trần Phú, P. Vĩnh Hải, TP. Nha Trang');
 * ```
 */
export class DcsVerifyDialog extends LitElement {
  /** @internal */
  static override styles = css`
    :host {
      font: inherit;
    }
    :host([hidden]) {
      display: none;
    }
    [part='dialog'] {
      max-width: min(40rem, calc(100vw - 2rem));
      border: 1px solid var(--dcs-color-border, #767676);
      border-radius: var(--dcs-radius, 0.5rem);
      padding: 1.25rem;
      color: var(--dcs-color-text, CanvasText);
      background: var(--dcs-color-surface, Canvas);
    }
    [part='dialog']::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    [part='title'] {
      margin-top: 0;
      font-size: 1.2em;
    }
    dt {
      font-weight: 600;
      margin-top: 0.75rem;
    }
    dd {
      margin: 0.25rem 0 0;
    }
    [part='changed'] {
      background: var(--dcs-color-highlight, #fff1a8);
      color: #000;
      border-radius: 0.2rem;
      padding: 0 0.1rem;
    }
    [part='findings'] {
      padding-left: 1.2rem;
    }
    [part='citation'] {
      font-size: 0.9em;
    }
    [part='actions'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      justify-content: flex-end;
      margin-top: 1.25rem;
    }
    button {
      font: inherit;
      padding: 0.45rem 0.9rem;
      border-radius: var(--dcs-radius, 0.375rem);
      border: 1px solid var(--dcs-color-border, #767676);
      background: transparent;
      color: inherit;
      cursor: pointer;
    }
    [part='primary-button'] {
      background: var(--dcs-color-accent, #0b57d0);
      border-color: var(--dcs-color-accent, #0b57d0);
      color: var(--dcs-color-on-accent, #fff);
    }
    button:focus-visible {
      outline: 3px solid var(--dcs-color-focus, #1a66d2);
      outline-offset: 2px;
    }
    [part='warning'] {
      border-inline-start: 4px solid #b3261e;
      padding: 0.25rem 0.75rem;
      font-weight: 600;
    }
    button[disabled] {
      opacity: 0.6;
      cursor: not-allowed;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0.5rem 0 0;
    }
  `;
  /** @internal */
  static override properties = {
    client: { attribute: false },
    lang: { type: String },
    _result: { state: true },
    _pick: { state: true },
    _confirmMine: { state: true },
  };

  /** The client that verifies; overrides the `<dcs-platform>` around the element and the page's shared client. */
  declare client: Client | undefined;
  /** `vi` (default) or `en`. */
  declare lang: string;
  declare _result: VerifyResult | undefined;
  declare _pick: number;
  declare _confirmMine: boolean;

  #resolve: ((c: VerifyChoice) => void) | undefined;
  readonly #clients = new ClientController(this, () => ({ locale: langOf(this, this.lang) }));
  #returnFocus: HTMLElement | null = null;

  constructor() {
    super();
    this.lang = '';
    this._pick = -1;
    this._confirmMine = false;
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return !!this.renderRoot.querySelector('dialog')?.open;
  }

  /**
   * Returns the client this element uses now.
   *
   * @returns The client.
   */
  getClient(): Promise<Client> {
    return this.#clients.get();
  }

  /**
   * Verifies (if given text) and opens the dialog.
   *
   * @param input - What the user typed, or a verdict already obtained.
   * @returns The user's choice, when the dialog closes.
   */
  async open(input: string | VerifyResult): Promise<VerifyChoice> {
    const active = (document.activeElement as HTMLElement | null) ?? null;
    this.#returnFocus = active;
    let result: VerifyResult;
    if (typeof input === 'string') {
      const client = await this.#clients.get();
      result = await client.verify(input);
    } else result = input;
    this._result = result;
    // Among several candidates none is chosen for the user: one in another province or ward
    // pre-selected would be taken with a single Enter. Otherwise the only one is.
    // When verify chose one it could not confirm, its choice is shown selected among the others.
    this._pick = this.#candidates(result).length > 1 && !this.#unconfirmed(result) ? -1 : 0;
    this._confirmMine = false;
    await this.updateComplete;
    const dlg = this.renderRoot.querySelector('dialog')!;
    if (!dlg.open) dlg.showModal();
    (this.renderRoot.querySelector('[autofocus]') as HTMLElement | null)?.focus();
    return new Promise<VerifyChoice>((resolve) => {
      this.#resolve?.({ choice: 'cancel', result });
      this.#resolve = resolve;
    });
  }

  /**
   * Closes the dialog with a choice.
   *
   * @param choice - The choice.
   */
  close(choice: VerifyChoice['choice'] = 'cancel'): void {
    const r = this._result;
    const cand = r ? this.#candidates(r)[this._pick] : undefined;
    let address = r?.address;
    if (r?.address && cand && cand.ward.code !== r.address.ward.code) {
      // The formatted line ends with the ward and province verify chose: it names the pick.
      const tail = `${r.address.ward.name}, ${r.address.province.name}`;
      const f = r.address.formatted;
      const formatted = f.endsWith(tail) ? `${f.slice(0, -tail.length)}${cand.ward.name}, ${cand.province.name}` : f;
      // The postal code is the picked ward's (none rather than verify's ward's).
      const { postalCode: _was, ...rest } = r.address;
      address = {
        ...rest,
        ward: cand.ward,
        province: cand.province,
        formatted,
        ...(cand.ward.postalCode ? { postalCode: cand.ward.postalCode } : {}),
      };
    }
    const detail: VerifyChoice = {
      choice,
      ...(r ? { result: r } : {}),
      ...(choice === 'suggestion' && address ? { address } : {}),
      ...(choice === 'suggestion' && cand ? { candidate: cand } : {}),
    };
    const dlg = this.renderRoot.querySelector('dialog');
    if (dlg?.open) dlg.close();
    this.#returnFocus?.focus?.();
    const res = this.#resolve;
    this.#resolve = undefined;
    res?.(detail);
    this.dispatchEvent(new DcsVerifyEvent(detail));
  }

  /**
   * The distinct 2025 units among the candidates (one per ward), when the verdict is ambiguous,
   * or when verify chose a ward it could not confirm among others (a bare former district read
   * as its ward of that name, decision 0013): then its choice comes first.
   */
  #candidates(r: VerifyResult): ConversionCandidate[] {
    if (r.status !== 'ambiguous' && !this.#unconfirmed(r)) return [];
    const first = r.status === 'ambiguous' ? undefined : r.address?.ward.code;
    const all = [...new Map(r.candidates.filter((c) => c.ward.code !== undefined).map((c) => [c.ward.code, c])).values()];
    return first ? [...all.filter((c) => c.ward.code === first), ...all.filter((c) => c.ward.code !== first)] : all;
  }

  /** Verify chose the ward but could not confirm it. */
  #unconfirmed(r: VerifyResult): boolean {
    return !!r.address && !!r.components?.some((c) => c.component === 'ward' && c.verdict === 'unconfirmed');
  }

  /** "Keep my address": the page shows the warning (a confirm step here is left for later). */
  #keepMine(): void {
    this.close('mine');
  }

  /** Tab and Shift+Tab wrap around inside the dialog (WAI-ARIA dialog pattern). */
  #trapTab = (e: KeyboardEvent): void => {
    if (e.key !== 'Tab') return;
    const items = [
      ...this.renderRoot.querySelectorAll<HTMLElement>('button, input, summary, a[href], [tabindex]:not([tabindex="-1"])'),
    ].filter((el) => !el.hasAttribute('disabled') && el.getClientRects().length > 0);
    if (!items.length) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = (this.renderRoot as ShadowRoot).activeElement;
    if (e.shiftKey && (active === first || !active)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !active)) {
      e.preventDefault();
      first.focus();
    }
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#resolve) this.close('cancel');
  }

  protected override render(): TemplateResult {
    const t = moreStrings(this, this.lang);
    const en = langOf(this, this.lang) === 'en';
    const r = this._result;
    const distinct = r ? this.#candidates(r) : [];
    const choose = distinct.length > 1;
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      @keydown=${this.#trapTab}
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.close('cancel');
      }}
    >
      <h2 id="title" part="title">${t.verifyTitle}</h2>
      ${
        r
          ? html`<dl>
                <dt>${t.youTyped}</dt>
                <dd part="typed">${marked(r.input, r.findings)}</dd>
                ${
                  r.address
                    ? html`<dt>${t.suggested}</dt>
                        <dd part="suggestion">
                          ${[r.address.houseNumber, r.address.alley, r.address.street, r.address.hamlet].filter(Boolean).join(' ')}${
                            r.address.street || r.address.hamlet ? ', ' : ''
                          }<mark part="changed">${choose ? (distinct[this._pick]?.ward.name ?? t.chooseBelow) : r.address.ward.name}</mark>,
                          ${r.findings.some((f) => f.component === 'province') ? html`<mark part="changed">${r.address.province.name}</mark>` : r.address.province.name}
                        </dd>`
                    : html`<dd>${t.invalid}</dd>`
                }
              </dl>
              ${
                choose
                  ? html`<fieldset>
                      <legend>${t.chooseOne}</legend>
                      ${distinct.map(
                        (c, i) =>
                          html`<label
                              ><input
                                type="radio"
                                name="pick"
                                ?autofocus=${i === 0}
                                .checked=${i === this._pick}
                                @change=${() => (this._pick = i)}
                              />
                              ${c.ward.name}, ${c.province.name}</label
                            ><br />`,
                      )}
                    </fieldset>`
                  : nothing
              }
              ${
                r.findings.length
                  ? html`<h3>${t.why}</h3>
                      <ul part="findings">
                        ${r.findings.map(
                          (f) =>
                            html`<li>
                              ${en ? f.en : f.vi}
                              ${
                                f.citation
                                  ? html`<details part="citation">
                                      <summary>
                                        ${t.legalBasis}:
                                        ${en ? `Resolution ${f.citation.document}, Art. ${f.citation.article}, cl. ${f.citation.clause}` : `khoản ${f.citation.clause} Điều ${f.citation.article} Nghị quyết ${f.citation.document}`}
                                      </summary>
                                      <blockquote lang="vi">${f.citation.text}</blockquote>
                                    </details>`
                                  : nothing
                              }
                            </li>`,
                        )}
                      </ul>`
                  : nothing
              }`
          : nothing
      }
      ${this._confirmMine ? html`<p part="warning" role="alert">${t.keepMineWarning}</p>` : nothing}
      <div part="actions">
        <button part="button" type="button" @click=${() => this.close('edit')}>${t.edit}</button>
        <button part="button" type="button" @click=${() => this.#keepMine()}>${this._confirmMine ? t.keepMineConfirm : t.keepMine}</button>
        ${
          r?.address
            ? html`<button
                part="primary-button"
                type="button"
                ?autofocus=${!choose}
                ?disabled=${choose && this._pick < 0}
                @click=${() => this.close('suggestion')}
              >
                ${t.useSuggestion}
              </button>`
            : nothing
        }
      </div>
    </dialog>`;
  }
}
