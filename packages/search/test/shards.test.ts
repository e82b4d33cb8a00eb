// The index partitioned by province: the units everywhere, a province's streets and places only
// when the query needs them (typed with a marker or as the last words, or the `province`
// option), Khánh Hòa's loaded by default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ShardedIndex, streetIds, type SearchSources } from '@diachiso/search';

const asset = (name: string) => JSON.parse(readFileSync(new URL(`../../data/assets/${name}.json`, import.meta.url), 'utf8'));
const admin = asset('admin');
const streets = asset('streets');
// A ward of Hà Nội's Ba Đình (legacy district) gets a Trần Phú street.
const legacy = asset('legacy');
const baDinhWard = (legacy.rows as string[][]).find((r) => r[3] === 'Quận Ba Đình')![6]!;
const src: SearchSources = {
  admin,
  legacy,
  streets: { streets: [...streets.streets, ['Trần Phú', 105.84, 21.03, [105.83, 21.02, 105.85, 21.04], baDinhWard, 3]] },
  pois: asset('pois'),
};

test("Khánh Hòa's shard is loaded by default; another province's on first need", () => {
  const idx = new ShardedIndex(src);
  assert.deepEqual(idx.loaded, ['56']);
  assert.deepEqual(idx.provinces, ['01', '56']);
  // Unconstrained: the units and the loaded shards only.
  assert.equal(idx.suggest('tran phu', { limit: 1 })[0]?.province?.code, '56');
  assert.deepEqual(idx.loaded, ['56']);
  // Typed with a marker: Hà Nội's shard is built and searched alone.
  const hn = idx.suggest('tran phu quan ba dinh', { limit: 5 }).find((s) => s.kind === 'street');
  assert.equal(hn?.province?.code, '01');
  assert.deepEqual(idx.loaded, ['01', '56']);
  assert.ok(idx.get(hn!.id));
  // The province option.
  assert.equal(new ShardedIndex(src, { preload: [] }).suggest('tran phu', { province: '01', limit: 1 })[0]?.province?.code, '01');
});

test('what limits a query to a province', () => {
  const idx = new ShardedIndex(src, { preload: [] });
  assert.equal(idx.provinceOf('tran phu tp nha trang'), '56');
  assert.equal(idx.provinceOf('le loi ha noi'), '01');
  assert.equal(idx.provinceOf('le loi', { province: '79' }), '79');
  // Streets named after provinces or wards: not a limit.
  assert.equal(idx.provinceOf('Thái Nguyên, Nha Trang'), undefined);
  assert.equal(idx.provinceOf('an duong vuong'), undefined);
  assert.equal(idx.provinceOf('chua long son'), undefined);
  assert.equal(idx.provinceOf('ha noi'), undefined);
  // Bad input: no limit, no throw.
  assert.equal(idx.provinceOf(42 as unknown as string), undefined);
  assert.deepEqual(idx.suggest(42 as unknown as string), []);
});

test('the units answer everywhere: provinces, wards, pre-2025 wards', () => {
  const idx = new ShardedIndex(src);
  assert.equal(idx.suggest('tinh quang tri', { limit: 1 })[0]?.id, 'province:44');
  assert.equal(idx.suggest('vinh hai', { limit: 1 })[0]?.kind, 'ward');
});

test('street ids are those of the whole dataset, whatever the shard', () => {
  const idx = new ShardedIndex(src);
  const kh = idx.suggest('tran phu', { province: '56', limit: 5 }).find((s) => s.kind === 'street')!;
  const hn = idx.suggest('tran phu', { province: '01', limit: 5 }).find((s) => s.kind === 'street')!;
  assert.notEqual(kh.id, hn.id);
  assert.equal(idx.get(hn.id)?.province?.code, '01');
});

test('shards restore from their snapshots; one that does not fit is rebuilt', () => {
  const idx = new ShardedIndex(src);
  const snapshots = {
    units: JSON.parse(JSON.stringify(idx.snapshot('units'))),
    '56': JSON.parse(JSON.stringify(idx.snapshot('56'))),
    '01': { ...JSON.parse(JSON.stringify(idx.snapshot('56'))), records: 1 },
  };
  assert.equal(idx.snapshot('99'), undefined);
  const back = new ShardedIndex(src, { snapshots, preload: ['56', '01'] });
  assert.equal(back.units.fromSnapshot, true);
  assert.equal(back.shard('56')!.fromSnapshot, true);
  assert.equal(back.shard('01')!.fromSnapshot, false);
  for (const q of ['tran phu', 'vinh hai', 'cho dam', 'tran phu quan ba dinh'])
    assert.deepEqual(back.suggest(q, { limit: 5 }), new ShardedIndex(src, { preload: ['56', '01'] }).suggest(q, { limit: 5 }), q);
});

test('an unconstrained query gets the same answers whatever earlier queries loaded', () => {
  const idx = new ShardedIndex(src);
  const before = idx.suggest('tran phu', { limit: 5 });
  idx.suggest('tran phu quan ba dinh', { limit: 5 }); // builds Hà Nội's shard
  assert.deepEqual(idx.loaded, ['01', '56']);
  assert.deepEqual(idx.suggest('tran phu', { limit: 5 }), before);
  assert.ok(before.every((s) => s.kind !== 'street' || s.province?.code !== '01'));
});

test('shards built on demand beyond maxLoaded are dropped, and their records still found by id', () => {
  const idx = new ShardedIndex(src, { maxLoaded: 0 });
  const hn = idx.suggest('tran phu', { province: '01', limit: 5 }).find((s) => s.kind === 'street')!;
  assert.equal(hn.province?.code, '01');
  // Built for the query, then dropped: only the preloaded shard stays.
  assert.deepEqual(idx.loaded, ['56']);
  assert.equal(idx.get(hn.id)?.label, hn.label);
  assert.equal(idx.get('street:no-such-street'), undefined);
  assert.equal(idx.get('poi:0'), undefined);
  const kept = new ShardedIndex(src, { maxLoaded: 1, preload: [] });
  kept.suggest('tran phu', { province: '01' });
  kept.suggest('tran phu', { province: '56' });
  assert.deepEqual(kept.loaded, ['56']);
});

test('a unit typed alone, or a name still being typed, limits nothing', () => {
  const idx = new ShardedIndex(src, { preload: [] });
  // The ward is in the units shard: no province shard is needed.
  assert.equal(idx.provinceOf('P. Vĩnh Hải'), undefined);
  assert.equal(idx.provinceOf('quận Ba Đình'), undefined);
  // After a street, the place limits.
  assert.equal(idx.provinceOf('tran phu, quan ba dinh'), '01');
  assert.equal(idx.provinceOf('tran phu, p. loc tho'), '56');
  // `ha` of `ha noi` while typing.
  assert.equal(idx.provinceOf('le loi ha'), undefined);
  assert.deepEqual(idx.loaded, []);
});

test("a shard's street ids are streetIds' over the whole dataset, duplicates numbered in dataset order", () => {
  const idx = new ShardedIndex(src, { preload: ['56', '01'] });
  const all = streetIds(src.streets!.streets);
  const want = new Set(all);
  const got = new Set<string>();
  for (const p of ['56', '01']) for (const d of idx.shard(p)!.documents()) if (d.kind === 'street') got.add(d.id);
  assert.deepEqual([...got].sort(), [...want].sort());
  // The Hà Nội Trần Phú comes after Khánh Hòa's in the data: it is the second.
  assert.equal(idx.suggest('tran phu', { province: '01', limit: 5 }).find((s) => s.kind === 'street')?.id, all.at(-1));
});
