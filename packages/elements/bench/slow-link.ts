// First suggestion on a throttled link, in headless Chromium: the plain-HTML quick start
// (examples/plain-html/) is opened in a fresh browser context with the network throttled by CDP
// (`Network.emulateNetworkConditions`), a whole address is typed at 150 ms per key into the
// autocomplete's inner input, and we record the time from the first key to the first option
// shown, the bytes received before it and which requests were made. Cold = empty HTTP cache and
// IndexedDB; warm = a second visit in the same context (IndexedDB filled), online; warm offline =
// the same, with the network cut after the page has loaded and before the first key.
// Served by @web/dev-server (as `npm start` and the e2e tests do) plus a small middleware that
// compresses text responses with gzip, since the dev server sends everything uncompressed.
// Results: docs/bench/slow-link.md.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { startDevServer } from '@web/dev-server';
import puppeteer, { type CDPSession, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/chromium-path.mjs';

const RUNS = Number(process.env.SLOW_RUNS ?? 3);
const TEXT = '12 tran phu nha trang';
const KEY_DELAY = 150;
// How long the user looks at the page between its load event and clicking the field, in ms: 0 is
// the worst case (nothing can start before the click), 2000 a quick user.
const PAUSES = (process.env.SLOW_PAUSES ?? '0,2000').split(',').map(Number);
// SLOW_IMMUTABLE=0 keeps the dev server's `no-cache` on the hashed chunks (then the offline second visit
// cannot revalidate them and fails).
const IMMUTABLE = process.env.SLOW_IMMUTABLE !== '0';
const links = [
  { name: '1.6 Mbit/s, 150 ms', down: 1.6e6, up: 0.75e6, latency: 150 },
  { name: '9 Mbit/s, 40 ms', down: 9e6, up: 1.5e6, latency: 40 },
] as const;
type Link = (typeof links)[number];

// ---- the server: dev server + gzip for text responses ------------------------------------------
const gzCache = new Map<string, Buffer>();
const served = new Map<string, { gzip: number; identity: number }>(); // by path: body sizes we sent
const sentThisVisit = new Set<string>(); // paths sent with a body (200, not 304) during the current visit
const compressible = /\.(m?js|json|html|css|svg|map)$/;
const bodyBuffer = async (body: unknown): Promise<Buffer | undefined> => {
  if (typeof body === 'string') return Buffer.from(body);
  if (Buffer.isBuffer(body)) return body;
  if (body && typeof (body as NodeJS.ReadableStream).pipe === 'function') {
    const chunks: Buffer[] = [];
    for await (const c of body as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
    return Buffer.concat(chunks);
  }
  return undefined;
};
const server = await startDevServer({
  config: {
    rootDir: new URL('../../..', import.meta.url).pathname,
    port: 0,
    hostname: '127.0.0.1',
    nodeResolve: false,
    middleware: [
      async (ctx, next) => {
        await next();
        // Hashed chunk names never change content: cache them for good, as a static host should.
        if (IMMUTABLE && ctx.status === 200 && /\/dist\/browser\/diachiso-.+-[\w-]{8}\.js$/.test(ctx.path))
          ctx.set('cache-control', 'public, max-age=31536000, immutable');
        if (ctx.status !== 200 || !compressible.test(ctx.path)) return;
        if (!/\bgzip\b/.test(ctx.get('accept-encoding'))) return;
        const raw = await bodyBuffer(ctx.body);
        if (!raw) return;
        const key = `${ctx.path}:${raw.length}`;
        let gz = gzCache.get(key);
        if (!gz) gzCache.set(key, (gz = gzipSync(raw, { level: 9 })));
        served.set(ctx.path, { gzip: gz.length, identity: raw.length });
        sentThisVisit.add(ctx.path);
        ctx.body = gz;
        ctx.set('content-encoding', 'gzip');
        ctx.set('vary', 'accept-encoding');
        ctx.set('x-identity-length', String(raw.length));
      },
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const base = `http://127.0.0.1:${(server.server?.address() as { port: number }).port}`;
{
  const { readdirSync } = await import('node:fs');
  const dist = new URL('../dist/browser/', import.meta.url);
  const files = [...readdirSync(dist).filter((f) => f.endsWith('.js')), ...readdirSync(new URL('assets/', dist)).map((f) => `assets/${f}`)];
  for (const f of files)
    await (await fetch(`${base}/packages/elements/dist/browser/${f}`, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
}
const executablePath = findChromium();
if (!executablePath) throw new Error('Chromium not found (run scripts/ensure-chromium.mjs)');
const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--headless')) });

// ---- one visit ----------------------------------------------------------------------------------
interface Req {
  url: string;
  encoded: number; // bytes on the wire (headers + body) from Network.loadingFinished
  identity?: number; // the uncompressed body, from our header
  encoding: string;
  status: number;
  fromCache: boolean;
  end: number; // wall-clock ms when the last byte arrived
  failed?: string;
}
interface Visit {
  ms: number; // first key → first option shown
  fromSearchable: number; // second key (the element's minimum of 2 characters) → first option shown
  typed: string; // the input's text when the first option showed
  answer: number; // first key → the first answer of any kind (a list or "no result")
  answered: string; // the query of that first answer
  bytes: number; // received before the first option
  reqs: Req[];
  options: number;
  firstOption: string;
  /** The engine's `diachiso:*` performance measures (page and worker), ms relative to the first key: [name, start, end]. */
  marks: Array<[string, number, number]>;
}

// Network events of the page and of its workers (a dedicated worker's fetches are its own target).
// The page and its worker report some requests (the worker's script) under the same id: merge them.
let offset: number | undefined; // wall-clock minus CDP's monotonic clock (one clock per browser), in seconds
function watch(session: CDPSession, reqs: Map<string, Req>, link: Link | 'offline') {
  session.on('Network.requestWillBeSent', (e) => {
    offset ??= e.wallTime - e.timestamp;
    if (!reqs.has(e.requestId))
      reqs.set(e.requestId, { url: e.request.url, encoded: 0, encoding: 'identity', status: 0, fromCache: false, end: 0 });
  });
  session.on('Network.responseReceived', (e) => {
    const r = reqs.get(e.requestId);
    if (!r) return;
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    r.status = e.response.status;
    r.encoding = h['content-encoding'] ?? 'identity';
    r.identity = h['x-identity-length'] ? Number(h['x-identity-length']) : Number(h['content-length'] ?? 0) || undefined;
    r.fromCache = Boolean(e.response.fromDiskCache || e.response.fromServiceWorker);
  });
  session.on('Network.loadingFinished', (e) => {
    const r = reqs.get(e.requestId);
    if (!r) return;
    r.encoded = Math.max(r.encoded, e.encodedDataLength);
    r.end = Math.max(r.end, ((offset ?? 0) + e.timestamp) * 1000);
  });
  session.on('Network.loadingFailed', (e) => {
    const r = reqs.get(e.requestId);
    if (!r || r.end) return;
    r.failed = e.errorText;
    r.end = ((offset ?? 0) + e.timestamp) * 1000;
  });
  const conditions =
    link === 'offline'
      ? { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }
      : { offline: false, latency: link.latency, downloadThroughput: link.down / 8, uploadThroughput: link.up / 8 };
  return Promise.all([session.send('Network.enable'), session.send('Network.setCacheDisabled', { cacheDisabled: false })]).then(() =>
    session.send('Network.emulateNetworkConditions', conditions),
  );
}

// In the page: the time of the first key and of the first option shown.
const probe = String.raw`(() => {
  window.__slow = { key: 0, option: 0, wall: 0, keys: [] };
  document.addEventListener('keydown', () => {
    if (!window.__slow.key) window.__slow.key = performance.now();
    window.__slow.keys.push(performance.now());
  }, true);
  const look = () => {
    const el = document.querySelector('dcs-address-autocomplete');
    if (el && !window.__slow.answer && window.__slow.key && (el._status === 'results' || el._status === 'empty')) {
      window.__slow.answer = performance.now();
      window.__slow.answered = el._query;
    }
    const o = el && el.shadowRoot && el.shadowRoot.querySelector('[role="option"]');
    if (o && o.getClientRects().length && window.__slow.key) {
      window.__slow.option = performance.now();
      window.__slow.wall = performance.timeOrigin + window.__slow.option;
      window.__slow.text = o.textContent.replace(/\s+/g, ' ').trim();
      window.__slow.typed = el.shadowRoot.querySelector('input').value;
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})()`;

async function visit(page: Page, link: Link, mode: 'cold' | 'warm' | 'offline', pause: number): Promise<Visit> {
  const reqs = new Map<string, Req>();
  sentThisVisit.clear();
  const sessions: CDPSession[] = [];
  const main = await page.createCDPSession();
  sessions.push(main);
  await watch(main, reqs, link);
  const onWorker = (w: { client: CDPSession }) => {
    sessions.push(w.client);
    void watch(w.client, reqs, mode === 'offline' ? 'offline' : link).catch(() => undefined);
  };
  page.on('workercreated', onWorker);
  await page.evaluateOnNewDocument(probe);
  await page.goto(`${base}/examples/plain-html/`, { waitUntil: 'load' });
  if (mode === 'offline') await watch(main, new Map(), 'offline'); // the page and bundle are here; now the network goes
  const input = await page.waitForSelector('dcs-address-autocomplete >>> input');
  if (pause) await new Promise((r) => setTimeout(r, pause));
  await input!.click();
  await input!.type(TEXT, { delay: KEY_DELAY });
  try {
    await page.waitForFunction('window.__slow.option > 0', { timeout: 30000, polling: 50 });
  } catch (e) {
    const el = (await page.evaluate(
      `(() => { const el = document.querySelector('dcs-address-autocomplete'); return [el._status, el._query, el.shadowRoot.textContent.replace(/\\s+/g, ' ').slice(0, 300)]; })()`,
    )) as unknown;
    console.error(
      mode,
      link.name,
      el,
      [...reqs.values()].map((r) => [kind(r.url), r.status, r.encoded, r.failed]),
    );
    throw e;
  }
  const s = (await page.evaluate('window.__slow')) as {
    key: number;
    option: number;
    wall: number;
    text: string;
    typed: string;
    keys: number[];
    answer?: number;
    answered?: string;
  };
  const options = (await page.evaluate(
    `document.querySelector('dcs-address-autocomplete').shadowRoot.querySelectorAll('[role="option"]').length`,
  )) as number;
  // Where the engine's time went: its User Timing measures, on the page and in its worker, on the page's clock.
  const marks: Visit['marks'] = [];
  const keyWall = s.wall - s.option + s.key;
  const measures = `[performance.timeOrigin, performance.getEntriesByType('measure').filter((m) => m.name.startsWith('diachiso:')).map((m) => [m.name.slice(9), m.startTime, m.startTime + m.duration])]`;
  for (const ctx of [page, ...page.workers()]) {
    const got = (await ctx.evaluate(measures).catch(() => undefined)) as [number, Array<[string, number, number]>] | undefined;
    if (got)
      for (const [name, a, b] of got[1])
        marks.push([`${ctx === page ? 'page' : 'worker'}: ${name}`, got[0] + a - keyWall, got[0] + b - keyWall]);
  }
  page.off('workercreated', onWorker);
  for (const x of sessions) await x.detach().catch(() => undefined);
  const list = [...reqs.values()];
  for (const r of list) {
    const body = served.get(new URL(r.url).pathname);
    if (!body) continue;
    const path = new URL(r.url).pathname;
    if (sentThisVisit.has(path) && r.status === 200 && !r.fromCache && r.encoded < body.gzip) r.encoded = body.gzip + 200; // + headers
  }
  const before = list.filter((r) => r.end && r.end <= s.wall && !r.failed);
  return {
    ms: s.option - s.key,
    fromSearchable: s.option - s.keys[1]!,
    typed: s.typed,
    answer: (s.answer ?? s.option) - s.key,
    answered: s.answered ?? s.typed,
    bytes: before.reduce((a, r) => a + r.encoded, 0),
    reqs: list,
    options,
    firstOption: s.text,
    marks,
  };
}

// ---- runs -------------------------------------------------------------------------------------
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const kb = (n: number) => (n / 1000).toFixed(1);
const kind = (url: string) => {
  const p = new URL(url).pathname;
  if (p.endsWith('.html') || p.endsWith('/')) return 'page';
  if (p.endsWith('/diachiso.js')) return 'bundle (entry)';
  if (p.includes('/assets/')) return `dataset: ${p.split('/').pop()}`;
  if (/worker/i.test(p)) return `worker chunk: ${p.split('/').pop()}`;
  if (p.endsWith('.js')) return `chunk: ${p.split('/').pop()}`;
  return p;
};
const results: Array<{ link: Link; pause: number; mode: string; visits: Visit[] }> = [];
const t0 = Date.now();
const loadBefore = loadavg()[0]!;
try {
  for (const link of links)
    for (const pause of PAUSES) {
      const cold: Visit[] = [];
      const warm: Visit[] = [];
      const offline: Visit[] = [];
      for (let i = 0; i < RUNS; i++) {
        const ctx = await browser.createBrowserContext(); // empty HTTP cache and IndexedDB
        try {
          const page = await ctx.newPage();
          page.on('pageerror', (e) => console.error('pageerror:', (e as Error).message));
          cold.push(await visit(page, link, 'cold', pause));
          // let the dataset and the index snapshot be written to IndexedDB before the next visit
          await new Promise((r) => setTimeout(r, 2500));
          await page.close();
          const page2 = await ctx.newPage();
          warm.push(await visit(page2, link, 'warm', pause));
          await page2.close();
          const page3 = await ctx.newPage();
          offline.push(await visit(page3, link, 'offline', pause));
          await page3.close();
        } finally {
          await ctx.close();
        }
        if (process.env.BENCH_DEBUG)
          console.log(
            link.name,
            pause,
            i,
            [cold, warm, offline].map((v) => Math.round(v.at(-1)!.ms)),
            [cold, warm, offline].map((v) =>
              v
                .at(-1)!
                .marks.map(([n, a, b]) => `${n} ${Math.round(a)}→${Math.round(b)}`)
                .join('; '),
            ),
          );
      }
      results.push(
        { link, pause, mode: 'cold', visits: cold },
        { link, pause, mode: 'warm (online)', visits: warm },
        { link, pause, mode: 'warm (offline)', visits: offline },
      );
    }
} finally {
  await browser.close();
  await server.stop();
}
const seconds = Math.round((Date.now() - t0) / 1000);

// ---- report -----------------------------------------------------------------------------------
// Cold: from the first key. Warm: from the second key, the first one after which the element
// (minimum 2 characters) searches at all; from the first key 100 ms is out of reach by design at 150 ms per key.
const goal = (link: Link, mode: string, v: Visit[]) => {
  const limit = mode === 'cold' ? (link.latency === 150 ? 1500 : undefined) : 100;
  const ms = median(v.map((x) => (mode === 'cold' ? x.ms : x.fromSearchable)));
  return limit === undefined ? '' : `≤ ${limit} ${mode === 'cold' ? '' : 'from 2nd key '}${ms <= limit ? '✅ met' : '❌ missed'}`;
};
const rows = results.map(({ link, pause, mode, visits }) => {
  const ms = visits.map((v) => v.ms);
  const typed = [...new Set(visits.map((v) => `"${v.typed}"`))].join(', ');
  const answered = [...new Set(visits.map((v) => `"${v.answered}"`))].join(', ');
  return `| ${link.name} | ${pause} | ${mode} | ${visits.length} | ${median(ms).toFixed(0)} | ${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)} | ${median(visits.map((v) => v.fromSearchable)).toFixed(0)} | ${typed} | ${median(visits.map((v) => v.answer)).toFixed(0)} (${answered}) | ${kb(median(visits.map((v) => v.bytes)))} | ${goal(link, mode, visits)} |`;
});
// Requests of the first cold and first warm visit on the slow link, by kind.
const detail = (v: Visit) => {
  const wall = v.reqs.filter((r) => r.end);
  return wall
    .sort((a, b) => a.end - b.end)
    .map(
      (r) =>
        `| ${kind(r.url)} | ${r.failed ? `failed (${r.failed})` : r.status === 304 ? '304' : r.fromCache ? 'cache' : r.status} | ${r.encoding} | ${kb(r.encoded)} | ${r.identity ? kb(r.identity) : ''} |`,
    )
    .join('\n');
};
const slow = results.filter((r) => r.link === links[0] && r.pause === PAUSES[0]);
let commit = 'unknown';
try {
  commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] })
    .toString()
    .trim();
} catch {
  /* not a checkout */
}
let chromium = 'Chromium';
try {
  chromium = execSync(`${executablePath} --version`, { stdio: ['ignore', 'pipe', 'ignore'] })
    .toString()
    .trim();
} catch {
  /* keep the generic name */
}
const table = `| link | pause before the click (ms) | visit | runs | ms first key → first option (median) | range ms | ms from 2nd key (median) | text typed when it showed | ms to the first answer of any kind (its query) | kB received before it (median) | goal (ms) |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}`;
const report = `# First suggestion on a slow link (Chromium, throttled)

<!-- generated by packages/elements/bench/slow-link.ts (npm run bench:slow-link); analysis below the tables is hand-written -->

Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Commit ${commit}. ${chromium}, headless, ${cpus().length} cores
(shared with other work: 1-minute load average ${loadBefore.toFixed(1)} before the run, ${loadavg()[0]!.toFixed(1)} after), Node ${process.version}.
Run time ${seconds} s.

Page: the plain-HTML quick start (\`examples/plain-html/\`, the element with \`worker\`), served from
127.0.0.1 by @web/dev-server with a gzip middleware (level 9) for text responses; the dev server itself
sends \`cache-control: no-cache\` + ETag and no compression. Throttled with CDP
\`Network.emulateNetworkConditions\` on the page and on its worker. A user clicks the field (right at
the page's load event, or after a pause of ${PAUSES.filter(Boolean).join(' or ')} ms, column "pause") and
types "${TEXT}" at ${KEY_DELAY} ms per key. Time: from the first keydown to the first
\`[role="option"]\` on screen (polled every animation frame); also from the second keydown, the first
one after which the element (minimum 2 characters) searches at all. Bytes: \`encodedDataLength\` (headers + gzip body) of every response
that finished before that moment (for the worker's script, which CDP reports without its body, the
gzip body the server sent). A "first answer" is the element's first search result of any kind,
a list or "no result" (its \`_status\`), to tell waiting for the engine from waiting for a query that matches. Median of ${RUNS} runs, each in a fresh browser context.

${table}
`;
const requestTables = `
## Requests, first run on the slow link

Cold visit (${kb(slow[0]!.visits[0]!.bytes)} kB before the first option, first option "${slow[0]!.visits[0]!.firstOption}"):

| request | status | encoding | kB on the wire | kB uncompressed |
|---|---|---|---|---|
${detail(slow[0]!.visits[0]!)}

Warm visit, online:

| request | status | encoding | kB on the wire | kB uncompressed |
|---|---|---|---|---|
${detail(slow[1]!.visits[0]!)}

Warm visit, offline:

| request | status | encoding | kB on the wire | kB uncompressed |
|---|---|---|---|---|
${detail(slow[2]!.visits[0]!)}
`;
console.log(report + requestTables);
const out = new URL('../../../docs/bench/slow-link.md', import.meta.url);
// Keep the hand-written analysis (everything from "## Analysis" on) when regenerating.
let analysis = '';
try {
  const old = (await import('node:fs')).readFileSync(out, 'utf8');
  const i = old.indexOf('\n## Analysis');
  if (i >= 0) analysis = old.slice(i);
} catch {
  /* first run */
}
writeFileSync(out, report + requestTables + analysis);
