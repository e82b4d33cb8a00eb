// The public client under faults and hostile input, as an attacker or a bad network meets it:
// nothing lost, nothing leaked, nothing hung. msw plays the platform; local HTTP servers play
// what msw cannot (trickled bodies, silent sockets, redirects to another origin).
import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import type { Declaration, Registration } from '@diachiso/core';
import { createClient, DiachisoError, type Client, type ClientOptions, type DroppedSubmission } from './index.js';
import { onlineListeners } from './registrations.js';

const KEY = 'tenant-key/123+abc';
const msw = setupServer();
before(() => msw.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => msw.resetHandlers());
after(() => msw.close());

let n = 0;
/** A fresh platform origin per test: outboxes are keyed by it. */
const origin = () => `https://p${++n}-${Date.now().toString(36)}.test`;
const clients: Client[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.dispose()));
const client = async (o: ClientOptions) => {
  const c = await createClient({ apiKey: KEY, retry: false, ...o });
  clients.push(c);
  return c;
};

const decl: Declaration = {
  name: 'Nhà ông Nguyễn Văn A',
  category: 'house',
  houseNumber: '12',
  street: 'Trần Phú',
  ward: { code: '22366', name: 'Phường Nha Trang' },
  province: { code: '56', name: 'Tỉnh Khánh Hòa' },
  location: { lat: 12.2388, lon: 109.1967 },
  owner: { name: 'Nguyễn Văn A', phone: '0905 123 456' },
};
const reg = (id: string, status: Registration['status'], extra: Record<string, unknown> = {}) => ({
  id,
  status,
  declaration: decl,
  history: [{ status, at: '2026-01-01T00:00:00Z', by: 'owner' }],
  updatedAt: '2026-01-01T00:00:00Z',
  notified: false,
  plated: false,
  ...extra,
});
const suggestion = (label: string) => ({ id: 'ward:22333', kind: 'ward', label });
const code = (c: string) => (e: unknown) => e instanceof DiachisoError && e.code === c;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(f: () => boolean | Promise<boolean>, ms = 8000) {
  const t0 = Date.now();
  while (!(await f())) {
    if (Date.now() - t0 > ms) throw new Error('condition not reached');
    await wait(25);
  }
}

