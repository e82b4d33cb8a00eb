// The whole-address resolver: a typed address is read into components, then resolved top-down,
// each component restricted by the ones above it (province → pre-2025 city/district → ward →
// street). It never answers outside what the text names. See docs/decisions/0005-resolver.md.
import { nameKey, squashKey, type Gazetteer, type LegacyWard } from './gazetteer.js';
import type { ConversionCandidate } from './legacy.js';
import { canonicalSpelling, PROVINCE_ALIASES, toNfc, type UnitType } from './normalize.js';
import { parseAddress, type AddressComponent, type ComponentName, type ParsedAddress, type Unrecognized } from './parse.js';
import { AdminRegistry, type Ward } from './registry.js';
import { streetKey, type StreetDirectory, type StreetPlace } from './streets.js';
import { prepareText, withinOneEdit } from './noisy.js';
import type { Citation, LatLon, LegacyInfo } from './types.js';
import { RESOLVE_WEIGHTS } from './weights.js';

/** How a component of the address was established. */
export type ComponentVerdictKind = 'confirmed' | 'confirmed-by-context' | 'spelling-corrected' | 'inferred' | 'unconfirmed' | 'replaced';

/** The verdict on one component of an address. */
export interface ComponentVerdict {
  /** The component. */
  readonly component: ComponentName;
  /** What the user typed for it, if anything. */
  readonly text?: string;
  /** The value in the 2025 address, if one was established. */
  readonly value?: string;
  /** How it was established. */
  readonly verdict: ComponentVerdictKind;
  /** For `replaced`: the legal basis of the change, where known. */
  readonly citation?: Citation;
  /** Explanation in Vietnamese. */
  readonly vi: string;
  /** Explanation in English. */
  readonly en: string;
}

/** How precisely an address was established: a house, a street, a ward, a province, or less. */
export type Granularity = 'premise' | 'route' | 'ward' | 'province' | 'other';

/** One 2025 place the address may be in. */
export interface ResolvedCandidate extends ConversionCandidate {
  /** A point for it: on the street inside the ward when the street is known, else the ward's point. */
  readonly location?: LatLon;
  /** The street of the data the address is on, when it was found there. */
  readonly street?: { readonly id: string; readonly name: string };
}

/** The answer of {@link resolveAddress}. */
export interface Resolution {
  /** The text as given. */
  readonly input: string;
  /** The text as read (type words split from names, Telex decoded, nicknames expanded). */
  readonly text: string;
  /** The components as finally read (a unit name that is a street of the locality is the street). */
  readonly parsed: ParsedAddress;
  /** Every 2025 place within the constraint the text gives, best first. Several = open. */
  readonly candidates: readonly ResolvedCandidate[];
  /** The 2025 province codes the text restricts to (empty: none named). */
  readonly provinces: readonly string[];
  /** The 2025 ward codes the typed locality restricts to: the typed ward's, else the old city's/district's (empty: none). */
  readonly scopeWards: readonly string[];
  /** Whether the text named a province or a locality at all. */
  readonly constrained: boolean;
  /** The street of the data, when found within the constraint. */
  readonly street?: StreetPlace;
  /** Per-component verdicts. */
  readonly components: readonly ComponentVerdict[];
  /** How precisely the place was established. */
  readonly granularity: Granularity;
  /**
   * The 2025 ward code the text most likely means when several candidates remain: a bare name
   * that is both a pre-2025 district and the one 2025 ward of that name inside it (`Quốc Oai`,
   * `Cư Jút`) is that ward; the district's other wards stay candidates after it. It is then the
   * first candidate, and the ward's verdict is `unconfirmed`. See docs/decisions/0013.
   */
  readonly preferred?: string;
}

/** The region the text restricts to: province codes and, below them, 2025 ward codes. */
interface Scope {
  provinces?: ReadonlySet<string>;
  wards?: ReadonlySet<string>;
  /** Pre-2025 district codes named. */
  districts?: ReadonlySet<string>;
  /** How the locality was read: the typed pre-2025 city/district's name. */
  districtName?: string;
  /** The province typed is a pre-2025 one that is no 2025 province (Ninh Thuận, Quảng Nam). */
  oldProvince?: boolean;
  /** Its pre-2025 province codes: old districts and wards are read within it (Huyện Châu Thành, Bến Tre is not Trà Vinh's). */
  oldProvinces?: ReadonlySet<string>;
}

const PILOT_PROVINCE = '56';

/** Nicknames of pre-2025 cities people still type (folded, no spaces) → the district's key. */
const DISTRICT_NICKNAMES: Readonly<Record<string, string>> = {
  bmt: 'buon ma thuot',
  prtc: 'phan rang thap cham',
  'phan rang': 'phan rang thap cham',
  'thap cham': 'phan rang thap cham',
  'sai gon': 'ho chi minh',
};

const districtWardsCache = new WeakMap<Gazetteer, Map<string, Set<string>>>();
/** 2025 ward codes each pre-2025 district's wards went to. */
function districtWards(g: Gazetteer): Map<string, Set<string>> {
  let m = districtWardsCache.get(g);
  if (!m) {
    m = new Map();
    for (const lw of g.legacyWards.values()) {
      let s = m.get(lw.districtCode);
      if (!s) m.set(lw.districtCode, (s = new Set()));
      for (const t of lw.targets) s.add(t.wardCode);
    }
    districtWardsCache.set(g, m);
  }
  return m;
}

const provinceKeyOf = (key: string) => PROVINCE_ALIASES[key.replace(/ /g, '')] ?? DISTRICT_NICKNAMES[key] ?? key;

/** Stage 1: the province named, as 2025 province codes. */
function readProvince(c: AddressComponent | undefined, g: Gazetteer): Scope | undefined {
  if (!c?.key) return undefined;
  let key = provinceKeyOf(c.key);
  if (!g.isProvince(key)) key = nearKey(key, [...g.provincesByKey.keys(), ...g.legacyProvincesByKey.keys()]) ?? key;
  const codes = g.provinceCodesFor(key);
  if (!codes.length) return undefined;
  if (g.provincesByKey.has(key)) return { provinces: new Set(codes) };
  const old = new Set((g.legacyProvincesByKey.get(key) ?? []).map((p) => p.code));
  return { provinces: new Set(codes), oldProvince: true, ...(old.size ? { oldProvinces: old } : {}) };
}

