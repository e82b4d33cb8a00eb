// An index restored from its snapshot (as stored in IndexedDB) is the same index: same records,
// same words, same answers; a snapshot of another dataset or an old format is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SearchIndex, type IndexSnapshot, type SearchSources } from '@diachiso/search';

const asset = (name: string) => JSON.parse(readFileSync(new URL(`../../data/assets/${name}.json`, import.meta.url), 'utf8'));
const src: SearchSources = { admin: asset('admin'), legacy: asset('legacy'), streets: asset('streets'), pois: asset('pois') };
const fresh = new SearchIndex(src);
const snap = JSON.parse(JSON.stringify(fresh.snapshot())) as IndexSnapshot; // as a store would copy it
const restored = new SearchIndex(src, snap);

test('same records and words', () => {
  assert.deepEqual(restored.documents(), fresh.documents());
});

test('same answers', () => {
  const queries = [
    'vinh hai',
    'P. Vĩnh Hải, TP. Nha Trang',
    'phuong 10 quan 5',
    'tran phu',
    'benh vien',
    'xa cam lam',
    'khanh hoa',
    'nguyen thien thuat nha trang',
    'TX Ninh Hòa',
    'ba dinh ha noi',
    'vinpearl',
    'phuog nha trag',
    'đặc khu trường sa',
    'hoa khanh',
    '12 tran phu',
    'cho dam',
    'zzqx',
    'p',
    'ph',
  ];
  for (const q of queries) assert.deepEqual(restored.suggest(q, { limit: 8 }), fresh.suggest(q, { limit: 8 }), q);
});

test('a snapshot of another dataset or format is refused, not trusted', () => {
  assert.throws(() => new SearchIndex({ ...src, pois: { pois: [] } }, snap));
  assert.throws(() => new SearchIndex(src, { ...snap, words: snap.words.split('\n').slice(1).join('\n') }));
  // an old format is ignored: the index is rebuilt
  const old = new SearchIndex(src, { ...snap, format: 1 } as unknown as IndexSnapshot);
  assert.deepEqual(old.suggest('vinh hai', { limit: 5 }), fresh.suggest('vinh hai', { limit: 5 }));
});

test('a snapshot with the right counts but damaged entries is refused (the engine then rebuilds)', () => {
  // Every text-index entry emptied: counts and words still match the dataset.
  const damaged = { ...snap, entries: snap.entries.map(([k]) => [k, '{}']) } as IndexSnapshot;
  assert.throws(() => new SearchIndex(src, damaged), /damaged/);
});
