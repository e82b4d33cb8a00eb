// Stage 3 of the search pipeline: the query's words become terms, each with the vocabulary
// words it may stand for.
import type { TermVocabulary } from './vocabulary.js';
import type { Term } from './types.js';

/**
 * Returns the query's terms: each word with the vocabulary words it may stand for (itself, words
 * it begins when it is the last word being typed, or words one typo away); `undefined` when no
 * word is known.
 */
export function queryTerms(words: readonly string[], trailingSpace: boolean, vocab: TermVocabulary): Term[] | undefined {
  const out: Term[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const last = i === words.length - 1 && !trailingSpace;
    const exact = vocab.has(w);
    const prefix = last && vocab.isPrefix(w);
    let fixes: string[] = [];
    // One edit in a word of five letters or more: typed with a letter missing it has four.
    if (!exact && !prefix && w.length >= 5) fixes = vocab.oneEdit(w);
    else if (!exact && !prefix && w.length === 4) fixes = vocab.missingLetter(w);
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