describe('data loss: the outbox', () => {
  test('5xx, 429 and a wrong-shaped 200 keep a queued declaration; it is sent once when the platform is back', async () => {
    const base = origin();
    let answer: () => Response = () => HttpResponse.error();
    const seen: string[] = [];
    msw.use(
      http.post(`${base}/v1/registrations`, ({ request }) => {
        seen.push(request.headers.get('Idempotency-Key')!);
        return answer();
      }),
    );
    const c = await client({ mode: 'auto', baseUrl: base });
    const q = await c.registrations.declare(decl);
    assert.ok('queued' in q && q.queued);
    for (const a of [
      () => new HttpResponse(null, { status: 503 }),
      () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '1' } }),
      () => HttpResponse.json({ nonsense: true }),
      () => new HttpResponse('<html>', { status: 200 }),
      () => new HttpResponse(null, { status: 408 }),
    ]) {
      answer = a;
      assert.deepEqual(await c.registrations.flush(), []);
      assert.equal((await c.registrations.pending()).length, 1, 'still queued');
    }
    answer = () => HttpResponse.json(reg('reg-1', 'declared'));
    const sent = await c.registrations.flush();
    assert.equal(sent[0]?.id, 'reg-1');
    assert.equal((await c.registrations.pending()).length, 0);
    assert.equal(new Set(seen).size, 1, 'every attempt with the same Idempotency-Key');
  });

  test('a definitive refusal drops the submission and tells the app which and why', async () => {
    const base = origin();
    let down = true;
    msw.use(
      http.post(`${base}/v1/registrations`, () =>
        down
          ? HttpResponse.error()
          : HttpResponse.json({ title: 'invalid', issues: [{ field: 'name', kind: 'missing' }] }, { status: 422 }),
      ),
    );
    const told: DroppedSubmission[] = [];
    const c = await client({ mode: 'auto', baseUrl: base, onDropped: (d) => told.push(d) });
    const q = await c.registrations.declare(decl);
    assert.ok('queued' in q);
    down = false;
    assert.deepEqual(await c.registrations.flush(), []);
    assert.equal((await c.registrations.pending()).length, 0);
    assert.equal(told.length, 1);
    assert.equal(told[0]!.idempotencyKey, q.idempotencyKey);
    assert.equal(told[0]!.error.code, 'invalid-input');
    assert.equal(told[0]!.error.status, 422);
    assert.deepEqual(
      c.registrations.dropped().map((d) => d.idempotencyKey),
      [q.idempotencyKey],
    );
  });

  test('steps replay in the order they were made; a step waits for the one it depends on', async () => {
    const base = origin();
    let down = true;
    let conflict = false;
    const order: string[] = [];
    msw.use(
      http.post(`${base}/v1/registrations/:id/:step`, ({ params }) => {
        if (down) return HttpResponse.error();
        if (conflict && params.step === 'create') return HttpResponse.json({ title: 'conflict' }, { status: 409 });
        order.push(`${params.id as string} ${params.step as string}`);
        return HttpResponse.json(reg(params.id as string, params.step === 'create' ? 'declared' : 'verified'));
      }),
    );
    const c = await client({ mode: 'auto', baseUrl: base });
    const made: string[] = [];
    for (const id of ['reg-a', 'reg-b', 'reg-c', 'reg-d', 'reg-e', 'reg-f']) {
      await c.registrations.create(id);
      await c.registrations.verify(id, 'approve');
      made.push(`${id} create`, `${id} verify`);
    }
    assert.deepEqual(
      (await c.registrations.pending()).map((p) => p.step),
      made.map((m) => m.split(' ')[1]),
    );
    down = false;
    conflict = true; // create refused for now (retryable 409): the verify of the same registration must wait
    await c.registrations.flush();
    assert.deepEqual(order, [], 'no verify before its create');
    assert.equal((await c.registrations.pending()).length, 12);
    conflict = false;
    await c.registrations.flush();
    assert.deepEqual(order, made);
  });

  test('two concurrent flushes send each submission once', async () => {
    const base = origin();
    let down = true;
    let posts = 0;
    msw.use(
      http.post(`${base}/v1/registrations`, async () => {
        if (down) return HttpResponse.error();
        posts++;
        await wait(20);
        return HttpResponse.json(reg(`reg-${posts}`, 'declared'));
      }),
    );
    const c = await client({ mode: 'auto', baseUrl: base });
    const c2 = await client({ mode: 'auto', baseUrl: base });
    for (let i = 0; i < 3; i++) await c.registrations.declare({ ...decl, name: `Nhà ${i}` });
    down = false;
    const results = await Promise.all([c.registrations.flush(), c.registrations.flush(), c2.registrations.flush()]);
    assert.equal(posts, 3);
    assert.equal(new Set(results.flat().map((r) => r.id)).size, 3);
  });

  test('the outbox is keyed by platform: one tenant’s submission never goes to another', async () => {
    const a = origin();
    const b = origin();
    let downA = true;
    const toB: number[] = [];
    msw.use(
      http.post(`${a}/v1/registrations`, () => (downA ? HttpResponse.error() : HttpResponse.json(reg('reg-a', 'declared')))),
      http.post(`${b}/v1/registrations`, () => {
        toB.push(1);
        return HttpResponse.json(reg('reg-b', 'declared'));
      }),
    );
    const ca = await client({ mode: 'auto', baseUrl: a });
    const cb = await client({ mode: 'auto', baseUrl: b, apiKey: 'other-tenant' });
    await ca.registrations.declare(decl);
    assert.deepEqual(await cb.registrations.flush(), []);
    assert.equal((await cb.registrations.pending()).length, 0);
    assert.equal(toB.length, 0);
    downA = false;
    assert.equal((await ca.registrations.flush()).length, 1);
  });

  test('auto mode queues a declaration on 503 instead of throwing', async () => {
    const base = origin();
    msw.use(http.post(`${base}/v1/registrations`, () => new HttpResponse(null, { status: 503 })));
    const c = await client({ mode: 'auto', baseUrl: base });
    const q = await c.registrations.declare(decl);
    assert.ok('queued' in q && q.queued && q.step === 'declare');
    assert.equal(q.persistent, false, 'Node has no IndexedDB: memory only, and said so');
  });

  test('queued submissions are sent without an online event: at start-up and on a backoff timer', async () => {
    const base = origin();
    let down = true;
    let posts = 0;
    msw.use(
      http.post(`${base}/v1/registrations`, () => {
        if (down) return HttpResponse.error();
        posts++;
        return HttpResponse.json(reg('reg-1', 'declared'));
      }),
    );
    const c = await client({ mode: 'auto', baseUrl: base });
    await c.registrations.declare(decl);
    c.dispose(); // the page is closed
    down = false;
    const later = await client({ mode: 'auto', baseUrl: base }); // the page opened again
    await until(async () => (await later.registrations.pending()).length === 0);
    assert.equal(posts, 1);
    // and on the timer, with no reload
    down = true;
    const d = await later.registrations.declare(decl);
    assert.ok('queued' in d);
    down = false;
    await until(async () => (await later.registrations.pending()).length === 0, 10_000);
    assert.equal(posts, 2);
  });
});

