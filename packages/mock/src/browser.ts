import { setupWorker } from 'msw/browser';
import type { RegistrationSnapshot } from '@diachiso/core';
import { createHandlers, type MockOptions } from './handlers.js';

/** Options of {@link startMockPlatform}. */
export interface BrowserMockOptions extends MockOptions {
  /** URL of msw's `mockServiceWorker.js` (default `/mockServiceWorker.js`). */
  serviceWorkerUrl?: string;
  /** Log intercepted requests to the console (default false). */
  verbose?: boolean;
}

/**
 * Starts the mock platform in the page with a service worker, so that `fetch` calls to the
 * platform API are answered from the embedded dataset. Other requests pass through.
 *
 * @param opts - Mount point (e.g. `/api`), service worker URL, latency.
 * @returns A function that stops the mock.
 * @example
 * ```ts
 * await startMockPlatform({ baseUrl: '/api', serviceWorkerUrl: '/examples/mockServiceWorker.js' });
 * ```
 */
export async function startMockPlatform(opts: BrowserMockOptions = {}): Promise<() => void> {
  const worker = setupWorker(...createHandlers({ ...opts, registrations: opts.registrations ?? savedRegistrations() }));
  await worker.start({
    serviceWorker: { url: opts.serviceWorkerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: !opts.verbose,
  });
  return () => worker.stop();
}
export { createHandlers, type MockOptions } from './handlers.js';

const KEY = 'diachiso-mock-registrations';

/**
 * Keeps the mock platform's registrations in `localStorage`, so that a reload of a demo page
 * continues the national address code serials instead of issuing them again (nothing is kept
 * where storage is unavailable).
 */
function savedRegistrations(): NonNullable<MockOptions['registrations']> {
  try {
    const text = globalThis.localStorage?.getItem(KEY);
    const snapshot = text ? (JSON.parse(text) as RegistrationSnapshot) : undefined;
    return {
      ...(snapshot ? { snapshot } : {}),
      onChange: (s) => {
        try {
          localStorage.setItem(KEY, JSON.stringify(s));
        } catch {
          /* full or blocked: the demo goes on in memory */
        }
      },
    };
  } catch {
    return {};
  }
}
