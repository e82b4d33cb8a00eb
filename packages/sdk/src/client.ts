import type {
  AddressComponents,
  CodeLookup,
  CodeReading,
  Declaration,
  Notice,
  NoticeChannel,
  Registration,
  RegistrationError,
  RegistrationStore,
  VerifyResult,
  ConversionCandidate,
  DecodedCode,
  LatLon,
  ReverseResult,
  Suggestion,
  SuggestionKind,
  UnitRef,
} from '@diachiso/core';
import type { LoadOptions } from '@diachiso/data';
import type { ExportPage, ExportQuery, LayerCollection, OfflineEngine, WardCoverage, WorkerEngine } from '@diachiso/search';
import type { LocalStore } from './storage.js';
import { DiachisoError } from './errors.js';
import { parseSuggestBody } from './validate.js';

/** Parsers of answers off the typing path, loaded on first use. */
const extra = () => import('./validate-extra.js');
/** The code services (any kind of code, national code lookup, local registry), loaded on first use. */
const codes = () => import('./codes.js');

/** How the client answers: from the platform, from the embedded data, or the platform with an offline fallback. */
export type ClientMode = 'online' | 'offline' | 'auto';

/** Which side answered a call. */
export type Source = 'online' | 'offline';

/** Retry policy for idempotent calls. */
export interface RetryOptions {
  /** Extra attempts after the first (default 2). */
  retries?: number;
  /** First backoff, in milliseconds (default 200); doubles each time, with full jitter. */
  baseDelayMs?: number;
  /** Longest wait between attempts, in milliseconds (default 5000). */
  maxDelayMs?: number;
}

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** `offline` (embedded data), `online` (platform API) or `auto` (online, falling back to offline). Default: `offline` without a `baseUrl`, `auto` with one. */
  mode?: ClientMode;
  /** The platform's base URL, e.g. `https://api.example.gov.vn` (the client adds `/v1/…`). */
  baseUrl?: string;
  /** The API key, sent in the `X-API-Key` header, never in the URL. */
  apiKey?: string;
  /** A `fetch` to use. Default: the global one. */
  fetch?: typeof fetch;
  /** Per-request timeout, in milliseconds (default 8000). */
  timeoutMs?: number;
  /** Retry policy for idempotent calls; `false` to disable. */
  retry?: RetryOptions | false;
  /** Language of error messages and labels (default `vi`). */
  locale?: 'vi' | 'en';
  /** In-memory LRU cache of `suggest` and `retrieve` answers from the platform (default 200 entries, 5 minutes); `false` to disable. */
  cache?: { size?: number; ttlMs?: number } | false;
  /** Where and how to load the embedded dataset (offline and auto modes). */
  dataset?: LoadOptions;
  /**
   * Run the offline engine's searches (`suggest`, `search`, `retrieve`, `reverse`) in a Web Worker,
   * so that loading the dataset and every search stay off the main thread. `{ url }` names the
   * worker script (default: `diachiso-worker.js` beside the bundle). Where a worker cannot start
   * (no Worker, blocked by CSP), the engine runs on the main thread; {@link Client.engineThread}
   * says which. Default `false`.
   */
  worker?: boolean | { url?: string | URL };
}

/** Options common to every call. */
export interface CallOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
}

/** Options of {@link Client.suggest}. */
export interface ClientSuggestOptions extends CallOptions {
  /** Most results (1–50, default 5). */
  limit?: number;
  /** Prefer results in this province (2-digit code). */
  province?: string;
  /** Prefer results in this 2025 ward (5-digit code). */
  ward?: string;
  /** Prefer results near this point. */
  near?: LatLon;
  /** Only these kinds. */
  kinds?: readonly SuggestionKind[];
}

/**
 * The suggestions of one `suggest` call: an array, tagged with the query, a sequence number
 * that grows with each call (so a UI can drop a response older than the one it shows) and the
 * side that answered.
 */
export type SuggestResult = Suggestion[] & {
  /** The query as given. */
  readonly query: string;
  /** Increases with every `suggest` call on this client. */
  readonly seq: number;
  /** Which side answered. */
  readonly source: Source;
};

/** The answer of {@link Client.convertLegacy}. */
export interface LegacyConversion {
  /** The text as given. */
  readonly input: string;
  /** Every 2025 unit the address may be in, best first. */
  readonly candidates: readonly ConversionCandidate[];
  /** True when the pre-2025 ward was divided between several 2025 units (all are listed). */
  readonly split: boolean;
  /** True when the candidates name more than one 2025 unit. */
  readonly ambiguous: boolean;
  /** Which side answered. */
  readonly source: Source;
}

/** The answer of {@link Client.search}. */
export interface SearchAnswer {
  /** The results, best first. */
  readonly results: Suggestion[];
  /** Which side answered. */
  readonly source: Source;
}

/** The answer of {@link Client.verify}, with the side that answered. */
export type VerifyAnswer = VerifyResult & { readonly source: Source };

/** Options of {@link Client.exportRecords}. */
export type ExportOptions = ExportQuery &
  CallOptions & {
    /** `json` (default: a page of records), `geojson` or `csv` (text). */
    format?: 'json' | 'geojson' | 'csv';
  };

/** The answer of {@link Client.exportRecords}. */
export type ExportAnswer =
  | (ExportPage & { readonly format: 'json'; readonly source: Source })
  | {
      readonly format: 'geojson' | 'csv';
      readonly text: string;
      readonly nextCursor?: string;
      readonly total: number;
      readonly source: Source;
    };

/** A registration step that could not reach the platform and waits in the outbox. */
export interface QueuedSubmission {
  /** Always true. */
  readonly queued: true;
  /** The key it will be sent with (once). */
  readonly idempotencyKey: string;
  /** The step. */
  readonly step: 'declare' | 'create' | 'verify';
}

