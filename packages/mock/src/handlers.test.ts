import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createClient, DiachisoError } from '@diachiso/sdk';
import { createHandlers } from './index.js';

const BASE = 'https://platform.test';
const server = setupServer(...createHandlers({ baseUrl: BASE, apiKey: 'k-123' }));
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

test('online over the mock gives the same answers as offline', async () => {
  const online = await createClient({ mode: 'online', baseUrl: BASE, apiKey: 'k-123' });
  const offline = await createClient({ mode: 'offline' });
  for (const q of ['vinh hai', 'P. Vĩnh Hải, TP. Nha Trang', 'tran phu', 'ha noi', 'cam ranh']) {
    const a = await online.suggest(q, { limit: 5 });
    const b = await offline.suggest(q, { limit: 5 });
    assert.equal(a.source, 'online');
    assert.deepEqual([...a], [...b], q);
  }
  const p = { lat: 12.2388, lon: 109.1967 };
  const ra = await online.reverse(p);
  const rb = await offline.reverse(p);
  assert.deepEqual(ra && { ward: ra.ward, province: ra.province }, rb && { ward: rb.ward, province: rb.province });
});

test('a wrong key is unauthorized, and the key never shows in the error', async () => {
  const c = await createClient({ mode: 'online', baseUrl: BASE, apiKey: 'wrong-secret-key', retry: false });
  await assert.rejects(
    () => c.suggest('nha trang'),
    (e: unknown) =>
      e instanceof DiachisoError && e.code === 'unauthorized' && !JSON.stringify({ m: e.message, s: e.stack }).includes('wrong-secret-key'),
  );
});

test('auto mode falls back to offline when the platform is down, and says so', async () => {
  server.use(http.get(`${BASE}/v1/suggest`, () => HttpResponse.error()));
  try {
    const c = await createClient({ mode: 'auto', baseUrl: BASE, apiKey: 'k-123', retry: false });
    const r = await c.suggest('vinh hai');
    assert.equal(r.source, 'offline');
    assert.ok(r.length > 0);
  } finally {
    server.resetHandlers();
  }
});

test('500 then success is retried; 429 honours Retry-After', async () => {
  let calls = 0;
  server.use(
    http.get(`${BASE}/v1/suggest`, () => {
      calls++;
      if (calls === 1) return new HttpResponse(null, { status: 500 });
      if (calls === 2) return new HttpResponse(null, { status: 429, headers: { 'Retry-After': '0' } });
      return HttpResponse.json({ suggestions: [{ id: 'ward:22333', kind: 'ward', label: 'Phường Bắc Nha Trang, Tỉnh Khánh Hòa' }] });
    }),
  );
  try {
    const c = await createClient({ mode: 'online', baseUrl: BASE, retry: { retries: 3, baseDelayMs: 1 } });
    const r = await c.suggest('bac nha trang');
    assert.equal(calls, 3);
    assert.equal(r[0]?.id, 'ward:22333');
  } finally {
    server.resetHandlers();
  }
});

test('malformed JSON is an invalid-response error', async () => {
  server.use(http.get(`${BASE}/v1/suggest`, () => new HttpResponse('{not json', { headers: { 'Content-Type': 'application/json' } })));
  try {
    const c = await createClient({ mode: 'online', baseUrl: BASE, retry: false });
    await assert.rejects(
      () => c.suggest('abc'),
      (e: unknown) => e instanceof DiachisoError && e.code === 'invalid-response',
    );
  } finally {
    server.resetHandlers();
  }
});

test('a timeout is a timeout error', async () => {
  server.use(http.get(`${BASE}/v1/suggest`, async () => new Promise<Response>(() => {})));
  try {
    const c = await createClient({ mode: 'online', baseUrl: BASE, retry: false, timeoutMs: 50 });
    await assert.rejects(
      () => c.suggest('abc'),
      (e: unknown) => e instanceof DiachisoError && e.code === 'timeout',
    );
  } finally {
    server.resetHandlers();
  }
});

test('the mock validates input with problem details', async () => {
  const res = await fetch(`${BASE}/v1/suggest?q=a&limit=999`, { headers: { 'X-API-Key': 'k-123' } });
  assert.equal(res.status, 400);
  assert.equal(res.headers.get('Content-Type'), 'application/problem+json');
  const body = (await res.json()) as { status: number; title: string };
  assert.equal(body.status, 400);
});

