// `node --import tsx bench/address/generate.ts`: writes the whole-address dev set (dev.jsonl,
// 75 %) and the held-out part (unseen.jsonl, 25 %, stratified by form) from a fixed seed. Every
// row says how it was typed (its form), what it means (2025 ward codes, province, house number)
// and which wards the text's locality allows. See README.md for the forms and how truth is derived.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  fold,
  KH,
  knownNames,
  legacyDistricts,
  legacyWards,
  nhaTrang,
  provinces,
  streets,
  twoHops,
  wardNames,
  wards,
  type LegacyDistrict,
  type LegacyWard,
  type Street,
} from './truth.js';
import { abbreviate, doubled, int, keystrokes, pick, rng, typo, unaccent, type Rand } from './noise.js';

export const SEED = 20250701;

/** How a row was typed. */
export const FORMS = [
  'ward-2025',
  'legacy-3-level',
  'old-city-only',
  'alley',
  'hamlet',
  'no-diacritics',
  'abbreviations',
  'glued-type-words',
  'telex',
  'vni',
  'typo',
  'doubled-letters',
  'nickname',
  'no-locality',
  'street-named-like-ward',
  'legacy-two-hop',
  'no-commas',
] as const;
export type Form = (typeof FORMS)[number];
/** Forms added after the held-out set was drawn: all their rows are dev rows, so unseen.jsonl stays as first committed. */
export const DEV_ONLY: ReadonlySet<Form> = new Set(['no-commas']);

/** One address of the dev set. */
export interface Row {
  id: string;
  form: Form;
  /** The text as typed. */
  text: string;
  /** The same address before the form's noise, for reading failures. */
  clean: string;
  /** `legacy`: the text names pre-2025 units (the peer gets `convert_address`); `2025`: `parse_address`. */
  era: '2025' | 'legacy';
  region: 'khanhhoa' | 'other';
  /** The 2025 province code. */
  province: string;
  /** The 2025 ward codes the address may be in; more than one means the place is open. */
  wards: string[];
  /** Every 2025 ward the typed locality allows (a superset of `wards`). */
  allowed: string[];
  /** The house number as typed, canonical (`12`, `12/3/5B`, `K448/20`), or null when none was typed. */
  houseNumber: string | null;
  street: string | null;
  /** The street is one of the Nha Trang OSM streets in the data. */
  streetInData: boolean;
}

// ---------------------------------------------------------------- what a row is made of
type Show = 'full' | 'bare' | 'abbr' | 'glued' | 'raw';
interface Part {
  type: string;
  name: string;
  show: Show;
  raw?: string;
}
interface Lead {
  houseNumber: string | null;
  /** The text before the street: `Số 12`, `12/3/5B`, `Số 15 ngõ 40`. */
  before: string;
  street: string | null;
  streetPrefix: string;
}
interface Spec {
  era: '2025' | 'legacy';
  lead: Lead | null;
  hamlet?: Part;
  parts: Part[];
  province: string;
  wards: string[];
  allowed: string[];
  street: Street | null;
  streetName: string | null;
}

const r: Rand = rng(SEED);
const chance = (p: number) => r() < p;

const renderPart = (p: Part): string => {
  if (p.show === 'raw') return p.raw!;
  if (p.show === 'glued' && p.type) return `${p.type}${p.name}`;
  if (p.show === 'abbr') return abbreviate(r, p.type, p.name);
  // a numbered ward or district is never written without its type (Phường 10, Quận 3)
  if (p.show === 'bare' && !/^\d+$/.test(p.name)) return p.name;
  return p.type ? `${p.type} ${p.name}` : p.name;
};
const renderLead = (l: Lead): string => [l.before, l.street ? `${l.streetPrefix}${l.street}` : ''].filter(Boolean).join(' ');
const render = (s: Spec): string =>
  [s.lead ? renderLead(s.lead) : '', s.hamlet ? renderPart(s.hamlet) : '', ...s.parts.map(renderPart)].filter(Boolean).join(', ');

