// One contract suite, run against the online client (over the msw mock, in Node) and against
// offline mode: both must pass, with the same answers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createClient, DiachisoError, type Client } from '@diachiso/sdk';
import type { Declaration, Registration } from '@diachiso/core';
import { createHandlers } from './index.js';

const BASE = 'https://contract.test';
const server = setupServer(...createHandlers({ baseUrl: BASE, apiKey: 'contract-key' }));
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

const decl: Declaration = {
  name: 'Nhà ông Nguyễn Văn A',
  category: 'house',
  houseNumber: '12',
  street: 'Trần Phú',
  ward: { code: '22366', name: 'Phường Nha Trang' },
  province: { code: '56', name: 'Tỉnh Khánh Hòa' },
  location: { lat: 12.2388, lon: 109.1967 },
  owner: { name: 'Nguyễn Văn A', phone: '0905 123 456' },
};

const strip = <T extends object>(x: T) => {
  const { source: _s, ...rest } = x as T & { source?: string };
  return rest;
};

for (const mode of ['online', 'offline'] as const) {
  describe(`contract (${mode})`, () => {
    let c: Client;
    let other: Client;
    before(async () => {
      c = mode === 'online' ? await createClient({ mode, baseUrl: BASE, apiKey: 'contract-key' }) : await createClient({ mode });
      other =
        mode === 'online'
          ? await createClient({ mode: 'offline' })
          : await createClient({ mode: 'online', baseUrl: BASE, apiKey: 'contract-key' });
    });

    test('search and retrieve', async () => {
      const s = await c.search('tran phu nha trang', { limit: 10 });
      assert.ok(s.results.length > 0);
      assert.deepEqual(s.results, (await other.search('tran phu nha trang', { limit: 10 })).results);
      const r = await c.retrieve('ward:22333');
      assert.equal(r?.label, 'Phường Bắc Nha Trang, Tỉnh Khánh Hòa');
      assert.equal(await c.retrieve('ward:00000'), null);
    });

    test('reverse: ward, nearest streets and points of interest, same on both sides', async () => {
      const p = { lat: 12.2454, lon: 109.1943 };
      const strip = (r: Awaited<ReturnType<Client['reverse']>>) => r && { ...r, source: undefined };
      for (const nearby of [undefined, false, { streets: 5, pois: 2, radiusM: 800, category: 'food' }] as const) {
        const a = await c.reverse(p, nearby === undefined ? {} : { nearby });
        assert.deepEqual(strip(a), strip(await other.reverse(p, nearby === undefined ? {} : { nearby })));
        if (nearby !== false) assert.ok(a!.streets!.length > 0);
      }
    });

    test('verify: legacy address corrected with its citation; nonsense invalid', async () => {
      const v = await c.verify('12 Trần Phú, P. Vĩnh Hải, TP. Nha Trang');
      assert.equal(v.status, 'corrected');
      assert.equal(v.address?.ward.code, '22333');
      const legacy = v.findings.find((f) => f.kind === 'legacy-unit' && f.component === 'ward');
      assert.equal(legacy?.citation?.clause, 50);
      assert.deepEqual(strip(v), strip(await other.verify('12 Trần Phú, P. Vĩnh Hải, TP. Nha Trang')));
      assert.equal((await c.verify('zzqx')).status, 'invalid');
      const byParts = await c.verify({
        houseNumber: '12',
        street: 'Trần Phú',
        ward: 'Vĩnh Hải',
        district: 'Nha Trang',
        province: 'Khánh Hòa',
      });
      assert.equal(byParts.address?.ward.code, '22333');
    });

    test('units', async () => {
      assert.equal((await c.units.provinces()).length, 34);
      assert.equal((await c.units.wards('56')).length, 65);
      assert.deepEqual(await c.units.ward('22736'), {
        code: '22736',
        name: 'Đặc khu Trường Sa',
        postalCode: '57906',
        province: { code: '56', name: 'Tỉnh Khánh Hòa' },
      });
      assert.equal(await c.units.ward('99999'), null);
    });

    test('thematic layer, export in three formats, coverage', async () => {
      const l = await c.layer('lodging');
      assert.ok(l.features.length > 50);
      assert.ok(l.features.every((f) => f.properties.category === 'lodging'));
      assert.match(l.attribution, /OpenStreetMap/);
      const small = await c.layer('all', { bbox: [109.19, 12.23, 109.2, 12.24] });
      assert.ok(small.features.every((f) => f.geometry.coordinates[0] >= 109.19 && f.geometry.coordinates[0] <= 109.2));
      const page = await c.exportRecords({ province: '56', limit: 50 });
      assert.equal(page.format, 'json');
      if (page.format !== 'json') return;
      assert.equal(page.items.length, 50);
      assert.ok(page.nextCursor);
      const next = await c.exportRecords({ province: '56', limit: 50, cursor: page.nextCursor });
      assert.ok(next.format === 'json' && next.items[0]!.id !== page.items[0]!.id);
      const csv = await c.exportRecords({ format: 'csv', category: 'health' });
      assert.ok(csv.format === 'csv' && csv.text.startsWith('id,name,category'));
      const geo = await c.exportRecords({ format: 'geojson', category: 'fuel' });
      assert.ok(geo.format === 'geojson' && JSON.parse(geo.text).type === 'FeatureCollection');
      const cov = await c.coverage({ province: '56' });
      assert.equal(cov.length, 65);
      assert.ok(cov.some((r) => r.objects > 0));
    });

    test('registration: declare → create → verify, notices, idempotency, field issues', async () => {
      const d = (await c.registrations.declare(decl, { idempotencyKey: `key-declare-${mode}` })) as Registration;
      assert.equal(d.status, 'declared');
      const again = (await c.registrations.declare(decl, { idempotencyKey: `key-declare-${mode}` })) as Registration;
      assert.equal(again.id, d.id, 'same key, same content: the same registration');
      const created = (await c.registrations.create(d.id)) as Registration;
      assert.equal(created.status, 'created');
      assert.match(created.record!.code, /^57133\d{5}$/); // the national address code: Phường Nha Trang's postal code + a serial
      assert.match(created.record!.locationCode!, /^22366-[23456789CFGHJMPQRVWX]{4}\+[23456789CFGHJMPQRVWX]{3}$/);
      const verified = (await c.registrations.verify(d.id, 'approve')) as Registration;
      assert.equal(verified.status, 'verified');
      assert.deepEqual(
        verified.history.map((h) => h.status),
        ['declared', 'created', 'verified'],
      );
      const sms = await c.registrations.notice(d.id, 'sms', 'vi');
      assert.ok(sms.body.includes(created.record!.code) && sms.body.length <= 160 && !/[^\x20-\x7e]/.test(sms.body), sms.body);
      const letter = await c.registrations.notice(d.id, 'letter', 'en');
      assert.ok(letter.subject?.includes(created.record!.code));
      assert.equal((await c.registrations.get(d.id))?.status, 'verified');
      await assert.rejects(
        () => c.registrations.declare({ ...decl, name: '', location: { lat: 999, lon: 0 } }),
        (e: unknown) =>
          e instanceof DiachisoError &&
          e.code === 'invalid-input' &&
          JSON.stringify(
            (e as DiachisoError & { problem?: { issues?: Array<{ field: string }> } }).problem?.issues?.map((i) => i.field),
          ) === '["name","location"]',
      );
      await assert.rejects(
        () => c.registrations.declare({ ...decl, name: 'other' }, { idempotencyKey: `key-declare-${mode}` }),
        DiachisoError,
      );
      await assert.rejects(() => c.registrations.verify(d.id, 'approve'), DiachisoError); // already verified
    });
  });
}

