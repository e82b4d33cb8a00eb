// The three kinds of code (national address code, location code, Plus Code), the postal codes
// of the 2025 wards, and the registration that issues national codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadDataset } from '@diachiso/data';
import {
  AdminRegistry,
  decodeCode,
  decodeLocationCode,
  formatAddress,
  formatLocationCode,
  formatNdas,
  formatPlusCode,
  ndasMapUrl,
  noticeText,
  parseNdas,
  parsePlusCode,
  readCode,
  RegistrationStore,
  RegistrationError,
  validateNdas,
  type Declaration,
  type RegistrationSnapshot,
  type ZoneTable,
} from '../src/index.js';
import { codeIssuer } from '../src/internal.js';
import { sourceCsv } from './fixtures.js';

const ds = await loadDataset(['admin', 'zones']);
const registry = new AdminRegistry(ds.parts.admin!);
const zones = ds.parts.zones as ZoneTable;

test('all 3,321 wards carry their postal code: unique, within their province’s prefixes, as in the decision', () => {
  const rows = sourceCsv('admin/ward_postal_codes_2025.csv');
  assert.equal(rows.length, 3321);
  assert.equal(registry.wards.length, 3321);
  const seen = new Set<string>();
  for (const w of registry.wards) {
    assert.match(w.postalCode ?? '', /^\d{5}$/, w.code);
    assert.ok(!seen.has(w.postalCode!), `${w.postalCode} used twice`);
    seen.add(w.postalCode!);
    const p = registry.province(w.provinceCode)!;
    assert.ok(p.postalPrefixes?.includes(w.postalCode!.slice(0, 2)), `${w.code} ${w.postalCode} outside ${p.postalPrefixes?.join(',')}`);
    assert.equal(registry.wardByPostalCode(w.postalCode!), w);
  }
  for (const r of rows) assert.equal(registry.postalCodeOf(r.ward_code!), r.postal_code, r.ward_code);
  assert.equal(registry.provinces.filter((p) => p.postalPrefixes?.length).length, 34);
  // Spot checks from the source's README.
  assert.equal(registry.postalCodeOf('00070'), '11024'); // Phường Hoàn Kiếm
  assert.equal(registry.postalCodeOf('22366'), '57133'); // Phường Nha Trang
  assert.equal(registry.postalCodeOf('22759'), '59122'); // Phường Phan Rang
  assert.deepEqual(registry.province('56')!.postalPrefixes, ['57', '59']);
  assert.deepEqual(AdminRegistry.wardRef(registry.ward('22366')!), { code: '22366', name: 'Phường Nha Trang', postalCode: '57133' });
});

test('formatAddress: the postal style ends with the postal code, the ward’s by default', () => {
  const a = {
    houseNumber: '12',
    street: 'Trần Phú',
    ward: AdminRegistry.wardRef(registry.ward('22366')!),
    province: { code: '56', name: 'Tỉnh Khánh Hòa' },
  };
  assert.equal(formatAddress(a, { style: 'postal' }), '12 Trần Phú\nPhường Nha Trang\nTỉnh Khánh Hòa 57133\nVIỆT NAM');
  assert.equal(
    formatAddress(a, { style: 'postal', locale: 'en' }),
    '12 Tran Phu Street\nNha Trang Ward\nKhanh Hoa Province 57133\nVIETNAM',
  );
  assert.equal(formatAddress(a), '12 Trần Phú, Phường Nha Trang, Tỉnh Khánh Hòa');
});

test('national address code: 10 digits as people type them', () => {
  for (const typed of ['5713312345', '57133 12345', '57133-12345', ' 571-33-123-45 ', '57133.12345', '５７１３３１２３４５'])
    assert.deepEqual(parseNdas(typed), { ok: true, code: '5713312345', postalCode: '57133', serial: '12345' }, typed);
  const reason = (t: string) => {
    const p = parseNdas(t);
    return p.ok ? 'ok' : p.reason;
  };
  assert.equal(reason('571331234'), 'too-few-digits');
  assert.equal(reason('57133123456'), 'too-many-digits');
  assert.equal(reason('57133A2345'), 'not-digits');
  assert.equal(reason('S7133I2345'), 'not-digits');
  assert.equal(reason(''), 'empty');
  assert.equal(reason('1'.repeat(100)), 'too-long');
  const nine = parseNdas('57133 1234');
  assert.ok(!nine.ok && nine.vi.includes('9') && nine.en.includes('9'));
  assert.equal(formatNdas('57133-12345', 'grouped'), '57133 12345');
  assert.equal(formatNdas('57133 12345'), '5713312345');
  assert.equal(formatNdas('x'), undefined);
  assert.equal(ndasMapUrl('57133 12345'), 'https://diachiso.gov.vn/#/map/5713312345');
});

