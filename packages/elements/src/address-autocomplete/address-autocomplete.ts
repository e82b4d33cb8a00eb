import type { Range, Suggestion } from '@diachiso/core';
import { createClient, DiachisoError, type Client, type ClientMode } from '@diachiso/sdk';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { DcsErrorEvent, DcsSelectEvent } from '../events/select.js';
import { langOf, strings } from '../internal/localize.js';
import { styles } from './address-autocomplete.styles.js';

type Status = 'idle' | 'loading' | 'results' | 'empty' | 'error';

/**
 * Splits a label into plain and matched pieces, as text, for highlighting. Ranges that are out
 * of bounds, overlapping or reversed are ignored, so a hostile response cannot break the label.
 *
 * @param label - The label.
 * @param ranges - Matched ranges.
 * @returns Lit template parts: strings and `<mark>` elements holding text only.
 * @internal
 */
export function highlightLabel(label: string, ranges: readonly Range[] | undefined): Array<string | TemplateResult> {
  const out: Array<string | TemplateResult> = [];
  let at = 0;
  for (const [a, b] of [...(ranges ?? [])].sort((x, y) => x[0] - y[0])) {
    if (!(Number.isInteger(a) && Number.isInteger(b)) || a < at || b <= a || b > label.length) continue;
    if (a > at) out.push(label.slice(at, a));
    out.push(html`<mark part="match">${label.slice(a, b)}</mark>`);
    at = b;
  }
  if (at < label.length) out.push(label.slice(at));
  return out;
}

let instances = 0;

/**
 * An address field with suggestions as you type, on the national digital address platform or
 * on the embedded dataset. A WAI-ARIA 1.2 combobox, form-associated, IME-safe.
 *
 * @summary Address autocomplete for Vietnamese addresses (2025 and pre-2025).
 *
 * @event dcs-select - The user chose a suggestion; `detail.suggestion` is the full record.
 * @event dcs-error - Suggestions could not be loaded; `detail.code` says why.
 *
 * @csspart base - The wrapper.
 * @csspart label - The visible label.
 * @csspart input - The text input (the combobox).
 * @csspart listbox - The list of suggestions.
 * @csspart option - One suggestion; also `option legacy` for a pre-2025 unit.
 * @csspart match - The matched part of a suggestion.
 * @csspart description - The second line of a suggestion.
 * @csspart badge - The "before 2025" badge of a legacy suggestion.
 * @csspart message - Loading, no-result and error messages.
 *
 * @cssproperty [--listbox-max-height=20rem] - Height of the list before it scrolls.
 * @cssproperty --dcs-color-accent - Background of the active suggestion.
 * @cssproperty --dcs-color-focus - Focus ring colour.
 * @cssproperty --dcs-color-border - Border colour.
 * @cssproperty --dcs-color-surface - Background of the input and the list.
 * @cssproperty --dcs-radius - Corner radius.
 *
 * @example
 * ```html
 * <dcs-address-autocomplete name="address" label="Địa chỉ giao hàng" required></dcs-address-autocomplete>
 * ```
 */
export class DcsAddressAutocomplete extends LitElement {
  /** @internal */
  static override styles = styles;
  /** Makes the element a form control (ElementInternals). */
  static formAssociated = true;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  /** @internal */
  static override properties = {
    mode: { type: String },
    baseUrl: { type: String, attribute: 'base-url' },
    apiKey: { type: String, attribute: 'api-key' },
    worker: { type: Boolean },
    province: { type: String },
    limit: { type: Number },
    lang: { type: String },
    name: { type: String, reflect: true },
    label: { type: String },
    placeholder: { type: String },
    required: { type: Boolean, reflect: true },
    requireSelection: { type: Boolean, attribute: 'require-selection' },
    disabled: { type: Boolean, reflect: true },
    minLength: { type: Number, attribute: 'min-length' },
    debounce: { type: Number },
    value: { type: String },
    client: { attribute: false },
    _query: { state: true },
    _items: { state: true },
    _active: { state: true },
    _open: { state: true },
    _status: { state: true },
    _announce: { state: true },
  };

