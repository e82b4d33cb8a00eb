import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../dcs-mini-map.js';
import type { DcsMiniMap } from './mini-map.js';

type GlyphEntry = { glyphs: { default: Record<string, { bitmap: { width: number; data: Uint8Array } } | null> } };
type Internals = { style: { glyphManager: { entries: Record<string, GlyphEntry> } } };

/** Resolves once the map has drawn everything it has (labels placed included). */
async function idle(map: NonNullable<DcsMiniMap['map']>): Promise<void> {
  await new Promise<void>((resolve) => {
    if (map.loaded() && !map.isMoving()) map.once('idle', () => resolve());
    else map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const part = (el: DcsMiniMap, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`) as HTMLElement | null;

describe('dcs-mini-map', function () {
  // A map loads MapLibre, the dataset and the offline engine: slow on a loaded 2-core machine.
  this.timeout(90_000);
  it('draws the offline style (no network), outlines the ward, and moves the pin with the keys', async () => {
    const el = await fixture<DcsMiniMap>(html`<dcs-mini-map lat="12.2388" lon="109.1967" zoom="15"></dcs-mini-map>`);
    await oneEvent(el, 'dcs-map-ready');
    const map = el.map!;
    expect(map.getStyle().name).to.equal('diachiso offline');
    expect(JSON.stringify(map.getFilter('selected-ward'))).to.include('22366');
    const canvas = el.shadowRoot!.querySelector('canvas')!;
    expect(canvas.width).to.be.greaterThan(0);
    const pin = el.shadowRoot!.querySelector('[part="pin"]') as HTMLElement;
    pin.focus();
    const moved = oneEvent(el, 'dcs-move');
    await sendKeys({ press: 'ArrowUp' });
    const ev = await moved;
    expect(ev.detail.location.lat).to.be.greaterThan(12.2388);
    expect(ev.detail.ward.code).to.equal('22366');
    expect(ev.detail.street.name).to.be.a('string');
    expect(ev.detail.street.distanceM).to.be.within(0, 150);
    expect(ev.detail.code).to.match(/^22366-[23456789CFGHJMPQRVWX]{4}\+[23456789CFGHJMPQRVWX]{3}$/);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.include('Phường Nha Trang');
    await expect(el).to.be.accessible({ ignoredRules: ['region'] });
  });

  it('removes the map when detached', async () => {
    const el = await fixture<DcsMiniMap>(html`<dcs-mini-map></dcs-mini-map>`);
    await oneEvent(el, 'dcs-map-ready');
    el.remove();
    expect(el.map === undefined).to.equal(true);
  });

  it('ignores values that are not numbers and clamps out-of-range ones, without an uncaught error', async () => {
    const rejections: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => rejections.push(e.reason);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const el = await fixture<DcsMiniMap>(html`<dcs-mini-map lat="abc" lon="999" zoom="-5"></dcs-mini-map>`);
      expect(el.lat).to.equal(12.2388);
      expect(el.lon).to.equal(180);
      expect(el.zoom).to.equal(3); // the map's lowest zoom
      await oneEvent(el, 'dcs-map-ready');
      el.lat = Number.NaN;
      el.zoom = Infinity;
      await el.updateComplete;
      expect(el.lat).to.equal(12.2388);
      expect(el.zoom).to.equal(3);
      el.zoom = 99;
      await el.updateComplete;
      expect(el.zoom).to.equal(20);
      expect(el.map!.getZoom()).to.equal(20);
      el.lat = 12.25;
      el.lon = 109.19;
      await el.updateComplete;
      expect([el.lat, el.lon]).to.deep.equal([12.25, 109.19]);
      await new Promise((r) => setTimeout(r, 100));
      expect(rejections).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});

describe('dcs-mini-map labels, controls, themes and coverage', function () {
  this.timeout(90_000);

  it('draws street and ward names with Vietnamese letters, glyphs drawn in the page (no request leaves the origin)', async () => {
    const el = await fixture<DcsMiniMap>(html`<dcs-mini-map lat="12.2388" lon="109.1967" zoom="16"></dcs-mini-map>`);
    await oneEvent(el, 'dcs-map-ready');
    const map = el.map!;
    await idle(map);
    const streets = map.queryRenderedFeatures({ layers: ['road-labels'] }).map((f) => String(f.properties.name));
    expect(streets.length).to.be.greaterThan(0);
    const accented = streets.find((n) => /[^ -~]/.test(n));
    expect(accented, streets.join(', ')).to.be.a('string');
    expect(accented!.normalize('NFC')).to.equal(accented);
    // Each letter of that name, marks and all, was rasterised locally into a non-empty glyph.
    const entries = Object.values((map as unknown as Internals).style.glyphManager.entries);
    const glyph = (c: string) => entries.map((e) => e.glyphs.default[c]).find(Boolean);
    for (const c of [...accented!].filter((ch) => ch.trim())) {
      const g = glyph(c);
      expect(g, c).to.not.equal(undefined);
      expect(g!.bitmap.width, c).to.be.greaterThan(0);
      expect(
        g!.bitmap.data.some((v) => v > 0),
        c,
      ).to.equal(true);
    }
    map.jumpTo({ zoom: 11 });
    await idle(map);
    const wards = map.queryRenderedFeatures({ layers: ['ward-labels'] }).map((f) => String(f.properties.name));
    expect(
      wards.some((n) => /^(Phường|Xã|Đặc khu) /.test(n)),
      wards.join(', '),
    ).to.equal(true);
    const foreign = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name, location.href))
      .filter((u) => /^https?:$/.test(u.protocol) && u.origin !== location.origin);
    expect(foreign.map(String)).to.deep.equal([]);
    expect(performance.getEntriesByType('resource').some((e) => /\.pbf(\?|$)|fontstack|glyphs/i.test(e.name))).to.equal(false);
  });

  it('zooms with its buttons (mouse and keyboard) and says the new level, in vi and en', async () => {
    const el = await fixture<DcsMiniMap>(html`<dcs-mini-map zoom="15"></dcs-mini-map>`);
    await oneEvent(el, 'dcs-map-ready');
    const zoomIn = part(el, 'zoom-in')!;
    const zoomOut = part(el, 'zoom-out')!;
    expect(zoomIn.getAttribute('aria-label')).to.equal('Phóng to');
    expect(zoomOut.getAttribute('aria-label')).to.equal('Thu nhỏ');
    expect(el.shadowRoot!.querySelector('canvas')!.getAttribute('aria-label')).to.include('Bản đồ');
    zoomIn.click();
    await until(() => Math.abs(el.zoom - 16) < 1e-6);
    expect(el.map!.getZoom()).to.be.closeTo(16, 1e-6);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.include('Mức thu phóng 16');
    zoomOut.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => Math.abs(el.zoom - 15) < 1e-6);
    (part(el, 'pin') as HTMLElement).focus();
    await sendKeys({ press: '-' });
    await until(() => Math.abs(el.zoom - 14) < 1e-6);
    el.zoom = 20;
    await el.updateComplete;
    await until(() => zoomIn.getAttribute('aria-disabled') === 'true');
    zoomIn.click();
    await new Promise((r) => setTimeout(r, 400));
    expect(el.map!.getZoom()).to.equal(20);
    el.lang = 'en';
    await el.updateComplete;
    expect(zoomIn.getAttribute('aria-label')).to.equal('Zoom in');
    expect(part(el, 'pin')!.getAttribute('aria-label')).to.include('arrow keys');
    expect(part(el, 'attribution')!.textContent).to.include('OpenStreetMap contributors');
    await expect(el).to.be.accessible({ ignoredRules: ['region'] });
  });

  it('follows prefers-color-scheme, and the theme attribute forces one (map paint and controls)', async () => {
    try {
      await emulateMedia({ colorScheme: 'dark' });
      const el = await fixture<DcsMiniMap>(html`<dcs-mini-map></dcs-mini-map>`);
      await oneEvent(el, 'dcs-map-ready');
      const map = el.map!;
      expect(map.getPaintProperty('background', 'background-color')).to.equal('#0f2530');
      expect(map.getPaintProperty('road-labels', 'text-color')).to.equal('#e8eaed');
      expect(part(el, 'base')!.classList.contains('dark')).to.equal(true);
      expect(getComputedStyle(part(el, 'zoom-in')!).backgroundColor).to.equal('rgb(34, 38, 43)');
      await expect(el).to.be.accessible({ ignoredRules: ['region'] });
      el.theme = 'light';
      await el.updateComplete;
      expect(map.getPaintProperty('background', 'background-color')).to.equal('#cfe8f3');
      expect(getComputedStyle(part(el, 'zoom-in')!).backgroundColor).to.equal('rgb(255, 255, 255)');
      await expect(el).to.be.accessible({ ignoredRules: ['region'] });
      el.removeAttribute('theme');
      el.theme = undefined;
      await el.updateComplete;
      expect(map.getPaintProperty('background', 'background-color')).to.equal('#0f2530');
      await emulateMedia({ colorScheme: 'light' });
      await until(() => map.getPaintProperty('background', 'background-color') === '#cfe8f3');
      el.setAttribute('theme', 'dark');
      await el.updateComplete;
      expect(map.getPaintProperty('wards-fill', 'fill-color')).to.equal('#22262b');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('says plainly where the offline map has no street data, and stops saying it back in Nha Trang', async () => {
    // Cam Ranh: ward outlines and names, but no embedded streets.
    const el = await fixture<DcsMiniMap>(html`<dcs-mini-map lat="11.92" lon="109.15"></dcs-mini-map>`);
    await oneEvent(el, 'dcs-map-ready');
    await el.updateComplete;
    const notice = part(el, 'notice');
    expect(notice, 'notice').to.not.equal(null);
    expect(notice!.textContent).to.include('Chưa có dữ liệu đường phố');
    expect(notice!.checkVisibility()).to.equal(true);
    await expect(el).to.be.accessible({ ignoredRules: ['region'] });
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible({ ignoredRules: ['region'] });
    el.lat = 12.2388;
    el.lon = 109.1967;
    await until(() => part(el, 'notice') === null);
    el.lang = 'en';
    el.lat = 11.92;
    el.lon = 109.15;
    await until(() => part(el, 'notice') !== null);
    expect(part(el, 'notice')!.textContent).to.include('No street data here');
  });
});