/** The registration services: declare → create → verify, notices, drafts and the offline outbox. */
export interface Registrations {
  /**
   * Declares an address (basic fields mandatory, advanced optional). In `auto` mode, when the
   * platform is unreachable, the declaration is queued and sent once when the network returns.
   *
   * @param d - The declaration.
   * @param opts - Idempotency key (one is made if absent) and abort signal.
   * @returns The registration (`declared`), or the queued submission.
   * @throws DiachisoError `invalid-input` with `problem.issues` for missing or malformed fields.
   * @example
   * ```ts
   * const r = await client.registrations.declare({ name: 'Nhà ông A', category: 'house', houseNumber: '12', street: 'Trần Phú',
   *   ward: { code: '22366', name: 'Phường Nha Trang' }, province: { code: '56', name: 'Tỉnh Khánh Hòa' }, location: { lat: 12.24, lon: 109.19 } });
   * ```
   */
  declare(d: Declaration, opts?: CallOptions & { idempotencyKey?: string }): Promise<Registration | QueuedSubmission>;
  /**
   * Creates the address: the platform assigns its code.
   *
   * @param id - The registration id.
   * @param opts - Idempotency key and abort signal.
   * @returns The registration, `created`, with its record and code.
   */
  create(id: string, opts?: CallOptions & { idempotencyKey?: string }): Promise<Registration | QueuedSubmission>;
  /**
   * An official approves or rejects a created address.
   *
   * @param id - The registration id.
   * @param decision - `approve` or `reject`.
   * @param opts - A note (required to reject), idempotency key, abort signal.
   * @returns The registration, `verified` or `rejected`.
   */
  verify(
    id: string,
    decision: 'approve' | 'reject',
    opts?: CallOptions & { idempotencyKey?: string; note?: string },
  ): Promise<Registration | QueuedSubmission>;
  /**
   * Returns a registration with its status and history.
   *
   * @param id - The id.
   * @param opts - Abort signal.
   * @returns It, or `null`.
   */
  get(id: string, opts?: CallOptions): Promise<Registration | null>;
  /**
   * Returns the text of the notice of the digital address code, for SMS, e-mail or letter.
   *
   * @param id - A created registration.
   * @param channel - `sms`, `email`, `letter`.
   * @param lang - `vi` (default) or `en`.
   * @returns The notice.
   */
  notice(id: string, channel: NoticeChannel, lang?: 'vi' | 'en'): Promise<Notice>;
  /**
   * Saves a draft as the user types (IndexedDB; memory when unavailable).
   *
   * @param key - Your form's key.
   * @param data - Anything structured-cloneable.
   */
  saveDraft(key: string, data: unknown): Promise<void>;
  /**
   * Returns a saved draft.
   *
   * @param key - Your form's key.
   * @returns The draft, or `undefined`.
   */
  loadDraft<T = unknown>(key: string): Promise<T | undefined>;
  /**
   * Deletes a draft (after a successful submission).
   *
   * @param key - Your form's key.
   */
  clearDraft(key: string): Promise<void>;
  /** Returns the submissions waiting in the outbox. */
  pending(): Promise<QueuedSubmission[]>;
  /**
   * Sends the outbox now (each submission once, with its key). Called automatically when the
   * browser goes back online.
   *
   * @returns The results of the submissions sent.
   */
  flush(): Promise<Registration[]>;
}

/** The administrative units services. */
export interface Units {
  /** Returns the 34 provinces of 2025. */
  provinces(): Promise<UnitRef[]>;
  /**
   * Returns the wards of a province.
   *
   * @param provinceCode - A 2-digit code.
   */
  wards(provinceCode: string): Promise<UnitRef[]>;
  /**
   * Returns a 2025 ward and its province.
   *
   * @param code - A 5-digit 2025 code.
   */
  ward(code: string): Promise<(UnitRef & { readonly province: UnitRef }) | null>;
}

/** A decoded digital address code, with its ward and the side that answered. */
export type CodeAnswer = DecodedCode & {
  /** The 2025 ward of the zone. */
  readonly ward?: UnitRef;
  /** Which side answered. */
  readonly source: Source;
};

/** The answer of {@link Client.encodeCode}: a code, or a full Plus Code outside the covered area. */
export type EncodeAnswer =
  | (CodeAnswer & { readonly zoneKnown: true })
  | { readonly zoneKnown: false; readonly plusCode: string; readonly note: string; readonly source: Source };

/** The answer of {@link Client.lookupCode}: the registration a national address code was issued to, with the side that answered. */
export type LookupAnswer = (CodeLookup & { readonly source: Source }) | null;

/** Options of {@link Client.reverse}. */
export interface ReverseOptions extends CallOptions {
  /** How many nearest streets and points of interest (default 3 and 5 within 500 m); `false` for none. */
  nearby?: { streets?: number; pois?: number; radiusM?: number; category?: string } | false;
}

/** The answer of {@link Client.reverse}, with the side that answered. */
export type ReverseAnswer = (ReverseResult & { readonly source: Source }) | null;

/**
 * A `Client` is one typed entry point to the platform's services, online or offline.
 * Create it with {@link createClient}.
 */