/** The pre-2025 districts a key names, within the provinces (if any). */
function districtsFor(key: string, text: string, g: Gazetteer, provinces?: ReadonlySet<string>, old?: ReadonlySet<string>): string[] {
  const k = DISTRICT_NICKNAMES[key] ?? key;
  const list = g.legacyDistrictsByKey.get(k) ?? g.legacyDistrictsByKey.get(squashKey(text)) ?? [];
  return list
    .filter((d) => !provinces || (g.legacyProvinces.get(d.provinceCode)?.newProvinceCodes ?? []).some((p) => provinces.has(p)))
    .filter((d) => !old || old.has(d.provinceCode))
    .map((d) => d.code);
}

/** Stage 2: the pre-2025 city/district named, as the set of 2025 wards its wards went to. */
function readDistrict(key: string, text: string, g: Gazetteer, scope: Scope): Scope | undefined {
  const codes = districtsFor(key, text, g, scope.provinces, scope.oldProvinces);
  if (!codes.length) return undefined;
  const all = districtWards(g);
  const wards = new Set<string>();
  for (const d of codes) for (const w of all.get(d) ?? []) wards.add(w);
  const name = g.legacyDistricts.get(codes[0]!)?.fullName;
  return { ...scope, wards, districts: new Set(codes), ...(name ? { districtName: name } : {}) };
}

const inScope = (g: Gazetteer, scope: Scope, wardCode: string) => {
  if (scope.wards && !scope.wards.has(wardCode)) return false;
  if (scope.provinces && !scope.provinces.has(g.registry.ward(wardCode)?.provinceCode ?? '')) return false;
  return true;
};

function cite(g: Gazetteer, clause: number): Citation | undefined {
  return clause && g.citation
    ? { document: g.citation.document, article: g.citation.article, clause, text: g.citation.clauses[String(clause)] ?? '' }
    : undefined;
}

/** A candidate for a 2025 ward (code), with the pre-2025 ward it came from if any. */
function candidate(g: Gazetteer, code: string, confidence: number, from?: LegacyWard): ResolvedCandidate | undefined {
  const w = g.registry.ward(code);
  const p = w && g.registry.province(w.provinceCode);
  if (!w || !p) return undefined;
  const base = { ward: AdminRegistry.wardRef(w), province: AdminRegistry.provinceRef(p), confidence };
  const loc = w.centroid ? { location: w.centroid } : {};
  if (!from) return { ...base, era: '2025', ...loc };
  const t = from.targets.find((x) => x.wardCode === code);
  const citation = cite(g, t?.clause ?? 0);
  const ld = g.legacyDistricts.get(from.districtCode);
  const legacy: LegacyInfo = {
    ward: { code: from.code, name: from.fullName },
    ...(ld ? { district: { code: ld.code, name: ld.fullName } } : {}),
    province: { code: from.provinceCode, name: g.legacyProvinces.get(from.provinceCode)?.fullName ?? '' },
    split: from.targets.length > 1,
    ...(citation ? { citation } : {}),
  };
  return { ...base, era: 'legacy', legacy, ...(citation ? { citation } : {}), ...loc };
}

const TYPE_OF: Readonly<Record<string, string>> = { phuong: 'Phường', xa: 'Xã', 'thi-tran': 'Thị trấn', 'dac-khu': 'Đặc khu' };

/** Stage 3: the ward named (2025, or pre-2025 one or two hops back), within the scope. */
function readWard(c: AddressComponent, g: Gazetteer, scope: Scope): ResolvedCandidate[] {
  const key = c.key ?? nameKey(c.value);
  const want = c.unitType ? TYPE_OF[c.unitType] : undefined;
  const out: ResolvedCandidate[] = [];
  // 2025 wards of that name (a district named means the text is pre-2025: its old wards first).
  let current: Ward[] = (g.wardsByKey.get(key) ?? []).filter((w) => inScope(g, scope, w.code));
  // Pre-2025 wards of that name or formerly of that name (mergers 2019–2024: the second hop).
  const found = new Map<string, LegacyWard>();
  for (const lw of g.legacyWardsByKey.get(key) ?? []) found.set(lw.code, lw);
  for (const k of new Set([squashKey(c.text), squashKey(c.value), key.replace(/ /g, '')]))
    for (const lw of g.legacyAliases.get(k) ?? []) found.set(lw.code, lw);
  let legacy = [...found.values()].filter(
    (lw) =>
      (!scope.oldProvinces || scope.oldProvinces.has(lw.provinceCode)) &&
      (scope.districts ? scope.districts.has(lw.districtCode) : lw.targets.some((t) => inScope(g, scope, t.wardCode))),
  );
  // The type typed (Phường, Xã) picks among names of either era: "Phường Vĩnh Hải" is the old
  // ward of Nha Trang, not the 2025 Xã Vĩnh Hải.
  const typeOk = (w: { type: string }) => w.type === want;
  if (want && (current.some(typeOk) || legacy.some(typeOk))) [current, legacy] = [current.filter(typeOk), legacy.filter(typeOk)];
  // Names that share a key (Ba Tơ, Ba Tô): the one spelled as typed, when it was typed with
  // its diacritics.
  const spelled = typedName(c.text);
  if (spelled) {
    const cur = current.filter((w) => sameSpelling(spelled, canonicalSpelling(bareName(w.name))));
    const old = legacy.filter((w) => sameSpelling(spelled, canonicalSpelling(w.name)));
    if (cur.length || old.length) [current, legacy] = [cur, old];
  }
  // A 2025 ward's name typed with no old district and no old province is that 2025 ward, not
  // also the pre-2025 wards of that name elsewhere in the province (Xã Trung Sơn, Phú Thọ).
  // With no province or place typed, the pre-2025 wards of that name stay candidates: the street
  // typed decides ("30 Nguyễn Thị Minh Khai, P Tân Lập" is Nha Trang's old ward, where that
  // street is, not Đắk Lắk's 2025 Phường Tân Lập).
  const placeTyped = !!(scope.provinces || scope.wards);
  if (current.length && placeTyped && !scope.districts && !scope.oldProvince && (!want || current.some((w) => w.type === want)))
    legacy = [];
  const constrained = !!(scope.provinces || scope.wards);
  const W = RESOLVE_WEIGHTS;
  const conf = scope.districts ? W.wardInDistrict : constrained ? W.wardInPlace : W.wardAnywhere;
  for (const lw of legacy)
    for (const t of lw.targets) {
      const x = candidate(g, t.wardCode, scope.districts ? W.wardInDistrict : constrained ? W.legacyWardInPlace : W.legacyWardAnywhere, lw);
      if (x) out.push(x);
    }
  if (!scope.districts || legacy.length === 0)
    for (const w of current) {
      const x = candidate(g, w.code, conf);
      if (x) out.push(x);
    }
  return out;
}

