// Whole addresses typed in one go (house number, street, locality, province), in Khánh Hòa and
// other provinces: the answer stays in the province typed, keeps the house number, and lands on
// the right 2025 ward. Cases are generated from the committed source data, deterministically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verifyAddress, type VerifyResult } from '../src/index.js';
import { decodeTelex, decodeVni } from '../src/internal.js';
import { addressData, abbreviate, plain, sourceCsv } from './fixtures.js';

interface Case {
  text: string;
  wards: string[];
  province: string;
  house?: string;
}

const data = addressData();

/** A small deterministic generator (so the cases are the same on every run). */
function pick<T>(list: readonly T[], n: number, seed: number): T[] {
  const out: T[] = [];
  let x = seed;
  for (let i = 0; i < n && list.length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(list[x % list.length]!);
  }
  return out;
}

async function cases(): Promise<Case[]> {
  const { streets } = await data;
  const out: Case[] = [];
  const houses = ['12', '12/3/5B', 'K448/20', '5A', '102', '7/15', '33'];
  // Nha Trang streets of the data, with the old city, the province or both.
  const named = streets.streets.filter((s) => s.wards.length > 0 && /^[^\d]/.test(s.name) && !/^(Cầu|Quốc Lộ|Số)/.test(s.name));
  const localities = ['Nha Trang', 'TP Nha Trang', 'Tp. Nha Trang, Khánh Hòa', 'Khánh Hòa', 'T.P Nha Trang, tỉnh Khánh Hòa'];
  pick(named, 40, 7).forEach((s, i) => {
    const house = houses[i % houses.length]!;
    const loc = localities[i % localities.length]!;
    const text = `${house} ${s.name}, ${loc}`;
    out.push({ text: i % 4 === 3 ? plain(text) : text, wards: s.wards.map((w) => w.code), province: '56', house });
  });
  // Pre-2025 Khánh Hòa wards (cited), with a street that is not in the data.
  const cited = sourceCsv('admin/khanhhoa_legacy_to_2025_cited.csv');
  const byOld = new Map<string, { address: string; wards: string[] }>();
  for (const r of cited) {
    const e = byOld.get(r.old_ward_code!) ?? { address: r.old_address!, wards: [] };
    e.wards.push(r.new_ward_code!.padStart(5, '0'));
    byOld.set(r.old_ward_code!, e);
  }
  pick([...byOld.values()], 25, 11).forEach((e, i) => {
    const house = houses[(i + 2) % houses.length]!;
    const addr = i % 2 ? abbreviate(e.address) : e.address;
    out.push({ text: `${house} Lê Văn Lương, ${i % 3 === 2 ? plain(addr) : addr}`, wards: e.wards, province: '56', house });
  });
  // Other provinces: pre-2025 addresses (Hà Nội, Hồ Chí Minh, Đà Nẵng, Lâm Đồng, Đắk Lắk…).
  const rows = sourceCsv('admin/legacy_to_2025.csv').filter((r) => r.isDividedWard === 'False' && r.ward);
  const wanted = ['Thành phố Hà Nội', 'Thành phố Hồ Chí Minh', 'Thành phố Đà Nẵng', 'Tỉnh Lâm Đồng', 'Tỉnh Đắk Lắk', 'Tỉnh Nghệ An'];
  for (const [k, prov] of wanted.entries())
    pick(
      rows.filter((r) => r.province === prov),
      6,
      100 + k,
    ).forEach((r, i) => {
      const house = houses[(i + k) % houses.length]!;
      const addr = `${r.ward}, ${r.district}, ${r.province}`;
      out.push({
        text: `${house} Nguyễn Văn Linh, ${i % 2 ? abbreviate(addr) : addr}`,
        wards: [r.newWardCode!.padStart(5, '0')],
        province: r.newProvinceCode!.padStart(2, '0'),
        house,
      });
    });
  // 2025 addresses typed with nicknames and glued type words.
  out.push({ text: '15 Lê Lợi, PhườngBến Thành, TPHCM', wards: ['26743'], province: '79', house: '15' });
  out.push({ text: '3 Hai Bà Trưng, Phường Bến Thành, HCM', wards: ['26743'], province: '79', house: '3' });
  out.push({ text: '21 Tràng Tiền, Phường Hoàn Kiếm, HN', wards: ['00070'], province: '01', house: '21' });
  return out;
}

