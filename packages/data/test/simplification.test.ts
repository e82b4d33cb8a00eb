// The shipped ward polygons are simplified (Douglas–Peucker, 0.00004° ≈ 4 m). Random points inside
// the original polygons must still get their ward from the shipped ones through the WardLocator
// (which also snaps points in gaps). The full 10,000-point measurement over several tolerances is
// `node packages/data/scripts/measure-simplification.mjs` (docs/decisions/0003).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { type AdminData, type WardsData } from '@diachiso/core';
import { inPolygon } from '@diachiso/core/internal';
import { WardLocator } from '@diachiso/search';

type Ring = [number, number][];
const read = (p: string) => JSON.parse(readFileSync(new URL(p, import.meta.url), 'utf8'));
const geo = read('../source/geo/khanhhoa_wards_2025.geojson') as {
  features: { properties: { code: string | number }; geometry: { type: string; coordinates: unknown } }[];
};
const locator = new WardLocator(read('../assets/wards.json') as WardsData, read('../assets/admin.json') as AdminData);

test('10,000 random points inside the original polygons keep their ward after simplification', () => {
  const wards = geo.features
    .map((f) => {
      const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Ring[][];
      const xs = polys.flat(2).map((p) => p[0]);
      const ys = polys.flat(2).map((p) => p[1]);
      return {
        code: String(f.properties.code).padStart(5, '0'),
        polys,
        bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
      };
    })
    .filter((w) => w.bbox[2]! < 110); // mainland (Trường Sa is open sea)
  const [minX, minY, maxX, maxY] = [
    Math.min(...wards.map((w) => w.bbox[0]!)),
    Math.min(...wards.map((w) => w.bbox[1]!)),
    Math.max(...wards.map((w) => w.bbox[2]!)),
    Math.max(...wards.map((w) => w.bbox[3]!)),
  ];
  let seed = 11;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  let n = 0;
  let wrong = 0;
  while (n < 10000) {
    const x = minX + rnd() * (maxX - minX);
    const y = minY + rnd() * (maxY - minY);
    const truth = wards.find(
      (w) => x >= w.bbox[0]! && x <= w.bbox[2]! && y >= w.bbox[1]! && y <= w.bbox[3]! && w.polys.some((p) => inPolygon(x, y, p)),
    );
    if (!truth) continue;
    n++;
    if (locator.wardCodeAt({ lat: y, lon: x })?.code !== truth.code) wrong++;
  }
  console.log(`simplification: ${wrong} of 10,000 random points changed ward`);
  assert.ok(wrong <= 5, `${wrong} of 10,000 points changed ward`);
});
