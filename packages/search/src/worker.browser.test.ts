// The search package's own engine worker (`WorkerEngine`): same answers as on the main thread,
// and the main thread stays responsive while the worker loads the dataset and the index. The
// client's worker mode (`createClient({ worker: true })`, every operation in a worker) is tested
// in packages/sdk/src/worker-platform.browser.test.ts.
import { expect } from '@open-wc/testing';
import { OfflineEngine, WorkerEngine } from '@diachiso/search';

const url = new URL('./diachiso-worker.ts', import.meta.url);

/** Runs `work` and returns the longest gap between 4 ms timer ticks on the main thread meanwhile. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = performance.now();
  let worst = 0;
  const t = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 4);
  try {
    const value = await work();
    return { value, stallMs: worst };
  } finally {
    clearInterval(t);
  }
}

describe('WorkerEngine', () => {
  it('answers like the main-thread engine, loading the dataset in the worker, not on the main thread', async function () {
    this.timeout(120_000); // two engines load, one after the other, on a machine shared with other work
    performance.clearResourceTimings();
    const { value: w, stallMs: workerStall } = await longestStall(() => WorkerEngine.start({ url, dataset: { cache: false } }));
    // The dataset parts are fetched by the worker: the main thread's resource timeline has none.
    const mainFetches = performance.getEntriesByType('resource').filter((e) => /\.json(\?|$)/.test(e.name));
    expect(mainFetches.map((e) => e.name)).to.deep.equal([]);
    const { value: main, stallMs: mainStall } = await longestStall(() => OfflineEngine.load({ cache: false }));
    expect(performance.getEntriesByType('resource').filter((e) => /\.json(\?|$)/.test(e.name)).length).to.be.greaterThan(0);
    // Stalls are reported, not asserted: timings belong in `npm run bench:keystroke`, not in a unit test.
    console.log(`longest main-thread stall while starting: worker ${workerStall.toFixed(0)} ms, main thread ${mainStall.toFixed(0)} ms`);
    for (const q of ['vinh hai', 'P. Vĩnh Hải, TP. Nha Trang', 'tran phu', 'benh vien', 'xa cam lam', 'khanh hoa', 'zzqx']) {
      const a = await w.suggest(q, { limit: 5 });
      expect(JSON.stringify(a), q).to.equal(JSON.stringify(main.suggest(q, { limit: 5 })));
    }
    expect(JSON.stringify(await w.get('ward:22333'))).to.equal(JSON.stringify(main.get('ward:22333')));
    const p = { lat: 12.2454, lon: 109.1943 };
    expect(JSON.stringify(await w.reverse(p))).to.equal(JSON.stringify(main.reverse(p)));
    expect(w.dataset.version).to.equal(main.dataset.version);
    w.terminate();
    let err: unknown;
    await w.suggest('vinh hai').catch((e: unknown) => (err = e));
    expect(err instanceof Error).to.equal(true);
  });
});
