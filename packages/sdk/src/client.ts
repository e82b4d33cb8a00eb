import {
  isLatLon,
  parseCode as parseCodeShape,
  type ConversionCandidate,
  type DecodedCode,
  type LatLon,
  type ParseCodeResult,
  type ReverseResult,
  type Suggestion,
  type SuggestionKind,
  type UnitRef,
} from '@diachiso/core';
import type { LoadOptions } from '@diachiso/data';
import type { OfflineEngine } from '@diachiso/search';
import { DiachisoError } from './errors.js';
import { parseCodeBody, parseConvertBody, parseReverseBody, parseSuggestBody } from './validate.js';

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
  /** Where and how to load the embedded dataset (offline and auto modes). */
  dataset?: LoadOptions;
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
   * @param opts - Abort signal.
   * @returns The ward and province, or `null`.
   * @throws DiachisoError `invalid-input` for a point that is not a finite lat/lon.
   * @example
   * ```ts
   * (await client.reverse({ lat: 12.2388, lon: 109.1967 }))?.ward.name; // 'Phường Nha Trang'
   * ```
   */
  reverse(point: LatLon, opts?: CallOptions): Promise<ReverseAnswer>;
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
   * Reads a typed code: the canonical code (and what was corrected), or the reason it is not
   * one, in Vietnamese and English. Never throws for bad input.
   *
   * @param text - What the user typed.
   * @returns The result.
   * @example
   * ```ts
   * await client.parseCode('224O2 65ww848'); // { ok: true, code: '22402-65WW+848', corrections: ['O→0 in the zone'], … }
   * ```
   */
  parseCode(text: string): Promise<ParseCodeResult>;
  /**
   * Returns the offline engine (loading the embedded dataset on first use).
   *
   * @returns The engine.
   * @throws DiachisoError `unavailable` in online mode.
   */
  offline(): Promise<OfflineEngine>;
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
  const offline = () => {
    if (mode === 'online') return Promise.reject(new DiachisoError('unavailable', { locale, detail: 'offline engine in online mode' }));
    // Loaded on first use: pages that only talk to the platform never download the engine.
    engine ??= import('@diachiso/search').then((m) => m.OfflineEngine.load(options.dataset ?? {}));
    return engine;
  };
  if (mode === 'offline') await offline();

  async function getJson(path: string, params: Record<string, string>, signal?: AbortSignal): Promise<unknown> {
    const url = new URL(base + path, typeof location !== 'undefined' ? location.href : 'http://localhost/');
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const f = options.fetch ?? globalThis.fetch;
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
    if (options.apiKey) headers['X-API-Key'] = options.apiKey;
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
          f(url.href, { headers, signal: ctrl.signal }),
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
        if (c !== 'rate-limited' && c !== 'server') throw err;
      }
      if (attempt >= retries) throw err!;
      const backoff = Math.min(maxDelay, baseDelay * 2 ** attempt);
      await sleep(wait !== undefined ? Math.min(wait, maxDelay) : Math.random() * backoff, signal);
    }
  }

  const fallbackWorthy = (e: unknown) =>
    e instanceof DiachisoError && (e.code === 'network' || e.code === 'timeout' || e.code === 'server' || e.code === 'rate-limited');

  async function both<T>(online: () => Promise<T>, off: (e: OfflineEngine) => T): Promise<[T, Source]> {
    if (mode === 'offline') return [off(await offline()), 'offline'];
    if (mode === 'online') return [await online(), 'online'];
    try {
      return [await online(), 'online'];
    } catch (e) {
      if (!fallbackWorthy(e)) throw e;
      return [off(await offline()), 'offline'];
    }
  }

  return {
    mode,
    locale,
    offline,
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
        );
      }
      if (opts.signal?.aborted) throw new DiachisoError('aborted', { locale });
      return Object.assign(list, { query: q, seq: mySeq, source }) as SuggestResult;
    },
    async convertLegacy(text, opts = {}) {
      const q = typeof text === 'string' ? text.slice(0, 1024) : '';
      const [r, source] = await both(
        async () => {
          const parsed = parseConvertBody(await getJson('/v1/legacy/convert', { q }, opts.signal));
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
    async encodeCode(point, opts = {}) {
      if (!isLatLon(point)) throw new DiachisoError('invalid-input', { locale, detail: 'point must be { lat, lon } in degrees' });
      const [r, source] = await both(
        async () => {
          const parsed = parseCodeBody(await getJson('/v1/codes/encode', { lat: String(point.lat), lon: String(point.lon) }, opts.signal));
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
      const shape = parseCodeShape(code);
      if (!shape.ok) throw new DiachisoError('invalid-input', { locale, detail: locale === 'en' ? shape.en : shape.vi });
      const [r, source] = await both(
        async () => {
          const parsed = parseCodeBody(await getJson(`/v1/codes/${encodeURIComponent(shape.compact.replace(' ', ''))}`, {}, opts.signal));
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
      // The zone table is part of the embedded dataset; online-only clients check the shape.
      if (mode === 'online') return parseCodeShape(text);
      try {
        return (await offline()).parseCode(text);
      } catch {
        return parseCodeShape(text);
      }
    },
    async reverse(point, opts = {}) {
      if (!isLatLon(point)) throw new DiachisoError('invalid-input', { locale, detail: 'point must be { lat, lon } in degrees' });
      const [r, source] = await both(
        async () => {
          const parsed = parseReverseBody(await getJson('/v1/reverse', { lat: String(point.lat), lon: String(point.lon) }, opts.signal));
          if (parsed === undefined) throw new DiachisoError('invalid-response', { locale });
          return parsed;
        },
        (e) => e.reverse(point),
      );
      return r ? { ...r, source } : null;
    },
  };
}
