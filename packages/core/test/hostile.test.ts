import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, DiachisoError } from '@diachiso/sdk';
import {
  decodeCode,
  fold,
  formatAddress,
  parseAddress,
  parseCode,
  parseNdas,
  parsePlusCode,
  readCode,
  validateRecord,
  verifyAddress,
  LegacyConverter,
  type ZoneTable,
} from '../src/index.js';
import { canonicalSpelling, queryKey } from '../src/internal.js';
import { hostileCorpus } from './hostile-corpus.js';
import { gazetteer } from './fixtures.js';

const corpus = hostileCorpus();
// per call, on a 1 MB string. Catastrophic backtracking on 1 MB takes minutes, so a generous
// bound still catches it while a loaded CI machine (2 cores, many jobs) does not flake.
const BOUND_MS = 2_000;

test('the corpus has at least 200 strings', () => {
  assert.ok(corpus.length >= 200, String(corpus.length));
});

function bounded<T>(name: string, s: string, f: () => T): T {
  const t = performance.now();
  const r = f();
  const d = performance.now() - t;
  assert.ok(d < BOUND_MS, `${name} took ${d.toFixed(0)} ms on a ${s.length}-character input`);
  return r;
}

test('core: normalise, parse, verify, convert, codes, records never throw and stay bounded', async () => {
  const g = await gazetteer();
  const conv = new LegacyConverter(g);
  const zones: ZoneTable = { scheme: 'x', zones: { '22366': { ref: [12.224, 109.276] } }, retired: {} };
  for (const s of corpus) {
    bounded('fold', s, () => fold(s));
    bounded('canonicalSpelling', s, () => canonicalSpelling(s));
    bounded('queryKey', s, () => queryKey(s));
    const p = bounded('parseAddress', s, () => parseAddress(s, g));
    for (const c of Object.values(p.components)) assert.equal(p.input.slice(c.start, c.end), c.text);
    const v = bounded('verifyAddress', s, () => verifyAddress(s, g, conv));
    assert.ok(['valid', 'corrected', 'ambiguous', 'invalid'].includes(v.status));
    bounded('convert', s, () => conv.convert(s));
    const pc = bounded('parseCode', s, () => parseCode(s, zones));
    if (!pc.ok) assert.ok(pc.vi && pc.en);
    bounded('decodeCode', s, () => decodeCode(s, zones));
    const rc = bounded('readCode', s, () => readCode(s, { registry: g.registry, zones, ward: s, province: s }));
    for (const f of rc.findings) assert.ok(f.vi && f.en && (f.severity === 'error' || f.severity === 'warning'));
    const nd = bounded('parseNdas', s, () => parseNdas(s));
    if (!nd.ok) assert.ok(nd.vi && nd.en);
    bounded('parsePlusCode', s, () => parsePlusCode(s));
    bounded('validateRecord', s, () =>
      validateRecord({ name: s, houseNumber: s, street: s, ward: { code: s, name: s }, advanced: { email: s, website: s } }),
    );
    bounded('formatAddress', s, () =>
      formatAddress({ houseNumber: s, street: s, ward: { code: '1', name: s }, province: { code: '2', name: s } }),
    );
  }
});

test('sdk offline: suggest, search, verify, convertLegacy, parseCode, decodeCode give results or typed errors', async () => {
  const c = await createClient({ mode: 'offline' });
  // Warm up once: the first calls build lazy tables (streets, typo dictionary); the bound is per string.
  await c.suggest('12 Trần Phú, Nha Trang');
  await c.verify('12 Trần Phú, Nha Trang');
  await c.convertLegacy('P. Vĩnh Hải, TP. Nha Trang');
  await c.parseCode('22366-65WW+848');
  for (const s of corpus) {
    const t = performance.now();
    const r = await c.suggest(s, { limit: 5 });
    assert.ok(Array.isArray(r));
    for (const x of r) for (const [a, b] of x.matches ?? []) assert.ok(a >= 0 && a < b && b <= x.label.length);
    await c.search(s);
    await c.verify(s);
    await c.convertLegacy(s);
    await c.parseCode(s);
    await c.decodeCode(s).catch((e: unknown) => assert.ok(e instanceof DiachisoError && e.code === 'invalid-input'));
    await c.retrieve(s);
    assert.ok(performance.now() - t < 4 * BOUND_MS, `slow on ${JSON.stringify(s.slice(0, 40))}`);
  }
});
