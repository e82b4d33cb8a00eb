#!/usr/bin/env node
// Measures what simplifying the ward polygons costs: 10,000 random points inside the original
// (unsimplified) polygons of Khánh Hòa's mainland wards, and how many get another ward (or none)
// from the simplified polygons, for several Douglas–Peucker tolerances. Used to choose the
// tolerance in build-data.mjs; the chosen one is also checked by packages/data/test.
// Usage: node packages/data/scripts/measure-simplification.mjs [points]
import { readFileSync } from 'node:fs';
import { inPolygon, polygonsOf, simplifyRing } from './geometry.mjs';

const root = new URL('../', import.meta.url);
const geo = JSON.parse(readFileSync(new URL('source/geo/khanhhoa_wards_2025.geojson', root), 'utf8'));
const N = Number(process.argv[2] ?? 10000);

const wardsOf = (features) =>
  features.map((f) => ({
    code: String(f.properties.code).padStart(5, '0'),
    polys: polygonsOf(f.geometry),
  }));
const wardAt = (wards, x, y) => wards.find((w) => w.polys.some((p) => inPolygon(x, y, p)))?.code;

const original = wardsOf(geo.features);
// the mainland: every ward but the Trường Sa special zone (open sea, a 10° box)
const mainland = original.filter((w) => w.polys.flat(2).every(([x]) => x < 110));
let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
for (const w of mainland)
  for (const [x, y] of w.polys.flat(2))
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];

let seed = 20250701;
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const points = [];
while (points.length < N) {
  const x = minX + rnd() * (maxX - minX);
  const y = minY + rnd() * (maxY - minY);
  const code = wardAt(mainland, x, y);
  if (code) points.push([x, y, code]);
}

export function simplified(tol) {
  let vertices = 0;
  const wards = original.map((w) => ({
    code: w.code,
    polys: w.polys.map((poly) =>
      poly.map((ring) => {
        const r = tol ? simplifyRing(ring, tol) : ring;
        vertices += r.length;
        return r;
      }),
    ),
  }));
  return { wards, vertices };
}

console.log(`${N.toLocaleString('en')} random points inside the original polygons of ${mainland.length} mainland wards`);
console.log('| tolerance (°) | ≈ metres | vertices | JSON kB | another ward | no ward (gap) |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const tol of [0, 0.00001, 0.00002, 0.00004, 0.0001, 0.0002, 0.0005]) {
  const { wards, vertices } = simplified(tol);
  let other = 0;
  let none = 0;
  for (const [x, y, code] of points) {
    const got = wardAt(wards, x, y);
    if (got === undefined) none++;
    else if (got !== code) other++;
  }
  const kb = Math.round(JSON.stringify(wards.map((w) => w.polys)).length / 1024);
  console.log(`| ${tol} | ${Math.round(tol * 111000)} | ${vertices} | ${kb} | ${other} | ${none} |`);
}
