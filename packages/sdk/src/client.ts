import type {
  AddressComponents,
  CodeLookup,
  CodeReading,
  Declaration,
  Notice,
  NoticeChannel,
  Registration,
  VerifyResult,
  ConversionCandidate,
  DecodedCode,
  LatLon,
  LocationCodeParse,
  ReverseResult,
  Suggestion,
  SuggestionKind,
  UnitRef,
} from '@diachiso/core';
import type { LoadOptions } from '@diachiso/data';
import type { ExportPage, ExportQuery, LayerCollection, OfflineEngine, WardCoverage } from '@diachiso/search';
import { DiachisoError } from './errors.js';
import { checkId, checkOptions, normalizeQuery } from './input.js';
import type { LocalPlatform, OfflineSide } from './local-platform.js';
import type { DroppedSubmission } from './outbox.js';
import type { Args, Op, Platform, Source, SuggestArgs } from './platform.js';
import type { WriteResult } from './storage.js';

export type { Source } from './platform.js';
export type { DroppedSubmission } from './outbox.js';
export type { WriteResult } from './storage.js';

/** How the client answers: from the platform, from the embedded data, or the platform with an offline fallback. */
export type ClientMode = 'online' | 'offline' | 'auto';

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
  /**
   * Deadline of a whole call to the platform, in milliseconds (default 8000): connection,
   * headers, the body, retries and their waits. A call never settles later than this.
   */
  timeoutMs?: number;
  /**
   * In `auto` mode, how long `suggest` (the typing path) waits for the platform before
   * answering from the embedded data, in milliseconds (default 800, at most `timeoutMs`); it is
   * never retried.
   */
  suggestBudgetMs?: number;
  /**
   * In `auto` mode, how long every call answers from the embedded data after the platform
   * failed (unreachable, slow, 5xx, 429, an unusable answer), in milliseconds (default 30,000);
   * meanwhile the platform's `/v1/health` is probed in the background and a success ends it.
   */
  coolDownMs?: number;
  /**
   * Called for each queued submission that the platform refused for good (a 4xx other than
   * 408, 425, 429 or a retryable 409) and that was therefore removed from the outbox.
   */
  onDropped?: (d: DroppedSubmission) => void;
  /** Retry policy for idempotent calls; `false` to disable. */
  retry?: RetryOptions | false;
  /** Language of error messages and labels (default `vi`). */
  locale?: 'vi' | 'en';
  /** In-memory LRU cache of `suggest` and `retrieve` answers from the platform (default 200 entries, 5 minutes); `false` to disable. */
  cache?: { size?: number; ttlMs?: number } | false;
  /** Where and how to load the embedded dataset (offline and auto modes). */
  dataset?: LoadOptions;
  /**
   * Run everything offline in a Web Worker: the engine's code, loading the dataset, the index
   * and every offline operation (searches, `verify`, the codes, `convertLegacy`, `units`, …), so
   * that none of it runs or downloads on the main thread. `{ url }` names the worker script
   * (default: the engine worker emitted beside the bundle, `diachiso-worker-<hash>.js`). Where a
   * worker cannot start (no Worker, blocked by CSP) or stops, offline calls fail with a
   * `DiachisoError` `unavailable` (in `auto` mode the platform still answers);
   * {@link Client.engineThread} says where the engine runs. Default `false`.
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
  /**
   * Whether it is in IndexedDB and survives a reload; `false`: kept in memory only (no
   * IndexedDB here, or the write failed), sent if the page stays open until the platform is back.
   */
  readonly persistent: boolean;
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
   * Saves a draft as the user types (IndexedDB; memory when unavailable or when this write failed).
   *
   * @param key - Your form's key.
   * @param data - Anything structured-cloneable.
   * @returns Whether the draft is in IndexedDB (`persistent: false`: memory only, lost on reload).
   */
  saveDraft(key: string, data: unknown): Promise<WriteResult>;
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
   * Sends the outbox now: each submission once, with its key, in the order they were made, one
   * flush at a time per platform (across tabs where Web Locks exist). Also runs at start-up, on
   * a backoff timer while something waits, and when the browser goes back online. A submission
   * the platform refuses for good is dropped and reported ({@link ClientOptions.onDropped},
   * {@link Registrations.dropped}); any other failure keeps it.
   *
   * @returns The results of the submissions sent.
   */
  flush(): Promise<Registration[]>;
  /**
   * Returns the submissions dropped from the outbox since the client was created, with why.
   *
   * @returns The latest 100, oldest first.
   */
  dropped(): DroppedSubmission[];
}