/** Old or new tone placement (Hoà / Hòa), one or the other for a whole row. */
const TONE_PAIRS: Array<[string, string]> = [
  ['oà', 'òa'],
  ['oá', 'óa'],
  ['oả', 'ỏa'],
  ['oã', 'õa'],
  ['oạ', 'ọa'],
  ['uỳ', 'ùy'],
  ['uý', 'úy'],
  ['uỷ', 'ủy'],
  ['uỵ', 'ụy'],
  ['oè', 'òe'],
];
// only where the syllable ends there: Hoàng keeps its tone on the a
const tonePlacement = (s: string, modern: boolean): string =>
  TONE_PAIRS.reduce((t, [old, mod]) => t.replace(new RegExp(`${modern ? old : mod}(?!\\p{L})`, 'gu'), modern ? mod : old), s);

// ---------------------------------------------------------------- pools
const isCleanStreet = (n: string) =>
  /\p{L}/u.test(n) &&
  !/^(Cầu|Hẻm|Kiệt|Ngõ|Ngách|Đường|Số|Quốc Lộ|Tỉnh Lộ|Ấp|Thôn|Xóm|Tổ|Khu|Phường|Xã|Quận|Huyện)(?!\p{L})/u.test(n) &&
  !/[-()]/.test(n) &&
  n.split(' ').length >= 2;
const allStreets = [...streets.values()].filter((s) => isCleanStreet(s.name) && s.name.normalize('NFD') !== s.name);
/** Streets whose name is no ward's name anywhere. */
const plainStreets = allStreets.filter((s) => !wardNames.has(fold(s.name)));
/** Streets whose name is also a ward's name somewhere (Trần Phú, Hùng Vương…). */
const wardLikeStreets = allStreets.filter((s) => wardNames.has(fold(s.name)));
const FAMOUS = ['Trần Phú', 'Hùng Vương', 'Thống Nhất', 'Nguyễn Thị Minh Khai'].map((n) => streets.get(n)!);
const nhaTrangSet = new Set(nhaTrang.targets);

const kh2025 = [...wards.values()].filter((w) => w.province === KH);
const khOutsideNhaTrang = kh2025.filter((w) => !nhaTrangSet.has(w.code));
const other2025 = [...wards.values()].filter((w) => w.province !== KH);
const khLegacy = [...legacyWards.values()].filter((w) => w.newProvince === KH);
const khLegacyOutsideNhaTrang = khLegacy.filter((w) => !nhaTrang.wards.includes(w));
const otherLegacy = [...legacyWards.values()].filter((w) => w.newProvince !== KH);

const districtNameCount = new Map<string, number>();
for (const d of legacyDistricts.values()) districtNameCount.set(fold(d.name), (districtNameCount.get(fold(d.name)) ?? 0) + 1);
const provinceNames = new Set([
  ...[...provinces.values()].map((p) => fold(p.name)),
  ...[...legacyWards.values()].map((w) => fold(w.province)),
]);
/** An old district or city one can type alone: its name is no other district's, province's or (elsewhere) ward's. */
const wardProvincesByName = new Map<string, Set<string>>();
for (const w of wards.values()) {
  const k = fold(w.name);
  if (!wardProvincesByName.has(k)) wardProvincesByName.set(k, new Set());
  wardProvincesByName.get(k)!.add(w.province);
}
const typableAlone = (d: LegacyDistrict) =>
  !/^\d+$/.test(d.name) &&
  districtNameCount.get(fold(d.name)) === 1 &&
  !provinceNames.has(fold(d.name)) &&
  [...(wardProvincesByName.get(fold(d.name)) ?? [])].every((p) => p === d.newProvince);
const khDistricts = [...legacyDistricts.values()].filter((d) => d.newProvince === KH && d !== nhaTrang && d.name !== 'Trường Sa');
const otherDistricts = [...legacyDistricts.values()].filter((d) => d.newProvince !== KH);

