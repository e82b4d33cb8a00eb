import type { AdminData, LegacyData, PoisData, RoadsData, StreetsData, WardsData, ZonesData } from '@diachiso/core';
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

/** The parts of the embedded dataset; a page loads only those it needs. */
export interface DatasetParts {
  /** 34 provinces, 3,321 wards (names and codes nationwide; centroids for Khánh Hòa). */
  admin: AdminData;
  /** The nationwide pre-2025 → 2025 mapping, with Khánh Hòa's legal citations. */
  legacy: LegacyData;
  /** Khánh Hòa's 65 ward polygons. */
  wards: WardsData;
  /** Named streets of Nha Trang (OSM). */
  streets: StreetsData;
  /** Road geometry of Nha Trang for the offline map (OSM). */
  roads: RoadsData;
  /** Points of interest of Nha Trang (OSM). */
  pois: PoisData;
  /** The digital address code's zone table. */
  zones: ZonesData;
}

/** The name of one part. */
export type PartName = keyof DatasetParts;

/** The manifest that lists the parts, their sizes and hashes. */
export interface Manifest {
  /** Dataset version; cached parts are keyed by it. */
  readonly version: string;
  /** One entry per part. */
  readonly parts: Readonly<Record<PartName, { file: string; bytes: number; sha256: string; attribution: string }>>;
}

/** Progress of a dataset load, in bytes. */
export interface LoadProgress {
  /** The part being loaded. */
  readonly part: PartName;
  /** Bytes received so far, over all requested parts. */
  readonly loaded: number;
  /** Bytes to receive in all, over all requested parts. */
  readonly total: number;
  /** Where the part came from. */
  readonly source: 'network' | 'cache';
}

/** Options of {@link loadDataset}. */
export interface LoadOptions {
  /**
   * Where the assets are (a folder URL ending in `/`). Default: the package's own `assets/`,
   * referenced file by file with `new URL('../assets/<part>.json', import.meta.url)` so that
   * bundlers (vite, webpack 5, rollup with an import-meta-assets plugin) emit them.
   */
  baseUrl?: string | URL;
  /** A `fetch` to use (tests, service workers). Default: the global one. */
  fetch?: typeof fetch;
  /** Called as bytes arrive. */
  onProgress?: (p: LoadProgress) => void;
  /** Cache parts in IndexedDB keyed by dataset version (default true where IndexedDB exists). */
  cache?: boolean;
  /** Cancels the load. */
  signal?: AbortSignal;
  /**
   * Longest time one file (the manifest or a part, body included) may take, in milliseconds
   * (default 60,000). Past it the load fails with a `timeout` {@link DatasetError}; the next
   * call tries again.
   */
  timeoutMs?: number;
}

/** A loaded dataset: the parts asked for, and how the load went. */
export interface LoadedDataset {
  /** Dataset version. */
  readonly version: string;
  /** The parts asked for. */
  readonly parts: Partial<DatasetParts>;
  /** Where the parts are cached: `indexeddb`, or `memory` when IndexedDB is unavailable. */
  readonly cache: 'indexeddb' | 'memory' | 'none';
  /** Why the cache is not IndexedDB, when it is not. */
  readonly cacheNote?: string;
  /** Attribution lines for the parts loaded (show them: OSM data is ODbL). */
  readonly attribution: readonly string[];
  /**
   * `cache` when the manifest could not be fetched and the last complete cached copy was used
   * (offline second visit); it is fetched again on the next load.
   */
  readonly manifestSource?: 'network' | 'cache';
}

/** A `DatasetError` says why the dataset could not be loaded. */
export class DatasetError extends Error {
  /** What went wrong. */
  readonly code: 'fetch-failed' | 'integrity' | 'invalid' | 'aborted' | 'timeout';
  /** The URL that could not be loaded, when one could not. */
  readonly url: string | undefined;
  /**
   * @param code - What went wrong.
   * @param message - Details (never contains user data).
   * @param url - The URL that could not be loaded.
   */
  constructor(code: DatasetError['code'], message: string, url?: string) {
    super(message);
    this.name = 'DatasetError';
    this.code = code;
    this.url = url;
  }
}

