import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkId, checkOptions, jsonBody, normalizeQuery } from './input.js';
import { DiachisoError } from './errors.js';

const invalid = (e: unknown) => e instanceof DiachisoError && e.code === 'invalid-input';

test('ids: only strings that name one path segment', () => {
  assert.equal(checkId('reg-1', 'id', 'en'), 'reg-1');
  assert.equal(checkId('legacy:22330:22333', 'id', 'en'), 'legacy:22330:22333');
  for (const bad of ['', '.', '..', 'x'.repeat(201), '\ud800', 'a\u0000b', null, undefined, 42, 10n, Symbol('s'), {}, ['reg-1']])
    assert.throws(() => checkId(bad, 'id', 'en'), invalid, typeof bad === 'symbol' ? 'symbol' : String(bad));
});

test('options: null, primitives and arrays are typed errors', () => {
  assert.deepEqual(checkOptions(undefined, 'en'), {});
  const o = { limit: 1 };
  assert.equal(checkOptions(o, 'en'), o);
  for (const bad of [null, 1, 'x', [], Symbol('s')]) assert.throws(() => checkOptions(bad as never, 'en'), invalid);
});

test('queries: fullwidth folded, format characters dropped, NFC, lone surrogates replaced', () => {
  assert.equal(normalizeQuery('Ｔｒａｎ ｐｈｕ'), 'Tran phu');
  assert.equal(normalizeQuery('vi\u200bnh\u200d ha\u202ei\ufeff'), 'vinh hai');
  assert.equal(normalizeQuery('Hoa\u0300'), 'Hoà');
  assert.equal(normalizeQuery('x\ud800'), 'x\ufffd');
  assert.equal(normalizeQuery(Symbol('s')), '');
  assert.equal(normalizeQuery(42n), '');
  assert.equal(normalizeQuery('a'.repeat(5000)).length, 1024);
});

test('bodies: BigInts and cycles are typed errors', () => {
  assert.equal(jsonBody({ a: '\udc00' }, 'en'), '{"a":"\ufffd"}');
  assert.throws(() => jsonBody({ n: 1n }, 'en'), invalid);
  const cyc: Record<string, unknown> = {};
  cyc.self = cyc;
  assert.throws(() => jsonBody(cyc, 'en'), invalid);
});
