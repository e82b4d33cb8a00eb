// Words typed as people type them when no record has them: Telex or VNI with the input method
// off, words glued together; and pre-2025 provinces, which people still type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SearchIndex, ShardedIndex, type SearchSources } from '@diachiso/search';

const asset = (name: string) => JSON.parse(readFileSync(new URL(`../../data/assets/${name}.json`, import.meta.url), 'utf8'));
const src: SearchSources = { admin: asset('admin'), legacy: asset('legacy'), streets: asset('streets'), pois: asset('pois') };
const idx = new SearchIndex(src);
const sharded = new ShardedIndex(src);
const top = (q: string) => idx.suggest(q, { limit: 5 })[0];

test('Telex and VNI typed with the input method off', () => {
  for (const q of ['traanf phus', 'Tra62n Phu1', 'nguyeenx thij minh khai']) {
    const s = top(q);
    assert.equal(s?.kind, 'street', q);
    assert.equal(s?.province?.code, '56', q);
  }
  assert.match(top('traanf phus')!.label, /^Trần Phú,/u);
  assert.match(top('nguyeenx thij minh khai')!.label, /^Nguyễn Thị Minh Khai,/u);
});

test('glued words are split into words the records have', () => {
  assert.match(top('tranphu')!.label, /^Trần Phú,/u);
  assert.match(top('nguyenkhuyen')!.label, /^Nguyễn Khuyến,/u);
  assert.equal(top('nhatrang')?.id, 'ward:22366');
  assert.equal(top('hanoi')?.id, 'province:01');
  // The last word may still be being typed.
  assert.match(top('tranph')!.label, /^Trần Phú,/u);
  // The sharded index reads them the same way.
  for (const q of ['tranphu', 'traanf phus', 'nhatrang'])
    assert.equal(sharded.suggest(q, { limit: 1 })[0]?.id, idx.suggest(q, { limit: 1 })[0]?.id, q);
});

test('known words are never rewritten; hopeless input is empty, not a crash', () => {
  // `hoang` is a word (Hoàng), though `ho` and `ang` are words too.
  assert.match(top('hoang ')!.label, /Hoàng/u);
  assert.deepEqual(idx.suggest('zzqxv', { limit: 5 }), []);
  assert.ok(Array.isArray(idx.suggest('nhatrang'.repeat(40))));
});

test('a pre-2025 province points to its 2025 province', () => {
  const s = top('ninh thuan');
  assert.equal(s?.id, 'legacy-province:58:56');
  assert.equal(s?.kind, 'province');
  assert.equal(s?.province?.code, '56');
  assert.equal(s?.label, 'Ninh Thuận (cũ) → Tỉnh Khánh Hòa');
  assert.equal(idx.get('legacy-province:58:56')?.label, s?.label);
  assert.equal(top('tinh binh dinh')?.province?.code, '52');
  // A province whose name did not change has no second record.
  assert.equal(idx.suggest('khanh hoa', { limit: 5 }).filter((x) => x.id.startsWith('legacy-province:')).length, 0);
});
