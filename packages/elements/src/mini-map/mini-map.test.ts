import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../dcs-mini-map.js';
import type { DcsMiniMap } from './mini-map.js';

describe('dcs-mini-map', () => {
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
      expect(el.zoom).to.equal(0);
      await oneEvent(el, 'dcs-map-ready');
      el.lat = Number.NaN;
      el.zoom = Infinity;
      await el.updateComplete;
      expect(el.lat).to.equal(12.2388);
      expect(el.zoom).to.equal(0);
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
