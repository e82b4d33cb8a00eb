import type { Range, Suggestion } from '@diachiso/core';
import type { Client, ClientMode, DiachisoErrorCode } from '@diachiso/sdk';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { DcsDeselectEvent } from '../events/deselect.js';
import { DcsErrorEvent } from '../events/error.js';
import { DcsSelectEvent } from '../events/select.js';
import { ClientController } from '../internal/client-controller.js';
import { langOf, strings } from '../internal/localize.js';
import { SuggestSession, type SuggestState, type SuggestStatus } from '../internal/suggest-session.js';
import { styles } from './address-autocomplete.styles.js';
import type { ComposedAddress } from './compose.js';
import { afterLoadWhenIdle } from './warm-up.js';

type Status = SuggestStatus;

/**
 * The code of a `DiachisoError`, read by name rather than with `instanceof`: a value import of
 * `@diachiso/sdk` here would put the whole client (which the element imports lazily) on the
 * page's start-up path.
 */
const errorCode = (e: unknown): DiachisoErrorCode | undefined =>
  e instanceof Error && e.name === 'DiachisoError' ? (e as Error & { code: DiachisoErrorCode }).code : undefined;

// Composing a pick needs the address parser of @diachiso/core, which the client also loads
// lazily: imported statically here, it would put all of core on the page's start-up path. It
// loads with the client (at idle, on focus, or with the first search), before any pick.
type Compose = typeof import('./compose.js');
let composeModule: Promise<Compose> | undefined;
const loadCompose = (): Promise<Compose> => {
  if (!composeModule) {
    composeModule = import('./compose.js');
    composeModule.catch(() => (composeModule = undefined));
  }
  return composeModule;
};

// Local answers wait only for a burst of keys to end: a worker cannot drop a search it has
// queued, and twenty whole-address searches from a paste-speed burst would run one after another.
const LOCAL_DEBOUNCE_MS = 30;

/** Where a suggestion's data comes from OpenStreetMap (streets, points of interest, addresses on them). */
const fromOsm = (s: Suggestion) => s.kind === 'street' || s.kind === 'poi' || s.kind === 'address' || s.id.startsWith('street:');

/**
 * Returns a suggestion's second line in the element's language. The data speaks Vietnamese; in
 * English a pre-2025 unit is described from its record, and the Vietnamese "before 1/7/2025" /
 * "(cũ)" words are translated.
 */
function describe(s: Suggestion, en: boolean): string | undefined {
  if (!en) return s.description;
  if (s.legacy) {
    const l = s.legacy;
    return `${[l.ward.name, l.district?.name, l.province.name].filter(Boolean).join(', ')} (before 1 July 2025)`;
  }
  return s.description?.replace(/\(trước 1\/7\/2025\)/gu, '(before 1 July 2025)').replace(/\(cũ\)/gu, '(former)');
}

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

/** In English, the "(cũ)" (former) mark of a pre-2025 name in a label, translated; text pieces only. */
function localizeLabel(parts: Array<string | TemplateResult>, en: boolean): Array<string | TemplateResult> {
  return en ? parts.map((p) => (typeof p === 'string' ? p.replace(/\(cũ\)/gu, '(former)') : p)) : parts;
}

let instances = 0;

