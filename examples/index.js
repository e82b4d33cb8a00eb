// The demo page: start the mock platform (service worker), then the elements.
import { startMockPlatform } from '../packages/mock/dist/browser/mock.js';
import { createClient } from '../packages/elements/dist/browser/diachiso.js';

// No server behind the demo: its forms are handled here, never submitted natively (nothing in a URL).
document.getElementById('demo-form').addEventListener('submit', (e) => e.preventDefault());
let ready;
const client = new Promise((r) => (ready = r)).then(() => createClient({ mode: 'online', baseUrl: '/api' }));
document.getElementById('reverse-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  const r = document.getElementById('reverse-out');
  try {
    const res = await (await client).reverse({ lat: Number(f.get('lat')), lon: Number(f.get('lon')) });
    r.textContent = res ? JSON.stringify(res, null, 2) : 'Ngoài vùng dữ liệu (chỉ có ranh giới Khánh Hòa).';
  } catch (err) {
    r.textContent = err.message;
  }
});
for (const el of document.querySelectorAll('[data-until-ready]')) el.disabled = false;

const status = document.getElementById('platform-status');
try {
  await startMockPlatform({ baseUrl: '/api', serviceWorkerUrl: new URL('./mockServiceWorker.js', import.meta.url).pathname });
  status.textContent = 'Nền tảng giả lập đã sẵn sàng (/api/v1, dữ liệu nhúng).';
  document.documentElement.dataset.mock = 'ready';
} catch (e) {
  status.textContent = `Không khởi động được nền tảng giả lập: ${e.message}`;
}
ready();

const out = document.getElementById('selected');
document.getElementById('ac').addEventListener('dcs-select', (e) => {
  out.textContent = JSON.stringify(e.detail.suggestion, null, 2);
});
