// The contract suite in Chromium: the online client talks to the mock platform through msw's
// request handling (the network layer), the offline client answers from the embedded data in
// IndexedDB; both must agree.
import { expect } from '@open-wc/testing';
import { getResponse } from 'msw';
import { createClient, type Client } from '@diachiso/sdk';
import type { Registration } from '@diachiso/core';
import { createHandlers } from './handlers.js';

const handlers = createHandlers({ baseUrl: 'https://contract.browser.test', apiKey: 'k' });
const viaMsw = (async (input: RequestInfo | URL, init?: RequestInit) => {
  const res = await getResponse(handlers, new Request(String(input), init));
  if (!res) throw new TypeError('no handler');
  if (res.type === 'error') throw new TypeError('network error');
  return res;
}) as typeof fetch;

let online: Client;
let offline: Client;
before(async () => {
  online = await createClient({ mode: 'online', baseUrl: 'https://contract.browser.test', apiKey: 'k', fetch: viaMsw, cache: false });
  offline = await createClient({ mode: 'offline' });
});

const strip = <T extends object>(x: T) => {
  const { source: _s, ...rest } = x as T & { source?: string };
  return rest;
};

describe('contract in Chromium: online over msw and offline agree', () => {
  it('suggest, verify, convert, reverse, codes', async () => {
    for (const q of ['vinh hai', 'P. Vĩnh Hải, TP. Nha Trang', 'tran phu nha trang']) {
      expect([...(await online.suggest(q))]).to.deep.equal([...(await offline.suggest(q))]);
      expect(strip(await online.verify(q))).to.deep.equal(strip(await offline.verify(q)));
      expect(strip(await online.convertLegacy(q))).to.deep.equal(strip(await offline.convertLegacy(q)));
    }
    const p = { lat: 12.24579, lon: 109.19533 };
    expect(strip((await online.reverse(p))!)).to.deep.equal(strip((await offline.reverse(p))!));
    const a = await online.encodeCode(p);
    const b = await offline.encodeCode(p);
    expect(strip(a)).to.deep.equal(strip(b));
    expect((a as { code: string }).code).to.equal('22366-65WW+848');
  });

  it('registration flow, both modes', async () => {
    for (const c of [online, offline]) {
      const d = (await c.registrations.declare({
        name: 'Nhà A',
        category: 'house',
        houseNumber: '12',
        street: 'Trần Phú',
        ward: { code: '22366', name: 'Phường Nha Trang' },
        province: { code: '56', name: 'Tỉnh Khánh Hòa' },
        location: { lat: 12.2388, lon: 109.1967 },
      })) as Registration;
      const created = (await c.registrations.create(d.id)) as Registration;
      expect(created.record!.code).to.match(/^57133\d{5}$/); // the national address code
      expect(created.record!.locationCode!.startsWith('22366-')).to.equal(true);
      expect((await c.lookupCode(created.record!.code))?.registrationId).to.equal(d.id);
      const v = (await c.registrations.verify(d.id, 'approve')) as Registration;
      expect(v.status).to.equal('verified');
    }
  });

  it('drafts persist in IndexedDB', async () => {
    await offline.registrations.saveDraft('browser-form', { a: 1 });
    const again = await createClient({ mode: 'offline' });
    expect(await again.registrations.loadDraft('browser-form')).to.deep.equal({ a: 1 });
    await again.registrations.clearDraft('browser-form');
  });
});