describe('secrets', () => {
  let platform: Server;
  let elsewhere: Server;
  let pBase = '';
  let leaks = 0;
  const listen = (s: Server) =>
    new Promise<string>((r) => s.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));
  before(async () => {
    elsewhere = createServer((_req, res) => {
      leaks++;
      res.end('{}');
    });
    const other = await listen(elsewhere);
    platform = createServer((req, res) => {
      res.writeHead(307, { Location: `${other}${req.url ?? '/'}` });
      res.end();
    });
    pBase = await listen(platform);
  });
  after(() => {
    platform.close();
    elsewhere.close();
  });

  test('a redirect to another origin is not followed: no key, no personal data sent there', async () => {
    for (const mode of ['online', 'auto'] as const) {
      const c = await client({ mode, baseUrl: pBase, timeoutMs: 2000 });
      await c.registrations.declare(decl).catch(() => undefined);
      await c.verify('12 Trần Phú').catch(() => undefined);
      await c.suggest('tran phu').catch(() => undefined);
    }
    assert.equal(leaks, 0);
  });

  test('baseUrl: javascript:, data:, file:, public http:, a query or a fragment are typed errors', async () => {
    for (const baseUrl of [
      'javascript:alert(1)//',
      'data:text/html,x',
      'file:///etc/passwd',
      'http://api.example.gov.vn',
      'https://api.example.gov.vn/?swallow=',
      'https://api.example.gov.vn/#x',
    ])
      await assert.rejects(createClient({ mode: 'online', baseUrl }), code('invalid-input'), baseUrl);
  });

  test('the key echoed nested or URL-encoded in problem details never reaches the caller', async () => {
    const base = origin();
    const enc = encodeURIComponent(KEY);
    msw.use(
      http.post(`${base}/v1/registrations`, () =>
        HttpResponse.json(
          {
            title: `key ${enc}`,
            detail: `x-api-key=${enc}`,
            extra: { key: KEY },
            issues: [{ field: 'name', message: { nested: [KEY, enc] } }],
          },
          { status: 422 },
        ),
      ),
    );
    const c = await client({ mode: 'online', baseUrl: base });
    const e = await c.registrations.declare(decl).catch((x: unknown) => x);
    assert.ok(e instanceof DiachisoError && e.code === 'invalid-input');
    const all = JSON.stringify({ m: e.message, vi: e.messageVi, en: e.messageEn, p: (e as { problem?: unknown }).problem, s: e.stack });
    assert.ok(!all.includes(KEY) && !all.includes(enc) && !all.toLowerCase().includes(enc.toLowerCase()), all);
  });
});

