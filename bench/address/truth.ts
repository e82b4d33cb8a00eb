// The ground truth the dev set is built from, read straight from the committed sources in
// packages/data/source (never from the built dataset, so a bug in the data build cannot hide
// itself): 2025 units, the legacy → 2025 mapping, the 2019–2024 ward aliases, the Khánh Hòa ward
// polygons and the Nha Trang OSM roads. A street's 2025 wards come from its geometry: every ward
// its named lines run through for a meaningful length.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const SRC = new URL('../../packages/data/source/', import.meta.url);
const csv = (path: string): Array<Record<string, string>> =>
  parse(readFileSync(new URL(path, SRC), 'utf8').replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true });
const json = (path: string): unknown => JSON.parse(readFileSync(new URL(path, SRC), 'utf8'));

/** Lower case, no diacritics, đ → d: for comparing names only. */
export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');

export interface Province2025 {
  code: string;
  type: string;
  name: string;
}
export interface Ward2025 {
  code: string;
  type: string;
  name: string;
  province: string;
}
export interface LegacyWard {
  /** `province|district|ward`, full names. */
  key: string;
  provinceType: string;
  province: string;
  districtType: string;
  district: string;
  wardType: string;
  ward: string;
  /** The 2025 wards it went to (several when it was divided). */
  targets: string[];
  newProvince: string;
}
export interface LegacyDistrict {
  key: string;
  provinceType: string;
  province: string;
  type: string;
  name: string;
  /** Every 2025 ward its wards went to. */
  targets: string[];
  newProvince: string;
  wards: LegacyWard[];
}
export interface Street {
  name: string;
  /** 2025 ward codes its named lines pass through (≥ 30 m and ≥ 5 % of its length, or the longest). */
  wards: string[];
  lengthM: number;
}
export interface TwoHop {
  /** The pre-2019..2024 ward name, unaccented (the alias files carry no diacritics). */
  aliasText: string;
  /** The legacy (2024) ward it was merged into. */
  into: LegacyWard;
}

const splitType = (full: string, types: readonly string[]): [string, string] => {
  for (const t of types) if (full.startsWith(t + ' ')) return [t, full.slice(t.length + 1)];
  return ['', full];
};
const PROVINCE_TYPES = ['Thành phố', 'Tỉnh'] as const;
const DISTRICT_TYPES = ['Thành phố', 'Thị xã', 'Quận', 'Huyện'] as const;
const WARD_TYPES = ['Thị trấn', 'Phường', 'Xã', 'Đặc khu'] as const;

// ---------------------------------------------------------------- 2025 units
export const provinces = new Map<string, Province2025>();
export const wards = new Map<string, Ward2025>();
for (const r of csv('admin/units_2025.csv')) {
  if (!provinces.has(r.province_code!))
    provinces.set(r.province_code!, { code: r.province_code!, type: r.province_type!, name: r.province_name! });
  wards.set(r.ward_code!, { code: r.ward_code!, type: r.ward_type!, name: r.ward_name!, province: r.province_code! });
}
export const KH = '56';

// ---------------------------------------------------------------- legacy units
export const legacyWards = new Map<string, LegacyWard>();
export const legacyDistricts = new Map<string, LegacyDistrict>();
for (const r of csv('admin/legacy_to_2025.csv')) {
  if (!r.ward || !r.newWardCode) continue; // island districts without wards
  const [provinceType, province] = splitType(r.province!, PROVINCE_TYPES);
  const [districtType, district] = splitType(r.district!, DISTRICT_TYPES);
  const [wardType, ward] = splitType(r.ward!, WARD_TYPES);
  const key = `${r.province}|${r.district}|${r.ward}`;
  const w = legacyWards.get(key) ?? {
    key,
    provinceType,
    province,
    districtType: r.districtType || districtType,
    district,
    wardType: r.wardType || wardType,
    ward,
    targets: [],
    newProvince: r.newProvinceCode!,
  };
  if (!w.targets.includes(r.newWardCode)) w.targets.push(r.newWardCode);
  legacyWards.set(key, w);
  const dkey = `${r.province}|${r.district}`;
  const d = legacyDistricts.get(dkey) ?? {
    key: dkey,
    provinceType,
    province,
    type: r.districtType || districtType,
    name: district,
    targets: [],
    newProvince: r.newProvinceCode!,
    wards: [],
  };
  if (!d.targets.includes(r.newWardCode)) d.targets.push(r.newWardCode);
  if (!d.wards.includes(w)) d.wards.push(w);
  legacyDistricts.set(dkey, d);
}
for (const w of legacyWards.values()) w.targets.sort();
for (const d of legacyDistricts.values()) d.targets.sort();

