import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../dcs-code-badge.js';
import '../dcs-code-plate.js';
import type { DcsCodeBadge } from './code-badge.js';
import type { DcsCodePlate } from '../code-plate/code-plate.js';

describe('dcs-code-badge', () => {
  it('shows the code in display form, copies it and announces it, and passes axe', async () => {
    const el = await fixture<DcsCodeBadge>(html`<dcs-code-badge code="22366 65ww848"></dcs-code-badge>`);
    expect(el.shadowRoot!.querySelector('[part="code"]')!.textContent).to.equal('22366-65WW+848');
    await expect(el).to.be.accessible();
    const copied = oneEvent(el, 'dcs-copy');
    (el.shadowRoot!.querySelector('[part="copy-button"]') as HTMLButtonElement).click();
    const ev = await copied;
    expect(ev.detail.code).to.equal('22366-65WW+848');
    expect(await navigator.clipboard.readText()).to.equal('22366-65WW+848');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Đã sao chép mã vị trí');
    expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('Mã vị trí');
  });

  it('labels a national address code as such, and its QR code opens the platform’s public map', async () => {
    const el = await fixture<DcsCodeBadge>(html`<dcs-code-badge code="57133 00001" qr></dcs-code-badge>`);
    expect(el.shadowRoot!.querySelector('[part="code"]')!.textContent).to.equal('5713300001');
    expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('Mã địa chỉ số');
    await waitUntil(() => el.shadowRoot!.querySelector('svg[part="qr"]'), 'the QR encoder loads on demand');
    const svg = el.shadowRoot!.querySelector('svg[part="qr"]')!;
    expect(svg.getAttribute('aria-label')).to.equal('Mã QR của mã địa chỉ số 5713300001');
    // Version 3 (29 modules) holds the 40-character map URL at level M; the 10 digits alone fit in 21.
    expect(Number(svg.getAttribute('data-modules'))).to.be.greaterThan(21);
    await expect(el).to.be.accessible();
    el.lang = 'en';
    el.code = '7p4f65ww+848';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('Plus Code');
    expect(el.shadowRoot!.querySelector('[part="code"]')!.textContent).to.equal('7P4F65WW+848');
  });

  it('says so when copying is impossible (no clipboard, no selection copy)', async () => {
    const el = await fixture<DcsCodeBadge>(html`<dcs-code-badge code="22366-65WW+848" lang="en"></dcs-code-badge>`);
    const realWrite = navigator.clipboard.writeText;
    const realExec = document.execCommand;
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    document.execCommand = () => false;
    try {
      expect(await el.copy()).to.equal(false);
    } finally {
      navigator.clipboard.writeText = realWrite;
      document.execCommand = realExec;
    }
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.match(/Could not copy/);
  });

  it('renders a QR code as SVG built from modules, and an http(s) map link only', async () => {
    const el = await fixture<DcsCodeBadge>(
      html`<dcs-code-badge lang="en" code="22366-65WW+848" qr map-href="https://maps.example/?q={code}"></dcs-code-badge>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('svg[part="qr"]'), 'the QR encoder loads on demand');
    const svg = el.shadowRoot!.querySelector('svg[part="qr"]')!;
    expect(Number(svg.getAttribute('data-modules'))).to.be.greaterThan(20);
    expect(svg.getAttribute('aria-label')).to.equal('QR code of location code 22366-65WW+848');
    expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('https://maps.example/?q=22366-65WW%2B848');
    el.mapHref = 'javascript:alert(1)';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows hostile text as text', async () => {
    const el = await fixture<DcsCodeBadge>(html`<dcs-code-badge code="<img src=x onerror=alert(1)>"></dcs-code-badge>`);
    expect(el.shadowRoot!.querySelectorAll('img').length).to.equal(0);
    expect(el.shadowRoot!.querySelector('[part="code"]')!.textContent).to.equal('<img src=x onerror=alert(1)>');
  });
});

describe('dcs-code-plate', () => {
  it('prints the national address code first with its QR code, then the location code and Plus Code', async () => {
    const el = await fixture<DcsCodePlate>(
      html`<dcs-code-plate
        code="5713300001"
        address="12 Trần Phú|Phường Nha Trang, Tỉnh Khánh Hòa"
        location-code="22366 65ww848"
        plus-code="7P4F65WW+848"
      ></dcs-code-plate>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('[part="title"]')!.textContent).to.equal('BIỂN MÃ ĐỊA CHỈ SỐ');
    expect(root.querySelector('[part="code"]')!.textContent).to.equal('5713300001');
    expect(root.querySelector('[part="secondary"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Mã vị trí: 22366-65WW+848Plus Code: 7P4F65WW+848',
    );
    expect(root.querySelector('svg[part="qr"]')!.getAttribute('aria-label')).to.equal('Mã QR của mã địa chỉ số 5713300001');
    await expect(el).to.be.accessible();
    el.lang = 'en';
    await el.updateComplete;
    expect(root.querySelector('[part="title"]')!.textContent).to.equal('NATIONAL ADDRESS CODE');
  });

  it('prints a location code given as the code (plates before 0.2) under its own name', async () => {
    const el = await fixture<DcsCodePlate>(
      html`<dcs-code-plate
        code="22366-65WW+848"
        address="12 Trần Phú|Phường Nha Trang, Tỉnh Khánh Hòa"
        qr-content="https://diachiso.vn/c/22366-65WW%2B848"
      ></dcs-code-plate>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('[part="code"]')!.textContent).to.equal('22366-65WW+848');
    expect(root.querySelector('[part="address"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      '12 Trần PhúPhường Nha Trang, Tỉnh Khánh Hòa',
    );
    expect(root.querySelectorAll('[part="address"] br').length).to.equal(1);
    expect(root.querySelector('svg[part="qr"] path')!.getAttribute('d')!.length).to.be.greaterThan(100);
    await expect(el).to.be.accessible();
  });

  it('never draws a QR code for a non-web scheme given as qr-content (javascript:, data:)', async () => {
    const plain = await fixture<DcsCodePlate>(html`<dcs-code-plate code="5713300001"></dcs-code-plate>`);
    const d = plain.shadowRoot!.querySelector('svg[part="qr"] path')!.getAttribute('d');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>']) {
      const el = await fixture<DcsCodePlate>(html`<dcs-code-plate code="5713300001" qr-content=${bad}></dcs-code-plate>`);
      expect(el.shadowRoot!.querySelector('svg[part="qr"] path')!.getAttribute('d'), bad).to.equal(d);
    }
    const web = await fixture<DcsCodePlate>(html`<dcs-code-plate code="5713300001" qr-content="https://example.vn/a"></dcs-code-plate>`);
    expect(web.shadowRoot!.querySelector('svg[part="qr"] path')!.getAttribute('d')).not.to.equal(d);
  });
});
