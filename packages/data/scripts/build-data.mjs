#!/usr/bin/env node
// Builds the embedded dataset (packages/data/assets/*.json) from the committed copy of the
// source data in packages/data/source. Deterministic: same sources, same bytes, same hashes.
// Run with `npm run data`. See packages/data/README.md for the formats and the licences.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { inPolygon, poleOfInaccessibility, polygonsOf, ringArea, round, simplifyLine, simplifyRing } from './geometry.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SRC = join(here, '..', 'source');
const OUT = join(here, '..', 'assets');
mkdirSync(OUT, { recursive: true });

const csv = (rel) => parse(readFileSync(join(SRC, rel), 'utf8'), { columns: true, bom: true, skip_empty_lines: true });
const json = (rel) => JSON.parse(readFileSync(join(SRC, rel), 'utf8'));

/** NFC plus one tone placement (hòa, not hoà), the spelling of the resolutions. */
function canon(s) {
  return String(s ?? '')
    .normalize('NFC')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([oO])([àáảãạ])(?![\p{L}\p{M}])/gu, (_, o, a) => toneMove(o, a, 'a'))
    .replace(/([oO])([èéẻẽẹ])(?![\p{L}\p{M}])/gu, (_, o, e) => toneMove(o, e, 'e'))
    .replace(/([uU])([ỳýỷỹỵ])(?![\p{L}\p{M}])/gu, (_, u, y) => toneMove(u, y, 'y'));
}
function toneMove(first, toned, base) {
  const mark = toned.normalize('NFD').slice(1); // the combining tone mark
  return (first + mark).normalize('NFC') + base;
}
const pad = (v, n) => {
  const s = String(v ?? '').trim();
  if (!s) return '';
  return String(Math.trunc(Number(s))).padStart(n, '0');
};
const fold = (s) =>
  canon(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

// ---------------------------------------------------------------- admin units (2025)
const units = csv('admin/units_2025.csv');
const provinces = new Map();
const wards = [];
for (const u of units) {
  const pc = pad(u.province_code, 2);
  if (!provinces.has(pc))
    provinces.set(pc, [pc, canon(u.province_name), canon(u.province_type), fold(u.province_name) === 'khanh hoa' ? 1 : 0]);
  const type = canon(u.ward_type);
  wards.push([pad(u.ward_code, 5), canon(u.ward_name), type, pc, canon(u.ward_name_en)]);
}

// Khánh Hòa: centroid (from the ward polygons) and bbox, per ward.
const khUnits = new Map();
for (const u of csv('admin/khanhhoa_units_2025.csv')) {
  khUnits.set(pad(u.code, 5), {
    centroid: [round(Number(u.centroid_lon)), round(Number(u.centroid_lat))],
    bbox: JSON.parse(u.bbox).map((x) => round(x)),
  });
}
const wardGeo = {};
for (const [code, v] of khUnits) wardGeo[code] = v;

const admin = {
  provinces: [...provinces.values()].map(([code, name, type]) => [code, name, type]),
  wards,
  khanhHoa: wardGeo,
};
admin.postal = postalCodes(wards);

// ---------------------------------------------------------------- postal codes (2025 wards)
// Decision 2334/QĐ-BKHCN: one 5-digit postal code per 2025 ward, starting with one of its
// province's 2-digit prefixes. The build refuses any ward without a code, a code used twice, or
// a code outside its province's prefixes (see docs/digital-address-code.md). Call it with the
// final `wards` rows: the codes are stored in their order.
function postalCodes(wardRows) {
  const prefixes = {};
  for (const p of json('admin/province_postal_code_prefixes.json'))
    prefixes[pad(p.code, 2)] = String(p.postal_code_prefix)
      .split(',')
      .map((x) => x.trim())
      .filter((x) => /^\d{2}$/.test(x))
      .sort();
  const codes = {};
  const seen = new Map();
  const provinceOf = new Map(wardRows.map((w) => [w[0], w[3]]));
  for (const r of csv('admin/ward_postal_codes_2025.csv')) {
    const ward = pad(r.ward_code, 5);
    const code = String(r.postal_code).trim();
    if (!/^\d{5}$/.test(code)) throw new Error(`postal code ${code} of ward ${ward} is not 5 digits`);
    if (provinceOf.get(ward) !== pad(r.province_code, 2))
      throw new Error(`postal code row ${ward}: not a ward of province ${r.province_code}`);
    if (!(prefixes[pad(r.province_code, 2)] ?? []).includes(code.slice(0, 2)))
      throw new Error(`postal code ${code} of ward ${ward} is outside its province's prefixes`);
    if (seen.has(code)) throw new Error(`postal code ${code} is used by wards ${seen.get(code)} and ${ward}`);
    seen.set(code, ward);
    codes[ward] = code;
  }
  const missing = wardRows.filter((w) => !codes[w[0]]);
  if (missing.length) throw new Error(`${missing.length} wards have no postal code (first: ${missing[0][0]})`);
  // One string of 5 digits per ward, in the order of `wards`: half the gzip size of a map.
  return { decision: '2334/QĐ-BKHCN', prefixes, codes: wardRows.map((w) => codes[w[0]]).join('') };
}

// ---------------------------------------------------------------- legacy → 2025
// Citations for Khánh Hòa: verified against the resolution text at build time. The clause
// number is the item of Article 1 whose text names both the old unit and the new unit.
const resolution = readFileSync(join(SRC, 'admin/resolution_1667_NQ-UBTVQH15_khanhhoa.md'), 'utf8');
const clauses = new Map(); // clause number → text (Article 1)
{
  const text = resolution.normalize('NFC');
  const body = text.slice(text.indexOf('**Điều 1.'), text.indexOf('**Điều 2.'));
  const re = /^(\d+)\\?\.\s+([\s\S]*?)(?=^\d+\\?\.\s|$(?![\s\S]))/gm;
  let m;
  while ((m = re.exec(body))) clauses.set(Number(m[1]), m[2].replace(/\*\*/g, '').replace(/\s+/g, ' ').trim());
}
const cited = new Map(); // `${oldWard}|${newWard}` → clause
const citeStats = { rows: 0, agreed: 0, corrected: 0, unverified: 0 };
for (const r of csv('admin/khanhhoa_legacy_to_2025_cited.csv')) {
  citeStats.rows++;
  const oldWard = pad(r.old_ward_code, 5);
  const newWard = pad(r.new_ward_code, 5);
  const claimed = Number((r.citation_line.match(/^\s*(\d+)\./) || [])[1]);
  const oldName = fold(r.old_address.split(',')[0]).replace(/^(phuong|xa|thi tran)\s+/, '');
  const newName = fold(r.new_ward_name).replace(/^(phuong|xa|dac khu)\s+/, '');
  const mentions = (n) => {
    const t = fold(clauses.get(n) || '').replace(/xa(?=[a-z])/g, 'xa ');
    return t.includes(oldName) && t.includes(newName);
  };
  let clause = mentions(claimed) ? claimed : 0;
  if (clause) citeStats.agreed++;
  else {
    for (const [n] of clauses)
      if (mentions(n)) {
        clause = n;
        break;
      }
    if (clause) citeStats.corrected++;
    else citeStats.unverified++;
  }
  cited.set(`${oldWard}|${newWard}`, clause);
}

const legacyRows = csv('admin/legacy_to_2025.csv');
const legacy = [];
// A few new-ward codes of the mapping differ from the catalogue (Ba Chẽ: 06970 vs 06978, see
// SOURCES.md): such rows are joined on the new ward's name within its province instead.
const wardCodes = new Set(wards.map((w) => w[0]));
const wardByName = new Map(wards.map((w) => [`${w[3]}|${fold(w[1])}`, w[0]]));
let recoded = 0;
for (const r of legacyRows) {
  const oldWard = pad(r.wardCode, 5);
  let newWard = pad(r.newWardCode, 5);
  if (!wardCodes.has(newWard)) {
    const byName = wardByName.get(`${pad(r.newProvinceCode, 2)}|${fold(r.newWardShort)}`);
    if (!byName) throw new Error(`legacy row ${r.ward}: new ward ${newWard} ${r.newWard} not in the catalogue`);
    newWard = byName;
    recoded++;
  }
  const clause = cited.get(`${oldWard}|${newWard}`) || 0;
  legacy.push([
    pad(r.provinceCode, 2),
    canon(r.province),
    pad(r.districtCode, 3),
    canon(r.district),
    oldWard,
    canon(r.ward),
    newWard,
    r.isDividedWard === 'True' ? 1 : 0,
    clause,
  ]);
}
// Former names (mergers 2019–2024) of pre-2025 wards, keyed like the alias file: folded, no
// spaces, with or without the type word. Matched to the legacy rows on the same keys.
const squash = (x) => fold(x).replace(/[^a-z0-9]/g, '');
const legacyByKey = new Map();
for (const r of legacyRows) {
  const k = `${squash(r.province)}|${squash(r.district)}|${squash(r.ward)}`;
  legacyByKey.set(k, pad(r.wardCode, 5));
}
const aliases = [];
const aliasSeen = new Set();
let aliasUnmatched = 0;
for (const a of csv('admin/legacy_ward_aliases.csv')) {
  const code = legacyByKey.get(`${a.province_key}|${a.district_key}|${a.ward_key}`);
  if (!code) {
    aliasUnmatched++;
    continue;
  }
  const key = `${a.alias_keyword}|${code}`;
  if (aliasSeen.has(key)) continue;
  aliasSeen.add(key);
  aliases.push([a.alias_keyword, code]);
}
const districtAliases = [];
for (const a of csv('admin/legacy_district_aliases.csv')) {
  const row = legacyRows.find((r) => squash(r.province) === a.province_key && squash(r.district) === a.district_key);
  if (row) districtAliases.push([a.alias_keyword, pad(row.districtCode, 3)]);
}
const legacyOut = {
  aliases,
  districtAliases,
  columns: [
    'oldProvinceCode',
    'oldProvince',
    'oldDistrictCode',
    'oldDistrict',
    'oldWardCode',
    'oldWard',
    'newWardCode',
    'divided',
    'clause',
  ],
  rows: legacy,
  citation: {
    document: '1667/NQ-UBTVQH15',
    title:
      'Nghị quyết 1667/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Khánh Hòa năm 2025',
    article: 1,
    clauses: Object.fromEntries([...clauses].map(([n, t]) => [n, t])),
  },
};

// ---------------------------------------------------------------- Khánh Hòa ward polygons
const wardsGeo = json('geo/khanhhoa_wards_2025.geojson');
const TOL = 0.00004; // ≈ 4.4 m: measured in docs/decisions/0003-polygon-simplification.md
let vertsIn = 0;
let vertsOut = 0;
const polys = wardsGeo.features.map((f) => {
  const code = pad(f.properties.code, 5);
  const out = polygonsOf(f.geometry).map((poly) =>
    poly.map((ring) => {
      vertsIn += ring.length;
      const r = simplifyRing(ring, TOL);
      vertsOut += r.length;
      return r;
    }),
  );
  return { code, bbox: (f.bbox || []).map((x) => round(x)), polygons: out };
});
const wardsPart = { type: 'khanhhoa-wards', tolerance: TOL, wards: polys };

// ---------------------------------------------------------------- point in polygon (build-time)
function wardAt(x, y) {
  for (const w of polys) {
    const [a, b, c, d] = w.bbox;
    if (x < a || x > c || y < b || y > d) continue;
    if (w.polygons.some((poly) => inPolygon(x, y, poly))) return w.code;
  }
  return '';
}

// ---------------------------------------------------------------- digital address code zones
// See docs/digital-address-code.md. A zone is a 2025 ward code with one reference point, the
// centre of its bbox. When all of its territory lies within ±0.49° of it, codes drop four
// characters (12 in all); otherwise the zone uses the long form, which drops two (14 in all).
const ZONE_MARGIN = 0.003; // ≈ 330 m: covers points snapped to the nearest ward (250 m)
const zones = {};
let multiRef = 0;
for (const w of polys) {
  const all = w.polygons.flatMap((p) => p.map((r) => r));
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of all)
    for (const [x, y] of ring) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  minX -= ZONE_MARGIN;
  minY -= ZONE_MARGIN;
  maxX += ZONE_MARGIN;
  maxY += ZONE_MARGIN;
  const cx = round((minX + maxX) / 2, 3),
    cy = round((minY + maxY) / 2, 3);
  if (maxX - cx < 0.49 && cx - minX < 0.49 && maxY - cy < 0.49 && cy - minY < 0.49) {
    zones[w.code] = { ref: [cy, cx] };
    continue;
  }
  // Too spread out for four dropped characters (Trường Sa spans 4° × 8°, and its reefs repeat
  // at the same offsets in different 1° cells, so no table of cells can tell them apart):
  // the long form drops two characters, which a reference point recovers within ±10°.
  multiRef++;
  if (maxX - cx >= 9.9 || cx - minX >= 9.9 || maxY - cy >= 9.9 || cy - minY >= 9.9) throw new Error(`zone ${w.code} spans more than ±9.9°`);
  zones[w.code] = { ref: [cy, cx], long: true };
}
const zonesPart = {
  scheme: 'diachiso-dac/1',
  // Zones are never reused: a retired ward's zone stays here, with the date it was retired.
  zones,
  retired: {},
};