// ---------------------------------------------------------------- truth helpers
/** A street from the data under a locality: its wards there, else (not known there) the locality's. */
function underLocality(street: Street | null, locality: string[]): string[] {
  if (!street) return [...locality].sort();
  const inside = street.wards.filter((w) => locality.includes(w));
  return (inside.length ? inside : locality).slice().sort();
}
const houseNumber = (): string => {
  const n = chance(0.7) ? int(r, 1, 199) : int(r, 200, 999);
  return chance(0.15) ? `${n}${pick(r, ['A', 'B', 'C'])}` : String(n);
};
function lead(street: Street | null, name?: string): Lead {
  const hn = houseNumber();
  const streetName = name ?? street?.name ?? null;
  const digitFirst = streetName ? /^\d/.test(streetName) : false;
  return {
    houseNumber: hn,
    before: chance(0.25) ? `${pick(r, ['Số', 'số', 'Số nhà'])} ${hn}` : hn,
    street: streetName,
    streetPrefix: digitFirst ? 'đường ' : chance(0.15) ? pick(r, ['đường ', 'Đường ']) : '',
  };
}
const provincePart = (code: string): Part => {
  const p = provinces.get(code)!;
  return { type: p.type, name: p.name, show: chance(0.55) ? 'full' : 'bare' };
};
const legacyProvincePart = (w: { provinceType: string; province: string }): Part => ({
  type: w.provinceType,
  name: w.province,
  show: chance(0.6) ? 'full' : 'bare',
});

// ---------------------------------------------------------------- base forms
interface BaseOpts {
  /** 'nt': a Nha Trang street in the data; 'kh': elsewhere in Khánh Hòa; 'other': another province. */
  where: 'nt' | 'kh' | 'other';
  province?: string;
  /** Legacy forms: only wards of this pre-2025 province (short name). */
  oldProvince?: string;
  /** Legacy forms: only such wards (numbered wards for F10 / P.10 / Q3). */
  oldWard?: (w: LegacyWard) => boolean;
  streets?: Street[];
}
const poolFor = (o: BaseOpts) => o.streets ?? plainStreets;

function base2025(o: BaseOpts): Spec {
  let street: Street;
  let ward;
  if (o.where === 'nt') {
    street = pick(
      r,
      poolFor(o).filter((s) => s.wards.some((w) => nhaTrangSet.has(w))),
    );
    ward = wards.get(
      pick(
        r,
        street.wards.filter((w) => nhaTrangSet.has(w)),
      ),
    )!;
  } else {
    street = pick(r, poolFor(o));
    const pool = o.where === 'kh' ? khOutsideNhaTrang : o.province ? other2025.filter((w) => w.province === o.province) : other2025;
    ward = pick(r, pool);
  }
  return {
    era: '2025',
    lead: lead(street),
    parts: [{ type: ward.type, name: ward.name, show: chance(0.85) ? 'full' : 'bare' }, provincePart(ward.province)],
    province: ward.province,
    wards: [ward.code],
    allowed: [ward.code],
    street: o.where === 'other' ? null : street,
    streetName: street.name,
  };
}

function legacyParts(w: LegacyWard): Part[] {
  return [
    { type: w.wardType, name: w.ward, show: chance(0.85) ? 'full' : 'bare' },
    { type: w.districtType, name: w.district, show: chance(0.8) ? 'full' : 'bare' },
    legacyProvincePart(w),
  ];
}
function baseLegacy(o: BaseOpts): Spec {
  let street: Street;
  let old: LegacyWard;
  if (o.where === 'nt') {
    street = pick(
      r,
      poolFor(o).filter((s) => s.wards.some((w) => nhaTrangSet.has(w))),
    );
    const w = pick(
      r,
      street.wards.filter((c) => nhaTrangSet.has(c)),
    );
    old = pick(
      r,
      nhaTrang.wards.filter((x) => x.targets.includes(w)),
    );
  } else {
    street = pick(r, poolFor(o));
    const pool =
      o.where === 'kh'
        ? khLegacyOutsideNhaTrang
        : otherLegacy.filter(
            (w) =>
              (!o.province || w.newProvince === o.province) &&
              (!o.oldProvince || w.province === o.oldProvince) &&
              (!o.oldWard || o.oldWard(w)),
          );
    old = pick(r, pool);
  }
  const inData = o.where !== 'other' ? street : null;
  return {
    era: 'legacy',
    lead: lead(street),
    parts: legacyParts(old),
    province: old.newProvince,
    wards: underLocality(inData, old.targets),
    allowed: old.targets,
    street: inData,
    streetName: street.name,
  };
}

