// Hostile strings in every element attribute and every string field of a platform answer are
// rendered as inert text: no element or attribute is created from the data, nothing runs, and
// the API key never leaves its header.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@diachiso/sdk';
import { hostileCorpus } from '../../../core/test/hostile-corpus.js';
import '../dcs-address-autocomplete.js';
import '../dcs-code-badge.js';
import '../dcs-code-plate.js';
import '../dcs-verify-dialog.js';

const corpus = hostileCorpus().filter((s) => s.length < 5000);
const BAD_TAGS =
  'script, img, iframe, object, embed, svg:not([part="qr"]), style:not([data-lit]), a:not([part="map-link"]), form, base, meta, video, input:not([part="input"]):not([type="radio"]), template';

function assertInert(root: ShadowRoot) {
  expect(root.querySelectorAll(BAD_TAGS).length, 'no element from the data').to.equal(0);
  for (const el of root.querySelectorAll('*'))
    for (const a of el.getAttributeNames()) expect(/^on/i.test(a), `attribute ${a}`).to.equal(false);
  expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
}

describe('hostile strings', () => {
  it('in the attributes of the badge, plate and autocomplete', async () => {
    for (const s of corpus.slice(0, 120)) {
      const wrap = await fixture<HTMLDivElement>(
        html`<div>
          <dcs-code-badge .code=${s} map-href=${s} qr></dcs-code-badge>
          <dcs-code-plate .code=${s} .address=${s} .qrContent=${s}></dcs-code-plate>
          <dcs-address-autocomplete .label=${s} .placeholder=${s} .name=${s} .lang=${s} .province=${s}></dcs-address-autocomplete>
        </div>`,
      );
      for (const el of wrap.children) {
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        assertInert(el.shadowRoot!);
      }
    }
  });

  it('in every string field of the platform’s answers, and the key stays in its header', async () => {
    const urls: string[] = [];
    let i = 0;
    const evilFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      urls.push(String(input));
      expect(new Headers(init?.headers).get('X-API-Key')).to.equal('secret-key-123');
      const s = corpus[i++ % corpus.length]!;
      const unit = { code: '22333', name: s };
      const body = {
        suggestions: [
          {
            id: s,
            kind: 'ward',
            label: s,
            description: s,
            ward: unit,
            province: unit,
            legacy: { ward: unit, province: unit, split: false, citation: { document: s, article: 1, clause: 1, text: s } },
            category: s,
            matches: [[0, 3]],
          },
        ],
      };
      return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    const client = await createClient({
      mode: 'online',
      baseUrl: 'https://platform.test',
      apiKey: 'secret-key-123',
      fetch: evilFetch,
      retry: false,
    });
    const el = await fixture(html`<dcs-address-autocomplete .client=${client} debounce="0"></dcs-address-autocomplete>`);
    const input = el.shadowRoot!.querySelector('input')!;
    input.focus();
    await sendKeys({ type: 'a' }); // below the minimum length: no search yet
    for (let k = 0; k < 40; k++) {
      await sendKeys({ type: 'a' });
      await waitUntil(
        () => el.shadowRoot!.querySelectorAll('[role="option"]').length > 0 || el.shadowRoot!.querySelector('[part="message"]'),
      );
      assertInert(el.shadowRoot!);
    }
    expect(urls.length).to.be.greaterThan(10);
    for (const u of urls) expect(u.includes('secret-key-123'), u).to.equal(false);
  });

  it('in a verification shown by the dialog', async () => {
    const dlg = await fixture(html`<dcs-verify-dialog></dcs-verify-dialog>`);
    for (const s of corpus.slice(0, 60)) {
      const unit = { code: '22333', name: s };
      const p = (dlg as unknown as { open(r: unknown): Promise<unknown> }).open({
        status: 'corrected',
        input: s,
        address: { ward: unit, province: unit, formatted: s, formattedEn: s, street: s },
        findings: [
          {
            component: 'ward',
            kind: 'legacy-unit',
            vi: s,
            en: s,
            from: s,
            to: s,
            start: 0,
            end: 2,
            citation: { document: s, article: 1, clause: 2, text: s },
          },
        ],
        candidates: [{ ward: unit, province: unit, era: 'legacy', confidence: 1 }],
      });
      await (dlg as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      assertInert(dlg.shadowRoot!);
      (dlg as unknown as { close(c: string): void }).close('cancel');
      await p;
    }
  });
});
