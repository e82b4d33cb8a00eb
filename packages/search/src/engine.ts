import {
  decodeCode,
  encodeCode,
  Gazetteer,
  LegacyConverter,
  parseCode,
  type ConversionResult,
  type DecodedCode,
  type EncodeCodeResult,
  type LatLon,
  type ParseCodeResult,
  type PoisData,
  type StreetsData,
  type ReverseResult,
  type Suggestion,
  type ZoneTable,
  type AddressComponents,
  type VerifyResult,
  verifyAddress,
  resolveAddress,
} from '@diachiso/core';
import { StreetDirectory } from '@diachiso/core/internal';
import { looksLikeWholeAddress, retrieveComposed, suggestWholeAddress } from './whole-address.js';
import { layer, type LayerCollection } from './services.js';
import { loadDataset, loadManifest, type LoadOptions, type LoadedDataset, type Manifest, type PartName } from '@diachiso/data';
import { createStore, get, set } from 'idb-keyval';
import type { SearchIndex, IndexSnapshot, SearchSources, SuggestOptions } from './search-index.js';
import { ShardedIndex } from './index/shards.js';
import { recordsFormat } from './index/format.js';
import { WardLocator } from './reverse.js';
import { NearbyIndex, type NearbyOptions } from './nearby.js';

/**
 * An `OfflineEngine` is everything the offline mode needs, built from the embedded dataset: the
 * search index and the ward locator. Build it once per page with {@link OfflineEngine.load}.
 *
 * @example
 * ```ts
 * const engine = await OfflineEngine.load();
 * engine.suggest('vinh hai', { limit: 5 });
 * engine.reverse({ lat: 12.2388, lon: 109.1967 });
 * ```
 */
export class OfflineEngine {
  /** The search index. */
  readonly index: ShardedIndex;
  /** The reverse geocoder. */
  readonly locator: WardLocator;
  /** How the dataset was loaded (version, cache, attribution). */
  readonly dataset: Omit<LoadedDataset, 'parts'>;
  /** The digital address code's zone table. */
  readonly zones: ZoneTable;
  /** Points of interest (thematic layers). */
  readonly pois: PoisData;
  #gazetteer: Gazetteer | (() => Gazetteer);
  #converter: LegacyConverter | undefined;
  #nearby: NearbyIndex | undefined;
  #streetDir: StreetDirectory | undefined;
  readonly #streets: StreetsData | undefined;

  /**
   * @param index - The search index.
   * @param locator - The ward locator.
   * @param dataset - The load report.
   * @param gazetteer - The unit names, or a function that builds them on first use.
   * @param zones - The code's zone table.
   * @param pois - The points of interest.
   * @param streets - The streets with their lines (for the nearest streets in `reverse`).
   */
  constructor(
    index: ShardedIndex,
    locator: WardLocator,
    dataset: Omit<LoadedDataset, 'parts'>,
    gazetteer: Gazetteer | (() => Gazetteer),
    zones: ZoneTable,
    pois: PoisData = { pois: [] },
    streets?: StreetsData,
  ) {
    this.zones = zones;
    this.pois = pois;
    this.index = index;
    this.locator = locator;
    this.dataset = dataset;
    this.#gazetteer = gazetteer;
    this.#streets = streets;
  }

  // Built on first use: suggestions (the first thing a page needs) do not wait for them.
  /** Every unit name, 2025 and pre-2025. */
  get gazetteer(): Gazetteer {
    return typeof this.#gazetteer === 'function' ? (this.#gazetteer = this.#gazetteer()) : this.#gazetteer;
  }

