// Stage 2 of the parser: the marker words. Unit markers (`P.`, `Q.`, `TP`, `Huyện`, `F10`) come
// from normalize's `findMarkers`; hamlet, alley, street, lot and house-number words are found
// here, each only where it really starts such a part.
import type { Marker, Token } from '../normalize.js';
import { findMarkers } from '../normalize.js';
import type { ParseContext } from './context.js';
import { EXTRA_MULTI, EXTRA_SINGLE, type Extra } from './vocabulary.js';

/** A non-unit marker: what it starts and how many tokens it takes. */
export interface ExtraMarker {
  kind: Extra;
  length: number;
}

/** Whether the tokens from the start of token `i`'s part up to it are a house number (12, 12/3, K448/20). */
function houseBefore(tokens: readonly Token[], i: number): boolean {
  let a = i - 1;
  while (a > 0 && !tokens[a]!.sep) a--;
  if (i - a > 4) return false;
  for (let k = a; k < i; k++) if (!/^(?:[a-z]{1,2})?\d{1,5}[a-z]?$/.test(tokens[k]!.text)) return false;
  return /^(?:[a-z]{1,2})?\d/.test(tokens[a]!.text);
}

/** The unit markers, by the index of their first token. */
export function unitMarkersOf(ctx: ParseContext): Map<number, Marker> {
  const { tokens } = ctx;
  const out = new Map<number, Marker>();
  for (const m of findMarkers(tokens, ctx.gazetteer ? (k, type) => ctx.isName(k, type) : undefined)) {
    // "12A Phương Câu": a marker word right after a house number starts a street name.
    const i = m.tokenIndex;
    if (i > 0 && !tokens[i]!.sep && !tokens[i]!.dotted && !m.number && houseBefore(tokens, i)) continue;
    out.set(i, m);
  }
  return out;
}

/** The hamlet, alley, street, lot and house-number markers, by the index of their first token. */
export function extraMarkersOf(
  ctx: ParseContext,
  unitMarkers: ReadonlyMap<number, Marker>,
  breakBefore: ReadonlySet<number>,
): Map<number, ExtraMarker> {
  const { tokens } = ctx;
  const out = new Map<number, ExtraMarker>();
  const afterUnitMarker = new Set([...unitMarkers.values()].filter((m) => !m.number).map((m) => m.tokenIndex + m.length));
  for (let i = 0; i < tokens.length; i++) {
    if (unitMarkers.has(i) || afterUnitMarker.has(i)) continue; // Xã Ngô Quyền, Phường Tổ …
    const multi = EXTRA_MULTI.find(([w]) => w.every((x, k) => tokens[i + k]?.text === x));
    if (multi) {
      out.set(i, { kind: multi[1], length: multi[0].length });
      i += multi[0].length - 1;
      continue;
    }
    const kind = EXTRA_SINGLE[tokens[i]!.text];
    if (kind && startsPart(ctx, kind, i, breakBefore)) out.set(i, { kind, length: 1 });
  }
  return out;
}

/** Whether the single marker word `kind` at token `i` really starts such a part. */
function startsPart(ctx: ParseContext, kind: Extra, i: number, breakBefore: ReadonlySet<number>): boolean {
  const { tokens } = ctx;
  const next = tokens[i + 1];
  if (!next || next.sep) return false;
  const segStart = i === 0 || breakBefore.has(i);
  const afterNumber = i > 0 && !breakBefore.has(i) && /^\d/.test(tokens[i - 1]!.text);
  const numberNext = /^\d/.test(next.text);
  // Alleys have numbers (hẻm 42, ngõ 5, kiệt 12): "Ngô Gia Tự", "Lý Thường Kiệt" are names.
  if (kind === 'alley' && !numberNext) return false;
  // Hamlets start a segment; "Tổ" needs its number ("Tố Hữu", "Tô Vĩnh Diện" are streets).
  if (kind === 'hamlet' && (!segStart || (tokens[i]!.text === 'to' && !numberNext))) return false;
  // Street words start a segment or follow the house number ("12 Đường 2 Tháng 4").
  if (kind === 'street' && !segStart && !afterNumber) return false;
  if ((kind === 'number' || kind === 'lot') && !segStart) return false;
  if (kind === 'number' && !numberNext) return false;
  return !ctx.isName(ctx.keyOf(i, Math.min(tokens.length, i + 3)));
}
