import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDataset } from '@diachiso/data';
import { WardLocator } from '@diachiso/search';
import { AdminRegistry, decodeCode, encodeCode, parseCode, type WardsData, type ZoneTable } from '../src/index.js';
import { inPolygon } from '../src/internal.js';

const ds = await loadDataset(['admin', 'wards', 'zones']);
const zones = ds.parts.zones as ZoneTable;
const wards = ds.parts.wards as WardsData;
const locator = new WardLocator(wards, new AdminRegistry(ds.parts.admin));
const zoneAt = (p: { lat: number; lon: number }) => locator.wardCodeAt(p)?.code;

/** A deterministic PRNG (mulberry32), so failures reproduce. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('the worked example of the specification', () => {
  // docs/digital-address-code.md, "Worked example": UBND phường Nha Trang, 42 Lê Thánh Tôn.
  const r = encodeCode({ lat: 12.24579, lon: 109.19533 }, zones, zoneAt);
  assert.ok(r.zoneKnown);
  assert.equal(r.zone, '22366');
  assert.equal(r.plusCode, '7P4F65WW+848');
  assert.equal(r.code, '22366-65WW+848');
  assert.equal(r.compact, '22366 65WW848');
  assert.deepEqual(zones.zones['22366']?.ref, [12.224, 109.276]);
  // The long form, in the Trường Sa special zone.
  const ts = encodeCode({ lat: 8.6455, lon: 111.92 }, zones, zoneAt);
  assert.ok(ts.zoneKnown);
  assert.equal(ts.code, '22736-WHJWWC+622');
  assert.equal(ts.plusCode, '6PWHJWWC+622');
  const d = decodeCode(r.code, zones)!;
  assert.ok(d.cell.south <= 12.24579 && 12.24579 < d.cell.north && d.cell.west <= 109.19533 && 109.19533 < d.cell.east);
});

test('100,000 random points in Khánh Hòa’s wards (Trường Sa included) round-trip, in the right zone', () => {
  const next = rng(56);
  let n = 0;
  let long = 0;
  let overlaps = 0;
  const perWard = Math.ceil(100_000 / wards.wards.length);
  for (const w of wards.wards) {
    // Sample each ward's parts in proportion to nothing: every part gets points (islands too).
    for (let k = 0; k < perWard; k++) {
      const poly = w.polygons[Math.floor(next() * w.polygons.length)]!;
      let a = Infinity,
        b = Infinity,
        c = -Infinity,
        d = -Infinity;
      for (const [x, y] of poly[0]!) {
        a = Math.min(a, x);
        b = Math.min(b, y);
        c = Math.max(c, x);
        d = Math.max(d, y);
      }
      let p: { lat: number; lon: number } | undefined;
      for (let tries = 0; tries < 200 && !p; tries++) {
        const q = { lon: a + next() * (c - a), lat: b + next() * (d - b) };
        if (inPolygon(q.lon, q.lat, poly)) p = q;
      }
      if (!p) continue; // a degenerate sliver part
      const e = encodeCode(p, zones, zoneAt);
      assert.ok(e.zoneKnown, `no zone at ${p.lat},${p.lon}`);
      if (e.zone !== w.code) overlaps++; // simplified neighbours may overlap by a sliver
      const back = decodeCode(e.code, zones)!;
      assert.ok(back, e.code);
      assert.ok(
        back.cell.south <= p.lat && p.lat < back.cell.north && back.cell.west <= p.lon && p.lon < back.cell.east,
        `${e.code} does not contain ${p.lat},${p.lon}`,
      );
      const compact = decodeCode(e.compact.toLowerCase(), zones)!;
      assert.equal(compact.plusCode, back.plusCode);
      if (e.locationCode.length === 9) long++;
      n++;
    }
  }
  assert.ok(n >= 100_000, `only ${n} points`);
  console.log(`${n} points, ${long} in the long form, ${overlaps} in a sliver where two simplified wards overlap`);
  assert.equal(overlaps, 0, `${overlaps} points got a neighbouring ward zone`);
  assert.ok(long > 1000, 'Trường Sa points use the long form');
});

test('outside the embedded polygons: a full Plus Code and no zone', () => {
  const r = encodeCode({ lat: 21.0285, lon: 105.8542 }, zones, zoneAt);
  assert.equal(r.zoneKnown, false);
  assert.ok(!r.zoneKnown);
  assert.match(r.plusCode, /^7PH7[23456789CFGHJMPQRVWX]{4}\+[23456789CFGHJMPQRVWX]{3}$/);
});

test('parsing accepts what people type and rejects the rest with a reason', () => {
  const c = encodeCode({ lat: 12.2388, lon: 109.1967 }, zones, zoneAt);
  assert.ok(c.zoneKnown);
  const [zone, loc] = c.compact.split(' ') as [string, string];
  for (const typed of [
    c.code,
    c.compact,
    `${zone}${loc}`,
    `${zone} ${loc.toLowerCase()}`,
    `${zone}-${loc.slice(0, 4)}-${loc.slice(4)}`,
    ` ${zone}.${loc} `,
  ]) {
    const p = parseCode(typed, zones);
    assert.ok(p.ok, typed);
    assert.equal(p.code, c.code);
    assert.deepEqual(p.corrections, []);
  }
  const o = parseCode('224O2 65ww848', zones);
  assert.ok(o.ok);
  assert.equal(o.code, '22402-65WW+848');
  assert.deepEqual(o.corrections, ['O→0 in the zone']);
  const i = parseCode('2241I-65WW+848', zones);
  assert.ok(i.ok && i.code === '22411-65WW+848');
  const reasons = (t: string) => {
    const p = parseCode(t, zones);
    return p.ok ? 'ok' : p.reason;
  };
  assert.equal(reasons(''), 'empty');
  assert.equal(reasons('22366-65QW'), 'length');
  assert.equal(reasons('2236A-65QW+GM8'), 'zone-not-digits');
  assert.equal(reasons('22366-65QW+GMA'), 'invalid-character');
  assert.equal(reasons('22366-65Q0+GM8'), 'invalid-character');
  assert.equal(reasons('99999-65QW+GM8'), 'unknown-zone');
  assert.equal(reasons('22736-65QW+GM8'), 'wrong-form'); // Trường Sa uses the long form
  assert.equal(reasons('<script>alert(1)</script>'), 'length');
  assert.equal(reasons('x'.repeat(100_000)), 'too-long');
  const bad = parseCode('2236A-65QW+GM8');
  assert.ok(!bad.ok && bad.vi.length > 0 && bad.en.length > 0);
});

test('retired zones keep decoding', () => {
  const c = encodeCode({ lat: 12.2388, lon: 109.1967 }, zones, zoneAt);
  assert.ok(c.zoneKnown);
  const later: ZoneTable = { ...zones, retired: { [c.zone]: '2030-01-01' } };
  const d = decodeCode(c.code, later)!;
  assert.equal(d.plusCode, c.plusCode);
  assert.equal(d.retired, '2030-01-01');
});
