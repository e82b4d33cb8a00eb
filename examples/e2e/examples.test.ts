import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { startHarness, typeInAutocomplete, options, type Harness } from './harness.js';

/** Saves a screenshot of an example for the README (docs/screenshots/<name>.png), with `npm run screenshots`. */
async function shot(page: Page, name: string) {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  const dir = new URL('../../docs/screenshots/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  await page.setViewport({ width: 1000, height: 900 });
  await page.screenshot({ path: new URL(`${name}.png`, dir).pathname as `${string}.png`, fullPage: false });
}

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
  await page.waitForFunction(() => document.documentElement.dataset.mock === 'ready', { timeout: 40000 });
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
  await shot(page, 'demo');
});

test('plain-html: the single-file bundle works offline on the embedded dataset and submits the chosen id', async () => {
  const page = await h.page();
  await page.goto(`${h.base}/examples/plain-html/`);
  await typeInAutocomplete(page, 'dcs-address-autocomplete', 'truong sa');
  const labels = await options(page, 'dcs-address-autocomplete');
  assert.ok(labels[0]!.startsWith('Đặc khu Trường Sa'), labels.join(' | '));
  // `worker`: the suggestions come from the engine worker shipped beside the bundle (a hashed chunk).
  assert.ok(
    page.workers().some((w) => /\/packages\/elements\/dist\/browser\/diachiso-worker-[\w-]+\.js$/.test(w.url())),
    page
      .workers()
      .map((w) => w.url())
      .join(' '),
  );
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await Promise.all([page.waitForNavigation(), page.click('button')]);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('address'), 'ward:22736');
  assert.equal(url.searchParams.get('address_text'), 'Đặc khu Trường Sa, Tỉnh Khánh Hòa');
  assert.equal(url.searchParams.get('ward'), 'Đặc khu Trường Sa');
  await shot(page, 'plain-html');
});

test('checkout: no-diacritics legacy address → suggestion → verify dialog → pin moved → order with its code', async () => {
  const page = await h.page();
  await page.goto(`${h.base}/examples/checkout/`);
  await page.waitForFunction(() => document.documentElement.dataset.platform === 'ready', { timeout: 40000 });
  await page.type('input[name=name]', 'Nguyễn Văn A');
  await page.type('input[name=phone]', '0905123456');
  await typeInAutocomplete(page, '#address', '12 tran phu p vinh hai nha trang');
  // Keep the typed text (a pre-2025 address): close the list and order; the dialog explains.
  await options(page, '#address');
  await page.keyboard.press('Escape');
  assert.equal(await page.$eval('#address', (e) => (e as HTMLElement & { text: string }).text), '12 tran phu p vinh hai nha trang');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => (document.querySelector('#verify') as HTMLElement & { isOpen: boolean }).isOpen, { timeout: 40000 });
  const why = await page.$eval('#verify', (d) => d.shadowRoot!.textContent!);
  assert.match(why, /Phường Bắc Nha Trang/);
  assert.match(why, /1667\/NQ-UBTVQH15/);
  await page.evaluate(() =>
    (document.querySelector('#verify')!.shadowRoot!.querySelector('[part="primary-button"]') as HTMLButtonElement).click(),
  );
  await page.waitForFunction(() => !(document.querySelector('#map') as HTMLElement).hidden, { timeout: 40000 });
  await page.waitForFunction(() => !!(document.querySelector('#map') as HTMLElement & { map?: unknown }).map, { timeout: 40000 });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  await page.evaluate(() => (document.querySelector('#map')!.shadowRoot!.querySelector('[part="pin"]') as HTMLElement).focus());
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.documentElement.dataset.ordered === '1', { timeout: 40000 });
  const summary = await page.$eval('#summary-address', (e) => e.textContent);
  assert.equal(summary, '12 tran phu, Phường Bắc Nha Trang, Tỉnh Khánh Hòa');
  const code = await page.$eval('#badge', (b) => b.shadowRoot!.querySelector('[part="code"]')!.textContent);
  assert.match(code!, /^22333-[23456789CFGHJMPQRVWX]{4}\+[23456789CFGHJMPQRVWX]{3}$/);
  await shot(page, 'checkout');
});