describe('hangs and deadlines', () => {
  let server: Server;
  let base = '';
  before(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/trickle/v1/')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const t = setInterval(() => res.write(' '), 200);
        res.on('close', () => clearInterval(t));
      } else if (req.url?.startsWith('/endless/v1/')) {
        res.writeHead(200);
        const chunk = Buffer.alloc(256 * 1024, 32);
        const pump = () => {
          while (res.write(chunk));
        };
        res.on('drain', pump);
        pump();
      } else if (req.url?.startsWith('/limited/v1/')) {
        res.writeHead(429, { 'Retry-After': '10' });
        res.end();
      }
      // /silent: accepts the connection and never answers
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await fetch('data:,warm-up');
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  test('a trickled body ends at the deadline, retries included', async () => {
    const c = await client({ mode: 'online', baseUrl: `${base}/trickle`, timeoutMs: 1000, retry: { retries: 3 } });
    for (const call of [() => c.suggest('tran phu'), () => c.verify('12 Trần Phú'), () => c.units.provinces()]) {
      const t0 = Date.now();
      await assert.rejects(call(), code('timeout'));
      assert.ok(Date.now() - t0 < 1500, `${Date.now() - t0} ms for a 1000 ms deadline`);
    }
  });

  test('an endless body is cancelled at the cap', async () => {
    const c = await client({ mode: 'online', baseUrl: `${base}/endless`, timeoutMs: 20_000 });
    const t0 = Date.now();
    await assert.rejects(c.units.provinces(), code('invalid-response'));
    assert.ok(Date.now() - t0 < 8000);
  });

  test('auto mode, a platform that never answers: the first suggest answers offline within the typing budget, the next at once', async () => {
    const c = await client({ mode: 'auto', baseUrl: `${base}/silent`, timeoutMs: 8000 });
    await c.offline(); // the embedded data already loaded (see docs/decisions/0004-platform.md for the cold figure)
    let t0 = Date.now();
    const first = await c.suggest('vinh hai');
    const firstMs = Date.now() - t0;
    assert.equal(first.source, 'offline');
    assert.ok(first.length > 0);
    assert.ok(firstMs <= 1000, `first suggest ${firstMs} ms`);
    const later: number[] = [];
    for (const q of ['vinh h', 'vinh ha', 'vinh hai n', 'tran phu']) {
      t0 = Date.now();
      const r = await c.suggest(q);
      later.push(Date.now() - t0);
      assert.equal(r.source, 'offline');
    }
    assert.ok(Math.max(...later) < 100, `later suggests ${later.join(', ')} ms`);
    const v = await c.verify('12 Trần Phú, P. Vĩnh Hải');
    assert.equal(v.source, 'offline', 'the cool-down covers every operation');
    console.log(`# auto, silent platform: first suggest ${firstMs} ms, later ${later.join('/')} ms`);
  });

  test('auto mode: a 429 with a long Retry-After falls back at once instead of waiting', async () => {
    const c = await client({ mode: 'auto', baseUrl: `${base}/limited`, retry: { retries: 2 } });
    await c.offline();
    const t0 = Date.now();
    const r = await c.units.provinces();
    assert.equal(r.source, 'offline');
    assert.equal(r.length, 34);
    assert.ok(Date.now() - t0 < 1000);
  });
});

