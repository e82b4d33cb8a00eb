// The offline registry in Chromium: national address codes issued on this device are kept in
// IndexedDB, so a client started after a reload continues the serials and never reuses one.
import { expect, waitUntil } from '@open-wc/testing';
import { createStore, get } from 'idb-keyval';
import type { Declaration, RegistrationSnapshot } from '@diachiso/core';
import { createClient } from '@diachiso/sdk';

const decl = (name: string): Declaration => ({
  name,
  category: 'house',
  houseNumber: '12',
  street: 'Trần Phú',
  ward: { code: '22366', name: 'Phường Nha Trang' },
  province: { code: '56', name: 'Tỉnh Khánh Hòa' },
  location: { lat: 12.24579, lon: 109.19533 },
});

async function issue(c: Awaited<ReturnType<typeof createClient>>, name: string): Promise<string> {
  const r = await c.registrations.declare(decl(name));
  if ('queued' in r) throw new Error('queued');
  const created = await c.registrations.create(r.id);
  if ('queued' in created) throw new Error('queued');
  return created.record!.code;
}

describe('offline registry in the browser', () => {
  it('keeps serials after a reload: a new client continues them and finds the codes issued before', async () => {
    const db = createStore('diachiso-registry', 'registry');
    const before = (await get<RegistrationSnapshot>('state', db))?.serials['57133'] ?? 0;
    const a = await createClient({ mode: 'offline' });
    const first = await issue(a, 'Nhà 1');
    const second = await issue(a, 'Nhà 2');
    expect(first).to.equal(`57133${String(before + 1).padStart(5, '0')}`);
    expect(Number(second)).to.equal(Number(first) + 1);
    await waitUntil(
      async () => (await get<RegistrationSnapshot>('state', db))?.serials['57133'] === before + 2,
      'the state reaches IndexedDB',
    );
    // As after a reload: a new client, whose registry starts from IndexedDB.
    const b = await createClient({ mode: 'offline' });
    const third = await issue(b, 'Nhà 3');
    expect(Number(third)).to.equal(Number(second) + 1);
    const found = await b.lookupCode(first);
    expect(found?.record.name).to.equal('Nhà 1');
    expect(found?.source).to.equal('offline');
  });
});
