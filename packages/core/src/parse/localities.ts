// Stage 5 of the parser: unmarked segments. Unit names are peeled from the right, in the order
// Vietnamese addresses take (…, ward, district, province), between the marked units around
// them; the street part is what is left on the far left.
import { PARSE_WEIGHTS } from '../weights.js';
import { provinceKey, type ParseContext } from './context.js';
import type { Seg } from './segments.js';
import type { Placed } from './units.js';
import { RANK, ROLES, type Role } from './vocabulary.js';

/** Where a name read as an old district lies, for {@link districtAsWard}. */
interface Piece {
  a: number;
  b: number;
}

/** Reads the unmarked segments' unit names; returns the segments of the street part (leftmost, in order). */
export function readLocalities(ctx: ParseContext, rest: Seg[], placed: readonly Placed[]): Seg[] {
  let districtPiece: Piece | undefined;
  let ceiling = 2; // highest rank still possible, reading right to left
  let streetFrom = -1; // index in rest from which (leftwards) everything is street part
  for (let idx = rest.length - 1; idx >= 0; idx--) {
    const s = rest[idx]!;
    const st = ctx.tokens[s.a]!.start;
    const rightMarked = placed.filter((p) => p.start > st).map((p) => p.rank);
    const leftMarked = placed.filter((p) => p.start < st).map((p) => p.rank);
    const hi = Math.min(ceiling, ...rightMarked.map((r) => r - 1));
    const lo = leftMarked.length ? Math.max(...leftMarked) + 1 : 0;
    // A part that starts with a marker word ("số 8 Hùng Vương Lộc Thọ Nha Trang", "Thôn 3
    // Diên Phú Diên Khánh") may run on, with no comma, into unit names: they are peeled off its
    // end as from any part, never into the marker and what it needs (its number, its name).
    const floor = s.extra ? extraFloor(ctx, s) : s.a;
    if (!ctx.gazetteer || hi < lo || floor >= s.b) {
      if (s.extra || leftMarked.length === 0) {
        streetFrom = idx;
        break;
      }
      ctx.skip(s.a, s.b);
      continue;
    }
    // A hamlet's, alley's or street's own name often ends in a ward's name ("Đường Phan Phù
    // Tiên", "Thôn Xuân Hương"): such a part gives up unit names only when the text runs on
    // with no comma into a marked unit ("Đường X Thanh Hải Huyện Ninh Hải"), or to its end
    // in an old district or a province ("Đường Trần Phú Lộc Thọ Nha Trang").
    const named = !!s.extra && s.extra.kind !== 'number' && s.extra.kind !== 'lot';
    const last = idx === rest.length - 1 && rightMarked.length === 0;
    if (named && (ctx.tokens[s.b]?.sep || (!last && !placed.some((p) => p.start === ctx.tokens[s.b]?.start)))) {
      streetFrom = idx;
      break;
    }
    const limits = named ? { minWords: 2, firstRank: last ? RANK.district : 0 } : undefined;
    const peeled = peel(ctx, { a: floor, b: s.b }, hi, lo, limits);
    districtPiece = peeled.district ?? districtPiece;
    ceiling = peeled.top;
    const b = peeled.b;
    if (b > s.a) {
      if (s.extra || leftMarked.length === 0) {
        // Not a known name and nothing marked to its left: the street part starts here.
        rest[idx] = { ...s, b };
        streetFrom = idx;
        break;
      }
      ctx.skip(s.a, b);
    }
  }
  districtAsWard(ctx, districtPiece);
  return streetFrom >= 0 ? rest.slice(0, streetFrom + 1) : [];
}

/** The first token of a marked part that a unit name may start at: past the marker and what it needs. */
function extraFloor(ctx: ParseContext, s: Seg): number {
  const e = s.extra!;
  let a = s.a + e.length;
  if (e.kind === 'number' || e.kind === 'lot') return a;
  if (e.kind === 'alley') {
    while (a < s.b && /^\d/.test(ctx.tokens[a]!.text)) a++;
    return a;
  }
  return a + 1; // a hamlet's or street's name: at least its first word
}

/** Limits on a peel: names of at least `minWords` words, the rightmost of rank `firstRank` or above. */
interface PeelLimits {
  minWords: number;
  firstRank: number;
}

/** Peels known names off the right of one segment, ranks `hi` down to `lo`. */
function peel(ctx: ParseContext, s: Seg, hi: number, lo: number, limits?: PeelLimits): { b: number; top: number; district?: Piece } {
  const g = ctx.gazetteer!;
  const minWords = limits?.minWords ?? 1;
  let b = s.b;
  let top = hi;
  let district: Piece | undefined;
  while (b > s.a && top >= lo) {
    let hit: { a: number; role: Role } | undefined;
    const least = b === s.b && limits ? Math.max(lo, limits.firstRank) : lo;
    for (let a = Math.max(s.a, b - g.maxWords); a <= b - minWords && !hit; a++) {
      const key = ctx.keyOf(a, b);
      for (const role of ROLES) {
        if (RANK[role] > top || RANK[role] < least || ctx.components[role]) continue;
        if (ctx.can(role, key)) {
          hit = { a, role };
          break;
        }
      }
    }
    if (!hit) break;
    const key = ctx.keyOf(hit.a, b);
    const known = ctx.knownName(hit.role === 'province' ? provinceKey(key) : key, hit.role, hit.a, b)!;
    ctx.set(hit.role, ctx.unitComponent(hit.a, hit.a, b, undefined, known, PARSE_WEIGHTS.knownUnit));
    if (hit.role === 'district') district = { a: hit.a, b };
    top = RANK[hit.role] - 1;
    b = hit.a;
  }
  return { b, top, ...(district ? { district } : {}) };
}

/** "Nha Trang, Khánh Hòa": with no ward, a district name that is also a 2025 ward is the ward. */
function districtAsWard(ctx: ParseContext, piece: Piece | undefined): void {
  const c = ctx.components;
  if (c.ward || !piece || c.district?.unitType !== undefined) return;
  const key = ctx.keyOf(piece.a, piece.b);
  if (!ctx.gazetteer?.wardsByKey.has(key)) return;
  delete c.district;
  const name = ctx.knownName(key, 'ward', piece.a, piece.b)!;
  ctx.set('ward', ctx.unitComponent(piece.a, piece.a, piece.b, undefined, name, PARSE_WEIGHTS.districtAsWard));
}
