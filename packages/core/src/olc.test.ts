import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeOlc, encodeOlc, isFullOlc, isShortOlc, isValidOlc, locationToIntegers, recoverNearestOlc, shortenOlc } from './olc.js';

const dir = new URL('../../data/source/olc-test-data/', import.meta.url);
const rows = (name: string) =>
  readFileSync(new URL(name, dir), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split(','));

test('official encoding vectors', () => {
  const data = rows('encoding.csv');
  assert.ok(data.length > 200);
  for (const [lat, lng, latInt, lngInt, len, code] of data) {
    assert.deepEqual(locationToIntegers(+lat!, +lng!), [+latInt!, +lngInt!], `integers of ${lat},${lng}`);
    if (!code) {
      assert.throws(() => encodeOlc(+lat!, +lng!, +len!));
      continue;
    }
    assert.equal(encodeOlc(+lat!, +lng!, +len!), code, `encode ${lat},${lng},${len}`);
  }
});

test('official decoding vectors', () => {
  const data = rows('decoding.csv');
  assert.ok(data.length > 50);
  for (const [code, len, latLo, lngLo, latHi, lngHi] of data) {
    const a = decodeOlc(code!);
    assert.equal(a.codeLength, +len!, code);
    const near = (x: number, y: number) => Math.abs(x - y) < 1e-10;
    assert.ok(near(a.latitudeLo, +latLo!), `${code} latLo ${a.latitudeLo} vs ${latLo}`);
    assert.ok(near(a.longitudeLo, +lngLo!), `${code} lngLo`);
    assert.ok(near(a.latitudeHi, +latHi!), `${code} latHi`);
    assert.ok(near(a.longitudeHi, +lngHi!), `${code} lngHi`);
  }
});

test('official short code vectors', () => {
  const data = rows('shortCodeTests.csv');
  assert.ok(data.length > 10);
  for (const [full, lat, lng, short, type] of data) {
    if (type === 'B' || type === 'S') assert.equal(shortenOlc(full!, +lat!, +lng!), short, `shorten ${full}`);
    if (type === 'B' || type === 'R') assert.equal(recoverNearestOlc(short!, +lat!, +lng!), full, `recover ${short}`);
  }
});

test('official validity vectors', () => {
  const data = rows('validityTests.csv');
  assert.ok(data.length > 10);
  for (const [code, valid, short, full] of data) {
    assert.equal(isValidOlc(code ?? ''), valid === 'true', `valid ${code}`);
    assert.equal(isShortOlc(code ?? ''), short === 'true', `short ${code}`);
    assert.equal(isFullOlc(code ?? ''), full === 'true', `full ${code}`);
  }
});