/**
 * An address field with suggestions as you type, on the national digital address platform or
 * on the embedded dataset. A WAI-ARIA 1.2 combobox, form-associated, IME-safe.
 *
 * @summary Address autocomplete for Vietnamese addresses (2025 and pre-2025).
 *
 * On a pick the house number, alley and street the user typed are kept and merged with the
 * chosen record: the value is the record's id, the text the whole address (`address_text` in
 * the form). Editing the text afterwards undoes the pick: the value and the form fields the pick
 * filled are cleared and `dcs-deselect` fires. Enter with the list closed submits the form, as in
 * a native input.
 *
 * The client is, in order: the `.client` property; the one of the nearest `<dcs-platform>`
 * around the element; the page's shared client for the element's own `mode`, `base-url`,
 * `api-key`, `worker` (one per configuration per page, whatever the number of elements).
 *
 * @event dcs-select - The user chose a suggestion; `detail.suggestion` is the full record, `detail.text` the composed address.
 * @event dcs-deselect - The user edited the text after a pick, which undid it; `detail.cleared` names the fields cleared.
 * @event dcs-error - Suggestions could not be loaded; `detail.code` says why.
 *
 * @slot attribution - The data attribution under the list, shown when it lists OpenStreetMap
 *   records (default "© OpenStreetMap contributors, ODbL").
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
 * @csspart popup - The box under the field holding the list and the attribution.
 * @csspart attribution - The data attribution under the list (OpenStreetMap records).
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
    noPreload: { type: Boolean, attribute: 'no-preload' },
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
  /** Run the embedded engine in a Web Worker (the chunk `diachiso-worker-<hash>.js` beside the browser bundle), so typing never waits for it. */
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
  /**
   * Milliseconds to wait after typing before fetching. Default: 30 when the suggestions are
   * answered on this device (offline mode, or `auto` while the platform is unreachable), where a
   * search costs a few milliseconds; 120 when they come from the platform.
   */
  declare debounce: number | undefined;
  /**
   * Do not start the offline engine before the user reaches for the field. By default it starts
   * once the page has loaded and is idle, or on focus, whichever comes first, so the first
   * suggestions do not wait for the dataset; with `no-preload` it starts on focus only.
   */
  declare noPreload: boolean;
  /** The id of the chosen suggestion, or `''`. Setting it does not fire events. */
  declare value: string;
  /** A client to use; overrides the `<dcs-platform>` around the element and the page's shared client. */
  declare client: Client | undefined;

  /** @internal */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'api-key'];
  }

  /**
   * The platform API key (sent in a header, never shown). Write-only: reading it gives
   * `undefined`, and the `api-key` attribute is removed once read, so the key is not left in the DOM.
   */
  set apiKey(v: string | undefined) {
    this.#apiKey = typeof v === 'string' && v ? v : undefined;
  }
  get apiKey(): undefined {
    return undefined;
  }

  /** @internal */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'api-key') {
      if (value !== null) {
        this.apiKey = value;
        this.removeAttribute('api-key');
      }
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

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
  #apiKey: string | undefined;
  /** The form fields the last pick filled, with the value it put there. */
  #filled: Array<{ el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement; value: string; field: string }> = [];
  readonly #clients = new ClientController(this, () => ({
    mode: this.mode,
    baseUrl: this.baseUrl,
    apiKey: this.#apiKey,
    worker: this.worker,
    locale: langOf(this, this.lang),
  }));
  readonly #session = new SuggestSession<Suggestion>(async (q, signal) => {
    const [client, compose] = await Promise.all([this.#clients.get(), loadCompose()]);
    this.#compose = compose;
    const list = await client.suggest(q, {
      limit: Math.max(1, Math.min(20, Number(this.limit) || 6)),
      signal,
      ...(this.province ? { province: this.province } : {}),
    });
    this.#local = client.mode === 'offline' || list.source === 'offline';
    return list;
  });
  /** The suggestions are answered on this device: no debounce by default. */
  #local = false;
  #cancelWarm: (() => void) | undefined;
  #warm: Promise<unknown> | undefined;
  #compose: Compose | undefined;

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
    this.debounce = undefined;
    this.noPreload = false;
    this.value = '';
    this._query = '';
    this._items = [];
    this._active = -1;
    this._open = false;
    this._status = 'idle';
    this._announce = '';
    this.#session.subscribe((st) => this.#onSession(st));
  }

  /**
   * Returns the client this element uses now (see the class description for which one).
   *
   * @returns The client.
   */
  getClient(): Promise<Client> {
    return this.#clients.get();
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

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.noPreload && !this.#warm) this.#cancelWarm = afterLoadWhenIdle(() => this.#warmUp());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#session.cancel();
    this.#cancelWarm?.();
  }

  /**
   * Starts the client, and with it the offline engine (an offline client loads its dataset when
   * it is made), before the first keystroke. Once per element; a failure is not reported here:
   * the first search tries again and reports it.
   */
  #warmUp(): void {
    this.#cancelWarm?.();
    if (this.#warm || this.disabled) return;
    this.#warm = Promise.all([this.#clients.get(), loadCompose()])
      .then(([c, compose]) => {
        this.#compose = compose;
        if (c.mode === 'offline') this.#local = true;
      })
      .catch(() => (this.#warm = undefined));
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

  #onInput(e: InputEvent): void {
    const input = e.target as HTMLInputElement;
    this._query = input.value;
    this.#undoPickIfEdited();
    this.#syncForm();
    if (this.#composing || e.isComposing) return; // IME: wait for compositionend
    this.#schedule();
  }

  #onCompositionStart(): void {
    this.#composing = true;
    this.#session.cancel(); // IME: wait for compositionend
  }

  #onCompositionEnd(e: CompositionEvent): void {
    this.#composing = false;
    this._query = (e.target as HTMLInputElement).value;
    this.#undoPickIfEdited();
    this.#syncForm();
    this.#schedule();
  }

  /**
   * Typing after a pick undoes it when the text no longer names the same address (a change of
   * case or spacing does not): the value and the fields the pick filled are cleared, and
   * listeners are told so they drop what they derived (a pin, a code).
   */
  #undoPickIfEdited(): void {
    const previous = this.selected;
    const same = this.#compose?.sameAddress(this._query, this.#pickedText) ?? this._query === this.#pickedText;
    if (!this.value || !previous || same) return;
    this.value = '';
    this.selected = undefined;
    const cleared: string[] = [];
    for (const { el, value, field } of this.#filled) {
      if (el.value !== value) continue; // the user changed it since: theirs now
      el.value = '';
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      cleared.push(el.getAttribute('name') || field);
    }
    this.#filled = [];
    this.dispatchEvent(new DcsDeselectEvent({ previous, text: this._query, cleared }));
  }

  #pickedText = '';

  #schedule(): void {
    const d = this.debounce === undefined || this.debounce === null ? NaN : Number(this.debounce);
    this.#session.debounceMs = Number.isFinite(d) ? d : this.#local ? LOCAL_DEBOUNCE_MS : 120;
    this.#session.minLength = Number(this.minLength);
    this.#session.input(this._query);
  }

  #onSession(st: SuggestState<Suggestion>): void {
    const t = strings(this, this.lang);
    switch (st.status) {
      case 'idle':
        this._items = [];
        this._status = 'idle';
        this.#close();
        return;
      case 'loading':
        this._status = 'loading';
        this._open = true;
        return;
      case 'results':
      case 'empty':
        this._items = [...st.items];
        this._active = -1;
        this._status = st.status;
        this._open = true;
        this._announce = st.items.length ? t.results(st.items.length) : t.noResults;
        return;
      case 'error': {
        if (errorCode(st.error) === 'aborted') return;
        this._items = [];
        this._status = 'error';
        this._announce = t.error;
        const code = errorCode(st.error) ?? 'unknown';
        this.dispatchEvent(new DcsErrorEvent({ code, message: t.error }));
        return;
      }
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
        } else if (this._open && (this._status === 'results' || this._status === 'loading')) {
          // The list is open with nothing chosen: Enter closes it (a late answer may just have
          // replaced the option the user meant), and a second Enter submits.
          e.preventDefault();
          this.#close();
        } else {
          // As a native input: Enter with the list closed submits the form (implicit submission).
          e.preventDefault();
          this.#close();
          this.#submit();
        }
        break;
      case 'Escape':
        if (this._open) {
          e.preventDefault();
          this.#close();
        } else if (this._query) {
          e.preventDefault();
          this._query = '';
          this.#undoPickIfEdited();
          this.value = '';
          this.selected = undefined;
          this.#syncForm();
          this.#session.reset();
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

  /** Submits the form as a native input's Enter does: through its default button, validation included. */
  #submit(): void {
    const form = this.#internals.form;
    if (!form) return;
    const button = [...form.elements].find(
      (el): el is HTMLButtonElement | HTMLInputElement =>
        (el instanceof HTMLButtonElement && el.type === 'submit') ||
        (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'image')),
    );
    if (button?.disabled) return;
    if (button) form.requestSubmit(button);
    else form.requestSubmit();
  }

  #select(i: number): void {
    const s = this._items[i];
    if (!s) return;
    // Loaded before any list was shown; the label alone if it somehow is not.
    const composed: ComposedAddress = this.#compose?.composeAddress(this._query, s) ?? { text: s.label };
    this.selected = s;
    this.value = s.id;
    this._query = composed.text;
    this.#pickedText = composed.text;
    this.#session.cancel();
    this.#close();
    this._announce = strings(this, this.lang).selected(this._query);
    this.#syncForm();
    this.#fillForm(s, composed);
    this.dispatchEvent(new DcsSelectEvent({ suggestion: s, text: composed.text }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Fills the other fields of the form from the chosen record (`data-dcs-field` or `autocomplete` tokens). */
  #fillForm(s: Suggestion, composed: ComposedAddress): void {
    this.#filled = [];
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
      street: composed.street ?? '',
      'house-number': composed.houseNumber ?? '',
      alley: composed.alley ?? '',
      hamlet: composed.hamlet ?? '',
      text: composed.text,
    };
    const byToken: Record<string, string> = {
      'address-level1': 'province',
      'address-level2': 'ward',
      'street-address': 'street',
      'address-line1': 'street',
    };
    for (const el of Array.from(form.elements)) {
      if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) continue;
      const tokens = (el.getAttribute('autocomplete') ?? '').split(/\s+/);
      const field = el.dataset.dcsField ?? tokens.map((t) => byToken[t]).find(Boolean);
      if (!field || !(field in values)) continue;
      if (['street', 'house-number', 'alley', 'hamlet'].includes(field) && !values[field]) continue;
      el.value = values[field]!;
      this.#filled.push({ el, value: el.value, field });
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  #pointer = '';

  /**
   * Hovering makes an option active, but only when the pointer really moved: scrolling the active
   * option into view moves the list under a still pointer, and Chromium then reports a move.
   */
  #onPointerMove(e: PointerEvent, i: number): void {
    const at = `${e.screenX},${e.screenY}`;
    if (at === this.#pointer) return;
    this.#pointer = at;
    this._active = i;
  }

  #onBlur(): void {
    // Let a click on an option land first (options use mousedown preventDefault, but touch may blur).
    setTimeout(() => {
      if (!this.matches(':focus-within')) this.#close();
    }, 150);
  }

  #onFocus(): void {
    this.#warmUp();
    if (this._items.length && this._status === 'results' && !this.value) this._open = true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The active option is always visible, however long the list (keyboard users follow it).
    if (changed.has('_active') && this._active >= 0)
      this.renderRoot.querySelector(`#${this.#uid}-opt-${this._active}`)?.scrollIntoView?.({ block: 'nearest' });
  }

  protected override render(): TemplateResult {
    const t = strings(this, this.lang);
    const listId = `${this.#uid}-listbox`;
    const active = this._open && this._active >= 0 ? `${this.#uid}-opt-${this._active}` : '';
    const showList = this._open && this._status === 'results' && this._items.length > 0;
    const en = langOf(this, this.lang) === 'en';
    const osm = showList && this._items.some(fromOsm);
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
          @pointerdown=${this.#warmUp}
        />
        <div part="popup" ?hidden=${!showList}>
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
                        @pointermove=${(e: PointerEvent) => this.#onPointerMove(e, i)}
                      >
                        ${localizeLabel(highlightLabel(s.label, s.matches), en)}${s.legacy ? html`<span part="badge">${t.legacy}</span>` : nothing}
                        ${describe(s, en) ? html`<span part="description">${describe(s, en)}</span>` : nothing}
                      </li>`,
                  )
                : nothing
            }
          </ul>
          ${osm ? html`<div part="attribution"><slot name="attribution">${t.osm}</slot></div>` : nothing}
        </div>
        ${this._open && message ? html`<div part="message">${message}</div>` : nothing}
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this._announce}</div>
      </div>
    `;
  }
}
