// When the autocomplete starts its client (idle after load, or focus) and how long it waits after
// a keystroke (no debounce when the answers are local).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type Client } from '@diachiso/sdk';
import '../dcs-address-autocomplete.js';
import { sharedClientsMade } from '../internal/shared-client.js';
import type { DcsAddressAutocomplete } from './address-autocomplete.js';

const input = (el: DcsAddressAutocomplete) => el.shadowRoot!.querySelector('input')!;
const options = (el: DcsAddressAutocomplete) => [...el.shadowRoot!.querySelectorAll('[role="option"]')];
const idle = () => new Promise((r) => requestIdleCallback(() => setTimeout(r, 50), { timeout: 3000 }));

/** Wraps a client so that the queries it is asked are recorded. */
function recording(client: Client): { client: Client; queries: string[] } {
  const queries: string[] = [];
  return { client: { ...client, suggest: (q, o) => (queries.push(q), client.suggest(q, o)) }, queries };
}

/** A platform that answers every query with one ward. */
const platformFetch = (async () =>
  new Response(JSON.stringify({ suggestions: [{ id: 'ward:1', kind: 'ward', label: 'Phường Nha Trang' }] }), {
    headers: { 'Content-Type': 'application/json' },
  })) as typeof fetch;

describe('dcs-address-autocomplete: start and debounce', () => {
  it('makes its client when the page is idle, before anyone touches the field', async () => {
    const before = sharedClientsMade();
    await fixture(html`<dcs-address-autocomplete mode="online" base-url="https://idle.platform.test"></dcs-address-autocomplete>`);
    await idle();
    await waitUntil(() => sharedClientsMade() === before + 1, 'no client made at idle');
  });

  it('with no-preload, waits for focus', async () => {
    const before = sharedClientsMade();
    const el = await fixture<DcsAddressAutocomplete>(
      html`<dcs-address-autocomplete no-preload mode="online" base-url="https://focus.platform.test"></dcs-address-autocomplete>`,
    );
    await idle();
    expect(sharedClientsMade()).to.equal(before);
    input(el).focus();
    await waitUntil(() => sharedClientsMade() === before + 1, 'no client made on focus');
  });

  it('searches every keystroke at a typing pace when the answers are local (offline client)', async () => {
    const r = recording(await createClient({ mode: 'offline' }));
    const el = await fixture<DcsAddressAutocomplete>(html`<dcs-address-autocomplete .client=${r.client}></dcs-address-autocomplete>`);
    input(el).focus();
    await el.updateComplete;
    await new Promise((res) => setTimeout(res, 0));
    // A person's pace (80 ms a key): each key is searched; 120 ms would wait for the last.
    for (const k of ['vi', 'n', 'h']) {
      await sendKeys({ type: k });
      await new Promise((res) => setTimeout(res, 80));
    }
    await waitUntil(() => options(el).length > 0, 'no suggestions');
    expect(r.queries).to.deep.equal(['vi', 'vin', 'vinh']);
  });

  it('waits for a pause in typing when the answers come from the platform', async () => {
    const r = recording(await createClient({ mode: 'online', baseUrl: 'https://pause.platform.test', fetch: platformFetch, retry: false }));
    const el = await fixture<DcsAddressAutocomplete>(html`<dcs-address-autocomplete .client=${r.client}></dcs-address-autocomplete>`);
    input(el).focus();
    await sendKeys({ type: 'vinh' });
    await waitUntil(() => options(el).length > 0, 'no suggestions');
    expect(r.queries).to.deep.equal(['vinh']);
  });

  it('an explicit debounce wins, offline too', async () => {
    const r = recording(await createClient({ mode: 'offline' }));
    const el = await fixture<DcsAddressAutocomplete>(
      html`<dcs-address-autocomplete .client=${r.client} debounce="150"></dcs-address-autocomplete>`,
    );
    input(el).focus();
    await sendKeys({ type: 'vinh' });
    await waitUntil(() => options(el).length > 0, 'no suggestions');
    expect(r.queries).to.deep.equal(['vinh']);
  });
});