function baseOldCity(o: BaseOpts & { district?: LegacyDistrict }): Spec {
  let d: LegacyDistrict;
  let street: Street;
  if (o.where === 'nt') {
    d = nhaTrang;
    street = pick(
      r,
      poolFor(o).filter((s) => s.wards.some((w) => nhaTrangSet.has(w))),
    );
  } else {
    d = o.district ?? pick(r, o.where === 'kh' ? khDistricts : otherDistricts);
    street = pick(r, poolFor(o));
  }
  const alone = typableAlone(d) || d === nhaTrang;
  const parts: Part[] = [{ type: d.type, name: d.name, show: pick(r, ['bare', 'bare', 'full', 'abbr'] as const) }];
  if (!alone || chance(0.4)) parts.push(legacyProvincePart(d));
  const inData = o.where !== 'other' ? street : null;
  return {
    era: 'legacy',
    lead: lead(street),
    parts,
    province: d.newProvince,
    wards: underLocality(inData, d.targets),
    allowed: d.targets,
    street: inData,
    streetName: street.name,
  };
}

/** A base address for the noise forms: 2025, three-level legacy, or a Nha Trang street with the old city. */
function anyBase(): Spec {
  const where = pick(r, ['nt', 'nt', 'kh', 'other', 'other'] as const);
  const x = r();
  if (where === 'nt' && x < 0.2) return baseOldCity({ where });
  return x < 0.55 ? base2025({ where }) : baseLegacy({ where });
}

// ---------------------------------------------------------------- forms
const ALLEY_HN = ['01'];
const ALLEY_KIET = ['48', '46'];
function alleyLead(l: Lead, province: string): Lead {
  const a = int(r, 1, 120);
  const b = int(r, 2, 480);
  const c = int(r, 1, 60);
  const L = chance(0.3) ? pick(r, ['A', 'B', 'C']) : '';
  let hn: string;
  let before: string;
  if (ALLEY_HN.includes(province)) {
    const v = int(r, 0, 2);
    hn = String(a);
    before = v === 0 ? `Số ${a} ngõ ${b}` : v === 1 ? `Số ${a}, ngách ${c}, ngõ ${b}` : `${a} ngách ${c}/${b}`;
  } else if (ALLEY_KIET.includes(province)) {
    const v = int(r, 0, 2);
    hn = v === 0 ? `K${b}/${a}` : v === 1 ? `K${b}/${c}/${a}` : String(a);
    before = v === 2 ? `${a} kiệt ${b}` : hn;
  } else {
    const v = int(r, 0, 3);
    hn = v === 0 ? `${b}/${a}${L}` : v === 1 ? `${b}/${c}/${a}${L}` : String(a) + L;
    before = v === 2 ? `${pick(r, ['Số ', 'số ', ''])}${hn} hẻm ${b}` : v === 3 ? `${hn} ${pick(r, ['Hẻm', 'hẻm'])} ${b}/${c}` : hn;
  }
  return { ...l, houseNumber: hn, before, streetPrefix: ALLEY_HN.includes(province) && chance(0.3) ? 'phố ' : l.streetPrefix };
}

const HAMLET_NAMES = [
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Trung',
  'Phú Thạnh',
  'Tân An',
  'Xuân Lạc',
  'Hòa Bình',
  'Phước Lương',
  'Vĩnh Xuân',
  'Đông Hòa',
  'Tân Phú',
  'Mỹ Thạnh',
];
function hamletPart(province: string, wardType: string): Part {
  const south = Number(province) >= 75;
  const n = String(int(r, 1, 15));
  if (wardType === 'Phường') {
    const t = pick(r, ['Tổ dân phố', 'Khu phố', 'Tổ', 'TDP', 'KP'] as const);
    return { type: t, name: n, show: 'full' };
  }
  const t = south ? pick(r, ['Ấp', 'ấp', 'Ấp']) : pick(r, ['Thôn', 'thôn', 'Xóm', 'Thôn']);
  return { type: t, name: chance(0.5) ? n : pick(r, HAMLET_NAMES), show: 'full' };
}

const NICK_HCM = ['HCM', 'TPHCM', 'TP.HCM', 'TP HCM', 'Tp.HCM', 'SG', 'Sài Gòn'];
const NICK_HN = ['HN', 'TPHN', 'TP.HN', 'Tp HN'];
const NICK_BMT = ['BMT', 'TP BMT', 'Tp.BMT', 'TP. BMT'];
const NICK_PRTC = ['PR-TC', 'PRTC', 'Phan Rang', 'TP PR-TC', 'Phan Rang-Tháp Chàm', 'PR - TC', 'Tp. PR-TC'];
const BMT = legacyDistricts.get('Tỉnh Đắk Lắk|Thành phố Buôn Ma Thuột')!;
const PRTC = legacyDistricts.get('Tỉnh Ninh Thuận|Thành phố Phan Rang - Tháp Chàm')!;

