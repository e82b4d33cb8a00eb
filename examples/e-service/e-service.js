import { platform } from '../common/platform.js';

const client = await platform;
const form = document.getElementById('declare');
const ac = document.getElementById('address');
const box = document.getElementById('explain');
const choose = document.getElementById('choose');
const choices = document.getElementById('choices');
const DRAFT = 'e-service/residence';
const MESSAGES = {
  fullName: 'Vui lòng nhập họ và tên.',
  personalId: 'Số định danh cá nhân gồm đúng 12 chữ số.',
  address: 'Vui lòng nhập địa chỉ nơi cư trú.',
  choose: 'Phường/xã cũ trong địa chỉ nay thuộc nhiều phường/xã mới: vui lòng chọn nơi bạn cư trú.',
  invalid: 'Không xác định được phường/xã của địa chỉ; vui lòng kiểm tra lại.',
};
/** The last verification of the address in the field (null when the field changed since). */
let verified = null;
/** The 2025 ward code the user chose among several (a divided ward), kept in the draft. */
let chosenWard = '';

/** A citation as a person reads it: "khoản 61 Điều 1 Nghị quyết 1667/NQ-UBTVQH15". */
const cite = (c) => (c ? `khoản ${c.clause} Điều ${c.article} Nghị quyết ${c.document}` : '');

// The draft survives a reload: saved as the user types or picks, restored on load, pick included.
function saveDraft() {
  const data = Object.fromEntries(['fullName', 'personalId', 'birthDate'].map((k) => [k, form.elements[k].value]));
  const pick = ac.value && ac.selected ? { id: ac.value, suggestion: ac.selected } : null;
  const address = ac.text;
  void client.registrations.saveDraft(DRAFT, { ...data, address, pick, ward: chosenWard }).then(() => {
    document.documentElement.dataset.draftSaved = address; // for tests: what is stored now
    document.documentElement.dataset.draftPick = pick?.id ?? '';
    document.documentElement.dataset.draftWard = chosenWard;
  });
}
let timer;
const saveSoon = () => {
  clearTimeout(timer);
  timer = setTimeout(saveDraft, 200);
};

const draft = await client.registrations.loadDraft(DRAFT);
if (draft) {
  for (const k of ['fullName', 'personalId', 'birthDate']) if (typeof draft[k] === 'string') form.elements[k].value = draft[k];
  if (typeof draft.address === 'string') ac.text = draft.address;
  if (draft.pick?.id) {
    ac.value = draft.pick.id;
    ac.selected = draft.pick.suggestion;
  }
  chosenWard = typeof draft.ward === 'string' ? draft.ward : '';
  document.getElementById('draft-status').textContent = 'Đã khôi phục bản nháp chưa nộp.';
  if (ac.text.trim()) await explain();
}
document.documentElement.dataset.draftChecked = 'true';

form.addEventListener('input', (e) => {
  if (e.composedPath().includes(ac)) {
    // A new address: what was verified or chosen for the old one no longer applies.
    verified = null;
    chosenWard = '';
  }
  saveSoon();
});
ac.addEventListener('dcs-select', () => {
  verified = null;
  chosenWard = '';
  saveSoon();
});
ac.addEventListener('change', () => void explain());

/**
 * Explains, as the user wrote it, the unit they typed: the pre-2025 ward (and its district) and
 * what it is now, with the clause of the resolution.
 */
function typedUnit(v, c) {
  const typed = v.components?.find((x) => x.component === 'ward')?.text;
  const quoted = typed ? `«${typed}»` : 'Phường/xã bạn nhập';
  if (c.era !== 'legacy' || !c.legacy) return `${quoted} là ${c.ward.name}, ${c.province.name} (đơn vị hành chính từ 1/7/2025).`;
  const old = [c.legacy.ward.name, c.legacy.district?.name, c.legacy.province?.name].filter(Boolean).join(', ');
  const part = c.legacy.split ? 'một phần ' : '';
  return `${quoted} là ${old} (trước 1/7/2025); ${part}đơn vị này nay thuộc ${c.ward.name}, ${c.province.name}${c.citation ? ` (${cite(c.citation)})` : ''}.`;
}