/** Says which side answered: `online` or `offline`. */
export interface Sourced {
  /** Which side answered. */
  readonly source: Source;
}

/** The administrative units services. */
export interface Units {
  /** Returns the 34 provinces of 2025 (with a non-enumerable `source`). */
  provinces(): Promise<UnitRef[] & Sourced>;
  /**
   * Returns the wards of a province (with a non-enumerable `source`).
   *
   * @param provinceCode - A 2-digit code.
   */
  wards(provinceCode: string): Promise<UnitRef[] & Sourced>;
  /**
   * Returns a 2025 ward and its province (with a non-enumerable `source`).
   *
   * @param code - A 5-digit 2025 code.
   */
  ward(code: string): Promise<(UnitRef & { readonly province: UnitRef } & Sourced) | null>;
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
   * Plus Code (`plus`), with findings in Vietnamese and English. Read with the embedded data
   * where the client has it (in `auto` too: no network needed), else by the platform
   * (`GET /v1/codes/parse`); failing both, by its shape alone (no ward named, zones unchecked).
   * Never throws.
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
   * location code, Plus Code). Online the platform answers (`GET /v1/codes/ndas/{code}`);
   * offline, the local registry (the codes this device issued). A national code cannot be
   * decoded without a lookup.
   *
   * @param code - The 10 digits (spaces and dashes allowed).
   * @param opts - Abort signal.
   * @returns The registration's answer, or `null` when no address has this code.
   * @throws DiachisoError `invalid-input` (with the reason) when the text is not 10 digits.
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
   * @returns One row per ward (with a non-enumerable `source`).
   */
  coverage(opts?: CallOptions & { province?: string; ward?: string }): Promise<WardCoverage[] & Sourced>;
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
  /**
   * Stops the client: its outbox timers, its online listener, its engine worker, its caches.
   * Later calls reject with `unavailable`. Queued submissions stay in the outbox for the next client.
   */
  dispose(): void;
}

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

/** The location code reader of core, loaded on first use. */
const parseCodeShape = async (text: string): Promise<LocationCodeParse> =>
  (await import('@diachiso/core')).parseLocationCode(typeof text === 'string' ? text : '');
/** The code services (any kind of code, national code lookup, local registry), loaded on first use. */
const codes = () => import('./codes.js');

/** Tags an answer with its source without changing what `JSON.stringify` or a deep comparison see. */
function tagSource<T extends object>(v: T, source: Source): T & { readonly source: Source } {
  return Object.defineProperty(v, 'source', { value: source, enumerable: false }) as T & { readonly source: Source };
}

