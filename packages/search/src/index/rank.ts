// Stage 5 of the search pipeline: every candidate gets a score; the best few are kept.
import { distanceM, type UnitType } from '@diachiso/core';
import { hasAny, hasPrefix, type Rec, type SuggestOptions, type Term } from './types.js';

/**
 * The ranking weights, in one table: a ranking change is a diff of this table, measured by
 * `npm run bench:search-quick` (top-1, p95) before the full `npm run bench`. Points are added to
 * a record's score; the highest score is shown first.
 */
export const WEIGHTS = {
  /** Base points of each kind: a province beats a ward of the same name, a ward a street, … */
  kind: { province: 7, legacyProvince: 6.5, ward: 6, street: 5, legacy: 4, poi: 3, address: 5 } as Readonly<Record<string, number>>,
  /** A query starting with `đường`/`phố` and the record a street (small: "Dương" is in names). */
  streetHint: 5,
  /** A query word equal to a name word. */
  nameWord: 10,
  /** A query word one typo away from a name word. */
  nameWordTypo: 7,
  /** The last word, still being typed, begins a name word: `base + perLetter × typed/whole`. */
  namePrefixBase: 4,
  namePrefixFraction: 4,
  /** A query word equal to a context word (type, ward, district, province). */
  contextWord: 3,
  /** The last word begins a context word. */
  contextPrefix: 1,
  /** × the fraction of the name's words the query covers. */
  coverage: 12,
  /** Every name word matched in full. */
  completeName: 6,
  /** The name's words in the query's order, from the start of the query. */
  inOrder: 6,
  /** No query word is in the name (found by context words only). */
  noNameWord: -15,
  /** A unit marker (`P.`, `xã`) matching the record's unit type. */
  typeHint: 5,
  /** A pre-2025-only marker (`quận`, `huyện`) and a pre-2025 record. */
  legacyHint: 4,
  /** A ward-level marker of another type (`P.` on a `Xã`). */
  wrongTypeHint: -3,
  /** The `province` option matches. */
  province: 8,
  /** No `province` option and the record in the pilot province (Khánh Hòa). */
  pilotProvince: 1.5,
  /** The `ward` option matches. */
  ward: 6,
  /** `near`: `near / (1 + metres / nearScaleM)`. */
  near: 8,
  nearScaleM: 5000,
  /** Only part of the query matched (a whole address typed in one go). */
  partialQuery: -10,
} as const;

/** Khánh Hòa, the pilot province: a small default preference, overridden by `province`. */
export const PILOT_PROVINCE = '56';
const LEGACY_ONLY: ReadonlySet<UnitType> = new Set(['quan', 'huyen', 'thi-xa', 'thi-tran']);
const W = WEIGHTS;

/** Returns how many points a record gets for the query's terms (higher is better). */
export function score(rec: Rec, terms: readonly Term[], hints: ReadonlySet<UnitType>, opts: SuggestOptions, streetHint = false): number {
  let s = rec.prio;
  if (streetHint && rec.s.kind === 'street') s += W.streetHint;
  const m = nameMatch(rec, terms, s);
  s = m.points;
  const name = rec.nameWords;
  if (name.length > 0) {
    s += W.coverage * (m.covered / name.length);
    if (m.nameHits === name.length && m.covered === name.length) s += W.completeName;
    if (inOrder(name, terms)) s += W.inOrder;
  }
  if (m.nameHits === 0) s += W.noNameWord;
  for (const h of hints) {
    if (rec.unitType === h) s += W.typeHint;
    else if (LEGACY_ONLY.has(h) && rec.s.legacy) s += W.legacyHint;
    else if ((h === 'phuong' || h === 'xa' || h === 'dac-khu') && rec.unitType && rec.unitType !== h && rec.s.kind === 'ward')
      s += W.wrongTypeHint;
  }
  if (opts.province && rec.provinceCode === opts.province) s += W.province;
  else if (!opts.province && rec.provinceCode === PILOT_PROVINCE) s += W.pilotProvince;
  if (opts.ward && rec.wardCode === opts.ward) s += W.ward;
  if (opts.near && rec.s.location) {
    const d = distanceM(opts.near, rec.s.location);
    s += W.near / (1 + d / W.nearScaleM);
  }
  return s;
}

/**
 * Each term matched against a distinct name word (whole, typo, or prefix), else the context;
 * `points` starts from `start` (added in the same order as ever: the sums are bit-identical).
 */
function nameMatch(rec: Rec, terms: readonly Term[], start: number): { points: number; nameHits: number; covered: number } {
  const name = rec.nameWords;
  let points = start;
  let nameHits = 0;
  let covered = 0;
  let used = 0; // bit set of name words used
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    let k = -1;
    for (let j = 0; j < name.length && k < 0; j++) if (!(used & (1 << j)) && t.alts.includes(name[j]!)) k = j;
    if (k >= 0) {
      used |= 1 << k;
      nameHits++;
      covered++;
      points += t.typo ? W.nameWordTypo : W.nameWord;
      continue;
    }
    if (t.last) {
      for (let j = 0; j < name.length && k < 0; j++) if (!(used & (1 << j)) && name[j]!.startsWith(t.word)) k = j;
      if (k >= 0) {
        used |= 1 << k;
        nameHits++;
        const frac = t.word.length / name[k]!.length;
        covered += frac;
        points += W.namePrefixBase + W.namePrefixFraction * frac;
        continue;
      }
    }
    if (hasAny(rec.ctxWords, t.alts)) points += W.contextWord;
    else if (t.last && hasPrefix(rec.ctxWords, t.word)) points += W.contextPrefix;
  }
  return { points, nameHits, covered };
}

function inOrder(name: readonly string[], terms: readonly Term[]): boolean {
  for (let j = 0; j < name.length; j++) {
    const t = terms[j];
    if (!(t && (t.alts.includes(name[j]!) || (t.last && name[j]!.startsWith(t.word))))) return false;
  }
  return true;
}

/** A scored record. */
export interface Scored {
  readonly rec: Rec;
  readonly score: number;
}

/** Order of the answers: score, then the shorter label, then the id. Positive when `a` is better. */
export function better(a: Scored, b: Scored): number {
  return a.score - b.score || b.rec.s.label.length - a.rec.s.label.length || (a.rec.s.id < b.rec.s.id ? 1 : -1);
}

/** Returns the best `keep` of `all`, best first (a partial selection, not a full sort). */
export function best(all: Iterable<Scored>, keep: number): Scored[] {
  const top: Scored[] = [];
  for (const e of all) {
    if (top.length === keep && better(e, top[keep - 1]!) <= 0) continue;
    let i = top.length < keep ? top.length : keep - 1;
    top[i] = e;
    while (i > 0 && better(top[i]!, top[i - 1]!) > 0) {
      [top[i], top[i - 1]] = [top[i - 1]!, top[i]!];
      i--;
    }
  }
  return top;
}