/** The several 2025 wards a divided ward went to: one radio each; none is chosen for the user. */
function showChoices(v) {
  const wards = [...new Map(v.candidates.map((c) => [c.ward.code, c])).values()];
  choose.hidden = wards.length < 2;
  if (wards.length < 2) return;
  const typed = v.components?.find((x) => x.component === 'ward')?.text ?? wards[0].legacy?.ward.name ?? '';
  document.getElementById('choose-legend').textContent =
    `«${typed}» trước 1/7/2025 đã được chia cho ${wards.length} phường/xã mới. Bạn cư trú ở phần nào?`;
  if (!wards.some((c) => c.ward.code === chosenWard)) chosenWard = '';
  choices.replaceChildren(
    ...wards.map((c) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = 'ward2025';
      input.value = c.ward.code;
      input.required = true;
      input.checked = c.ward.code === chosenWard;
      input.addEventListener('change', () => {
        chosenWard = c.ward.code;
        document.getElementById('explain-new').textContent = formatted(v);
      });
      const text = document.createElement('span');
      text.textContent = `${c.ward.name}, ${c.province.name}${c.citation ? ` — ${cite(c.citation)}` : ''}`;
      label.append(input, text);
      return label;
    }),
  );
}

/** The 2025 address to record: the verified one, in the ward the user chose when there were several. */
function formatted(v) {
  if (!v.address) return '';
  const c = chosenWard ? v.candidates.find((x) => x.ward.code === chosenWard) : null;
  if (!c || c.ward.code === v.address.ward.code) return v.status === 'ambiguous' ? '' : v.address.formatted;
  return v.address.formatted.replace(v.address.ward.name, c.ward.name).replace(v.address.province.name, c.province.name);
}

async function explain() {
  if (!ac.text.trim()) {
    box.hidden = true;
    verified = null;
    return null;
  }
  const text = ac.text;
  const v = await client.verify(text);
  if (ac.text !== text) return verified; // typed on meanwhile: the newer call explains
  verified = v;
  const why = document.getElementById('explain-why');
  const candidates = [...new Map(v.candidates.map((c) => [c.ward.code, c])).values()];
  const lines =
    candidates.length === 1
      ? [typedUnit(v, candidates[0])]
      : v.findings.filter((f) => f.component === 'ward' || f.component === 'district').map((f) => f.vi);
  for (const f of v.findings) if (f.component === 'province' && f.kind !== 'missing') lines.push(f.vi);
  why.replaceChildren(
    ...lines.map((t) => {
      const li = document.createElement('li');
      li.textContent = t;
      return li;
    }),
  );
  showChoices(v);
  document.getElementById('explain-new').textContent = formatted(v);
  box.hidden = v.status === 'valid' || !v.address;
  return v;
}

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
  const v = verified ?? (await explain());
  if (v && v.status === 'invalid') errors.push(MESSAGES.invalid);
  const open = v && !choose.hidden && !chosenWard;
  if (open) errors.push(MESSAGES.choose);
  document.getElementById('errors').textContent = errors.join(' ');
  if (errors.length) {
    if (open && errors.length === 1) choices.querySelector('input')?.focus();
    else form.reportValidity();
    return;
  }
  document.getElementById('r-name').textContent = form.elements.fullName.value;
  document.getElementById('r-id').textContent = form.elements.personalId.value;
  document.getElementById('r-address').textContent = (v && formatted(v)) || ac.text;
  document.getElementById('r-number').textContent = `CT-${Date.now().toString(36).toUpperCase()}`;
  document.getElementById('receipt').hidden = false;
  clearTimeout(timer);
  await client.registrations.clearDraft(DRAFT);
  document.documentElement.dataset.submitted = 'true';
});
document.getElementById('print').addEventListener('click', () => window.print());