describe('bad data from the network', () => {
  test('auto mode: an unusable 200 (HTML, empty, null, malformed, truncated, wrong shape) gives the offline answer', async () => {
    for (const body of ['<html>oops</html>', '', 'null', '{"suggestions":', '{"suggestions": [', '{"suggestions": 5}', '[]']) {
      const base = origin();
      msw.use(
        http.get(`${base}/v1/suggest`, () => new HttpResponse(body, { status: 200, headers: { 'Content-Type': 'application/json' } })),
      );
      const c = await client({ mode: 'auto', baseUrl: base });
      const r = await c.suggest('vinh hai');
      assert.equal(r.source, 'offline', body);
      assert.ok(r.length > 0);
    }
  });

  test('every answer says its source the same way, units and coverage included', async () => {
    const base = origin();
    msw.use(http.get(`${base}/*`, () => new HttpResponse(null, { status: 503 })));
    const c = await client({ mode: 'auto', baseUrl: base });
    assert.equal((await c.units.provinces()).source, 'offline');
    assert.equal((await c.units.wards('56')).source, 'offline');
    assert.equal((await c.units.ward('22366'))?.source, 'offline');
    assert.equal((await c.coverage()).source, 'offline');
  });

  test('answers are parsed field by field: hostile verify, registration, layer, coverage and units answers are invalid-response', async () => {
    const base = origin();
    const bodies: Record<string, Parameters<typeof HttpResponse.json>[0]> = {
      verify: { status: 'valid', findings: [null], address: { ward: null }, input: 'x' },
      registration: reg('reg-1', 'created', { record: { ...decl, code: '22366-65WW+848', qr: 'javascript:alert(1)' } }),
      layer: { type: 'FeatureCollection' },
      coverage: { rows: [] },
      units: 'x'.repeat(1000),
    };
    msw.use(
      http.post(`${base}/v1/verify`, () => HttpResponse.json(bodies.verify)),
      http.get(`${base}/v1/registrations/:id`, () => HttpResponse.json(bodies.registration)),
      http.get(`${base}/v1/layers/:c`, () => HttpResponse.json(bodies.layer)),
      http.get(`${base}/v1/stats/coverage`, () => HttpResponse.json(bodies.coverage)),
      http.get(`${base}/v1/units/provinces`, () => HttpResponse.json(bodies.units)),
      http.post(`${base}/v1/registrations/:id/verify`, () => HttpResponse.json({ ...reg('reg-1', 'verified'), status: 'nonsense' })),
    );
    const c = await client({ mode: 'online', baseUrl: base });
    for (const call of [
      () => c.verify('x'),
      () => c.registrations.get('reg-1'),
      () => c.layer('all'),
      () => c.coverage(),
      () => c.units.provinces(),
      () => c.registrations.verify('reg-1', 'approve'),
    ])
      await assert.rejects(call(), code('invalid-response'));
    // A good verify answer keeps its fields, with strings cleaned and capped.
    bodies.verify = {
      status: 'invalid',
      findings: [null, { component: 'address', kind: 'unrecognized', vi: 'x'.repeat(1_000_000), en: 'y' }],
      candidates: [],
      input: 'x',
    };
    const v = await c.verify('x');
    assert.equal(v.findings.length, 1);
    assert.ok(v.findings[0]!.vi.length <= 1000);
  });

  test('platform strings lose bidi overrides and zero-width characters', async () => {
    const base = origin();
    msw.use(
      http.get(`${base}/v1/suggest`, () =>
        HttpResponse.json({ suggestions: [suggestion('Phường \u202eBắc\u202c Nha\u200b Trang\ufeff\u2066')] }),
      ),
    );
    const c = await client({ mode: 'online', baseUrl: base });
    const [s] = await c.suggest('bac nha trang');
    assert.equal(s!.label, 'Phường Bắc Nha Trang');
  });

  test('only validated answers are cached; deep JSON is a typed error', async () => {
    const base = origin();
    let body: string = JSON.stringify({ suggestions: 'broken' });
    let hits = 0;
    msw.use(
      http.get(`${base}/v1/suggest`, () => {
        hits++;
        return new HttpResponse(body, { headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const c = await client({ mode: 'online', baseUrl: base });
    await assert.rejects(c.suggest('nha trang'), code('invalid-response'));
    body = JSON.stringify({ suggestions: [suggestion('Phường Nha Trang')] });
    assert.equal((await c.suggest('nha trang'))[0]?.label, 'Phường Nha Trang', 'the bad answer was not cached');
    const mutated = await c.suggest('nha trang');
    (mutated[0] as { label: string }).label = 'changed by the caller';
    assert.equal((await c.suggest('nha trang'))[0]?.label, 'Phường Nha Trang');
    assert.equal(hits, 2);
    body = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    await assert.rejects(c.suggest('deep'), code('invalid-response'));
    body = `{"suggestions":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    assert.equal((await c.suggest('deep2')).length, 0, 'nested arrays are no suggestions');
    assert.equal((await c.suggest('deep2')).length, 0, 'and served again from the cache without a RangeError');
  });
});

describe('caller input', () => {
  test('null options, Symbols, BigInts, objects and lone surrogates as ids, . and .. are typed errors, and nothing is sent', async () => {
    const base = origin();
    const sent: string[] = [];
    msw.use(
      http.all(`${base}/*`, ({ request }) => {
        sent.push(`${request.method} ${new URL(request.url).pathname}`);
        return HttpResponse.json({});
      }),
    );
    await assert.rejects(createClient(null as never), code('invalid-input'));
    const c = await client({ mode: 'online', baseUrl: base });
    const bad: Array<() => Promise<unknown>> = [
      () => c.suggest('x', null as never),
      () => c.registrations.create(Symbol('x') as never),
      () => c.registrations.create(10n as never),
      () => c.registrations.create({ id: 'reg-1' } as never),
      () => c.registrations.create('reg-\ud800'),
      () => c.registrations.verify('..', 'approve'),
      () => c.registrations.verify('.', 'approve'),
      () => c.registrations.get('x'.repeat(1_000_000)),
      () => c.registrations.declare({ ...decl, floors: 10n } as never),
      () => c.registrations.declare(null as never),
      () => c.units.ward(Symbol('x') as never),
      () => c.layer(null as never),
      () => c.registrations.saveDraft(null as never, {}),
    ];
    for (const call of bad) await assert.rejects(call(), code('invalid-input'), String(call));
    assert.deepEqual(sent, []);
  });

  test('zero-width and fullwidth characters in a query give the same answer as the plain query', async () => {
    const c = await client({ mode: 'offline' });
    const plain = (await c.suggest('vinh hai', { limit: 5 })).map((s) => s.id);
    assert.ok(plain.length > 0);
    for (const q of ['vinh\u200b hai', 'ｖｉｎｈ ｈａｉ', '\u202evinh hai', 'vi\u00adnh hai'])
      assert.deepEqual(
        (await c.suggest(q, { limit: 5 })).map((s) => s.id),
        plain,
        q,
      );
  });
});

describe('leaks', () => {
  test('no per-client online listener; dispose() releases the client', async () => {
    const target = new EventTarget();
    let live = 0;
    let most = 0;
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    target.addEventListener = (...a: Parameters<EventTarget['addEventListener']>) => {
      most = Math.max(most, ++live);
      add(...a);
    };
    target.removeEventListener = (...a: Parameters<EventTarget['removeEventListener']>) => {
      live--;
      remove(...a);
    };
    (globalThis as { window?: unknown }).window = target;
    try {
      const before = onlineListeners();
      const base = origin();
      const many = [];
      for (let i = 0; i < 50; i++) {
        const c = await createClient({ mode: 'auto', baseUrl: base });
        await c.registrations.pending(); // the registration services (and their listener) are loaded
        many.push(c);
      }
      assert.equal(most, 1, 'one shared online listener for 50 clients');
      many.forEach((c) => c.dispose());
      assert.equal(onlineListeners(), before);
      assert.equal(live, 0, 'no listener left once every client is disposed');
      const c = await createClient({ mode: 'auto', baseUrl: base });
      c.dispose();
      await assert.rejects(c.suggest('vinh hai'), code('unavailable'));
    } finally {
      delete (globalThis as { window?: unknown }).window;
    }
  });
});