// ---------------------------------------------------------------- streets
const streetRows = csv('osm/nhatrang_street_names.csv');
const streetKey = (name) =>
  fold(name)
    .replace(/^duong\s+/, '')
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const hasMarks = (s) => s.normalize('NFD') !== s;
const titleCase = (s) =>
  s
    .split(' ')
    .map((w) => (w ? w[0].toLocaleUpperCase('vi') + w.slice(1) : w))
    .join(' ');
/** A street's name as shown: without the word "đường", each word capitalised. */
const streetDisplayName = (name) => titleCase(name.replace(/^(đường|Đường)\s+/u, ''));
const streetGroups = new Map();
for (const r of streetRows) {
  const display = streetDisplayName(canon(r.name));
  // Names that differ only by diacritics are different streets (Nguyễn Du / Nguyễn Dữ), so the
  // group key keeps the diacritics when the row has them; unaccented rows join an accented
  // group of the same folded name when exactly one exists.
  const exactKey = display.toLocaleLowerCase('vi');
  const foldKey = streetKey(display);
  const g = streetGroups.get(exactKey) || { names: [], foldKey, rows: [] };
  g.names.push(display);
  g.rows.push(r);
  streetGroups.set(exactKey, g);
}
// merge unaccented groups into their unique accented twin
const byFold = new Map();
for (const [k, g] of streetGroups) {
  const list = byFold.get(g.foldKey) || [];
  list.push(k);
  byFold.set(g.foldKey, list);
}
for (const [, keys] of byFold) {
  const accented = keys.filter((k) => hasMarks(k));
  const plain = keys.filter((k) => !hasMarks(k));
  if (accented.length === 1) {
    for (const p of plain) {
      const target = streetGroups.get(accented[0]);
      target.rows.push(...streetGroups.get(p).rows);
      streetGroups.delete(p);
    }
  }
}
const streets = [];
for (const [, g] of streetGroups) {
  const name = g.names.find(hasMarks) || g.names[0];
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity,
    segs = 0,
    best = null;
  for (const r of g.rows) {
    minX = Math.min(minX, +r.min_lon);
    minY = Math.min(minY, +r.min_lat);
    maxX = Math.max(maxX, +r.max_lon);
    maxY = Math.max(maxY, +r.max_lat);
    segs += +r.segments;
    if (!best || +r.segments > +best.segments) best = r;
  }
  const x = round(+best.mid_lon),
    y = round(+best.mid_lat);
  streets.push([name, x, y, [round(minX), round(minY), round(maxX), round(maxY)], wardAt(x, y), segs]);
}
streets.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

