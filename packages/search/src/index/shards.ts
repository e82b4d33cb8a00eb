// Province shards: the text index partitioned by province (streets and places of one province
// each, built on first need), beside one nationwide shard of units (provinces, 2025 and pre-2025
// wards). See docs/decisions/0010-search-shards.md.
import { fold, type AdminRegistry, type PoiRow, type StreetRow, type Suggestion } from '@diachiso/core';
import { queryKey } from '@diachiso/core/internal';
import { readWith, SearchIndex, suggestWith, vocabularyOf } from '../search-index.js';
import { VocabularyUnion } from './vocabulary.js';
import { PILOT_PROVINCE } from './rank.js';
import { words } from './records.js';
import type { IndexOptions, IndexSnapshot, SearchSources, SuggestOptions } from './types.js';

/** Options of a {@link ShardedIndex}. */
export interface ShardedOptions {
  /** Provinces (2-digit codes) whose shard is built at once; default Khánh Hòa, `['56']`. */
  preload?: readonly string[];
  /**
   * Stored snapshots to restore shards from instead of building them: `units` for the
   * nationwide shard, a province code for a province's (see {@link ShardedIndex.snapshot}). One
   * that does not fit is ignored: the shard is built.
   */
  snapshots?: Readonly<Record<string, IndexSnapshot>>;
  /**
   * How many province shards, besides the preloaded ones, stay built (least recently used
   * dropped first); default 3. Keeps the heap at the size of the provinces in use.
   */
  maxLoaded?: number;
  /**
   * Called when a shard is built rather than restored (`units` or a province code), to store
   * its snapshot for the next visit.
   */
  onBuilt?: (shard: string, index: SearchIndex) => void;
}

/**
 * A `ShardedIndex` is the search index partitioned by province: one nationwide shard of units
 * (provinces, 2025 wards, pre-2025 wards) and one shard of streets and places per province,
 * built on first need. A query naming a province or a place of a single province (typed, or the
 * `province` option) searches the units and that province's shard only; any other query
 * searches the units and the preloaded shards (Khánh Hòa's by default), so its answers do not
 * depend on which provinces earlier queries named. Shards built on demand beyond `maxLoaded`
 * are dropped, least recently used first.
 *
 * @example
 * ```ts
 * const idx = new ShardedIndex({ admin, legacy, streets, pois });
 * idx.suggest('tran phu nha trang', { limit: 5 }); // the units and Khánh Hòa's shard
 * idx.suggest('tran phu', { province: '01' }); // builds Hà Nội's shard on first need
 * ```
 */
export class ShardedIndex {
  /** The nationwide shard: provinces, 2025 wards and pre-2025 wards. */
  readonly units: SearchIndex;
  /** The registry of 2025 units. */
  readonly registry: AdminRegistry;
  readonly #src: SearchSources;
  readonly #snapshots: Readonly<Record<string, IndexSnapshot>>;
  // Per province: its street rows, each row's occurrence of its name over the whole dataset
  // (`tran-phu-2` is the second Trần Phú: ids are made when a shard is built, not kept for
  // every street of the country), and its places.
  readonly #rows = new Map<string, { streets: StreetRow[]; occ: number[]; pois: PoiRow[] }>();
  readonly #shards = new Map<string, SearchIndex>();
  readonly #home: ReadonlySet<string>;
  readonly #maxLoaded: number;
  readonly #onBuilt: ((shard: string, index: SearchIndex) => void) | undefined;
  // Folded names → their province, or `null` when several provinces have one of that name.
  readonly #provinces = new Map<string, string | null>();
  readonly #districts = new Map<string, string | null>();
  readonly #wards = new Map<string, string | null>();
  // Names' first words that begin a longer name (`vinh` of `vinh hai`).
  readonly #longer = new Set<string>();