/** Types an address, picks the suggestion whose text starts with `pick`, orders, accepts a fix if asked; returns the order. */
async function order(page: Page, typed: string, pick: string, n: number) {
  await typeInAutocomplete(page, '#address', typed);
  const labels = await options(page, '#address');
  const idx = labels.findIndex((l) => l.startsWith(pick));
  assert.ok(idx >= 0, labels.join(' | '));
  for (let i = 0; i <= idx; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !(document.querySelector('#map') as HTMLElement).hidden, { timeout: 40000 });
  await page.click('button[type=submit]');
  await page.waitForFunction(
    (k) =>
      document.documentElement.dataset.ordered === String(k) ||
      (document.querySelector('#verify') as HTMLElement & { isOpen: boolean }).isOpen,
    { timeout: 40000 },
    n,
  );
  if (await page.$eval('#verify', (d) => (d as HTMLElement & { isOpen: boolean }).isOpen))
    await page.evaluate(() =>
      (document.querySelector('#verify')!.shadowRoot!.querySelector('[part="primary-button"]') as HTMLButtonElement).click(),
    );
  await page.waitForFunction((k) => document.documentElement.dataset.ordered === String(k), { timeout: 40000 }, n);
  return page.evaluate(() => ({
    address: document.getElementById('summary-address')!.textContent!,
    code: document.documentElement.dataset.orderedCode!,
    badge: document.getElementById('badge')!.shadowRoot!.querySelector('[part="code"]')?.textContent ?? '',
  }));
}

test('checkout: two orders to two whole addresses keep their house numbers and get their own pin and code', async () => {
  const page = await h.page();
  await page.goto(`${h.base}/examples/checkout/`);
  await page.waitForFunction(() => document.documentElement.dataset.platform === 'ready', { timeout: 40000 });
  await page.type('input[name=name]', 'Nguyễn Văn A');
  await page.type('input[name=phone]', '0905123456');
  const first = await order(page, '12 tran phu nha trang', '12 Trần Phú', 1);
  assert.match(first.address, /^12 Trần Phú, /);
  await page.click('#again');
  await page.type('input[name=name]', 'Lê Thị C');
  await page.type('input[name=phone]', '0905654321');
  const second = await order(page, '8 yersin nha trang', '8 Yersin', 2);
  assert.match(second.address, /^8 Yersin, /);
  assert.ok(first.code && second.code, JSON.stringify({ first, second }));
  assert.notEqual(second.code, first.code);
  assert.equal(second.badge, second.code);
});

test('checkout: "keep my address" goes through with a visible warning, on the page and on the order', async () => {
  const page = await h.page();
  await page.goto(`${h.base}/examples/checkout/`);
  await page.waitForFunction(() => document.documentElement.dataset.platform === 'ready', { timeout: 40000 });
  await page.type('input[name=name]', 'Nguyễn Văn A');
  await page.type('input[name=phone]', '0905123456');
  await typeInAutocomplete(page, '#address', '12 tran phu p vinh hai nha trang');
  await options(page, '#address');
  await page.keyboard.press('Escape');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => (document.querySelector('#verify') as HTMLElement & { isOpen: boolean }).isOpen, { timeout: 40000 });
  await page.evaluate(() => {
    const buttons = [...document.querySelector('#verify')!.shadowRoot!.querySelectorAll('button[part="button"]')] as HTMLButtonElement[];
    buttons[1]!.click(); // the second: keep my address
  });
  await page.waitForFunction(() => document.documentElement.dataset.ordered === '1', { timeout: 40000 });
  const seen = await page.evaluate(() => ({
    address: document.getElementById('summary-address')!.textContent,
    warning: (document.getElementById('warning') as HTMLElement).hidden ? '' : document.getElementById('warning')!.textContent,
    onOrder: (document.getElementById('summary-warning') as HTMLElement).hidden
      ? ''
      : document.getElementById('summary-warning')!.textContent,
  }));
  assert.equal(seen.address, '12 tran phu p vinh hai nha trang');
  assert.match(seen.warning!, /chưa được xác minh/);
  assert.equal(seen.onOrder, seen.warning);
});