function nickname(): Spec {
  const k = int(r, 0, 3);
  if (k <= 1) {
    const province = k === 0 ? '79' : '01';
    const oldProvince = k === 0 ? 'Hồ Chí Minh' : 'Hà Nội';
    const s = chance(0.5) ? base2025({ where: 'other', province }) : baseLegacy({ where: 'other', province, oldProvince });
    s.parts[s.parts.length - 1] = { type: '', name: '', show: 'raw', raw: pick(r, k === 0 ? NICK_HCM : NICK_HN) };
    return s;
  }
  const d = k === 2 ? BMT : PRTC;
  const nick = pick(r, k === 2 ? NICK_BMT : NICK_PRTC);
  const street = pick(r, plainStreets);
  const inData = d.newProvince === KH ? street : null;
  const parts: Part[] = [];
  let locality = d.targets;
  if (chance(0.4)) {
    const old = pick(r, d.wards);
    parts.push({ type: old.wardType, name: old.ward, show: pick(r, ['full', 'abbr'] as const) });
    locality = old.targets;
  }
  parts.push({ type: '', name: '', show: 'raw', raw: nick });
  if (chance(0.3)) parts.push(legacyProvincePart(d));
  return {
    era: 'legacy',
    lead: lead(street),
    parts,
    province: d.newProvince,
    wards: underLocality(inData, locality),
    allowed: locality,
    street: inData,
    streetName: street.name,
  };
}

function twoHop(): Spec | null {
  const kh = twoHops.filter((t) => t.into.newProvince === KH);
  const t = chance(0.35) ? pick(r, kh) : pick(r, twoHops);
  const inNhaTrang = nhaTrang.wards.includes(t.into);
  const street = inNhaTrang
    ? pick(r, plainStreets.filter((s) => s.wards.some((w) => t.into.targets.includes(w))).concat(plainStreets))
    : pick(r, plainStreets);
  const inData = t.into.newProvince === KH ? street : null;
  const parts = legacyParts(t.into);
  parts[0] = { type: '', name: '', show: 'raw', raw: t.aliasText };
  return {
    era: 'legacy',
    lead: lead(street),
    parts,
    province: t.into.newProvince,
    wards: underLocality(inData, t.into.targets),
    allowed: t.into.targets,
    street: inData,
    streetName: street.name,
  };
}

function streetNamedLikeWard(): Spec {
  const st = chance(0.5) ? pick(r, FAMOUS) : pick(r, wardLikeStreets);
  const k = r();
  if (k < 0.5) {
    const x = r();
    const o = { where: 'nt' as const, streets: [st] };
    if (!st.wards.some((w) => nhaTrangSet.has(w))) return base2025({ where: 'kh', streets: [st] });
    return x < 0.5 ? baseOldCity(o) : x < 0.75 ? base2025(o) : baseLegacy(o);
  }
  if (k < 0.75) {
    const d = pick(r, [
      PRTC,
      legacyDistricts.get('Tỉnh Khánh Hòa|Thành phố Cam Ranh')!,
      legacyDistricts.get('Tỉnh Khánh Hòa|Thị xã Ninh Hòa')!,
    ]);
    return baseOldCity({ where: 'kh', district: d, streets: [st] });
  }
  // another province that has no ward of that name
  const provinceCodes = [...provinces.keys()].filter((p) => p !== KH && !wardProvincesByName.get(fold(st.name))?.has(p));
  const province = pick(r, provinceCodes);
  return chance(0.5) ? base2025({ where: 'other', province, streets: [st] }) : baseLegacy({ where: 'other', province, streets: [st] });
}

/** The text with every type word written out, before any noise. */
const cleanText = (s: Spec): string => render({ ...s, parts: s.parts.map((p) => ({ ...p, show: p.show === 'raw' ? 'raw' : 'full' })) });

const acceptName = (orig: string) => (s: string) => fold(s) !== fold(orig) && !knownNames.has(fold(s));

