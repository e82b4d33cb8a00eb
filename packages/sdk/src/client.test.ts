import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, DiachisoError } from './index.js';

test('offline client with no options finds wards and provinces nationwide, diacritic-insensitive', async () => {
  const c = await createClient({ mode: 'offline' });
  const r = await c.suggest('vinh hai', { limit: 5 });
  assert.equal(r.source, 'offline');
  assert.ok(r.length > 0 && r.length <= 5);
  for (const s of r) {
    assert.equal(typeof s.id, 'string');
    assert.ok(['province', 'ward', 'street', 'poi', 'address'].includes(s.kind));
    assert.equal(typeof s.label, 'string');
  }
  assert.ok(
    r.some((s) => s.ward?.code === '22846' && s.province?.code === '56'),
    'Xã Vĩnh Hải, Khánh Hòa',
  );
  assert.ok(
    r.some((s) => s.legacy && s.ward?.code === '22333'),
    'the pre-2025 Phường Vĩnh Hải → Bắc Nha Trang',
  );
  const hn = await c.suggest('ha noi', { limit: 3 });
  assert.equal(hn[0]?.id, 'province:01');
  const bd = await c.suggest('Ba Đình Hà Nội', { limit: 3 });
  assert.equal(bd[0]?.ward?.code, '00004');
});

test('every one of the 3,321 wards is found by its own name without diacritics', async () => {
  const c = await createClient({ mode: 'offline' });
  const engine = await c.offline();
  const wards = engine.index.registry.wards;
  assert.equal(wards.length, 3321);
  assert.equal(engine.index.registry.provinces.length, 34);
  let missing = 0;
  for (const w of wards) {
    const p = engine.index.registry.province(w.provinceCode)!;
    const r = engine.suggest(
      `${w.name} ${p.name}`
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd'),
      { limit: 5 },
    );
    if (!r.some((s) => s.ward?.code === w.code)) missing++;
  }
  assert.equal(missing, 0);
});

test('reverse: Khánh Hòa points give their ward, points elsewhere give null', async () => {
  const c = await createClient({ mode: 'offline' });
  const nt = await c.reverse({ lat: 12.2388, lon: 109.1967 });
  assert.deepEqual(nt && { ward: nt.ward, province: nt.province }, {
    ward: { code: '22366', name: 'Phường Nha Trang', postalCode: '57133' },
    province: { code: '56', name: 'Tỉnh Khánh Hòa' },
  });
  // …with the nearest streets and points of interest, nearest first, in metres
  assert.ok(nt!.streets!.length === 3 && nt!.pois!.length > 0);
  for (const list of [nt!.streets!, nt!.pois!])
    for (let i = 1; i < list.length; i++) assert.ok(list[i - 1]!.distanceM <= list[i]!.distanceM);
  assert.ok(nt!.streets![0]!.distanceM < 200 && nt!.streets![0]!.id.startsWith('street:'));
  assert.ok((await c.retrieve(nt!.streets![0]!.id))?.kind === 'street', 'a nearby street can be retrieved by its id');
  const bare = await c.reverse({ lat: 12.2388, lon: 109.1967 }, { nearby: false });
  assert.equal(bare!.streets, undefined);
  const health = await c.reverse({ lat: 12.2388, lon: 109.1967 }, { nearby: { pois: 10, radiusM: 3000, category: 'health' } });
  assert.ok(health!.pois!.every((p) => p.category === 'health' && p.distanceM <= 3000));
  assert.equal(await c.reverse({ lat: 21.0285, lon: 105.8542 }), null); // Hà Nội: not covered
  await assert.rejects(
    () => c.reverse({ lat: Number.NaN, lon: 1 }),
    (e: unknown) => e instanceof DiachisoError && e.code === 'invalid-input',
  );
});

test('every Khánh Hòa ward centroid that lies inside its polygon reverses to that ward', async () => {
  const c = await createClient({ mode: 'offline' });
  const engine = await c.offline();
  let checked = 0;
  for (const w of engine.index.registry.wardsOf('56')) {
    if (!w.centroid) continue;
    const r = engine.reverse(w.centroid);
    if (r && r.ward.code === w.code) checked++;
  }
  // Centroids of concave or multi-part wards may fall outside them (at sea for Trường Sa).
  assert.ok(checked >= 55, `only ${checked} of 65 centroids reverse to their own ward`);
});

test('odd input gives an empty result, not an error', async () => {
  const c = await createClient();
  for (const q of ['', '   ', '!!!', '\u0000', 'x'.repeat(5000)]) assert.ok(Array.isArray(await c.suggest(q)));
  // @ts-expect-error: not a string at runtime
  assert.deepEqual([...(await c.suggest(null))], []);
});

test('online mode needs a baseUrl', async () => {
  await assert.rejects(
    () => createClient({ mode: 'online' }),
    (e: unknown) => e instanceof DiachisoError && e.code === 'invalid-input',
  );
});
