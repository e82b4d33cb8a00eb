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
  // the first request builds the mock's engine: on a loaded CI machine that can take seconds
  const c = await createClient({ mode: 'online', baseUrl: m.url, apiKey: 'srv-key', timeoutMs: 60_000 });
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

test('hardened: rate limit per client address, not bypassed by a fresh key per request', async () => {
  const s = await startMockServer({ port: 0, rateLimitPerMinute: 3 });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await fetch(`${s.url}/v1/units/provinces`, { headers: { 'X-API-Key': `fresh-${i}-${Math.random()}` } });
      await r.arrayBuffer();
      statuses.push(r.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
  } finally {
    await s.close();
  }
});

/** Sends a raw HTTP/1.1 request and returns the status code. */
async function raw(url: string, head: string): Promise<number> {
  const { connect } = await import('node:net');
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sock = connect(Number(port), hostname, () => sock.write(head));
    let got = '';
    sock.on('data', (d) => {
      got += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(got);
      if (m) {
        sock.destroy();
        resolve(Number(m[1]));
      }
    });
    sock.on('error', reject);
    sock.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? 0)));
  });
}

test('hardened: malformed percent-encoding, TRACE and a bad Host get a 4xx, not a 500; HEAD /v1/health is 200', async () => {
  const pct = await raw(m.url, 'GET /v1/suggest?q=%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: srv-key\r\n\r\n');
  const pctPath = await raw(m.url, 'GET /v1/registrations/%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: srv-key\r\n\r\n');
  const trace = await raw(m.url, 'TRACE /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  const host = await raw(m.url, 'GET /v1/health HTTP/1.1\r\nHost: a b/c@d\r\n\r\n');
  for (const [what, status] of Object.entries({ pct, pctPath, trace, host }))
    assert.ok(status >= 400 && status < 500, `${what}: ${status}`);
  const head = await fetch(`${m.url}/v1/health`, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal((await head.arrayBuffer()).byteLength, 0);
});

test('hardened: a client that never finishes its headers is cut off quickly', async () => {
  const s = await startMockServer({ port: 0, headersTimeoutMs: 300, requestTimeoutMs: 600 });
  try {
    const { connect } = await import('node:net');
    const { port } = new URL(s.url);
    const t0 = Date.now();
    const closedAfter = await new Promise<number>((resolve) => {
      const sock = connect(Number(port), '127.0.0.1', () => sock.write('GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
      sock.on('data', () => undefined);
      sock.on('error', () => undefined);
      sock.on('close', () => resolve(Date.now() - t0));
    });
    assert.ok(closedAfter < 3000, `closed after ${closedAfter} ms`);
  } finally {
    await s.close();
  }
});

test('hardened: the command refuses bad numbers with one line and exit code 2, no stack trace', async () => {
  const { execFile } = await import('node:child_process');
  const cli = new URL('./cli.ts', import.meta.url).pathname;
  const runs = [['--port', 'abc'], ['--rate-limit', 'abc'], ['--latency', '-5'], ['--nonsense']].map(
    (args) =>
      new Promise<{ args: string[]; code: number | null; stderr: string }>((resolve) => {
        const child = execFile(process.execPath, ['--import', 'tsx', cli, ...args], { timeout: 60_000 }, (_e, _out, stderr) =>
          resolve({ args, code: child.exitCode, stderr: String(stderr) }),
        );
      }),
  );
  for (const r of await Promise.all(runs)) {
    assert.equal(r.code, 2, `${r.args.join(' ')}: exit ${r.code} ${r.stderr}`);
    assert.match(r.stderr, /^diachiso-mock: /);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('hardened: registrations are bounded (507 past the cap, nothing kept for ever)', async () => {
  const s = await startMockServer({ port: 0, maxRegistrations: 2 });
  try {
    const decl = {
      name: 'Nhà ông Nguyễn Văn A',
      category: 'house',
      houseNumber: '12',
      street: 'Trần Phú',
      ward: { code: '22366', name: 'Phường Nha Trang' },
      province: { code: '56', name: 'Tỉnh Khánh Hòa' },
      location: { lat: 12.2388, lon: 109.1967 },
      owner: { name: 'Nguyễn Văn A', phone: '0905 123 456' },
    };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${s.url}/v1/registrations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `bounded-${i}-key` },
        body: JSON.stringify(decl),
      });
      await r.arrayBuffer();
      statuses.push(r.status);
    }
    assert.deepEqual(statuses, [201, 201, 507]);
  } finally {
    await s.close();
  }
});
