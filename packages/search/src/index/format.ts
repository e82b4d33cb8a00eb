// The records format: which record-building code made a snapshot's words. Computed, never
// written by hand: the records `buildRecords` makes of a fixed sample of every kind (renamed,
// kept and divided pre-2025 wards, provinces, wards, a street, a point of interest), hashed. Any
// change to what records contain or their order changes it, so a snapshot stored by an older
// version is refused instead of answering with stale words.
import { AdminRegistry } from '@diachiso/core';
import { buildRecords } from './records.js';
import type { SearchSources } from './types.js';

const KH = 'Tỉnh Khánh Hòa';
const NT = 'Thành phố Nha Trang';
/** A fixed, tiny dataset with one record of every kind and every branch of the record code. */
export const FORMAT_SAMPLE: SearchSources = {
  admin: {
    provinces: [
      ['01', 'Hà Nội', 'Thành phố'],
      ['56', 'Khánh Hòa', 'Tỉnh'],
    ],
    wards: [
      ['00004', 'Ba Đình', 'Phường', '01', 'Ba Dinh'],
      ['22333', 'Bắc Nha Trang', 'Phường', '56', 'Bac Nha Trang'],
      ['22366', 'Nha Trang', 'Phường', '56', 'Nha Trang'],
      ['22402', 'Tây Nha Trang', 'Phường', '56', 'Tay Nha Trang'],
      ['22657', 'Cam Lâm', 'Xã', '56', 'Cam Lam'],
    ],
    khanhHoa: { '22333': { centroid: [109.19, 12.27], bbox: [109.17, 12.25, 109.21, 12.29] } },
  },
  legacy: {
    rows: [
      ['01', 'Thành phố Hà Nội', '001', 'Quận Ba Đình', '00004', 'Phường Trúc Bạch', '00004', 0, 0],
      ['56', KH, '568', NT, '22330', 'Phường Vĩnh Hải', '22333', 0, 3],
      ['56', KH, '568', NT, '22366', 'Phường Tân Lập', '22366', 1, 0],
      ['56', KH, '568', NT, '22402', 'Phường 10', '22402', 0, 0],
      ['56', KH, '569', 'Huyện Cam Lâm', '22657', 'Xã Cam Lâm', '22657', 0, 0],
    ],
    citation: { document: '1667/NQ-UBTVQH15', title: 'Nghị quyết 1667', article: 1, clauses: { '3': 'Sắp xếp…' } },
  },
  streets: { streets: [['Trần Phú', 109.19, 12.24, [109.18, 12.2, 109.2, 12.26], '22366', 3]] },
  pois: { pois: [['1', 'Chợ Đầm', 'shopping', 'marketplace', 109.19, 12.25, '22333']] },
};

/** Returns a hash (16 hex digits) of what `build` makes of {@link FORMAT_SAMPLE}. */
export function recordsFormatOf(build: typeof buildRecords): string {
  const { recs, legacyKept } = build(FORMAT_SAMPLE, new AdminRegistry(FORMAT_SAMPLE.admin));
  const text =
    recs
      .map((r) => JSON.stringify([r.s, r.nameWords, [...r.ctxWords], r.unitType ?? '', r.prio, r.provinceCode ?? '', r.wardCode ?? '']))
      .join('\n') + `\n${legacyKept}`;
  return fnv(text, 0x811c9dc5) + fnv(text, 0x01000193);
}

let memo: string | undefined;
/** Returns the records format of this code (computed once, on first use). */
export function recordsFormat(): string {
  return (memo ??= recordsFormatOf(buildRecords));
}

function fnv(s: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}
