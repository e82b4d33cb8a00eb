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

test('a load past its deadline fails with `timeout`, and the next call loads (nothing failed is kept)', async () => {
  clearMemoryCache();
  let stall = true;
  const slow = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (stall && String(input).endsWith('zones.json'))
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    return server()(input, init);
  }) as typeof fetch;
  const t0 = Date.now();
  await assert.rejects(
    () => loadDataset(['zones'], { baseUrl: 'https://slow.test/assets/', fetch: slow, timeoutMs: 200 }),
    (e: unknown) => e instanceof DatasetError && e.code === 'timeout' && /zones\.json/.test(e.message),
  );
  assert.ok(Date.now() - t0 < 2000, 'the deadline holds');
  stall = false;
  const ds = await loadDataset(['zones'], { baseUrl: 'https://slow.test/assets/', fetch: slow, timeoutMs: 200 });
  assert.ok(ds.parts.zones);
});

test('a body trickling past the deadline is cut off too', async () => {
  clearMemoryCache();
  const trickle = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!String(input).endsWith('admin.json')) return server()(input, init);
    const body = new ReadableStream<Uint8Array>({
      async pull(c) {
        await new Promise((r) => setTimeout(r, 50));
        if (init?.signal?.aborted) c.error(new DOMException('aborted', 'AbortError'));
        else c.enqueue(new Uint8Array([32]));
      },
    });
    return new Response(body);
  }) as typeof fetch;
  await assert.rejects(
    () => loadDataset(['admin'], { baseUrl: 'https://trickle.test/assets/', fetch: trickle, timeoutMs: 300 }),
    (e: unknown) => e instanceof DatasetError && e.code === 'timeout',
  );
});

test('a missing part: one console error naming the URL and the way to fix it; an HTML fallback page is not taken for data', async () => {
  clearMemoryCache();
  const errors: string[] = [];
  const orig = console.error;
  console.error = (...a: unknown[]) => void errors.push(a.join(' '));
  try {
    const spa = (async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).endsWith('pois.json')
        ? new Response('<!doctype html><title>app</title>', { headers: { 'Content-Type': 'text/html' } })
        : server()(input, init)) as typeof fetch;
    await assert.rejects(
      () => loadDataset(['pois'], { baseUrl: 'https://spa.test/app/', fetch: spa }),
      (e: unknown) => e instanceof DatasetError && e.code === 'fetch-failed' && e.url === 'https://spa.test/app/pois.json',
    );
    await assert.rejects(() => loadDataset(['pois'], { baseUrl: 'https://spa.test/app/', fetch: spa }));
    assert.equal(errors.length, 1, 'once per URL');
    assert.match(errors[0]!, /https:\/\/spa\.test\/app\/pois\.json/);
    assert.match(errors[0]!, /baseUrl/);
    assert.match(errors[0]!, /dataset-url/);
  } finally {
    console.error = orig;
  }
});

test('Node: the default location is the package’s own assets (what npm installs)', async () => {
  clearMemoryCache();
  const ds = await loadDataset(['zones']);
  assert.equal(ds.cache, 'none');
  assert.ok(ds.parts.zones);
});