/** Applies a form to a fresh spec; returns the text, or null to draw again. */
function make(form: Form): { spec: Spec; text: string; clean?: string } | null {
  let spec: Spec;
  const modern = chance(0.5);
  let clean: string | undefined;
  const finish = (t: string) => ({ spec, text: tonePlacement(t, modern), clean });
  switch (form) {
    case 'ward-2025':
      spec = base2025({ where: pick(r, ['nt', 'nt', 'kh', 'other', 'other'] as const) });
      return finish(render(spec));
    case 'legacy-3-level':
      spec = baseLegacy({ where: pick(r, ['nt', 'nt', 'kh', 'other', 'other'] as const) });
      return finish(render(spec));
    case 'old-city-only':
      spec = baseOldCity({ where: pick(r, ['nt', 'nt', 'kh', 'other'] as const) });
      return finish(render(spec));
    case 'alley': {
      const x = r();
      const province = x < 0.25 ? '01' : x < 0.45 ? pick(r, ALLEY_KIET) : undefined;
      const where = province ? 'other' : pick(r, ['nt', 'nt', 'other'] as const);
      const o = { where, province: province ?? (where === 'other' ? '79' : undefined) } as BaseOpts;
      spec = chance(0.5) ? base2025(o) : baseLegacy(o);
      spec.lead = alleyLead(spec.lead!, spec.province);
      return finish(render(spec));
    }
    case 'hamlet': {
      spec = chance(0.5)
        ? base2025({ where: pick(r, ['kh', 'other'] as const) })
        : baseLegacy({ where: pick(r, ['kh', 'other'] as const) });
      const wardType = spec.parts[0]!.type;
      spec.hamlet = hamletPart(spec.province, wardType);
      if (chance(0.4)) spec.lead = { houseNumber: String(int(r, 1, 150)), before: '', street: null, streetPrefix: '' };
      else spec.lead = null;
      if (spec.lead) spec.lead.before = chance(0.5) ? `Số ${spec.lead.houseNumber}` : spec.lead.houseNumber!;
      spec.street = null;
      spec.streetName = null;
      spec.wards = spec.allowed.slice();
      return finish(render(spec));
    }
    case 'no-diacritics':
      spec = anyBase();
      return finish(unaccent(render(spec)));
    case 'abbreviations': {
      // a quarter in Hồ Chí Minh City's numbered wards and districts: F10, P.10, Q3
      spec = chance(0.25)
        ? baseLegacy({ where: 'other', province: '79', oldProvince: 'Hồ Chí Minh', oldWard: (w) => /^\d+$/.test(w.ward) })
        : anyBase();
      const typed = spec.parts.filter((p) => p.type && p.show !== 'raw');
      for (const p of typed) p.show = 'abbr';
      if (typed.length > 2 && chance(0.3)) typed[typed.length - 1]!.show = 'bare';
      return finish(render(spec));
    }
    case 'glued-type-words': {
      spec = anyBase();
      const typed = spec.parts.filter((p) => p.type && p.show !== 'raw');
      for (const p of typed) if (chance(0.6)) p.show = 'glued';
      if (!typed.some((p) => p.show === 'glued')) typed[0]!.show = 'glued';
      return finish(render(spec));
    }
    case 'telex':
    case 'vni':
      spec = anyBase();
      return finish(keystrokes(tonePlacement(render(spec), modern), form, chance(0.4)));
    case 'typo':
    case 'doubled-letters': {
      spec = anyBase();
      clean = cleanText(spec);
      const names = spec.parts.filter((p) => p.show !== 'raw' && !/^\d+$/.test(p.name));
      const targets = names.filter(() => chance(0.5));
      if (!targets.length) targets.push(pick(r, names));
      for (const p of targets) {
        const t = form === 'typo' ? typo(r, p.name, acceptName(p.name)) : doubled(r, p.name, acceptName(p.name));
        if (!t) return null;
        p.name = t;
      }
      if (form === 'typo' && spec.lead?.street && chance(0.3)) {
        const t = typo(r, spec.lead.street, acceptName(spec.lead.street));
        if (t) spec.lead.street = t;
      }
      return finish(render(spec));
    }
    case 'nickname':
      spec = nickname();
      return finish(render(spec));
    case 'no-locality': {
      const street = pick(r, plainStreets);
      spec = {
        era: '2025',
        lead: lead(street),
        parts: chance(0.2) ? [provincePart(KH)] : [],
        province: KH,
        wards: street.wards,
        allowed: street.wards,
        street,
        streetName: street.name,
      };
      return finish(render(spec));
    }
    case 'street-named-like-ward':
      spec = streetNamedLikeWard();
      return finish(render(spec));
    case 'legacy-two-hop': {
      const s = twoHop();
      if (!s) return null;
      spec = s;
      return { spec, text: unaccent(render(spec)) };
    }
    case 'no-commas': {
      // one line with no commas: number (often with số/so), street, old or new ward, old city,
      // province, type words mostly left out, half of them without diacritics
      const nt = chance(0.5);
      spec = nt ? baseLegacy({ where: 'nt' }) : anyBase();
      if (spec.lead && chance(0.5)) spec.lead.before = `${pick(r, ['so', 'số', 'Số', 'So', 'số nhà', 'sn'])} ${spec.lead.houseNumber}`;
      for (const p of spec.parts) if (p.show !== 'raw' && chance(0.7)) p.show = 'bare';
      if (nt && chance(0.5)) spec.parts.pop(); // "… Lộc Thọ Nha Trang": the old city is enough
      const t = render(spec).replace(/,\s*/g, ' ');
      return finish(chance(0.5) ? unaccent(t) : t);
    }
  }
}