test('national address code: the postal code is checked against the province and the ward, never passed silently', () => {
  const ok = validateNdas('5713312345', registry, { ward: '22366' });
  assert.deepEqual(ok.findings, []);
  assert.equal(ok.ward?.code, '22366');
  // 11024 is Hoàn Kiếm (Hà Nội): not a prefix of Khánh Hòa.
  const province = validateNdas('1102412345', registry, { province: '56' });
  assert.deepEqual(
    province.findings.map((f) => [f.reason, f.severity]),
    [['prefix-not-in-province', 'error']],
  );
  // 59122 is Phan Rang: Khánh Hòa's prefix, but not the postal code of Phường Nha Trang.
  const ward = validateNdas('5912212345', registry, { ward: '22366' });
  assert.deepEqual(
    ward.findings.map((f) => f.reason),
    ['postal-code-not-ward'],
  );
  assert.ok(ward.findings[0]!.vi.includes('59122') && ward.findings[0]!.en.includes('59122'));
  // A prefix of no province, and a code of no ward.
  assert.deepEqual(
    validateNdas('0000012345', registry).findings.map((f) => [f.reason, f.severity]),
    [['unknown-prefix', 'error']],
  );
  assert.deepEqual(
    validateNdas('5799912345', registry).findings.map((f) => [f.reason, f.severity]),
    [['unknown-postal-code', 'warning']],
  );
});

test('readCode says which kind a code is', () => {
  const n = readCode('5713312345', { registry, zones });
  assert.equal(n.kind, 'ndas');
  assert.ok(n.kind === 'ndas');
  assert.deepEqual(
    { code: n.code, postalCode: n.postalCode, serial: n.serial, ward: n.ward, valid: n.valid },
    {
      code: '5713312345',
      postalCode: '57133',
      serial: '12345',
      ward: { code: '22366', name: 'Phường Nha Trang', postalCode: '57133' },
      valid: true,
    },
  );
  assert.equal(n.province?.code, '56');
  assert.equal(n.mapUrl, 'https://diachiso.gov.vn/#/map/5713312345');
  assert.equal(readCode('https://diachiso.gov.vn/#/map/5713312345', { registry }).kind, 'ndas');
  const wrongWard = readCode('57133 12345', { registry, ward: '22333' });
  assert.ok(wrongWard.kind === 'ndas' && !wrongWard.valid && wrongWard.findings[0]!.reason === 'postal-code-not-ward');
  for (const [t, reason] of [
    ['571331234', 'too-few-digits'],
    ['57133123456', 'too-many-digits'],
    ['57133A2345', 'not-digits'],
  ] as const) {
    const r = readCode(t, { registry });
    assert.equal(r.kind, 'ndas', t);
    assert.equal(r.valid, false);
    assert.equal(r.findings[0]!.reason, reason, t);
  }
  const l = readCode('22366 65ww848', { registry, zones });
  assert.ok(l.kind === 'location' && l.valid);
  assert.equal(l.code, '22366-65WW+848');
  assert.equal(l.plusCode, '7P4F65WW+848');
  assert.equal(l.ward?.postalCode, '57133');
  const p = readCode('7p4f65ww+848');
  assert.ok(p.kind === 'plus' && p.valid && p.code === '7P4F65WW+848');
  assert.ok(Math.abs(p.location!.lat - 12.2457875) < 1e-9);
  const short = readCode('65WW+848');
  assert.ok(short.kind === 'plus' && !short.valid && short.findings[0]!.reason === 'short-code');
  assert.equal(parsePlusCode('7P4F65WW+848').ok, true);
  assert.equal(formatPlusCode(' 7p4f65ww+848 '), '7P4F65WW+848');
  for (const junk of ['', 'hello', '<script>alert(1)</script>', 'x'.repeat(10_000), '++++', '\u0000'])
    assert.equal(readCode(junk, { registry, zones }).valid, false, junk.slice(0, 20));
});

test('every location code issued before 0.2 still decodes to the same cell (display, compact, typed, QR link, long form)', () => {
  const fixture = JSON.parse(readFileSync(new URL('./fixtures/location-codes-0.1.json', import.meta.url), 'utf8')) as {
    codes: Array<[string, string, number, number]>;
  };
  assert.ok(fixture.codes.length > 250);
  const kinds = new Set<string>();
  for (const [s, plus, lat, lon] of fixture.codes) {
    const r = readCode(s, { registry, zones });
    assert.ok(r.kind === 'location' && r.valid, s);
    assert.equal(r.plusCode, plus, s);
    assert.deepEqual(r.location, { lat, lon }, s);
    if (!s.startsWith('http')) {
      assert.equal(decodeLocationCode(s, zones)?.plusCode, plus, s);
      assert.equal(decodeCode(s, zones)?.plusCode, plus, `${s} (the 0.1 name)`);
      assert.equal(formatLocationCode(s), r.code);
    }
    kinds.add(s.startsWith('http') ? 'qr' : /\+/.test(s) ? (r.zone === '22736' ? 'long' : 'display') : 'compact');
  }
  assert.deepEqual([...kinds].sort(), ['compact', 'display', 'long', 'qr']);
});