  /** The pre-2025 → 2025 converter. */
  get converter(): LegacyConverter {
    return (this.#converter ??= new LegacyConverter(this.gazetteer));
  }

  /** The streets by name, with the 2025 wards each passes through. */
  get streets(): StreetDirectory {
    return (this.#streetDir ??= new StreetDirectory(this.#streets));
  }

  /** Nearest streets and points of interest. */
  get nearby(): NearbyIndex {
    return (this.#nearby ??= new NearbyIndex(this.#streets, this.pois));
  }

  /**
   * Loads the dataset and builds the engine. Engines are shared per asset location, so many
   * clients on one page load and index the data once.
   *
   * @param opts - Where and how to load the dataset.
   * @returns The engine.
   */
  static load(opts: LoadOptions = {}): Promise<OfflineEngine> {
    const key = String(opts.baseUrl ?? '');
    let p = engines.get(key);
    if (!p) {
      p = (async () => {
        const t0 = now();
        // The text index is stored in IndexedDB shard by shard beside the dataset: a second
        // visit restores the units and Khánh Hòa's shard instead of re-indexing. They are read
        // while the dataset parts are read.
        const wantCache = opts.cache !== false && typeof indexedDB !== 'undefined';
        const snapRead = wantCache ? readSnapshots(opts) : Promise.resolve({ keys: undefined, snaps: {} });
        const [ds, stored] = await Promise.all([
          loadDataset(['admin', 'legacy', 'wards', 'streets', 'pois', 'zones'], opts).then((d) => (measure('dataset', t0), d)),
          snapRead.then((x) => (measure('snapshot read', t0), x)),
        ]);
        const t1 = now();
        const store = ds.cache === 'indexeddb' && stored.keys ? snapshotStore() : undefined;
        const built: Array<[string, SearchIndex]> = [];
        const index = new ShardedIndex(ds.parts as SearchSources, {
          preload: HOME,
          ...(store ? { snapshots: stored.snaps } : {}),
          onBuilt: (shard, idx) => built.push([shard, idx]),
        });
        // Written when the page is idle: serialising a shard takes tens of milliseconds, which
        // should not land on the user's first keystrokes.
        whenIdle(() => index.warmUp());
        if (store)
          whenIdle(() => {
            for (const [shard, idx] of built) {
              const key = stored.keys!(shard);
              if (key) void set(key, idx.snapshot(), store).catch(() => undefined);
            }
          });
        measure(index.fromSnapshot ? 'index restored' : 'index built', t1);
        const locator = new WardLocator(ds.parts.wards, index.registry);
        const { parts: _parts, ...report } = ds;
        return new OfflineEngine(
          index,
          locator,
          report,
          () => new Gazetteer(index.registry, ds.parts.legacy),
          ds.parts.zones,
          ds.parts.pois,
          ds.parts.streets,
        );
      })();
      p.catch(() => engines.delete(key));
      engines.set(key, p);
    }
    return p;
  }

  /**
   * Returns ranked suggestions.
   *
   * @param text - The query.
   * @param opts - Limit and preferences.
   * @returns The suggestions.
   */
  suggest(text: string, opts?: SuggestOptions): Suggestion[] {
    if (!looksLikeWholeAddress(text)) return this.index.suggest(text, opts);
    return suggestWholeAddress(text, opts ?? {}, {
      index: this.index,
      resolve: (t) => resolveAddress(t, this.gazetteer, this.streets),
    });
  }

  /**
   * Returns the record with this id.
   *
   * @param id - A suggestion id.
   * @returns The record, or `undefined`.
   */
  get(id: string): Suggestion | undefined {
    return this.index.get(id) ?? retrieveComposed(id, this.index.registry, this.streets);
  }

  /**
   * Verifies an address (see `verifyAddress` in `@diachiso/core`).
   *
   * @param input - Free text or components.
   * @returns The verdict, the 2025 address, findings and candidates.
   */
  verify(input: string | AddressComponents): VerifyResult {
    return verifyAddress(input, this.gazetteer, this.converter, this.streets);
  }

  /**
   * Returns a thematic layer: points of interest of a category within a bounding box.
   *
   * @param category - A category, or `all`.
   * @param bbox - `[west, south, east, north]`.
   * @returns GeoJSON.
   */
  layer(category: string, bbox?: readonly number[]): LayerCollection {
    const reg = this.index.registry;
    return layer(
      this.pois,
      (c) => {
        const w = reg.ward(c);
        return w ? { code: w.code, name: w.fullName } : undefined;
      },
      category,
      bbox,
    );
  }

  /**
   * Converts a pre-2025 (or 2025) address to its 2025 ward(s) and province.
   *
   * @param text - The address.
   * @returns Every candidate, with split/ambiguity flags and the legal citation.
   */
  convertLegacy(text: string): ConversionResult {
    return this.converter.convert(text);
  }

  /**
   * Encodes a point as a digital address code (a full Plus Code outside Khánh Hòa).
   *
   * @param p - The point.
   * @returns The code, or a Plus Code with `zoneKnown: false`.
   */
  encodeCode(p: LatLon): EncodeCodeResult {
    return encodeCode(p, this.zones, (q) => this.locator.wardCodeAt(q)?.code);
  }

  /**
   * Decodes a digital address code.
   *
   * @param code - The code, in any accepted form.
   * @returns The zone, cell and centre, or `undefined` if it is not a valid code.
   */
  decodeCode(code: string): DecodedCode | undefined {
    return decodeCode(code, this.zones);
  }

  /**
   * Reads a typed code.
   *
   * @param text - What the user typed.
   * @returns The canonical code or the reason it is not one.
   */
  parseCode(text: string): ParseCodeResult {
    return parseCode(text, this.zones);
  }

  /**
   * Returns the ward and province containing a point, or `null` outside Khánh Hòa, with the
   * nearest streets and points of interest (unless `nearby` is `false`).
   *
   * @param p - The point.
   * @param nearby - How many streets and points of interest, within which radius; `false` for none.
   * @returns The answer.
   */
  reverse(p: LatLon, nearby: NearbyOptions | false = {}): ReverseResult | null {
    const r = this.locator.locate(p);
    // Asked for none (`false`, or zero of each): the fields are left out.
    if (!r || nearby === false || (nearby.streets === 0 && nearby.pois === 0)) return r;
    const { streets, pois } = this.nearby.near(p, nearby);
    return { ...r, streets, pois };
  }
}

const engines = new Map<string, Promise<OfflineEngine>>();

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
/** A `diachiso:…` performance measure (shown in browser profilers; read by the cold-start bench). */
function measure(name: string, start: number): void {
  try {
    performance.measure(`diachiso:${name}`, { start, end: now() });
  } catch {
    // no User Timing here
  }
}

function whenIdle(fn: () => void): void {
  const g = globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number };
  if (g.requestIdleCallback) g.requestIdleCallback(fn, { timeout: 5000 });
  else setTimeout(fn, 500);
}
/** The province shards built at load (Khánh Hòa, the pilot); others are built on first need. */
const HOME = ['56'];

/**
 * The keys of the stored shard snapshots: the hashes of the dataset parts a shard is made of
 * (the units: admin and legacy; a province's: those and the streets and places) and the records
 * format (a hash of what the record-building code makes of a fixed sample). A new street list
 * leaves the units' snapshot valid; a snapshot of older code is never even read.
 */
function shardKeys(m: Manifest): (shard: string) => string | undefined {
  const sha = (names: readonly PartName[]) => names.map((n) => m.parts[n]?.sha256.slice(0, 12) ?? '?').join('.');
  const units = sha(['admin', 'legacy']);
  const all = sha(['admin', 'legacy', 'streets', 'pois']);
  return (shard) =>
    shard === 'units'
      ? `units/${units}/search-index/${recordsFormat()}`
      : /^\d{2}$/.test(shard)
        ? `${shard}/${all}/search-index/${recordsFormat()}`
        : undefined;
}

/** Reads the stored snapshots of the units and the preloaded shards (none on any failure). */
async function readSnapshots(
  opts: LoadOptions,
): Promise<{ keys: ((shard: string) => string | undefined) | undefined; snaps: Record<string, IndexSnapshot> }> {
  try {
    const keys = shardKeys(await loadManifest(opts));
    const st = snapshotStore();
    if (!st) return { keys: undefined, snaps: {} };
    const snaps: Record<string, IndexSnapshot> = {};
    await Promise.all(
      ['units', ...HOME].map(async (shard) => {
        const s = await get<IndexSnapshot>(keys(shard)!, st);
        if (s && typeof s === 'object') snaps[shard] = s;
      }),
    );
    return { keys, snaps };
  } catch {
    return { keys: undefined, snaps: {} };
  }
}

let idbStore: ReturnType<typeof createStore> | undefined;
function snapshotStore(): ReturnType<typeof createStore> | undefined {
  try {
    idbStore ??= createStore('diachiso-index', 'snapshots');
    return idbStore;
  } catch {
    return undefined;
  }
}
