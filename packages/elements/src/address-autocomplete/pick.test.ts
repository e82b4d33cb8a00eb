// The pick keeps what the user typed, an edit undoes the pick, and the field behaves as a native
// input for Enter; driven with the keyboard on the embedded dataset.
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
const text = (o: Element) => o.textContent!.replace(/\s+/g, ' ').trim();

async function typeInto(el: DcsAddressAutocomplete, t: string) {
  input(el).focus();
  await sendKeys({ type: t });
}

/** Types, waits for the list, and picks the first option whose text matches, with the arrow keys and Enter. */
async function pick(el: DcsAddressAutocomplete, typed: string, match: RegExp) {
  await typeInto(el, typed);
  await new Promise((r) => setTimeout(r, 300)); // the last answer is in
  await waitUntil(() => options(el).some((o) => match.test(text(o))), `no option ${match} for "${typed}"`);
  const i = options(el).findIndex((o) => match.test(text(o)));
  for (let k = 0; k <= i; k++) await sendKeys({ press: 'ArrowDown' });
  const ev = oneEvent(el, 'dcs-select');
  await sendKeys({ press: 'Enter' });
  return ev;
}

async function form() {
  const f = await fixture<HTMLFormElement>(
    html`<form>
      <dcs-address-autocomplete name="address" .client=${offline} debounce="0"></dcs-address-autocomplete>
      <input name="ward" data-dcs-field="ward" />
      <input name="province" autocomplete="address-level1" />
      <input name="lat" data-dcs-field="lat" />
      <button>Gửi</button>
    </form>`,
  );
  f.addEventListener('submit', (e) => e.preventDefault()); // never navigate the test page
  return { f, el: f.querySelector('dcs-address-autocomplete')! };
}

describe('dcs-address-autocomplete: the pick keeps what was typed', () => {
  it('keeps the house number when a street is chosen; the value is the street, the text the whole address', async () => {
    const { f, el } = await form();
    const ev = await pick(el, '12 tran phu', /^Trần Phú, Phường Nha Trang/);
    expect(ev.detail.text).to.equal('12 Trần Phú, Phường Nha Trang, Tỉnh Khánh Hòa');
    expect(el.value).to.match(/^street:/);
    expect(input(el).value).to.equal('12 Trần Phú, Phường Nha Trang, Tỉnh Khánh Hòa');
    const data = new FormData(f);
    expect(data.get('address')).to.equal(el.value);
    expect(data.get('address_text')).to.equal('12 Trần Phú, Phường Nha Trang, Tỉnh Khánh Hòa');
    expect(data.get('ward')).to.equal('Phường Nha Trang');
    await expect(el).to.be.accessible();
  });

  it('keeps the number and street typed without diacritics when a (pre-2025) ward is chosen', async () => {
    const { f, el } = await form();
    const ev = await pick(el, 'so 8 hung vuong loc tho nha trang', /Lộc Thọ \(cũ\) → Phường Nha Trang/);
    expect(ev.detail.text).to.equal('8 hung vuong, Phường Nha Trang, Tỉnh Khánh Hòa');
    expect(el.value).to.equal(ev.detail.suggestion.id);
    expect(new FormData(f).get('address_text')).to.equal('8 hung vuong, Phường Nha Trang, Tỉnh Khánh Hòa');
  });

  it('uses the label as is when the suggestion already carries the house number', async () => {
    const p = async () =>
      new Response(
        JSON.stringify({
          suggestions: [
            {
              id: 'street:tran-phu',
              kind: 'address',
              label: '12 Trần Phú, Phường Nha Trang, Tỉnh Khánh Hòa',
              houseNumber: '12',
              street: 'Trần Phú',
              ward: { code: '22366', name: 'Phường Nha Trang' },
            },
          ],
        }),
        { headers: { 'Content-Type': 'application/json' } },
      );
    const client = await createClient({ mode: 'online', baseUrl: 'https://platform.test', fetch: p as typeof fetch, retry: false });
    const el = await fixture<DcsAddressAutocomplete>(
      html`<dcs-address-autocomplete .client=${client} debounce="0"></dcs-address-autocomplete>`,
    );
    const ev = await pick(el, 'so 12 tran phu', /12 Trần Phú/);
    expect(ev.detail.text).to.equal('12 Trần Phú, Phường Nha Trang, Tỉnh Khánh Hòa');
  });

  it('an edit after the pick undoes it: value and filled fields cleared, dcs-deselect fired; a field the user changed is kept', async () => {
    const { f, el } = await form();
    await pick(el, 'bac nha trang', /^Phường Bắc Nha Trang/);
    const ward = f.elements.namedItem('ward') as HTMLInputElement;
    const province = f.elements.namedItem('province') as HTMLInputElement;
    const lat = f.elements.namedItem('lat') as HTMLInputElement;
    expect(ward.value).to.equal('Phường Bắc Nha Trang');
    expect(lat.value).to.not.equal('');
    province.value = 'Khánh Hòa (sửa tay)'; // the user's own now
    const undone = oneEvent(el, 'dcs-deselect');
    input(el).focus();
    await sendKeys({ press: 'Backspace' });
    const ev = await undone;
    expect(ev.detail.previous.id).to.equal('ward:22333');
    expect(ev.detail.cleared).to.have.members(['ward', 'lat']);
    expect(el.value).to.equal('');
    expect(el.selected).to.equal(undefined);
    expect(ward.value).to.equal('');
    expect(lat.value).to.equal('');
    expect(province.value).to.equal('Khánh Hòa (sửa tay)');
    expect(new FormData(f).get('address')).to.equal('');
  });

  it('an edit through IME composition undoes the pick too', async () => {
    const { el } = await form();
    await pick(el, 'bac nha trang', /^Phường Bắc Nha Trang/);
    const undone = oneEvent(el, 'dcs-deselect');
    const i = input(el);
    i.focus();
    i.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
    i.value = `${i.value} ư`;
    i.dispatchEvent(new InputEvent('input', { data: 'ư', isComposing: true, bubbles: true, composed: true }));
    i.dispatchEvent(new CompositionEvent('compositionend', { data: 'ư' }));
    await undone;
    expect(el.value).to.equal('');
  });
});

