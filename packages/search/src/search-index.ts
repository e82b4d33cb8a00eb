import {
  AdminRegistry,
  fold,
  type AdminData,
  type LatLon,
  type LegacyData,
  type LegacyInfo,
  type PoisData,
  type Range,
  type StreetsData,
  type Suggestion,
  type SuggestionKind,
  type UnitType,
  distanceM,
  MAX_INPUT_LENGTH,
  type UnitRef,
} from '@diachiso/core';
import { foldWithOffsets, queryKey, tokenize, streetIds, withinOneEdit } from '@diachiso/core/internal';
import { Index } from 'flexsearch';

/** Options of {@link SearchIndex.suggest}. */
export interface SuggestOptions {
  /** Most results to return (1–50, default 5). */
  limit?: number;
  /** Prefer (not restrict to) results in this province (2-digit code). */
  province?: string;
  /** Prefer results in this 2025 ward (5-digit code). */
  ward?: string;
  /** Prefer results near this point. */
  near?: LatLon;
  /** Only these kinds. */
  kinds?: readonly SuggestionKind[];
  /** Include pre-2025 units (default true). */
  legacy?: boolean;
}

/**
 * A serialised text index (flexsearch's export), to store (IndexedDB) and load back without
 * re-indexing. Valid only with the same dataset version it was made from.
 */
export interface IndexSnapshot {
  /** Format version of the snapshot. */
  readonly format: 2;
  /** How many records the index held; a mismatch means another dataset. */
  readonly records: number;
  /** flexsearch's export: key → data. */
  readonly entries: ReadonlyArray<readonly [string, string]>;
  /** Every record's folded words, `name words\tcontext words`, one line per record (not re-folded on load). */
  readonly words: string;
  /** Per pre-2025 row, `1` if it is a record of its own, `0` if not. */
  readonly legacy?: string;
}

/** The parts a {@link SearchIndex} is built from; `admin` is required, the rest optional. */
export interface SearchSources {
  /** Provinces and wards of 2025. */
  admin: AdminData;
  /** Pre-2025 → 2025 mapping. */
  legacy?: LegacyData;
  /** Named streets. */
  streets?: StreetsData;
  /** Points of interest. */
  pois?: PoisData;
}

interface Rec {
  readonly s: Suggestion;
  /** Folded words of the name (what the record is called). */
  readonly nameWords: readonly string[];
  /** Folded words of the context (type word, district, province). */
  readonly ctxWords: ReadonlySet<string>;
  /** Unit type of the record, for marker hints. */
  readonly unitType?: UnitType;
  /** Base priority of the kind. */
  readonly prio: number;
  readonly provinceCode?: string;
  readonly wardCode?: string;
}

const UNIT_TYPE: Readonly<Record<string, UnitType>> = {
  phuong: 'phuong',
  xa: 'xa',
  'dac khu': 'dac-khu',
  'thi tran': 'thi-tran',
  tinh: 'tinh',
  'thanh pho': 'thanh-pho',
};
/** Khánh Hòa, the pilot province: a small default preference, overridden by `province`. */
const PILOT_PROVINCE = '56';
const LEGACY_ONLY: ReadonlySet<UnitType> = new Set(['quan', 'huyen', 'thi-xa', 'thi-tran']);
const KIND_PRIO: Readonly<Record<string, number>> = { province: 7, ward: 6, street: 5, legacy: 4, poi: 3, address: 5 };
const words = (s: string) => tokenize(s).map((t) => t.text);

/**
 * A `SearchIndex` is the offline engine behind `suggest`: provinces, wards, pre-2025 wards
 * (pointing to their 2025 ward), streets and points of interest, matched without diacritics,
 * by prefix while typing, with abbreviations understood and results ranked.
 *
 * @example
 * ```ts
 * const idx = new SearchIndex({ admin, legacy });
 * idx.suggest('vinh hai', { limit: 5 })[0]?.label;
 * ```
 */
export class SearchIndex {
  /** The registry of 2025 units the index was built on. */
  readonly registry: AdminRegistry;
  readonly #recs: Rec[] = [];
  readonly #fx: Index;
  /** Per record, every word it can be found by (name and context). */
  readonly #words: Array<ReadonlySet<string>> = [];
  /** Document frequency of each word (and markers of the typo dictionary). */
  readonly #df = new Map<string, number>();
  /** One-deletion variants → vocabulary words (SymSpell, distance 1). */
  #deletes: Map<string, string[]> | undefined;
  #sortedVocab: string[] | undefined;
  /** `#cumDf[i]` = sum of the document frequencies of the first `i` sorted vocabulary words. */
  #cumDf: Float64Array | undefined;
  readonly #addresses = new Map<string, Map<string, LatLon>>();
  #addressCount = 0;
  #byId: Map<string, Rec> | undefined;

