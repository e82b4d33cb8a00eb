// Records carry the words of their own units only: a street or point of interest is found by
// its ward, province and former district, never by words of the pilot city baked into every
// record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SearchIndex, type SearchSources } from '@diachiso/search';

const asset = (name: string) => JSON.parse(readFileSync(new URL(`../../data/assets/${name}.json`, import.meta.url), 'utf8'));
const admin = asset('admin');
const legacy = asset('legacy');
// A ward of Hà Nội (01) and one of Nha Trang (22366).
const hanoiWard = (admin.wards as string[][]).find((w) => w[3] === '01')![0]!;
const src: SearchSources = {
  admin,
  legacy,
  streets: {
    streets: [
      ['Trần Phú', 105.84, 21.03, [105.83, 21.02, 105.85, 21.04], hanoiWard, 3],
      ['Trần Phú', 109.19, 12.24, [109.18, 12.2, 109.2, 12.26], '22366', 3],
    ],
  },
  pois: { pois: [['1', 'Hồ Hoàn Kiếm', 'tourism', 'attraction', 105.85, 21.03, hanoiWard]] },
};
const idx = new SearchIndex(src);
const doc = (id: string, n = 0) => idx.documents().filter((d) => d.id === id)[n]!;

test('a street or place in Hà Nội has no Nha Trang words', () => {
  const street = idx.documents().find((d) => d.kind === 'street' && d.context.includes('ha noi'))!;
  const poi = doc('poi:1');
  for (const d of [street, poi]) {
    assert.ok(!/\bnha\b|\btrang\b/.test(d.context), d.context);
    assert.match(d.context, /\bha noi\b/);
  }
});

test("a street in Nha Trang is found by its ward's former district", () => {
  const street = idx.documents().find((d) => d.kind === 'street' && d.context.includes('khanh hoa'))!;
  assert.match(street.context, /\bnha trang\b/);
  assert.equal(idx.suggest('tran phu nha trang', { limit: 1 })[0]?.province?.code, '56');
  assert.equal(idx.suggest('tran phu ha noi', { limit: 1 })[0]?.province?.code, '01');
});

test('records are indexed best kinds first: provinces, wards, streets, pre-2025 wards, places', () => {
  const kinds = idx.documents().map((d) => (d.id.startsWith('legacy:') ? 'legacy' : d.kind));
  const order = ['province', 'ward', 'street', 'legacy', 'poi'];
  for (let i = 1; i < kinds.length; i++)
    assert.ok(order.indexOf(kinds[i - 1]!) <= order.indexOf(kinds[i]!), `${kinds[i - 1]} before ${kinds[i]}`);
});
