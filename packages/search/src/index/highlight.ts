// Stage 6 of the search pipeline: which parts of a label the query matched.
import { type Range } from '@diachiso/core';
import { foldWithOffsets } from '@diachiso/core/internal';

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
