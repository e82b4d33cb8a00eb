// A house number in a lane (ngõ, hẻm, kiệt) as people type it: "18 ngõ 3 Phan Chu Trinh" is house
// 18 in lane 3 of Phan Chu Trinh, whichever order and whatever words ("số", "so") they use, with or
// without diacritics; the formatted address keeps that order ("18 Ngõ 3 Phan Chu Trinh").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressData } from './fixtures.js';
import { fold, resolveAddress, verifyAddress } from '../src/index.js';

const data = addressData();

const verify = async (text: string) => {
  const { g, streets } = await data;
  return verifyAddress(text, g, undefined, streets);
};

test('"18 ngõ 3 Phan Chu Trinh, Hoàn Kiếm, Hà Nội": house 18 in lane 3 of Phan Chu Trinh, in every way of typing it', async () => {
  for (const text of [
    '18 ngõ 3 Phan Chu Trinh, Hoàn Kiếm, Hà Nội',
    '18 ngo 3 phan chu trinh hoan kiem ha noi',
    'số 18 ngõ 3 Phan Chu Trinh, Hoàn Kiếm, Hà Nội',
    'so 18 ngo 3 phan chu trinh, hoan kiem, ha noi',
    'ngõ 3 số 18 Phan Chu Trinh, Hoàn Kiếm, Hà Nội',
    'Số nhà 18, ngõ 3, Phan Chu Trinh, Hoàn Kiếm, Hà Nội',
  ]) {
    const r = await verify(text);
    assert.equal(r.address?.houseNumber, '18', text);
    assert.equal(r.address?.alley, 'Ngõ 3', text);
    assert.equal(fold(r.address?.street ?? ''), 'phan chu trinh', text);
    assert.match(r.address?.formatted ?? '', /^18 Ngõ 3 (Phan Chu Trinh|phan chu trinh), Phường /u, text);
    assert.ok(r.candidates.length > 0 && r.candidates.every((c) => c.province.code === '01'), text);
    const { g } = await data;
    const parsed = resolveAddress(text, g).parsed.components;
    assert.equal(parsed.houseNumber?.value, '18', text);
    assert.equal(parsed.alley?.value, 'Ngõ 3', text);
  }
});

test('"18/3 Phan Chu Trinh, Hoàn Kiếm": the name after the house number is the street, not the old ward of that name', async () => {
  for (const text of ['18/3 Phan Chu Trinh, Hoàn Kiếm, Hà Nội', '18/3 phan chu trinh hoan kiem ha noi']) {
    const r = await verify(text);
    assert.equal(r.address?.houseNumber, '18/3', text);
    assert.equal(r.address?.alley, undefined, text);
    assert.equal(fold(r.address?.street ?? ''), 'phan chu trinh', text);
    assert.ok(r.address?.formatted.startsWith('18/3 Phan Chu Trinh, '), text);
    assert.ok(
      r.candidates.every((c) => c.province.code === '01'),
      text,
    );
  }
});

test('where the streets of the place are in the data and none has the name, a number then an old ward stays the ward', async () => {
  const r = await verify('12 Vĩnh Hải, Nha Trang');
  assert.equal(r.address?.ward.name, 'Phường Bắc Nha Trang');
  assert.equal(r.address?.houseNumber, '12');
  assert.equal(r.address?.street, undefined);
});

test('"Hẻm 5 Trần Phú số 7, Nha Trang": a number typed after the street with "số" is the house number', async () => {
  for (const text of ['Hẻm 5 Trần Phú số 7, Nha Trang', 'hem 5 tran phu so 7 nha trang', 'Trần Phú số 7, hẻm 5, Nha Trang']) {
    const r = await verify(text);
    assert.equal(r.address?.houseNumber, '7', text);
    assert.equal(r.address?.alley, 'Hẻm 5', text);
    assert.equal(r.address?.street, 'Trần Phú', text);
    assert.equal(r.address?.ward.name, 'Phường Nha Trang', text);
    assert.equal(r.address?.formatted, '7 Hẻm 5 Trần Phú, Phường Nha Trang, Tỉnh Khánh Hòa', text);
    assert.ok(
      r.candidates.every((c) => c.province.code === '56'),
      text,
    );
  }
  // Without an alley too, and a street whose own name ends in a number stays whole.
  const plain = await verify('Trần Phú số 12, Nha Trang');
  assert.equal(plain.address?.houseNumber, '12');
  assert.equal(plain.address?.street, 'Trần Phú');
  const named = await verify('5 Đường 2 Tháng 4, Nha Trang');
  assert.equal(named.address?.houseNumber, '5');
  assert.equal(named.address?.street, '2 Tháng 4');
});

test('an alley with its street and no house number reads "Hẻm 12 Trần Phú"', async () => {
  const r = await verify('Hẻm 12 Trần Phú, Nha Trang');
  assert.equal(r.address?.houseNumber, undefined);
  assert.equal(r.address?.alley, 'Hẻm 12');
  assert.equal(r.address?.formatted, 'Hẻm 12 Trần Phú, Phường Nha Trang, Tỉnh Khánh Hòa');
  assert.equal(r.address?.formattedEn, 'Hem 12 Tran Phu Street, Nha Trang Ward, Khanh Hoa Province');
});

test('the street typed is kept as written: "Trần Quý Cáp", and a street named by a date keeps "Đường" after the number', async () => {
  const q = await verify('10 Trần Quý Cáp, TT Diên Khánh, H. Diên Khánh');
  assert.equal(q.address?.street, 'Trần Quý Cáp');
  assert.ok(q.address?.formatted.startsWith('10 Trần Quý Cáp, '));
  const d = await verify('20 đường 23 tháng 10, Vĩnh Hiệp, Nha Trang');
  assert.equal(d.address?.houseNumber, '20');
  assert.equal(d.address?.street, '23 Tháng 10');
  assert.equal(d.address?.formatted, '20 Đường 23 Tháng 10, Phường Tây Nha Trang, Tỉnh Khánh Hòa');
});

test('a sub-lane in its lane is one alley, nothing lost: "18 ngách 5 ngõ 3 Phan Chu Trinh"', async () => {
  for (const [text, alley] of [
    ['18 ngách 5 ngõ 3 Phan Chu Trinh, Hoàn Kiếm, Hà Nội', 'Ngách 5 Ngõ 3'],
    ['số 18, ngách 5, ngõ 3, Phan Chu Trinh, Hoàn Kiếm, Hà Nội', 'Ngách 5 Ngõ 3'],
    ['18 ngõ 3 ngách 5 Phan Chu Trinh, Hoàn Kiếm, Hà Nội', 'Ngõ 3 Ngách 5'],
  ] as const) {
    const r = await verify(text);
    assert.equal(r.address?.houseNumber, '18', text);
    assert.equal(r.address?.alley, alley, text);
    assert.equal(r.address?.street, 'Phan Chu Trinh', text);
    assert.ok(!r.findings.some((f) => f.kind === 'unrecognized'), text);
    assert.ok(r.address?.formatted.startsWith(`18 ${alley} Phan Chu Trinh, `), text);
  }
});
