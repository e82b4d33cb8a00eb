// The offline search engine, as a pipeline of named stages (each in `index/`):
//   records (dataset → records and their folded words) → vocabulary (word frequencies, prefixes,
//   typos) → terms (query → terms) → candidates (flexsearch on the most selective term, then
//   every term checked) → rank (the weights table, the best few kept) → answers (address
//   points first, highlights).
import { AdminRegistry, MAX_INPUT_LENGTH, type Suggestion, type UnitType } from '@diachiso/core';
import { queryKey, streetIds, withinOneEdit } from '@diachiso/core/internal';
import { Index } from 'flexsearch';
import { AddressBook } from './index/addresses.js';
import { candidates } from './index/candidates.js';
import { recordsFormat } from './index/format.js';
import { highlight } from './index/highlight.js';
import { best, score, WEIGHTS, type Scored } from './index/rank.js';
import { buildRecords, type Prefolded } from './index/records.js';
import { queryTerms } from './index/terms.js';
import { repairWords } from './index/repair.js';
import type { IndexOptions, IndexSnapshot, Rec, SearchSources, SuggestOptions, Term } from './index/types.js';
import { Vocabulary, type TermVocabulary } from './index/vocabulary.js';

export type { IndexOptions, IndexSnapshot, SearchSources, SuggestOptions } from './index/types.js';
export { highlight } from './index/highlight.js';

const EMPTY_HINTS: ReadonlySet<UnitType> = new Set();

/** Returns the index's vocabulary (for shards that read a query with their union). @internal */
export let vocabularyOf: (idx: SearchIndex) => Vocabulary;
/**
 * Returns suggestions, the query read with another vocabulary (a union of shards'), and only at
 * one level: `0` records with every word, `k` records with all but `k` words at the start or
 * the end (shards step through the levels together, as one index would). @internal
 */
export let suggestWith: (idx: SearchIndex, query: Reading, opts: SuggestOptions, vocab: TermVocabulary, level: number) => Suggestion[];

/**
 * Reads a query once (its words, readings with unit markers and repairs, hints), for shards that
 * search it each with the same vocabulary union. @internal
 */
export function readWith(text: string, vocab: TermVocabulary): Reading | undefined {
  return withRepairs(readQuery(text), vocab);
}

