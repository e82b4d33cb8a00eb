import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fold, parseAddress, validateRecord, formatAddress } from '../src/index.js';
import { canonicalSpelling, foldWithOffsets, queryKey, tokenize } from '../src/internal.js';
import { gazetteer } from './fixtures.js';

// Vietnamese-looking text: letters with diacritics, markers, digits, punctuation, and the odd
// hostile character, in NFC and NFD.
const viChar = fc.constantFrom(
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐÀ ,./-0123456789'.split(''),
);
const viText = fc.array(viChar, { maxLength: 80 }).map((a) => a.join(''));
const anyText = fc.oneof(
  viText,
  viText.map((s) => s.normalize('NFD')),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

test('fold and canonicalSpelling are idempotent', () => {
  fc.assert(
    fc.property(anyText, (s) => {
      assert.equal(fold(fold(s)), fold(s));
      assert.equal(canonicalSpelling(canonicalSpelling(s)), canonicalSpelling(s));
    }),
    { numRuns: 2000 },
  );
});

test('NFC and NFD input fold the same', () => {
  fc.assert(
    fc.property(viText, (s) => {
      assert.equal(fold(s.normalize('NFD')), fold(s.normalize('NFC')));
    }),
    { numRuns: 2000 },
  );
});

test('offsets stay valid and ordered on any string, lone surrogates and NUL included', () => {
  fc.assert(
    fc.property(anyText, (s) => {
      const f = foldWithOffsets(s);
      assert.equal(f.offsets.length, f.folded.length + 1);
      for (let i = 1; i < f.offsets.length; i++) assert.ok(f.offsets[i]! >= f.offsets[i - 1]!);
      assert.equal(f.offsets.at(-1), f.original.length);
      for (const t of tokenize(s)) assert.ok(t.start >= 0 && t.start < t.end && t.end <= f.original.length);
    }),
    { numRuns: 2000 },
  );
});

test('parse, queryKey, validateRecord and formatAddress never throw; parse offsets point into the input', async () => {
  const g = await gazetteer();
  fc.assert(
    fc.property(anyText, (s) => {
      const p = parseAddress(s, g);
      for (const c of Object.values(p.components)) assert.equal(p.input.slice(c.start, c.end), c.text);
      for (const u of p.unrecognized) assert.equal(p.input.slice(u.start, u.end), u.text);
      queryKey(s);
      validateRecord({ name: s, houseNumber: s, ward: { code: s, name: s } });
      formatAddress({ street: s, ward: { code: '1', name: s }, province: { code: '2', name: s } }, { locale: 'en' });
    }),
    { numRuns: 1500 },
  );
});

test('100 kB strings are cut, not choked on', async () => {
  const g = await gazetteer();
  const big = 'Phường Vĩnh Hải, '.repeat(6000);
  const t0 = performance.now();
  const p = parseAddress(big, g);
  assert.ok(p.input.length <= 1024);
  assert.ok(fold(big).length <= 1024);
  assert.ok(performance.now() - t0 < 1000);
});