describe('faults', () => {
  test('offline mid-registration: the declaration is queued, then sent exactly once', async () => {
    let down = true;
    let posts = 0;
    server.use(
      http.post(`${BASE}/v1/registrations`, () => {
        if (down) return HttpResponse.error();
        posts++;
        return undefined as unknown as Response; // fall through to the mock platform
      }),
    );
    try {
      const c = await createClient({ mode: 'auto', baseUrl: BASE, apiKey: 'contract-key', retry: false });
      const q = await c.registrations.declare(decl);
      assert.ok('queued' in q && q.queued);
      assert.equal((await c.registrations.pending()).length, 1);
      down = false;
      const sent = await c.registrations.flush();
      assert.equal(sent.length, 1);
      assert.equal(sent[0]!.status, 'declared');
      assert.equal((await c.registrations.pending()).length, 0);
      assert.deepEqual(await c.registrations.flush(), []);
      assert.equal(posts, 1);
    } finally {
      server.resetHandlers();
    }
  });

  test('drafts survive (memory in Node, IndexedDB in browsers)', async () => {
    const c = await createClient({ mode: 'offline' });
    await c.registrations.saveDraft('form-1', { name: 'Nhà A', houseNumber: '12' });
    const c2 = await createClient({ mode: 'offline' });
    void c2;
    assert.deepEqual(await c.registrations.loadDraft('form-1'), { name: 'Nhà A', houseNumber: '12' });
    await c.registrations.clearDraft('form-1');
    assert.equal(await c.registrations.loadDraft('form-1'), undefined);
  });

  test('a POST without an Idempotency-Key is refused by the platform', async () => {
    const res = await fetch(`${BASE}/v1/registrations`, {
      method: 'POST',
      headers: { 'X-API-Key': 'contract-key' },
      body: JSON.stringify(decl),
    });
    assert.equal(res.status, 400);
  });

  test('rate limits answer 429 with Retry-After', async () => {
    const limited = setupServer(...createHandlers({ baseUrl: 'https://limited.test', rateLimitPerMinute: 2 }));
    server.close();
    limited.listen();
    try {
      const r = await Promise.all([1, 2, 3].map(() => fetch('https://limited.test/v1/units/provinces')));
      assert.deepEqual(
        r.map((x) => x.status),
        [200, 200, 429],
      );
      assert.ok(Number(r[2]!.headers.get('Retry-After')) > 0);
    } finally {
      limited.close();
      server.listen({ onUnhandledRequest: 'error' });
    }
  });
});
