// The shapes shared by the stages of the search pipeline (records → words → terms → candidates →
// rank → answers). Public ones are re-exported by `search-index.ts`.
import type { AdminData, LatLon, LegacyData, PoisData, StreetsData, Suggestion, SuggestionKind, UnitType } from '@diachiso/core';

/** Options of `SearchIndex.suggest`. */
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
 * re-indexing. Valid only with the same dataset version it was made from, and the same records
 * format (see `recordsFormat`).
 */
export interface IndexSnapshot {
  /** Format version of the snapshot. */
  readonly format: 2;
  /**
   * The records format it was made with: a hash of the records the record-building code makes of
   * a fixed sample, so a snapshot made by other record-building code is refused (absent: refused).
   */
  readonly recordsFormat?: string;
  /** How many records the index held; a mismatch means another dataset. */
  readonly records: number;
  /** flexsearch's export: key → data. */
  readonly entries: ReadonlyArray<readonly [string, string]>;
  /** Every record's folded words, `name words\tcontext words`, one line per record (not re-folded on load). */
  readonly words: string;
  /** Per pre-2025 row, `1` if it is a record of its own, `0` if not. */
  readonly legacy?: string;
}

/** The parts a `SearchIndex` is built from; `admin` is required, the rest optional. */
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

/** Options of the `SearchIndex` constructor. */
export interface IndexOptions {
  /**
   * Whether the index holds the units, provinces, 2025 and pre-2025 wards (default `true`);
   * `false` for a province shard of streets and places, whose units are in the nationwide shard.
   */
  units?: boolean;
  /**
   * The ids of the street rows, one per row, when they are a part of a larger list (a province
   * shard keeps the ids of the whole dataset); by default made from the rows themselves.
   */
  streetIds?: readonly string[];
}

/** One searchable record: what is shown, and the folded words it is found by. */
export interface Rec {
  readonly s: Suggestion;
  /** Folded words of the name (what the record is called). */
  readonly nameWords: readonly string[];
  /** Folded words of the context (type word, ward, district, province). */
  readonly ctxWords: ReadonlySet<string>;
  /** Unit type of the record, for marker hints. */
  readonly unitType?: UnitType;
  /** Base priority of the kind. */
  readonly prio: number;
  readonly provinceCode?: string;
  readonly wardCode?: string;
}

/** One word of the query, with the vocabulary words it may stand for. */
export interface Term {
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

export function hasAny(ws: ReadonlySet<string>, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (ws.has(words[i]!)) return true;
  return false;
}

export function hasPrefix(ws: ReadonlySet<string>, p: string): boolean {
  for (const w of ws) if (w.startsWith(p)) return true;
  return false;
}