// Street geometry for the offline map: named roads only, simplified.
const roads = json('osm/nhatrang_osm_roads_2021.geojson');
const roadLines = [];
for (const f of roads.features) {
  const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const line of lines) {
    const pts = simplifyLine(line, 0.00003);
    if (pts.length >= 2) roadLines.push([canon(f.properties.name || ''), f.properties.fclass, pts]);
  }
}

// Each street carries its named road lines (for reverse geocoding: the nearest streets with
// distances), matched by the same keys as the street groups: exact name, else the unique accented
// street of the same folded name.
const streetByKey = new Map();
const streetByFold = new Map();
for (const row of streets) {
  streetByKey.set(row[0].toLocaleLowerCase('vi'), row);
  const f = streetKey(row[0]);
  streetByFold.set(f, streetByFold.has(f) ? null : row);
}
const streetLines = new Map();
const streetFine = new Map(); // row → its road lines at the map's precision
let linesUnmatched = 0;
for (const [name, , pts] of roadLines) {
  if (!name) continue;
  const display = streetDisplayName(name);
  const row = streetByKey.get(display.toLocaleLowerCase('vi')) ?? streetByFold.get(streetKey(display));
  if (!row) {
    linesUnmatched++;
    continue;
  }
  if (!streetLines.has(row)) streetLines.set(row, []);
  // coarser than the map's lines: 0.0001° ≈ 11 m is plenty to rank the nearest streets
  streetLines.get(row).push(simplifyLine(pts, 0.0001));
  if (!streetFine.has(row)) streetFine.set(row, []);
  streetFine.get(row).push(pts);
}
for (const row of streets) row.push(streetLines.get(row) ?? []);

