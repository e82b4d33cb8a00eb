// How a typed ward name is read when 2025 and pre-2025 wards share it: the spelling and the
// type word the user typed decide, and a 2025 name typed with a 2025 province is that ward.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressData } from './fixtures.js';
import { verifyAddress } from '../src/index.js';

const data = addressData();

const verify = async (text: string) => {
  const { g, streets } = await data;
  return verifyAddress(text, g, undefined, streets);
};

test('a 2025 ward typed with its 2025 province is that ward, not also old wards of that name', async () => {
  const r = await verify('878 Hát Giang, Xã Trung Sơn, Tỉnh Phú Thọ');
  assert.equal(r.status, 'valid');
  assert.deepEqual(
    r.candidates.map((c) => c.ward.name),
    ['Xã Trung Sơn'],
  );
  assert.equal(r.address?.houseNumber, '878');
});

test('names that fold alike are told apart by the diacritics typed (Ba Tô, Ba Tơ)', async () => {
  const to = await verify('170 Phan Huy Ích, Xã Ba Tô, Quảng Ngãi');
  const tơ = await verify('170 Phan Huy Ích, Xã Ba Tơ, Quảng Ngãi');
  assert.equal(to.address?.ward.name, 'Xã Ba Tô');
  assert.equal(tơ.address?.ward.name, 'Xã Ba Tơ');
  assert.equal(to.status, 'valid');
  // typed without diacritics, both stay open
  const plain = await verify('170 Phan Huy Ich, Xa Ba To, Quang Ngai');
  assert.equal(plain.status, 'ambiguous');
  assert.deepEqual(new Set(plain.candidates.map((c) => c.ward.name)), new Set(['Xã Ba Tô', 'Xã Ba Tơ']));
});

test('the type word typed picks between eras: Phường Vĩnh Hải (old, Nha Trang) vs Xã Vĩnh Hải (2025)', async () => {
  const old = await verify('12 Trần Phú, Phường Vĩnh Hải, Khánh Hòa');
  assert.equal(old.address?.ward.name, 'Phường Bắc Nha Trang');
  assert.equal(old.components?.find((v) => v.component === 'ward')?.verdict, 'replaced');
  const now = await verify('12 Trần Phú, Xã Vĩnh Hải, Khánh Hòa');
  assert.equal(now.address?.ward.name, 'Xã Vĩnh Hải');
  assert.equal(now.status, 'valid');
});
