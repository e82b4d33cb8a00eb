// Noisy whole addresses: each rule that reads them keeps the answer in the province typed (or
// implied by an old city/district) and keeps the house number. Hand-made cases, one per rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressData } from './fixtures.js';
import { verifyAddress } from '../src/index.js';
import { decodeVni, prepareText } from '../src/internal.js';

const data = addressData();

/** The provinces of every answer (address and candidates), and the house number kept. */
async function read(text: string): Promise<{ provinces: string[]; house: string | undefined; wards: string[] }> {
  const { g, streets } = await data;
  const v = verifyAddress(text, g, undefined, streets);
  const provinces = [v.address?.province.code, ...v.candidates.map((c) => c.province.code)].filter((x): x is string => !!x);
  return { provinces: [...new Set(provinces)], house: v.address?.houseNumber, wards: v.candidates.map((c) => c.ward.code) };
}

test('VNI: a tone digit after a final consonant is decoded; unit numbers are not', () => {
  assert.equal(decodeVni('Binh2'), 'Bình');
  assert.equal(decodeVni('Tinh3'), 'Tỉnh');
  assert.equal(decodeVni('Phuo7ng2'), 'Phường');
  assert.equal(decodeVni('F11'), 'F11');
  assert.equal(decodeVni('Q1'), 'Q1');
  assert.equal(decodeVni('K448'), 'K448');
});

test('VNI beyond doubt is decoded even for a street the data lacks: its digits are no house number', async () => {
  const { g, streets } = await data;
  assert.equal(prepareText('So61 15 Ba4i Ca1t, Xa4 Thai1 Hoa2', g, streets), 'Số 15 Bãi Cát, Xã Thái Hòa');
  const r = await read('So61 15 Ba4i Ca1t, Xa4 Thai1 Hoa2, Tinh3 Phu1 Tho5');
  assert.deepEqual(r.provinces, ['25']);
  assert.equal(r.house, '15');
});

test('doubled letters in a place name are read as the name', async () => {
  const r = await read('20 Lê Lợi, Xã Nam Dương, Tỉnh BBắc NNinh');
  assert.deepEqual(r.provinces, ['24']);
  assert.equal(r.house, '20');
  assert.deepEqual((await read('7 Hai Bà Trưng, Phường Minh Đức, Quận Đồồ Sơn, Thành phố HHải Phhòng')).provinces, ['31']);
});

test('a province or old city one slip off is read as it, never as a place elsewhere', async () => {
  assert.deepEqual((await read('5 Trần Phú, Tam Nông, Đồnbg Tháp')).provinces, ['82']);
  assert.deepEqual((await read('51 Bến Cá, Phường Phú An, Hồ Chí Mimh')).provinces, ['79']);
  const r = await read('474 Nguyễn Hồng Sơn, T.P. Nha Trnag');
  assert.deepEqual(r.provinces, ['56']);
  assert.equal(r.house, '474');
  assert.deepEqual((await read('12 Nam Hòn Khó, Nga Trang')).provinces, ['56']);
});

test('a district one slip off is matched within the province typed', async () => {
  assert.deepEqual((await read('14 Biệt Thự, Vĩnh Phúc, Huyện Vĩunh Lộc, Thanh Hóa')).provinces, ['38']);
});

test('TPHN is Hà Nội', async () => {
  assert.deepEqual((await read('số 10 Lê Duẩn, Xã Mỹ Đức, TPHN')).provinces, ['01']);
});

test('NT (Nha Trang or Ninh Thuận, both Khánh Hòa since 2025) keeps the address in Khánh Hòa', async () => {
  // Phường Tân Lập is also a 2025 ward of Đắk Lắk: with NT typed, the answer must not go there.
  const r = await read('30 Nguyen Thi Minh Khai, P Tan Lap, NT');
  assert.deepEqual(r.provinces, ['56']);
  assert.equal(r.house, '30');
});

test('with no place typed, the street typed decides between a 2025 ward and a pre-2025 one of the same name', async () => {
  // Nguyễn Thị Minh Khai runs through Nha Trang's old Phường Tân Lập; Đắk Lắk's 2025 Phường Tân
  // Lập has no such street in the data.
  const r = await read('30 Nguyen Thi Minh Khai, P Tan Lap');
  assert.deepEqual(r.provinces, ['56']);
  assert.equal(r.house, '30');
});

