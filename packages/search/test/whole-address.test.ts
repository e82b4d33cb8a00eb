// Suggestions for whole addresses, from the outside (the offline engine as the SDK uses it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OfflineEngine } from '../src/engine.js';

const engine = OfflineEngine.load();

test('number + street + old city: an address on the street, the number kept, in the old city', async () => {
  const e = await engine;
  const s = e.suggest('12 Trần Phú, Nha Trang', { limit: 5 });
  assert.equal(s[0]?.kind, 'address');
  assert.equal(s[0]?.houseNumber, '12');
  assert.equal(s[0]?.street, 'Trần Phú');
  assert.equal(s[0]?.precision, 'street');
  assert.equal(s[0]?.label, '12 Trần Phú, Phường Nha Trang, Tỉnh Khánh Hòa');
  assert.ok(s.every((x) => x.province?.code === '56'));
  assert.deepEqual(e.get(s[0]!.id)?.label, s[0]!.label);
  assert.deepEqual(e.get(s[0]!.id)?.location, s[0]!.location);
});

test('a street not in the data: a ward-level address with the typed number and street, in the city typed', async () => {
  const e = await engine;
  const s = e.suggest('25 Thống Nhất, Phan Rang', { limit: 5 });
  assert.equal(s[0]?.label, '25 Thống Nhất, Phường Phan Rang, Tỉnh Khánh Hòa');
  assert.equal(s[0]?.precision, 'ward');
  assert.ok(s.every((x) => x.province?.code === '56'));
  assert.equal(e.get(s[0]!.id)?.houseNumber, '25');
});

test('a street across two wards: one address per ward; alleys kept (K448/20, 12/3/5B)', async () => {
  const e = await engine;
  const s = e.suggest('K448/20 Võ Nguyên Giáp, TP Nha Trang', { limit: 5 }).filter((x) => x.kind === 'address');
  assert.deepEqual(s.map((x) => x.ward?.code).sort(), ['22390', '22402']);
  assert.ok(s.every((x) => x.houseNumber === 'K448/20' && x.label.startsWith('K448/20 Võ Nguyên Giáp')));
});

test('verify: the examples of issue 15 stay in the place typed', async () => {
  const e = await engine;
  const a = e.verify('Nguyễn Thị Minh Khai, Nha Trang');
  assert.equal(a.address?.ward.code, '22366');
  assert.equal(a.granularity, 'route');
  const b = e.verify('Hùng Vương, Cam Ranh');
  assert.equal(b.status, 'ambiguous');
  assert.ok(b.candidates.every((c) => c.province.code === '56'));
  assert.equal(b.components?.find((v) => v.component === 'street')?.verdict, 'unconfirmed');
  const c = e.verify('12 Trần Phú, P. Vĩnh Hải, TP. Nha Trang');
  assert.equal(c.address?.ward.code, '22333');
  assert.equal(c.address?.houseNumber, '12');
  assert.equal(c.components?.find((v) => v.component === 'ward')?.verdict, 'replaced');
});

test('noisy text: Telex without an input method, type words glued to names', async () => {
  const e = await engine;
  assert.equal(e.suggest('12 Nguyeenx Traix, Nha Trang')[0]?.label, '12 Nguyễn Trãi, Phường Nha Trang, Tỉnh Khánh Hòa');
  assert.equal(e.verify('15 Lê Lợi, PhườngBến Thành, TPHCM').address?.ward.code, '26743');
});

test('address ids stay within 200 characters and retrieve rebuilds them, even for long or broken text', async () => {
  const e = await engine;
  const long = `12 ${'Đường Rất Dài '.repeat(20)}\uD800, Phường Bến Thành, TP HCM`;
  const s = e.suggest(long, { limit: 3 }).filter((x) => x.kind === 'address');
  assert.ok(s.length > 0);
  for (const x of s) {
    assert.ok(x.id.length <= 200, String(x.id.length));
    assert.equal(e.get(x.id)?.houseNumber, '12');
    assert.equal(x.province?.code, '79');
  }
});

test('"Số nhà 12 Trần Phú" with no locality is a whole address: the number is kept', async () => {
  const e = await engine;
  const s = e.suggest('Số nhà 12 Trần Phú', { limit: 5 });
  assert.equal(s[0]?.kind, 'address');
  assert.equal(s[0]?.houseNumber, '12');
});

test('a lane typed first and the house number after the street, without commas: the number kept', async () => {
  const e = await engine;
  for (const q of ['hem 5 tran phu so 7 nha trang', 'Hẻm 5 Trần Phú số 7, Nha Trang']) {
    const s = e.suggest(q, { limit: 5 });
    assert.equal(s[0]?.houseNumber, '7', q);
    assert.equal(s[0]?.street, 'Trần Phú', q);
    assert.equal(s[0]?.province?.code, '56', q);
  }
});