// Each street's 2025 wards, from its geometry: the road lines are sampled every ~20 m and each
// sample is placed in its ward polygon. A ward holding fewer than 3 samples (< ~60 m, a street
// ending on a boundary) is left out unless it is the only one. Per ward: the middle sample, a
// point on the street inside the ward (what an address on that street in that ward is placed at).
const STEP = 0.0002; // ≈ 22 m
let streetWardPairs = 0;
const wardSamples = new Map(); // ward → every street sample inside it
for (const row of streets) {
  const samples = new Map(); // ward → [[lon, lat], …]
  for (const line of streetFine.get(row) ?? []) {
    for (let i = 1; i < line.length; i++) {
      const [x0, y0] = line[i - 1];
      const [x1, y1] = line[i];
      const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / STEP));
      for (let k = i === 1 ? 0 : 1; k <= n; k++) {
        const x = x0 + ((x1 - x0) * k) / n;
        const y = y0 + ((y1 - y0) * k) / n;
        const w = wardAt(x, y);
        if (!w) continue;
        if (!samples.has(w)) samples.set(w, []);
        samples.get(w).push([round(x), round(y)]);
      }
    }
  }
  for (const [w, pts] of samples) {
    if (!wardSamples.has(w)) wardSamples.set(w, []);
    wardSamples.get(w).push(...pts);
  }
  let list = [...samples].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  if (list.length > 1) list = list.filter(([, s], i) => i === 0 || s.length >= 3);
  if (list.length === 0 && row[4]) list = [[row[4], [[row[1], row[2]]]]];
  row.push(list.map(([w, s]) => [w, ...s[Math.floor(s.length / 2)], s.length]));
  streetWardPairs += list.length;
}

