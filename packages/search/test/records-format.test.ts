// The snapshot's records format is computed from the record-building code (a hash of what it
// makes of a fixed sample), so a snapshot made by other record-building code is refused without
// anyone bumping a number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SearchIndex, type IndexSnapshot, type SearchSources } from '@diachiso/search';
import { recordsFormat, recordsFormatOf } from '../src/index/format.js';
import { buildRecords } from '../src/index/records.js';

const asset = (name: string) => JSON.parse(readFileSync(new URL(`../../data/assets/${name}.json`, import.meta.url), 'utf8'));
const src: SearchSources = { admin: asset('admin'), streets: asset('streets'), pois: asset('pois') };

test('the records format is a stable hash of the record-building code', () => {
  assert.match(recordsFormat(), /^[0-9a-f]{16}$/);
  assert.equal(recordsFormatOf(buildRecords), recordsFormat());
});

test('any change to what records hold or their order changes the format', () => {
  const variants: Array<typeof buildRecords> = [
    // one more context word on every record
    (s, reg, pre) => {
      const b = buildRecords(s, reg, pre);
      return { ...b, recs: b.recs.map((r) => ({ ...r, ctxWords: new Set([...r.ctxWords, 'duong']) })) };
    },
    // the same records in another order
    (s, reg, pre) => {
      const b = buildRecords(s, reg, pre);
      return { ...b, recs: [...b.recs].reverse() };
    },
    // a label written differently
    (s, reg, pre) => {
      const b = buildRecords(s, reg, pre);
      return { ...b, recs: b.recs.map((r) => ({ ...r, s: { ...r.s, label: r.s.label.toUpperCase() } })) };
    },
    // another priority
    (s, reg, pre) => {
      const b = buildRecords(s, reg, pre);
      return { ...b, recs: b.recs.map((r) => ({ ...r, prio: r.prio + 1 })) };
    },
  ];
  const formats = new Set(variants.map(recordsFormatOf));
  assert.equal(formats.size, variants.length);
  assert.ok(!formats.has(recordsFormat()));
});

test('a snapshot carries the format; one of another format, or of none, is refused', () => {
  const fresh = new SearchIndex(src);
  const snap = JSON.parse(JSON.stringify(fresh.snapshot())) as IndexSnapshot;
  assert.equal(snap.recordsFormat, recordsFormat());
  assert.equal(new SearchIndex(src, snap).fromSnapshot, true);
  assert.throws(() => new SearchIndex(src, { ...snap, recordsFormat: '0123456789abcdef' }), /record-building code/);
  const { recordsFormat: _f, ...older } = snap;
  assert.throws(() => new SearchIndex(src, older as IndexSnapshot), /record-building code/);
});
