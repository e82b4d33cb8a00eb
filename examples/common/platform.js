// Shared by the examples: start the mock platform in this page (service worker answering
// /api/v1/… from the embedded dataset) and make one client for every element.
import { startMockPlatform } from '../../packages/mock/dist/browser/mock.js';
import { createClient } from '../../packages/elements/dist/browser/diachiso.js';

export const platform = (async () => {
  await startMockPlatform({ baseUrl: '/api', serviceWorkerUrl: new URL('../mockServiceWorker.js', import.meta.url).pathname });
  const client = await createClient({ mode: 'auto', baseUrl: '/api', locale: document.documentElement.lang === 'en' ? 'en' : 'vi' });
  for (const el of document.querySelectorAll('dcs-address-autocomplete, dcs-verify-dialog, dcs-mini-map')) el.client = client;
  document.documentElement.dataset.platform = 'ready';
  return client;
})();
