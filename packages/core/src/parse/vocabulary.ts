// The words the parser knows besides unit names: unit types, and the markers of hamlets,
// alleys, streets, lots and house numbers (folded, as `tokenize` gives them).
import type { UnitType } from '../normalize.js';

export const WARD_TYPES: ReadonlySet<UnitType> = new Set(['phuong', 'xa', 'thi-tran', 'dac-khu']);
export const DISTRICT_TYPES: ReadonlySet<UnitType> = new Set(['quan', 'huyen', 'thi-xa']);
export const TYPE_WORD: Readonly<Record<UnitType, string>> = {
  phuong: 'Phường',
  xa: 'Xã',
  'thi-tran': 'Thị trấn',
  'dac-khu': 'Đặc khu',
  quan: 'Quận',
  huyen: 'Huyện',
  'thi-xa': 'Thị xã',
  'thanh-pho': 'Thành phố',
  tinh: 'Tỉnh',
};

/** The administrative levels a unit name can fill, lowest first. */
export type Role = 'ward' | 'district' | 'province';
export const RANK: Readonly<Record<Role, number>> = { ward: 0, district: 1, province: 2 };
/** The levels tried for an unmarked name, highest first. */
export const ROLES: readonly Role[] = ['province', 'district', 'ward'];

/** What a non-unit marker word starts. */
export type Extra = 'hamlet' | 'alley' | 'street' | 'lot' | 'number';
export const EXTRA_MULTI: ReadonlyArray<[string[], Extra]> = [
  [['to', 'dan', 'pho'], 'hamlet'],
  [['khu', 'pho'], 'hamlet'],
  [['khu', 'dan', 'cu'], 'hamlet'],
  [['so', 'nha'], 'number'],
];
export const EXTRA_SINGLE: Readonly<Record<string, Extra>> = {
  thon: 'hamlet',
  ap: 'hamlet',
  tdp: 'hamlet',
  kp: 'hamlet',
  to: 'hamlet',
  xom: 'hamlet',
  buon: 'hamlet',
  khom: 'hamlet',
  ban: 'hamlet',
  lang: 'hamlet',
  hem: 'alley',
  kiet: 'alley',
  ngo: 'alley',
  ngach: 'alley',
  hxh: 'alley',
  duong: 'street',
  pho: 'street',
  lo: 'lot',
  so: 'number',
  sn: 'number',
};

/** The canonical spelling of hamlet and alley words. */
export const MARKER_WORDS: Readonly<Record<string, string>> = {
  thon: 'Thôn',
  ap: 'Ấp',
  to: 'Tổ',
  tdp: 'Tổ dân phố',
  'to dan pho': 'Tổ dân phố',
  kp: 'Khu phố',
  'khu pho': 'Khu phố',
  'khu dan cu': 'Khu dân cư',
  xom: 'Xóm',
  buon: 'Buôn',
  khom: 'Khóm',
  ban: 'Bản',
  lang: 'Làng',
  hem: 'Hẻm',
  kiet: 'Kiệt',
  ngo: 'Ngõ',
  ngach: 'Ngách',
  hxh: 'Hẻm xe hơi',
};

// 12, 12A, 12/3/5B, K448/20 (kiệt 448, ngách 20), 12-14.
export const HOUSE =
  /^\s*(?:(?:số nhà|so nha|số|so|sn|nhà|nha)\s*)?((?:[A-Za-z]{1,2}(?=\d))?\d{1,5}[A-Za-z]?(?:\s*[/-]\s*\d{1,5}[A-Za-z]?){0,4})(?![\p{L}\p{N}])/iu;
export const LOT = /^\s*(?:lô|lo)\s+([A-Za-z]{0,3}\d{1,4}[A-Za-z0-9-]{0,6})(?![\p{L}\p{N}])/iu;