export interface Client {
  /** The mode chosen. */
  readonly mode: ClientMode;
  /** The language of messages. */
  readonly locale: 'vi' | 'en';
  /**
   * Returns ranked suggestions for what the user has typed.
   *
   * @param text - The query (free text, any spelling).
   * @param opts - Limit, preferences, abort signal.
   * @returns The suggestions, tagged (see {@link SuggestResult}).
   * @throws DiachisoError on failure (online), never for odd input.
   * @example
   * ```ts
   * const r = await client.suggest('vinh hai', { limit: 5 });
   * r[0]?.label;
   * ```
   */
  suggest(text: string, opts?: ClientSuggestOptions): Promise<SuggestResult>;
  /**
   * Returns the 2025 ward and province containing a point, or `null` outside the covered area.
   *
   * @param point - `{ lat, lon }` in degrees.
   * @param opts - How many nearest streets and points of interest, within which radius (`nearby:
   *   false` for none); abort signal.
   * @returns The ward and province with the nearest streets and points of interest (distances in
   *   metres), or `null`.
   * @throws DiachisoError `invalid-input` for a point that is not a finite lat/lon.
   * @example
   * ```ts
   * const r = await client.reverse({ lat: 12.2388, lon: 109.1967 });
   * r?.ward.name; // 'Phường Nha Trang'
   * r?.streets?.[0]; // { id: 'street:tran-phu', name: 'Trần Phú', distanceM: 35 }
   * ```
   */
  reverse(point: LatLon, opts?: ReverseOptions): Promise<ReverseAnswer>;
  /**
   * Converts a pre-2025 address (full, abbreviated, without diacritics, with or without
   * district) to its 2025 ward and province. A divided ward gives every candidate; a name that
   * is also a 2025 unit gives both readings, labelled by `era`. Khánh Hòa candidates carry the
   * clause of Resolution 1667/NQ-UBTVQH15.
   *
   * @param text - The address.
   * @param opts - Abort signal.
   * @returns The candidates and flags.
   * @example
   * ```ts
   * const r = await client.convertLegacy('P. Vĩnh Hải, TP. Nha Trang');
   * r.candidates[0]?.ward.name; // 'Phường Bắc Nha Trang'
   * r.candidates[0]?.citation?.clause; // 50
   * ```
   */
  convertLegacy(text: string, opts?: CallOptions): Promise<LegacyConversion>;
  /**
   * Returns the digital address code of a point: the 5-digit zone (its 2025 ward) and the
   * location (`22366-65WW+848`). Outside the covered area offline, a full Plus Code with
   * `zoneKnown: false`. Online, the platform's own code is used as given.
   *
   * @param point - The point.
   * @param opts - Abort signal.
   * @returns The code.
   * @throws DiachisoError `invalid-input` for a point that is not a finite lat/lon.
   * @example
   * ```ts
   * (await client.encodeCode({ lat: 12.24579, lon: 109.19533 })).code; // '22366-65WW+848'
   * ```
   */
  encodeCode(point: LatLon, opts?: CallOptions): Promise<EncodeAnswer>;
  /**
   * Decodes a digital address code into its zone, ward, location (cell centre) and cell.
   *
   * @param code - The code in any accepted form (`22366 65ww848`).
   * @param opts - Abort signal.
   * @returns The decoded code.
   * @throws DiachisoError `invalid-input` (with the reason) when the text is not a valid code.
   * @example
   * ```ts
   * const d = await client.decodeCode('22366-65WW+848');
   * d.ward?.name; // 'Phường Nha Trang'
   * ```
   */
  decodeCode(code: string, opts?: CallOptions): Promise<CodeAnswer>;
  /**
   * Reads a typed code and says which kind it is: a national address code (`ndas`, 10 digits:
   * the ward's postal code + a serial; its postal code checked against the postal codes of the
   * 2025 wards, and its ward named), a location code (`location`, `22366-65WW+848`) or a full
   * Plus Code (`plus`), with findings in Vietnamese and English. Never throws for bad input.
   *
   * @param text - What the user typed.
   * @returns The reading.
   * @example
   * ```ts
   * await client.parseCode('5713312345');
   * // { kind: 'ndas', code: '5713312345', postalCode: '57133', serial: '12345',
   * //   ward: { code: '22366', name: 'Phường Nha Trang', postalCode: '57133' }, valid: true, findings: [], … }
   * (await client.parseCode('224O2 65ww848')).kind; // 'location' (code '22402-65WW+848', corrections ['O→0 in the zone'])
   * ```
   */
  parseCode(text: string): Promise<CodeReading>;
  /**
   * Looks up a national address code: the registration it was issued to (status, ward, point,
   * location code, Plus Code). Online the platform answers; offline, the local registry (the
   * codes this device issued). A national code cannot be decoded without a lookup.
   *
   * @param code - The 10 digits (spaces and dashes allowed).
   * @param opts - Abort signal.
   * @returns The registration's answer, or `null` when no address has this code.
   * @throws DiachisoError `invalid-input` when the text is not 10 digits.
   * @example
   * ```ts
   * (await client.lookupCode('57133 00001'))?.record.ward.name; // 'Phường Nha Trang'
   * ```
   */
  lookupCode(code: string, opts?: CallOptions): Promise<LookupAnswer>;
  /**
   * Returns search results (a longer, paged list than `suggest`).
   *
   * @param text - The query.
   * @param opts - Limit (1–50, default 20), preferences, abort signal.
   * @returns The results.
   * @example
   * ```ts
   * (await client.search('tran phu', { limit: 10 })).results.length;
   * ```
   */
  search(text: string, opts?: ClientSuggestOptions): Promise<SearchAnswer>;
  /**
   * Returns one record by the id of a suggestion.
   *
   * @param id - A suggestion id.
   * @param opts - Abort signal.
   * @returns The record, or `null`.
   * @example
   * ```ts
   * (await client.retrieve('ward:22333'))?.label; // 'Phường Bắc Nha Trang, Tỉnh Khánh Hòa'
   * ```
   */
  retrieve(id: string, opts?: CallOptions): Promise<(Suggestion & { readonly source: Source }) | null>;
  /**
   * Verifies an address: the verdict (`valid`, `corrected`, `ambiguous`, `invalid`), the
   * normalised 2025 address, findings per component (legacy units with their legal citation,
   * spelling, missing parts, outside the province) and every candidate.
   *
   * @param input - Free text, or components.
   * @param opts - Abort signal.
   * @returns The verdict.
   * @example
   * ```ts
   * const v = await client.verify('12 Trần Phú, P. Vĩnh Hải, TP. Nha Trang');
   * v.status; // 'corrected'
   * v.address?.ward.code; // '22333'
   * ```
   */
  verify(input: string | AddressComponents, opts?: CallOptions): Promise<VerifyAnswer>;
  /** Administrative units of 2025. */
  readonly units: Units;
  /**
   * Returns a thematic layer: points of interest of a category (health, education, tourism,
   * fuel, …, or `all`) within a bounding box, as GeoJSON.
   *
   * @param category - The category.
   * @param opts - `bbox` `[west, south, east, north]`, abort signal.
   * @returns The features, with attribution.
   */
  layer(category: string, opts?: CallOptions & { bbox?: readonly number[] }): Promise<LayerCollection & { readonly source: Source }>;
  /**
   * Exports address records for agencies and businesses, a page at a time, as JSON, GeoJSON or CSV.
   *
   * @param opts - Filters (province, ward, category, updatedSince), paging (limit, cursor), format.
   * @returns The page.
   */
  exportRecords(opts?: ExportOptions): Promise<ExportAnswer>;
  /**
   * Returns coverage per ward: objects, declared, with a code, verified, notified, plated.
   *
   * @param opts - Province (default 56) and ward.
   * @returns One row per ward.
   */
  coverage(opts?: CallOptions & { province?: string; ward?: string }): Promise<WardCoverage[]>;
  /** Registration: declare → create → verify, notices, drafts, offline outbox. */
  readonly registrations: Registrations;
  /**
   * Returns the offline engine (loading the embedded dataset on first use).
   *
   * @returns The engine.
   * @throws DiachisoError `unavailable` in online mode.
   */
  offline(): Promise<OfflineEngine>;
  /**
   * Where the offline searches run: `worker` (a Web Worker, with the `worker` option), `main`, or
   * `none` in online mode. Starts the engine if it has not started.
   *
   * @returns The thread.
   */
  engineThread(): Promise<'worker' | 'main' | 'none'>;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(new DiachisoError('aborted'));
      },
      { once: true },
    );
  });

