// The offline engine's index in Chromium: stored in IndexedDB shard by shard (the nationwide
// units, Khánh Hòa's streets and places), restored on the second visit, and rebuilt when what is
// stored is damaged or hostile.
import { expect } from '@open-wc/testing';
import { clear, createStore, entries, set } from 'idb-keyval';
import { clearMemoryCache } from '@diachiso/data';
import { OfflineEngine } from './engine.js';

const assets = new URL('../../data/assets/', import.meta.url);
const store = createStore('diachiso-index', 'snapshots');

/** Serves the real assets under a base URL of its own (a fresh engine, the same data). */
const visit = (base: string) => ({
  baseUrl: base,
  fetch: ((input: RequestInfo | URL, init?: RequestInit) => fetch(new URL(String(input).split('/').pop()!, assets), init)) as typeof fetch,
});
const measures = () => performance.getEntriesByType('measure').map((m) => m.name);
const stored = async () => new Map((await entries<string, unknown>(store)).map(([k, v]) => [String(k), v]));
async function until(ok: () => Promise<boolean>, ms = 20000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('offline engine index in IndexedDB (shards)', () => {
  it('stores the units and Khánh Hòa shards, and the next visit restores them with the same answers', async () => {
    const base = `https://engine.test/${Math.random().toString(36).slice(2)}/`;
    // Snapshots are keyed by content, not by URL: other tests of this origin may have stored them.
    await clear(store);
    clearMemoryCache();
    performance.clearMeasures();
    const first = await OfflineEngine.load(visit(base));
    expect(measures()).to.include('diachiso:index built');
    // Written when the page is idle, one entry per shard.
    await until(async () => {
      const ks = [...(await stored()).keys()];
      return ks.some((k) => k.startsWith('units/')) && ks.some((k) => k.startsWith('56/'));
    });
    const answers = ['vinh hai', 'tran phu', 'cho dam', 'xa cam lam', 'khanh hoa'].map((q) => first.suggest(q, { limit: 5 }));

    clearMemoryCache();
    performance.clearMeasures();
    const second = await OfflineEngine.load(visit(`${base}again/`));
    expect(measures()).to.include('diachiso:index restored');
    expect(second.index.units.fromSnapshot).to.equal(true);
    expect(second.index.shard('56')!.fromSnapshot).to.equal(true);
    expect(['vinh hai', 'tran phu', 'cho dam', 'xa cam lam', 'khanh hoa'].map((q) => second.suggest(q, { limit: 5 }))).to.deep.equal(
      answers,
    );
  });

  it('a damaged or hostile stored shard is not trusted: the index is built and answers', async () => {
    const base = `https://engine.test/${Math.random().toString(36).slice(2)}/`;
    clearMemoryCache();
    await OfflineEngine.load(visit(base));
    await until(async () => [...(await stored()).keys()].some((k) => k.startsWith('units/')));
    // Every stored shard replaced: wrong counts, markup, a string for an object.
    for (const [k, v] of await stored()) {
      const snap = v as Record<string, unknown>;
      await set(k, k.startsWith('units/') ? { ...snap, words: '<img src=x onerror=alert(1)>', records: 3 } : 'garbage', store);
    }
    clearMemoryCache();
    performance.clearMeasures();
    const e = await OfflineEngine.load(visit(`${base}damaged/`));
    expect(measures()).to.include('diachiso:index built');
    expect(e.index.units.fromSnapshot).to.equal(false);
    expect(e.suggest('vinh hai', { limit: 1 })[0]?.label).to.match(/Vĩnh Hải/);
    expect(e.suggest('tran phu', { limit: 5 }).some((s) => s.kind === 'street')).to.equal(true);
  });
});