/** A query read once: its readings (without and with unit markers), hints and flags. @internal */
export interface Reading {
  readonly words: readonly string[];
  readonly readings: ReadonlyArray<readonly string[]>;
  readonly alt: readonly string[] | undefined;
  readonly hints: ReadonlySet<UnitType>;
  readonly trailingSpace: boolean;
  readonly streetHint: boolean;
}

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
  readonly #recs: Rec[];
  readonly #fx: Index;
  /** Per record, every word it can be found by (name and context). */
  readonly #words: Array<ReadonlySet<string>> = [];
  readonly #vocab = new Vocabulary();
  readonly #addresses = new AddressBook();
  #byId: Map<string, Rec> | undefined;
  readonly #fromSnapshot: boolean;
  readonly #legacyKept: string;

  static {
    vocabularyOf = (idx) => idx.#vocab;
    suggestWith = (idx, query, opts, vocab, level) => idx.#answer(query, opts, vocab, level);
  }

  /** Whether the text index was restored from a snapshot (rather than built). */
  get fromSnapshot(): boolean {
    return this.#fromSnapshot;
  }

  /**
   * Builds the index, or loads it from a snapshot made by {@link SearchIndex.snapshot} on the
   * same dataset (then the text index is not rebuilt).
   *
   * @param src - The dataset parts; `admin` is required.
   * @param snapshot - A snapshot of the same dataset, if one is stored. One of another dataset,
   *   damaged, or made by other record-building code (its records format differs) throws.
   * @param opts - What the index holds (`units: false` for a province shard).
   */
  constructor(src: SearchSources, snapshot?: IndexSnapshot, opts: IndexOptions = {}) {
    const snap = snapshot && snapshot.format === 2 && typeof snapshot.words === 'string' ? snapshot : undefined;
    this.#fromSnapshot = !!snap;
    if (snap && snap.recordsFormat !== recordsFormat())
      throw new Error('The index snapshot was made by another version of the record-building code.');
    this.registry = new AdminRegistry(src.admin);
    // Words are folded by our own Vietnamese normalisation before they reach flexsearch.
    this.#fx = new Index({ tokenize: 'forward', encode: (s: string) => s.split(' ').filter(Boolean) });
    // From a snapshot, every record's words (and which pre-2025 rows became records) are read
    // back instead of folding the names again.
    const pre: Prefolded | undefined = snap && {
      lines: snap.words.split('\n'),
      ...(typeof snap.legacy === 'string' ? { legacy: snap.legacy } : {}),
    };
    const built = buildRecords(src, this.registry, pre, opts);
    this.#recs = built.recs;
    this.#legacyKept = built.legacyKept;
    for (let id = 0; id < this.#recs.length; id++) this.#index(id, this.#recs[id]!);
    if (snap) this.#restore(snap, pre!);
  }

  #index(id: number, rec: Rec): void {
    const ws = new Set(rec.nameWords);
    for (const w of rec.ctxWords) ws.add(w);
    this.#words.push(ws);
    this.#vocab.add(ws);
    if (!this.#fromSnapshot) this.#fx.add(id, [...rec.nameWords, ...rec.ctxWords].join(' '));
  }

  #restore(snap: IndexSnapshot, pre: Prefolded): void {
    if (
      snap.records !== this.#recs.length ||
      pre.lines.length !== this.#recs.length ||
      (pre.legacy && pre.legacy.length !== this.#legacyKept.length)
    )
      throw new Error('The index snapshot was made from another dataset.');
    for (const [k, d] of snap.entries) this.#fx.import(k, d);
    if (!this.#snapshotAnswers()) throw new Error('The index snapshot is damaged: it does not find its own records.');
  }

  /**
   * Whether the restored text index finds a sample of its own records by their rarest name word:
   * a snapshot with the right counts but damaged entries is refused, not trusted for good.
   */
  #snapshotAnswers(): boolean {
    const n = this.#recs.length;
    const df = this.#vocab.df;
    for (let k = 0; k < Math.min(n, 12); k++) {
      const id = Math.floor((k * n) / Math.min(n, 12));
      const words = this.#recs[id]!.nameWords.filter(Boolean);
      if (!words.length) continue;
      const rare = words.reduce((a, b) => ((df.get(a) ?? 0) <= (df.get(b) ?? 0) ? a : b));
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
    return { format: 2, recordsFormat: recordsFormat(), records: this.#recs.length, entries, words, legacy: this.#legacyKept };
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
    const loc = street && this.#addresses.at(street.s.id, m![2]!);
    return street && loc ? { ...street.s, id, kind: 'address', label: `${m![2]} ${street.s.label}`, location: loc } : undefined;
  }

  /** How many records the index holds (address points not included). */
  get size(): number {
    return this.#recs.length;
  }

  /** How many address points the index holds. */
  get addressCount(): number {
    return this.#addresses.count;
  }

  /**
   * Builds the parts of the index that are otherwise built on first use (the typo dictionary and
   * the sorted vocabulary). The offline engine calls it when the page is idle after loading.
   */
  warmUp(): void {
    this.#vocab.warmUp();
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
    const r = readWith(text, this.#vocab);
    return r ? this.#answer(r, opts, this.#vocab) : [];
  }

  #answer(r: Reading, opts: SuggestOptions, vocab: TermVocabulary, level?: number): Suggestion[] {
    const limit = clampLimit(opts.limit);
    const { scores, matched } = this.#scoreAll(r, opts, vocab, level);
    const scored = best(scores, Math.max(limit, 3));
    const out: Suggestion[] = [];
    // House numbers on a matched street come first: "12 tran phu" → 12 Trần Phú.
    for (const a of this.#addresses.hits(r.words, scored, opts)) {
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
   * Every candidate's best score over the query's readings; then, if none, over its parts (or at
   * one `level` only: 0 the whole query, k the parts without k words).
   */
  #scoreAll(r: Reading, opts: SuggestOptions, vocab: TermVocabulary, level?: number): { scores: Scored[]; matched: readonly string[] } {
    const bestOf = new Map<number, number>();
    let matched: readonly string[] = r.readings[0]!;
    const consider = (terms: Term[], words: readonly string[], hints: ReadonlySet<UnitType>, bonus: number) => {
      for (const id of candidates(terms, this.#vocab, this.#fx, this.#words)) {
        const rec = this.#recs[id]!;
        if (opts.kinds && !opts.kinds.includes(rec.s.kind)) continue;
        if (opts.legacy === false && rec.s.legacy) continue;
        const s = score(rec, terms, hints, opts, r.streetHint) + bonus;
        if (s > (bestOf.get(id) ?? -Infinity)) {
          bestOf.set(id, s);
          matched = words;
        }
      }
    };
    for (const words of level ? [] : r.readings) {
      const terms = queryTerms(words, r.trailingSpace, vocab);
      if (terms) consider(terms, words, words === r.alt ? EMPTY_HINTS : r.hints, 0);
    }
    // Nothing has every word (a full address typed in one go: "12 tran phu p vinh hai nha
    // trang"): match the longest run of words at the end (the ward, district, province part),
    // then at the start (the street part), scored lower than full matches.
    const words = r.readings[0]!;
    for (let cut = level || 1; bestOf.size === 0 && cut < words.length && (level === undefined || cut === level); cut++) {
      for (const part of [words.slice(cut), words.slice(0, words.length - cut)]) {
        const terms = queryTerms(part, r.trailingSpace && part === words.slice(cut), vocab);
        if (!terms || terms.filter((t) => !t.optional).length < 2) continue;
        consider(terms, part, r.hints, WEIGHTS.partialQuery);
      }
    }
    const scores: Scored[] = [];
    for (const [id, s] of bestOf) scores.push({ rec: this.#recs[id]!, score: s });
    return { scores, matched };
  }

  /**
   * Adds address points (house numbers on known streets). They are not put in the text index:
   * a query that starts with a number finds the street, then the number on it.
   *
   * @param points - `[streetName, houseNumber, lon, lat]` rows.
   * @returns How many were added (rows whose street is unknown are skipped).
   */
  addAddresses(points: ReadonlyArray<readonly [street: string, house: string, lon: number, lat: number]>): number {
    return this.#addresses.add(this.#recs, points);
  }
}

/** Reads the query: its words, a second reading with unit markers kept, hints. */
function readQuery(text: string): Reading | undefined {
  if (typeof text !== 'string') return undefined;
  const q = queryKey(text.slice(0, MAX_INPUT_LENGTH));
  const qw = q.words.slice(0, 12);
  // Markers may be part of a name (Tây Phương): the words as typed are a second reading.
  const alt = q.hints.length ? q.allWords.slice(0, 12) : undefined;
  const readings = alt && alt.join(' ') !== qw.join(' ') ? (qw.length ? [qw, alt] : [alt]) : [qw];
  if (readings[0]!.length === 0) return undefined;
  return {
    words: q.words,
    readings,
    alt,
    hints: new Set(q.hints),
    trailingSpace: /\s$/.test(text),
    // "đường X", "phố X": the user is probably looking for a street (a small bonus only:
    // "Dương" is also part of names, Bình Dương).
    streetHint: qw.length > 1 && (qw[0] === 'duong' || qw[0] === 'pho'),
  };
}

/**
 * Adds the query's words repaired (Telex, VNI, glued words: see repair.ts) as its first reading
 * when a word is unknown and its repair is known.
 */
function withRepairs(r: Reading | undefined, vocab: TermVocabulary): Reading | undefined {
  const fixed = r && repairWords(r.readings[0]!, r.trailingSpace, vocab);
  return fixed ? { ...r!, readings: [fixed.slice(0, 12), ...r!.readings] } : r;
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