/** A finite `{ lat, lon }` in range (kept here so the client does not load core eagerly). */
function isLatLon(p: unknown): p is LatLon {
  if (!p || typeof p !== 'object') return false;
  const { lat, lon } = p as Record<string, unknown>;
  return (
    typeof lat === 'number' &&
    typeof lon === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180
  );
}

/** The code reader of core, loaded on first use. */
const parseCodeShape = async (text: string) => (await import('@diachiso/core')).parseLocationCode(text);

/** Removes the API key from a string the server wrote (a server may echo it back in an error). */
function redactKey(s: string, key: string | undefined): string {
  return key && key.length >= 4 ? s.split(key).join('[redacted]') : s;
}

function problemDetail(p: unknown, key: string | undefined): string {
  if (!p || typeof p !== 'object') return '';
  const d = (p as Record<string, unknown>).detail;
  return typeof d === 'string' ? redactKey(d.slice(0, 200 + (key?.length ?? 0)), key).slice(0, 200) : '';
}

function sanitizeProblem(p: unknown, key: string | undefined): Record<string, unknown> | undefined {
  if (!p || typeof p !== 'object') return undefined;
  const o = p as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const clean = (v: unknown) => (typeof v === 'string' ? redactKey(v, key) : v);
  for (const k of ['type', 'title', 'status', 'detail', 'code'])
    if (typeof o[k] === 'string' || typeof o[k] === 'number') out[k] = clean(o[k]);
  if (Array.isArray(o.issues))
    out.issues = o.issues
      .slice(0, 50)
      .filter((i) => i && typeof i === 'object' && typeof (i as Record<string, unknown>).field === 'string')
      .map((i: Record<string, unknown>) => Object.fromEntries(Object.entries(i).map(([k, v]) => [k, clean(v)])));
  return out;
}

function retryAfterMs(h: string | null): number | undefined {
  if (!h) return undefined;
  const s = Number(h);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const d = Date.parse(h);
  return Number.isFinite(d) ? Math.max(0, d - Date.now()) : undefined;
}

/**
 * Creates a client. With no options it works offline on the embedded dataset, in Node and in
 * the browser, with no API key and no network.
 *
 * @param options - Mode, platform URL and key, fetch, timeouts, retries, locale, dataset.
 * @returns The client (offline data loads on the first call, or eagerly for `offline`).
 * @throws DiachisoError `invalid-input` when `online` is asked without a `baseUrl`.
 * @example
 * ```ts
 * import { createClient } from '@diachiso/sdk';
 * const client = await createClient({ mode: 'offline' });
 * console.log(await client.suggest('vinh hai', { limit: 5 }));
 * ```
 */
