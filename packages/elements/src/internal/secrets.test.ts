// The API key never appears in console output, error messages, events or the rendered page,
// whatever the platform answers (401, 422 echoing the key, 429, 500, malformed JSON, network failure, timeout).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@diachiso/sdk';
import '../dcs-address-autocomplete.js';

const KEY = 'sk-live-7f3c9b1e2d4a';

function safeJson(v: unknown): string {
  const seen = new WeakSet();
  try {
    return JSON.stringify(v, (_k, x: unknown) => {
      if (x instanceof Error) return { name: x.name, message: x.message, stack: x.stack, cause: safeJson(x.cause) };
      if (typeof x === 'object' && x !== null) {
        if (x instanceof Node) return `<${x.nodeName}>`;
        if (seen.has(x)) return '[cycle]';
        seen.add(x);
      }
      return x;
    });
  } catch (e) {
    return String(e);
  }
}

describe('the API key', () => {
  const logged: string[] = [];
  const events: string[] = [];
  const saved: Partial<Record<'log' | 'info' | 'warn' | 'error' | 'debug', (...a: unknown[]) => void>> = {};
  const origDispatch = EventTarget.prototype.dispatchEvent;
  const onError = (e: ErrorEvent | PromiseRejectionEvent) => logged.push(safeJson('reason' in e ? e.reason : (e.error ?? e.message)));

  before(() => {
    for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      saved[m] = console[m];
      console[m] = (...a: unknown[]) => {
        logged.push(a.map(safeJson).join(' '));
        saved[m]!.apply(console, a);
      };
    }
    EventTarget.prototype.dispatchEvent = function (this: EventTarget, ev: Event) {
      events.push(`${ev.type} ${safeJson((ev as CustomEvent).detail)}`);
      return origDispatch.call(this, ev);
    };
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
  });
  after(() => {
    for (const m of Object.keys(saved) as (keyof typeof saved)[]) console[m] = saved[m]!;
    EventTarget.prototype.dispatchEvent = origDispatch;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
  });

  it('is not in logs, errors, events or the page, whatever the platform answers', async () => {
    const answers: (() => Promise<Response>)[] = [
      async () => new Response(JSON.stringify({ title: `bad key ${KEY}`, detail: `X-API-Key: ${KEY}` }), { status: 401 }),
      async () =>
        new Response(
          JSON.stringify({ title: 'invalid', detail: `query rejected for key ${KEY}`, issues: [{ field: 'q', message: KEY }] }),
          {
            status: 422,
            headers: { 'Content-Type': 'application/problem+json' },
          },
        ),
      async () => new Response('{"title":"slow down"}', { status: 429, headers: { 'Retry-After': '0' } }),
      async () => new Response(`<html>upstream error, key=${KEY}</html>`, { status: 500 }),
      async () => new Response('{"suggestions": [', { headers: { 'Content-Type': 'application/json' } }),
      async () => {
        throw new TypeError(`Failed to fetch`);
      },
      () => new Promise<Response>(() => {}), // never answers: the client's timeout fires
    ];
    let n = 0;
    const urls: string[] = [];
    const fetchImpl = ((input: RequestInfo | URL, init?: RequestInit) => {
      urls.push(String(input));
      expect(new Headers(init?.headers).get('X-API-Key')).to.equal(KEY);
      return answers[n++ % answers.length]!();
    }) as typeof fetch;
    const client = await createClient({
      mode: 'online',
      baseUrl: 'https://platform.test',
      apiKey: KEY,
      fetch: fetchImpl,
      retry: false,
      timeoutMs: 200,
    });

    // Direct SDK calls: every failure is a typed error without the key.
    const errors: unknown[] = [];
    for (let k = 0; k < answers.length; k++) {
      try {
        await client.suggest(`query ${k}`);
        errors.push('resolved');
      } catch (e) {
        errors.push(e);
      }
    }
    expect(errors.length).to.equal(answers.length);
    for (const e of errors) {
      expect(e instanceof Error, safeJson(e)).to.equal(true);
      expect((e as { code?: string }).code, safeJson(e)).to.be.a('string');
    }
    for (const e of errors) expect(safeJson(e).includes(KEY), safeJson(e)).to.equal(false);

    // Through the element: the failures are shown and announced, the key is not.
    const el = await fixture(html`<dcs-address-autocomplete .client=${client} debounce="0"></dcs-address-autocomplete>`);
    const input = el.shadowRoot!.querySelector('input')!;
    input.focus();
    await sendKeys({ type: 'vi' });
    for (let k = 0; k < answers.length; k++) {
      await sendKeys({ type: 'n' });
      await waitUntil(() => el.shadowRoot!.querySelector('[part="message"]'), 'a message is shown', { timeout: 3000 });
      await new Promise((r) => setTimeout(r, 250));
    }
    const page = el.shadowRoot!.innerHTML + document.body.innerHTML;
    expect(page.includes(KEY)).to.equal(false);

    expect(urls.length).to.be.greaterThanOrEqual(answers.length * 2);
    for (const u of urls) expect(u.includes(KEY), u).to.equal(false);
    for (const line of logged) expect(line.includes(KEY), line).to.equal(false);
    expect(events.length).to.be.greaterThan(0);
    for (const line of events) expect(line.includes(KEY), line).to.equal(false);
  });
});
