import type { AdminData, LegacyData, PoisData, RoadsData, StreetsData, WardsData, ZonesData } from '@diachiso/core';
import { createStore, get, set, type UseStore } from 'idb-keyval';

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
  /** Where the assets are (a folder URL ending in `/`). Default: the package's own `assets/`. */
  baseUrl?: string | URL;
  /** A `fetch` to use (tests, service workers). Default: the global one. */
  fetch?: typeof fetch;
  /** Called as bytes arrive. */
  onProgress?: (p: LoadProgress) => void;
  /** Cache parts in IndexedDB keyed by dataset version (default true where IndexedDB exists). */
  cache?: boolean;
  /** Cancels the load. */
  signal?: AbortSignal;
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
}

/** A `DatasetError` says why the dataset could not be loaded. */
export class DatasetError extends Error {
  /** What went wrong. */
  readonly code: 'fetch-failed' | 'integrity' | 'invalid' | 'aborted';
  /**
   * @param code - What went wrong.
   * @param message - Details (never contains user data).
   */
  constructor(code: DatasetError['code'], message: string) {
    super(message);
    this.name = 'DatasetError';
    this.code = code;
  }
}

/** Returns the default asset folder: `assets/` beside this package's `src/` or `dist/`. */
export function defaultBaseUrl(): URL {
  return new URL('../assets/', import.meta.url);
}

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

async function readBytes(url: URL, opts: LoadOptions, onChunk: (n: number) => void): Promise<Uint8Array> {
  if (url.protocol === 'file:') {
    // Node: fetch() does not read file: URLs.
    const fs = await import(/* webpackIgnore: true */ 'node:fs/promises' as string);
    const buf: Uint8Array = await fs.readFile(url);
    onChunk(buf.byteLength);
    return buf;
  }
  const f = opts.fetch ?? globalThis.fetch;
  let res: Response;
  try {
    res = await f(url.href, opts.signal ? { signal: opts.signal } : {});
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw new DatasetError('aborted', 'The dataset load was aborted.');
    throw new DatasetError('fetch-failed', `Could not fetch ${url.pathname}: ${(e as Error).message}`);
  }
  if (!res.ok) throw new DatasetError('fetch-failed', `Could not fetch ${url.pathname}: HTTP ${res.status}`);
  if (!res.body) {
    const b = new Uint8Array(await res.arrayBuffer());
    onChunk(b.byteLength);
    return b;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
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
}

async function sha256Hex(bytes: Uint8Array): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined; // insecure context: integrity cannot be checked here
  const digest = await subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const manifests = new Map<string, Promise<Manifest>>();

/**
 * Loads the dataset manifest (cached per base URL).
 *
 * @param opts - Where and how to load.
 * @returns The manifest.
 * @throws DatasetError when it cannot be fetched or is not a manifest.
 * @example
 * ```ts
 * const m = await loadManifest();
 * console.log(m.version);
 * ```
 */
export function loadManifest(opts: LoadOptions = {}): Promise<Manifest> {
  const base = new URL(opts.baseUrl ?? defaultBaseUrl());
  const key = base.href;
  let p = manifests.get(key);
  if (!p) {
    p = readBytes(new URL('manifest.json', base), opts, () => {}).then((b) => {
      const m = JSON.parse(new TextDecoder().decode(b)) as Manifest;
      if (!m || typeof m.version !== 'string' || !m.parts) throw new DatasetError('invalid', 'Not a dataset manifest.');
      return m;
    });
    p.catch(() => manifests.delete(key));
    manifests.set(key, p);
  }
  return p;
}

/**
 * Loads parts of the embedded dataset: from IndexedDB when a copy of this version is cached,
 * otherwise from the network (or the file system in Node), checking each part's SHA-256
 * against the manifest before using or caching it.
 *
 * @param parts - The parts the page needs.
 * @param opts - Where and how to load; `onProgress` reports bytes.
 * @returns The parts and how they were loaded.
 * @throws DatasetError when a part cannot be fetched or fails its integrity check (a cached
 *   copy is never replaced by a corrupt one).
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
  const base = new URL(opts.baseUrl ?? defaultBaseUrl());
  const manifest = await loadManifest(opts);
  const useIdb = opts.cache !== false && base.protocol !== 'file:';
  const idb = useIdb ? idbStore() : undefined;
  const total = parts.reduce((s, p) => s + (manifest.parts[p]?.bytes ?? 0), 0);
  let loaded = 0;
  const out: Partial<DatasetParts> = {};
  const attribution = new Set<string>();
  await Promise.all(
    parts.map(async (part) => {
      const entry = manifest.parts[part];
      if (!entry) throw new DatasetError('invalid', `Unknown dataset part: ${String(part)}`);
      const key = `${manifest.version}/${part}`;
      let value = memory.get(key);
      let source: LoadProgress['source'] = 'cache';
      if (value === undefined && idb) {
        try {
          value = await get(key, idb);
        } catch {
          value = undefined; // blocked or corrupt store: fall back to the network
        }
      }
      if (value === undefined) {
        source = 'network';
        const bytes = await readBytes(new URL(entry.file, base), opts, (n) => {
          loaded += n;
          opts.onProgress?.({ part, loaded, total, source });
        });
        const hash = await sha256Hex(bytes);
        if (hash !== undefined && hash !== entry.sha256)
          throw new DatasetError('integrity', `Dataset part "${part}" failed its integrity check.`);
        try {
          value = JSON.parse(new TextDecoder().decode(bytes));
        } catch {
          throw new DatasetError('invalid', `Dataset part "${part}" is not valid JSON.`);
        }
        if (idb) {
          try {
            await set(key, value, idb);
          } catch {
            // over quota or blocked: keep going from memory
          }
        }
      } else {
        loaded += entry.bytes;
        opts.onProgress?.({ part, loaded, total, source });
      }
      memory.set(key, value);
      (out as Record<string, unknown>)[part] = value;
      attribution.add(entry.attribution);
    }),
  );
  const base2 = {
    version: manifest.version,
    parts: out as Pick<DatasetParts, K>,
    cache: (idb ? 'indexeddb' : useIdb ? 'memory' : 'none') as LoadedDataset['cache'],
    attribution: [...attribution],
  };
  return storeNote && useIdb ? { ...base2, cacheNote: storeNote } : base2;
}

/** @internal Forgets the in-memory copies (tests). */
export function clearMemoryCache(): void {
  memory.clear();
  manifests.clear();
}