const decl = (over: Partial<Declaration> = {}): Declaration => ({
  name: 'Nhà ông A',
  category: 'house',
  houseNumber: '12',
  street: 'Trần Phú',
  ward: { code: '22366', name: 'Phường Nha Trang' },
  province: { code: '56', name: 'Tỉnh Khánh Hòa' },
  location: { lat: 12.24579, lon: 109.19533 },
  ...over,
});
const issuer = codeIssuer(registry, () => ({
  zoneKnown: true,
  code: '22366-65WW+848',
  compact: '22366 65WW848',
  zone: '22366',
  locationCode: '65WW848',
  plusCode: '7P4F65WW+848',
  location: { lat: 12.2457875, lon: 109.195328125 },
  cell: { south: 0, west: 0, north: 0, east: 0 },
}));

test('registration issues the ward’s postal code + a serial unique within it, never reused, also after a reload', () => {
  let saved: RegistrationSnapshot | undefined;
  const a = new RegistrationStore(issuer, { onChange: (s) => (saved = structuredClone(s)) });
  const codes: string[] = [];
  for (let i = 0; i < 3; i++) {
    const r = a.declare(decl({ name: `Nhà ${i}` }), `d-${i}-key`);
    codes.push(a.create(r.id, `c-${i}-key`).record!.code);
  }
  assert.deepEqual(codes, ['5713300001', '5713300002', '5713300003']);
  // A retry with the same key answers the same code; it does not use a serial.
  assert.equal(a.create(a.all()[0]!.id, 'c-0-key').record!.code, '5713300001');
  // Another ward, another postal code, its own serials.
  const pr = a.declare(decl({ ward: { code: '22759', name: 'Phường Phan Rang' } }));
  assert.equal(a.create(pr.id).record!.code, '5912200001');
  // A rejected registration keeps its serial: the next one does not reuse it.
  a.verify(a.all()[2]!.id, 'reject', undefined, 'Sai vị trí');
  // Reload: a new store from the saved state continues the serials.
  const b = new RegistrationStore(issuer, { snapshot: JSON.parse(JSON.stringify(saved)) as RegistrationSnapshot });
  const r4 = b.declare(decl({ name: 'Nhà 4' }));
  const rec = b.create(r4.id).record!;
  assert.equal(rec.code, '5713300004');
  assert.equal(rec.postalCode, '57133');
  assert.equal(rec.qr, 'https://diachiso.gov.vn/#/map/5713300004');
  assert.equal(rec.locationCode, '22366-65WW+848');
  assert.equal(rec.plusCode, '7P4F65WW+848');
  assert.equal(b.lookup('5713300001')?.declaration.name, 'Nhà 0');
  assert.equal(b.create(a.all()[0]!.id, 'c-0-key').record!.code, '5713300001', 'idempotency keys survive the reload');
  const all = b.all().flatMap((r) => (r.record ? [r.record.code] : []));
  assert.equal(new Set(all).size, all.length);
  // The postal code comes from the registry, not from what the declaration claims.
  const spoof = b.declare(decl({ ward: { code: '22366', name: 'Phường Nha Trang', postalCode: '11024' } }));
  assert.equal(b.create(spoof.id).record!.code, '5713300005');
  const nowhere = b.declare(decl({ ward: { code: '99999', name: 'Phường X' } }));
  assert.throws(
    () => b.create(nowhere.id),
    (e: unknown) => e instanceof RegistrationError && e.code === 'invalid',
  );
});

test('notices carry the national code first, with its map link, then the location code and Plus Code', () => {
  const s = new RegistrationStore(issuer);
  const r = s.declare(decl());
  const rec = s.create(r.id).record!;
  const sms = noticeText(rec, 'sms', 'vi').body;
  assert.equal(
    sms,
    'Ma dia chi so cua so 12 Tran Phu: 5713300001. Ma vi tri: 22366-65WW+848 Tra cuu: https://diachiso.gov.vn/#/map/5713300001',
  );
  assert.ok(sms.length <= 160);
  assert.ok(noticeText(rec, 'sms', 'en').body.startsWith('Your national address code for 12 Tran Phu: 5713300001.'));
  for (const lang of ['vi', 'en'] as const)
    for (const channel of ['email', 'letter'] as const) {
      const n = noticeText(rec, channel, lang);
      assert.ok(n.subject!.endsWith('5713300001'));
      const i = n.body.indexOf('5713300001');
      assert.ok(
        i > 0 && i < n.body.indexOf('22366-65WW+848') && n.body.indexOf('22366-65WW+848') < n.body.indexOf('7P4F65WW+848'),
        `${channel} ${lang}`,
      );
      assert.ok(n.body.includes('https://diachiso.gov.vn/#/map/5713300001'));
    }
});

test('a damaged saved state loses its damaged entries, never the store', () => {
  const s = new RegistrationStore(issuer, {
    snapshot: { version: 1, seq: 3, serials: { '57133': 7 }, items: [null, 5, { id: 'reg-x' }] as never, keys: [null, ['k', 1]] as never },
  });
  const r = s.declare(decl());
  assert.equal(s.create(r.id).record!.code, '5713300008');
  assert.equal(s.all().length, 1, 'only whole registrations are restored');
  assert.ok(new RegistrationStore(issuer, { snapshot: { version: 2 } as never }).all().length === 0);
});