const inProvince = (v: VerifyResult, p: string) => v.candidates.every((c) => c.province.code === p);

test('whole addresses: never another province, the house number kept, the ward right', async () => {
  const { g, streets } = await data;
  const all = await cases();
  assert.ok(all.length >= 100, String(all.length));
  const outside: string[] = [];
  const lost: string[] = [];
  const wrong: string[] = [];
  for (const c of all) {
    const v = verifyAddress(c.text, g, undefined, streets);
    if (!inProvince(v, c.province)) outside.push(`${c.text} → ${v.candidates.map((x) => x.province.name).join('/')}`);
    if (c.house && (v.address?.houseNumber !== c.house || !v.address.formatted.startsWith(c.house)))
      lost.push(`${c.text} → ${v.address?.houseNumber ?? '(none)'} ${v.status}`);
    if (!c.wards.includes(v.candidates[0]?.ward.code ?? ''))
      wrong.push(`${c.text} → ${v.candidates[0]?.ward.name ?? '(none)'} want ${c.wards}`);
  }
  assert.deepEqual(outside, []);
  assert.deepEqual(lost, []);
  assert.ok(wrong.length <= all.length * 0.03, `${wrong.length} of ${all.length} wrong:\n${wrong.join('\n')}`);
});

test('noisy text: Telex and VNI without an input method, glued type words, nicknames, one letter off', async () => {
  const { g, streets } = await data;
  const ward = (t: string) => verifyAddress(t, g, undefined, streets).candidates.map((c) => c.ward.code);
  assert.equal(decodeTelex('Nguyeenx'), 'Nguyễn');
  assert.equal(decodeTelex('Traix'), 'Trãi');
  assert.equal(decodeTelex('Hoaf'), 'Hòa');
  assert.equal(decodeTelex('ddoongf'), 'đồng');
  assert.equal(decodeVni('Nguye6n4'), 'Nguyễn');
  assert.equal(decodeVni('d9o6ng2'), 'đồng');
  assert.deepEqual(ward('12 Nguyeenx Traix, Nha Trang'), ['22366']);
  assert.deepEqual(ward('12 Nguye6n4 Tra4i, Nha Trang'), ['22366']);
  assert.deepEqual(ward('5 Lê Lợi, PhườngLộc Thọ, TP.Nha Trang'), ['22366']);
  assert.deepEqual(ward('HuyệnĐức Trọng, Lâm Đồng').length > 1, true);
  assert.ok(ward('3 Trần Hưng Đạo, BMT').every((c) => g.registry.ward(c)?.provinceCode === '66'));
  assert.deepEqual(ward('12 Nguyễn Trãii, Nha Trang'), ['22366']); // doubled letter
  assert.deepEqual(ward('12 Ngyuễn Trãi, Nha Trang'), ['22366']); // swapped letters
  const v = verifyAddress('12 Nguyễn Trãii, Nha Trang', g, undefined, streets);
  assert.equal(v.components?.find((c) => c.component === 'street')?.verdict, 'spelling-corrected');
  assert.equal(v.address?.street, 'Nguyễn Trãi');
});

test('a street missing from the data is unconfirmed, never a same-named ward elsewhere', async () => {
  const { g, streets } = await data;
  const v = verifyAddress('Hùng Vương, Cam Ranh', g, undefined, streets);
  assert.equal(v.status, 'ambiguous');
  assert.ok(v.candidates.every((c) => c.province.code === '56'));
  assert.equal(v.components?.find((c) => c.component === 'street')?.verdict, 'unconfirmed');
  const w = verifyAddress('7 Trần Phú, Tỉnh Lâm Đồng', g, undefined, streets);
  assert.ok(
    w.candidates.every((c) => c.province.code === '68'),
    JSON.stringify(w.candidates.map((c) => c.ward.name)),
  );
  assert.equal(w.address?.houseNumber ?? '7', '7');
});
