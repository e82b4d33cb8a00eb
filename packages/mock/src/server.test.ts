import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from '@diachiso/sdk';
import { startMockServer, type MockServer } from './index.js';

let m: MockServer;
before(async () => {
  m = await startMockServer({ port: 0, apiKey: 'srv-key' });
});
after(() => m.close());

test('the online client works over a real HTTP server, with CORS', async () => {
  const c = await createClient({ mode: 'online', baseUrl: m.url, apiKey: 'srv-key' });
  const r = await c.suggest('vinh hai', { limit: 3 });
  assert.equal(r.source, 'online');
  assert.ok(r.length > 0);
  assert.equal((await c.reverse({ lat: 12.2388, lon: 109.1967 }))?.ward.code, '22366');
  const pre = await fetch(`${m.url}/v1/suggest?q=a`, { method: 'OPTIONS' });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get('access-control-allow-origin'), '*');
  assert.match(pre.headers.get('access-control-allow-headers') ?? '', /X-API-Key/);
  const nokey = await fetch(`${m.url}/v1/suggest?q=a`);
  assert.equal(nokey.status, 401);
  assert.equal(nokey.headers.get('content-type'), 'application/problem+json');
});

test('load: bounded, loopback only — suggest answers with no errors (rps and p95 reported)', async () => {
  const queries = ['vinh hai', 'tran phu', 'bac nha trang', 'cam ranh', 'truong sa', 'p vinh hai tp nha trang', 'ha noi', 'ninh hoa'];
  const N = 400;
  const CONCURRENCY = 16;
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < N) {
        const i = next++;
        const t = performance.now();
        const res = await fetch(`${m.url}/v1/suggest?q=${encodeURIComponent(queries[i % queries.length]!)}&limit=5`, {
          headers: { 'X-API-Key': 'srv-key' },
        });
        await res.arrayBuffer();
        if (!res.ok) errors++;
        times.push(performance.now() - t);
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  console.log(
    `mock server load: ${N} suggest requests, concurrency ${CONCURRENCY}: ${(N / secs).toFixed(0)} req/s, p50 ${times[Math.floor(N * 0.5)]!.toFixed(1)} ms, p95 ${times[Math.floor(N * 0.95)]!.toFixed(1)} ms, ${errors} errors`,
  );
  assert.equal(errors, 0);
});