/** The old city of Nha Trang and the 2025 wards its wards went to. */
export const nhaTrang = legacyDistricts.get('Tỉnh Khánh Hòa|Thành phố Nha Trang')!;

// ---------------------------------------------------------------- two-hop aliases
// legacy_ward_aliases.csv: a 2019–2024 name (alias_keyword, folded, no spaces) of a ward that was
// merged into ward_key before 2025. Only the keywords that start with their type word can be
// turned back into text ("phuongxuonghuan" → "Phuong Xuong Huan"); syllables are split with the
// vocabulary of every name in the sources.
const key = (s: string) => fold(s).replace(/[^a-z0-9]/g, '');
const syllables = new Map<string, number>();
const addWords = (s: string) => {
  for (const w of fold(s).split(/[^a-z0-9]+/)) if (w) syllables.set(w, (syllables.get(w) ?? 0) + 1);
};
for (const w of wards.values()) addWords(w.name);
for (const w of legacyWards.values()) addWords(`${w.ward} ${w.district} ${w.province}`);
/** Splits a folded, spaceless name into known syllables (fewest syllables, then most common). */
function segment(s: string): string[] | null {
  const best: Array<{ n: number; score: number; prev: number; word: string } | null> = [{ n: 0, score: 0, prev: -1, word: '' }];
  for (let i = 1; i <= s.length; i++) {
    best[i] = null;
    for (let j = Math.max(0, i - 7); j < i; j++) {
      const b = best[j];
      const word = s.slice(j, i);
      const f = /^\d+$/.test(word) ? 1 : syllables.get(word);
      if (!b || !f) continue;
      const cand = { n: b.n + 1, score: b.score + Math.log(f), prev: j, word };
      const cur = best[i];
      if (!cur || cand.n < cur.n || (cand.n === cur.n && cand.score > cur.score)) best[i] = cand;
    }
  }
  if (!best[s.length]) return null;
  const out: string[] = [];
  for (let i = s.length; i > 0; i = best[i]!.prev) out.unshift(best[i]!.word);
  return out;
}
const legacyByKey = new Map<string, LegacyWard>();
for (const w of legacyWards.values())
  legacyByKey.set(`${key(w.provinceType + w.province)}|${key(w.districtType + w.district)}|${key(w.wardType + w.ward)}`, w);
const legacyWardKeysByDistrict = new Set([...legacyWards.values()].map((w) => `${key(w.province)}|${key(w.district)}|${key(w.ward)}`));
export const twoHops: TwoHop[] = [];
{
  const seen = new Set<string>();
  const rows = csv('admin/legacy_ward_aliases.csv');
  const aliasSet = new Set(rows.map((r) => `${r.province_key}|${r.district_key}|${r.ward_key}|${r.alias_keyword}`));
  for (const r of rows) {
    const into = legacyByKey.get(`${r.province_key}|${r.district_key}|${r.ward_key}`);
    const m = /^(phuong|xa|thitran)(.+)$/.exec(r.alias_keyword ?? '');
    if (!into || !m) continue;
    // "phuongson" beside "phuongphuongson" is the type-less keyword of Phương Sơn, not "Phường Sơn"
    const base = `${r.province_key}|${r.district_key}|${r.ward_key}|`;
    if (['phuong', 'xa', 'thitran'].some((t) => aliasSet.has(base + t + r.alias_keyword))) continue;
    const words = segment(m[2]!);
    if (!words) continue;
    // an alias that is still a 2024 ward of the same district is not a two-hop name
    if (legacyWardKeysByDistrict.has(`${key(into.province)}|${key(into.district)}|${m[2]}`)) continue;
    const type = m[1] === 'phuong' ? 'Phuong' : m[1] === 'xa' ? 'Xa' : 'Thi tran';
    const aliasText = `${type} ${words.map((w) => (/^\d+$/.test(w) ? String(Number(w)) : w[0]!.toUpperCase() + w.slice(1))).join(' ')}`;
    const k = `${into.key}|${aliasText}`;
    if (seen.has(k)) continue;
    seen.add(k);
    twoHops.push({ aliasText, into });
  }
}