  readonly #fromSnapshot: boolean;
  readonly #legacyKept: string;

  /** Whether the text index was restored from a snapshot (rather than built). */
  get fromSnapshot(): boolean {
    return this.#fromSnapshot;
  }

  /**
   * Builds the index, or loads it from a snapshot made by {@link SearchIndex.snapshot} on the
   * same dataset (then the text index is not rebuilt).
   *
   * @param src - The dataset parts; `admin` is required.
   * @param snapshot - A snapshot of the same dataset, if one is stored.
   */
  constructor(src: SearchSources, snapshot?: IndexSnapshot) {
    this.#fromSnapshot = !!snapshot && snapshot.format === 2 && typeof snapshot.words === 'string';
    // From a snapshot, every record's words are read back instead of folding the names again.
    const pre = this.#fromSnapshot ? snapshot!.words.split('\n') : undefined;
    // …and which pre-2025 rows became records, instead of comparing folded names again.
    const preLegacy = this.#fromSnapshot && typeof snapshot!.legacy === 'string' ? snapshot!.legacy : undefined;
    const legacyKept: string[] = [];
    // Unit references repeat across thousands of records: one shared (read-only) object each.
    const refs = new Map<string, UnitRef>();
    const ref = (key: string, make: () => UnitRef) => {
      let r = refs.get(key);
      if (!r) refs.set(key, (r = Object.freeze(make())));
      return r;
    };
    const typeMemo = new Map<string, Rec['unitType']>();
    const unitTypeOf = (type: string) => {
      if (!typeMemo.has(type)) typeMemo.set(type, UNIT_TYPE[fold(type)]);
      return typeMemo.get(type);
    };
    let k = 0;
    const wordsOf = (name: () => string[], ctx: () => Iterable<string>): [string[], Set<string>] => {
      const line = pre?.[k++];
      if (line === undefined) return [name(), new Set(ctx())];
      const t = line.indexOf('\t');
      const a = line.slice(0, t);
      const b = line.slice(t + 1);
      return [a ? a.split(' ') : [], new Set(b ? b.split(' ') : [])];
    };
    this.registry = new AdminRegistry(src.admin);
    // Words are folded by our own Vietnamese normalisation before they reach flexsearch.
    this.#fx = new Index({ tokenize: 'forward', encode: (s: string) => s.split(' ').filter(Boolean) });
    const reg = this.registry;
    const extraCtx = new Map<string, Set<string>>();

    if (src.legacy) {
      for (const [r, row] of src.legacy.rows.entries()) {
        legacyKept[r] = '0';
        if (preLegacy && preLegacy.charCodeAt(r) !== 49) continue; // '1': a record
        const [opc, oprov, odc, odist, owc, oward, nwc, divided, clause] = row;
        const nw = reg.ward(nwc);
        if (!nw) continue;
        const np = reg.province(nw.provinceCode)!;
        const oldName = stripType(oward);
        if (!oward) continue;
        if (!preLegacy && fold(oldName.name) === fold(nw.name)) {
          // Same name as before: no separate legacy record, but the old district and province
          // still find the 2025 ward ("Phường X, Huyện Y").
          if (pre) continue; // already in the ward's words
          const set = extraCtx.get(nw.code) ?? new Set<string>();
          for (const w of words(`${odist} ${oprov}`)) set.add(w);
          extraCtx.set(nw.code, set);
          continue;
        }
        const legacy: LegacyInfo = {
          ward: { code: owc, name: oward },
          ...(odist ? { district: ref(`d${odc}${odist}`, () => ({ code: odc, name: odist })) } : {}),
          province: ref(`o${opc}${oprov}`, () => ({ code: opc, name: oprov })),
          split: divided === 1,
          ...(clause
            ? {
                citation: {
                  document: src.legacy.citation.document,
                  article: src.legacy.citation.article,
                  clause,
                  text: src.legacy.citation.clauses[String(clause)] ?? '',
                },
              }
            : {}),
        };
        const shown = /^\d/.test(oldName.name) ? oward : oldName.name;
        const label = `${shown} (cũ) → ${nw.fullName}, ${np.fullName}`;
        const s: Suggestion = {
          id: `legacy:${owc}:${nw.code}`,
          kind: 'ward',
          label,
          description: `${[oward, odist, oprov].filter(Boolean).join(', ')} (trước 1/7/2025)${divided ? ' · đã chia cho nhiều đơn vị' : ''}`,
          ward: ref(`w${nw.code}`, () => AdminRegistry.wardRef(nw)),
          province: ref(`p${np.code}`, () => AdminRegistry.provinceRef(np)),
          ...(nw.centroid ? { location: nw.centroid } : {}),
          legacy,
        };
        const t = unitTypeOf(oldName.type);
        legacyKept[r] = '1';
        const [nameWords, ctxWords] = wordsOf(
          () => words(oldName.name),
          () => words(`${oldName.type} ${odist} ${oprov}`),
        );
        this.#add({
          s,
          nameWords,
          ctxWords,
          ...(t ? { unitType: t } : {}),
          prio: KIND_PRIO.legacy!,
          provinceCode: np.code,
          wardCode: nw.code,
        });
      }
    }

    for (const p of reg.provinces) {
      const [nameWords, ctxWords] = wordsOf(
        () => words(p.name),
        () => words(p.type),
      );
      this.#add({
        s: {
          id: `province:${p.code}`,
          kind: 'province',
          label: p.fullName,
          province: ref(`p${p.code}`, () => AdminRegistry.provinceRef(p)),
        },
        nameWords,
        ctxWords,
        unitType: p.type === 'Tỉnh' ? 'tinh' : 'thanh-pho',
        prio: KIND_PRIO.province!,
        provinceCode: p.code,
      });
    }
    for (const w of reg.wards) {
      const p = reg.province(w.provinceCode)!;
      const [nameWords, ctx] = wordsOf(
        () => words(w.name),
        () => [...words(`${w.type} ${p.fullName}`), ...(extraCtx.get(w.code) ?? [])],
      );
      const t = unitTypeOf(w.type);
      this.#add({
        s: {
          id: `ward:${w.code}`,
          kind: 'ward',
          label: `${w.fullName}, ${p.fullName}`,
          ward: ref(`w${w.code}`, () => AdminRegistry.wardRef(w)),
          province: ref(`p${p.code}`, () => AdminRegistry.provinceRef(p)),
          ...(w.centroid ? { location: w.centroid } : {}),
        },
        nameWords,
        ctxWords: ctx,
        ...(t ? { unitType: t } : {}),
        prio: KIND_PRIO.ward!,
        provinceCode: p.code,
        wardCode: w.code,
      });
    }
    const sids = streetIds(src.streets?.streets ?? []);
    for (const [i, [name, lon, lat, , wardCode]] of (src.streets?.streets ?? []).entries()) {
      const w = reg.ward(wardCode);
      const p = w ? reg.province(w.provinceCode) : undefined;
      const [nameWords, ctxWords] = wordsOf(
        () => words(name),
        () => words(`duong pho ${w?.fullName ?? ''} ${p?.fullName ?? ''} nha trang`),
      );
      this.#add({
        s: {
          id: sids[i]!,
          kind: 'street',
          label: [name, w?.fullName, p?.fullName].filter(Boolean).join(', '),
          ...(w ? { ward: ref(`w${w.code}`, () => AdminRegistry.wardRef(w)) } : {}),
          ...(p ? { province: ref(`p${p.code}`, () => AdminRegistry.provinceRef(p)) } : {}),
          location: { lat, lon },
        },
        nameWords,
        ctxWords,
        prio: KIND_PRIO.street!,
        ...(p ? { provinceCode: p.code } : {}),
        ...(w ? { wardCode: w.code } : {}),
      });
    }
    for (const [osmId, name, category, , lon, lat, wardCode] of src.pois?.pois ?? []) {
      const w = reg.ward(wardCode);
      const p = w ? reg.province(w.provinceCode) : undefined;
      const [nameWords, ctxWords] = wordsOf(
        () => words(name),
        () => words(`${w?.fullName ?? ''} ${p?.fullName ?? ''} nha trang`),
      );
      this.#add({
        s: {
          id: `poi:${osmId}`,
          kind: 'poi',
          label: [name, w?.fullName, p?.fullName].filter(Boolean).join(', '),
          ...(w ? { ward: ref(`w${w.code}`, () => AdminRegistry.wardRef(w)) } : {}),
          ...(p ? { province: ref(`p${p.code}`, () => AdminRegistry.provinceRef(p)) } : {}),
          location: { lat, lon },
          category,
        },
        nameWords,
        ctxWords,
        prio: KIND_PRIO.poi!,
        ...(p ? { provinceCode: p.code } : {}),
        ...(w ? { wardCode: w.code } : {}),
      });
    }
    this.#legacyKept = legacyKept.join('');
    if (this.#fromSnapshot) {
      if (
        snapshot!.records !== this.#recs.length ||
        pre!.length !== this.#recs.length ||
        (preLegacy && preLegacy.length !== legacyKept.length)
      )
        throw new Error('The index snapshot was made from another dataset.');
      for (const [k, d] of snapshot!.entries) this.#fx.import(k, d);
      if (!this.#snapshotAnswers()) throw new Error('The index snapshot is damaged: it does not find its own records.');
    }
  }

  /**
   * Whether the restored text index finds a sample of its own records by their rarest name word:
   * a snapshot with the right counts but damaged entries is refused, not trusted for good.
   */
  #snapshotAnswers(): boolean {
    const n = this.#recs.length;
    for (let k = 0; k < Math.min(n, 12); k++) {
      const id = Math.floor((k * n) / Math.min(n, 12));
      const words = this.#recs[id]!.nameWords.filter(Boolean);
      if (!words.length) continue;
      const rare = words.reduce((a, b) => ((this.#df.get(a) ?? 0) <= (this.#df.get(b) ?? 0) ? a : b));
      const hits = this.#fx.search(rare, { limit: n }) as number[];
      if (!hits.includes(id)) return false;
    }
    return true;
  }

  /**
   * Returns a snapshot of the text index, to store and pass back to the constructor.
   *
   * @returns The snapshot.
   */
  snapshot(): IndexSnapshot {
    const entries: Array<[string, string]> = [];
    this.#fx.export((key: string, data: unknown) => {
      entries.push([String(key), String(data)]);
    });
    const words = this.#recs.map((r) => `${r.nameWords.join(' ')}\t${[...r.ctxWords].join(' ')}`).join('\n');
    return { format: 2, records: this.#recs.length, entries, words, legacy: this.#legacyKept };
  }

  /**
   * Returns every record as an id and its searchable words (for benchmarks and exports).
   *
   * @returns The records.
   * @internal
   */
  documents(): Array<{ id: string; kind: string; text: string; name: string; context: string }> {
    return this.#recs.map((r) => ({
      id: r.s.id,
      kind: r.s.kind,
      text: [...r.nameWords, ...r.ctxWords].join(' '),
      name: r.nameWords.join(' '),
      context: [...r.ctxWords].join(' '),
    }));
  }

  /**
   * Returns the record with this id (`ward:22333`, `legacy:22330:22333`, `street:…`, `poi:…`,
   * `province:56`, `address:<street>:<number>`).
   *
   * @param id - The id.
   * @returns The record as a suggestion, or `undefined`.
   */
  get(id: string): Suggestion | undefined {
    if (!this.#byId) {
      this.#byId = new Map();
      for (const r of this.#recs) this.#byId.set(r.s.id, r);
    }
    const r = this.#byId.get(id);
    if (r) return r.s;
    const m = /^address:(.+):([^:]+)$/.exec(id);
    const street = m && this.#byId.get(`street:${m[1]}`);
    const loc = street && this.#addresses.get(street.s.id)?.get(m![2]!);
    return street && loc ? { ...street.s, id, kind: 'address', label: `${m![2]} ${street.s.label}`, location: loc } : undefined;
  }

  /** How many records the index holds (address points not included). */
  get size(): number {
    return this.#recs.length;
  }

  /** How many address points the index holds. */
  get addressCount(): number {
    return this.#addressCount;
  }

  #add(rec: Rec): void {
    const id = this.#recs.length;
    this.#recs.push(rec);
    const ws = new Set(rec.nameWords);
    for (const w of rec.ctxWords) ws.add(w);
    this.#words.push(ws);
    for (const w of ws) this.#df.set(w, (this.#df.get(w) ?? 0) + 1);
    if (!this.#fromSnapshot) this.#fx.add(id, [...rec.nameWords, ...rec.ctxWords].join(' '));
  }

  /**
   * The one-deletion neighbourhood of every vocabulary word of five letters or more (SymSpell),
   * for typo tolerance; built on first use or by {@link SearchIndex.warmUp}, not at load.
   */
  #deletesMap(): Map<string, string[]> {
    if (!this.#deletes) {
      const del = new Map<string, string[]>();
      for (const w of this.#df.keys()) {
        if (w.length < 5) continue;
        for (let i = 0; i < w.length; i++) {
          const d = w.slice(0, i) + w.slice(i + 1);
          const list = del.get(d);
          if (list) list.push(w);
          else del.set(d, [w]);
        }
      }
      this.#deletes = del;
    }
    return this.#deletes;
  }

  /**
   * Builds the parts of the index that are otherwise built on first use (the typo dictionary and
   * the sorted vocabulary). The offline engine calls it when the page is idle after loading.
   */
  warmUp(): void {
    this.#deletesMap();
    this.#vocab();
  }

  /** Sorted vocabulary, for "is this a prefix of some word" (built on first use). */
  #vocab(): string[] {
    if (!this.#sortedVocab) {
      const v = [...this.#df.keys()].filter((k) => k.charCodeAt(0) !== 0).sort();
      const cum = new Float64Array(v.length + 1);
      for (let i = 0; i < v.length; i++) cum[i + 1] = cum[i]! + this.#df.get(v[i]!)!;
      this.#sortedVocab = v;
      this.#cumDf = cum;
    }
    return this.#sortedVocab;
  }

  #lowerBound(w: string): number {
    const v = this.#vocab();
    let lo = 0;
    let hi = v.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v[mid]! < w) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #isPrefix(w: string): boolean {
    const v = this.#vocab();
    const lo = this.#lowerBound(w);
    return lo < v.length && v[lo]!.startsWith(w);
  }

  /** An upper bound of the records with a word starting with `p` (sum of the words' frequencies). */
  #prefixDf(p: string): number {
    const v = this.#vocab();
    const a = this.#lowerBound(p);
    const b = this.#lowerBound(p + '\uffff');
    void v;
    return this.#cumDf![b]! - this.#cumDf![a]!;
  }

  /** Words of the vocabulary one edit (insert, delete, substitute, swap) away from `w`. */
  #oneEdit(w: string): string[] {
    const out = new Set<string>();
    const deletes = this.#deletesMap();
    const cands = new Set<string>([...(deletes.get(w) ?? [])]);
    if (w.length >= 5 && this.#df.has(w)) cands.add(w);
    for (let i = 0; i < w.length; i++) {
      const d = w.slice(0, i) + w.slice(i + 1);
      if (this.#df.has(d)) cands.add(d);
      for (const x of deletes.get(d) ?? []) cands.add(x);
    }
    for (const c of cands) if (c !== w && editDistanceAtMost1(w, c)) out.add(c);
    return [...out];
  }

  /** Vocabulary words of five letters that lose one letter to become `w` (`khnh` → `khanh`). */
  #missingLetter(w: string): string[] {
    return (this.#deletesMap().get(w) ?? []).filter((c) => c.length === w.length + 1);
  }

  /**
   * Returns ranked suggestions for what the user has typed so far.
   *
   * @param text - The query; any string (markers like `P.`, `TP.` are understood; longer than
   *   {@link MAX_INPUT_LENGTH} is cut).
   * @param opts - Limit, preferences and filters.
   * @returns Suggestions, best first; empty for an empty or unmatched query.
   */
  suggest(text: string, opts: SuggestOptions = {}): Suggestion[] {
    const limit = clampLimit(opts.limit);
    if (typeof text !== 'string') return [];
    const q = queryKey(text.slice(0, MAX_INPUT_LENGTH));
    const qw = q.words.slice(0, 12);
    const trailingSpace = /\s$/.test(text);
    // Markers may be part of a name (Tây Phương): the words as typed are a second reading.
    const alt = q.hints.length ? q.allWords.slice(0, 12) : undefined;
    const readings = alt && alt.join(' ') !== qw.join(' ') ? (qw.length ? [qw, alt] : [alt]) : [qw];
    if (readings[0]!.length === 0) return [];
    const hints = new Set(q.hints);
    // "đường X", "phố X": the user is probably looking for a street (a small bonus only:
    // "Dương" is also part of names, Bình Dương).
    const streetHint = qw.length > 1 && (qw[0] === 'duong' || qw[0] === 'pho');
    const best = new Map<number, number>();
    let matched: readonly string[] = readings[0]!;
    for (const words of readings) {
      const terms = this.#terms(words, trailingSpace);
      if (!terms) continue;
      for (const id of this.#candidates(terms)) {
        const rec = this.#recs[id]!;
        if (opts.kinds && !opts.kinds.includes(rec.s.kind)) continue;
        if (opts.legacy === false && rec.s.legacy) continue;
        const score = this.#score(rec, terms, words === alt ? EMPTY_HINTS : hints, opts, streetHint);
        if (score > (best.get(id) ?? -Infinity)) {
          best.set(id, score);
          matched = words;
        }
      }
    }
    // Nothing has every word (a full address typed in one go: "12 tran phu p vinh hai nha
    // trang"): match the longest run of words at the end (the ward, district, province part),
    // then at the start (the street part), scored lower than full matches.
    if (best.size === 0) {
      const words = readings[0]!;
      for (let cut = 1; cut < words.length && best.size === 0; cut++) {
        for (const part of [words.slice(cut), words.slice(0, words.length - cut)]) {
          const terms = this.#terms(part, trailingSpace && part === words.slice(cut));
          if (!terms || terms.filter((t) => !t.optional).length < 2) continue;
          for (const id of this.#candidates(terms)) {
            const rec = this.#recs[id]!;
            if (opts.kinds && !opts.kinds.includes(rec.s.kind)) continue;
            if (opts.legacy === false && rec.s.legacy) continue;
            const score = this.#score(rec, terms, hints, opts, streetHint) - 10;
            if (score > (best.get(id) ?? -Infinity)) {
              best.set(id, score);
              matched = part;
            }
          }
        }
      }
    }
    // Keep the best few only (a partial selection, not a full sort of every candidate).
    const scored: Array<{ rec: Rec; score: number }> = [];
    const better = (a: { rec: Rec; score: number }, b: { rec: Rec; score: number }) =>
      a.score - b.score || b.rec.s.label.length - a.rec.s.label.length || (a.rec.s.id < b.rec.s.id ? 1 : -1);
    const keep = Math.max(limit, 3);
    for (const [id, score] of best) {
      const e = { rec: this.#recs[id]!, score };
      if (scored.length === keep && better(e, scored[keep - 1]!) <= 0) continue;
      let i = scored.length < keep ? scored.length : keep - 1;
      scored[i] = e;
      while (i > 0 && better(scored[i]!, scored[i - 1]!) > 0) {
        [scored[i], scored[i - 1]] = [scored[i - 1]!, scored[i]!];
        i--;
      }
    }
    const out: Suggestion[] = [];
    // House numbers on a matched street come first: "12 tran phu" → 12 Trần Phú.
    const addr = this.#addressHits(q.words, scored, opts);
    for (const a of addr) {
      out.push(a);
      if (out.length >= limit) return out;
    }
    for (const { rec, score } of scored) {
      out.push({ ...rec.s, score: Math.round(score * 10) / 10, matches: highlight(rec.s.label, matched) });
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * The query's terms: each word with the vocabulary words it may stand for (itself, words it
   * begins when it is the last word being typed, or words one typo away).
   */
  #terms(words: readonly string[], trailingSpace: boolean): Term[] | undefined {
    const out: Term[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const last = i === words.length - 1 && !trailingSpace;
      const exact = this.#df.has(w);
      const prefix = last && this.#isPrefix(w);
      let fixes: string[] = [];
      // One edit in a word of five letters or more: typed with a letter missing it has four.
      if (!exact && !prefix && w.length >= 5) fixes = this.#oneEdit(w);
      else if (!exact && !prefix && w.length === 4) fixes = this.#missingLetter(w);
      // A leading number followed by words is a house number: it does not filter.
      const house = i === 0 && words.length > 1 && /^\d+[a-z]?$/.test(w);
      if (house || (!exact && !prefix && fixes.length === 0)) {
        // An unknown word (a house number, a typo in a short word): optional, it only scores.
        // A house number that is also a name (street 1A, Phường 10) may still match that name.
        out.push({ word: w, last, alts: house && exact ? [w] : [], optional: true });
        continue;
      }
      out.push({ word: w, last: last && prefix, alts: exact || prefix ? [w] : fixes, optional: false, typo: !exact && !prefix });
    }
    return out.some((t) => !t.optional) ? out : undefined;
  }

  /**
   * Candidate records: flexsearch finds the records of the most selective term (an exact word
   * of few records beats a prefix still being typed); every record must then contain all terms.
   */
  #candidates(terms: readonly Term[]): number[] {
    const required = terms.filter((t) => !t.optional);
    let pivot = required[0]!;
    let pivotDf = Infinity;
    for (const t of required) {
      // The cost of a term is what flexsearch's forward index returns for it: every record with
      // a word that starts with it (for "x", every "xa"), not just the word's own records.
      const df = t.last ? this.#prefixDf(t.word) : t.alts.reduce((n, a) => n + this.#prefixDf(a), 0);
      if (df < pivotDf) {
        pivot = t;
        pivotDf = df;
      }
    }
    // A prefix still being typed that matches very many records (one or two letters) is cut to
    // flexsearch's best hundred; anything else is fetched whole, then checked.
    // (flexsearch's forward index answers a word with every word it begins, so the cap is the
    // prefix count, not the word's own count.)
    const capOf = (a: string) => (pivot.last && pivotDf > 3000 ? 100 : Math.max(1, Math.ceil(this.#prefixDf(a))));
    let ids: Iterable<number>;
    if (pivot.alts.length === 1) ids = this.#fx.search(pivot.alts[0]!, { limit: capOf(pivot.alts[0]!) }) as number[];
    else {
      const set = new Set<number>();
      for (const a of pivot.alts) for (const id of this.#fx.search(a, { limit: capOf(a) }) as number[]) set.add(id);
      ids = set;
    }
    const out: number[] = [];
    for (const id of ids) {
      const ws = this.#words[id]!;
      let ok = true;
      for (const t of required) {
        if (t === pivot) continue;
        if (!hasAny(ws, t.alts) && !(t.last && hasPrefix(ws, t.word))) {
          ok = false;
          break;
        }
      }
      if (ok) out.push(id);
    }
    return out;
  }

  #addressHits(words: readonly string[], scored: ReadonlyArray<{ rec: Rec; score: number }>, opts: SuggestOptions): Suggestion[] {
    if (!this.#addresses.size || words.length < 2 || !/^\d/.test(words[0]!) || opts.kinds?.includes('address') === false) return [];
    if (opts.kinds && !opts.kinds.includes('address')) return [];
    const number = words[0]!;
    const out: Suggestion[] = [];
    for (const { rec } of scored.slice(0, 3)) {
      if (rec.s.kind !== 'street') continue;
      const houses = this.#addresses.get(rec.s.id);
      if (!houses) continue;
      const exact = houses.get(number);
      const list = exact ? [[number, exact] as const] : [...houses].filter(([n]) => n.startsWith(number)).slice(0, 3);
      for (const [n, loc] of list) {
        const label = `${n} ${rec.s.label}`;
        out.push({
          ...rec.s,
          id: `address:${rec.s.id.slice(7)}:${n}`,
          kind: 'address',
          label,
          location: loc,
          matches: highlight(label, words),
        });
      }
      if (out.length) break;
    }
    return out;
  }

  /**
   * Adds address points (house numbers on known streets). They are not put in the text index:
   * a query that starts with a number finds the street, then the number on it.
   *
   * @param points - `[streetName, houseNumber, lon, lat]` rows.
   * @returns How many were added (rows whose street is unknown are skipped).
   */
  addAddresses(points: ReadonlyArray<readonly [street: string, house: string, lon: number, lat: number]>): number {
    const byName = new Map<string, string>();
    for (const r of this.#recs) if (r.s.kind === 'street') byName.set(r.nameWords.join(' '), r.s.id);
    let n = 0;
    for (const [street, house, lon, lat] of points) {
      const id = byName.get(words(street).join(' '));
      if (!id) continue;
      let m = this.#addresses.get(id);
      if (!m) this.#addresses.set(id, (m = new Map()));
      m.set(String(house).toLowerCase(), { lat, lon });
      n++;
    }
    this.#addressCount += n;
    return n;
  }

  #score(rec: Rec, terms: readonly Term[], hints: ReadonlySet<UnitType>, opts: SuggestOptions, streetHint = false): number {
    let s = rec.prio;
    if (streetHint && rec.s.kind === 'street') s += 5;
    const name = rec.nameWords;
    let nameHits = 0;
    let covered = 0;
    let used = 0; // bit set of name words used
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      let k = -1;
      for (let j = 0; j < name.length && k < 0; j++) if (!(used & (1 << j)) && t.alts.includes(name[j]!)) k = j;
      if (k >= 0) {
        used |= 1 << k;
        nameHits++;
        covered++;
        s += t.typo ? 7 : 10;
        continue;
      }
      if (t.last) {
        for (let j = 0; j < name.length && k < 0; j++) if (!(used & (1 << j)) && name[j]!.startsWith(t.word)) k = j;
        if (k >= 0) {
          used |= 1 << k;
          nameHits++;
          const frac = t.word.length / name[k]!.length;
          covered += frac;
          s += 4 + 4 * frac;
          continue;
        }
      }
      if (hasAny(rec.ctxWords, t.alts)) s += 3;
      else if (t.last && hasPrefix(rec.ctxWords, t.word)) s += 1;
    }
    if (name.length > 0) {
      s += 12 * (covered / name.length);
      if (nameHits === name.length && covered === name.length) s += 6;
      // The name's words in the query's order, from the start of the query.
      let inOrder = true;
      for (let j = 0; j < name.length && inOrder; j++) {
        const t = terms[j];
        inOrder = !!t && (t.alts.includes(name[j]!) || (t.last && name[j]!.startsWith(t.word)));
      }
      if (inOrder) s += 6;
    }
    if (nameHits === 0) s -= 15;
    for (const h of hints) {
      if (rec.unitType === h) s += 5;
      else if (LEGACY_ONLY.has(h) && rec.s.legacy) s += 4;
      else if ((h === 'phuong' || h === 'xa' || h === 'dac-khu') && rec.unitType && rec.unitType !== h && rec.s.kind === 'ward') s -= 3;
    }
    if (opts.province && rec.provinceCode === opts.province) s += 8;
    else if (!opts.province && rec.provinceCode === PILOT_PROVINCE) s += 1.5;
    if (opts.ward && rec.wardCode === opts.ward) s += 6;
    if (opts.near && rec.s.location) {
      const d = distanceM(opts.near, rec.s.location);
      s += 8 / (1 + d / 5000);
    }
    return s;
  }
}

interface Term {
  /** The folded word as typed. */
  readonly word: string;
  /** Whether it is the last word, still being typed (prefix matching). */
  readonly last: boolean;
  /** The vocabulary words it stands for. */
  readonly alts: readonly string[];
  /** Unknown words (house numbers, short typos) do not filter, they only score. */
  readonly optional: boolean;
  /** Matched through a one-edit correction. */
  readonly typo?: boolean;
}

const EMPTY_HINTS: ReadonlySet<UnitType> = new Set();

function hasAny(ws: ReadonlySet<string>, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (ws.has(words[i]!)) return true;
  return false;
}

function hasPrefix(ws: ReadonlySet<string>, p: string): boolean {
  for (const w of ws) if (w.startsWith(p)) return true;
  return false;
}

/**
 * True when `a` and `b` differ by at most one insertion, deletion, substitution or swap (core's
 * `withinOneEdit`, under the name this package has always exported).
 */
export const editDistanceAtMost1: (a: string, b: string) => boolean = withinOneEdit;

/** Re-exported from `@diachiso/core` (the street ids are shared with the resolver). */
export { streetIds };

function clampLimit(limit: unknown): number {
  const n = typeof limit === 'number' && Number.isFinite(limit) ? Math.floor(limit) : 5;
  return Math.max(1, Math.min(50, n));
}

function stripType(full: string): { type: string; name: string } {
  const m = /^(Phường|Xã|Thị trấn|Đặc khu|Thị xã|Quận|Huyện|Thành phố|Tỉnh)\s+(.*)$/iu.exec(full.trim());
  return m ? { type: m[1]!, name: m[2]! } : { type: '', name: full.trim() };
}

/**
 * Returns the ranges of `label` that match the query words (whole words, or the start of a
 * word for the last one), as offsets in `label` itself.
 *
 * @param label - The displayed text.
 * @param qw - Folded query words.
 * @returns Sorted, non-overlapping ranges.
 */
export function highlight(label: string, qw: readonly string[]): Range[] {
  const f = foldWithOffsets(label);
  const out: Range[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (const m of f.folded.matchAll(re)) {
    const word = m[0];
    for (let i = 0; i < qw.length; i++) {
      const w = qw[i]!;
      const ok = word === w || ((i === qw.length - 1 || w.length >= 2) && word.startsWith(w));
      if (ok) {
        const a = f.offsets[m.index]!;
        const b = f.offsets[m.index + w.length]!;
        out.push([a, b]);
        break;
      }
    }
  }
  return out;
}
