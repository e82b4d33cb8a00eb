import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type Client } from '@diachiso/sdk';
import '../dcs-address-autocomplete.js';
import type { DcsAddressAutocomplete } from './address-autocomplete.js';

let offline: Client;
before(async () => {
  offline = await createClient({ mode: 'offline' });
});

const input = (el: DcsAddressAutocomplete) => el.shadowRoot!.querySelector('input')!;
const options = (el: DcsAddressAutocomplete) => [...el.shadowRoot!.querySelectorAll('[role="option"]')] as HTMLElement[];
const status = (el: DcsAddressAutocomplete) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

/** A `fetch` that plays the platform: answers /v1/suggest with the given body after a delay. */
function fakePlatform(answer: (q: string) => { body: unknown; delayMs?: number }): { fetch: typeof fetch; queries: string[] } {
  const queries: string[] = [];
  const f = async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    const q = url.searchParams.get('q') ?? '';
    queries.push(q);
    const { body, delayMs = 0 } = answer(q);
    await new Promise((r) => setTimeout(r, delayMs));
    return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch: f as typeof fetch, queries };
}

async function typeInto(el: DcsAddressAutocomplete, text: string) {
  input(el).focus();
  await sendKeys({ type: text });
}

describe('dcs-address-autocomplete', () => {
  it('is a labelled, collapsed combobox and passes axe', async () => {
    const el = await fixture<DcsAddressAutocomplete>(html`<dcs-address-autocomplete .client=${offline}></dcs-address-autocomplete>`);
    const i = input(el);
    expect(i.getAttribute('role')).to.equal('combobox');
    expect(i.getAttribute('aria-expanded')).to.equal('false');
    expect(i.getAttribute('aria-autocomplete')).to.equal('list');
    expect(el.shadowRoot!.getElementById(i.getAttribute('aria-controls')!)!.getAttribute('role')).to.equal('listbox');
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Địa chỉ');
    await expect(el).to.be.accessible();
  });

  it('suggests 2025 wards and labelled legacy wards from text without diacritics', async () => {
    const el = await fixture<DcsAddressAutocomplete>(
      html`<dcs-address-autocomplete .client=${offline} debounce="0"></dcs-address-autocomplete>`,
    );
    await typeInto(el, 'vinh hai');
    await waitUntil(() => options(el).length > 0, 'no suggestions');
    const labels = options(el).map((o) => o.textContent!.replace(/\s+/g, ' ').trim());
    expect(labels.some((l) => l.includes('Xã Vĩnh Hải, Tỉnh Khánh Hòa'))).to.equal(true);
    expect(labels.some((l) => l.includes('Vĩnh Hải (cũ) → Phường Bắc Nha Trang'))).to.equal(true);
    // matches highlighted in the user's... and the label's own spelling
    const marks = [...options(el)[0]!.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).to.include('Vĩnh');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect(status(el)).to.match(/gợi ý/);
    await expect(el).to.be.accessible();
  });

  it('moves through options with the arrow keys and chooses with Enter', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <dcs-address-autocomplete name="addr" .client=${offline} debounce="0"></dcs-address-autocomplete>
        <input name="ward" data-dcs-field="ward" />
        <input name="prov" autocomplete="address-level1" />
      </form>`,
    );
    const el = form.querySelector('dcs-address-autocomplete')!;
    await typeInto(el, 'bac nha trang');
    await waitUntil(() => options(el).length > 0);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const first = options(el)[0]!;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal(first.id);
    expect(first.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowUp' }); // wraps to the last
    await el.updateComplete;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal(options(el).at(-1)!.id);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal(first.id);
    const picked = oneEvent(el, 'dcs-select');
    await sendKeys({ press: 'Enter' });
    const ev = await picked;
    expect(ev.detail.suggestion.id).to.equal('ward:22333');
    expect(el.value).to.equal('ward:22333');
    expect(input(el).value).to.equal('Phường Bắc Nha Trang, Tỉnh Khánh Hòa');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    const data = new FormData(form);
    expect(data.get('addr')).to.equal('ward:22333');
    expect(data.get('addr_text')).to.equal('Phường Bắc Nha Trang, Tỉnh Khánh Hòa');
    expect((form.elements.namedItem('ward') as HTMLInputElement).value).to.equal('Phường Bắc Nha Trang');
    expect((form.elements.namedItem('prov') as HTMLInputElement).value).to.equal('Tỉnh Khánh Hòa');
  });

  it('closes with Escape, then clears with a second Escape', async () => {
    const el = await fixture<DcsAddressAutocomplete>(
      html`<dcs-address-autocomplete .client=${offline} debounce="0"></dcs-address-autocomplete>`,
    );
    await typeInto(el, 'cam ranh');
    await waitUntil(() => options(el).length > 0);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).value).to.equal('cam ranh');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).value).to.equal('');
  });

  it('does not search during IME composition, and searches once when it ends', async () => {
    const p = fakePlatform((q) => ({ body: { suggestions: [{ id: 'ward:1', kind: 'ward', label: `kết quả ${q}` }] } }));
    const client = await createClient({ mode: 'online', baseUrl: 'https://platform.test', fetch: p.fetch, retry: false });
    const el = await fixture<DcsAddressAutocomplete>(
      html`<dcs-address-autocomplete .client=${client} debounce="0"></dcs-address-autocomplete>`,
    );
    const i = input(el);
    i.focus();
    // Telex: "hoaf" becomes "hoà" through composition; intermediate states must not be searched.
    i.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
    for (const v of ['h', 'ho', 'hoa', 'hoà']) {
      i.value = v;
      i.dispatchEvent(new InputEvent('input', { data: v, isComposing: true, bubbles: true, composed: true }));
    }
    await new Promise((r) => setTimeout(r, 60));
    expect(p.queries).to.deep.equal([]);
    i.dispatchEvent(new CompositionEvent('compositionend', { data: 'hoà' }));
    await waitUntil(() => options(el).length > 0);
    expect(p.queries).to.deep.equal(['hoà']);
  });

  it('never lets a slow, older response replace a newer one', async () => {
    const p = fakePlatform((q) => ({
      body: { suggestions: [{ id: `ward:${q.length}`, kind: 'ward', label: `kết quả cho ${q}` }] },
      delayMs: q === 'nha' ? 400 : 10,
    }));
    const client = await createClient({ mode: 'online', baseUrl: 'https://platform.test', fetch: p.fetch, retry: false });
    const el = await fixture<DcsAddressAutocomplete>(
      html`<dcs-address-autocomplete .client=${client} debounce="0"></dcs-address-autocomplete>`,
    );
    await typeInto(el, 'nha');
    await waitUntil(() => p.queries.includes('nha'));
    await sendKeys({ type: ' trang' });
    await waitUntil(() => options(el).length > 0);
    await new Promise((r) => setTimeout(r, 500)); // the slow "nha" answer has arrived by now
    expect(options(el).map((o) => o.textContent!.trim())).to.deep.equal(['kết quả cho nha trang']);
  });

  it('renders hostile strings from the network as inert text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const p = fakePlatform(() => ({
      body: {
        suggestions: [
          {
            id: 'x',
            kind: 'ward',
            label: evil,
            description: '<b onmouseover=alert(1)>x</b>',
            matches: [
              [0, 4],
              [2, 1],
              [-1, 999],
            ],
          },
          { id: 'y', kind: 'not-a-kind', label: 'dropped' },
          { id: 'z', kind: 'ward', label: 'javascript:alert(1)' },
        ],
      },
    }));
    const client = await createClient({ mode: 'online', baseUrl: 'https://platform.test', fetch: p.fetch, retry: false });
    const el = await fixture<DcsAddressAutocomplete>(
      html`<dcs-address-autocomplete .client=${client} debounce="0"></dcs-address-autocomplete>`,
    );
    await typeInto(el, 'abc');
    await waitUntil(() => options(el).length > 0);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('img, script, b, a').length).to.equal(0);
    expect(options(el)).to.have.length(2);
    expect(options(el)[0]!.textContent).to.include('<img src=x');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows an error state and fires dcs-error when the platform fails', async () => {
    const failing = (async () => new Response('{"title":"boom"}', { status: 500 })) as typeof fetch;
    const client = await createClient({ mode: 'online', baseUrl: 'https://platform.test', fetch: failing, retry: false });
    const el = await fixture<DcsAddressAutocomplete>(
      html`<dcs-address-autocomplete .client=${client} debounce="0" lang="en"></dcs-address-autocomplete>`,
    );
    const err = oneEvent(el, 'dcs-error');
    await typeInto(el, 'abc');
    const e = await err;
    expect(e.detail.code).to.equal('server');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="message"]')!.textContent).to.match(/Could not load suggestions/);
    expect(input(el).value).to.equal('abc'); // what the user typed is kept
    await expect(el).to.be.accessible();
  });

  it('is a form control: required validity, reset, and English messages', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form lang="en">
        <dcs-address-autocomplete name="addr" required .client=${offline} debounce="0"></dcs-address-autocomplete>
      </form>`,
    );
    const el = form.querySelector('dcs-address-autocomplete')!;
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('Please enter an address.');
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.equal('Address');
    await typeInto(el, 'nha trang');
    expect(el.checkValidity()).to.equal(true);
    form.reset();
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    expect(el.value).to.equal('');
    expect(el.checkValidity()).to.equal(false);
  });

  it('can require a choice from the list', async () => {
    const el = await fixture<DcsAddressAutocomplete>(
      html`<dcs-address-autocomplete name="a" require-selection .client=${offline} debounce="0"></dcs-address-autocomplete>`,
    );
    await typeInto(el, 'truong sa');
    await waitUntil(() => options(el).length > 0);
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.match(/chọn một địa chỉ/);
    options(el)[0]!.click();
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
    expect(el.selected?.ward?.name).to.equal('Đặc khu Trường Sa');
  });
});