test('e-service: legacy address explained with its legal basis; the draft survives a reload; a receipt', async () => {
  const page = await h.page();
  await page.goto(`${h.base}/examples/e-service/`);
  await page.waitForFunction(() => document.documentElement.dataset.platform === 'ready', { timeout: 40000 });
  await page.type('input[name=fullName]', 'Trần Thị B');
  await page.type('input[name=personalId]', '0561');
  await typeInAutocomplete(page, '#address', 'Thon Phu Hoi, xa Ninh Phu, TX Ninh Hoa');
  await page.waitForFunction(() => document.documentElement.dataset.draftSaved === 'Thon Phu Hoi, xa Ninh Phu, TX Ninh Hoa', {
    timeout: 40000,
  });
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.draftChecked === 'true', { timeout: 40000 });
  assert.equal(await page.$eval('input[name=fullName]', (e) => (e as HTMLInputElement).value), 'Trần Thị B');
  assert.match(await page.$eval('#draft-status', (e) => e.textContent!), /khôi phục/);
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.getElementById('errors')!.textContent!.length > 0);
  assert.match(await page.$eval('#errors', (e) => e.textContent!), /12 chữ số/);
  await page.type('input[name=personalId]', '56789012');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.documentElement.dataset.submitted === 'true', { timeout: 40000 });
  assert.equal(await page.$eval('#r-address', (e) => e.textContent), 'Thôn Phu Hoi, Phường Hòa Thắng, Tỉnh Khánh Hòa');
  assert.match(await page.$eval('#explain-why', (e) => e.textContent!), /khoản 59 Điều 1 Nghị quyết 1667\/NQ-UBTVQH15/);
  await shot(page, 'e-service');
});

test('register: declare → create → verify, notice and printable plate', async () => {
  const page = await h.page();
  await page.goto(`${h.base}/examples/register/`);
  await page.waitForFunction(() => document.documentElement.dataset.platform === 'ready', { timeout: 40000 });
  await page.waitForFunction(() => document.getElementById('where')!.textContent!.includes('Phường Nha Trang'), { timeout: 40000 });
  await page.click('#declare button[type=submit]');
  await page.waitForFunction(() => document.getElementById('status')!.textContent === 'Đã khai báo');
  await page.click('#create');
  await page.waitForFunction(() => document.getElementById('status')!.textContent === 'Đã tạo mã');
  await page.click('#approve');
  await page.waitForFunction(() => document.documentElement.dataset.verified === 'true', { timeout: 40000 });
  // The national address code: Phường Nha Trang's postal code (57133) + a serial; the location
  // code and the Plus Code come second.
  const badge = await page.$eval('#badge', (b) => b.shadowRoot!.querySelector('[part="code"]')!.textContent!);
  assert.match(badge, /^57133\d{5}$/);
  assert.match(await page.$eval('#badge-location', (b) => b.shadowRoot!.querySelector('[part="code"]')!.textContent!), /^22366-/);
  const notice = await page.$eval('#notice', (e) => e.textContent!);
  assert.match(notice, new RegExp(`^Ma dia chi so cua so 12 Tran Phu: ${badge}\\. Ma vi tri: 22366-`));
  assert.ok(notice.includes(`https://diachiso.gov.vn/#/map/${badge}`));
  const plate = await page.$eval('#plate', (p) => ({
    code: p.shadowRoot!.querySelector('[part="code"]')!.textContent,
    secondary: p.shadowRoot!.querySelector('[part="secondary"]')!.textContent!,
    qr: p.shadowRoot!.querySelector('svg[part="qr"]')!.getAttribute('aria-label'),
  }));
  assert.equal(plate.code, badge);
  assert.match(plate.secondary, /Mã vị trí: 22366-.*Plus Code: 7P4F/s);
  assert.equal(plate.qr, `Mã QR của mã địa chỉ số ${badge}`);
  // Printed, the plate is on the page (nothing hides it in print styles).
  await page.emulateMediaType('print');
  assert.ok(await page.$eval('#plate', (p) => p.getBoundingClientRect().height > 100));
  await page.emulateMediaType();
  assert.equal(await page.$eval('#history', (e) => e.children.length), 3);
  assert.match(await page.$eval('#history', (e) => e.textContent!), /Đã khai báo.*Đã tạo mã.*Đã xác thực/s);
  await shot(page, 'register');
});