test('a name that ends a street of the place is the street, not a ward elsewhere', async () => {
  const r = await read('33 Hồ Xuân Hương');
  assert.deepEqual(r.provinces, ['56']);
  assert.equal(r.house, '33');
  assert.deepEqual((await read('568 Nguyễn Tất Thành')).provinces, ['56']);
});

test('"Số" / "Số nhà" typed in Telex before the number: the number is the house number', async () => {
  const { g, streets } = await data;
  assert.equal(prepareText('soos nhaf 12 Traanf Phus, Nha Trang', g, streets), 'số nhà 12 Trần Phú, Nha Trang');
  const r = await read('Soos 28 Ddawngj Huy Truws, Nha Trang');
  assert.equal(r.house, '28');
  assert.deepEqual(r.provinces, ['56']);
});

test('doubled consonants are collapsed, a name with "oo" of its own is kept', async () => {
  assert.deepEqual((await read('15 Lê Lợi, Xã BBờ NNgoong, Gia Lai')).provinces, ['52']);
});

test('a locality the parser cannot read is matched among the wards of the province typed', async () => {
  const { g, streets } = await data;
  const ward = (t: string) => verifyAddress(t, g, undefined, streets).address?.ward.name;
  assert.equal(ward('63A Lê Lợi, Gia Kiệwm, Thành phố Đồng Nai'), 'Xã Gia Kiệm'); // one slip
  assert.equal(ward('146 Lê Lợi, Xã Nam Thanh Moện, Thành phố Hải Phòng'), 'Xã Nam Thanh Miện'); // last word off
  assert.equal(ward('10 Hoàng Văn Thụ, Gia Lâm, Tỉnh Ninh Bình'), 'Xã Gia Lâm'); // a district elsewhere, a ward here
  assert.equal((await read('10 Hoàng Văn Thụ, Gia Lâm, Tỉnh Ninh Bình')).house, '10');
});

test('VNI with several mark digits inside a word (D9a8c5, Tru7o7ng2) is decoded', async () => {
  const { g, streets } = await data;
  assert.equal(prepareText('858 Le6 Va8n Hua6n, D9a8c5 khu Tru7o7ng2 Sa', g, streets), '858 Lê Văn Huân, Đặc khu Trường Sa');
  assert.deepEqual([...new Set((await read('858 Le6 Va8n Hua6n, D9a8c5 khu Tru7o7ng2 Sa, Khanh1 Hoa2')).wards)], ['22736']);
});

test('a type word typed twice is said once: "Thị xã Thị Xã Buôn Hồ" is the old town, open', async () => {
  const r = await read('156 Nhà Thờ, Thị xã Thị Xã Buôn Hồ');
  const plain = await read('156 Nhà Thờ, Thị xã Buôn Hồ');
  assert.deepEqual(r, plain);
  assert.equal(r.house, '156');
  assert.ok(new Set(r.wards).size > 1);
});

test('one slip off an old city that is also a ward reads as the city: the street then decides', async () => {
  const { g, streets } = await data;
  const exact = verifyAddress('160 Lê Văn Hưu, Nha Trang, Tỉnh Khánh Hoà', g, undefined, streets);
  const slip = verifyAddress('160 Lê Văn Hưu, Nha Trangh, Tỉnh Khánh Hoà', g, undefined, streets);
  assert.equal(exact.address?.ward.name, 'Phường Nam Nha Trang');
  assert.equal(slip.address?.ward.name, exact.address?.ward.name);
  assert.equal(slip.address?.houseNumber, '160');
});

test('a numbered ward with a slip in the rest of its name is read whole: "Phường 2 Bả Lộc"', async () => {
  const { g, streets } = await data;
  const r = verifyAddress('33 Võ Văn Tần, Phường 2 Bả Lộc, Tỉnh Lâmn Đồng', g, undefined, streets);
  assert.equal(r.address?.ward.name, 'Phường 2 Bảo Lộc');
  assert.equal(r.status, 'corrected');
  assert.ok(r.candidates.every((c) => c.province.code === '68'));
  assert.equal(r.address?.houseNumber, '33');
});
