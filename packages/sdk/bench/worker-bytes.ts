// What each thread downloads in worker mode, with the built browser bundle: the plain-HTML quick
// start (`examples/plain-html/`, the autocomplete with `worker`) is opened in headless Chromium,
// "vinh hai" is typed, and every request of the page and of its worker (each its own CDP target)
// is listed with the gzip size of its body (level 9, as a static host would send it).
//   node --import tsx packages/sdk/bench/worker-bytes.ts [repo root, default this checkout]
// Figures: docs/decisions/0009-worker.md.
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startDevServer } from '@web/dev-server';
import puppeteer, { type CDPSession } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/chromium-path.mjs';

const root = resolve(process.argv[2] ?? new URL('../../..', import.meta.url).pathname);
const server = await startDevServer({
  config: { rootDir: root, port: 0, hostname: '127.0.0.1', nodeResolve: false },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const base = `http://127.0.0.1:${(server.server?.address() as { port: number }).port}`;
const browser = await puppeteer.launch({
  executablePath: findChromium()!,
  headless: true,
  args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--headless')),
});

type Thread = 'page' | 'worker';
const seen = new Map<string, Thread>(); // path → the thread that asked for it
const workerScripts = new Set<string>(); // fetched by the page's target, for the worker
const watch = async (s: CDPSession, thread: Thread) => {
  s.on('Network.requestWillBeSent', (e) => {
    const path = new URL(e.request.url).pathname;
    if (!seen.has(path)) seen.set(path, thread);
  });
  await s.send('Network.enable');
};
const page = await browser.newPage();
page.on('workercreated', (w) => {
  workerScripts.add(new URL(w.url()).pathname);
  void watch((w as unknown as { client: CDPSession }).client, 'worker').catch(() => undefined);
});
await watch(await page.createCDPSession(), 'page');
await page.goto(`${base}/examples/plain-html/`, { waitUntil: 'load' });
const input = await page.waitForSelector('dcs-address-autocomplete >>> input');
await input!.type('vinh hai', { delay: 150 });
await page.waitForFunction(`!!document.querySelector('dcs-address-autocomplete').shadowRoot.querySelector('[role="option"]')`, {
  timeout: 120_000,
});
await browser.close();
await server.stop();

const rows = [...seen]
  .filter(([p]) => p.startsWith('/packages/') && existsSync(root + p))
  .map(([p, t]) => ({
    thread: workerScripts.has(p) ? 'worker' : t,
    file: p.replace(/^.*\/dist\/browser\//, ''),
    gz: gzipSync(readFileSync(root + p), { level: 9 }).length,
  }));
const kB = (n: number) => (n / 1000).toFixed(1);
console.log('| thread | file | kB gzip |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.thread} | ${r.file} | ${kB(r.gz)} |`);
for (const t of ['page', 'worker'] as const)
  for (const [what, test] of [
    ['code', (f: string) => f.endsWith('.js')],
    ['dataset', (f: string) => f.endsWith('.json')],
  ] as const)
    console.log(`${t} ${what}: ${kB(rows.filter((r) => r.thread === t && test(r.file)).reduce((a, r) => a + r.gz, 0))} kB`);