/** Stage 4: the street, as the wards it passes through within the scope (and the typed ward). */
function readStreet(text: string, streets: StreetDirectory | undefined, g: Gazetteer, scope: Scope, fuzzy = true): StreetPlace | undefined {
  if (!streets) return undefined;
  const here = (s: StreetPlace) => s.wards.some((w) => inScope(g, scope, w.code));
  for (const s of streets.find(text)) if (here(s)) return s;
  if (!fuzzy) return undefined;
  // One letter wrong, missing, doubled or swapped, when only one street of the place is that close.
  const near = nearKey(
    streetKey(text),
    streets.streets.filter(here).map((s) => s.key),
  );
  return near ? streets.find(near).find(here) : undefined;
}

/** Whether the data has streets in the place (Nha Trang's): a name it lacks there is no street. */
function streetsKnownIn(streets: StreetDirectory | undefined, g: Gazetteer, scope: Scope): boolean {
  return !!streets?.streets.some((s) => s.wards.some((w) => inScope(g, scope, w.code)));
}

/** The one key of `keys` within one edit of `key` (a key of at least 4 letters), if exactly one is. */
function nearKey(key: string, keys: Iterable<string>): string | undefined {
  if (key.replace(/ /g, '').length < 4) return undefined;
  let hit: string | undefined;
  for (const k of keys) {
    if (k === hit || Math.abs(k.length - key.length) > 1 || !withinOneEdit(key, k)) continue;
    if (hit !== undefined) return undefined;
    hit = k;
  }
  return hit;
}

const provinceKeysCache = new WeakMap<Gazetteer, Map<string, string[]>>();
/** Ward names (2025 and pre-2025) of one 2025 province, built on first use per province. */
function provinceWardKeys(g: Gazetteer, province: string): string[] {
  let m = provinceKeysCache.get(g);
  if (!m) provinceKeysCache.set(g, (m = new Map()));
  let keys = m.get(province);
  if (!keys) {
    const set = new Set<string>();
    for (const [k, ws] of g.wardsByKey) if (ws.some((w) => w.provinceCode === province)) set.add(k);
    for (const [k, ls] of g.legacyWardsByKey)
      if (ls.some((l) => l.targets.some((t) => g.registry.ward(t.wardCode)?.provinceCode === province))) set.add(k);
    m.set(province, (keys = [...set]));
  }
  return keys;
}

const districtWardsOf = new WeakMap<Gazetteer, Map<string, LegacyWard[]>>();
const districtKeysCache = new WeakMap<Gazetteer, Map<string, string[]>>();
/** The names of the pre-2025 wards of a pre-2025 district (wards grouped once; names per district on first use). */
function legacyWardKeysOf(g: Gazetteer, district: string): readonly string[] {
  let byDistrict = districtWardsOf.get(g);
  if (!byDistrict) {
    byDistrict = new Map();
    for (const l of g.legacyWards.values()) {
      let list = byDistrict.get(l.districtCode);
      if (!list) byDistrict.set(l.districtCode, (list = []));
      list.push(l);
    }
    districtWardsOf.set(g, byDistrict);
  }
  let m = districtKeysCache.get(g);
  if (!m) districtKeysCache.set(g, (m = new Map()));
  let keys = m.get(district);
  if (!keys) m.set(district, (keys = (byDistrict.get(district) ?? []).map((l) => nameKey(l.name))));
  return keys;
}

const scopeKeysCache = new WeakMap<Scope, string[]>();
/** Ward names (2025 and pre-2025) of the place, for one-edit matching within the constraint. */
function wardKeysIn(g: Gazetteer, scope: Scope): string[] {
  let keys = scopeKeysCache.get(scope);
  if (keys) return keys;
  if (scope.districts) {
    const out = new Set<string>();
    for (const d of scope.districts) for (const k of legacyWardKeysOf(g, d)) out.add(k);
    for (const code of scope.wards ?? []) {
      const w = g.registry.ward(code);
      if (w) out.add(nameKey(w.name));
    }
    keys = [...out];
  } else keys = [...(scope.provinces ?? [])].flatMap((p) => provinceWardKeys(g, p));
  scopeKeysCache.set(scope, keys);
  return keys;
}

const UNIT_WORD = /^(?:(phuong|xa|thi tran)|p|x|tt|f)\s+/;

/** See the call in {@link resolveAddress}: a ward read from what the parser left unread. */
function readLocality(p: ParsedAddress, g: Gazetteer, scope: Scope): { parsed: ParsedAddress; cands: ResolvedCandidate[] } | undefined {
  const c = p.components;
  const spans: { start: number; end: number; drop?: Unrecognized; numbered?: boolean }[] = [];
  if (c.ward) {
    const u = p.unrecognized.find((x) => sameSegment(p, c.ward!, x));
    // A ward's own name may hold a number ("Phường 2 Bảo Lộc"); elsewhere a number is no ward's.
    if (u) spans.push({ start: c.ward.start, end: u.end, drop: u, numbered: true });
  }
  if (c.district && !c.district.unitType && !scope.districts) spans.push({ start: c.district.start, end: c.district.end });
  for (const u of p.unrecognized)
    if (!/[,;|\n]/.test(u.text) && /^\s*$|[,;|\n]\s*$/.test(p.input.slice(0, u.start)) && /^\s*(?:$|[,;|\n])/.test(p.input.slice(u.end)))
      spans.push({ start: u.start, end: u.end, drop: u });
  for (const sp of spans) {
    const text = p.input.slice(sp.start, sp.end).trim();
    const folded = nameKey(text);
    const type = UNIT_WORD.exec(folded);
    const key = folded.replace(UNIT_WORD, '');
    if (/\d/.test(key) && !sp.numbered) continue;
    const unitType = type?.[1] ? (type[1].replace(' ', '-') as UnitType) : undefined;
    const read = (k: string) => {
      const w: AddressComponent = {
        text,
        value: text,
        key: k,
        start: sp.start,
        end: sp.end,
        confidence: RESOLVE_WEIGHTS.rereadWard,
        ...(unitType ? { unitType } : {}),
      };
      return { w, cands: readWard(w, g, scope) };
    };
    let { w: ward, cands } = read(key);
    const near = cands.length ? undefined : nearKey(key, wardKeysIn(g, scope));
    if (near) ({ w: ward, cands } = read(near));
    if (!cands.length) continue;
    const comps = { ...c, ward };
    if (c.district && c.district.start === sp.start) delete comps.district;
    return { parsed: { ...p, components: comps, unrecognized: p.unrecognized.filter((x) => x !== sp.drop) }, cands };
  }
  return undefined;
}

