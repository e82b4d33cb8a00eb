// Stage 2 of the search pipeline: the words of every record, their document frequencies, and
// what is derived from them on first use (the sorted vocabulary for prefixes, the one-deletion
// dictionary for typos).
import { withinOneEdit } from '@diachiso/core/internal';

/** What reading a query's words needs of a vocabulary (see terms.ts). */
export interface TermVocabulary {
  has(w: string): boolean;
  isPrefix(w: string): boolean;
  oneEdit(w: string): string[];
  missingLetter(w: string): string[];
  /** How many records have the word. */
  count(w: string): number;
}

/**
 * The vocabularies of several shards read as one: a word known to any shard is a word, so every
 * shard reads a query the same way (an unknown word in one shard is not made optional there
 * while another shard corrects it).
 */
export class VocabularyUnion implements TermVocabulary {
  constructor(readonly parts: readonly Vocabulary[]) {}

  has(w: string): boolean {
    return this.parts.some((v) => v.has(w));
  }

  isPrefix(w: string): boolean {
    return this.parts.some((v) => v.isPrefix(w));
  }

  oneEdit(w: string): string[] {
    return [...new Set(this.parts.flatMap((v) => v.oneEdit(w)))];
  }

  missingLetter(w: string): string[] {
    return [...new Set(this.parts.flatMap((v) => v.missingLetter(w)))];
  }

  count(w: string): number {
    return this.parts.reduce((n, v) => n + v.count(w), 0);
  }
}

/**
 * A `Vocabulary` holds every word the records can be found by, how many records have each, and
 * answers "is this a prefix of a word", "how many records would a prefix fetch" and "which words
 * are one typo away".
 */
export class Vocabulary implements TermVocabulary {
  /** Document frequency of each word. */
  readonly df = new Map<string, number>();
  /** One-deletion variants → vocabulary words (SymSpell, distance 1). */
  #deletes: Map<string, string[]> | undefined;
  #sorted: string[] | undefined;
  /** `#cumDf[i]` = sum of the document frequencies of the first `i` sorted vocabulary words. */
  #cumDf: Float64Array | undefined;

  /** Counts the words of one record. */
  add(ws: ReadonlySet<string>): void {
    for (const w of ws) this.df.set(w, (this.df.get(w) ?? 0) + 1);
  }

  /** How many records have the word `w`. */
  count(w: string): number {
    return this.df.get(w) ?? 0;
  }

  /** Whether `w` is a word of some record. */
  has(w: string): boolean {
    return this.df.has(w);
  }

  /** Builds the parts otherwise built on first use (typo dictionary, sorted vocabulary). */
  warmUp(): void {
    this.#deletesMap();
    this.#vocab();
  }

  /**
   * The one-deletion neighbourhood of every vocabulary word of five letters or more (SymSpell),
   * for typo tolerance; built on first use or by `warmUp`, not at load.
   */
  #deletesMap(): Map<string, string[]> {
    if (!this.#deletes) {
      const del = new Map<string, string[]>();
      for (const w of this.df.keys()) {
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

  /** Sorted vocabulary, for "is this a prefix of some word" (built on first use). */
  #vocab(): string[] {
    if (!this.#sorted) {
      const v = [...this.df.keys()].filter((k) => k.charCodeAt(0) !== 0).sort();
      const cum = new Float64Array(v.length + 1);
      for (let i = 0; i < v.length; i++) cum[i + 1] = cum[i]! + this.df.get(v[i]!)!;
      this.#sorted = v;
      this.#cumDf = cum;
    }
    return this.#sorted;
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

  /** Whether `w` begins some word. */
  isPrefix(w: string): boolean {
    const v = this.#vocab();
    const lo = this.#lowerBound(w);
    return lo < v.length && v[lo]!.startsWith(w);
  }

  /** An upper bound of the records with a word starting with `p` (sum of the words' frequencies). */
  prefixDf(p: string): number {
    const a = this.#lowerBound(p);
    const b = this.#lowerBound(p + '\uffff');
    return this.#cumDf![b]! - this.#cumDf![a]!;
  }

  /** Words of the vocabulary one edit (insert, delete, substitute, swap) away from `w`. */
  oneEdit(w: string): string[] {
    const out = new Set<string>();
    const deletes = this.#deletesMap();
    const cands = new Set<string>([...(deletes.get(w) ?? [])]);
    if (w.length >= 5 && this.df.has(w)) cands.add(w);
    for (let i = 0; i < w.length; i++) {
      const d = w.slice(0, i) + w.slice(i + 1);
      if (this.df.has(d)) cands.add(d);
      for (const x of deletes.get(d) ?? []) cands.add(x);
    }
    for (const c of cands) if (c !== w && withinOneEdit(w, c)) out.add(c);
    return [...out];
  }

  /** Vocabulary words of five letters that lose one letter to become `w` (`khnh` → `khanh`). */
  missingLetter(w: string): string[] {
    return (this.#deletesMap().get(w) ?? []).filter((c) => c.length === w.length + 1);
  }
}
