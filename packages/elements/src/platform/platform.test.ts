// One client per page: a <dcs-platform> provides one to everything inside it; without one, the
// elements share the page's client; `.client` still overrides.
import { expect, fixture, html } from '@open-wc/testing';
import { createClient } from '@diachiso/sdk';
import '../define.js';
import type { DcsAddressAutocomplete } from '../address-autocomplete/address-autocomplete.js';
import type { DcsMiniMap } from '../mini-map/mini-map.js';
import type { DcsVerifyDialog } from '../verify-dialog/verify-dialog.js';
import type { DcsPlatform } from './platform.js';
import { sharedClientsMade } from '../internal/shared-client.js';

type WithClient = HTMLElement & { getClient(): Promise<unknown> };

describe('dcs-platform and the shared client', () => {
  it('a page with three elements and no provider makes one client', async () => {
    const before = sharedClientsMade();
    const root = await fixture<HTMLDivElement>(
      html`<div>
        <dcs-address-autocomplete></dcs-address-autocomplete>
        <dcs-verify-dialog></dcs-verify-dialog>
        <dcs-mini-map hidden></dcs-mini-map>
      </div>`,
    );
    const els = [...root.children] as WithClient[];
    const clients = await Promise.all(els.map((e) => e.getClient()));
    expect(clients[0]).to.equal(clients[1]);
    expect(clients[1]).to.equal(clients[2]);
    expect(sharedClientsMade() - before).to.be.at.most(1);
    const again = await fixture<HTMLElement>(html`<dcs-verify-dialog></dcs-verify-dialog>`);
    expect(await (again as WithClient).getClient()).to.equal(clients[0]);
  });

  it('provides its own client to everything inside it; .client overrides', async () => {
    const own = await createClient({ mode: 'offline' });
    const root = await fixture<DcsPlatform>(
      html`<dcs-platform mode="offline">
        <section>
          <dcs-address-autocomplete></dcs-address-autocomplete>
          <dcs-verify-dialog></dcs-verify-dialog>
        </section>
        <dcs-mini-map hidden .client=${own}></dcs-mini-map>
      </dcs-platform>`,
    );
    const provided = await root.getClient();
    const ac = root.querySelector<DcsAddressAutocomplete>('dcs-address-autocomplete')!;
    const dlg = root.querySelector<DcsVerifyDialog>('dcs-verify-dialog')!;
    const map = root.querySelector<DcsMiniMap>('dcs-mini-map')!;
    expect(await ac.getClient()).to.equal(provided);
    expect(await dlg.getClient()).to.equal(provided);
    expect(await map.getClient()).to.equal(own);
    const outside = await fixture<DcsVerifyDialog>(html`<dcs-verify-dialog></dcs-verify-dialog>`);
    expect(await outside.getClient()).to.not.equal(provided);
  });

  it('reaches elements that asked before the provider was defined', async () => {
    const tag = `dcs-platform-late-${Math.random().toString(36).slice(2, 8)}`;
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    root.innerHTML = `<${tag} mode="offline"><dcs-verify-dialog></dcs-verify-dialog></${tag}>`;
    const { DcsPlatform } = await import('./platform.js');
    customElements.define(tag, class extends DcsPlatform {});
    const p = root.firstElementChild as DcsPlatform;
    await p.updateComplete;
    const dlg = root.querySelector<DcsVerifyDialog>('dcs-verify-dialog')!;
    expect(await dlg.getClient()).to.equal(await p.getClient());
  });

  it('reads api-key once and removes it from the DOM; the key cannot be read back', async () => {
    const root = await fixture<DcsPlatform>(
      html`<dcs-platform mode="online" base-url="https://platform.test" api-key="sk-secret-123"></dcs-platform>`,
    );
    expect(root.hasAttribute('api-key')).to.equal(false);
    expect(root.outerHTML).to.not.include('sk-secret');
    expect(root.apiKey).to.equal(undefined);
    const ac = await fixture<DcsAddressAutocomplete>(html`<dcs-address-autocomplete api-key="sk-secret-456"></dcs-address-autocomplete>`);
    expect(ac.hasAttribute('api-key')).to.equal(false);
    expect(ac.apiKey).to.equal(undefined);
  });

  it('every element honours hidden', async () => {
    const root = await fixture<HTMLDivElement>(
      html`<div>
        <dcs-platform hidden></dcs-platform>
        <dcs-address-autocomplete hidden></dcs-address-autocomplete>
        <dcs-verify-dialog hidden></dcs-verify-dialog>
        <dcs-mini-map hidden></dcs-mini-map>
        <dcs-code-badge hidden code="22333-9C3F+8W4"></dcs-code-badge>
        <dcs-code-plate hidden code="22333-9C3F+8W4"></dcs-code-plate>
      </div>`,
    );
    for (const el of root.children) {
      await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
      expect(getComputedStyle(el).display, el.localName).to.equal('none');
    }
  });
});
