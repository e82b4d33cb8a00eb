import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { langOf, moreStrings } from '../internal/localize.js';
import { styles } from './code-badge.styles.js';
import { copiedText, kindLabel, mapUrlOf, qrText, shownCode } from './code-kind.js';

/**
 * Returns a code in display form (`22366 65ww848` → `22366-65WW+848`, `57133 00001` →
 * `5713300001`), or the text as given when it does not have a code's shape (the badge shows, it
 * does not validate: see `readCode`).
 *
 * @param text - The code.
 * @returns The display form.
 * @internal
 */
export function displayForm(text: string): string {
  return shownCode(text).code;
}

/**
 * Shows a code of an address: the national address code (*mã địa chỉ số*, 10 digits), a
 * location code (*mã vị trí*, `22366-65WW+848`) or a Plus Code, labelled by its kind, formatted,
 * copyable (with a fallback and a confirmation announced to screen readers), with an optional QR
 * code (a national code's QR opens the platform's public map) and a link to a map.
 *
 * @summary A code of an address (national address code, location code, Plus Code), copyable.
 *
 * @event dcs-copy - The code was copied; `detail.code` is the code.
 *
 * @csspart base - The wrapper.
 * @csspart label - The kind of code: "Mã địa chỉ số", "Mã vị trí" or "Plus Code".
 * @csspart code - The code.
 * @csspart copy-button - The copy button.
 * @csspart map-link - The link to the map.
 * @csspart qr - The QR code (SVG).
 *
 * @cssproperty [--badge-qr-size=96px] - Size of the QR code.
 *
 * @example
 * ```html
 * <dcs-code-badge code="22366-65WW+848" qr map-href="https://maps.example/?q={code}"></dcs-code-badge>
 * ```
 */
export class DcsCodeBadge extends LitElement {
  /** @internal */
  static override styles = styles;
  /** @internal */
  static override properties = {
    code: { type: String },
    variant: { type: String, reflect: true },
    qr: { type: Boolean, reflect: true },
    mapHref: { type: String, attribute: 'map-href' },
    lang: { type: String },
    _announce: { state: true },
    _qr: { state: true },
  };

  /** The code, in any accepted form (shown in its display form, labelled by its kind). */
  declare code: string;
  /** `full` (label, code, buttons; default) or `compact` (code and copy only). */
  declare variant: 'full' | 'compact';
  /** Show a QR code of the code. */
  declare qr: boolean;
  /** A map link; `{code}` is replaced by the URL-encoded code. Only http(s) URLs are used. */
  declare mapHref: string | undefined;
  /** `vi` (default) or `en`. */
  declare lang: string;
  declare _announce: string;
  /** The QR renderer, loaded only when `qr` is set (the QR encoder is the badge's heaviest part). */
  declare _qr: typeof import('../internal/qr.js').qrSvg | undefined;

  constructor() {
    super();
    this.code = '';
    this.variant = 'full';
    this.qr = false;
    this.lang = '';
    this._announce = '';
  }

  /** The code in display form, or the text as given when it is not a valid code. */
  get displayCode(): string {
    return displayForm(String(this.code ?? ''));
  }

  /**
   * Copies the code to the clipboard (Clipboard API, else a hidden selection) and announces it.
   *
   * @returns Whether it was copied.
   */
  async copy(): Promise<boolean> {
    const t = moreStrings(this, this.lang);
    const lang = langOf(this, this.lang);
    const text = this.displayCode;
    let ok = false;
    try {
      // Some browsers never settle the promise while a permission prompt is pending.
      await Promise.race([
        navigator.clipboard.writeText(text),
        new Promise((_, reject) => setTimeout(() => reject(new Error('clipboard timeout')), 1500)),
      ]);
      ok = true;
    } catch {
      // No permission or no secure context: select a temporary field and copy.
      const ta = document.createElement('textarea');
      ta.value = text;
      ta.setAttribute('readonly', '');
      ta.style.position = 'fixed';
      ta.style.opacity = '0';
      this.renderRoot.appendChild(ta);
      ta.select();
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      ta.remove();
    }
    this._announce = ok ? copiedText(lang, shownCode(String(this.code ?? '')).kind) : t.copyFailed;
    if (ok) this.dispatchEvent(new CustomEvent('dcs-copy', { detail: { code: text }, bubbles: true, composed: true }));
    return ok;
  }

  #mapUrl(): string | undefined {
    if (!this.mapHref) return undefined;
    try {
      const u = new URL(this.mapHref.replace('{code}', encodeURIComponent(this.displayCode)), location.href);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
    } catch {
      return undefined;
    }
  }

  protected override willUpdate(): void {
    if (this.qr && !this._qr) void import('../internal/qr.js').then((m) => (this._qr = m.qrSvg));
  }

  protected override render(): TemplateResult {
    const t = moreStrings(this, this.lang);
    const lang = langOf(this, this.lang);
    const { kind, code } = shownCode(String(this.code ?? ''));
    const label = kindLabel(lang, kind);
    const map = this.#mapUrl();
    return html`<div part="base">
      ${this.variant === 'full' ? html`<span part="label">${label}</span>` : nothing}
      <span part="code">${code}</span>
      <button part="copy-button" type="button" @click=${() => void this.copy()}>${t.copy}</button>
      ${map && this.variant === 'full' ? html`<a part="map-link" href=${map} target="_blank" rel="noopener noreferrer">${t.openMap}</a>` : nothing}
      ${this.qr && code && this._qr ? this._qr(kind === 'ndas' ? mapUrlOf(code) : code, qrText(lang, kind, code)) : nothing}
      <span class="sr-only" role="status" aria-live="polite">${this._announce}</span>
    </div>`;
  }
}