export async function createClient(options: ClientOptions = {}): Promise<Client> {
  const locale = options.locale === 'en' ? 'en' : 'vi';
  const mode: ClientMode = options.mode ?? (options.baseUrl ? 'auto' : 'offline');
  if (mode !== 'offline' && !options.baseUrl)
    throw new DiachisoError('invalid-input', { locale, detail: `mode "${mode}" needs a baseUrl` });
  const base = options.baseUrl ? options.baseUrl.replace(/\/+$/, '') : '';
  const timeoutMs = options.timeoutMs ?? 8000;
  const retry = options.retry === false ? { retries: 0 } : (options.retry ?? {});
  const retries = Math.max(0, Math.min(5, retry.retries ?? 2));
  const baseDelay = retry.baseDelayMs ?? 200;
  const maxDelay = retry.maxDelayMs ?? 5000;
  let seq = 0;
  let engine: Promise<OfflineEngine> | undefined;
  const badPoint = () => new DiachisoError('invalid-input', { locale, detail: 'point must be { lat, lon } in degrees' });
  const onlineOnly = () => Promise.reject(new DiachisoError('unavailable', { locale, detail: 'offline engine in online mode' }));
  const offline = () => {
    if (mode === 'online') return onlineOnly();
    // Loaded on first use: pages that only talk to the platform never download the engine.
    engine ??= import('@diachiso/search').then((m) => m.OfflineEngine.load(options.dataset ?? {}));
    return engine;
  };
  // The searches' engine: a worker when asked for and possible, else the main-thread engine
  // (the choice is made in the lazily loaded search package). Made once per client.
  type Searcher = Pick<OfflineEngine, 'suggest' | 'get' | 'reverse'> | WorkerEngine;
  let searcherP: Promise<{ engine: Searcher; thread: 'worker' | 'main' }> | undefined;
  const searcher = () => {
    if (mode === 'online') return onlineOnly();
    if (!searcherP) {
      searcherP = options.worker
        ? import('@diachiso/search').then((m) => m.startEngine(options.dataset, options.worker))
        : offline().then((engine) => ({ engine, thread: 'main' as const }));
      searcherP.catch(() => (searcherP = undefined));
    }
    return searcherP;
  };
  if (mode === 'offline') await searcher();

  // LRU of platform answers for suggest and retrieve (a Map keeps insertion order).
  const cacheSize = options.cache === false ? 0 : Math.max(0, options.cache?.size ?? 200);
  const cacheTtl = options.cache === false ? 0 : (options.cache?.ttlMs ?? 300_000);
  const lru = new Map<string, { at: number; value: unknown }>();
  async function getJson(path: string, params: Record<string, string>, signal?: AbortSignal): Promise<unknown> {
    const cacheable = cacheSize > 0 && (path === '/v1/suggest' || path.startsWith('/v1/places/'));
    const key = cacheable ? `${path}?${new URLSearchParams(params).toString()}` : '';
    if (cacheable) {
      const hit = lru.get(key);
      if (hit && Date.now() - hit.at < cacheTtl) {
        lru.delete(key);
        lru.set(key, hit);
        return structuredClone(hit.value);
      }
    }
    const value = await request('GET', path, params, undefined, undefined, signal);
    if (cacheable) {
      lru.set(key, { at: Date.now(), value });
      while (lru.size > cacheSize) lru.delete(lru.keys().next().value!);
      return structuredClone(value);
    }
    return value;
  }

  /**
   * One HTTP call with timeout and retries. A POST is retried only with an Idempotency-Key, so
   * the platform can tell a retry from a second submission.
   */
  async function request(
    method: 'GET' | 'POST',
    path: string,
    params: Record<string, string>,
    body: unknown,
    idempotencyKey: string | undefined,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const url = new URL(base + path, typeof location !== 'undefined' ? location.href : 'http://localhost/');
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const f = options.fetch ?? globalThis.fetch;
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
    if (options.apiKey) headers['X-API-Key'] = options.apiKey;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    const maxAttempts = method === 'POST' && !idempotencyKey ? 0 : retries;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new DiachisoError('aborted', { locale });
      // One controller for the caller's signal and the timeout (a ref'd timer, unlike
      // AbortSignal.timeout, and no need for AbortSignal.any in older browsers).
      const ctrl = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        ctrl.abort();
      }, timeoutMs);
      const onAbort = () => ctrl.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      let res: Response | undefined;
      let err: DiachisoError | undefined;
      try {
        res = await Promise.race([
          f(url.href, { method, headers, signal: ctrl.signal, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }),
          new Promise<never>((_, reject) => ctrl.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true })),
        ]);
      } catch (e) {
        if (signal?.aborted) throw new DiachisoError('aborted', { locale });
        err = timedOut ? new DiachisoError('timeout', { locale, cause: e }) : new DiachisoError('network', { locale, cause: e });
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }
      let wait: number | undefined;
      if (res) {
        if (res.ok) {
          try {
            const text = await res.text();
            if (text.length > 2_000_000) throw new Error('too large');
            return JSON.parse(text);
          } catch {
            throw new DiachisoError('invalid-response', { locale, status: res.status });
          }
        }
        const status = res.status;
        wait = retryAfterMs(res.headers.get('Retry-After'));
        const c =
          status === 401
            ? 'unauthorized'
            : status === 403
              ? 'forbidden'
              : status === 404
                ? 'not-found'
                : status === 429
                  ? 'rate-limited'
                  : status === 400 || status === 422
                    ? 'invalid-input'
                    : 'server';
        err = new DiachisoError(c, { locale, status, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
        if (c === 'invalid-input' || c === 'not-found' || status === 409) {
          // Problem details carry the reason (field issues for a declaration).
          let problem: unknown;
          try {
            problem = JSON.parse((await res.text()).slice(0, 100_000));
          } catch {
            problem = undefined;
          }
          throw Object.assign(
            new DiachisoError(status === 409 ? 'invalid-input' : c, { locale, status, detail: problemDetail(problem, options.apiKey) }),
            {
              problem: sanitizeProblem(problem, options.apiKey),
            },
          );
        }
        if (c !== 'rate-limited' && c !== 'server') throw err;
      }
      if (attempt >= maxAttempts) throw err!;
      const backoff = Math.min(maxDelay, baseDelay * 2 ** attempt);
      await sleep(wait !== undefined ? Math.min(wait, maxDelay) : Math.random() * backoff, signal);
    }
  }

  const fallbackWorthy = (e: unknown) =>
    e instanceof DiachisoError && (e.code === 'network' || e.code === 'timeout' || e.code === 'server' || e.code === 'rate-limited');

  async function both<T, E = OfflineEngine>(
    online: () => Promise<T>,
    off: (e: E) => T | Promise<T>,
    load: () => Promise<E> = offline as unknown as () => Promise<E>,
  ): Promise<[T, Source]> {
    if (mode === 'offline') return [await off(await load()), 'offline'];
    if (mode === 'online') return [await online(), 'online'];
    try {
      return [await online(), 'online'];
    } catch (e) {
      if (!fallbackWorthy(e)) throw e;
      return [await off(await load()), 'offline'];
    }
  }
  const searchSide = async () => (await searcher()).engine;
  const codeDeps = { mode, locale: locale as 'vi' | 'en', offline, getJson };

  // ---- registrations: local store (offline), drafts, outbox
  let localStore: Promise<RegistrationStore> | undefined;
  // The registration logic is only needed offline: loaded with the offline engine, not before.
  // The local registry issues national address codes and persists them (see codes.ts).
  const localRegistrations = () => (localStore ??= Promise.all([offline(), codes()]).then(([e, m]) => m.localRegistry(e)));
  // Drafts and the outbox live in IndexedDB; idb-keyval loads with the first use.
  const lazyStore = (name: string) => {
    let p: Promise<LocalStore> | undefined;
    return () => (p ??= import('./storage.js').then((m) => new m.LocalStore(name)));
  };
  const draftStore = lazyStore('drafts');
  const outboxStore = lazyStore('outbox');
  const drafts = {
    get: async <T>(k: string) => (await draftStore()).get<T>(k),
    set: async (k: string, v: unknown) => (await draftStore()).set(k, v),
    delete: async (k: string) => (await draftStore()).delete(k),
  };
  const outbox = {
    set: async (k: string, v: unknown) => (await outboxStore()).set(k, v),
    delete: async (k: string) => (await outboxStore()).delete(k),
    all: async <T>() => (await outboxStore()).all<T>(),
  };
  const newKey = () =>
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const asRegistration = (v: unknown): Registration => {
    if (!v || typeof v !== 'object' || typeof (v as Registration).id !== 'string' || typeof (v as Registration).status !== 'string')
      throw new DiachisoError('invalid-response', { locale });
    return v as Registration;
  };
  const localError = (e: unknown): never => {
    if (e instanceof Error && e.name === 'RegistrationError') {
      const r = e as RegistrationError;
      throw Object.assign(new DiachisoError(r.code === 'not-found' ? 'not-found' : 'invalid-input', { locale, detail: r.message }), {
        problem: { title: r.code, detail: r.message, issues: r.issues },
      });
    }
    throw e;
  };
  type Step = { step: 'declare' | 'create' | 'verify'; path: string; body: unknown; key: string };
  async function submit(
    step: Step,
    runLocal: (st: RegistrationStore) => Registration,
    signal?: AbortSignal,
  ): Promise<Registration | QueuedSubmission> {
    if (mode === 'offline') {
      const st = await localRegistrations();
      try {
        return runLocal(st);
      } catch (e) {
        return localError(e);
      }
    }
    try {
      return asRegistration(await request('POST', step.path, {}, step.body, step.key, signal));
    } catch (e) {
      // Unreachable platform in auto mode: keep the submission, send it once later.
      if (mode === 'auto' && e instanceof DiachisoError && (e.code === 'network' || e.code === 'timeout')) {
        await outbox.set(step.key, step);
        return { queued: true, idempotencyKey: step.key, step: step.step };
      }
      throw e;
    }
  }
  async function flush(): Promise<Registration[]> {
    const out: Registration[] = [];
    for (const [key, step] of await outbox.all<Step>()) {
      try {
        out.push(asRegistration(await request('POST', step.path, {}, step.body, key)));
        await outbox.delete(key);
      } catch (e) {
        if (e instanceof DiachisoError && (e.code === 'network' || e.code === 'timeout')) break; // still offline
        await outbox.delete(key); // refused by the platform: not retried forever
      }
    }
    return out;
  }
  if (mode === 'auto' && typeof window !== 'undefined' && typeof window.addEventListener === 'function')
    window.addEventListener('online', () => void flush().catch(() => undefined));

  const registrations: Registrations = {
    declare(d, opts = {}) {
      const key = opts.idempotencyKey ?? newKey();
      return submit({ step: 'declare', path: '/v1/registrations', body: d, key }, (st) => st.declare(d, key), opts.signal);
    },
    create(id, opts = {}) {
      const key = opts.idempotencyKey ?? newKey();
      return submit(
        { step: 'create', path: `/v1/registrations/${encodeURIComponent(id)}/create`, body: {}, key },
        (st) => st.create(id, key),
        opts.signal,
      );
    },
    verify(id, decision, opts = {}) {
      const key = opts.idempotencyKey ?? newKey();
      const body = { decision, ...(opts.note ? { note: opts.note } : {}) };
      return submit(
        { step: 'verify', path: `/v1/registrations/${encodeURIComponent(id)}/verify`, body, key },
        (st) => st.verify(id, decision, key, opts.note),
        opts.signal,
      );
    },
    async get(id, opts = {}) {
      if (mode === 'offline') return (await localRegistrations()).get(id) ?? null;
      try {
        return asRegistration(await getJson(`/v1/registrations/${encodeURIComponent(id)}`, {}, opts.signal));
      } catch (e) {
        if (e instanceof DiachisoError && e.code === 'not-found') return null;
        throw e;
      }
    },
    async notice(id, channel, lang = locale) {
      if (mode === 'offline') {
        const r = (await localRegistrations()).get(id);
        if (!r?.record) throw new DiachisoError('not-found', { locale, detail: 'no created registration with this id' });
        return (await import('@diachiso/search')).noticeText(r.record, channel, lang);
      }
      const n = (await getJson(`/v1/registrations/${encodeURIComponent(id)}/notice`, { channel, lang })) as Notice;
      if (!n || typeof n.body !== 'string') throw new DiachisoError('invalid-response', { locale });
      return { channel, lang, body: n.body.slice(0, 5000), ...(typeof n.subject === 'string' ? { subject: n.subject.slice(0, 300) } : {}) };
    },
    saveDraft: (key, data) => drafts.set(key, data),
    loadDraft: <T>(key: string) => drafts.get<T>(key),
    clearDraft: (key) => drafts.delete(key),
    async pending() {
      return (await outbox.all<Step>()).map(([k, v]) => ({ queued: true as const, idempotencyKey: k, step: v.step }));
    },
    flush,
  };

  const units: Units = {
    async provinces() {
      const [r] = await both(
        async () => (await getJson('/v1/units/provinces', {})) as UnitRef[],
        (e) => e.index.registry.provinces.map((p) => ({ code: p.code, name: p.fullName })),
      );
      return r;
    },
    async wards(provinceCode) {
      const [r] = await both(
        async () => (await getJson(`/v1/units/provinces/${encodeURIComponent(provinceCode)}/wards`, {})) as UnitRef[],
        (e) =>
          e.index.registry
            .wardsOf(provinceCode)
            .map((w) => ({ code: w.code, name: w.fullName, ...(w.postalCode ? { postalCode: w.postalCode } : {}) })),
      );
      return r;
    },
    async ward(code) {
      const [r] = await both(
        async () => {
          try {
            return (await getJson(`/v1/units/wards/${encodeURIComponent(code)}`, {})) as (UnitRef & { province: UnitRef }) | null;
          } catch (e) {
            if (e instanceof DiachisoError && e.code === 'not-found') return null;
            throw e;
          }
        },
        (e) => {
          const w = e.index.registry.ward(code);
          const p = w && e.index.registry.province(w.provinceCode);
          return w && p
            ? {
                code: w.code,
                name: w.fullName,
                ...(w.postalCode ? { postalCode: w.postalCode } : {}),
                province: { code: p.code, name: p.fullName },
              }
            : null;
        },
      );
      return r;
    },
  };

  return {
    mode,
    locale,
    offline,
    async engineThread() {
      if (mode === 'online') return 'none';
      return (await searcher()).thread;
    },
    units,
    registrations,
    async suggest(text, opts = {}) {
      const mySeq = ++seq;
      const q = typeof text === 'string' ? text.slice(0, 1024) : '';
      const limit = Math.max(1, Math.min(50, Math.floor(Number(opts.limit ?? 5)) || 5));
      const searchOpts = {
        limit,
        ...(opts.province ? { province: opts.province } : {}),
        ...(opts.ward ? { ward: opts.ward } : {}),
        ...(opts.near && isLatLon(opts.near) ? { near: opts.near } : {}),
        ...(opts.kinds ? { kinds: opts.kinds } : {}),
      };
      let list: Suggestion[] = [];
      let source: Source = mode === 'online' ? 'online' : 'offline';
      if (q.trim()) {
        [list, source] = await both(
          async () => {
            const params: Record<string, string> = { q, limit: String(limit) };
            if (opts.province) params.province = opts.province;
            if (opts.ward) params.ward = opts.ward;
            if (opts.near && isLatLon(opts.near)) params.near = `${opts.near.lat},${opts.near.lon}`;
            if (opts.kinds) params.kinds = opts.kinds.join(',');
            const parsed = parseSuggestBody(await getJson('/v1/suggest', params, opts.signal));
            if (!parsed) throw new DiachisoError('invalid-response', { locale });
            return parsed.slice(0, limit);
          },
          (e) => e.suggest(q, searchOpts),
          searchSide,
        );
      }
      if (opts.signal?.aborted) throw new DiachisoError('aborted', { locale });
      return Object.assign(list, { query: q, seq: mySeq, source }) as SuggestResult;
    },
    async convertLegacy(text, opts = {}) {
      const q = typeof text === 'string' ? text.slice(0, 1024) : '';
      const [r, source] = await both(
        async () => {
          const parsed = (await extra()).parseConvertBody(await getJson('/v1/legacy/convert', { q }, opts.signal));
          if (!parsed) throw new DiachisoError('invalid-response', { locale });
          return parsed;
        },
        (e) => {
          const { parsed: _p, ...rest } = e.convertLegacy(q);
          return rest;
        },
      );
      return { ...r, input: q, source };
    },
    async search(text, opts = {}) {
      const q = typeof text === 'string' ? text.slice(0, 1024) : '';
      const limit = Math.max(1, Math.min(50, Math.floor(Number(opts.limit ?? 20)) || 20));
      if (!q.trim()) return { results: [], source: mode === 'online' ? 'online' : 'offline' };
      const [results, source] = await both(
        async () => {
          const body = (await getJson(
            '/v1/search',
            { q, limit: String(limit), ...(opts.province ? { province: opts.province } : {}) },
            opts.signal,
          )) as {
            results?: unknown;
          };
          const parsed = parseSuggestBody({ suggestions: body?.results });
          if (!parsed) throw new DiachisoError('invalid-response', { locale });
          return parsed;
        },
        (e) => e.suggest(q, { limit, ...(opts.province ? { province: opts.province } : {}), ...(opts.kinds ? { kinds: opts.kinds } : {}) }),
        searchSide,
      );
      return { results, source };
    },
    async retrieve(id, opts = {}) {
      if (typeof id !== 'string' || !id || id.length > 200) return null;
      const [r, source] = await both(
        async () => {
          try {
            const body = await getJson(`/v1/places/${encodeURIComponent(id)}`, {}, opts.signal);
            const parsed = parseSuggestBody({ suggestions: [body] });
            if (!parsed) throw new DiachisoError('invalid-response', { locale });
            return parsed[0] ?? null;
          } catch (e) {
            if (e instanceof DiachisoError && e.code === 'not-found') return null;
            throw e;
          }
        },
        async (e) => (await e.get(id)) ?? null,
        searchSide,
      );
      return r ? { ...r, source } : null;
    },
    async verify(input, opts = {}) {
      const [r, source] = await both(
        async () => {
          const body = (await request(
            'POST',
            '/v1/verify',
            {},
            typeof input === 'string' ? { text: input.slice(0, 1024) } : { components: input },
            undefined,
            opts.signal,
          )) as VerifyResult;
          if (
            !body ||
            typeof body !== 'object' ||
            !['valid', 'corrected', 'ambiguous', 'invalid'].includes(body.status) ||
            !Array.isArray(body.findings)
          )
            throw new DiachisoError('invalid-response', { locale });
          return body;
        },
        (e) => e.verify(input),
      );
      return { ...r, source };
    },
    async layer(category, opts = {}) {
      const [r, source] = await both(
        async () => {
          const body = (await getJson(
            `/v1/layers/${encodeURIComponent(category)}`,
            opts.bbox ? { bbox: opts.bbox.join(',') } : {},
            opts.signal,
          )) as LayerCollection;
          if (!body || body.type !== 'FeatureCollection' || !Array.isArray(body.features))
            throw new DiachisoError('invalid-response', { locale });
          return body;
        },
        (e) => e.layer(category, opts.bbox),
      );
      return { ...r, source };
    },
    async exportRecords(opts = {}) {
      const format = opts.format ?? 'json';
      const q: ExportQuery = {
        ...(opts.province ? { province: opts.province } : {}),
        ...(opts.ward ? { ward: opts.ward } : {}),
        ...(opts.category ? { category: opts.category } : {}),
        ...(opts.updatedSince ? { updatedSince: opts.updatedSince } : {}),
        ...(opts.limit ? { limit: opts.limit } : {}),
        ...(opts.cursor ? { cursor: opts.cursor } : {}),
      };
      const [r, source] = await both(
        async () => {
          const params = Object.fromEntries(Object.entries({ ...q, format }).map(([k, v]) => [k, String(v)]));
          return (await getJson('/v1/export', params, opts.signal)) as ExportPage | { text: string; nextCursor?: string; total: number };
        },
        async (e) => {
          const m = await import('@diachiso/search');
          const regs = localStore ? (await localStore).all() : [];
          const page = m.exportRecords(e, regs, q);
          if (format === 'csv')
            return { text: m.toCsv(page.items), total: page.total, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
          if (format === 'geojson')
            return {
              text: JSON.stringify(m.toGeoJson(page)),
              total: page.total,
              ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
            };
          return page;
        },
      );
      return { ...r, format, source } as ExportAnswer;
    },
    async coverage(opts = {}) {
      const [r] = await both(
        async () =>
          (await getJson(
            '/v1/stats/coverage',
            { province: opts.province ?? '56', ...(opts.ward ? { ward: opts.ward } : {}) },
            opts.signal,
          )) as WardCoverage[],
        async (e) => {
          const m = await import('@diachiso/search');
          return m.coverage(e, localStore ? (await localStore).all() : [], opts.province ?? '56', opts.ward);
        },
      );
      return r;
    },
    async encodeCode(point, opts = {}) {
      if (!isLatLon(point)) throw badPoint();
      const [r, source] = await both(
        async () => {
          const parsed = (await extra()).parseCodeBody(
            await getJson('/v1/codes/encode', { lat: String(point.lat), lon: String(point.lon) }, opts.signal),
          );
          if (!parsed) throw new DiachisoError('invalid-response', { locale });
          return parsed;
        },
        (e) => {
          const c = e.encodeCode(point);
          if (!c.zoneKnown) return c;
          const w = e.index.registry.ward(c.zone);
          return { ...c, ...(w ? { ward: { code: w.code, name: w.fullName } } : {}) };
        },
      );
      return { ...r, source } as EncodeAnswer;
    },
    async decodeCode(code, opts = {}) {
      const shape = await parseCodeShape(code);
      if (!shape.ok) throw new DiachisoError('invalid-input', { locale, detail: locale === 'en' ? shape.en : shape.vi });
      const [r, source] = await both(
        async () => {
          const parsed = (await extra()).parseCodeBody(
            await getJson(`/v1/codes/${encodeURIComponent(shape.compact.replace(' ', ''))}`, {}, opts.signal),
          );
          if (!parsed || !parsed.zoneKnown) throw new DiachisoError('invalid-response', { locale });
          const { zoneKnown: _z, ...decoded } = parsed;
          return decoded;
        },
        (e) => {
          const d = e.decodeCode(code);
          if (!d) {
            const p = e.parseCode(code);
            throw new DiachisoError('invalid-input', { locale, detail: p.ok ? '' : locale === 'en' ? p.en : p.vi });
          }
          const w = e.index.registry.ward(d.zone);
          return { ...d, ...(w ? { ward: { code: w.code, name: w.fullName } } : {}) };
        },
      );
      return { ...(r as DecodedCode), source } as CodeAnswer;
    },
    async parseCode(text) {
      return (await codes()).parseAnyCode(codeDeps, text);
    },
    async lookupCode(code, opts = {}) {
      const m = await codes();
      const digits = m.ndasDigits(codeDeps, code);
      const [r, source] = await both<CodeLookup | null>(
        () => m.lookupOnline(codeDeps, digits, opts.signal),
        async () => m.lookupLocal(await localRegistrations(), digits),
      );
      return r ? { ...r, source } : null;
    },
    async reverse(point, opts = {}) {
      if (!isLatLon(point)) throw badPoint();
      const [r, source] = await both(
        async () => {
          const q: Record<string, string> = { lat: String(point.lat), lon: String(point.lon) };
          const nb = opts.nearby;
          if (nb === false) Object.assign(q, { streets: '0', pois: '0' });
          else if (nb) {
            if (nb.streets !== undefined) q.streets = String(nb.streets);
            if (nb.pois !== undefined) q.pois = String(nb.pois);
            if (nb.radiusM !== undefined) q.radius = String(nb.radiusM);
            if (nb.category) q.category = nb.category;
          }
          const parsed = (await extra()).parseReverseBody(await getJson('/v1/reverse', q, opts.signal));
          if (parsed === undefined) throw new DiachisoError('invalid-response', { locale });
          return parsed;
        },
        (e) => e.reverse(point, opts.nearby ?? {}),
        searchSide,
      );
      return r ? { ...r, source } : null;
    },
  };
}
