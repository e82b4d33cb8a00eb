import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { clearMemoryCache, DatasetError, loadDataset, loadManifest } from './index.js';

const assets = new URL('../assets/', import.meta.url);
/** A fetch that serves the real assets over "HTTP", optionally corrupting one part. */
function server(corrupt?: string, fail?: string): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const name = String(input).split('/').pop()!;
    if (name === fail) throw new TypeError('network down');
    let body = readFileSync(new URL(name, assets));
    if (name === corrupt) body = Buffer.concat([body.subarray(0, body.length - 10), Buffer.from('"tampered"')]);
    return new Response(body, { headers: { 'Content-Length': String(body.length) } });
  }) as typeof fetch;
}

test('progress in bytes, integrity checked, memory cache when IndexedDB is missing (and said)', async () => {
  clearMemoryCache();
  const seen: number[] = [];
  const ds = await loadDataset(['admin', 'zones'], {
    baseUrl: 'https://cdn.test/assets/',
    fetch: server(),
    onProgress: (p) => seen.push(p.loaded),
  });
  const m = await loadManifest({ baseUrl: 'https://cdn.test/assets/', fetch: server() });
  assert.equal(ds.parts.admin.wards.length, 3321);
  assert.equal(seen.at(-1), m.parts.admin.bytes + m.parts.zones.bytes);
  assert.ok(seen.every((v, i) => i === 0 || v >= seen[i - 1]!));
  assert.equal(ds.cache, 'memory');
  assert.match(ds.cacheNote ?? '', /IndexedDB/);
  assert.ok(ds.attribution.length > 0);
});

test('a corrupted part is refused with a clear error, and the good copy already loaded is kept', async () => {
  clearMemoryCache();
  const good = await loadDataset(['pois'], { baseUrl: 'https://cdn2.test/assets/', fetch: server() });
  await assert.rejects(
    () => loadDataset(['streets'], { baseUrl: 'https://cdn2.test/assets/', fetch: server('streets.json') }),
    (e: unknown) => e instanceof DatasetError && e.code === 'integrity' && /streets/.test(e.message),
  );
  const again = await loadDataset(['pois'], { baseUrl: 'https://cdn2.test/assets/', fetch: server('pois.json') });
  assert.deepEqual(again.parts.pois, good.parts.pois, 'the cached copy is used, the corrupt download never replaces it');
});

test('network down: a typed error, not a crash', async () => {
  clearMemoryCache();
  await assert.rejects(
    () => loadDataset(['admin'], { baseUrl: 'https://cdn3.test/assets/', fetch: server(undefined, 'admin.json') }),
    (e: unknown) => e instanceof DatasetError && e.code === 'fetch-failed',
  );
});
