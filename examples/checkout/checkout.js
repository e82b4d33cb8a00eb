import { platform } from '../common/platform.js';

const client = await platform;
const form = document.getElementById('checkout');
const ac = document.getElementById('address');
const map = document.getElementById('map');
const dialog = document.getElementById('verify');
const note = document.getElementById('pin-note');
const warning = document.getElementById('warning');
/** The delivery point of the address now in the field; null until one is known. */
let point = null;
/** The ward the address text names (kept in agreement with the pin). */
let ward = null;

function showPin(location) {
  point = location ?? null;
  map.hidden = !point;
  document.getElementById('pin-help').hidden = !point;
  if (!point) return;
  map.lat = point.lat;
  map.lon = point.lon;
}

function resetDerived() {
  // A new address: nothing derived from the previous one survives (pin, ward, code, verdict).
  showPin(null);
  ward = null;
  note.textContent = '';
  warning.hidden = true;
  document.getElementById('verdict').hidden = true;
}

ac.addEventListener('dcs-select', (e) => {
  resetDerived();
  const s = e.detail.suggestion;
  ward = s.ward ?? null;
  showPin(s.location);
});
ac.addEventListener('dcs-deselect', resetDerived);
// Typed text is a new address too (with or without a pick before it): its pin and code are made anew.
ac.addEventListener('input', () => {
  if (point || ward) resetDerived();
});

// The pin moved: when it crosses into another ward, the ward field and the address text follow,
// and the user is told, so the order never names one ward and points into another.
map.addEventListener('dcs-move', (e) => {
  point = e.detail.location;
  const to = e.detail.ward;
  if (!to || !ward || to.code === ward.code) return;
  const text = ac.text.includes(ward.name) ? ac.text.replace(ward.name, to.name) : `${ac.text}, ${to.name}`;
  note.textContent = `Ghim nằm ở ${to.name}, không phải ${ward.name}: đã sửa phường/xã trong địa chỉ. Kéo ghim lại nếu chưa đúng.`;
  ac.text = text;
  form.elements.ward.value = to.name;
  if (e.detail.province) form.elements.province.value = e.detail.province.name;
  ward = to;
});

const VERDICT_VI = {
  confirmed: 'khớp dữ liệu',
  'confirmed-by-context': 'khớp theo ngữ cảnh',
  'spelling-corrected': 'đã sửa chính tả',
  inferred: 'được suy ra',
  unconfirmed: 'chưa xác nhận được',
  replaced: 'đã thay bằng đơn vị mới',
};
/** Shows what the platform confirmed, part by part (`components`), else its findings. */
function showVerdict(result) {
  const list = document.getElementById('verdict');
  const items = (result.components ?? []).length
    ? result.components.map((c) => `${c.text ?? c.value ?? c.component}: ${c.vi || VERDICT_VI[c.verdict] || c.verdict}`)
    : result.findings.map((f) => f.vi);
  list.replaceChildren(
    ...items.map((t) => {
      const li = document.createElement('li');
      li.textContent = t;
      return li;
    }),
  );
  list.hidden = items.length === 0;
}

async function whereIs(address, result) {
  // A pin for this address: the picked record's point, else the street found, else the ward's centre.
  if (point) return point;
  const r = await client.search(address, { limit: 1 });
  const fallback = result.address ? await client.retrieve(`ward:${result.address.ward.code}`) : null;
  return r.results[0]?.location ?? fallback?.location ?? null;
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!form.reportValidity()) return;
  warning.hidden = true;
  // Verify what the order will say; explain and fix legacy or incomplete addresses first.
  let address = ac.text;
  const result = await client.verify(address);
  showVerdict(result);
  let unverified = false;
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
      ward = choice.address.ward;
    } else {
      unverified = true;
      warning.textContent = 'Địa chỉ chưa được xác minh: đơn hàng có thể giao chậm hoặc bị trả lại.';
      warning.hidden = false;
    }
  } else if (result.address) {
    ward = result.address.ward;
  }
  const where = await whereIs(address, result);
  if (where) showPin(where);
  // The code is computed from this order's own pin, every time.
  let code = '';
  if (point) {
    const c = await client.encodeCode(point);
    code = c.zoneKnown ? c.code : c.plusCode;
  }
  document.getElementById('summary-address').textContent = address;
  const sw = document.getElementById('summary-warning');
  sw.hidden = !unverified;
  sw.textContent = unverified ? warning.textContent : '';
  if (point) await new Promise((r) => (map.map ? r() : map.addEventListener('dcs-map-ready', r, { once: true })));
  document.getElementById('badge').code = code;
  document.getElementById('summary').hidden = false;
  document.documentElement.dataset.ordered = String(Number(document.documentElement.dataset.ordered ?? 0) + 1);
  document.documentElement.dataset.orderedCode = code;
});

document.getElementById('again').addEventListener('click', () => {
  form.reset();
  resetDerived();
  document.getElementById('summary').hidden = true;
  ac.focus();
});
