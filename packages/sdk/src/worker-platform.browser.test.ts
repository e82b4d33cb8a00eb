// `createClient({ worker: true })` in Chromium: every offline operation runs in the engine worker.
// What the page itself downloads (its resource timeline) and builds (the engine's `diachiso:*`
// User Timing measures, which the engine records on the thread it runs on) show that the page
// loads no engine code, no dataset part and builds no index; the answers are those of a client
// that runs the engine on the page. This file imports only the SDK's entry, so that the page's
// timeline holds nothing but what the clients load.
import { expect } from '@open-wc/testing';
import { createClient, DiachisoError, type Client } from '@diachiso/sdk';

const url = new URL('./worker-platform-worker.ts', import.meta.url);
/** What the engine needs, as the page would fetch it: its modules, the local platform, the dataset. */
const ENGINE = /\/packages\/(search|data)\/src\/|\/sdk\/src\/local-(platform|handlers)\.ts|\.json(\?|$)/;
const fetchedHere = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => ENGINE.test(n));
const builtHere = () =>
  performance
    .getEntriesByType('measure')
    .map((m) => m.name)
    .filter((n) => n.startsWith('diachiso:'));
const json = (v: unknown) => JSON.stringify(v);

/** Every answer compared: the units, the codes, conversion and verification, searches. */
async function answers(c: Client): Promise<Array<[string, string, string]>> {
  const out: Array<[string, string, string]> = [];
  const add = async (name: string, p: Promise<unknown>) => {
    const v = await p;
    out.push([name, json(v), String((v as { source?: string } | null)?.source)]);
  };
  for (const q of ['12 Trần Phú, P. Vĩnh Hải, TP. Nha Trang', 'xa cam hai dong, huyen cam lam', 'zzqx'])
    await add(`verify ${q}`, c.verify(q));
  await add('verify components', c.verify({ street: 'Trần Phú', ward: 'Vĩnh Hải', province: 'Khánh Hòa' }));
  for (const q of ['P. Vĩnh Hải, TP. Nha Trang', 'xã Cam Hải Đông, Cam Lâm', 'phuong 10 vung tau'])
    await add(`convertLegacy ${q}`, c.convertLegacy(q));
  for (const p of [
    { lat: 12.24579, lon: 109.19533 },
    { lat: 21.0285, lon: 105.8542 },
  ])
    await add(`encodeCode ${json(p)}`, c.encodeCode(p));
  for (const code of ['22366-65WW+848', '22333 65ww848']) await add(`decodeCode ${code}`, c.decodeCode(code));
  await add('provinces', c.units.provinces());
  await add('wards 56', c.units.wards('56'));
  await add('ward 22366', c.units.ward('22366'));
  await add('ward 99999', c.units.ward('99999'));
  await add('lookupCode', c.lookupCode('5713399999'));
  await add('parseCode', c.parseCode('224O2 65ww848'));
  for (const q of ['vinh hai', 'P. Vĩnh Hải, TP. Nha Trang', 'tran phu', 'benh vien', 'xa cam lam', 'khanh hoa', 'zzqx'])
    await add(`suggest ${q}`, c.suggest(q, { limit: 5 }));
  await add('search', c.search('tran phu nha trang', { limit: 5 }));
  for (const id of ['ward:22333', 'ward:99999']) await add(`retrieve ${id}`, c.retrieve(id));
  await add('reverse', c.reverse({ lat: 12.2454, lon: 109.1943 }));
  return out;
}

