// The loader's IndexedDB cache in Chromium: an offline second visit, and a copy damaged in storage.
import { expect } from '@open-wc/testing';
import { createStore, del, get, set, keys } from 'idb-keyval';
import { clearMemoryCache, loadDataset, loadManifest, DatasetError } from './index.js';

const assets = new URL('../assets/', import.meta.url);
const idb = createStore('diachiso', 'dataset');

/** Serves the real assets under another base URL, and can go offline. */
function network(): { fetch: typeof fetch; offline: boolean; requests: string[] } {
  const n = {
    offline: false,
    requests: [] as string[],
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const name = String(input).split('/').pop()!;
      n.requests.push(name);
      if (n.offline) throw new TypeError('Failed to fetch');
      return fetch(new URL(name, assets), init);
    }) as typeof fetch,
  };
  return n;
}

describe('dataset loader in Chromium (IndexedDB)', () => {
  it('second visit offline: the last complete cached dataset is used when the manifest cannot be fetched, then refreshed', async () => {
    const base = `https://visit.test/${Math.random().toString(36).slice(2)}/`;
    const net = network();
    clearMemoryCache();
    const first = await loadDataset(['admin', 'zones'], { baseUrl: base, fetch: net.fetch });
    expect(first.cache).to.equal('indexeddb');
    expect(first.manifestSource).to.equal(undefined);
    // The page is reloaded with the network gone.
    clearMemoryCache();
    net.offline = true;
    const second = await loadDataset(['admin', 'zones'], { baseUrl: base, fetch: net.fetch });
    expect(second.manifestSource).to.equal('cache');
    expect(second.version).to.equal(first.version);
    expect(second.parts.admin.wards.length).to.equal(3321);
    // A part never cached cannot come from anywhere: a typed error, not a hang. (Other tests of
    // this origin may have cached it: forget it first.)
    for (const k of await keys(idb)) if (String(k).includes('pois')) await del(k, idb);
    try {
      await loadDataset(['pois'], { baseUrl: base, fetch: net.fetch });
      expect.fail('should have thrown');
    } catch (e) {
      expect(e).to.be.instanceOf(DatasetError);
    }
    // The network is back: the manifest is fetched again (not kept from the failure).
    net.offline = false;
    net.requests.length = 0;
    const m = await loadManifest({ baseUrl: base, fetch: net.fetch });
    expect(net.requests).to.include('manifest.json');
    expect(m.version).to.equal(first.version);
  });

  it('a cached part damaged in storage is detected (hash), dropped and fetched again', async () => {
    const base = `https://damaged.test/${Math.random().toString(36).slice(2)}/`;
    const net = network();
    clearMemoryCache();
    const first = await loadDataset(['zones'], { baseUrl: base, fetch: net.fetch });
    const key = `${first.version}/zones`;
    expect((await keys(idb)).map(String)).to.include(key);
    const good = (await get(key, idb)) as Uint8Array;
    const bad = good.slice();
    bad[bad.length - 5] = 0x41;
    await set(key, bad, idb);
    clearMemoryCache();
    net.requests.length = 0;
    const again = await loadDataset(['zones'], { baseUrl: base, fetch: net.fetch });
    expect(net.requests).to.include('zones.json');
    expect(again.parts.zones).to.deep.equal(first.parts.zones);
    // The good copy is back in the cache.
    expect(Array.from((await get(key, idb)) as Uint8Array)).to.deep.equal(Array.from(good));
  });

  it('a cached value of the wrong shape (an older format, another part) is refetched, not used', async () => {
    const base = `https://shape.test/${Math.random().toString(36).slice(2)}/`;
    const net = network();
    clearMemoryCache();
    const first = await loadDataset(['zones'], { baseUrl: base, fetch: net.fetch });
    await set(`${first.version}/zones`, { part: 'zones', zones: 'nonsense' }, idb);
    clearMemoryCache();
    net.requests.length = 0;
    const again = await loadDataset(['zones'], { baseUrl: base, fetch: net.fetch });
    expect(net.requests).to.include('zones.json');
    expect(again.parts.zones).to.deep.equal(first.parts.zones);
  });

  it('a second visit reads the cached parts while the manifest is on its way, and only uses them for the same version', async () => {
    const base = `https://early.test/${Math.random().toString(36).slice(2)}/`;
    const net = network();
    clearMemoryCache();
    const first = await loadDataset(['zones', 'pois'], { baseUrl: base, fetch: net.fetch });
    await new Promise((r) => setTimeout(r, 50)); // the manifest is saved after the load
    // Same version, a slow manifest: nothing but the manifest crosses the network.
    clearMemoryCache();
    net.requests.length = 0;
    const slow = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('manifest.json')) await new Promise((r) => setTimeout(r, 300));
      return net.fetch(input, init);
    }) as typeof fetch;
    const again = await loadDataset(['zones', 'pois'], { baseUrl: base, fetch: slow });
    expect(net.requests).to.deep.equal(['manifest.json']);
    expect(again.parts.zones).to.deep.equal(first.parts.zones);
    // The dataset was updated since: the parts saved under the old version are not used.
    clearMemoryCache();
    net.requests.length = 0;
    const updated = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await net.fetch(input, init);
      if (!String(input).endsWith('manifest.json')) return res;
      const m = (await res.json()) as { version: string };
      return new Response(JSON.stringify({ ...m, version: `${m.version}-next` }), { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const next = await loadDataset(['zones', 'pois'], { baseUrl: base, fetch: updated });
    expect(next.version).to.equal(`${first.version}-next`);
    expect(net.requests).to.include.members(['manifest.json', 'zones.json', 'pois.json']);
  });
});