/** The keys of the pre-2025 districts of some 2025 provinces. */
function districtKeysIn(g: Gazetteer, provinces: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [k, ds] of g.legacyDistrictsByKey)
    if (ds.some((d) => (g.legacyProvinces.get(d.provinceCode)?.newProvinceCodes ?? []).some((p) => provinces.has(p)))) out.push(k);
  return out;
}

/** A copy of the parse with `ward` (or `district`) read as the street instead. */
function asStreet(p: ParsedAddress, from: 'ward' | 'district'): ParsedAddress {
  const c = { ...p.components };
  const u = c[from]!;
  delete c[from];
  c.street = {
    text: u.text,
    value: u.value.replace(/^(Phường|Xã|Thị trấn|Quận|Huyện|Thị xã)\s+/u, ''),
    start: u.start,
    end: u.end,
    confidence: RESOLVE_WEIGHTS.rereadStreet,
  };
  return { ...p, components: c };
}

/** Whether `a` ends right before `b` in the same comma-separated part. */
function sameSegment(p: ParsedAddress, a: { end: number }, b: { start: number }): boolean {
  return a.end <= b.start && !/[,;|\n]/.test(p.input.slice(a.end, b.start));
}

/** A copy of the parse with the street running on over the ward's words. */
function joinStreet(
  p: ParsedAddress,
  street: AddressComponent,
  ward: AddressComponent,
  from: 'ward' | 'district' | 'province' = 'ward',
): ParsedAddress {
  const c = { ...p.components };
  delete c[from];
  const text = p.input.slice(street.start, ward.end);
  c.street = { text, value: `${street.value} ${ward.text}`, start: street.start, end: ward.end, confidence: RESOLVE_WEIGHTS.rereadStreet };
  return { ...p, components: c };
}

/** Whether a house number comes right before the component, in the same comma-separated part. */
function numberBefore(p: ParsedAddress, c: AddressComponent): boolean {
  const h = p.components.houseNumber;
  return !!h && h.end <= c.start && !/[,;|\n]/.test(p.input.slice(h.end, c.start));
}

/** Whether an alley (`ngõ 3`) comes right before the component (a comma between or not: a lane is a street's). */
function alleyBefore(p: ParsedAddress, c: AddressComponent): boolean {
  const a = p.components.alley;
  return !!a && a.end <= c.start && /^[\s,;|]*$/.test(p.input.slice(a.end, c.start));
}

/** Whether the component is the leftmost unit of the text (nothing but a number/alley before it). */
function leftmost(p: ParsedAddress, c: AddressComponent): boolean {
  const { houseNumber: _h, alley: _a, ...rest } = p.components;
  return Object.values(rest).every((x) => x === c || x!.start >= c.end);
}

/**
 * Resolves a whole address typed in one go: house number (with alley forms), street, hamlet,
 * ward (2025 or pre-2025), pre-2025 city/district, province. Each component is read within the
 * constraint of those above it; a street is placed in the 2025 wards it passes through. Several
 * candidates mean the place is open; none is chosen silently.
 *
 * @param input - The address as typed.
 * @param g - The gazetteer (with the legacy part).
 * @param streets - The streets of the data, if loaded.
 * @returns The candidates, the verdict per component and the granularity.
 * @example
 * ```ts
 * resolveAddress('12 Trần Phú, Nha Trang', g, streets).candidates[0]?.ward.name; // 'Phường Nha Trang'
 * ```
 */