describe('dcs-address-autocomplete: as a native input', () => {
  it('Enter with the list closed submits the form; with an option active it picks instead', async () => {
    const { f, el } = await form();
    let submits = 0;
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      submits++;
    });
    await typeInto(el, 'cam ranh');
    await waitUntil(() => options(el).length > 0);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(submits).to.equal(0);
    expect(el.value).to.not.equal('');
    await sendKeys({ press: 'Enter' });
    expect(submits).to.equal(1);
    // Typed text with the list open and nothing active: the first Enter closes the list, the second submits.
    input(el).select();
    await sendKeys({ type: 'nha trang' });
    await waitUntil(() => options(el).length > 0);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(submits).to.equal(1);
    await sendKeys({ press: 'Enter' });
    expect(submits).to.equal(2);
  });

  it('keeps the active option in view in a short list', async () => {
    const el = await fixture<DcsAddressAutocomplete>(
      html`<dcs-address-autocomplete
        .client=${offline}
        debounce="0"
        limit="10"
        style="--listbox-max-height: 5rem"
      ></dcs-address-autocomplete>`,
    );
    await typeInto(el, 'nha trang');
    await waitUntil(() => options(el).length >= 5);
    const n = options(el).length;
    for (let k = 0; k < n; k++) await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    const list = el.shadowRoot!.querySelector('[part="listbox"]')!.getBoundingClientRect();
    const last = options(el).at(-1)!.getBoundingClientRect();
    expect(last.top).to.be.at.least(list.top - 1);
    expect(last.bottom).to.be.at.most(list.bottom + 1);
  });

  it('speaks English in every description with lang="en", legacy ones included', async () => {
    const el = await fixture<DcsAddressAutocomplete>(
      html`<dcs-address-autocomplete .client=${offline} debounce="0" lang="en"></dcs-address-autocomplete>`,
    );
    await typeInto(el, 'p vinh hai nha trang');
    await waitUntil(() => options(el).some((o) => o.getAttribute('part')!.includes('legacy')));
    const legacy = options(el).find((o) => o.getAttribute('part')!.includes('legacy'))!;
    expect(text(legacy)).to.match(/Vĩnh Hải \(former\) → Phường Bắc Nha Trang/);
    expect(legacy.querySelector('[part="description"]')!.textContent).to.match(/before 1 July 2025/);
    for (const o of options(el)) expect(text(o)).to.not.match(/trước|\(cũ\)/);
    await expect(el).to.be.accessible();
  });

  it('shows the OpenStreetMap attribution under the list when it lists OSM streets, not otherwise', async () => {
    const el = await fixture<DcsAddressAutocomplete>(
      html`<dcs-address-autocomplete .client=${offline} debounce="0"></dcs-address-autocomplete>`,
    );
    await typeInto(el, 'tran phu');
    await waitUntil(() => options(el).length > 0);
    const attribution = el.shadowRoot!.querySelector('[part="attribution"]');
    expect(attribution, 'attribution').to.not.equal(null);
    expect(attribution!.textContent).to.match(/OpenStreetMap.*ODbL/);
    await expect(el).to.be.accessible();
  });
});
