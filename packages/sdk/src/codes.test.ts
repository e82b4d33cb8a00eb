// The client's codes as a user meets them: reading any kind of code offline, online and by its
// shape alone; looking up a national address code; postal codes in units and verify answers.
// msw plays the platform.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import type { Declaration } from '@diachiso/core';
import { createClient, DiachisoError, type Client, type ClientOptions } from './index.js';

const msw = setupServer();
before(() => msw.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => msw.resetHandlers());
after(() => msw.close());

let n = 0;
const origin = () => `https://codes${++n}-${Date.now().toString(36)}.test`;
const clients: Client[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.dispose()));
const client = async (o: ClientOptions) => {
  const c = await createClient({ retry: false, ...o });
  clients.push(c);
  return c;
};
const code = (c: string) => (e: unknown) => e instanceof DiachisoError && e.code === c;
const NHA_TRANG = { code: '22366', name: 'Phường Nha Trang', postalCode: '57133' };

const decl: Declaration = {
  name: 'Nhà bà Trần Thị B',
  category: 'house',
  houseNumber: '12',
  street: 'Trần Phú',
  ward: { code: '22366', name: 'Phường Nha Trang' },
  province: { code: '56', name: 'Tỉnh Khánh Hòa' },
  location: { lat: 12.24579, lon: 109.19533 },
};

test('offline: parseCode says which kind a code is, names the ward of a national code, and never throws', async () => {
  const c = await client({ mode: 'offline' });
  const ndas = await c.parseCode('57133 12345');
  assert.ok(ndas.kind === 'ndas');
  assert.equal(ndas.code, '5713312345');
  assert.equal(ndas.postalCode, '57133');
  assert.equal(ndas.serial, '12345');
  assert.deepEqual(ndas.ward, NHA_TRANG);
  assert.equal(ndas.valid, true);
  assert.equal(ndas.mapUrl, 'https://diachiso.gov.vn/#/map/5713312345');
  // A postal prefix no province has is an error finding, not a silent pass.
  const bad = await c.parseCode('0000012345');
  assert.ok(bad.kind === 'ndas' && !bad.valid && bad.findings.some((f) => f.severity === 'error' && f.vi && f.en));
  const loc = await c.parseCode('224O2 65ww848');
  assert.ok(loc.kind === 'location' && loc.valid);
  assert.equal(loc.code, '22402-65WW+848');
  assert.deepEqual(loc.corrections, ['O→0 in the zone']);
  assert.ok(loc.location && loc.plusCode, 'decoded with the embedded zone table');
  assert.equal((await c.parseCode('7P4F65WW+848')).kind, 'plus');
  for (const t of ['', 'hello', 'x'.repeat(10_000), null, '\u202e5713312345'])
    assert.equal(typeof (await c.parseCode(t as string)).valid, 'boolean');
  assert.equal((await c.parseCode('x'.repeat(10_000))).kind, 'unknown');
});

test('offline: units and verify answers carry the ward’s postal code', async () => {
  const c = await client({ mode: 'offline' });
  assert.deepEqual(await c.units.ward('22366'), { ...NHA_TRANG, province: { code: '56', name: 'Tỉnh Khánh Hòa' } });
  const wards = await c.units.wards('56');
  assert.ok(wards.length > 60 && wards.every((w) => /^5[79]\d{3}$/.test(w.postalCode ?? '')), 'every Khánh Hòa ward: 57xxx or 59xxx');
  const v = await c.verify('12 Trần Phú, Phường Nha Trang, Khánh Hòa');
  assert.equal(v.address?.postalCode, '57133');
  assert.deepEqual(v.address?.ward, NHA_TRANG);
});

test('offline: a national code issued on this device is looked up in the local registry', async () => {
  const c = await client({ mode: 'offline' });
  const r = await c.registrations.declare(decl);
  assert.ok(!('queued' in r));
  const created = await c.registrations.create(r.id);
  assert.ok(!('queued' in created) && created.record);
  const issued = created.record.code;
  assert.match(issued, /^57133\d{5}$/);
  assert.equal(created.record.postalCode, '57133');
  assert.equal(created.record.locationCode, '22366-65WW+848');
  assert.equal(created.record.qr, `https://diachiso.gov.vn/#/map/${issued}`);
  const found = await c.lookupCode(`${issued.slice(0, 5)} ${issued.slice(5)}`);
  assert.equal(found?.source, 'offline');
  assert.equal(found?.registrationId, r.id);
  assert.equal(found?.record.name, 'Nhà bà Trần Thị B');
  assert.equal(await c.lookupCode('5713399999'), null);
  // Another client of the same page continues the serials: a code is never issued twice.
  const c2 = await client({ mode: 'offline' });
  const r2 = await c2.registrations.declare({ ...decl, name: 'Nhà 2' });
  assert.ok(!('queued' in r2));
  const created2 = await c2.registrations.create(r2.id);
  assert.ok(!('queued' in created2));
  assert.equal(Number(created2.record!.code), Number(issued) + 1);
  for (const bad of ['57133', '571330000100', '57133A0001', '', null, 42])
    await assert.rejects(() => c.lookupCode(bad as string), code('invalid-input'), String(bad));
});

