import { platform } from '../common/platform.js';

const client = await platform;
const form = document.getElementById('declare');
const map = document.getElementById('map');
let here = { location: { lat: map.lat, lon: map.lon } };
let reg;

map.addEventListener('dcs-move', (e) => {
  here = e.detail;
  document.getElementById('where').textContent = e.detail.ward ? `${e.detail.ward.name}, ${e.detail.province.name}` : 'Ngoài vùng dữ liệu';
});
map.addEventListener('dcs-map-ready', async () => {
  const r = await client.reverse(here.location);
  if (r) here = { ...here, ward: r.ward, province: r.province };
  document.getElementById('where').textContent = r ? `${r.ward.name}, ${r.province.name}` : '';
});

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = form.elements;
  if (!here.ward) return;
  reg = await client.registrations.declare({
    name: f.name.value,
    category: f.category.value,
    houseNumber: f.houseNumber.value,
    street: f.street.value || undefined,
    ward: here.ward,
    province: here.province,
    location: here.location,
    declaredBy: f.declaredBy.value,
    ...(f.phone.value ? { advanced: { phone: f.phone.value } } : {}),
  });
  document.getElementById('status').textContent = reg.status;
  document.getElementById('step2').hidden = false;
});

document.getElementById('create').addEventListener('click', async () => {
  reg = await client.registrations.create(reg.id);
  document.getElementById('status').textContent = reg.status;
  // The national address code first (its QR opens the platform's public map), then the location
  // code and the Plus Code of the point.
  document.getElementById('badge').code = reg.record.code;
  document.getElementById('badge-location').code = reg.record.locationCode ?? '';
  document.getElementById('badge-plus').code = reg.record.plusCode ?? '';
  document.getElementById('step3').hidden = false;
});

async function showNotice() {
  const n = await client.registrations.notice(reg.id, document.getElementById('channel').value, document.getElementById('lang').value);
  document.getElementById('notice').textContent = [n.subject, n.body].filter(Boolean).join('\n\n');
}
document.getElementById('approve').addEventListener('click', async () => {
  reg = await client.registrations.verify(reg.id, 'approve');
  document.getElementById('status').textContent = reg.status;
  const hist = document.getElementById('history');
  hist.replaceChildren(
    ...reg.history.map((h) => {
      const li = document.createElement('li');
      li.textContent = `${h.status} — ${h.by} — ${new Date(h.at).toLocaleString('vi-VN')}`;
      return li;
    }),
  );
  const plate = document.getElementById('plate');
  plate.code = reg.record.code;
  plate.address = `${reg.record.houseNumber} ${reg.record.street ?? ''}|${reg.record.ward.name}, ${reg.record.province.name}`;
  plate.qrContent = reg.record.qr;
  plate.locationCode = reg.record.locationCode ?? '';
  plate.plusCode = reg.record.plusCode ?? '';
  await showNotice();
  document.getElementById('step4').hidden = false;
  document.documentElement.dataset.verified = 'true';
});
document.getElementById('channel').addEventListener('change', showNotice);
document.getElementById('lang').addEventListener('change', showNotice);
document.getElementById('print').addEventListener('click', () => window.print());