export function resolveAddress(input: string, g: Gazetteer, streets?: StreetDirectory): Resolution {
  const raw = typeof input === 'string' ? input.slice(0, 1024) : '';
  const text = prepareText(raw, g, streets);
  let parsed = parseAddress(text, g);
  let c = parsed.components;

  // ---- "131 Phước Huệ": an unmarked province or district name typed right after the street
  // that ends the name of a street of the data is the end of the street's name
  for (const from of ['province', 'district'] as const) {
    const u = c[from];
    if (!u || u.unitType || !c.street || parsed.input.slice(c.street.end, u.start).trim() !== '') continue;
    if (!streets?.find(`${c.street.value} ${u.text}`).length) continue;
    parsed = joinStreet(parsed, c.street, u, from);
    c = parsed.components;
  }

  // ---- province, then the pre-2025 city/district
  const provinceScope = readProvince(c.province, g);
  let scope: Scope = provinceScope ?? {};
  if (c.province && !provinceScope) return finish(raw, text, parsed, scope, [], undefined, g);
  if (c.district?.key) {
    let d = readDistrict(c.district.key, c.district.text, g, scope);
    // "Huyện Vĩunh Lộc, Thanh Hóa": one slip from a pre-2025 district of the province typed.
    const near = !d && scope.provinces ? nearKey(c.district.key, districtKeysIn(g, scope.provinces)) : undefined;
    if (near) d = readDistrict(near, near, g, scope);
    if (d) scope = d;
    else if (!c.street && leftmost(parsed, c.district)) {
      parsed = asStreet(parsed, 'district'); // "Hùng Vương" read as a district elsewhere
      c = parsed.components;
    }
  }

  // ---- a locality that is both a pre-2025 city and a 2025 ward ("Nha Trang", "Phan Rang"):
  // typed with a street, it is the old city (all its wards); alone, the 2025 ward.
  const ward = c.ward;
  if (ward?.key && !ward.unitType && !c.district && (c.street || c.houseNumber || (c.hamlet && !numberBefore(parsed, ward)))) {
    const d = readDistrict(ward.key, ward.text, g, scope);
    if (d && (c.street || numberBefore(parsed, ward) === false)) {
      const comps = { ...c, district: { ...ward, value: d.districtName ?? ward.value } };
      delete comps.ward;
      parsed = { ...parsed, components: comps };
      c = parsed.components;
      scope = d;
    }
  }

  // ---- the ward; an unmarked name that is no ward here but leads the text is the street
  let wardCands: ResolvedCandidate[] | undefined;
  if (c.ward) {
    const w = c.ward;
    const unmarked = !w.unitType;
    // "33 Hồ Xuân Hương": a name typed right after the street, in the same part, that ends a
    // street of the place is the end of the street's name, not a ward.
    if (unmarked && c.street && sameSegment(parsed, c.street, w) && readStreet(`${c.street.value} ${w.text}`, streets, g, scope, false)) {
      parsed = joinStreet(parsed, c.street, w);
      c = parsed.components;
    }
  }
  if (c.ward) {
    const w = c.ward;
    const unmarked = !w.unitType;
    // "18/3 Phan Chu Trinh, Hoàn Kiếm", "18 ngõ 3 Phan Chu Trinh Hoàn Kiếm": a name right after
    // the house number or the lane, with a place typed after it, is the street the house is on,
    // even where an old ward has that name (streets give their names to wards) — unless the
    // place's streets are in the data and none has that name ("12 Vĩnh Hải, Nha Trang").
    const afterHouse = unmarked && !c.street && (numberBefore(parsed, w) || alleyBefore(parsed, w));
    const asStreetFirst =
      afterHouse && (!!readStreet(w.value, streets, g, scope) || (!!(c.district || c.province) && !streetsKnownIn(streets, g, scope)));
    wardCands = asStreetFirst ? [] : readWard(w, g, scope);
    if (!asStreetFirst && wardCands.length === 0 && (scope.provinces || scope.wards) && (w.unitType || c.street)) {
      // "P. Vinh Hia, Nha Trang": one edit from a ward name of the place typed.
      const near = nearKey(w.key ?? '', wardKeysIn(g, scope));
      if (near) wardCands = readWard({ ...w, key: near }, g, scope);
    }
    if (wardCands.length === 0 && unmarked && !c.street && leftmost(parsed, w)) {
      parsed = asStreet(parsed, 'ward');
      c = parsed.components;
      wardCands = undefined;
    } else if (wardCands.length === 0 && unmarked && c.street && sameSegment(parsed, c.street, w)) {
      // "33 Hàm Tử": the end of the street's name is also a ward's name elsewhere.
      parsed = joinStreet(parsed, c.street, w);
      c = parsed.components;
      wardCands = undefined;
    }
  }

  // ---- a locality the parser could not read, within the province typed: one slip off a ward's
  // name ("Gia Kiệwm", "Trn Yên"), a ward's name cut short by a slip in its last word ("Xã Nam
  // Thanh Moện"), or an old district's name that is no district there but a ward ("Gia Lâm, Ninh Bình")
  // A ward followed in its part by a leftover ("Phường 2 Bả Lộc": Phường 2 of Đà Lạt or of Bảo
  // Lộc) is first read whole, one slip allowed ("Phường 2 Bảo Lộc").
  const leftover = !!c.ward && !!wardCands?.length && parsed.unrecognized.some((u) => sameSegment(parsed, c.ward!, u));
  if ((scope.provinces || scope.wards) && (!wardCands?.length || leftover)) {
    const read = readLocality(parsed, g, scope);
    const w = read?.parsed.components.ward;
    if (read && (!leftover || (w && w.start === c.ward!.start && w.end > c.ward!.end))) {
      parsed = read.parsed;
      c = parsed.components;
      wardCands = read.cands;
      // "160 Lê Văn Hưu, Nha Trangh": one slip off a name that is also an old city reads as the
      // name itself would: with a street or a number, the old city (the street then decides).
      const d = w && !w.unitType && !c.district && (c.street || c.houseNumber) ? readDistrict(w.key ?? '', w.text, g, scope) : undefined;
      if (d && w) {
        const comps = { ...c, district: { ...w, value: d.districtName ?? w.value } };
        delete comps.ward;
        parsed = { ...parsed, components: comps };
        c = parsed.components;
        scope = d;
        wardCands = undefined;
      }
    }
  }

  // ---- a word left over right after the street may end its name ("Lê Thành Phương": the
  // last word was taken for a ward marker)
  const left = c.street && parsed.unrecognized.find((u) => sameSegment(parsed, c.street!, u));
  if (c.street && left && streets?.find(`${c.street.value} ${left.text}`).length) {
    const value = `${c.street.value} ${left.text}`;
    const comps = { ...c, street: { ...c.street, text: parsed.input.slice(c.street.start, left.end), value, end: left.end } };
    parsed = { ...parsed, components: comps, unrecognized: parsed.unrecognized.filter((u) => u !== left) };
    c = parsed.components;
  }

  // ---- the street within what is known so far ("19 Tháng 5": the number is the street's);
  // exact names first, then one edit away
  let street: StreetPlace | undefined;
  for (const fuzzy of [false, true]) {
    if (!c.street || street) break;
    street = readStreet(c.street.value, streets, g, scope, fuzzy);
    const h = c.houseNumber;
    if (street || !h || !/^\d+$/.test(h.value)) continue;
    street = readStreet(`${h.value} ${c.street.value}`, streets, g, scope, fuzzy);
    if (street) {
      const comps = { ...c, street: { ...c.street, text: parsed.input.slice(h.start, c.street.end), value: street.name, start: h.start } };
      delete comps.houseNumber;
      parsed = { ...parsed, components: comps };
      c = parsed.components;
    }
  }
  const pref = street ? undefined : preferNamedWard(parsed, g, scope, provinceScope ?? {}, wardCands);
  if (pref) ({ parsed, wardCands } = pref);
  return finish(raw, text, parsed, scope, wardCands, street, g, pref?.code);
}

/**
 * The one 2025 ward named `key` (as spelled, when typed with diacritics) within the province
 * typed (anywhere when none), when it lies among `wards` (a pre-2025 district's 2025 wards) and
 * is the only one of them to carry the name: a city divided into quarters that keep its name
 * (Nha Trang and Bắc, Nam, Tây Nha Trang; Cam Ranh and Bắc Cam Ranh) is still the whole city.
 */
