// The hand-typed query set stays valid: every line parses, every expectation names records
// that exist in the data (checked against the records the index is built from, not by
// searching), the forms are varied, and most lines are not what the generated set's templates
// make of a record's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AdminRegistry, fold } from '@diachiso/core';
import { buildRecords } from '../src/index/records.js';
import { readTypedLines, typedQueries, type TypedExpect, type TypedParts } from '../bench/typed/load.js';

const asset = (name: string) => JSON.parse(readFileSync(new URL(`../../data/assets/${name}.json`, import.meta.url), 'utf8'));
const parts: TypedParts = { admin: asset('admin'), legacy: asset('legacy'), streets: asset('streets'), pois: asset('pois') };
const lines = readTypedLines();
const KINDS = new Set(['ward', 'legacy', 'street', 'poi', 'province', 'none']);

test('every line parses, is NFC, has a kind, a form and a note', () => {
  assert.ok(lines.length >= 200, `${lines.length} lines`);
  for (const l of lines) {
    assert.equal(typeof l.q, 'string', JSON.stringify(l));
    assert.ok(l.q.trim(), 'empty query');
    assert.equal(l.q, l.q.normalize('NFC'), `not NFC: ${l.q}`);
    assert.ok(KINDS.has(l.kind), `kind of ${l.q}: ${l.kind}`);
    assert.ok(l.form && typeof l.note === 'string', `form/note of ${l.q}`);
  }
});

test('every expectation resolves to records of the data', () => {
  const qs = typedQueries(parts, lines);
  const recs = buildRecords(parts, new AdminRegistry(parts.admin)).recs;
  const ids = new Set(recs.map((r) => r.s.id));
  for (const q of qs) {
    if (q.kind === 'none') assert.deepEqual(q.expect, [], q.q);
    else assert.ok(q.expect.length, `no answer for ${q.q}`);
    for (const id of q.expect) assert.ok(ids.has(id), `${q.q}: ${id} is not a record`);
  }
  // A legacy expectation accepts the pre-2025 record when it exists, and the 2025 ward.
  const vp = qs.find((q) => q.q === 'vinh phuoc nha trang')!;
  assert.deepEqual(vp.expect, ['legacy:22333:22333', 'ward:22333']);
});

test('a broken expectation throws a clear error', () => {
  const bad = (expect: TypedExpect) => () => typedQueries(parts, [{ q: 'x', kind: 'ward', form: 'full', expect, note: '' }]);
  assert.throws(bad({ ward: '99999' }), /"x": no such 2025 ward/);
  assert.throws(bad({ street: 'Trần Phú Nối Dài', province: '56' }), /no such street/);
  assert.throws(bad({ street: 'Trần Phú', province: '01' }), /not in province 01/);
  assert.throws(bad({ poi: '1' }), /no such point of interest/);
  assert.throws(bad({ legacyWard: 'Phường 7', ward: '27316', legacyDistrict: 'Quận 9' }), /no such pre-2025 ward/);
  assert.throws(bad({ anyOf: [{ province: '56' }, { province: '57' }] }), /no such province/);
});

test('no duplicate queries', () => {
  const seen = new Set<string>();
  for (const l of lines) {
    assert.ok(!seen.has(l.q), `duplicate: ${l.q}`);
    seen.add(l.q);
  }
});

/** What the generated set's templates make of a record: its names and labels, folded. */
function templates(e: TypedExpect): string[] {
  if (e.anyOf) return e.anyOf.flatMap(templates);
  const out: string[] = [];
  const prov = (code: string) => parts.admin.provinces.find((p) => p[0] === code);
  if (e.legacyWard) {
    for (const r of parts.legacy.rows.filter((r) => r[5] === e.legacyWard && r[6] === e.ward))
      out.push(r[5], `${r[5]}, ${r[3]}`, `${r[5]}, ${r[3]}, ${r[1]}`);
  } else if (e.street) out.push(e.street, `${e.street}, Nha Trang`, `đường ${e.street}`);
  else if (e.poi) out.push(parts.pois.pois.find((p) => p[0] === e.poi)![1]);
  else if (e.ward) {
    const w = parts.admin.wards.find((x) => x[0] === e.ward)!;
    const p = prov(w[3])!;
    out.push(w[1], `${w[2]} ${w[1]}`, `${w[2]} ${w[1]}, ${p[1]}`, `${w[2]} ${w[1]}, ${p[2]} ${p[1]}`);
  } else if (e.province) {
    const p = prov(e.province)!;
    out.push(p[1], `${p[2]} ${p[1]}`);
  }
  return out.map(key);
}
const key = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

test('forms are varied and most lines are not template-made', () => {
  const forms = new Set(lines.flatMap((l) => l.form.split('+')));
  assert.ok(forms.size >= 8, `${forms.size} forms`);
  const templated = lines.filter((l) => l.kind !== 'none' && templates(l.expect).includes(key(l.q)));
  const share = 1 - templated.length / lines.length;
  assert.ok(share >= 0.6, `only ${(share * 100).toFixed(0)} % not template-made`);
});