// Each ward's point in its populated part: where the ward has streets, the street sample nearest
// to the centroid of its street network (so the point is on a street, not on an island or in a
// bay: the polygon centroid of Phường Nha Trang lies on Hòn Tre). Other wards keep the polygon
// centroid. See docs/decisions/0005-resolver.md.
const moved = [];
for (const [code, pts] of wardSamples) {
  if (pts.length < 20 || !wardGeo[code]) continue;
  const mx = pts.reduce((a, p) => a + p[0], 0) / pts.length;
  const my = pts.reduce((a, p) => a + p[1], 0) / pts.length;
  let best = pts[0];
  for (const p of pts) if (Math.hypot(p[0] - mx, p[1] - my) < Math.hypot(best[0] - mx, best[1] - my)) best = p;
  const [ox, oy] = wardGeo[code].centroid;
  const km = (p) => Math.hypot((p[0] - ox) * 111.32 * Math.cos((oy * Math.PI) / 180), (p[1] - oy) * 110.57);
  const street = Math.min(...pts.map(km)); // the old point's distance to the nearest street
  moved.push(`${code} moved ${km(best).toFixed(1)} km (nearest street was ${street.toFixed(1)} km away, now 0)`);
  wardGeo[code] = { ...wardGeo[code], centroid: [round(best[0]), round(best[1])] };
}

// Wards without streets in the data: the pole of inaccessibility of the largest part (a point
// well inside the land the ward is mostly made of, never in the sea between islands).
let poles = 0;
let outside = 0;
const poleMoves = [];
for (const w of polys) {
  if (wardSamples.get(w.code)?.length >= 20 || !wardGeo[w.code]) continue;
  const largest = w.polygons.reduce((a, b) => (ringArea(b[0]) > ringArea(a[0]) ? b : a));
  const [ox, oy] = wardGeo[w.code].centroid;
  if (!w.polygons.some((poly) => inPolygon(ox, oy, poly))) outside++;
  const [px, py] = poleOfInaccessibility(largest);
  poleMoves.push(Math.hypot((px - ox) * 111.32 * Math.cos((oy * Math.PI) / 180), (py - oy) * 110.57));
  wardGeo[w.code] = { ...wardGeo[w.code], centroid: [round(px), round(py)] };
  poles++;
}
poleMoves.sort((a, b) => a - b);
moved.push(
  `${poles} others at the pole of their largest part (${outside} old points were outside their ward; moved median ${poleMoves[poleMoves.length >> 1]?.toFixed(1)} km, max ${poleMoves.at(-1)?.toFixed(1)} km)`,
);