/** Returns the default asset folder: `assets/` beside this package's `src/` or `dist/` (or where a bundler put the manifest). */
export function defaultBaseUrl(): URL {
  return new URL('./', defaultUrl('manifest.json'));
}

// One static `new URL(literal, import.meta.url)` per file: the form vite, webpack 5 and rollup's
// import-meta-assets plugins recognise, so an app's build emits the dataset without configuration.
function defaultUrl(file: string): URL {
  switch (file) {
    case 'manifest.json':
      return new URL('../assets/manifest.json', import.meta.url);
    case 'admin.json':
      return new URL('../assets/admin.json', import.meta.url);
    case 'legacy.json':
      return new URL('../assets/legacy.json', import.meta.url);
    case 'wards.json':
      return new URL('../assets/wards.json', import.meta.url);
    case 'streets.json':
      return new URL('../assets/streets.json', import.meta.url);
    case 'roads.json':
      return new URL('../assets/roads.json', import.meta.url);
    case 'pois.json':
      return new URL('../assets/pois.json', import.meta.url);
    case 'zones.json':
      return new URL('../assets/zones.json', import.meta.url);
    default:
      return new URL(file, defaultBaseUrl());
  }
}

const fileUrl = (file: string, opts: LoadOptions): URL => (opts.baseUrl ? new URL(file, new URL(opts.baseUrl)) : defaultUrl(file));
const baseKey = (opts: LoadOptions): string => (opts.baseUrl ? new URL(opts.baseUrl).href : 'default');

const memory = new Map<string, unknown>();
let store: UseStore | undefined;
let storeNote: string | undefined;

function idbStore(): UseStore | undefined {
  if (store || storeNote) return store;
  try {
    if (typeof indexedDB === 'undefined') {
      storeNote = 'IndexedDB is not available here; the dataset is kept in memory.';
      return undefined;
    }
    store = createStore('diachiso', 'dataset');
    return store;
  } catch (e) {
    storeNote = `IndexedDB cannot be opened (${(e as Error).name}); the dataset is kept in memory.`;
    return undefined;
  }
}

/** IndexedDB reads and writes that never hang a load: past the deadline they count as a miss. */
function idbTry<T>(op: () => Promise<T>, ms = 3000): Promise<T | undefined> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(undefined), ms);
    op().then(
      (v) => (clearTimeout(t), resolve(v)),
      () => (clearTimeout(t), resolve(undefined)),
    );
  });
}

const reported = new Set<string>();
/** Tells the developer, once per URL, which file is missing and how to serve it. */
function tellDeveloper(url: URL, why: string): void {
  if (reported.has(url.href)) return;
  reported.add(url.href);
  console.error(
    `diachiso: the offline dataset file ${url.href} could not be loaded (${why}). ` +
      'Serve the files of node_modules/@diachiso/data/assets/ at one URL and pass it: ' +
      'createClient({ dataset: { baseUrl: \'/diachiso-assets/\' } }) or <dcs-address-autocomplete dataset-url="/diachiso-assets/">. ' +
      'Bundlers that understand new URL(…, import.meta.url) (vite build, webpack 5) copy them for you. ' +
      ' (Không tải được dữ liệu ngoại tuyến: kiểm tra đường dẫn dataset-url / dataset.baseUrl.)',
  );
}