describe('createClient({ worker: true })', () => {
  it('runs verify, the codes, convertLegacy and units in the worker: the page loads no dataset, no engine and builds no index, and the answers are the main-thread client’s', async function () {
    this.timeout(180_000);
    performance.setResourceTimingBufferSize(100_000);
    performance.clearResourceTimings();
    performance.clearMeasures();
    const worker = await createClient({ mode: 'offline', worker: { url }, dataset: { cache: false } });
    expect(await worker.engineThread()).to.equal('worker');
    const inWorker = await answers(worker);
    expect(fetchedHere(), 'fetched by the page in worker mode').to.deep.equal([]);
    expect(builtHere(), 'built on the page in worker mode').to.deep.equal([]);

    // The same questions to a client that runs the engine on the page: same answers. And the
    // page's timeline now shows the dataset and the index, so the checks above could see them.
    const main = await createClient({ mode: 'offline', dataset: { cache: false } });
    expect(await main.engineThread()).to.equal('main');
    const onPage = await answers(main);
    for (let i = 0; i < onPage.length; i++) expect(inWorker[i], onPage[i]![0]).to.deep.equal(onPage[i]);
    expect(fetchedHere().some((n) => /admin\.json/.test(n))).to.equal(true);
    expect(builtHere()).to.include('diachiso:index built');
    worker.dispose();
    main.dispose();
  });

  it('re-creates the worker’s errors as DiachisoErrors, cancels calls and rejects calls after dispose', async function () {
    this.timeout(120_000);
    const c = await createClient({ mode: 'offline', worker: { url }, dataset: { cache: false }, locale: 'en' });
    // Not a code of any known zone: the worker's handler refuses it, the page gets the same error.
    const err = await c.decodeCode('99999-65WW+848').catch((e: unknown) => e);
    expect(err).to.be.instanceOf(DiachisoError);
    expect((err as DiachisoError).code).to.equal('invalid-input');
    expect((err as DiachisoError).message).to.match(/^The input is not valid/);
    expect((err as DiachisoError).messageVi).to.match(/^Dữ liệu nhập không hợp lệ/);

    const before = new AbortController();
    before.abort();
    const a1 = await c.verify('Trần Phú', { signal: before.signal }).catch((e: unknown) => e);
    expect((a1 as DiachisoError).code).to.equal('aborted');
    const during = new AbortController();
    const p = c.convertLegacy('P. Vĩnh Hải, TP. Nha Trang', { signal: during.signal });
    during.abort();
    const a2 = await p.catch((e: unknown) => e);
    expect(a2).to.be.instanceOf(DiachisoError);
    expect((a2 as DiachisoError).code).to.equal('aborted');
    // The worker goes on answering after a cancelled call.
    expect((await c.convertLegacy('P. Vĩnh Hải, TP. Nha Trang')).candidates[0]!.ward.name).to.equal('Phường Bắc Nha Trang');

    c.dispose();
    const gone = await c.units.provinces().catch((e: unknown) => e);
    expect((gone as DiachisoError).code).to.equal('unavailable');
  });

  it('a worker that cannot start, or that stops, gives a typed error at once, never a hang', async function () {
    this.timeout(60_000);
    const missing = await createClient({ mode: 'offline', worker: { url: new URL('./no-such-worker.js', import.meta.url) } });
    for (const call of [() => missing.verify('Trần Phú'), () => missing.units.provinces(), () => missing.engineThread()]) {
      const e = await call().catch((x: unknown) => x);
      expect(e).to.be.instanceOf(DiachisoError);
      expect((e as DiachisoError).code).to.equal('unavailable');
    }
    // A worker that starts, then fails on its first call (as a crash would).
    const src = `postMessage({ type: 'ready' }); onmessage = (e) => { if (e.data.type === 'call') throw new Error('boom'); };`;
    const crashing = URL.createObjectURL(new Blob([`onmessage = (e) => { ${src} };`], { type: 'text/javascript' }));
    const c = await createClient({ mode: 'offline', worker: { url: crashing } });
    const e = await c.encodeCode({ lat: 12.24579, lon: 109.19533 }).catch((x: unknown) => x);
    expect(e).to.be.instanceOf(DiachisoError);
    expect((e as DiachisoError).code).to.equal('unavailable');
    expect((e as DiachisoError).message).to.contain('engine worker stopped');
    missing.dispose();
    c.dispose();
  });

  it('in auto mode, with a worker that cannot start, the platform still answers; with neither, a typed error', async function () {
    this.timeout(60_000);
    // The platform, mocked at the network layer by msw with the mock's handlers (loaded here, last:
    // the mock answers from the embedded data on this page).
    const [{ getResponse }, { createHandlers }] = await Promise.all([import('msw'), import('../../mock/src/handlers.js')]);
    const baseUrl = 'https://worker.browser.test';
    const handlers = createHandlers({ baseUrl, apiKey: 'k' });
    let up = true;
    const viaMsw = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = up ? await getResponse(handlers, new Request(String(input), init)) : undefined;
      if (!res || res.type === 'error') throw new TypeError('network error');
      return res;
    }) as typeof fetch;
    const missing = { url: new URL('./no-such-worker.js', import.meta.url) };
    const c = await createClient({ mode: 'auto', baseUrl, apiKey: 'k', fetch: viaMsw, worker: missing, retry: false });
    const v = await c.verify('12 Trần Phú, P. Vĩnh Hải, TP. Nha Trang');
    expect(v.source).to.equal('online');
    expect(v.address?.ward.code).to.equal('22333');
    const s = await c.suggest('vinh hai');
    expect(s.source).to.equal('online');
    expect(s[0]!.label).to.contain('Vĩnh Hải');
    up = false;
    const e = await c.verify('12 Trần Phú').catch((x: unknown) => x);
    expect(e).to.be.instanceOf(DiachisoError);
    expect((e as DiachisoError).code).to.equal('unavailable');
    c.dispose();
  });
});