/** The resolved options: checked once, here. */
function resolveOptions(raw: ClientOptions | undefined) {
  if (raw !== undefined && (raw === null || typeof raw !== 'object' || Array.isArray(raw)))
    throw new DiachisoError('invalid-input', { detail: 'options must be an object' });
  const options = raw ?? {};
  const locale = options.locale === 'en' ? 'en' : 'vi';
  const mode: ClientMode = options.mode ?? (options.baseUrl ? 'auto' : 'offline');
  if (mode !== 'offline' && mode !== 'online' && mode !== 'auto')
    throw new DiachisoError('invalid-input', { locale, detail: 'mode must be offline, online or auto' });
  if (mode !== 'offline' && !options.baseUrl)
    throw new DiachisoError('invalid-input', { locale, detail: `mode "${mode}" needs a baseUrl` });
  if (options.apiKey !== undefined && typeof options.apiKey !== 'string')
    throw new DiachisoError('invalid-input', { locale, detail: 'apiKey must be a string' });
  if (options.fetch !== undefined && typeof options.fetch !== 'function')
    throw new DiachisoError('invalid-input', { locale, detail: 'fetch must be a function' });
  const ms = (v: unknown, d: number, min: number, max: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.max(min, Math.min(max, v)) : d;
  const timeoutMs = ms(options.timeoutMs, 8000, 1, 600_000);
  const r = options.retry === false ? { retries: 0 } : options.retry && typeof options.retry === 'object' ? options.retry : {};
  const retry = {
    retries: Math.floor(ms(r.retries, 2, 0, 5)),
    baseDelayMs: ms(r.baseDelayMs, 200, 0, 60_000),
    maxDelayMs: ms(r.maxDelayMs, 5000, 0, 600_000),
  };
  const c = options.cache === false ? { size: 0, ttlMs: 0 } : options.cache && typeof options.cache === 'object' ? options.cache : {};
  const cache = { size: Math.floor(ms(c.size, 200, 0, 10_000)), ttlMs: ms(c.ttlMs, 300_000, 0, 86_400_000) };
  return {
    options,
    locale: locale as 'vi' | 'en',
    mode,
    timeoutMs,
    retry,
    cache,
    suggestBudgetMs: ms(options.suggestBudgetMs, Math.min(800, timeoutMs), 1, timeoutMs),
    coolDownMs: ms(options.coolDownMs, 30_000, 0, 3_600_000),
  };
}

/**
 * Creates a client. With no options it works offline on the embedded dataset, in Node and in
 * the browser, with no API key and no network.
 *
 * The client picks one platform when it is created (`offline`: the embedded data; `online`:
 * the platform's HTTP API; `auto`: the platform, answering from the embedded data while it is
 * unreachable, slow or sending unusable answers) and never asks again.
 *
 * @param options - Mode, platform URL and key, fetch, timeouts, retries, locale, dataset.
 * @returns The client (offline data loads on the first call, or eagerly for `offline`).
 * @throws DiachisoError `invalid-input` for options that are not an object, `online` without a
 *   `baseUrl`, or a `baseUrl` that is not `https:` (or `http:` on loopback) without query or fragment.
 * @example
 * ```ts
 * import { createClient } from '@diachiso/sdk';
 * const client = await createClient({ mode: 'offline' });
 * console.log(await client.suggest('vinh hai', { limit: 5 }));
 * ```
 */
export async function createClient(options?: ClientOptions): Promise<Client> {
  const picked = await pickPlatform(resolveOptions(options));
  // eager, as before; a failure is retried (or reported) on the first call
  if (picked.mode === 'offline') await picked.local!.searcher().catch(() => undefined);
  return wrap(picked);
}

/** The options resolved, the platform chosen and its parts. */
type Picked = Awaited<ReturnType<typeof pickPlatform>>;

/**
 * Picks the one platform of a client, loading only its code: a page that only works offline
 * never loads the HTTP transport, one in worker mode only the worker platform (the local
 * platform runs in the worker), and none of it is on the page's start-up path.
 */
async function pickPlatform(r: ReturnType<typeof resolveOptions>) {
  const { locale, mode } = r;
  const inWorker = mode !== 'online' && !!r.options.worker;
  const [httpM, localM, workerM, fallbackM] = await Promise.all([
    mode === 'offline' ? undefined : import('./http-platform.js'),
    mode === 'online' || inWorker ? undefined : import('./local-platform.js'),
    inWorker ? import('./worker-platform.js') : undefined,
    mode === 'auto' ? import('./fallback-platform.js') : undefined,
  ]);
  const base = httpM ? httpM.checkBaseUrl(r.options.baseUrl, locale) : '';
  const o = { ...r, base };
  const { dataset, worker: w } = o.options;
  const local: OfflineSide | undefined = workerM
    ? new workerM.WorkerPlatform({ dataset, locale, url: typeof w === 'object' && w ? w.url : undefined })
    : localM && new localM.LocalPlatform({ dataset, locale });
  const http =
    httpM &&
    new httpM.HttpPlatform({
      base,
      apiKey: o.options.apiKey,
      fetch: o.options.fetch,
      timeoutMs: o.timeoutMs,
      retry: o.retry,
      locale,
      cache: o.cache,
    });
  const platform: Platform =
    mode === 'offline'
      ? local!
      : mode === 'online'
        ? http!
        : new fallbackM!.FallbackPlatform(http!, local!, { suggestBudgetMs: o.suggestBudgetMs, coolDownMs: o.coolDownMs });
  // `offline()` hands out the engine itself: on the page, also in worker mode (loaded then).
  const mainEngine = (): Promise<OfflineEngine> =>
    local?.kind === 'local'
      ? (local as LocalPlatform).engine()
      : import('./local-platform.js').then((m) => new m.LocalPlatform({ dataset, locale }).engine());
  return { o, locale, mode, platform, http, local, mainEngine };
}

/**
 * The registration services, loaded on first use, or at once with a platform so that the
 * outbox is sent at start-up: never on the page's critical path.
 */
function lazyRegistrations(p: Picked, isDisposed: () => boolean) {
  const { o, platform, http, local } = p;
  let dropped: () => DroppedSubmission[] = () => [];
  let disposeRegs: (() => void) | undefined;
  let regsP: Promise<Awaited<ReturnType<typeof import('./registrations.js').createRegistrations>>> | undefined;
  const regs = () =>
    (regsP ??= import('./registrations.js').then((m) => {
      const r = m.createRegistrations(o, platform, http, local?.kind === 'local' ? (local as LocalPlatform) : undefined);
      dropped = r.api.dropped;
      disposeRegs = r.dispose;
      if (isDisposed()) r.dispose();
      return r;
    }));
  if (http) setTimeout(() => void (isDisposed() || regs().catch(() => undefined)), 0);
  const later =
    <K extends keyof Registrations>(k: K) =>
    (...a: unknown[]): ReturnType<Registrations[K]> =>
      regs().then((r) => (r.api[k] as (...x: unknown[]) => unknown)(...a)) as ReturnType<Registrations[K]>;
  const registrations: Registrations = {
    declare: later('declare'),
    create: later('create'),
    verify: later('verify'),
    get: later('get'),
    notice: later('notice'),
    saveDraft: later('saveDraft'),
    loadDraft: later('loadDraft') as Registrations['loadDraft'],
    clearDraft: later('clearDraft'),
    pending: later('pending'),
    flush: later('flush'),
    dropped: () => dropped(),
  };
  // a load still under way disposes itself when it ends
  return { registrations, dispose: () => disposeRegs?.() };
}

/** What every call of a client shares: how it runs, and the checks of its arguments. */
function callContext(p: Picked, isDisposed: () => boolean) {
  const { locale, platform, mode } = p;
  const run = <K extends Op>(op: K, args: Args<K>, signal?: AbortSignal) => {
    if (isDisposed()) return Promise.reject(new DiachisoError('unavailable', { locale, detail: 'client disposed' }));
    return platform.run(op, args, { signal });
  };
  const opt = <T extends object>(x: T | undefined) => checkOptions(x, locale);
  const point = (pt: unknown) => {
    if (!isLatLon(pt)) throw new DiachisoError('invalid-input', { locale, detail: 'point must be { lat, lon } in degrees' });
    return { lat: pt.lat, lon: pt.lon };
  };
  const code = (v: unknown) => (typeof v === 'string' && /^[0-9A-Za-z]{1,10}$/.test(v) ? v : undefined);
  const searchArgs = (text: unknown, opts: ClientSuggestOptions, dflt: number): SuggestArgs => {
    const limit = Math.max(
      1,
      Math.min(50, Math.floor(Number(typeof opts.limit === 'bigint' ? Number(opts.limit) : (opts.limit ?? dflt))) || dflt),
    );
    const province = code(opts.province);
    const ward = code(opts.ward);
    const kinds = Array.isArray(opts.kinds) ? opts.kinds.filter((k): k is SuggestionKind => typeof k === 'string').slice(0, 5) : undefined;
    return {
      q: normalizeQuery(text),
      limit,
      ...(province ? { province } : {}),
      ...(ward ? { ward } : {}),
      ...(opts.near && isLatLon(opts.near) ? { near: { lat: opts.near.lat, lon: opts.near.lon } } : {}),
      ...(kinds?.length ? { kinds } : {}),
    };
  };
  const idle: Source = mode === 'online' ? 'online' : 'offline';
  return { locale, run, opt, point, code, searchArgs, idle };
}
type Ctx = ReturnType<typeof callContext>;

/** Wraps the chosen platform once: input checks, source tags, the public shapes. */
function wrap(p: Picked): Client {
  const { mode, locale, local, platform } = p;
  let disposed = false;
  const isDisposed = () => disposed;
  const regs = lazyRegistrations(p, isDisposed);
  const c = callContext(p, isDisposed);
  const units: Units = {
    async provinces() {
      const r = await c.run('provinces', {});
      return tagSource(r.value, r.source);
    },
    async wards(provinceCode) {
      const r = await c.run('wards', { province: checkId(provinceCode, 'province code', locale) });
      return tagSource(r.value, r.source);
    },
    async ward(wardCode) {
      const r = await c.run('ward', { code: checkId(wardCode, 'ward code', locale) });
      return r.value && tagSource(r.value, r.source);
    },
  };
  return {
    mode,
    locale,
    offline() {
      return local ? p.mainEngine() : Promise.reject(new DiachisoError('unavailable', { locale, detail: 'offline engine in online mode' }));
    },
    async engineThread() {
      return local ? (await local.searcher()).thread : 'none';
    },
    units,
    registrations: regs.registrations,
    dispose() {
      if (disposed) return;
      disposed = true;
      regs.dispose();
      platform.dispose();
    },
    ...searchCalls(c),
    ...addressCalls(c),
    ...codeCalls(c),
  };
}

/** `suggest`, `search`, `retrieve`, `reverse`. */
function searchCalls(c: Ctx): Pick<Client, 'suggest' | 'search' | 'retrieve' | 'reverse'> {
  const { locale } = c;
  let seq = 0;
  return {
    async suggest(text, opts) {
      const mySeq = ++seq;
      const o2 = c.opt(opts);
      const args = c.searchArgs(text, o2, 5);
      let list: Suggestion[] = [];
      let source: Source = c.idle;
      if (args.q.trim()) ({ value: list, source } = await c.run('suggest', args, o2.signal));
      if (o2.signal?.aborted) throw new DiachisoError('aborted', { locale });
      return Object.assign([...list], { query: args.q, seq: mySeq, source }) as SuggestResult;
    },
    async search(text, opts) {
      const o2 = c.opt(opts);
      const args = c.searchArgs(text, o2, 20);
      if (!args.q.trim()) return { results: [], source: c.idle };
      const r = await c.run('search', args, o2.signal);
      return { results: r.value, source: r.source };
    },
    async retrieve(id, opts) {
      const o2 = c.opt(opts);
      let ok: string;
      try {
        ok = checkId(id, 'id', locale);
      } catch {
        return null; // no record has such an id
      }
      const r = await c.run('retrieve', { id: ok }, o2.signal);
      return r.value ? { ...r.value, source: r.source } : null;
    },
    async reverse(pt, opts) {
      const o2 = c.opt(opts);
      const at = c.point(pt);
      const nb = o2.nearby;
      const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
      const nearby =
        nb === false
          ? false
          : nb && typeof nb === 'object'
            ? Object.fromEntries(
                Object.entries({
                  streets: num(nb.streets),
                  pois: num(nb.pois),
                  radiusM: num(nb.radiusM),
                  category: typeof nb.category === 'string' && nb.category.length <= 40 ? nb.category : undefined,
                }).filter(([, v]) => v !== undefined),
              )
            : undefined;
      const r = await c.run('reverse', { point: at, ...(nearby !== undefined ? { nearby } : {}) }, o2.signal);
      return r.value ? { ...r.value, source: r.source } : null;
    },
  };
}

/** `convertLegacy`, `verify`, `layer`, `exportRecords`, `coverage`. */
function addressCalls(c: Ctx): Pick<Client, 'convertLegacy' | 'verify' | 'layer' | 'exportRecords' | 'coverage'> {
  const { locale } = c;
  return {
    async convertLegacy(text, opts) {
      const o2 = c.opt(opts);
      const q = normalizeQuery(text);
      const r = await c.run('convertLegacy', { q }, o2.signal);
      return { ...r.value, input: q, source: r.source };
    },
    async verify(input, opts) {
      const o2 = c.opt(opts);
      let arg: string | AddressComponents;
      if (typeof input === 'string') arg = normalizeQuery(input);
      else if (input && typeof input === 'object' && !Array.isArray(input)) {
        const comp: Record<string, string> = {};
        for (const k of ['houseNumber', 'street', 'hamlet', 'ward', 'district', 'province'] as const) {
          const v = (input as Record<string, unknown>)[k];
          if (typeof v === 'string') comp[k] = normalizeQuery(v).slice(0, 200);
        }
        arg = comp;
      } else throw new DiachisoError('invalid-input', { locale, detail: 'verify needs text or address components' });
      const r = await c.run('verify', { input: arg }, o2.signal);
      return { ...r.value, source: r.source };
    },
    async layer(category, opts) {
      const o2 = c.opt(opts);
      const bbox =
        Array.isArray(o2.bbox) && o2.bbox.length === 4 && o2.bbox.every((n) => typeof n === 'number' && Number.isFinite(n))
          ? [...o2.bbox]
          : undefined;
      const r = await c.run('layer', { category: checkId(category, 'category', locale), ...(bbox ? { bbox } : {}) }, o2.signal);
      return { ...r.value, source: r.source };
    },
    async exportRecords(opts) {
      const o2 = c.opt(opts);
      const format = o2.format === 'csv' || o2.format === 'geojson' ? o2.format : 'json';
      const s = (v: unknown, max = 200) => (typeof v === 'string' && v && v.length <= max ? v : undefined);
      const limit =
        typeof o2.limit === 'number' && Number.isFinite(o2.limit) ? Math.max(1, Math.min(1000, Math.floor(o2.limit))) : undefined;
      const entries: Array<[string, unknown]> = [
        ['province', c.code(o2.province)],
        ['ward', c.code(o2.ward)],
        ['category', s(o2.category, 40)],
        ['updatedSince', s(o2.updatedSince, 40)],
        ['limit', limit],
        ['cursor', s(o2.cursor)],
      ];
      const query = Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as ExportQuery;
      const r = await c.run('exportRecords', { query, format }, o2.signal);
      return { ...r.value, format, source: r.source } as ExportAnswer;
    },
    async coverage(opts) {
      const o2 = c.opt(opts);
      const ward = c.code(o2.ward);
      const r = await c.run('coverage', { province: c.code(o2.province) ?? '56', ...(ward ? { ward } : {}) }, o2.signal);
      return tagSource(r.value, r.source);
    },
  };
}

/** `encodeCode`, `decodeCode`, `parseCode`, `lookupCode`. */
function codeCalls(c: Ctx): Pick<Client, 'encodeCode' | 'decodeCode' | 'parseCode' | 'lookupCode'> {
  const { locale } = c;
  return {
    async encodeCode(pt, opts) {
      const o2 = c.opt(opts);
      const r = await c.run('encodeCode', { point: c.point(pt) }, o2.signal);
      return { ...r.value, source: r.source } as EncodeAnswer;
    },
    async decodeCode(code, opts) {
      const o2 = c.opt(opts);
      const shape = await parseCodeShape(code);
      if (!shape.ok) throw new DiachisoError('invalid-input', { locale, detail: locale === 'en' ? shape.en : shape.vi });
      const r = await c.run('decodeCode', { code, compact: shape.compact.replace(' ', '') }, o2.signal);
      return { ...r.value, source: r.source } as CodeAnswer;
    },
    async parseCode(text) {
      const t = typeof text === 'string' ? text : '';
      const m = await codes();
      // Empty, or longer than any code: the shape says so without asking anybody.
      if (!t.trim() || t.length > 64) return m.readShape(t);
      try {
        return (await c.run('parseCode', { text: t })).value;
      } catch {
        return m.readShape(t);
      }
    },
    async lookupCode(code, opts) {
      const o2 = c.opt(opts);
      const digits = (await codes()).ndasDigits(locale, code);
      const r = await c.run('lookupCode', { code: digits }, o2.signal);
      return r.value ? { ...r.value, source: r.source } : null;
    },
  };
}