test('register: printing shows the plate alone; the plate fits a 390 px phone', async () => {
  const page = await h.page();
  await page.goto(`${h.base}/examples/register/`);
  await page.waitForFunction(() => document.documentElement.dataset.platform === 'ready', { timeout: 40000 });
  await page.waitForFunction(() => document.getElementById('where')!.textContent!.includes('Phường Nha Trang'), { timeout: 40000 });
  await page.click('#declare button[type=submit]');
  await page.waitForFunction(() => document.getElementById('status')!.textContent === 'Đã khai báo');
  await page.click('#create');
  await page.waitForFunction(() => document.getElementById('status')!.textContent === 'Đã tạo mã');
  await page.click('#approve');
  await page.waitForFunction(() => document.documentElement.dataset.verified === 'true', { timeout: 40000 });
  await page.emulateMediaType('print');
  const shown = await page.evaluate(() =>
    ['h1', '#declare', '#step2', '#step3', '#notice', '#history', '#print', '#plate'].map((s) => {
      const r = document.querySelector(s)!.getBoundingClientRect();
      return `${s}:${r.width > 0 && r.height > 0}`;
    }),
  );
  assert.deepEqual(shown, [
    'h1:false',
    '#declare:false',
    '#step2:false',
    '#step3:false',
    '#notice:false',
    '#history:false',
    '#print:false',
    '#plate:true',
  ]);
  await page.emulateMediaType();
  await page.setViewport({ width: 390, height: 844 });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  const fit = await page.evaluate(() => {
    const plate = document.getElementById('plate')!.shadowRoot!.querySelector('[part="plate"]')!.getBoundingClientRect();
    const code = document.getElementById('plate')!.shadowRoot!.querySelector('[part="code"]')!.getBoundingClientRect();
    return { page: document.documentElement.scrollWidth, plateRight: plate.right, codeRight: code.right };
  });
  assert.ok(fit.page <= 390, JSON.stringify(fit));
  assert.ok(fit.plateRight <= 390, JSON.stringify(fit));
  assert.ok(fit.codeRight <= fit.plateRight, JSON.stringify(fit));
});

