import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { PoisData, StreetsData } from '@diachiso/core';
import { NearbyIndex, streetIds } from '@diachiso/search';

const asset = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../data/assets/${name}.json`, import.meta.url), 'utf8')) as T;
const streets = asset<StreetsData>('streets');
const pois = asset<PoisData>('pois');
const near = new NearbyIndex(streets, pois);

// An independent oracle: every segment of every street, no grid, haversine-free planar metres.
function bruteStreets(lat: number, lon: number, r: number) {
  const kx = Math.cos((lat * Math.PI) / 180) * 111320;
  const ky = 110574;
  const ids = streetIds(streets.streets);
  const out: { id: string; d: number }[] = [];
  streets.streets.forEach((row, i) => {
    let best = Infinity;
    for (const line of row[6] ?? [])
      for (let k = 1; k < line.length; k++) {
        const [ax, ay] = [(line[k - 1]![0] - lon) * kx, (line[k - 1]![1] - lat) * ky];
        const [bx, by] = [(line[k]![0] - lon) * kx, (line[k]![1] - lat) * ky];
        const dx = bx - ax;
        const dy = by - ay;
        const t = dx || dy ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy))) : 0;
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
    if (best <= r) out.push({ id: ids[i]!, d: Math.round(best) });
  });
  return out.sort((a, b) => a.d - b.d);
}

test('every street of the dataset has its road lines', () => {
  const withLines = streets.streets.filter((s) => (s[6]?.length ?? 0) > 0).length;
  assert.ok(withLines / streets.streets.length > 0.95, `${withLines} of ${streets.streets.length}`);
});

test('the grid gives the same nearest streets as checking every segment (1,000 random points)', () => {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let withResults = 0;
  for (let i = 0; i < 1000; i++) {
    const lat = 12.18 + rnd() * 0.12;
    const lon = 109.13 + rnd() * 0.1;
    const r = [100, 500, 2000][i % 3]!;
    const got = near.near({ lat, lon }, { streets: 5, pois: 0, radiusM: r }).streets;
    const want = bruteStreets(lat, lon, r).slice(0, 5);
    assert.deepEqual(
      got.map((s) => s.distanceM),
      want.map((s) => s.d),
      `at ${lat},${lon} r=${r}`,
    );
    // equal distances may come in either order; the sets of ids agree when no tie is cut
    if (want.length < 5) assert.deepEqual(new Set(got.map((s) => s.id)), new Set(want.map((s) => s.id)));
    if (got.length) withResults++;
  }
  assert.ok(withResults > 500, `${withResults} of 1,000 points had a street within the radius`);
});

test('a point of interest is its own nearest one, at 0 m, and the category filter holds', () => {
  for (const p of pois.pois.slice(0, 50)) {
    const [osmId, name, category, , lon, lat] = p;
    const r = near.near({ lat, lon }, { pois: 3, streets: 0 });
    assert.equal(r.pois[0]!.distanceM, 0);
    assert.ok(r.pois.some((x) => x.id === `poi:${osmId}` && x.name === name));
    const only = near.near({ lat, lon }, { pois: 20, radiusM: 2000, category });
    assert.ok(only.pois.length > 0 && only.pois.every((x) => x.category === category));
    for (let k = 1; k < only.pois.length; k++) assert.ok(only.pois[k - 1]!.distanceM <= only.pois[k]!.distanceM);
  }
});

test('odd options and points give clamped or empty answers, never a throw', () => {
  const p = { lat: 12.2388, lon: 109.1967 };
  assert.equal(near.near(p, { streets: 999, radiusM: 1e9 }).streets.length <= 20, true);
  assert.equal(near.near(p, { streets: -3, pois: -1 }).streets.length, 0);
  assert.ok(near.near(p, { streets: Number.NaN, radiusM: Number.NaN }).streets.length <= 3);
  for (const bad of [{ lat: Number.NaN, lon: 0 }, { lat: 91, lon: 0 }, null, undefined, { lat: '12', lon: '109' }])
    assert.deepEqual(near.near(bad as never), { streets: [], pois: [] });
  assert.deepEqual(near.near({ lat: 21.03, lon: 105.85 }), { streets: [], pois: [] }); // Hà Nội: no data
});
