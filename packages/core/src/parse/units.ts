// Stage 4 of the parser: the segments a unit marker starts (`P. Vĩnh Hải`, `Huyện Diên Khánh`,
// `F10`, `Phường 1 Bảo Lộc`). Their role comes from the marker; the name is the longest known
// one after it, and the words after that are left for the next stage.
import { PARSE_WEIGHTS } from '../weights.js';
import type { Marker } from '../normalize.js';
import { provinceKey, type ParseContext } from './context.js';
import type { Seg } from './segments.js';
import { DISTRICT_TYPES, RANK, TYPE_WORD, WARD_TYPES, type Role } from './vocabulary.js';

/** A unit placed by its marker: its rank and where it starts in the input. */
export interface Placed {
  rank: number;
  start: number;
}

/** Reads the marked segments; returns the rest (unmarked segments and what follows a marked name) and the units placed. */
export function readMarkedUnits(ctx: ParseContext, segs: readonly Seg[]): { rest: Seg[]; placed: Placed[] } {
  const rest: Seg[] = [];
  const placed: Placed[] = [];
  for (const s of segs) {
    const m = s.marker;
    if (!m) {
      rest.push(s);
      continue;
    }
    const nameA = m.number ? s.a : s.a + m.length;
    if (m.number === undefined && nameA >= s.b) {
      ctx.skip(s.a, s.b);
      continue;
    }
    const { role, nameB } = readMarkedUnit(ctx, s, m, nameA);
    placed.push({ rank: RANK[role], start: ctx.tokens[s.a]!.start });
    if (nameB < s.b) rest.push({ a: nameB, b: s.b });
  }
  rest.sort((x, y) => x.a - y.a);
  return { rest, placed };
}

/** The role a marker gives (`TP` is a province for Hồ Chí Minh, a district for Nha Trang). */
function roleOf(ctx: ParseContext, m: Marker, key: string): Role {
  if (WARD_TYPES.has(m.type)) return 'ward';
  if (DISTRICT_TYPES.has(m.type)) return 'district';
  if (m.type === 'tinh') return 'province';
  return ctx.gazetteer?.provincesByKey.get(provinceKey(key))?.some((p) => p.type === 'Thành phố') ? 'province' : 'district';
}

/** Reads one marked segment into its component; returns its role and where its name ends. */
function readMarkedUnit(ctx: ParseContext, s: Seg, m: Marker, nameA: number): { role: Role; nameB: number } {
  const g = ctx.gazetteer;
  let nameB = m.number ? s.a + m.length : s.b;
  let key = m.number ? m.number.replace(/^0+(?=\d)/, '') : ctx.keyOf(nameA, nameB);
  let numberName: string | undefined;
  if (m.number && g) {
    // "Phường 1 Bảo Lộc" is a 2025 ward's whole name.
    for (let k = Math.min(s.b, nameB + 4); k > nameB; k--) {
      const longer = `${key} ${ctx.keyOf(nameB, k)}`;
      const w = g.wardsByKey.get(longer)?.[0];
      if (w) {
        key = longer;
        nameB = k;
        numberName = w.name;
        break;
      }
    }
  }
  const role = roleOf(ctx, m, key);
  if (!m.number && g && !ctx.can(role, key)) {
    // "Phường Vĩnh Hải Nha Trang Khánh Hòa": the marker names the longest known name after it;
    // the words after that are read like any unmarked text.
    for (let k = nameB - 1; k > nameA; k--) {
      if (ctx.can(role, ctx.keyOf(nameA, k))) {
        nameB = k;
        key = ctx.keyOf(nameA, k);
        break;
      }
    }
  }
  const known = m.number ? undefined : ctx.knownName(role === 'province' ? provinceKey(key) : key, role, nameA, nameB);
  const name = numberName ?? m.number ?? known ?? ctx.typed(nameA, nameB);
  const typeWord = role === 'province' && m.type === 'thanh-pho' ? 'Thành phố' : TYPE_WORD[m.type];
  const confidence = known || m.number ? PARSE_WEIGHTS.markedKnownUnit : PARSE_WEIGHTS.markedUnknownUnit;
  ctx.set(role, ctx.unitComponent(s.a, nameA, nameB, m.type, `${typeWord} ${name}`, confidence, key));
  return { role, nameB };
}
