// Stage 3a of the search pipeline: words typed as people type them when no record has them —
// Telex or VNI typed with the input method off (`traanf phus`, `Tra62n Phu1`), and words glued
// together (`tranphu`, `nhatrang`, `hanoi`) — repaired into words the records have. A word is
// repaired only when it is unknown and its repair is known, so ordinary words never change.
import { fold } from '@diachiso/core';
import { decodeTelex, decodeVni } from '@diachiso/core/internal';
import type { TermVocabulary } from './vocabulary.js';

/** Shortest part of a glued word (`ha` + `noi`). */
const MIN_PART = 2;

/**
 * Returns the query's words with each unknown word repaired (Telex, VNI, or split into known
 * words), or `undefined` when no word needed or allowed a repair.
 *
 * @param words - The folded words of the query.
 * @param trailingSpace - Whether the last word is finished (else it may be a prefix).
 * @param vocab - The words the records have.
 */
export function repairWords(words: readonly string[], trailingSpace: boolean, vocab: TermVocabulary): string[] | undefined {
  let changed = false;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const last = i === words.length - 1 && !trailingSpace;
    const known = (x: string, prefixOk = last) => vocab.has(x) || (prefixOk && x.length >= 2 && vocab.isPrefix(x));
    if (known(w) || /^\d+[a-z]?$/.test(w)) {
      out.push(w);
      continue;
    }
    const decoded = [fold(decodeTelex(w)), fold(decodeVni(w))].find((d) => d !== w && known(d));
    const fixed = decoded ? [decoded] : split(w, last, vocab);
    if (fixed) {
      out.push(...fixed);
      changed = true;
    } else out.push(w);
  }
  return changed ? out : undefined;
}

/**
 * Splits a glued word into two or three known words (the last may be a prefix when it is still
 * being typed), choosing the split whose rarest part is the most common; two parts before three.
 */
function split(w: string, last: boolean, vocab: TermVocabulary): string[] | undefined {
  if (w.length < 2 * MIN_PART || /\d/.test(w)) return undefined;
  let best: string[] | undefined;
  let bestScore = 0;
  const consider = (parts: string[]) => {
    const score = Math.min(...parts.map((p) => vocab.count(p) || 0.5));
    if (score > bestScore) {
      best = parts;
      bestScore = score;
    }
  };
  const whole = (x: string) => vocab.has(x);
  const tail = (x: string) => vocab.has(x) || (last && vocab.isPrefix(x));
  // Two parts when a split in two exists (`nguyen khuyen`, not `nguyen khu yen`), else three.
  for (const parts of [2, 3]) {
    for (let i = MIN_PART; i <= w.length - MIN_PART; i++) {
      const a = w.slice(0, i);
      if (!whole(a)) continue;
      const rest = w.slice(i);
      if (parts === 2 && tail(rest)) consider([a, rest]);
      for (let j = MIN_PART; parts === 3 && j <= rest.length - MIN_PART; j++) {
        const b = rest.slice(0, j);
        if (whole(b) && tail(rest.slice(j))) consider([a, b, rest.slice(j)]);
      }
    }
    if (best) return best;
  }
  return undefined;
}
