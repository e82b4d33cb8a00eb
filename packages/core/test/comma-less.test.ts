// Whole addresses typed on one line with no commas (number, street, old ward, old city), with
// "số"/"so"/"số nhà"/"sn" before the number, with or without diacritics: they verify like the
// same address with commas, and never leave the province typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressData } from './fixtures.js';
import { verifyAddress } from '../src/index.js';

const data = addressData();

const verify = async (text: string) => {
  const { g, streets } = await data;
  return verifyAddress(text, g, undefined, streets);
};

test('the reported address: "so 8 hung vuong loc tho nha trang" verifies like its comma form', async () => {
  const withCommas = await verify('Số 8 Hùng Vương, Phường Lộc Thọ, Thành phố Nha Trang');
  assert.equal(withCommas.address?.ward.name, 'Phường Nha Trang');
  for (const text of [
    'so 8 hung vuong loc tho nha trang',
    'số 8 Hùng Vương Lộc Thọ Nha Trang',
    'Số nhà 8 Hùng Vương Lộc Thọ Nha Trang Khánh Hòa',
    'sn 8 hung vuong phuong loc tho tp nha trang',
    'SO 8 HUNG VUONG LOC THO NHA TRANG',
    '8 Hùng Vương Lộc Thọ Nha Trang',
  ]) {
    const r = await verify(text);
    assert.equal(r.status, withCommas.status, text);
    assert.equal(r.address?.ward.code, withCommas.address?.ward.code, text);
    assert.equal(r.address?.houseNumber, '8', text);
    assert.equal(r.address?.street, 'Hùng Vương', text);
    assert.ok(
      r.candidates.every((c) => c.province.code === '56'),
      text,
    );
    const ward = r.components?.find((v) => v.component === 'ward');
    assert.equal(ward?.verdict, 'replaced', text); // Lộc Thọ (pre-2025) → Phường Nha Trang
  }
});

test('a street word, an alley or a hamlet at the start does not swallow the locality typed after it', async () => {
  const street = await verify('Đường Trần Phú Lộc Thọ Nha Trang');
  assert.equal(street.address?.ward.name, 'Phường Nha Trang');
  assert.equal(street.address?.street, 'Trần Phú');
  const alley = await verify('Hẻm 12 Trần Phú Lộc Thọ Nha Trang');
  assert.equal(alley.address?.ward.name, 'Phường Nha Trang');
  assert.equal(alley.address?.alley, 'Hẻm 12');
  const named = await verify('số 117 đường Vạn Kiếp Lộc Thọ Thành phố Nha Trang');
  assert.equal(named.address?.ward.name, 'Phường Nha Trang');
  assert.equal(named.address?.houseNumber, '117');
  assert.equal(named.address?.street, 'Vạn Kiếp');
  const hamlet = await verify('Thôn 3 Diên Phú Diên Khánh Khánh Hòa');
  assert.equal(hamlet.address?.hamlet, 'Thôn 3');
  assert.equal(hamlet.address?.province.code, '56');
  // A street's own name that ends in a ward's name stays the street's when a comma follows it.
  const comma = await verify('Số nhà 362 Đường Phan Phù Tiên, Thành phố Nha Trang');
  assert.equal(comma.address?.street, 'Phan Phù Tiên');
});

test('a ward or province name inside a street name typed with no comma is not read as the place', async () => {
  // "Quân" is not the district marker "Quận" before a ward's name (Tân Tiến is a ward, not a district)
  const r = await verify('So 320 Lac Long Quan Tan Tien Nha Trang');
  assert.equal(r.address?.province.code, '56');
  assert.equal(r.address?.street, 'Lạc Long Quân');
  assert.ok(r.candidates.every((c) => c.province.code === '56'));
  // "Huệ" ends the street Phước Huệ; it is not the province Huế
  const hue = await verify('số 131 Phước Huệ');
  assert.equal(hue.address?.province.code, '56');
  assert.equal(hue.address?.houseNumber, '131');
  assert.equal(hue.address?.street, 'Phước Huệ');
});
