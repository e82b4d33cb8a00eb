import { platform } from '../common/platform.js';

const client = await platform;
const form = document.getElementById('declare');
const ac = document.getElementById('address');
const DRAFT = 'e-service/residence';
const MESSAGES = {
  fullName: 'Vui lòng nhập họ và tên.',
  personalId: 'Số định danh cá nhân gồm đúng 12 chữ số.',
  address: 'Vui lòng nhập địa chỉ nơi cư trú.',
};

// The draft survives a reload: saved as the user types, restored on load.
const draft = await client.registrations.loadDraft(DRAFT);
if (draft) {
  for (const [k, v] of Object.entries(draft)) if (k !== 'address' && form.elements[k]) form.elements[k].value = v;
  if (draft.address) ac.text = draft.address;
  document.getElementById('draft-status').textContent = 'Đã khôi phục bản nháp chưa nộp.';
}
document.documentElement.dataset.draftChecked = 'true';
let timer;
form.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const data = Object.fromEntries(['fullName', 'personalId', 'birthDate'].map((k) => [k, form.elements[k].value]));
    const address = ac.text;
    void client.registrations.saveDraft(DRAFT, { ...data, address }).then(() => {
      document.documentElement.dataset.draftSaved = address; // for tests: what is stored now
    });
  }, 200);
});

async function explain() {
  const box = document.getElementById('explain');
  if (!ac.text.trim()) {
    box.hidden = true;
    return null;
  }
  const v = await client.verify(ac.text);
  const why = document.getElementById('explain-why');
  why.replaceChildren();
  if (v.address) document.getElementById('explain-new').textContent = v.address.formatted;
  for (const f of v.findings.filter((x) => x.kind !== 'missing' || x.component === 'province')) {
    const li = document.createElement('li');
    li.textContent = f.vi;
    why.append(li);
  }
  box.hidden = v.status === 'valid' || !v.address;
  return v;
}
ac.addEventListener('change', () => void explain());

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const errors = [];
  for (const name of ['fullName', 'personalId']) {
    const el = form.elements[name];
    el.setCustomValidity('');
    if (!el.checkValidity()) {
      el.setCustomValidity(MESSAGES[name]);
      errors.push(MESSAGES[name]);
    }
  }
  if (!ac.checkValidity()) errors.push(MESSAGES.address);
  const v = await explain();
  if (v && v.status === 'invalid') errors.push('Không xác định được phường/xã của địa chỉ; vui lòng kiểm tra lại.');
  document.getElementById('errors').textContent = errors.join(' ');
  if (errors.length) {
    form.reportValidity();
    return;
  }
  document.getElementById('r-name').textContent = form.elements.fullName.value;
  document.getElementById('r-id').textContent = form.elements.personalId.value;
  document.getElementById('r-address').textContent = v?.address?.formatted ?? ac.text;
  document.getElementById('r-number').textContent = `CT-${Date.now().toString(36).toUpperCase()}`;
  document.getElementById('receipt').hidden = false;
  await client.registrations.clearDraft(DRAFT);
  document.documentElement.dataset.submitted = 'true';
});
document.getElementById('print').addEventListener('click', () => window.print());