test('register: a declaration the platform refuses shows every reason and resets the later steps', async () => {
  const page = await h.page();
  await page.goto(`${h.base}/examples/register/`);
  await page.waitForFunction(() => document.documentElement.dataset.platform === 'ready', { timeout: 40000 });
  await page.waitForFunction(() => document.getElementById('where')!.textContent!.includes('Phường Nha Trang'), { timeout: 40000 });
  await page.click('#declare button[type=submit]');
  await page.waitForFunction(() => document.getElementById('status')!.textContent === 'Đã khai báo');
  await page.click('#create');
  await page.waitForFunction(() => document.getElementById('status')!.textContent === 'Đã tạo mã');
  assert.equal(await page.$eval('#step3', (e) => (e as HTMLElement).hidden), false);
  // A house number the platform cannot read, and no street: two reasons.
  await page.click('input[name=houseNumber]', { clickCount: 3 });
  await page.keyboard.type('nhà số mười hai');
  await page.click('input[name=street]', { clickCount: 3 });
  await page.keyboard.press('Backspace');
  await page.click('#declare button[type=submit]');
  await page.waitForFunction(() => document.documentElement.dataset.error === '1', { timeout: 40000 });
  const reasons = await page.$$eval('#errors li', (li) => li.map((e) => e.textContent!));
  assert.equal(reasons.length, 2, reasons.join(' | '));
  assert.ok(
    reasons.some((r) => /^Số nhà: không đúng dạng/.test(r)),
    reasons.join(' | '),
  );
  assert.ok(
    reasons.some((r) => /^Thiếu .*đường/i.test(r)),
    reasons.join(' | '),
  );
  assert.match(await page.$eval('#errors', (e) => e.textContent!), /^Bước 1 không thành công/);
  const after = await page.evaluate(() => ({
    steps: ['step2', 'step3', 'step4'].map((id) => document.getElementById(id)!.hidden),
    status: document.getElementById('status')!.textContent,
    badge: (document.getElementById('badge') as HTMLElement & { code: string }).code,
  }));
  assert.deepEqual(after, { steps: [true, true, true], status: '', badge: '' });
});

test('thematic map: category layers, ward filter and coverage choropleth', async () => {
  const page = await h.page();
  await page.goto(`${h.base}/examples/thematic-map/`);
  await page.waitForFunction(() => Number(document.documentElement.dataset.features) > 0, { timeout: 30000 });
  const both = Number(await page.evaluate(() => document.documentElement.dataset.features));
  await page.click('input[value=tourism]'); // off
  await page.waitForFunction((n) => Number(document.documentElement.dataset.features) < n, {}, both);
  await page.click('#coverage');
  await page.waitForFunction(() => document.documentElement.dataset.coverage === '65', { timeout: 40000 });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 800)));
  await shot(page, 'thematic-map');
});

test('strict CSP (no inline script, no eval, no inline style, Trusted Types): every element works, no violation', async () => {
  const page = await h.page();
  await page.goto(`${h.base}/examples/csp/`);
  await page.waitForFunction(() => document.documentElement.dataset.loaded === 'true', { timeout: 40000 });
  await typeInAutocomplete(page, '#ac', 'bac nha trang');
  const labels = await options(page, '#ac');
  assert.ok(labels[0]!.includes('Phường Bắc Nha Trang'));
  assert.ok(
    page.workers().some((w) => /\/diachiso-worker-[\w-]+\.js$/.test(w.url())),
    'the engine runs in its worker under the strict CSP',
  );
  await page.waitForFunction(() => !!document.querySelector('#badge')!.shadowRoot!.querySelector('svg[part="qr"]'), { timeout: 10000 });
  await page.evaluate(
    () => void (document.querySelector('#dialog') as unknown as { open(t: string): Promise<unknown> }).open('P. Vĩnh Hải, TP. Nha Trang'),
  );
  await page.waitForFunction(() => (document.querySelector('#dialog') as unknown as { isOpen: boolean }).isOpen, { timeout: 40000 });
  await page.waitForFunction(() => !!(document.querySelector('#map') as unknown as { map?: { loaded(): boolean } }).map?.loaded(), {
    timeout: 30000,
  });
  const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  assert.deepEqual(violations, []);
});

test('react: the autocomplete through the @lit/react wrapper; onDcsSelect updates React state', async () => {
  const page = await h.page();
  await page.goto(`${h.base}/examples/react/`);
  await typeInAutocomplete(page, 'dcs-address-autocomplete', 'bac nha trang');
  await options(page, 'dcs-address-autocomplete');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('picked')!.textContent!.includes('Phường Bắc Nha Trang'), { timeout: 40000 });
  await page.waitForFunction(() => !!document.querySelector('dcs-code-badge'), { timeout: 40000 });
  await shot(page, 'react');
});