async function readBytes(url: URL, opts: LoadOptions, onChunk: (n: number) => void, quiet = false): Promise<Uint8Array> {
  const reportMissing = quiet ? () => undefined : tellDeveloper;
  if (url.protocol === 'file:') {
    // Node: fetch() does not read file: URLs. The specifier is a variable so that bundlers
    // targeting browsers leave it alone.
    const fsName = 'node:fs/promises';
    const fs = (await import(/* @vite-ignore */ /* webpackIgnore: true */ fsName)) as {
      readFile(u: URL): Promise<Uint8Array>;
    };
    try {
      const buf: Uint8Array = await fs.readFile(url);
      onChunk(buf.byteLength);
      return buf;
    } catch (e) {
      reportMissing(url, (e as { code?: string }).code ?? 'read error');
      throw new DatasetError('fetch-failed', `Could not read ${url.href}: ${(e as Error).message}`, url.href);
    }
  }
  const f = opts.fetch ?? globalThis.fetch;
  const ms = opts.timeoutMs ?? 60_000;
  const ctl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort();
  }, ms);
  const onAbort = () => ctl.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) ctl.abort();
  const failed = (e: unknown): DatasetError => {
    if (e instanceof DatasetError) return e;
    if (timedOut) return new DatasetError('timeout', `Loading ${url.href} took longer than ${ms} ms.`, url.href);
    if (opts.signal?.aborted || (e as Error)?.name === 'AbortError')
      return new DatasetError('aborted', 'The dataset load was aborted.', url.href);
    reportMissing(url, (e as Error)?.message ?? 'network error');
    return new DatasetError('fetch-failed', `Could not fetch ${url.href}: ${(e as Error)?.message}`, url.href);
  };
  try {
    const res = await f(url.href, { signal: ctl.signal });
    if (!res.ok) {
      reportMissing(url, `HTTP ${res.status}`);
      throw new DatasetError('fetch-failed', `Could not fetch ${url.href}: HTTP ${res.status}`, url.href);
    }
    // A single-page app's fallback answers every path with its index.html.
    if (/text\/html/i.test(res.headers.get('content-type') ?? '')) {
      reportMissing(url, 'an HTML page came back: the file is not served there');
      throw new DatasetError('fetch-failed', `Could not fetch ${url.href}: an HTML page came back, not the dataset`, url.href);
    }
    if (!res.body) {
      const b = new Uint8Array(await res.arrayBuffer());
      onChunk(b.byteLength);
      return b;
    }
    const reader = res.body.getReader();
    // A body that trickles stops at the deadline too, whatever the fetch does with the signal.
    ctl.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
    const chunks: Uint8Array[] = [];
    let n = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (ctl.signal.aborted) throw new DOMException('The load was aborted.', 'AbortError');
      if (done) break;
      chunks.push(value);
      n += value.byteLength;
      onChunk(value.byteLength);
    }
    const out = new Uint8Array(n);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.byteLength;
    }
    return out;
  } catch (e) {
    throw failed(e);
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

async function sha256Hex(bytes: Uint8Array): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined; // insecure context: integrity cannot be checked here
  const digest = await subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function parseManifest(bytes: Uint8Array | unknown): Manifest {
  let m: Manifest;
  try {
    m = (bytes instanceof Uint8Array ? JSON.parse(new TextDecoder().decode(bytes)) : bytes) as Manifest;
  } catch {
    throw new DatasetError('invalid', 'The dataset manifest is not valid JSON.');
  }
  if (!m || typeof m !== 'object' || typeof m.version !== 'string' || !m.parts || typeof m.parts !== 'object')
    throw new DatasetError('invalid', 'Not a dataset manifest.');
  return m;
}

const manifests = new Map<string, Promise<Manifest & { fromCache?: true }>>();
const manifestKey = (opts: LoadOptions) => `manifest:${baseKey(opts)}`;

/**
 * Loads the dataset manifest (cached per base URL). When it cannot be fetched, the manifest of
 * the last complete dataset cached in IndexedDB from that location is used (an offline second
 * visit); the next call fetches it again.
 *
 * @param opts - Where and how to load.
 * @returns The manifest.
 * @throws DatasetError when it cannot be fetched (and none is cached) or is not a manifest.
 * @example
 * ```ts
 * const m = await loadManifest();
 * console.log(m.version);
 * ```
 */
export function loadManifest(opts: LoadOptions = {}): Promise<Manifest> {
  return manifestOf(opts);
}

function manifestOf(opts: LoadOptions): Promise<Manifest & { fromCache?: true }> {
  const key = baseKey(opts);
  let p = manifests.get(key);
  if (!p) {
    const url = fileUrl('manifest.json', opts);
    // Quiet: an offline second visit falls back to the cache below, which is no error.
    p = readBytes(url, opts, () => {}, true)
      .then(parseManifest)
      .catch(async (e: unknown) => {
        if (e instanceof DatasetError && (e.code === 'aborted' || e.code === 'invalid')) throw e;
        const idb = opts.cache !== false && url.protocol !== 'file:' ? idbStore() : undefined;
        const saved = idb ? await idbTry(() => get<unknown>(manifestKey(opts), idb)) : undefined;
        if (saved === undefined) {
          if (e instanceof DatasetError && e.code === 'fetch-failed') tellDeveloper(url, e.message.replace(/^.*: /, ''));
          throw e;
        }
        const m = parseManifest(saved);
        manifests.delete(key); // fetched again next time: refreshed when the network is back
        return Object.assign(m, { fromCache: true as const });
      });
    p.catch(() => manifests.delete(key));
    manifests.set(key, p);
  }
  return p;
}

/**
 * Loads parts of the embedded dataset: from IndexedDB when a copy of this version is cached,
 * otherwise from the network (or the file system in Node), checking each part's SHA-256
 * against the manifest before using or caching it. Cached copies are checked again when read
 * (hash and shape); a damaged copy is dropped and fetched again.
 *
 * @param parts - The parts the page needs.
 * @param opts - Where and how to load; `onProgress` reports bytes.
 * @returns The parts and how they were loaded.
 * @throws DatasetError when a part cannot be fetched, takes longer than `timeoutMs`, or fails its
 *   integrity check (a cached copy is never replaced by a corrupt one). Nothing is remembered
 *   of a failure: the next call tries again.
 * @example
 * ```ts
 * const ds = await loadDataset(['admin', 'wards'], { onProgress: (p) => console.log(p.loaded, p.total) });
 * ds.parts.admin?.wards.length; // 3321
 * ```
 */
export async function loadDataset<K extends PartName>(
  parts: readonly K[],
  opts: LoadOptions = {},
): Promise<LoadedDataset & { parts: Pick<DatasetParts, K> }> {
  const useIdb = opts.cache !== false && fileUrl('manifest.json', opts).protocol !== 'file:';
  const idb = useIdb ? idbStore() : undefined;
  const early = idb ? readEarly(parts, opts, idb) : undefined;
  const manifest = await manifestOf(opts);
  const total = parts.reduce((s, p) => s + (manifest.parts[p]?.bytes ?? 0), 0);
  let loaded = 0;
  const out: Partial<DatasetParts> = {};
  const attribution = new Set<string>();
  let stored = 0;
  await Promise.all(
    parts.map(async (part) => {
      const entry = manifest.parts[part];
      if (!entry) throw new DatasetError('invalid', `Unknown dataset part: ${String(part)}`);
      const key = `${manifest.version}/${part}`;
      let value = memory.get(key);
      let source: LoadProgress['source'] = 'cache';
      if (value === undefined && idb) {
        // Cached as the bytes fetched, so that a copy damaged in storage is caught by its hash.
        let t = now();
        const e = await early;
        const cached =
          e?.version === manifest.version && e.bytes.has(part) ? e.bytes.get(part) : await idbTry(() => get<unknown>(key, idb));
        t = measure(`read ${part} (IndexedDB)`, t);
        value = cached instanceof Uint8Array ? await decode(part, cached, entry.sha256) : undefined;
        if (cached !== undefined) measure(`check+parse ${part}`, t);
        if (value !== undefined) stored++;
        else if (cached !== undefined) void idbTry(() => del(key, idb)); // damaged or an older format
      }
      if (value === undefined) {
        if (manifest.fromCache)
          throw new DatasetError('fetch-failed', `Dataset part "${part}" is not cached and the network is unavailable.`);
        source = 'network';
        let t = now();
        const bytes = await readBytes(fileUrl(entry.file, opts), opts, (n) => {
          loaded += n;
          opts.onProgress?.({ part, loaded, total, source });
        });
        t = measure(`fetch ${part}`, t);
        value = await decode(part, bytes, entry.sha256);
        measure(`check+parse ${part}`, t);
        if (value === undefined) {
          tellDeveloper(fileUrl(entry.file, opts), 'its content does not match the manifest: a stale or rewritten copy');
          throw new DatasetError('integrity', `Dataset part "${part}" failed its integrity check.`, fileUrl(entry.file, opts).href);
        }
        if (idb && (await idbTry(() => set(key, bytes, idb).then(() => true)))) stored++;
      } else {
        loaded += entry.bytes;
        opts.onProgress?.({ part, loaded, total, source });
      }
      memory.set(key, value);
      (out as Record<string, unknown>)[part] = value;
      attribution.add(entry.attribution);
    }),
  );
  // Every part asked for is in IndexedDB: this manifest can stand in for the network later.
  if (idb && stored === parts.length && !manifest.fromCache) {
    const { fromCache: _f, ...plain } = manifest;
    void idbTry(() => set(manifestKey(opts), plain, idb));
  }
  const base2 = {
    version: manifest.version,
    parts: out as Pick<DatasetParts, K>,
    cache: (idb ? 'indexeddb' : useIdb ? 'memory' : 'none') as LoadedDataset['cache'],
    attribution: [...attribution],
    ...(manifest.fromCache ? { manifestSource: 'cache' as const } : {}),
  };
  return storeNote && useIdb ? { ...base2, cacheNote: storeNote } : base2;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
/** Records a `diachiso:dataset …` performance measure from `start` to now (browser profilers, the slow-link bench); returns now. */
function measure(name: string, start: number): number {
  const end = now();
  try {
    performance.measure(`diachiso:dataset ${name}`, { start, end });
  } catch {
    // no User Timing here
  }
  return end;
}

/**
 * A second visit reads its cached parts while the manifest is on its way (on a slow link that is
 * a round trip or more): the parts of the version the last complete load saved. They are used
 * only when the fetched manifest names that same version, and hashed like any cached copy.
 */
async function readEarly(
  parts: readonly PartName[],
  opts: LoadOptions,
  idb: UseStore,
): Promise<{ version: string; bytes: Map<PartName, unknown> } | undefined> {
  const saved = await idbTry(() => get<unknown>(manifestKey(opts), idb));
  if (saved === undefined) return undefined;
  let version: string;
  try {
    version = parseManifest(saved).version;
  } catch {
    return undefined;
  }
  const bytes = new Map<PartName, unknown>();
  const wanted = parts.filter((p) => !memory.has(`${version}/${p}`));
  await Promise.all(wanted.map(async (p) => bytes.set(p, await idbTry(() => get<unknown>(`${version}/${p}`, idb)))));
  return { version, bytes };
}

/** Parses a part's bytes when their hash and shape are right; `undefined` otherwise. */
async function decode(part: PartName, bytes: Uint8Array, sha256: string): Promise<unknown> {
  const hash = await sha256Hex(bytes);
  if (hash !== undefined && hash !== sha256) return undefined;
  try {
    const v = JSON.parse(new TextDecoder().decode(bytes)) as { part?: unknown } | null;
    return v && typeof v === 'object' && (v.part === undefined || v.part === part) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** @internal Forgets the in-memory copies (tests). */
export function clearMemoryCache(): void {
  memory.clear();
  manifests.clear();
  reported.clear();
}
