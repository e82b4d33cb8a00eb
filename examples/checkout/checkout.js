import { platform } from '../common/platform.js';

const client = await platform;
const form = document.getElementById('checkout');
const ac = document.getElementById('address');
const map = document.getElementById('map');
const dialog = document.getElementById('verify');
let point = null;
let code = '';
let verified = null;

function showPin(location) {
  if (!location) return;
  point = location;
  map.hidden = false;
  map.lat = location.lat;
  map.lon = location.lon;
}

ac.addEventListener('dcs-select', (e) => {
  verified = null;
  showPin(e.detail.suggestion.location);
});
map.addEventListener('dcs-move', (e) => {
  point = e.detail.location;
  code = e.detail.code ?? '';
  if (e.detail.ward) form.elements.ward.value = e.detail.ward.name;
});

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!form.reportValidity()) return;
  // Verify what was typed; explain and fix legacy or incomplete addresses before ordering.
  const text = ac.text;
  const result = await client.verify(text);
  let address = result.address?.formatted ?? text;
  if (result.status !== 'valid') {
    const choice = await dialog.open(result);
    if (choice.choice === 'edit' || choice.choice === 'cancel') {
      ac.focus();
      return;
    }
    if (choice.choice === 'suggestion' && choice.address) {
      address = choice.address.formatted;
      ac.text = address;
      form.elements.ward.value = choice.address.ward.name;
      form.elements.province.value = choice.address.province.name;
    } else address = text;
  }
  verified = address;
  if (!point) {
    // No point chosen yet: start from the street if found, else from the ward's centre.
    const r = await client.search(address, { limit: 1 });
    const ward = result.address ?? null;
    const fallback = ward ? await client.retrieve(`ward:${ward.ward.code}`) : null;
    showPin(r.results[0]?.location ?? fallback?.location);
  }
  if (point && !code) {
    const c = await client.encodeCode(point);
    code = c.zoneKnown ? c.code : c.plusCode;
  }
  document.getElementById('summary-address').textContent = verified;
  if (point) await new Promise((r) => (map.map ? r() : map.addEventListener('dcs-map-ready', r, { once: true })));
  document.getElementById('badge').code = code;
  document.getElementById('summary').hidden = false;
  document.documentElement.dataset.ordered = 'true';
});
