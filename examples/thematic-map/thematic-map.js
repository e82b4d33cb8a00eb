import { platform } from '../common/platform.js';

const client = await platform;
const mapEl = document.getElementById('map');
const CATS = {
  health: 'Y tế',
  education: 'Giáo dục',
  tourism: 'Du lịch',
  lodging: 'Lưu trú',
  food: 'Ăn uống',
  fuel: 'Xăng dầu',
  government: 'Cơ quan',
  religion: 'Tôn giáo',
  shopping: 'Mua sắm',
};
const COLORS = {
  health: '#d93025',
  education: '#1a73e8',
  tourism: '#188038',
  lodging: '#8e24aa',
  food: '#e8710a',
  fuel: '#f9ab00',
  government: '#3c4043',
  religion: '#795548',
  shopping: '#00897b',
};
const box = document.getElementById('categories');
for (const [k, label] of Object.entries(CATS)) {
  const l = document.createElement('label');
  const i = document.createElement('input');
  i.type = 'checkbox';
  i.value = k;
  i.checked = k === 'health' || k === 'tourism';
  l.append(i, ` ${label} `);
  box.append(l);
}
const wardSel = document.getElementById('ward');
for (const w of await client.units.wards('56')) {
  const o = document.createElement('option');
  o.value = w.code;
  o.textContent = w.name;
  wardSel.append(o);
}

await new Promise((r) => (mapEl.map ? r() : mapEl.addEventListener('dcs-map-ready', r, { once: true })));
const map = mapEl.map;
map.addSource('thematic', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
map.addLayer({
  id: 'thematic',
  type: 'circle',
  source: 'thematic',
  paint: {
    'circle-radius': 6,
    'circle-color': ['match', ['get', 'category'], ...Object.entries(COLORS).flat(), '#5f6368'],
    'circle-stroke-color': '#fff',
    'circle-stroke-width': 1.5,
  },
});

async function refresh() {
  const cats = [...box.querySelectorAll('input:checked')].map((i) => i.value);
  const ward = wardSel.value;
  const layers = await Promise.all(cats.map((c) => client.layer(c)));
  const features = layers.flatMap((l) => l.features).filter((f) => !ward || f.properties.ward?.code === ward);
  map.getSource('thematic').setData({ type: 'FeatureCollection', features });
  document.getElementById('counts').textContent =
    `${features.length} điểm` + (cats.length ? ` (${cats.map((c) => CATS[c]).join(', ')})` : '');
  document.documentElement.dataset.features = String(features.length);
  mapEl.ward = ward || '';
  if (ward) {
    const w = await client.retrieve(`ward:${ward}`);
    if (w?.location) map.easeTo({ center: [w.location.lon, w.location.lat], zoom: 12, duration: 0 });
  }
}
async function coverage() {
  const on = document.getElementById('coverage').checked;
  if (map.getLayer('coverage')) map.removeLayer('coverage');
  if (!on) return;
  const rows = await client.coverage({ province: '56' });
  const max = Math.max(1, ...rows.map((r) => r.objects));
  const expr = ['match', ['get', 'code']];
  for (const r of rows) expr.push(r.ward.code, r.objects / max);
  expr.push(0);
  map.addLayer(
    {
      id: 'coverage',
      type: 'fill',
      source: 'wards',
      paint: { 'fill-color': ['interpolate', ['linear'], expr, 0, '#fff7ec', 1, '#b30000'], 'fill-opacity': 0.6 },
    },
    'wards-line',
  );
  document.documentElement.dataset.coverage = String(rows.length);
}
box.addEventListener('change', refresh);
wardSel.addEventListener('change', refresh);
document.getElementById('coverage').addEventListener('change', coverage);
await refresh();
