// Leaks: attach and remove each element many times; the JS heap (after forced GC) must come back
// near where it started, and removed maps must release their MapLibre instance.
import { expect } from '@open-wc/testing';
import { createClient } from '@diachiso/sdk';
import '../dcs-address-autocomplete.js';
import '../dcs-code-badge.js';
import '../dcs-code-plate.js';
import '../dcs-verify-dialog.js';
import '../dcs-mini-map.js';

const gc = () => (window as unknown as { gc?: () => void }).gc?.();
const heap = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
  }
  return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
};

async function churn(tag: string, times: number, setup?: (el: HTMLElement) => void | Promise<void>) {
  const host = document.createElement('div');
  document.body.append(host);
  // Warm up once (modules, dataset, index), then measure.
  const warm = document.createElement(tag);
  await setup?.(warm);
  host.append(warm);
  await (warm as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  warm.remove();
  const before = await heap();
  for (let i = 0; i < times; i++) {
    const el = document.createElement(tag);
    await setup?.(el);
    host.append(el);
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    el.remove();
  }
  const after = await heap();
  host.remove();
  return after - before;
}

describe('leaks (stress)', function () {
  this.timeout(600_000);
  it('has a precise heap and a forced GC', () => {
    expect(typeof (window as unknown as { gc?: unknown }).gc).to.equal('function');
  });
  for (const tag of ['dcs-address-autocomplete', 'dcs-code-badge', 'dcs-code-plate', 'dcs-verify-dialog']) {
    it(`${tag}: 1,000 attach/remove cycles leave the heap within 2 MB`, async () => {
      const client = await createClient({ mode: 'offline' });
      const grown = await churn(tag, 1000, (el) => {
        (el as unknown as { client: unknown }).client = client;
        el.setAttribute('code', '22366-65WW+848');
      });
      console.log(`${tag}: heap grew by ${(grown / 1024).toFixed(0)} kB over 1,000 cycles`);
      expect(grown).to.be.lessThan(2 * 1024 * 1024);
    });
  }
  it('dcs-mini-map: 30 maps loaded then removed release their MapLibre instances', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const once = async () => {
      const el = document.createElement('dcs-mini-map') as HTMLElement & { map?: unknown };
      host.append(el);
      await new Promise((r) => el.addEventListener('dcs-map-ready', r, { once: true }));
      el.remove();
      return el;
    };
    await once();
    const before = await heap();
    const removed = [];
    for (let i = 0; i < 30; i++) removed.push(await once());
    const grown = (await heap()) - before;
    host.remove();
    console.log(`dcs-mini-map: heap grew by ${(grown / 1024).toFixed(0)} kB over 30 loaded maps`);
    expect(removed.every((m) => m.map === undefined)).to.equal(true);
    expect(grown).to.be.lessThan(15 * 1024 * 1024);
  });
});
