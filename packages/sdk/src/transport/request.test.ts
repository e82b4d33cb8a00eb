// Against real local servers: a body trickled a byte at a time, a socket that never answers,
// an endless body, a redirect to another origin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exchange } from './request.js';
import { DiachisoError } from '../errors.js';

let platform: Server;
let elsewhere: Server;
let base = '';
let other = '';
const seenElsewhere: IncomingMessage[] = [];

const listen = (s: Server) =>
  new Promise<string>((r) => s.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));

before(async () => {
  await fetch('data:,warm-up'); // the first fetch loads undici: not part of any deadline
  elsewhere = createServer((req, res) => {
    seenElsewhere.push(req);
    res.end('{}');
  });
  other = await listen(elsewhere);
  platform = createServer((req, res) => {
    if (req.url === '/trickle') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const t = setInterval(() => res.write(' '), 100);
      res.on('close', () => clearInterval(t));
    } else if (req.url === '/endless') {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 32);
      const pump = () => {
        while (res.write(chunk));
      };
      res.on('drain', pump);
      pump();
    } else if (req.url === '/silent') {
      // accepts the connection and never answers
    } else if (req.url === '/redirect') {
      res.writeHead(307, { Location: `${other}/steal` });
      res.end();
    } else if (req.url === '/big-declared') {
      res.writeHead(200, { 'Content-Length': String(10_000_000) });
      res.write('{');
    } else res.end('{"ok":true}');
  });
  base = await listen(platform);
});
after(() => {
  platform.closeAllConnections();
  elsewhere.closeAllConnections();
  platform.close();
  elsewhere.close();
});

const x = (path: string, extra: Partial<Parameters<typeof exchange>[0]> = {}) =>
  exchange({
    method: 'GET',
    url: base + path,
    headers: { 'X-API-Key': 'secret-key' },
    deadline: Date.now() + 1500,
    fetch,
    locale: 'en',
    ...extra,
  });

const code = (c: string) => (e: unknown) => e instanceof DiachisoError && e.code === c;

test('a plain answer is read whole', async () => {
  const r = await x('/ok');
  assert.equal(r.status, 200);
  assert.equal(r.text, '{"ok":true}');
});

test('one deadline covers the body: a trickled body times out on time', async () => {
  const t0 = Date.now();
  await assert.rejects(x('/trickle'), code('timeout'));
  assert.ok(Date.now() - t0 < 2500, `${Date.now() - t0} ms`);
});

test('a server that accepts the connection and never answers times out on time', async () => {
  const t0 = Date.now();
  await assert.rejects(x('/silent'), code('timeout'));
  assert.ok(Date.now() - t0 < 2500);
});

test('an endless body is cancelled at the size cap', async () => {
  const t0 = Date.now();
  await assert.rejects(x('/endless', { maxBytes: 1_000_000, deadline: Date.now() + 5000 }), code('invalid-response'));
  assert.ok(Date.now() - t0 < 3000);
  await assert.rejects(x('/big-declared', { maxBytes: 1_000_000 }), code('invalid-response'));
});

test('a redirect to another origin is refused: neither the key nor the body is sent there', async () => {
  await assert.rejects(
    x('/redirect', {
      method: 'POST',
      body: '{"owner":{"phone":"0905123456"}}',
      headers: { 'X-API-Key': 'secret-key', 'Content-Type': 'application/json' },
    }),
    (e: unknown) => e instanceof DiachisoError && e.code === 'server' && e.status === 307,
  );
  await assert.rejects(x('/redirect'), code('server'));
  assert.equal(seenElsewhere.length, 0);
});

test('a fetch that followed a redirect anyway is refused', async () => {
  const following: typeof fetch = async () => Object.defineProperty(new Response('{}'), 'url', { value: `${other}/x` });
  await assert.rejects(x('/ok', { fetch: following }), code('server'));
});

test('the caller’s signal aborts at once, and a fetch that ignores signals cannot hold the call', async () => {
  const ctrl = new AbortController();
  setTimeout(() => ctrl.abort(), 50);
  const t0 = Date.now();
  await assert.rejects(x('/silent', { signal: ctrl.signal, deadline: Date.now() + 10_000 }), code('aborted'));
  assert.ok(Date.now() - t0 < 300);
  const deaf: typeof fetch = () => new Promise(() => undefined);
  await assert.rejects(x('/ok', { fetch: deaf, deadline: Date.now() + 100 }), code('timeout'));
  const pre = new AbortController();
  pre.abort();
  await assert.rejects(x('/ok', { signal: pre.signal }), code('aborted'));
});