function namedWardIn(g: Gazetteer, key: string, text: string, provinceScope: Scope, wards: ReadonlySet<string>): Ward | undefined {
  let named = (g.wardsByKey.get(key) ?? []).filter((w) => inScope(g, provinceScope, w.code));
  const spelled = typedName(text);
  const same = spelled ? named.filter((w) => sameSpelling(spelled, canonicalSpelling(bareName(w.name)))) : [];
  if (same.length) named = same;
  const one = named.length === 1 && wards.has(named[0]!.code) ? named[0] : undefined;
  const carries = (code: string) => ` ${nameKey(bareName(g.registry.ward(code)?.name ?? ''))} `.includes(` ${key} `);
  return one && [...wards].every((code) => code === one.code || !carries(code)) ? one : undefined;
}

/**
 * A bare name that is both a pre-2025 district and the one 2025 ward of that name, inside that
 * district ("12 Lê Lợi, Quốc Oai", "Cư Jút"): the 2025 ward, with the district's other 2025 wards
 * kept as candidates after it (docs/decisions/0013). Undefined when the rule does not apply: a
 * type word typed (`Huyện Quốc Oai`), a ward or street found, the ward of that name outside the
 * district, or several wards of that name in the place typed.
 */
function preferNamedWard(
  parsed: ParsedAddress,
  g: Gazetteer,
  scope: Scope,
  provinceScope: Scope,
  wardCands: ResolvedCandidate[] | undefined,
): { parsed: ParsedAddress; wardCands: ResolvedCandidate[] | undefined; code: string } | undefined {
  const c = parsed.components;
  // Read as the old district (typed with a street or number), no ward found in it.
  const d = c.district;
  if (d?.key && !d.unitType && !wardCands?.length && scope.districts && scope.wards) {
    const w = namedWardIn(g, d.key, d.text, provinceScope, scope.wards);
    if (!w) return undefined;
    const comps = { ...c, ward: { ...d, value: w.name } };
    delete comps.district;
    return { parsed: { ...parsed, components: comps }, wardCands, code: w.code };
  }
  // Typed alone (no street): read as the 2025 ward; the old district's other wards join it.
  const x = c.ward;
  if (!x?.key || x.unitType || c.district || c.street || !wardCands?.length) return undefined;
  const area = readDistrict(x.key, x.text, g, provinceScope);
  const w = area?.wards && namedWardIn(g, x.key, x.text, provinceScope, area.wards);
  if (!w || !wardCands.some((k) => k.ward.code === w.code)) return undefined;
  const more: ResolvedCandidate[] = [];
  for (const code of area.wards ?? [])
    if (!wardCands.some((k) => k.ward.code === code)) {
      const k = candidate(g, code, RESOLVE_WEIGHTS.scopeWard);
      if (k) more.push(k);
    }
  return { parsed, wardCands: [...wardCands, ...more], code: w.code };
}

/** Stage 5: candidates from the ward, the street and the scope; then the verdicts. */
function finish(
  input: string,
  text: string,
  parsed: ParsedAddress,
  scope: Scope,
  wardCands: ResolvedCandidate[] | undefined,
  street: StreetPlace | undefined,
  g: Gazetteer,
  preferred?: string,
): Resolution {
  const constrained = !!(scope.provinces || scope.wards);
  let cands: ResolvedCandidate[] = [];
  const streetRef = street ? { id: street.id, name: street.name } : undefined;
  const onStreet = (x: ResolvedCandidate): ResolvedCandidate => {
    const sw = street?.wards.find((w) => w.code === x.ward.code);
    return sw ? { ...x, location: sw.location, street: streetRef! } : x;
  };
  if (wardCands) {
    cands = wardCands;
    if (street) {
      const on = cands.filter((x) => street.wards.some((w) => w.code === x.ward.code));
      if (on.length) cands = on;
      cands = cands.map(onStreet);
    }
  } else if (street) {
    // A ward holding a sliver of the street (its end crossing a boundary) is not offered as an
    // equal place for a house on it: Trần Phú runs 795 samples in Phường Nha Trang, 6 beyond.
    const here = street.wards.filter((sw) => inScope(g, scope, sw.code));
    const total = here.reduce((n, sw) => n + sw.samples, 0);
    for (const sw of here) {
      if (sw.samples < RESOLVE_WEIGHTS.minorStreetShare * total) continue;
      const x = candidate(g, sw.code, RESOLVE_WEIGHTS.streetWard);
      if (x) cands.push({ ...x, location: sw.location, street: streetRef! });
    }
  } else if (scope.wards) {
    for (const code of scope.wards) {
      const x = candidate(g, code, RESOLVE_WEIGHTS.scopeWard);
      if (x) cands.push(x);
    }
  }
  cands = dedupe(cands);
  sortCandidates(cands, street, scope.districtName);
  // The likely reading first (its 2025 era entry before any pre-2025 one of that ward).
  if (preferred) {
    const first = cands.findIndex((x) => x.ward.code === preferred && x.era === '2025');
    const at = first >= 0 ? first : cands.findIndex((x) => x.ward.code === preferred);
    if (at > 0) cands.unshift(...cands.splice(at, 1));
  }
  const provinces = [...(scope.provinces ?? [])];
  // A ward typed and found narrows the place to its 2025 ward(s).
  const scopeWards = wardCands?.length ? [...new Set(wardCands.map((x) => x.ward.code))] : [...(scope.wards ?? [])];
  const r = {
    input,
    text,
    parsed,
    candidates: cands,
    provinces,
    scopeWards,
    constrained,
    ...(street ? { street } : {}),
    ...(preferred && cands[0]?.ward.code === preferred ? { preferred } : {}),
  };
  const { components, granularity } = verdicts(r, scope, g);
  return { ...r, components, granularity };
}

