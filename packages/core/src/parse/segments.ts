// Stage 3 of the parser: the input cut into segments at separators (commas, semicolons, bars,
// line breaks) and before each marker. Dashes do not cut: they sit inside names (Bà Rịa - Vũng
// Tàu, Cầu Dứa - Phú Nông), and a part after a dash starts with a marker anyway.
import type { Marker } from '../normalize.js';
import type { ParseContext } from './context.js';
import type { ExtraMarker } from './markers.js';

/** A run of tokens `[a, b)`, with the marker that starts it, if any. */
export interface Seg {
  /** The first token's index. */
  a: number;
  /** One past the last token's index. */
  b: number;
  marker?: Marker;
  extra?: ExtraMarker;
}

/** The indexes of the tokens a separator comes before. */
export function breaksOf(ctx: ParseContext): Set<number> {
  const out = new Set<number>();
  for (let i = 1; i < ctx.tokens.length; i++) if (ctx.tokens[i]!.sep) out.add(i);
  return out;
}

/** The segments, in order. */
export function segmentsOf(
  ctx: ParseContext,
  breakBefore: ReadonlySet<number>,
  unitMarkers: ReadonlyMap<number, Marker>,
  extraMarkers: ReadonlyMap<number, ExtraMarker>,
): Seg[] {
  const segs: Seg[] = [];
  let cur: Seg = { a: 0, b: 0 };
  for (let i = 0; i < ctx.tokens.length; i++) {
    const um = unitMarkers.get(i);
    const em = extraMarkers.get(i);
    if (i > 0 && (breakBefore.has(i) || um || (em && em.kind !== 'number'))) {
      cur.b = i;
      segs.push(cur);
      cur = { a: i, b: i };
    }
    if (um && cur.a === i) cur.marker = um;
    if (em && cur.a === i) cur.extra = em;
  }
  cur.b = ctx.tokens.length;
  segs.push(cur);
  return segs;
}
