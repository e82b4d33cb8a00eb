// Stage 4 of the search pipeline: the records that contain every required term.
import type { Index } from 'flexsearch';
import type { Vocabulary } from './vocabulary.js';
import { hasAny, hasPrefix, type Term } from './types.js';

/** A pivot that would fetch more records than this is cut to the first {@link PIVOT_CAP}. */
export const PIVOT_CUT = 3000;
/** How many records of a very common pivot are fetched. */
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
  // A prefix still being typed that matches very many records (one or two letters) is cut to
  // flexsearch's best hundred; anything else is fetched whole, then checked.
  // (flexsearch's forward index answers a word with every word it begins, so the cap is the
  // prefix count, not the word's own count.)
  const capOf = (a: string) => (pivot.last && pivotDf > PIVOT_CUT ? PIVOT_CAP : Math.max(1, Math.ceil(vocab.prefixDf(a))));
  let ids: Iterable<number>;
  if (pivot.alts.length === 1) ids = fx.search(pivot.alts[0]!, { limit: capOf(pivot.alts[0]!) }) as number[];
  else {
    const set = new Set<number>();
    for (const a of pivot.alts) for (const id of fx.search(a, { limit: capOf(a) }) as number[]) set.add(id);
    ids = set;
  }
  const out: number[] = [];
  for (const id of ids) {
    const ws = words[id]!;
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
