// Stage 4 of the search pipeline: the records that contain every required term.
import type { Index } from 'flexsearch';
import type { Vocabulary } from './vocabulary.js';
import { hasAny, hasPrefix, type Term } from './types.js';

/** A pivot that would fetch more records than this is cut to the first {@link PIVOT_CAP}. */
export const PIVOT_CUT = 3000;
/** How many records of a very common pivot are fetched first. */
export const PIVOT_CAP = 100;

/**
 * Returns the candidate records: flexsearch finds the records of the most selective term (an
 * exact word of few records beats a prefix still being typed); every record must then contain
 * all terms (checked on `words`, each record's word set).
 */
export function candidates(terms: readonly Term[], vocab: Vocabulary, fx: Index, words: ReadonlyArray<ReadonlySet<string>>): number[] {
  const required = terms.filter((t) => !t.optional);
  let pivot = required[0]!;
  let pivotDf = Infinity;
  for (const t of required) {
    // The cost of a term is what flexsearch's forward index returns for it: every record with
    // a word that starts with it (for "x", every "xa"), not just the word's own records.
    const df = t.last ? vocab.prefixDf(t.word) : t.alts.reduce((n, a) => n + vocab.prefixDf(a), 0);
    if (df < pivotDf) {
      pivot = t;
      pivotDf = df;
    }
  }
  // A pivot that matches very many records (a prefix of one or two letters, or a complete common
  // word: "nha", "tran", "duong") is cut to flexsearch's first hundred, which are the best kinds
  // first (records are indexed in the order of their kind's rank, see records.ts). When fewer
  // than a handful of those contain every term, the cut widens (×8) until enough do or the
  // pivot is fetched whole. (flexsearch's forward index answers a word with every word it
  // begins, so the cost is the prefix count, not the word's own count.)
  const others = required.filter((t) => t !== pivot);
  let cap = pivotDf > PIVOT_CUT ? PIVOT_CAP : Infinity;
  for (;;) {
    const out = check(fetch(fx, vocab, pivot, cap), others, words);
    if (cap >= pivotDf || out.length >= ENOUGH) return out;
    cap *= 8;
  }
}

/** How many full matches of a cut pivot are enough to rank. */
const ENOUGH = 10;

function fetch(fx: Index, vocab: Vocabulary, pivot: Term, cap: number): Iterable<number> {
  const limitOf = (a: string) => Math.max(1, Math.min(cap, Math.ceil(vocab.prefixDf(a))));
  if (pivot.alts.length === 1) return fx.search(pivot.alts[0]!, { limit: limitOf(pivot.alts[0]!) }) as number[];
  const set = new Set<number>();
  for (const a of pivot.alts) for (const id of fx.search(a, { limit: limitOf(a) }) as number[]) set.add(id);
  return set;
}

/** The records among `ids` that contain every term of `others`. */
function check(ids: Iterable<number>, others: readonly Term[], words: ReadonlyArray<ReadonlySet<string>>): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const ws = words[id]!;
    let ok = true;
    for (const t of others) {
      if (!hasAny(ws, t.alts) && !(t.last && hasPrefix(ws, t.word))) {
        ok = false;
        break;
      }
    }
    if (ok) out.push(id);
  }
  return out;
}