test('convertLegacy: online over the mock and offline agree, with citations', async () => {
  const online = await createClient({ mode: 'online', baseUrl: BASE, apiKey: 'k-123' });
  const offline = await createClient({ mode: 'offline' });
  for (const q of ['P. Vĩnh Hải, TP. Nha Trang', 'Vĩnh Hải, Khánh Hòa', 'xa ninh phu, tx ninh hoa', 'F10, Q3, TP HCM', '']) {
    const a = await online.convertLegacy(q);
    const b = await offline.convertLegacy(q);
    assert.equal(a.source, 'online');
    assert.equal(b.source, 'offline');
    const { source: _a, ...ra } = a;
    const { source: _b, ...rb } = b;
    assert.deepEqual(ra, rb, q);
  }
  const r = await online.convertLegacy('P. Vĩnh Hải, TP. Nha Trang');
  assert.equal(r.candidates[0]?.ward.name, 'Phường Bắc Nha Trang');
  assert.equal(r.candidates[0]?.citation?.clause, 50);
  assert.equal(r.candidates[0]?.citation?.document, '1667/NQ-UBTVQH15');
});

test('codes: encode, decode and parse agree online (over the mock) and offline', async () => {
  const online = await createClient({ mode: 'online', baseUrl: BASE, apiKey: 'k-123' });
  const offline = await createClient({ mode: 'offline' });
  for (const p of [
    { lat: 12.24579, lon: 109.19533 },
    { lat: 8.6455, lon: 111.92 },
    { lat: 21.0285, lon: 105.8542 },
  ]) {
    const { source: _a, ...a } = await online.encodeCode(p);
    const { source: _b, ...b } = await offline.encodeCode(p);
    assert.deepEqual(a, b);
  }
  const e = await offline.encodeCode({ lat: 12.24579, lon: 109.19533 });
  assert.ok(e.zoneKnown);
  assert.equal(e.code, '22366-65WW+848');
  assert.equal(e.ward?.name, 'Phường Nha Trang');
  const { source: _c, ...d1 } = await online.decodeCode('22366 65ww848');
  const { source: _d, ...d2 } = await offline.decodeCode('22366 65ww848');
  assert.deepEqual(d1, d2);
  assert.equal(d1.zone, '22366');
  assert.equal(d1.ward?.name, 'Phường Nha Trang');
  assert.ok(d1.cell.south <= 12.24579 && 12.24579 < d1.cell.north);
  for (const c of [online, offline]) {
    await assert.rejects(
      () => c.decodeCode('2236A-65WW+848'),
      (err: unknown) => err instanceof DiachisoError && err.code === 'invalid-input',
    );
    const p = await c.parseCode('224O2 65ww848');
    assert.ok(p.kind === 'location' && p.valid && p.code === '22402-65WW+848' && p.corrections.length === 1);
  }
  // The three kinds read the same online and offline; a national code names its ward.
  for (const t of ['5713312345', '57133 1234', '57133A2345', '7P4F65WW+848', '65WW+848', '22736-WHJWWC+622', 'hello'])
    assert.deepEqual(await online.parseCode(t), await offline.parseCode(t), t);
  const n = await online.parseCode('5713312345');
  assert.ok(n.kind === 'ndas' && n.valid && n.postalCode === '57133' && n.serial === '12345');
  assert.deepEqual(n.ward, { code: '22366', name: 'Phường Nha Trang', postalCode: '57133' });
  await assert.rejects(
    () => offline.decodeCode('99999-65WW+848'),
    (err: unknown) => err instanceof DiachisoError && err.code === 'invalid-input',
  );
});

test('the client caches suggest answers (LRU), and the mock injects faults on request', async () => {
  let calls = 0;
  server.use(
    http.get(`${BASE}/v1/suggest`, () => {
      calls++;
      return undefined as unknown as Response;
    }),
  );
  try {
    const c = await createClient({ mode: 'online', baseUrl: BASE, apiKey: 'k-123' });
    const a = await c.suggest('vinh hai');
    const b = await c.suggest('vinh hai');
    assert.deepEqual([...a], [...b]);
    assert.equal(calls, 1, 'the second answer came from the cache');
    const noCache = await createClient({ mode: 'online', baseUrl: BASE, apiKey: 'k-123', cache: false });
    await noCache.suggest('vinh hai');
    await noCache.suggest('vinh hai');
    assert.equal(calls, 3);
  } finally {
    server.resetHandlers();
  }
  const faulty = setupServer(...createHandlers({ baseUrl: 'https://faulty.test', faults: { serverError: 1 } }));
  server.close();
  faulty.listen();
  try {
    const c = await createClient({ mode: 'auto', baseUrl: 'https://faulty.test', retry: { retries: 1, baseDelayMs: 1 } });
    const r = await c.suggest('vinh hai');
    assert.equal(r.source, 'offline', '5xx twice: the auto client answered offline');
  } finally {
    faulty.close();
    server.listen({ onUnhandledRequest: 'error' });
  }
});

