import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, LegacyConverter } from '../src/index.js';
import { abbreviate, gazetteer, plain, sourceCsv, sourceText } from './fixtures.js';

const cited = sourceCsv('admin/khanhhoa_legacy_to_2025_cited.csv');
const expected = new Map<string, Set<string>>(); // old ward code → new ward codes
for (const r of cited) {
  const k = r.old_ward_code!.padStart(5, '0');
  const set = expected.get(k) ?? new Set<string>();
  set.add(r.new_ward_code!.padStart(5, '0'));
  expected.set(k, set);
}
const byOld = new Map(cited.map((r) => [r.old_ward_code!.padStart(5, '0'), r]));

test('the 205 Khánh Hòa rows: 194 old wards, 8 of them divided', () => {
  assert.equal(cited.length, 205);
  assert.equal(expected.size, 194);
  assert.equal([...expected.values()].filter((s) => s.size > 1).length, 8);
});

for (const [form, make] of [
  ['full text', (s: string) => s],
  ['abbreviated, no province', (s: string) => abbreviate(s.replace(/, Tỉnh (Khánh Hòa|Ninh Thuận)$/u, ''))],
  ['without diacritics', (s: string) => plain(s)],
  ['abbreviated without diacritics', (s: string) => plain(abbreviate(s))],
] as const) {
  test(`all Khánh Hòa legacy wards convert from the ${form}`, async () => {
    const conv = new LegacyConverter(await gazetteer());
    const failures: string[] = [];
    for (const [old, want] of expected) {
      const text = make(byOld.get(old)!.old_address!);
      const r = conv.convert(text);
      const best = r.candidates.filter((c) => c.confidence === r.candidates[0]?.confidence);
      const got = new Set(best.filter((c) => c.era === 'legacy').map((c) => c.ward.code));
      const ok = [...want].every((c) => got.has(c)) && got.size === want.size && r.split === want.size > 1;
      if (!ok) failures.push(`${text} → ${[...got].join('/')} (want ${[...want].join('/')}, split=${r.split})`);
    }
    assert.deepEqual(failures, []);
  });
}

test('Khánh Hòa answers carry the clause of Resolution 1667, checked against the resolution text', async () => {
  const conv = new LegacyConverter(await gazetteer());
  const md = sourceText('admin/resolution_1667_NQ-UBTVQH15_khanhhoa.md').normalize('NFC');
  const article1 = md.slice(md.indexOf('**Điều 1.'), md.indexOf('**Điều 2.'));
  const clauseText = (n: number) => {
    const m = new RegExp(`^${n}\\\\?\\.\\s+([\\s\\S]*?)(?=^\\d+\\\\?\\.\\s|$(?![\\s\\S]))`, 'm').exec(article1);
    return m ? fold(m[1]!.replace(/\*\*/g, '').replace(/\s+/g, ' ')).replace(/xa(?=[a-z])/g, 'xa ') : '';
  };
  let checked = 0;
  for (const r of cited) {
    const res = conv.convert(r.old_address!);
    const c = res.candidates.find((x) => x.ward.code === r.new_ward_code!.padStart(5, '0') && x.era === 'legacy');
    assert.ok(c?.citation, `no citation for ${r.old_address}`);
    assert.equal(c.citation.document, '1667/NQ-UBTVQH15');
    assert.equal(c.citation.article, 1);
    // The clause named by the machine-drafted CSV, and ours, must both name the old and the new unit.
    const text = clauseText(c.citation.clause);
    const oldName = fold(r.old_address!.split(',')[0]!).replace(/^(phuong|xa|thi tran)\s+/, '');
    const newName = fold(r.new_ward_name!).replace(/^(phuong|xa|dac khu)\s+/, '');
    assert.ok(text.includes(oldName) && text.includes(newName), `clause ${c.citation.clause} does not name ${oldName} → ${newName}`);
    const claimed = Number(/^\s*(\d+)\./.exec(r.citation_line!)?.[1]);
    assert.equal(c.citation.clause, claimed, `the CSV cites ${claimed}, the resolution says ${c.citation.clause}`);
    checked++;
  }
  assert.equal(checked, 205);
});

test('Vĩnh Hải: both the 2025 commune and the pre-2025 ward of Nha Trang, labelled', async () => {
  const conv = new LegacyConverter(await gazetteer());
  const r = conv.convert('Vĩnh Hải, Khánh Hòa');
  const current = r.candidates.find((c) => c.era === '2025' && c.ward.code === '22846');
  const old = r.candidates.find((c) => c.era === 'legacy' && c.ward.code === '22333');
  assert.ok(current, 'the 2025 commune Vĩnh Hải');
  assert.ok(old, 'the old ward, now Bắc Nha Trang');
  assert.equal(old.legacy?.ward.name, 'Phường Vĩnh Hải');
  assert.equal(r.ambiguous, true);
  const withDistrict = conv.convert('P. Vĩnh Hải, TP. Nha Trang');
  assert.deepEqual(
    withDistrict.candidates.map((c) => [c.era, c.ward.code]),
    [['legacy', '22333']],
  );
  assert.equal(withDistrict.candidates[0]!.citation?.clause, 50);
});

test('codes are era-specific: 22741 is Bảo An in 2025, the old Bảo An was 22744', async () => {
  const g = await gazetteer();
  assert.equal(g.registry.ward('22741')?.name, 'Bảo An');
  assert.equal(g.legacyWards.get('22741')?.name, 'Phước Mỹ');
  assert.equal(g.legacyWards.get('22744')?.name, 'Bảo An');
});

test('a sample of 500+ nationwide legacy wards converts from full, abbreviated and plain text', async () => {
  const g = await gazetteer();
  const conv = new LegacyConverter(g);
  const rows = sourceCsv('admin/legacy_to_2025.csv').filter((r) => r.ward);
  const want = new Map<string, { text: string; codes: Set<string> }>();
  for (const r of rows) {
    const k = String(Math.trunc(Number(r.wardCode)));
    const e = want.get(k) ?? { text: `${r.ward}, ${r.district}, ${r.province}`, codes: new Set<string>() };
    // Five rows carry a new-ward code the catalogue does not have (Ba Chẽ): join on the name.
    const code = g.registry.ward(r.newWardCode!) ? r.newWardCode! : g.registry.findWards(r.newWardShort!, r.newProvinceCode!)[0]!.code;
    e.codes.add(code);
    want.set(k, e);
  }
  const all = [...want.values()];
  const sample = all.filter((_, i) => i % 19 === 0);
  assert.ok(sample.length >= 500, `sample of ${sample.length}`);
  const failures: string[] = [];
  for (const { text, codes } of sample) {
    for (const t of [text, abbreviate(text), plain(text)]) {
      const got = new Set(conv.convert(t).candidates.map((c) => c.ward.code));
      if (![...codes].every((c) => got.has(c))) failures.push(`${t} → ${[...got].slice(0, 4).join('/')} (want ${[...codes].join('/')})`);
    }
  }
  console.log(`nationwide sample: ${sample.length} wards × 3 forms, ${failures.length} misses`);
  assert.ok(failures.length / (sample.length * 3) < 0.01, `${failures.length} failures:\n${failures.slice(0, 20).join('\n')}`);
});
