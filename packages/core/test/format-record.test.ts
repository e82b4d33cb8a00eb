import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAddress, OBJECT_CATEGORIES, RECORD_FIELDS, validateRecord, LegacyConverter } from '../src/index.js';
import { groupOf, unitNameEn } from '../src/internal.js';
import { gazetteer } from './fixtures.js';

const ward = { code: '22333', name: 'Phường Bắc Nha Trang' };
const province = { code: '56', name: 'Tỉnh Khánh Hòa' };

test('format in Vietnamese and English, one line and multi-line', () => {
  assert.equal(formatAddress({ ward, province }), 'Phường Bắc Nha Trang, Tỉnh Khánh Hòa');
  assert.equal(formatAddress({ ward, province }, { locale: 'en' }), 'Bac Nha Trang Ward, Khanh Hoa Province');
  const a = { houseNumber: '12/3', street: 'Đường Trần Phú', ward, province, postalCode: '57000' };
  assert.equal(formatAddress(a), '12/3 Trần Phú, Phường Bắc Nha Trang, Tỉnh Khánh Hòa');
  assert.equal(formatAddress(a, { locale: 'en' }), '12/3 Tran Phu Street, Bac Nha Trang Ward, Khanh Hoa Province');
  assert.equal(formatAddress(a, { style: 'lines' }), '12/3 Trần Phú\nPhường Bắc Nha Trang\nTỉnh Khánh Hòa');
  assert.equal(formatAddress(a, { style: 'postal' }), '12/3 Trần Phú\nPhường Bắc Nha Trang\nTỉnh Khánh Hòa 57000\nVIỆT NAM');
  assert.equal(unitNameEn('Thành phố Hà Nội'), 'Ha Noi City');
  assert.equal(unitNameEn('Đặc khu Trường Sa'), 'Truong Sa Special Zone');
  assert.equal(unitNameEn('Phường 10'), 'Ward 10');
});

test('a legacy address formats in its 2025 form', async () => {
  const conv = new LegacyConverter(await gazetteer());
  const r = conv.convert('12 Trần Phú, P. Vĩnh Hải, TP. Nha Trang, Khánh Hòa');
  const c = r.candidates[0]!;
  const p = r.parsed.components;
  assert.equal(
    formatAddress({ houseNumber: p.houseNumber?.value, street: p.street?.value, ward: c.ward, province: c.province }),
    '12 Trần Phú, Phường Bắc Nha Trang, Tỉnh Khánh Hòa',
  );
});

test('record validation names each missing or malformed basic field, in both languages', () => {
  const issues = validateRecord({ name: 'Nhà ông A', category: 'house', houseNumber: '12/3', street: 'Trần Phú' });
  assert.deepEqual(
    issues.map((i) => [i.field, i.kind]),
    [
      ['ward', 'missing'],
      ['province', 'missing'],
      ['location', 'missing'],
      ['code', 'missing'],
      ['qr', 'missing'],
    ],
  );
  assert.equal(issues[0]!.vi, 'Thiếu phường/xã.');
  assert.equal(issues[0]!.en, 'Ward/commune is missing.');
  const ok = {
    name: 'UBND phường Nha Trang',
    category: 'state-agency',
    houseNumber: '42',
    street: 'Lê Thánh Tôn',
    ward: { code: '22366', name: 'Phường Nha Trang' },
    province,
    location: { lat: 12.245, lon: 109.195 },
    code: '22366-65QW+GM8',
    qr: 'https://diachiso.example/c/22366-65QW+GM8',
    advanced: { email: 'x@y.vn', website: 'https://nhatrang.gov.vn', floors: 4 },
  };
  assert.deepEqual(validateRecord(ok), []);
  const bad = validateRecord({
    ...ok,
    houseNumber: '<b>',
    location: { lat: 99, lon: 0 },
    advanced: { email: 'nope', website: 'javascript:alert(1)' },
  });
  assert.deepEqual(
    bad.map((i) => i.field),
    ['houseNumber', 'location', 'advanced.email', 'advanced.website'],
  );
  assert.deepEqual(validateRecord(null).length, 9);
});

test('every category belongs to one of the plan’s three groups; fields are listed in one place', () => {
  for (const c of Object.keys(OBJECT_CATEGORIES) as Array<keyof typeof OBJECT_CATEGORIES>)
    assert.ok(['I', 'II', 'III'].includes(groupOf(c)));
  assert.equal(groupOf('house'), 'I');
  assert.equal(groupOf('diplomatic-mission'), 'II');
  assert.equal(groupOf('fire-hydrant'), 'III');
  for (const f of ['name', 'category', 'houseNumber', 'ward', 'province', 'location', 'code', 'qr']) assert.ok(f in RECORD_FIELDS.basic);
});