test('registration over the mock issues national address codes, looked up online; units carry postal codes', async () => {
  const saved: unknown[] = [];
  const own = setupServer(...createHandlers({ baseUrl: 'https://reg.test', registrations: { onChange: (x) => saved.push(x) } }));
  server.close();
  own.listen({ onUnhandledRequest: 'error' });
  try {
    const c = await createClient({ mode: 'online', baseUrl: 'https://reg.test' });
    const d = {
      name: 'Nhà ông A',
      category: 'house' as const,
      houseNumber: '12',
      street: 'Trần Phú',
      ward: { code: '22366', name: 'Phường Nha Trang' },
      province: { code: '56', name: 'Tỉnh Khánh Hòa' },
      location: { lat: 12.24579, lon: 109.19533 },
    };
    const codes: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await c.registrations.declare({ ...d, name: `Nhà ${i}` });
      assert.ok(!('queued' in r));
      const created = await c.registrations.create(r.id);
      assert.ok(!('queued' in created));
      codes.push(created.record!.code);
      assert.equal(created.record!.qr, `https://diachiso.gov.vn/#/map/${created.record!.code}`);
      assert.equal(created.record!.locationCode, '22366-65WW+848');
      assert.equal(created.record!.plusCode, '7P4F65WW+848');
    }
    assert.deepEqual(codes, ['5713300001', '5713300002']);
    assert.ok(saved.length > 0, 'the state was handed to the persistence hook');
    const found = await c.lookupCode('57133 00002');
    assert.equal(found?.source, 'online');
    assert.equal(found?.record.name, 'Nhà 1');
    assert.equal(found?.status, 'created');
    assert.equal(await c.lookupCode('5713399999'), null);
    await assert.rejects(
      () => c.lookupCode('57133'),
      (e: unknown) => e instanceof DiachisoError && e.code === 'invalid-input',
    );
    const n = await c.registrations.notice(found!.registrationId, 'sms', 'vi');
    assert.match(n.body, /^Ma dia chi so cua so 12 Tran Phu: 5713300002\./);
    assert.deepEqual(await c.units.ward('22366'), {
      code: '22366',
      name: 'Phường Nha Trang',
      postalCode: '57133',
      province: { code: '56', name: 'Tỉnh Khánh Hòa' },
    });
    assert.ok((await c.units.wards('56')).every((w) => /^5[79]\d{3}$/.test(w.postalCode ?? '')));
    // A restarted mock given the saved state continues the serials.
    const again = setupServer(...createHandlers({ baseUrl: 'https://reg2.test', registrations: { snapshot: saved.at(-1) as never } }));
    own.close();
    again.listen({ onUnhandledRequest: 'error' });
    try {
      const c2 = await createClient({ mode: 'online', baseUrl: 'https://reg2.test' });
      const r = await c2.registrations.declare(d);
      assert.ok(!('queued' in r));
      const created = await c2.registrations.create(r.id);
      assert.ok(!('queued' in created));
      assert.equal(created.record!.code, '5713300003');
    } finally {
      again.close();
    }
  } finally {
    own.close();
    server.listen({ onUnhandledRequest: 'error' });
  }
});

test('offline, the local registry issues and looks up national address codes, and keeps its serials', async () => {
  const c = await createClient({ mode: 'offline' });
  const r = await c.registrations.declare({
    name: 'Nhà B',
    category: 'house',
    houseNumber: '3',
    street: 'Lê Thánh Tôn',
    ward: { code: '22366', name: 'Phường Nha Trang' },
    province: { code: '56', name: 'Tỉnh Khánh Hòa' },
    location: { lat: 12.24579, lon: 109.19533 },
  });
  assert.ok(!('queued' in r));
  const created = await c.registrations.create(r.id);
  assert.ok(!('queued' in created));
  assert.match(created.record!.code, /^57133\d{5}$/);
  const found = await c.lookupCode(created.record!.code);
  assert.equal(found?.source, 'offline');
  assert.equal(found?.record.houseNumber, '3');
  const u = await c.units.ward('22759');
  assert.equal(u?.postalCode, '59122');
});
