import { ContextProvider } from '@lit/context';
import type { Client, ClientMode } from '@diachiso/sdk';
import { css, html, LitElement, type TemplateResult } from 'lit';
import { langOf } from '../internal/localize.js';
import { clientContext, makeClient, type ClientPromise } from '../internal/shared-client.js';

/**
 * Configures the platform once for everything inside it: every `dcs-*` element in it uses the
 * one client this element makes (one cache, one outbox, one `online` listener), instead of one
 * each. Elements outside any `<dcs-platform>` share one page-level client; an element's own
 * `.client` property still overrides both.
 *
 * The `api-key` attribute is read once, kept in a private field and removed from the DOM, so
 * the key is not left in the page for other scripts, extensions or DOM snapshots to read.
 *
 * @summary One platform client for the elements inside it.
 *
 * @slot - The elements and the rest of the page that use the client.
 *
 * @example
 * ```html
 * <dcs-platform mode="auto" base-url="https://api.example.vn" api-key="…" lang="vi">
 *   <dcs-address-autocomplete name="address"></dcs-address-autocomplete>
 *   <dcs-mini-map hidden></dcs-mini-map>
 * </dcs-platform>
 * ```
 */
export class DcsPlatform extends LitElement {
  /** @internal */
  static override styles = css`
    :host {
      display: contents;
    }
    :host([hidden]) {
      display: none;
    }
  `;
  /** @internal */
  static override properties = {
    mode: { type: String },
    baseUrl: { type: String, attribute: 'base-url' },
    worker: { type: Boolean },
    lang: { type: String },
    datasetUrl: { type: String, attribute: 'dataset-url' },
    client: { attribute: false },
  };

  /** @internal */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'api-key'];
  }

  /** `offline`, `online` or `auto`; default offline without `base-url`, auto with it. */
  declare mode: ClientMode | undefined;
  /** The platform's base URL (online and auto modes). */
  declare baseUrl: string | undefined;
  /** Run the embedded engine in a Web Worker, so typing never waits for it. */
  declare worker: boolean;
  /** `vi` (default) or `en`: the language of the platform's messages. */
  declare lang: string;
  /** Where the embedded dataset's files are (a folder URL ending in `/`); default beside the bundle. */
  declare datasetUrl: string | undefined;
  /** A client made by the page; when set, it is the one provided (the attributes are ignored). */
  declare client: Client | undefined;

  #apiKey: string | undefined;
  #current: ClientPromise | undefined;
  #key: unknown;
  readonly #provider = new ContextProvider(this, { context: clientContext });

  constructor() {
    super();
    this.worker = false;
    this.lang = '';
  }

  /** The platform API key. Write-only: reading it gives `undefined`. */
  set apiKey(v: string | undefined) {
    this.#apiKey = typeof v === 'string' && v ? v : undefined;
    this.requestUpdate('apiKey');
  }
  get apiKey(): undefined {
    return undefined;
  }

  /** @internal */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'api-key') {
      if (value === null) return;
      this.apiKey = value;
      this.removeAttribute('api-key'); // read once; never left in the DOM
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

  /**
   * Returns the client provided to the elements inside.
   *
   * @returns The client.
   */
  getClient(): Promise<Client> {
    return this.#client();
  }

  #client(): ClientPromise {
    this.#refresh();
    return this.#current!;
  }

  /** Makes a new client when the settings changed since the last one, and tells the consumers. */
  #refresh(): void {
    const key = this.client
      ? this.client
      : JSON.stringify([this.mode, this.baseUrl, this.#apiKey, this.worker, this.datasetUrl, langOf(this, this.lang)]);
    if (this.#current && key === this.#key) return;
    this.#key = key;
    const p: ClientPromise = this.client
      ? Promise.resolve(this.client)
      : makeClient({
          mode: this.mode,
          baseUrl: this.baseUrl,
          apiKey: this.#apiKey,
          worker: this.worker,
          datasetUrl: this.datasetUrl,
          locale: langOf(this, this.lang),
        });
    // A failed start is not kept: the next use tries again.
    p.catch(() => {
      if (this.#current === p) this.#current = undefined;
    });
    this.#current = p;
    this.#provider.setValue(p);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#refresh(); // before any element inside asks (attributes are already read)
  }

  protected override willUpdate(): void {
    this.#refresh();
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
