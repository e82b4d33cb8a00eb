import { fold } from './normalize.js';
import type { UnitRef } from './types.js';

/** The parts of an address to format; everything is optional except the ward and province. */
export interface FormattableAddress {
  /** Name of the object (building, shop, office), if any. */
  readonly name?: string;
  /** House number (`12/3`, `Lô A1`). */
  readonly houseNumber?: string;
  /** Alley (`Hẻm 42`). */
  readonly alley?: string;
  /** Street, without `Đường`. */
  readonly street?: string;
  /** Hamlet or residential group (`Thôn Phú Hội`, `Tổ 3`). */
  readonly hamlet?: string;
  /** The 2025 ward, name with its type. */
  readonly ward: UnitRef;
  /** The 2025 province, name with its type. */
  readonly province: UnitRef;
  /** Postal code, where known (default: the ward's, when its reference carries one). */
  readonly postalCode?: string;
}

/** Options of {@link formatAddress}. */
export interface FormatOptions {
  /** `vi` (default) or `en` (no diacritics, type words after the name: `Bac Nha Trang Ward`). */
  readonly locale?: 'vi' | 'en';
  /** `line` (default): one line; `lines`: one part per line; `postal`: lines for an envelope, postal code last. */
  readonly style?: 'line' | 'lines' | 'postal';
}

const EN_TYPES: ReadonlyArray<[RegExp, string]> = [
  [/^Phường\s+/u, 'Ward'],
  [/^Xã\s+/u, 'Commune'],
  [/^Đặc khu\s+/u, 'Special Zone'],
  [/^Tỉnh\s+/u, 'Province'],
  [/^Thành phố\s+/u, 'City'],
  [/^Thị trấn\s+/u, 'Township'],
];

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

function titleAscii(s: string): string {
  return fold(s)
    .split(' ')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/**
 * Returns a unit name in English: no diacritics, the type after the name
 * (`Phường Bắc Nha Trang` → `Bac Nha Trang Ward`, `Thành phố Hà Nội` → `Ha Noi City`).
 *
 * @param name - A unit name with its type word.
 * @returns The English form.
 * @example
 * ```ts
 * unitNameEn('Tỉnh Khánh Hòa'); // 'Khanh Hoa Province'
 * ```
 */
export function unitNameEn(name: string): string {
  for (const [re, en] of EN_TYPES) {
    if (re.test(name)) {
      const rest = name.replace(re, '');
      // Numbered wards read "Ward 10".
      return /^\d+$/.test(rest) ? `${en} ${rest}` : `${titleAscii(rest)} ${en}`;
    }
  }
  return titleAscii(name);
}

/**
 * Formats an address for display or for a postal label, in the 2025 two-level form (house
 * number, street, hamlet, ward, province: no district), in Vietnamese or English.
 *
 * @param a - The address parts; `ward` and `province` are the 2025 units.
 * @param opts - Locale and style.
 * @returns One string; `lines` and `postal` join lines with `\n`.
 * @example
 * ```ts
 * formatAddress({ houseNumber: '12', street: 'Trần Phú', ward: { code: '22333', name: 'Phường Bắc Nha Trang' },
 *   province: { code: '56', name: 'Tỉnh Khánh Hòa' } });
 * // '12 Trần Phú, Phường Bắc Nha Trang, Tỉnh Khánh Hòa'
 * formatAddress(sameAddress, { locale: 'en' });
 * // '12 Tran Phu Street, Bac Nha Trang Ward, Khanh Hoa Province'
 * ```
 */
export function formatAddress(a: FormattableAddress, opts: FormatOptions = {}): string {
  const en = opts.locale === 'en';
  const clean = (s: string | undefined) => (typeof s === 'string' ? s.slice(0, 500).replace(CONTROL, '').replace(/\s+/g, ' ').trim() : '');
  let street = clean(a.street).replace(/^(đường|Đường)\s+/u, '');
  // A street named by a number or a date keeps its word: "20 Đường 23 Tháng 10", not "20 23 Tháng 10".
  if (!en && /^(?:\d|số\s)/iu.test(street)) street = `Đường ${street}`;
  const alley = clean(a.alley);
  // House number, lane, street in the order they are written: "18 Ngõ 3 Phan Chu Trinh" is house
  // 18 in lane 3 of Phan Chu Trinh ("Ngõ 3, 18 Phan Chu Trinh" would put the house on the street).
  const streetPart = [
    clean(a.houseNumber),
    alley && en ? titleAscii(alley) : alley,
    street ? (en ? `${titleAscii(street)} Street` : street) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const hamlet = clean(a.hamlet);
  const local = [streetPart, hamlet ? (en ? titleAscii(hamlet) : hamlet) : ''].filter(Boolean);
  const ward = en ? unitNameEn(clean(a.ward.name)) : clean(a.ward.name);
  const province = en ? unitNameEn(clean(a.province.name)) : clean(a.province.name);
  const name = clean(a.name);
  const postal = clean(a.postalCode ?? a.ward.postalCode);
  switch (opts.style ?? 'line') {
    case 'lines':
      return [name, local.join(', '), ward, province].filter(Boolean).join('\n');
    case 'postal':
      return [name, local.join(', '), ward, [province, postal].filter(Boolean).join(' '), en ? 'VIETNAM' : 'VIỆT NAM']
        .filter(Boolean)
        .join('\n');
    default:
      return [name, ...local, ward, province].filter(Boolean).join(', ');
  }
}