  /**
   * Builds the nationwide shard and the preloaded province shards.
   *
   * @param src - The dataset parts; `admin` is required.
   * @param opts - Which province shards to build at once.
   */
  constructor(src: SearchSources, opts: ShardedOptions = {}) {
    this.#src = src;
    this.#snapshots = opts.snapshots ?? {};
    this.#home = new Set(opts.preload ?? [PILOT_PROVINCE]);
    this.#maxLoaded = Math.max(0, Math.floor(opts.maxLoaded ?? 3));
    this.#onBuilt = opts.onBuilt;
    this.units = restoreOrBuild({ admin: src.admin, ...(src.legacy ? { legacy: src.legacy } : {}) }, this.#snapshots.units);
    if (!this.units.fromSnapshot) this.#onBuilt?.('units', this.units);
    this.registry = this.units.registry;
    const rows = (code: string) => {
      let r = this.#rows.get(code);
      if (!r) this.#rows.set(code, (r = { streets: [], occ: [], pois: [] }));
      return r;
    };
    const provinceOf = (ward: string) => this.registry.ward(ward)?.provinceCode ?? '';
    // Street ids are made over the whole dataset (`tran-phu`, `tran-phu-2`…), not per shard.
    const seen = new Map<string, number>();
    for (const s of src.streets?.streets ?? []) {
      const slug = slugOf(s[0]);
      const n = (seen.get(slug) ?? 0) + 1;
      seen.set(slug, n);
      const r = rows(provinceOf(s[4]));
      r.streets.push(s);
      r.occ.push(n);
    }
    for (const p of src.pois?.pois ?? []) rows(provinceOf(p[6])).pois.push(p);
    this.#learnPlaces();
    for (const p of this.#home) this.shard(p);
  }

  /** Province, ward and former district names that name a single province. */
  #learnPlaces(): void {
    const note = (m: Map<string, string | null>, name: string, province: string) => {
      const ws = words(name);
      const key = ws.join(' ');
      for (let k = 1; k < ws.length; k++) this.#longer.add(ws.slice(0, k).join(' '));
      const had = m.get(key);
      m.set(key, had === undefined || had === province ? province : null);
    };
    for (const w of this.registry.wards) note(this.#wards, w.name, w.provinceCode);
    for (const row of this.#src.legacy?.rows ?? []) {
      const p = this.registry.ward(row[6])?.provinceCode;
      if (p && row[3]) note(this.#districts, row[3].replace(/^(Quận|Huyện|Thị xã|Thành phố)\s+/iu, ''), p);
      if (p && row[5]) note(this.#wards, row[5].replace(/^(Phường|Xã|Thị trấn)\s+/iu, ''), p);
    }
    // A province's own name always names it (`TP. Hồ Chí Minh`, `tỉnh Khánh Hòa`).
    for (const p of this.registry.provinces) {
      const ws = words(p.name);
      const key = ws.join(' ');
      for (let k = 1; k < ws.length; k++) this.#longer.add(ws.slice(0, k).join(' '));
      this.#provinces.set(key, p.code);
      this.#districts.set(key, p.code);
    }
  }

  /** Provinces (2-digit codes) with streets or places, whose shard exists or can be built. */
  get provinces(): string[] {
    return [...this.#rows.keys()].filter(Boolean).sort();
  }

  /** Whether the units and every preloaded shard were restored from snapshots (not built). */
  get fromSnapshot(): boolean {
    return this.units.fromSnapshot && [...this.#home].every((p) => this.#shards.get(p)?.fromSnapshot ?? true);
  }

  /** Builds what the shards loaded otherwise build on first use (typo dictionaries, sorted vocabularies). */
  warmUp(): void {
    this.units.warmUp();
    for (const s of this.#shards.values()) s.warmUp();
  }

  /** Provinces whose shard is built. */
  get loaded(): string[] {
    return [...this.#shards.keys()].sort();
  }

  /**
   * Returns the shard of a province, building it on first need.
   *
   * @param province - A 2-digit province code.
   * @returns The shard, or `undefined` when the province has no streets or places.
   */
  shard(province: string): SearchIndex | undefined {
    let s = this.#shards.get(province);
    const rows = this.#rows.get(province);
    if (s && !this.#home.has(province)) {
      // most recently used last
      this.#shards.delete(province);
      this.#shards.set(province, s);
    } else if (!s && rows) {
      const { admin, legacy } = this.#src;
      s = restoreOrBuild(
        { admin, ...(legacy ? { legacy } : {}), streets: { streets: rows.streets }, pois: { pois: rows.pois } },
        this.#snapshots[province],
        { units: false, streetIds: rows.streets.map((r, i) => streetId(r[0], rows.occ[i]!)) },
      );
      this.#shards.set(province, s);
      if (!s.fromSnapshot) this.#onBuilt?.(province, s);
      this.#evict();
    }
    return s;
  }

  /** Drops the least recently used shards built on demand, beyond `maxLoaded`. */
  #evict(): void {
    const extra = [...this.#shards.keys()].filter((p) => !this.#home.has(p));
    for (const p of extra.slice(0, Math.max(0, extra.length - this.#maxLoaded))) this.#shards.delete(p);
  }

  /**
   * Returns the province a query is limited to: the `province` option, or a province's name of
   * two words or more typed last, after other words (`tran phu khanh hoa`), or a unit
   * marker and the name of a ward or former district of a single province
   * (`Trần Phú, TP. Nha Trang`, `quận Ba Đình`, `P. Vĩnh Hải`). A place name without a marker
   * does not limit: streets and places are often named like wards (`An Dương Vương`, `Chùa
   * Long Sơn`).
   *
   * @param text - The query.
   * @param opts - The options of the query.
   * @returns A 2-digit province code, or `undefined`.
   */
  provinceOf(text: string, opts: SuggestOptions = {}): string | undefined {
    if (typeof opts.province === 'string' && this.registry.province(opts.province)) return opts.province;
    if (typeof text !== 'string') return undefined;
    const ws = queryKey(text.slice(0, 200)).allWords;
    // The last word still being typed: `vinh` of `p. vinh h…` names no place yet.
    const typing = !/[\s,.;]$/u.test(text);
    for (let i = ws.length - 1; i > 0; i--) {
      const m1 = MARKERS.get(ws[i - 1]!);
      const m2 = MARKERS.get(ws.slice(Math.max(0, i - 2), i).join(' '));
      // A marker and a place with nothing before them (`P. Vĩnh Hải`, `xã Hồ`) is a unit, in the
      // units shard: it limits nothing (limiting it made every prefix typed build a shard).
      const marker = m1 && i - 1 > 0 ? m1 : m2 && i - 2 > 0 ? m2 : undefined;
      for (let n = Math.min(4, ws.length - i); n >= 1; n--) {
        const key = ws.slice(i, i + n).join(' ');
        if (typing && i + n === ws.length && this.#longer.has(key)) continue;
        const p =
          marker === 'ward'
            ? this.#wards.get(key)
            : marker === 'district'
              ? this.#districts.get(key)
              : marker === 'province'
                ? this.#provinces.get(key)
                : undefined;
        if (p) return p;
        // A province's name unmarked counts at the end, after other words (`le loi ha noi`):
        // streets are named after provinces (`Thái Nguyên, Nha Trang`).
        const q = this.#provinces.get(key);
        if (q && n >= 2 && i + n === ws.length) return q;
      }
    }
    return undefined;
  }

  /**
   * Returns ranked suggestions from the units and the province shards the query needs.
   *
   * @param text - The query.
   * @param opts - Limit, preferences and filters (as {@link SearchIndex.suggest}).
   * @returns Suggestions, best first.
   */
  suggest(text: string, opts: SuggestOptions = {}): Suggestion[] {
    const province = this.provinceOf(text, opts);
    const one = province && this.shard(province);
    const home = [...this.#home].map((p) => this.#shards.get(p)).filter((s): s is SearchIndex => !!s);
    const shards = [this.units, ...(province ? (one ? [one] : []) : home)];
    // Every shard reads the query with the words of all the shards searched, and they step
    // through the levels together (every word, then all but one…) as one index would.
    const vocab = new VocabularyUnion(shards.map(vocabularyOf));
    // Read (and repaired) once, then searched by every shard at each level.
    const query = readWith(text, vocab);
    if (!query) return [];
    for (let level = 0; level < Math.max(1, query.words.length); level++) {
      const lists = shards.map((s) => suggestWith(s, query, opts, vocab, level));
      if (lists.some((l) => l.length)) return merge(lists, clampLimit(opts.limit));
    }
    return [];
  }

  /**
   * Returns a snapshot of a built shard, to store and pass back in {@link ShardedOptions.snapshots}.
   *
   * @param shard - `units`, or a province code.
   * @returns The snapshot, or `undefined` when that shard is not built.
   */
  snapshot(shard: string): IndexSnapshot | undefined {
    return (shard === 'units' ? this.units : this.#shards.get(shard))?.snapshot();
  }

  /**
   * Returns the record with this id, from the units or a built shard.
   *
   * @param id - The id.
   * @returns The record, or `undefined`.
   */
  get(id: string): Suggestion | undefined {
    const hit = this.units.get(id);
    if (hit) return hit;
    for (const s of this.#shards.values()) {
      const r = s.get(id);
      if (r) return r;
    }
    // A street or place of a shard not built (or dropped): its province's shard.
    const p = this.#provinceOfId(id);
    return p && !this.#shards.has(p) ? this.shard(p)?.get(id) : undefined;
  }

  #provinceOfId(id: string): string | undefined {
    const m = /^(street|poi|address):([^:]+)/.exec(id);
    if (!m) return undefined;
    for (const [p, r] of this.#rows)
      if (m[1] === 'poi' ? r.pois.some((x) => x[0] === m[2]) : r.streets.some((x, i) => streetId(x[0], r.occ[i]!) === `street:${m[2]}`))
        return p;
    return undefined;
  }
}

/** Returns the shard restored from its snapshot, or built when there is none or it does not fit. */
function restoreOrBuild(src: SearchSources, snap: IndexSnapshot | undefined, opts: IndexOptions = {}): SearchIndex {
  if (snap) {
    try {
      return new SearchIndex(src, snap, opts);
    } catch {
      // another dataset, other record-building code, or damaged: build it
    }
  }
  return new SearchIndex(src, undefined, opts);
}

/** A street name's slug, as `streetIds` makes it. */
const slugOf = (name: string) => fold(name).replace(/[^a-z0-9]+/g, '-');
/** The id of the `n`th street of this name in the dataset (as `streetIds`: `tran-phu`, `tran-phu-2`). */
function streetId(name: string, n: number): string {
  return `street:${slugOf(name)}${n > 1 ? `-${n}` : ''}`;
}
/** Unit markers (folded) before a place name, and the names they introduce. */
const MARKERS: ReadonlyMap<string, 'province' | 'district' | 'ward'> = new Map([
  ...(['tinh'] as const).map((m) => [m, 'province'] as const),
  ...['tp', 'thanh pho', 'q', 'quan', 'h', 'huyen', 'tx', 'thi xa'].map((m) => [m, 'district'] as const),
  ...['p', 'phuong', 'x', 'xa', 'tt', 'thi tran', 'dk', 'dac khu'].map((m) => [m, 'ward'] as const),
]);

/** Merges ranked lists: address points first, then by score, shorter label, id. */
function merge(lists: readonly Suggestion[][], limit: number): Suggestion[] {
  if (lists.length === 1) return lists[0]!.slice(0, limit);
  const seen = new Set<string>();
  const all = lists.flat().filter((s) => !seen.has(s.id) && (seen.add(s.id), true));
  const rank = (s: Suggestion) => (s.kind === 'address' ? Infinity : (s.score ?? -Infinity));
  all.sort((a, b) => rank(b) - rank(a) || a.label.length - b.label.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return all.slice(0, limit);
}

function clampLimit(limit: unknown): number {
  const n = typeof limit === 'number' && Number.isFinite(limit) ? Math.floor(limit) : 5;
  return Math.max(1, Math.min(50, n));
}