// ---------------------------------------------------------------- Khánh Hòa polygons, Nha Trang streets
type Ring = Array<[number, number]>;
interface WardShape {
  code: string;
  bbox: [number, number, number, number];
  polys: Ring[][];
}
const shapes: WardShape[] = [];
{
  const fc = json('geo/khanhhoa_wards_2025.geojson') as {
    features: Array<{ id: string; bbox: [number, number, number, number]; geometry: { type: string; coordinates: Ring[][] } }>;
  };
  for (const f of fc.features) shapes.push({ code: String(f.id), bbox: f.bbox, polys: f.geometry.coordinates });
}
function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
/** The 2025 Khánh Hòa ward containing a point, or null (sea, outside the province). */
export function wardAt(x: number, y: number): string | null {
  for (const s of shapes) {
    const [w, so, e, n] = s.bbox;
    if (x < w || x > e || y < so || y > n) continue;
    for (const poly of s.polys) {
      let inside = false;
      for (const ring of poly) if (inRing(x, y, ring)) inside = !inside;
      if (inside) return s.code;
    }
  }
  return null;
}

const titleCase = (s: string) =>
  s
    .split(' ')
    .map((w) => (w ? w[0]!.toLocaleUpperCase('vi') + w.slice(1) : w))
    .join(' ');
const hasMarks = (s: string) => s.normalize('NFD') !== s;
const M_PER_DEG = 111_320;

export const streets = new Map<string, Street>();
{
  const fc = json('osm/nhatrang_osm_roads_2021.geojson') as {
    features: Array<{ properties: { name?: string }; geometry: { type: string; coordinates: unknown } }>;
  };
  const perName = new Map<string, Map<string, number>>();
  for (const f of fc.features) {
    const raw = (f.properties.name ?? '').normalize('NFC').trim();
    if (!raw) continue;
    const name = titleCase(raw.replace(/^(đường|Đường)\s+/u, ''));
    const lines = (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates) as Array<Array<[number, number]>>;
    const acc = perName.get(name) ?? new Map<string, number>();
    perName.set(name, acc);
    for (const line of lines) {
      for (let i = 1; i < line.length; i++) {
        const [x0, y0] = line[i - 1]!;
        const [x1, y1] = line[i]!;
        const dx = (x1 - x0) * M_PER_DEG * Math.cos((y0 * Math.PI) / 180);
        const dy = (y1 - y0) * M_PER_DEG;
        const len = Math.hypot(dx, dy);
        const steps = Math.max(1, Math.ceil(len / 10));
        for (let k = 0; k < steps; k++) {
          const t = (k + 0.5) / steps;
          const w = wardAt(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t) ?? '';
          acc.set(w, (acc.get(w) ?? 0) + len / steps);
        }
      }
    }
  }
  // an unaccented name joins its accented twin when exactly one exists
  const byFold = new Map<string, string[]>();
  for (const n of perName.keys()) byFold.set(fold(n), [...(byFold.get(fold(n)) ?? []), n]);
  for (const names of byFold.values()) {
    const accented = names.filter(hasMarks);
    if (accented.length !== 1) continue;
    for (const plain of names.filter((n) => !hasMarks(n))) {
      const into = perName.get(accented[0]!)!;
      for (const [w, l] of perName.get(plain)!) into.set(w, (into.get(w) ?? 0) + l);
      perName.delete(plain);
    }
  }
  for (const [name, acc] of perName) {
    acc.delete('');
    const total = [...acc.values()].reduce((a, b) => a + b, 0);
    if (!total) continue;
    const sorted = [...acc].sort((a, b) => b[1] - a[1]);
    const list = sorted.filter(([, l], i) => i === 0 || (l >= 30 && l >= 0.05 * total)).map(([w]) => w);
    streets.set(name, { name, wards: list.sort(), lengthM: Math.round(total) });
  }
}

/** Every name a typo must not turn into: units of both eras and the streets, folded. */
export const knownNames = new Set<string>([
  ...[...wards.values()].map((w) => fold(w.name)),
  ...[...provinces.values()].map((p) => fold(p.name)),
  ...[...legacyWards.values()].flatMap((w) => [fold(w.ward), fold(w.district), fold(w.province)]),
  ...[...streets.keys()].map(fold),
]);
/** Folded short names of every ward (2025 and legacy), for the "street named like a ward" form. */
export const wardNames = new Set<string>([
  ...[...wards.values()].map((w) => fold(w.name)),
  ...[...legacyWards.values()].map((w) => fold(w.ward)),
]);
