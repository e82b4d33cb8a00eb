// Shared by the examples: start the mock platform in this page (a service worker answering
// /api/v1/… from the embedded dataset), then hand out the page's one client: the one the
// page's <dcs-platform> provides to every element inside it.
import { startMockPlatform } from '../../packages/mock/dist/browser/mock.js';
import { createClient } from '../../packages/elements/dist/browser/diachiso.js';

export const platform = (async () => {
  let client;
  let mode = 'auto';
  try {
    await startMockPlatform({ baseUrl: '/api', serviceWorkerUrl: new URL('../mockServiceWorker.js', import.meta.url).pathname });
    document.documentElement.dataset.mock = 'ready';
  } catch {
    // No service worker (private window, file://): nothing answers /api on this static server, so
    // the page's elements work offline on the embedded dataset.
    document.documentElement.dataset.mock = 'unavailable';
    mode = 'offline';
  }
  const provider = document.querySelector('dcs-platform');
  if (provider) {
    await customElements.whenDefined('dcs-platform');
    provider.mode = mode;
    client = await provider.getClient();
  } else {
    client = await createClient({ mode, baseUrl: '/api', locale: document.documentElement.lang === 'en' ? 'en' : 'vi' });
    for (const el of document.querySelectorAll('dcs-address-autocomplete, dcs-verify-dialog, dcs-mini-map')) el.client = client;
  }
  // Forms are disabled in the markup until the page's script can handle them: nothing is ever
  // submitted natively, so no personal data can land in a URL or a server log.
  for (const el of document.querySelectorAll('[data-until-ready]')) el.disabled = false;
  document.documentElement.dataset.platform = 'ready';
  return client;
})();
