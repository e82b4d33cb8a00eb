// IndexedDB in Chromium: a failed write affects that write only, a blocked or never-completing
// open does not hang, another tab's delete is not blocked by us, and the store says truthfully
// where each value is.
import { expect } from '@open-wc/testing';
import { LocalStore } from './storage.js';
import { createClient } from '@diachiso/sdk';

const fresh = () => `t${Math.random().toString(36).slice(2)}`;
const open = (name: string, version?: number) =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name, version);
    r.onupgradeneeded = () => r.result.createObjectStore(name.replace(/^diachiso-/, ''));
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

describe('LocalStore (IndexedDB)', () => {
  it('writes to IndexedDB and says so', async () => {
    const s = new LocalStore(fresh());
    expect(await s.set('a', { x: 1 })).to.deep.equal({ persistent: true });
    expect(await s.get('a')).to.deep.equal({ x: 1 });
    expect(s.persistent).to.equal(true);
    s.close();
    // a second store of the same name (a reload) reads it back from IndexedDB
    expect(await new LocalStore(s.name).get('a')).to.deep.equal({ x: 1 });
  });

  it('a value that cannot be cloned fails that write only: memory, persistent false; the next write persists', async () => {
    const s = new LocalStore(fresh());
    const bad = { f: () => 1 };
    expect(await s.set('bad', bad)).to.deep.equal({ persistent: false });
    expect(await s.get('bad')).to.equal(bad);
    expect(s.saved('bad')).to.equal(false);
    expect(await s.set('good', { ok: true })).to.deep.equal({ persistent: true });
    expect(s.saved('good')).to.equal(true);
    expect(s.note).to.equal(undefined);
  });

  it('an open that never completes (a delete blocked by another connection) settles by the deadline, in memory, with a note', async () => {
    const name = fresh();
    const holder = await open(`diachiso-${name}`); // another tab that never closes
    const del = indexedDB.deleteDatabase(`diachiso-${name}`); // blocked by it; later opens queue behind
    del.onblocked = () => undefined;
    const s = new LocalStore(name, 300);
    const t0 = performance.now();
    expect(await s.set('k', 1)).to.deep.equal({ persistent: false });
    expect(performance.now() - t0).to.be.below(1500);
    expect(await s.get('k')).to.equal(1);
    expect(s.note).to.match(/IndexedDB/);
    expect(s.persistent).to.equal(false);
    holder.close();
  });

  it('closes its connection when another tab upgrades or deletes the database, and reopens after', async () => {
    const s = new LocalStore(fresh());
    await s.set('k', 1);
    const deleted = await new Promise<string>((resolve) => {
      const r = indexedDB.deleteDatabase(`diachiso-${s.name}`);
      r.onsuccess = () => resolve('deleted');
      r.onblocked = () => resolve('blocked');
    });
    expect(deleted).to.equal('deleted');
    expect(await s.get('k')).to.equal(undefined);
    expect(await s.set('k', 2)).to.deep.equal({ persistent: true });
  });
});

describe('the HTTP transport in Chromium', () => {
  it('uses the page’s own fetch (unbound) and a path base URL on the page’s origin', async () => {
    const c = await createClient({ mode: 'online', baseUrl: `/no-platform-${fresh()}`, retry: false });
    const e = await c.suggest('vinh hai').catch((x: unknown) => x);
    expect((e as { code?: string }).code).to.equal('not-found'); // the test server's 404, not a failed fetch
    c.dispose();
  });
});

describe('drafts and the outbox in Chromium', () => {
  it('saveDraft says whether the draft is persistent', async () => {
    const c = await createClient({ mode: 'offline', dataset: { cache: false } });
    expect(await c.registrations.saveDraft(fresh(), { name: 'Nhà A' })).to.deep.equal({ persistent: true });
    expect(await c.registrations.saveDraft(fresh(), { bad: () => 1 })).to.deep.equal({ persistent: false });
    c.dispose();
  });

  it('a queued declaration is in IndexedDB and sent once, even with two clients flushing at once (Web Locks)', async () => {
    const base = `http://localhost:1/${fresh()}`; // nothing listens: unreachable
    let up = false;
    let posts = 0;
    const fake: typeof fetch = async (input, init) => {
      if (!up) throw new TypeError('Failed to fetch');
      posts++;
      await new Promise((r) => setTimeout(r, 30));
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      return Response.json({
        id: `reg-${posts}`,
        status: 'declared',
        declaration: body,
        history: [{ status: 'declared', at: '2026-01-01T00:00:00Z', by: 'owner' }],
        updatedAt: '2026-01-01T00:00:00Z',
        notified: false,
        plated: false,
      });
      void input;
    };
    const opts = { mode: 'auto' as const, baseUrl: base, fetch: fake, retry: false as const, dataset: { cache: false } };
    const a = await createClient(opts);
    const b = await createClient(opts);
    const decl = {
      name: 'Nhà A',
      category: 'house' as const,
      houseNumber: '12',
      ward: { code: '22366', name: 'Phường Nha Trang' },
      province: { code: '56', name: 'Tỉnh Khánh Hòa' },
      location: { lat: 12.24, lon: 109.19 },
    };
    const q = await a.registrations.declare(decl);
    if (!('queued' in q)) throw new Error('not queued');
    expect(q.persistent).to.equal(true);
    expect((await b.registrations.pending()).map((p) => p.idempotencyKey)).to.deep.equal([q.idempotencyKey]);
    up = true;
    await Promise.all([a.registrations.flush(), b.registrations.flush()]);
    expect(posts).to.equal(1);
    expect(await a.registrations.pending()).to.deep.equal([]);
    a.dispose();
    b.dispose();
  });
});