const COUNTS: Record<Form, number> = {
  'ward-2025': 200,
  'legacy-3-level': 200,
  'old-city-only': 150,
  alley: 150,
  hamlet: 120,
  'no-diacritics': 150,
  abbreviations: 150,
  'glued-type-words': 100,
  telex: 120,
  vni: 100,
  typo: 150,
  'doubled-letters': 100,
  nickname: 100,
  'no-locality': 80,
  'street-named-like-ward': 100,
  'legacy-two-hop': 60,
  'no-commas': 120,
};

/** Builds the whole set: every form, deduplicated by text, split 75 / 25 within each form. */
export function generate(): { dev: Row[]; unseen: Row[] } {
  const dev: Row[] = [];
  const unseen: Row[] = [];
  const seen = new Set<string>();
  for (const form of FORMS) {
    const rows: Row[] = [];
    let guard = 0;
    while (rows.length < COUNTS[form] && guard++ < COUNTS[form] * 20) {
      const m = make(form);
      if (!m) continue;
      const text = m.text.normalize('NFC').replace(/\s+/g, ' ').trim();
      if (seen.has(text)) continue;
      seen.add(text);
      const s = m.spec;
      rows.push({
        id: '',
        form,
        text,
        clean: m.clean ?? cleanText(s),
        era: s.era,
        region: s.province === KH ? 'khanhhoa' : 'other',
        province: s.province,
        wards: [...new Set(s.wards)].sort(),
        allowed: [...new Set(s.allowed)].sort(),
        houseNumber: s.lead?.houseNumber ?? null,
        street: s.streetName,
        streetInData: s.street !== null,
      });
    }
    // a stratified split: shuffle within the form, the first quarter is held out
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    rows.forEach((row, i) => {
      const held = !DEV_ONLY.has(form) && i < Math.round(rows.length / 4);
      row.id = `${form}-${String(i + 1).padStart(3, '0')}`;
      (held ? unseen : dev).push(row);
    });
  }
  return { dev, unseen };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { dev, unseen } = generate();
  const dir = new URL('./', import.meta.url);
  const jsonl = (rows: Row[]) => rows.map((x) => JSON.stringify(x)).join('\n') + '\n';
  if (process.argv.includes('--check')) {
    // the committed files are what this code makes from its seed
    const stale = (['dev', 'unseen'] as const).filter(
      (name) => readFileSync(new URL(`${name}.jsonl`, dir), 'utf8') !== jsonl(name === 'dev' ? dev : unseen),
    );
    if (stale.length) {
      console.error(`${stale.join(', ')}.jsonl differ from what generate.ts makes; run node --import tsx bench/address/generate.ts`);
      process.exit(1);
    }
    console.log('dev.jsonl and unseen.jsonl are up to date');
    process.exit(0);
  }
  writeFileSync(new URL('dev.jsonl', dir), jsonl(dev));
  writeFileSync(new URL('unseen.jsonl', dir), jsonl(unseen));
  const open = [...dev, ...unseen].filter((x) => x.wards.length > 1).length;
  console.log(`dev ${dev.length}, unseen ${unseen.length} (seed ${SEED}); open places ${open}`);
}