  /** `offline`, `online` or `auto`; default offline without `base-url`, auto with it. */
  declare mode: ClientMode | undefined;
  /** The platform's base URL (online and auto modes). */
  declare baseUrl: string | undefined;
  /** The platform API key (sent in a header, never shown). */
  declare apiKey: string | undefined;
  /** Run the embedded engine in a Web Worker (`diachiso-worker.js` beside the bundle), so typing never waits for it. */
  declare worker: boolean;
  /** Prefer suggestions in this province (2-digit code). */
  declare province: string | undefined;
  /** Most suggestions shown (default 6). */
  declare limit: number;
  /** `vi` (default) or `en`. */
  declare lang: string;
  /** The form field name; the chosen record's id is submitted under it and the text under `<name>_text`. */
  declare name: string;
  /** Visible label text (default "Địa chỉ" / "Address"). */
  declare label: string | undefined;
  /** Placeholder text. */
  declare placeholder: string | undefined;
  /** The field must not be empty. */
  declare required: boolean;
  /** A suggestion must be chosen (free text is not accepted). */
  declare requireSelection: boolean;
  /** Disables the field. */
  declare disabled: boolean;
  /** Characters typed before suggestions are fetched (default 2). */
  declare minLength: number;
  /** Milliseconds to wait after typing before fetching (default 120). */
  declare debounce: number;
  /** The id of the chosen suggestion, or `''`. Setting it does not fire events. */
  declare value: string;
  /** A client to use (shared by several elements); otherwise one is made from the attributes. */
  declare client: Client | undefined;

  declare _query: string;
  declare _items: Suggestion[];
  declare _active: number;
  declare _open: boolean;
  declare _status: Status;
  declare _announce: string;

  /** The chosen suggestion, if any. */
  selected: Suggestion | undefined;

