import { platform } from '../common/platform.js';

const client = await platform;
const form = document.getElementById('declare');
const map = document.getElementById('map');
const errors = document.getElementById('errors');
let here = { location: { lat: map.lat, lon: map.lon } };
let reg;

/** Status words for people: the platform's states, in Vietnamese. */
const STATUS_VI = {
  declared: 'Đã khai báo',
  created: 'Đã tạo mã',
  verified: 'Đã xác thực',
  approved: 'Đã duyệt',
  rejected: 'Bị từ chối',
  pending: 'Đang chờ',
};
const statusWord = (s) => STATUS_VI[s] ?? s;
function setStatus(s) {
  const el = document.getElementById('status');
  el.textContent = statusWord(s);
  el.dataset.status = s;
}

/** Hides the steps after `step` and forgets what they showed: an earlier step changed or failed. */
function resetAfter(step) {
  for (let i = step + 1; i <= 4; i++) document.getElementById(`step${i}`).hidden = true;
  if (step < 2) {
    reg = undefined;
    const status = document.getElementById('status');
    status.textContent = '';
    delete status.dataset.status;
  }
  if (step < 3) for (const id of ['badge', 'badge-location', 'badge-plus']) document.getElementById(id).code = '';
  if (step < 4) {
    const plate = document.getElementById('plate');
    plate.code = plate.locationCode = plate.plusCode = '';
    document.getElementById('notice').textContent = '';
    document.getElementById('history').replaceChildren();
    delete document.documentElement.dataset.verified;
  }
}

/** What went wrong, for people: every field the platform refused (in Vietnamese), else the error's Vietnamese message. */
function reasons(e) {
  const issues = e?.problem?.issues ?? e?.issues ?? [];
  if (Array.isArray(issues) && issues.length) return issues.map((i) => i.vi ?? i.en ?? i.field);
  return [e?.messageVi ?? e?.message ?? String(e)];
}

/** A step the platform could not take now is kept by the client and sent later; the page waits for it. */
function settled(r) {
  if (r?.queued) throw new Error('nền tảng chưa nhận được yêu cầu; yêu cầu đã được lưu và sẽ tự gửi lại khi có mạng.');
  return r;
}

/** Runs one step; any failure is shown (in Vietnamese, every reason) and the later steps are reset. */
async function step(n, fn) {
  errors.replaceChildren();
  delete document.documentElement.dataset.error;
  try {
    await fn();
  } catch (e) {
    resetAfter(n);
    const head = document.createElement('p');
    head.textContent = `Bước ${n} không thành công:`;
    const list = document.createElement('ul');
    list.replaceChildren(
      ...reasons(e).map((t) => {
        const li = document.createElement('li');
        li.textContent = t;
        return li;
      }),
    );
    errors.replaceChildren(head, list);
    document.documentElement.dataset.error = String(n);
  }
}

map.addEventListener('dcs-move', (e) => {
  here = e.detail;
  resetAfter(1); // a new point: the earlier declaration no longer describes it
  document.getElementById('where').textContent = e.detail.ward ? `${e.detail.ward.name}, ${e.detail.province.name}` : 'Ngoài vùng dữ liệu';
});
map.addEventListener('dcs-map-ready', async () => {
  const r = await client.reverse(here.location);
  if (r) here = { ...here, ward: r.ward, province: r.province };
  document.getElementById('where').textContent = r ? `${r.ward.name}, ${r.province.name}` : 'Ngoài vùng dữ liệu';
});
form.addEventListener('input', () => resetAfter(1));

form.addEventListener('submit', (e) => {
  e.preventDefault();
  void step(1, async () => {
    const f = form.elements;
    resetAfter(1);
    if (!form.reportValidity()) throw new Error('vui lòng điền đủ các ô bắt buộc.');
    if (!here.ward) throw new Error('vị trí nằm ngoài vùng dữ liệu; hãy đặt ghim trong một phường/xã.');
    reg = settled(
      await client.registrations.declare({
        name: f.name.value,
        category: f.category.value,
        houseNumber: f.houseNumber.value,
        street: f.street.value || undefined,
        ward: here.ward,
        province: here.province,
        location: here.location,
        declaredBy: f.declaredBy.value,
        ...(f.phone.value ? { advanced: { phone: f.phone.value } } : {}),
      }),
    );
    setStatus(reg.status);
    document.getElementById('step2').hidden = false;
  });
});

document.getElementById('create').addEventListener('click', () =>
  step(2, async () => {
    resetAfter(2);
    reg = settled(await client.registrations.create(reg.id));
    setStatus(reg.status);
    // The national address code first (its QR opens the platform's public map), then the location
    // code and the Plus Code of the point.
    document.getElementById('badge').code = reg.record.code;
    document.getElementById('badge-location').code = reg.record.locationCode ?? '';
    document.getElementById('badge-plus').code = reg.record.plusCode ?? '';
    document.getElementById('step3').hidden = false;
  }),
);

async function showNotice() {
  const n = await client.registrations.notice(reg.id, document.getElementById('channel').value, document.getElementById('lang').value);
  document.getElementById('notice').textContent = [n.subject, n.body].filter(Boolean).join('\n\n');
}
document.getElementById('approve').addEventListener('click', () =>
  step(3, async () => {
    resetAfter(3);
    reg = settled(await client.registrations.verify(reg.id, 'approve'));
    setStatus(reg.status);
    const hist = document.getElementById('history');
    hist.replaceChildren(
      ...reg.history.map((h) => {
        const li = document.createElement('li');
        li.textContent = `${statusWord(h.status)} — ${h.by} — ${new Date(h.at).toLocaleString('vi-VN')}`;
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
  }),
);
document.getElementById('channel').addEventListener('change', () => step(4, showNotice));
document.getElementById('lang').addEventListener('change', () => step(4, showNotice));
document.getElementById('print').addEventListener('click', () => window.print());