function dedupe(cands: ResolvedCandidate[]): ResolvedCandidate[] {
  const seen = new Set<string>();
  return cands.filter((x) => {
    const k = `${x.era}|${x.ward.code}|${x.legacy?.ward.code ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function sortCandidates(cands: ResolvedCandidate[], street: StreetPlace | undefined, district?: string): void {
  const share = (x: ResolvedCandidate) => street?.wards.find((w) => w.code === x.ward.code)?.samples ?? 0;
  // An old city's wards: the 2025 ward that kept the city's name first (Phường Phan Rang).
  const dk = district ? nameKey(district.replace(/^(Thành phố|Thị xã|Quận|Huyện)\s+/u, '')) : '';
  const named = (x: ResolvedCandidate) => (dk && dk.startsWith(nameKey(x.ward.name.replace(/^(Phường|Xã|Đặc khu)\s+/u, ''))) ? 1 : 0);
  cands.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      share(b) - share(a) ||
      named(b) - named(a) ||
      Number(b.province.code === PILOT_PROVINCE) - Number(a.province.code === PILOT_PROVINCE) ||
      Number(a.era === 'legacy') - Number(b.era === 'legacy'),
    // otherwise the data's order (a divided ward's targets as the mapping lists them)
  );
}

/** A ward name typed with its diacritics, without its type word; undefined when typed without. */
function typedName(text: string): string | undefined {
  const t = toNfc(text)
    .replace(/^(?:phường|xã|thị trấn|đặc khu|ph|p|f|x|tt|dk)(?:\.\s*|\s+)/iu, '')
    .trim();
  return t && t.normalize('NFD') !== t && !/\d/.test(t) ? canonicalSpelling(t) : undefined;
}
const bareName = (name: string) => name.replace(/^(Phường|Xã|Thị trấn|Đặc khu)\s+/u, '');

const sameSpelling = (typed: string, name: string) => toNfc(typed).toLocaleLowerCase('vi') === name.toLocaleLowerCase('vi');
/** Whether the text as given (before repairs: Telex, VNI, doubled letters) holds the name as written. */
function typedAsIs(input: string, name: string): boolean {
  const text = toNfc(input).toLocaleLowerCase('vi');
  const want = name.toLocaleLowerCase('vi');
  const word = /[\p{L}\p{N}]/u;
  if (!want) return false;
  for (let at = text.indexOf(want); at >= 0; at = text.indexOf(want, at + 1)) {
    const before = text[at - 1];
    const after = text[at + want.length];
    if ((before === undefined || !word.test(before)) && (after === undefined || !word.test(after))) return true;
  }
  return false;
}

/**
 * Whether the ward a bare name was read as ({@link Resolution.preferred}) was typed otherwise
 * (`cu jut`, `Trn Yên`, Telex): the answer is then a correction, not the text as typed.
 */
export function preferredRespelled(r: Resolution): boolean {
  const w = r.parsed.components.ward;
  const one = r.candidates[0];
  if (!r.preferred || !w || !one) return false;
  const bare = bareName(one.ward.name);
  return !(sameSpelling(canonicalSpelling(w.text), canonicalSpelling(bare)) && typedAsIs(r.input, bare));
}

/** Stage 6: how each component was established, and the granularity. */
function verdicts(
  r: Omit<Resolution, 'components' | 'granularity'>,
  scope: Scope,
  g: Gazetteer,
): Pick<Resolution, 'components' | 'granularity'> {
  const c = r.parsed.components;
  const out: ComponentVerdict[] = [];
  const cands = r.candidates;
  const wards = new Set(cands.map((x) => x.ward.code));
  const one = wards.size === 1 || r.preferred ? cands[0] : undefined;
  if (c.houseNumber)
    out.push({
      component: 'houseNumber',
      text: c.houseNumber.text,
      value: c.houseNumber.value,
      verdict: 'unconfirmed',
      vi: `Số nhà ${c.houseNumber.value} giữ nguyên như đã nhập (chưa có dữ liệu số nhà để đối chiếu).`,
      en: `House number ${c.houseNumber.value} kept as typed (no house-number data to check it against).`,
    });
  if (c.alley)
    out.push({
      component: 'alley',
      text: c.alley.text,
      value: c.alley.value,
      verdict: 'unconfirmed',
      vi: 'Hẻm/ngõ giữ nguyên như đã nhập.',
      en: 'Alley kept as typed.',
    });
  out.push(...streetVerdict(r, one));
  if (c.hamlet)
    out.push({
      component: 'hamlet',
      text: c.hamlet.text,
      value: c.hamlet.value,
      verdict: 'unconfirmed',
      vi: 'Thôn/tổ giữ nguyên như đã nhập.',
      en: 'Hamlet kept as typed.',
    });
  out.push(...unitVerdicts(r, scope, one, g));
  const streetOk = out.some((v) => v.component === 'street' && v.verdict !== 'unconfirmed');
  const granularity: Granularity = one
    ? streetOk
      ? 'route'
      : 'ward'
    : r.provinces.length || (new Set(cands.map((x) => x.province.code)).size === 1 && cands.length)
      ? 'province'
      : 'other';
  return { components: out, granularity };
}

function streetVerdict(r: Omit<Resolution, 'components' | 'granularity'>, one: ResolvedCandidate | undefined): ComponentVerdict[] {
  const s = r.parsed.components.street;
  if (!s) return [];
  const st = r.street;
  if (!st)
    return [
      {
        component: 'street',
        text: s.text,
        value: s.value,
        verdict: 'unconfirmed',
        vi: `Chưa xác nhận được đường "${s.value}" trong dữ liệu${r.constrained ? ' của địa bàn đã nhập' : ''}; giữ nguyên như đã nhập.`,
        en: `The street "${s.value}" could not be confirmed in the data${r.constrained ? ' of the place typed' : ''}; kept as typed.`,
      },
    ];
  if (one && !one.street)
    return [
      {
        component: 'street',
        text: s.text,
        value: s.value,
        verdict: 'unconfirmed',
        vi: `Đường ${st.name} không đi qua ${one.ward.name} theo dữ liệu bản đồ; giữ nguyên như đã nhập.`,
        en: `${st.name} does not pass through ${one.ward.name} in the map data; kept as typed.`,
      },
    ];
  const corrected = !sameSpelling(s.value, st.name) || !typedAsIs(r.input, st.name);
  return [
    {
      component: 'street',
      text: s.text,
      value: st.name,
      verdict: corrected ? 'spelling-corrected' : 'confirmed',
      vi: corrected ? `Chuẩn hóa tên đường "${s.text}" thành "${st.name}".` : `Đường ${st.name} có trong dữ liệu bản đồ.`,
      en: corrected ? `The street "${s.text}" is spelled "${st.name}".` : `${st.name} is in the map data.`,
    },
  ];
}

function unitVerdicts(
  r: Omit<Resolution, 'components' | 'granularity'>,
  scope: Scope,
  one: ResolvedCandidate | undefined,
  g: Gazetteer,
): ComponentVerdict[] {
  const c = r.parsed.components;
  const out: ComponentVerdict[] = [];
  const w = c.ward;
  if (w && one && r.preferred) {
    const others = new Set(r.candidates.map((x) => x.ward.code)).size - 1;
    out.push({
      component: 'ward',
      text: w.text,
      value: one.ward.name,
      verdict: 'unconfirmed',
      vi: `"${w.text}" được hiểu là ${one.ward.name} (đơn vị từ 1/7/2025); nếu là quận/huyện cũ cùng tên thì địa chỉ có thể thuộc một trong ${others} phường/xã khác đã liệt kê.`,
      en: `"${w.text}" is read as ${one.ward.name} (a 2025 unit); if the former district of that name was meant, the address may be in one of the ${others} other wards/communes listed.`,
    });
  } else if (w && one) {
    if (one.era === 'legacy' && one.legacy) {
      const cite = one.citation;
      out.push({
        component: 'ward',
        text: w.text,
        value: one.ward.name,
        verdict: 'replaced',
        ...(cite ? { citation: cite } : {}),
        vi: `${one.legacy.ward.name} nay là ${one.ward.name}${cite ? ` (khoản ${cite.clause} Điều ${cite.article} Nghị quyết ${cite.document})` : ' (sắp xếp đơn vị hành chính từ 1/7/2025)'}.`,
        en: `${one.legacy.ward.name} is now ${one.ward.name}${cite ? ` (Resolution ${cite.document}, Article ${cite.article}, clause ${cite.clause})` : ' (reorganisation of 1 July 2025)'}.`,
      });
    } else {
      const bare = one.ward.name.replace(/^(Phường|Xã|Đặc khu)\s+/u, '');
      // A type word or abbreviation written in full is not a correction (P. → Phường).
      const typedName = w.text.replace(/^(?:phường|phuong|xã|xa|thị trấn|thi tran|đặc khu|dac khu|ph|p|f|x|tt|dk)\.?\s*/iu, '');
      const exact = (sameSpelling(typedName, bare) || sameSpelling(w.text, one.ward.name)) && typedAsIs(r.input, bare);
      out.push({
        component: 'ward',
        text: w.text,
        value: one.ward.name,
        verdict: exact ? 'confirmed' : 'spelling-corrected',
        vi: exact ? `${one.ward.name} đúng.` : `Chuẩn hóa "${w.text}" thành "${one.ward.name}".`,
        en: exact ? `${one.ward.name} is right.` : `"${w.text}" is written "${one.ward.name}".`,
      });
    }
  } else if (w) {
    out.push({
      component: 'ward',
      text: w.text,
      verdict: 'unconfirmed',
      vi: r.candidates.length
        ? `"${w.text}" có thể là nhiều phường/xã; hãy chọn một.`
        : `Không tìm thấy phường/xã "${w.text}" trong địa bàn đã nhập.`,
      en: r.candidates.length
        ? `"${w.text}" may be several wards/communes; choose one.`
        : `No ward/commune "${w.text}" was found in the place typed.`,
    });
  } else if (one) {
    const ctx = !!(r.street || scope.wards);
    out.push({
      component: 'ward',
      value: one.ward.name,
      verdict: ctx && scope.wards ? 'confirmed-by-context' : 'inferred',
      vi: `Đã xác định phường/xã: ${one.ward.name}${r.street ? ` (đường ${r.street.name})` : ''}.`,
      en: `The ward/commune was determined: ${one.ward.name}${r.street ? ` (${r.street.name})` : ''}.`,
    });
  }
  if (c.district)
    out.push({
      component: 'district',
      text: c.district.text,
      ...(scope.districtName ? { value: scope.districtName } : {}),
      verdict: scope.districts ? 'replaced' : 'unconfirmed',
      vi: scope.districts
        ? `${scope.districtName ?? c.district.text} (cấp huyện, không còn từ 1/7/2025) gồm ${scope.wards?.size ?? 0} phường/xã mới; địa chỉ mới không ghi quận/huyện.`
        : `Không nhận ra quận/huyện "${c.district.text}".`,
      en: scope.districts
        ? `${scope.districtName ?? c.district.text} (a district, abolished on 1 July 2025) now covers ${scope.wards?.size ?? 0} wards/communes; the new address has none.`
        : `The district "${c.district.text}" was not recognised.`,
    });
  out.push(...provinceVerdict(r, g));
  return out;
}

function provinceVerdict(r: Omit<Resolution, 'components' | 'granularity'>, g: Gazetteer): ComponentVerdict[] {
  const p = r.parsed.components.province;
  const provs = new Set(r.candidates.map((x) => x.province.code));
  const name: string | undefined =
    provs.size === 1 || r.preferred
      ? r.candidates[0]!.province.name
      : r.provinces.length === 1
        ? g.registry.province(r.provinces[0]!)?.fullName
        : undefined;
  if (!p) {
    if (!name) return [];
    return [
      {
        component: 'province',
        value: name,
        verdict: 'inferred',
        vi: `Đã bổ sung tỉnh/thành phố: ${name}.`,
        en: `The province was added: ${name}.`,
      },
    ];
  }
  if (!r.provinces.length)
    return [
      {
        component: 'province',
        text: p.text,
        verdict: 'unconfirmed',
        vi: 'Không nhận ra tỉnh/thành phố.',
        en: 'The province was not recognised.',
      },
    ];
  if (!name)
    return [
      {
        component: 'province',
        text: p.text,
        verdict: 'unconfirmed',
        vi: 'Tỉnh/thành phố có thể là nhiều tỉnh mới.',
        en: 'The province may be several 2025 provinces.',
      },
    ];
  const key = provinceKeyOf(p.key ?? '');
  const current = g.provincesByKey.has(key);
  if (!current)
    return [
      {
        component: 'province',
        text: p.text,
        value: name,
        verdict: 'replaced',
        vi: `${p.value} nay thuộc ${name} (từ 1/7/2025).`,
        en: `${p.value} is now part of ${name} (since 1 July 2025).`,
      },
    ];
  const bare = name.replace(/^(Tỉnh|Thành phố)\s+/u, '');
  const exact = sameSpelling(p.text.replace(/^(tỉnh|thành phố|tp\.?)\s*/iu, ''), bare) || sameSpelling(p.text, name);
  return [
    {
      component: 'province',
      text: p.text,
      value: name,
      verdict: exact ? 'confirmed' : 'spelling-corrected',
      vi: exact ? `${name} đúng.` : `Viết đầy đủ: ${name}.`,
      en: exact ? `${name} is right.` : `Written in full: ${name}.`,
    },
  ];
}