  readonly #internals: ElementInternals;
  readonly #uid = `dcs-ac-${++instances}`;
  #composing = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;
  #latest = 0;
  #ownClient: Promise<Client> | undefined;
  #ownClientKey = '';

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.limit = 6;
    this.worker = false;
    this.lang = '';
    this.name = '';
    this.required = false;
    this.requireSelection = false;
    this.disabled = false;
    this.minLength = 2;
    this.debounce = 120;
    this.value = '';
    this._query = '';
    this._items = [];
    this._active = -1;
    this._open = false;
    this._status = 'idle';
    this._announce = '';
  }

  /** The text in the field. */
  get text(): string {
    return this._query;
  }
  set text(v: string) {
    this._query = typeof v === 'string' ? v : '';
    this.#syncForm();
  }

  /** The form the element belongs to. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  /** The validity state, as for native inputs. */
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  /** The validation message, in the element's language. */
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  /** Whether the element will be validated on submit. */
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }
  /**
   * Returns whether the field is valid, firing `invalid` if not.
   *
   * @returns True when valid.
   */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }
  /**
   * Returns whether the field is valid, showing the browser's message if not.
   *
   * @returns True when valid.
   */
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#abort?.abort();
  }

  /** Called by the form on reset. */
  formResetCallback(): void {
    this.value = '';
    this.selected = undefined;
    this._query = '';
    this.#close();
    this.#syncForm();
  }

  /**
   * Called by the browser to restore the field (back/forward cache, autofill).
   *
   * @param state - The saved state.
   */
  formStateRestoreCallback(state: unknown): void {
    if (state instanceof FormData) {
      this.value = String(state.get(this.name) ?? '');
      this._query = String(state.get(`${this.name}_text`) ?? '');
    } else if (typeof state === 'string') {
      this._query = state;
    }
    this.#syncForm();
  }

  /**
   * @param disabled - Whether an ancestor fieldset is disabled.
   */
  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && !this.value) this.selected = undefined;
    if (changed.has('required') || changed.has('requireSelection') || changed.has('lang') || changed.has('value') || changed.has('name'))
      this.#syncForm();
  }

  #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  #syncForm(): void {
    const t = strings(this, this.lang);
    const data = new FormData();
    if (this.name) {
      data.append(this.name, this.value);
      data.append(`${this.name}_text`, this._query);
    }
    this.#internals.setFormValue(this.name ? data : null, this._query);
    const anchor = this.#input() ?? undefined;
    if (this.required && !this._query.trim()) this.#internals.setValidity({ valueMissing: true }, t.required, anchor);
    else if (this.requireSelection && this._query.trim() && !this.value)
      this.#internals.setValidity({ customError: true }, t.selectRequired, anchor);
    else this.#internals.setValidity({});
  }

  async #getClient(): Promise<Client> {
    if (this.client) return this.client;
    const key = `${this.mode ?? ''}|${this.baseUrl ?? ''}|${this.apiKey ?? ''}|${this.lang}|${this.worker}`;
    if (!this.#ownClient || key !== this.#ownClientKey) {
      this.#ownClientKey = key;
      this.#ownClient = createClient({
        ...(this.mode ? { mode: this.mode } : {}),
        ...(this.baseUrl ? { baseUrl: this.baseUrl } : {}),
        ...(this.apiKey ? { apiKey: this.apiKey } : {}),
        ...(this.worker ? { worker: true } : {}),
        locale: langOf(this, this.lang),
      });
      this.#ownClient.catch(() => (this.#ownClient = undefined));
    }
    return this.#ownClient;
  }

  #onInput(e: InputEvent): void {
    const input = e.target as HTMLInputElement;
    this._query = input.value;
    if (this.value) {
      // Typing after a choice undoes the choice: the text no longer names that record.
      this.value = '';
      this.selected = undefined;
    }
    this.#syncForm();
    if (this.#composing || e.isComposing) return; // IME: wait for compositionend
    this.#schedule();
  }

  #onCompositionStart(): void {
    this.#composing = true;
    clearTimeout(this.#timer);
  }

  #onCompositionEnd(e: CompositionEvent): void {
    this.#composing = false;
    this._query = (e.target as HTMLInputElement).value;
    this.#syncForm();
    this.#schedule();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    const q = this._query;
    if (q.trim().length < this.minLength) {
      this.#abort?.abort();
      this.#latest++;
      this._items = [];
      this._status = 'idle';
      this.#close();
      return;
    }
    if (!(this.debounce > 0))
      void this.#fetch(q); // no debounce: no timer hop either
    else this.#timer = setTimeout(() => void this.#fetch(q), this.debounce);
  }

  async #fetch(q: string): Promise<void> {
    this.#abort?.abort();
    const ctrl = new AbortController();
    this.#abort = ctrl;
    const mine = ++this.#latest;
    this._status = 'loading';
    this._open = true;
    const t = strings(this, this.lang);
    try {
      const client = await this.#getClient();
      const res = await client.suggest(q, {
        limit: Math.max(1, Math.min(20, Number(this.limit) || 6)),
        signal: ctrl.signal,
        ...(this.province ? { province: this.province } : {}),
      });
      if (mine !== this.#latest) return; // a newer query is in flight or shown
      this._items = [...res];
      this._active = -1;
      this._status = res.length ? 'results' : 'empty';
      this._open = true;
      this._announce = res.length ? t.results(res.length) : t.noResults;
    } catch (e) {
      if (mine !== this.#latest) return;
      if (e instanceof DiachisoError && e.code === 'aborted') return;
      this._items = [];
      this._status = 'error';
      this._announce = t.error;
      const code = e instanceof DiachisoError ? e.code : 'unknown';
      this.dispatchEvent(new DcsErrorEvent({ code, message: t.error }));
    }
  }

  #close(): void {
    this._open = false;
    this._active = -1;
  }

  #onKeyDown(e: KeyboardEvent): void {
    if (e.isComposing || this.#composing) return;
    const n = this._items.length;
    const hasList = this._status === 'results' && n > 0;
    switch (e.key) {
      case 'ArrowDown':
        if (!hasList) return;
        e.preventDefault();
        if (!this._open) this._open = true;
        this._active = e.altKey ? this._active : (this._active + 1) % n;
        break;
      case 'ArrowUp':
        if (!hasList) return;
        e.preventDefault();
        this._open = true;
        this._active = this._active <= 0 ? n - 1 : this._active - 1;
        break;
      case 'Home':
        if (!this._open || !hasList || this._active < 0) return;
        e.preventDefault();
        this._active = 0;
        break;
      case 'End':
        if (!this._open || !hasList || this._active < 0) return;
        e.preventDefault();
        this._active = n - 1;
        break;
      case 'Enter':
        if (this._open && this._active >= 0) {
          e.preventDefault();
          this.#select(this._active);
        }
        break;
      case 'Escape':
        if (this._open) {
          e.preventDefault();
          this.#close();
        } else if (this._query) {
          e.preventDefault();
          this._query = '';
          this.value = '';
          this.selected = undefined;
          this.#syncForm();
        }
        break;
      case 'Tab':
        if (this._open && this._active >= 0) this.#select(this._active);
        else this.#close();
        break;
      default:
        break;
    }
  }

  #select(i: number): void {
    const s = this._items[i];
    if (!s) return;
    this.selected = s;
    this.value = s.id;
    this._query = s.legacy && s.ward && s.province ? `${s.ward.name}, ${s.province.name}` : s.label;
    this.#close();
    this._announce = strings(this, this.lang).selected(this._query);
    this.#syncForm();
    this.#fillForm(s);
    this.dispatchEvent(new DcsSelectEvent({ suggestion: s }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Fills the other fields of the form from the chosen record (`data-dcs-field` or `autocomplete` tokens). */
  #fillForm(s: Suggestion): void {
    const form = this.#internals.form;
    if (!form) return;
    const values: Record<string, string> = {
      id: s.id,
      label: s.label,
      kind: s.kind,
      ward: s.ward?.name ?? '',
      'ward-code': s.ward?.code ?? '',
      province: s.province?.name ?? '',
      'province-code': s.province?.code ?? '',
      lat: s.location ? String(s.location.lat) : '',
      lon: s.location ? String(s.location.lon) : '',
      'legacy-ward': s.legacy?.ward.name ?? '',
      street: s.kind === 'street' ? (s.label.split(',')[0] ?? '') : '',
    };
    const byToken: Record<string, string> = { 'address-level1': 'province', 'address-level2': 'ward', 'street-address': 'street' };
    for (const el of Array.from(form.elements)) {
      if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) continue;
      const tokens = (el.getAttribute('autocomplete') ?? '').split(/\s+/);
      const field = el.dataset.dcsField ?? tokens.map((t) => byToken[t]).find(Boolean);
      if (!field || !(field in values)) continue;
      if (field === 'street' && !values.street) continue;
      el.value = values[field]!;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  #onBlur(): void {
    // Let a click on an option land first (options use mousedown preventDefault, but touch may blur).
    setTimeout(() => {
      if (!this.matches(':focus-within')) this.#close();
    }, 150);
  }

  #onFocus(): void {
    if (this._items.length && this._status === 'results' && !this.value) this._open = true;
  }

  protected override render(): TemplateResult {
    const t = strings(this, this.lang);
    const listId = `${this.#uid}-listbox`;
    const active = this._open && this._active >= 0 ? `${this.#uid}-opt-${this._active}` : '';
    const showList = this._open && this._status === 'results' && this._items.length > 0;
    const message =
      this._status === 'loading' ? t.loading : this._status === 'empty' ? t.noResults : this._status === 'error' ? t.error : '';
    return html`
      <div part="base">
        <label part="label" for="input">${this.label ?? t.addressLabel}</label>
        <input
          id="input"
          part="input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded=${showList ? 'true' : 'false'}
          aria-controls=${listId}
          aria-activedescendant=${active || nothing}
          aria-required=${this.required ? 'true' : 'false'}
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          enterkeyhint="done"
          placeholder=${this.placeholder ?? t.placeholder}
          ?disabled=${this.disabled}
          .value=${this._query}
          @input=${this.#onInput}
          @keydown=${this.#onKeyDown}
          @compositionstart=${this.#onCompositionStart}
          @compositionend=${this.#onCompositionEnd}
          @blur=${this.#onBlur}
          @focus=${this.#onFocus}
        />
        <ul id=${listId} part="listbox" role="listbox" aria-label=${t.suggestions} ?hidden=${!showList}>
          ${
            showList
              ? this._items.map(
                  (s, i) =>
                    html`<li
                      id="${this.#uid}-opt-${i}"
                      part=${s.legacy ? 'option legacy' : 'option'}
                      role="option"
                      aria-selected=${i === this._active ? 'true' : 'false'}
                      @mousedown=${(e: Event) => e.preventDefault()}
                      @click=${() => this.#select(i)}
                      @pointermove=${() => (this._active = i)}
                    >
                      ${highlightLabel(s.label, s.matches)}${s.legacy ? html`<span part="badge">${t.legacy}</span>` : nothing}
                      ${s.description ? html`<span part="description">${s.description}</span>` : nothing}
                    </li>`,
                )
              : nothing
          }
        </ul>
        ${this._open && message ? html`<div part="message">${message}</div>` : nothing}
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this._announce}</div>
      </div>
    `;
  }
}
