// A bare name that is both a pre-2025 district and a 2025 ward/commune inside that district's
// area ("Cư Jút", "Quế Võ", "Quốc Oai", "Cần Giờ"): it is read as the 2025 ward, and the district's
// other 2025 wards stay candidates. Where the ward of that name lies outside the district, or the
// district is typed with its type word, the place stays open. See docs/decisions/0013.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressData } from './fixtures.js';
import { fold, verifyAddress, type Gazetteer } from '../src/index.js';

const data = addressData();

const verify = async (text: string) => {
  const { g, streets } = await data;
  return verifyAddress(text, g, undefined, streets);
};

/** The 2025 wards the old wards of the pre-2025 districts of that name (in that old province) went to. */
function districtWards(g: Gazetteer, name: string, oldProvince?: string): Set<string> {
  const codes = new Set(
    (g.legacyDistrictsByKey.get(fold(name)) ?? []).filter((d) => !oldProvince || d.provinceCode === oldProvince).map((d) => d.code),
  );
  assert.ok(codes.size > 0, name);
  const out = new Set<string>();
  for (const lw of g.legacyWards.values()) if (codes.has(lw.districtCode)) for (const t of lw.targets) out.add(t.wardCode);
  return out;
}

const CASES: ReadonlyArray<{ name: string; ward: string; province: string; texts: string[] }> = [
  { name: 'Cư Jút', ward: 'Xã Cư Jút', province: '68', texts: ['Cư Jút', 'cu jut', '12 Lê Lợi, Cư Jút', '23 Nguyễn Cao Cư Jút Lâm Đồng'] },
  { name: 'Quế Võ', ward: 'Phường Quế Võ', province: '24', texts: ['Quế Võ', '7 Nguyễn Trãi Quế Võ', '123 Hòn Dung, Quế Võ, Bắc Ninh'] },
  {
    name: 'Quốc Oai',
    ward: 'Xã Quốc Oai',
    province: '01',
    texts: ['Quốc Oai', '12 Lê Lợi Quốc Oai', 'Số 8 ngõ 445 An Dương Vương, Quốc Oai, Hà Nội'],
  },
  {
    name: 'Cần Giờ',
    ward: 'Xã Cần Giờ',
    province: '79',
    texts: ['Cần Giờ', '5 Trần Hưng Đạo, Cần Giờ', '34A hẻm 45/60 Tháp Bà, Cần Giờ, TP HCM'],
  },
];

test('a bare name that is a pre-2025 district and the 2025 ward of that name inside it is that ward; the others stay candidates', async () => {
  const { g } = await data;
  for (const { name, ward, province, texts } of CASES) {
    const all = districtWards(g, name);
    for (const text of texts) {
      const r = await verify(text);
      assert.notEqual(r.status, 'ambiguous', text);
      assert.notEqual(r.status, 'invalid', text);
      assert.equal(r.address?.ward.name, ward, text);
      assert.equal(r.address?.province.code, province, text);
      assert.equal(r.candidates[0]?.ward.name, ward, text);
      const cands = new Set(r.candidates.map((c) => c.ward.code));
      for (const w of all) assert.ok(cands.has(w), `${text}: ${w} kept as a candidate`);
      const v = r.components?.find((x) => x.component === 'ward');
      assert.equal(v?.verdict, 'unconfirmed', text);
      assert.equal(v?.value, ward, text);
      assert.ok(
        r.findings.some((f) => f.component === 'ward' && f.kind === 'unconfirmed'),
        text,
      );
      if (/\d/.test(text)) assert.ok(r.address?.houseNumber && text.includes(r.address.houseNumber), text);
    }
  }
});

test('the same name with a province typed never leaves it, and the house number and street are kept', async () => {
  const r = await verify('852 Võ Nguyên Giáp, Chợ Mới, Thái Nguyên');
  assert.equal(r.address?.ward.name, 'Xã Chợ Mới');
  assert.equal(r.address?.houseNumber, '852');
  assert.equal(r.address?.street, 'Võ Nguyên Giáp');
  assert.ok(r.candidates.every((c) => c.province.code === '19'));
  const alley = await verify('Số 8 ngõ 445 An Dương Vương, Quốc Oai, Hà Nội');
  assert.equal(alley.address?.houseNumber, '8');
  assert.equal(alley.address?.alley, 'Ngõ 445');
  assert.equal(alley.address?.street, 'An Dương Vương');
  assert.equal(alley.address?.formatted, '8 Ngõ 445 An Dương Vương, Xã Quốc Oai, Thành phố Hà Nội');
});

test('the district typed with its type word stays the old district: open, none chosen', async () => {
  const { g } = await data;
  for (const text of ['Huyện Quốc Oai', '12 Lê Lợi, Huyện Quốc Oai', '12 Lê Lợi, H. Cư Jút, Đắk Nông']) {
    const r = await verify(text);
    assert.equal(r.status, 'ambiguous', text);
    const name = text.includes('Quốc Oai') ? 'Quốc Oai' : 'Cư Jút';
    assert.deepEqual(new Set(r.candidates.map((c) => c.ward.code)), districtWards(g, name), text);
  }
});

test('where the 2025 ward of that name lies outside the district, or two districts have the name, the place stays open', async () => {
  const { g } = await data;
  // Huyện Kỳ Sơn (Nghệ An); Phường Kỳ Sơn is in Phú Thọ.
  const r = await verify('12 Lê Lợi, Kỳ Sơn, Nghệ An');
  assert.equal(r.status, 'ambiguous');
  assert.ok(r.candidates.every((c) => c.province.code === '40'));
  assert.deepEqual(new Set(r.candidates.map((c) => c.ward.code)), districtWards(g, 'Kỳ Sơn', '40'));
  // Huyện Chợ Mới of Bắc Kạn and of An Giang, each with its Xã Chợ Mới: no province, no choice.
  const two = await verify('12 Lê Lợi, Chợ Mới');
  assert.equal(two.status, 'ambiguous');
  assert.deepEqual(new Set(two.candidates.map((c) => c.province.code)), new Set(['19', '91']));
});

test('typed as the ward is spelled it is valid; typed otherwise (no diacritics, a slip) it is a correction', async () => {
  assert.equal((await verify('12 Lê Lợi, Quốc Oai, Hà Nội')).status, 'valid');
  for (const text of ['12 Le Loi, Quoc Oai, Ha Noi', '12 Lê Lợi, Quốc Oaii, Hà Nội', '843 Huỳnh Tịnh Của, Trn Yên, Tỉnh Lào Cai']) {
    const r = await verify(text);
    assert.equal(r.status, 'corrected', text);
    assert.equal(r.components?.find((v) => v.component === 'ward')?.verdict, 'unconfirmed', text);
  }
});