// ---------------------------------------------------------------- points of interest
const CATEGORY = {
  hotel: 'lodging',
  resort: 'lodging',
  guesthouse: 'lodging',
  hostel: 'lodging',
  attraction: 'tourism',
  museum: 'tourism',
  viewpoint: 'tourism',
  monument: 'tourism',
  restaurant: 'food',
  cafe: 'food',
  bar: 'food',
  pub: 'food',
  fast_food: 'food',
  convenience: 'shopping',
  supermarket: 'shopping',
  mall: 'shopping',
  hospital: 'health',
  clinic: 'health',
  pharmacy: 'health',
  doctors: 'health',
  university: 'education',
  school: 'education',
  college: 'education',
  kindergarten: 'education',
  police: 'government',
  town_hall: 'government',
  post_office: 'government',
  buddhist: 'religion',
  christian: 'religion',
  fuel: 'fuel',
  parking: 'parking',
};
const pois = [];
for (const file of ['osm/nhatrang_osm_pois_2021.geojson', 'osm/nhatrang_osm_pois2_2021.geojson']) {
  const fc = json(file);
  for (const f of fc.features) {
    const p = f.properties;
    const name = canon(p.name);
    if (!name) continue;
    let category = CATEGORY[p.fclass] || 'other';
    // The traffic layer labels cafés and hostels as fuel or parking (see SOURCES.md): keep the
    // class only when the name agrees, otherwise the category is unknown.
    if (file.includes('pois2')) {
      const n = fold(name);
      category = /petro|xang|petrol|fuel|gas station/.test(n) ? 'fuel' : 'other';
    }
    const [x, y] = f.geometry.coordinates;
    pois.push([String(p.osm_id), name, category, p.fclass, round(x), round(y), wardAt(x, y)]);
  }
}
pois.sort((a, b) => (a[0] < b[0] ? -1 : 1));

// ---------------------------------------------------------------- write
const ATTRIBUTION = {
  admin:
    'Administrative units: thanglequoc/vietnamese-provinces-database (MIT), tranngocminhhieu/vietnamadminunits (MIT), dvhcvn/20250701 (MIT); Resolution 1667/NQ-UBTVQH15.',
  geo: 'Ward boundaries: thanglequoc/vietnamese-provinces-database (MIT), geometry from sapnhap.bando.com.vn.',
  osm: '© OpenStreetMap contributors, ODbL 1.0 (snapshot ≤ 2021-05-01).',
};
const parts = {
  admin: { data: admin, attribution: ATTRIBUTION.admin },
  legacy: { data: legacyOut, attribution: ATTRIBUTION.admin },
  wards: { data: wardsPart, attribution: ATTRIBUTION.geo },
  streets: { data: { streets }, attribution: ATTRIBUTION.osm },
  roads: { data: { roads: roadLines }, attribution: ATTRIBUTION.osm },
  pois: { data: { pois }, attribution: ATTRIBUTION.osm },
  zones: { data: zonesPart, attribution: ATTRIBUTION.geo },
};
const manifest = { name: '@diachiso/data', parts: {} };
const all = createHash('sha256');
for (const [name, { data, attribution }] of Object.entries(parts)) {
  const body = JSON.stringify({ part: name, attribution, ...data });
  const bytes = Buffer.byteLength(body);
  const sha256 = createHash('sha256').update(body).digest('hex');
  all.update(sha256);
  writeFileSync(join(OUT, `${name}.json`), body);
  manifest.parts[name] = { file: `${name}.json`, bytes, sha256, attribution };
}
manifest.version = `2025.1-${all.digest('hex').slice(0, 10)}`;
writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

const kb = (n) => `${(n / 1024).toFixed(0)} kB`;
console.log(
  `data ${manifest.version}: ${provinces.size} provinces, ${wards.length} wards, ${legacy.length} legacy rows, ` +
    `${polys.length} ward polygons (${vertsIn} → ${vertsOut} vertices), ${streets.length} streets (${streetLines.size} with geometry, ${streetWardPairs} street-ward pairs; ward points on their streets: ${moved.join(', ')}; ${linesUnmatched} named lines unmatched), ${roadLines.length} road lines, ${pois.length} POIs; ` +
    `zones ${Object.keys(zones).length} (${multiRef} in the long form); ${recoded} legacy rows re-joined by name; aliases ${aliases.length} (+${districtAliases.length} district; ${aliasUnmatched} unmatched); citations ${citeStats.agreed}/${citeStats.rows} agree with the resolution, ${citeStats.corrected} corrected, ${citeStats.unverified} unverified; ` +
    Object.entries(manifest.parts)
      .map(([k, v]) => `${k} ${kb(v.bytes)}`)
      .join(', '),
);
