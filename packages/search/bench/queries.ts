// The benchmark's query set, generated deterministically from the embedded dataset: what people
// type for wards (2025 and pre-2025), streets, points of interest and provinces, in full
// Vietnamese, without diacritics, abbreviated, with one typo, and half-typed. Each query lists
// the record ids that count as a right answer. One query in five (by a hash of its text) is
// held out: reported separately, never used to tune the ranking.
import { streetIds, type SearchIndex } from '../src/index.js';
import { fold } from '@diachiso/core';

export interface BenchQuery {
  q: string;
  expect: string[];
  kind: string;
  form: string;
  holdout: boolean;
}

function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const ABBR: Array<[RegExp, string]> = [
  [/^Thành phố /u, 'TP. '],
  [/^Phường /u, 'P. '],
  [/^Xã /u, 'X. '],
  [/^Thị trấn /u, 'TT. '],
  [/^Đặc khu /u, 'ĐK '],
];

/** Returns the query set. */
export function makeQueries(
  index: SearchIndex,
  sources: {
    legacy: { rows: ReadonlyArray<readonly unknown[]> };
    streets: { streets: ReadonlyArray<readonly unknown[]> };
    pois: { pois: ReadonlyArray<readonly unknown[]> };
  },
): BenchQuery[] {
  const next = rng(2025);
  const out: BenchQuery[] = [];
  const reg = index.registry;
  const add = (q: string, expect: string[], kind: string, form: string) => {
    if (!q.trim() || !expect.length) return;
    out.push({ q, expect, kind, form, holdout: hash(q) % 5 === 0 });
  };
  const typo = (s: string) => {
    const words = s.split(' ');
    const i = words.reduce((b, w, k) => (w.length > (words[b]?.length ?? 0) ? k : b), 0);
    const w = words[i]!;
    if (w.length < 5) return undefined;
    const p = 1 + Math.floor(next() * (w.length - 2));
    const kindOfTypo = Math.floor(next() * 3);
    const t =
      kindOfTypo === 0
        ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2)
        : kindOfTypo === 1
          ? w.slice(0, p) + w.slice(p + 1)
          : w.slice(0, p) + w[p] + w.slice(p);
    words[i] = t;
    return words.join(' ');
  };
  const partial = (s: string) => {
    const cut = s.length - Math.min(3, Math.max(1, Math.floor(s.split(' ').at(-1)!.length / 2)));
    return s.slice(0, cut);
  };
  // Names used by several 2025 wards get their province in the query, as people would type.
  const wardNameCount = new Map<string, number>();
  for (const w of reg.wards) wardNameCount.set(fold(w.name), (wardNameCount.get(fold(w.name)) ?? 0) + 1);

  // 2025 wards: all of Khánh Hòa, and a sample nationwide.
  const kh = reg.wardsOf('56');
  const nationwide = reg.wards.filter((w) => w.provinceCode !== '56' && next() < 0.07);
  for (const w of [...kh, ...nationwide]) {
    const p = reg.province(w.provinceCode)!;
    const ctx = (wardNameCount.get(fold(w.name)) ?? 0) > 1 || w.provinceCode !== '56' ? `, ${p.name}` : '';
    const full = `${w.fullName}${ctx}`;
    const id = [`ward:${w.code}`];
    add(full, id, 'ward', 'full');
    add(fold(full), id, 'ward', 'no-diacritics');
    const ab = ABBR.find(([re]) => re.test(w.fullName));
    if (ab) add(fold(w.fullName.replace(ab[0], ab[1])) + fold(ctx), id, 'ward', 'abbreviated');
    const t = typo(fold(w.name));
    if (t) add(t + fold(ctx), id, 'ward', 'typo');
    add(partial(fold(`${w.name}${ctx}`)), id, 'ward', 'partial');
  }

  // Pre-2025 wards of Khánh Hòa and Ninh Thuận, and a sample nationwide.
  const legacyIds = new Map<string, { text: string; district: string; ids: string[] }>();
  for (const r of sources.legacy.rows) {
    const [opc, oprov, , odist, owc, oward, nwc] = r as string[];
    if (!oward) continue;
    const nw = reg.ward(nwc!);
    if (!nw || fold(oward).replace(/^(phuong|xa|thi tran) /, '') === fold(nw.name)) continue;
    if (opc !== '56' && opc !== '58' && next() > 0.03) continue;
    const e = legacyIds.get(owc!) ?? { text: `${oward}, ${odist}, ${oprov}`, district: `${oward}, ${odist}`, ids: [] };
    e.ids.push(`legacy:${owc}:${nw.code}`);
    legacyIds.set(owc!, e);
  }
  for (const { text, district, ids } of legacyIds.values()) {
    let ab = district;
    for (const [re, rep] of [
      [/Phường /gu, 'P. '],
      [/Xã /gu, 'X. '],
      [/Thị trấn /gu, 'TT. '],
      [/Thành phố /gu, 'TP. '],
      [/Huyện /gu, 'H. '],
      [/Thị xã /gu, 'TX. '],
      [/Quận /gu, 'Q. '],
    ] as Array<[RegExp, string]>)
      ab = ab.replace(re, rep);
    add(text, ids, 'legacy', 'full');
    add(ab, ids, 'legacy', 'abbreviated');
    add(fold(district), ids, 'legacy', 'no-diacritics');
    const t = typo(fold(district));
    if (t) add(t, ids, 'legacy', 'typo');
  }

  // Streets (with the city, as typed in a checkout) and points of interest.
  const sids = streetIds(sources.streets.streets as ReadonlyArray<readonly [string]>);
  for (const [k, r] of sources.streets.streets.entries()) {
    const name = r[0] as string;
    const id = [sids[k]!];
    add(`${name}, Nha Trang`, id, 'street', 'full');
    add(`${fold(name)} nha trang`, id, 'street', 'no-diacritics');
    const t = typo(fold(name));
    if (t) add(`${t} nha trang`, id, 'street', 'typo');
    add(`duong ${partial(fold(name))}`.replace(/ $/, ''), id, 'street', 'partial');
  }
  for (const r of sources.pois.pois) {
    const [osm, name] = r as string[];
    const id = [`poi:${osm}`];
    add(name!, id, 'poi', 'full');
    add(fold(name!), id, 'poi', 'no-diacritics');
    add(partial(fold(name!)), id, 'poi', 'partial');
  }
  for (const p of reg.provinces) {
    add(p.name, [`province:${p.code}`], 'province', 'full');
    add(fold(p.fullName), [`province:${p.code}`], 'province', 'no-diacritics');
  }
  // Identical query texts with different expectations are ambiguous by construction: merge.
  const merged = new Map<string, BenchQuery>();
  for (const q of out) {
    const m = merged.get(q.q);
    if (m) m.expect = [...new Set([...m.expect, ...q.expect])];
    else merged.set(q.q, q);
  }
  return [...merged.values()];
}
