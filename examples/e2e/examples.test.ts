import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, typeInAutocomplete, options, type Harness } from './harness.js';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

test('demo: the mocked platform answers; a no-diacritics legacy ward is found, chosen with the keyboard, and fills the form', async () => {
  const page = await h.page();
  await page.goto(`${h.base}/examples/`);
  await page.waitForFunction(() => document.documentElement.dataset.mock === 'ready', { timeout: 20000 });
  await typeInAutocomplete(page, '#ac', 'p vinh hai nha trang');
  const labels = await options(page, '#ac');
  const idx = labels.findIndex((l) => l.includes('Vĩnh Hải (cũ) → Phường Bắc Nha Trang'));
  assert.ok(idx >= 0, labels.join(' | '));
  for (let i = 0; i <= idx; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('selected')!.textContent!.includes('22333'));
  const ward = await page.$eval('input[name=ward]', (e) => (e as HTMLInputElement).value);
  const province = await page.$eval('input[name=province]', (e) => (e as HTMLInputElement).value);
  assert.equal(ward, 'Phường Bắc Nha Trang');
  assert.equal(province, 'Tỉnh Khánh Hòa');
  // The request went to the mock platform (service worker), not to the embedded engine in the page.
  const selected = JSON.parse(await page.$eval('#selected', (e) => e.textContent!));
  assert.equal(selected.legacy.citation.clause, 50);
});

test('plain-html: the single-file bundle works offline on the embedded dataset and submits the chosen id', async () => {
  const page = await h.page();
  await page.goto(`${h.base}/examples/plain-html/`);
  await typeInAutocomplete(page, 'dcs-address-autocomplete', 'truong sa');
  const labels = await options(page, 'dcs-address-autocomplete');
  assert.ok(labels[0]!.startsWith('Đặc khu Trường Sa'), labels.join(' | '));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await Promise.all([page.waitForNavigation(), page.click('button')]);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('address'), 'ward:22736');
  assert.equal(url.searchParams.get('address_text'), 'Đặc khu Trường Sa, Tỉnh Khánh Hòa');
  assert.equal(url.searchParams.get('ward'), 'Đặc khu Trường Sa');
});