test('online: readings and lookups are parsed field by field; a hostile reading falls back to the code’s shape', async () => {
  const base = origin();
  let reading: unknown = {};
  let lookup: unknown = null;
  let asked = 0;
  msw.use(
    http.get(`${base}/v1/codes/parse`, () => (asked++, HttpResponse.json(reading as never))),
    http.get(`${base}/v1/codes/ndas/:code`, ({ params }) =>
      lookup === null
        ? HttpResponse.json({ title: 'Not found' }, { status: 404 })
        : HttpResponse.json({ ...(lookup as object), code: params.code }),
    ),
  );
  const c = await client({ mode: 'online', baseUrl: base });
  // A good answer is kept, its ward with its postal code.
  reading = {
    kind: 'ndas',
    code: '5713312345',
    postalCode: '57133',
    serial: '12345',
    ward: { ...NHA_TRANG, extra: 'dropped' },
    mapUrl: 'https://diachiso.gov.vn/#/map/5713312345',
    valid: true,
    findings: [],
  };
  const good = await c.parseCode('5713312345');
  assert.ok(good.kind === 'ndas' && good.valid);
  assert.deepEqual(good.ward, NHA_TRANG);
  // Malformed: the code is read by its shape (no ward named), never a crash.
  for (const body of [
    null,
    [],
    { kind: 'weird', valid: true, findings: [] },
    { kind: 'ndas', valid: 'yes', findings: [] },
    'x'.repeat(100),
  ]) {
    reading = body;
    const r = await c.parseCode('5713312345');
    assert.ok(r.kind === 'ndas' && r.code === '5713312345' && r.ward === undefined, JSON.stringify(body));
  }
  // A platform calling valid a code it has errors about is not believed; a script URL is dropped.
  reading = {
    kind: 'ndas',
    code: '0000012345',
    postalCode: '00000',
    serial: '12345',
    mapUrl: 'javascript:alert(1)',
    valid: true,
    findings: [{ reason: 'unknown-prefix', severity: 'error', vi: 'sai', en: 'wrong' }],
  };
  const lying = await c.parseCode('0000012345');
  assert.ok(lying.kind === 'ndas' && !lying.valid && lying.mapUrl === '');
  const before = asked;
  assert.equal((await c.parseCode('x'.repeat(100))).kind, 'unknown');
  assert.equal(asked, before, 'a text longer than any code is not sent');

  // Lookups: 404 is null; an answer about another code, or with a script for its QR, is invalid-response.
  assert.equal(await c.lookupCode('5713300001'), null);
  const record = {
    ...decl,
    owner: { name: 'Trần Thị B', phone: '0905 000 000' },
    code: '5713300001',
    qr: 'https://diachiso.gov.vn/#/map/5713300001',
    postalCode: '57133',
    plusCode: '7P4F65WW+848',
  };
  lookup = {
    postalCode: '57133',
    serial: '00001',
    mapUrl: 'https://diachiso.gov.vn/#/map/5713300001',
    registrationId: 'reg-1',
    status: 'verified',
    record,
  };
  const found = await c.lookupCode('57133-00001');
  assert.equal(found?.source, 'online');
  assert.equal(found?.status, 'verified');
  assert.equal(found?.record.plusCode, '7P4F65WW+848');
  assert.equal((found?.record as { owner?: unknown }).owner, undefined, 'the owner is not part of the record');
  for (const bad of [
    { ...(lookup as object), record: { ...record, code: '5713300002' } },
    { ...(lookup as object), record: { ...record, qr: 'javascript:alert(1)' } },
    { ...(lookup as object), status: 'nonsense' },
  ]) {
    lookup = bad;
    await assert.rejects(() => c.lookupCode('5713300001'), code('invalid-response'));
  }
});

test('auto: a code is read with the embedded data, without a request', async () => {
  const base = origin();
  let asked = 0;
  msw.use(http.get(`${base}/*`, () => (asked++, new HttpResponse(null, { status: 503 }))));
  const c = await client({ mode: 'auto', baseUrl: base });
  const r = await c.parseCode('5713312345');
  assert.ok(r.kind === 'ndas' && r.valid);
  assert.deepEqual(r.ward, NHA_TRANG);
  assert.equal(asked, 0);
});
