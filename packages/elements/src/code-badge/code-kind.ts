/**
 * The three kinds of code the badge and the plate show, recognised by shape alone (no dataset,
 * no core import: the badge is part of the start-up bundle), with their names in vi/en.
 *
 * @internal
 */
export type ShownKind = 'ndas' | 'location' | 'plus' | 'other';

const OLC = '[23456789CFGHJMPQRVWX]';
const LOCATION = new RegExp(`^(\\d{5})(${OLC}{7}|${OLC}{9})$`);
const PLUS = new RegExp(`^${OLC}{8}\\+${OLC}{2,7}$`);

/**
 * Returns a code's kind and display form: a national address code as its 10 digits, a location
 * code as `22366-65WW+848`, a Plus Code in upper case; other text as given (at most 64 characters).
 *
 * @param text - The code as given.
 * @returns The kind and the text to show.
 * @internal
 */
export function shownCode(text: string): { kind: ShownKind; code: string } {
  const s = String(text ?? '').slice(0, 64);
  const upper = s.normalize('NFKC').toUpperCase();
  const digits = upper.replace(/[\s\-–—.]/g, '');
  if (/^\d{10}$/.test(digits)) return { kind: 'ndas', code: digits };
  if (PLUS.test(upper.trim())) return { kind: 'plus', code: upper.trim() };
  const raw = upper.replace(/[\s\-.+_/]/g, '');
  const m = LOCATION.exec(raw);
  if (m) return { kind: 'location', code: `${m[1]}-${m[2]!.slice(0, -3)}+${m[2]!.slice(-3)}` };
  return { kind: 'other', code: s };
}

/** The public map of the national platform, which a national address code's QR symbol opens. */
export const mapUrlOf = (ndas: string): string => `https://diachiso.gov.vn/#/map/${ndas}`;

/** Names of the kinds, and the badge's announcements, per language. @internal */
export const KIND_STRINGS = {
  vi: {
    ndas: 'Mã địa chỉ số',
    location: 'Mã vị trí',
    plus: 'Plus Code',
    other: 'Mã',
    copied: (label: string) => `Đã sao chép ${label === 'Plus Code' ? label : label.toLowerCase()}`,
    qrOf: (label: string, code: string) => `Mã QR của ${label === 'Plus Code' ? label : label.toLowerCase()} ${code}`,
    plateTitle: { ndas: 'BIỂN MÃ ĐỊA CHỈ SỐ', location: 'MÃ VỊ TRÍ', plus: 'PLUS CODE', other: 'BIỂN MÃ' },
  },
  en: {
    ndas: 'National address code',
    location: 'Location code',
    plus: 'Plus Code',
    other: 'Code',
    copied: (label: string) => `${label} copied`,
    qrOf: (label: string, code: string) => `QR code of ${label === 'Plus Code' ? label : label.toLowerCase()} ${code}`,
    plateTitle: { ndas: 'NATIONAL ADDRESS CODE', location: 'LOCATION CODE', plus: 'PLUS CODE', other: 'CODE' },
  },
} as const;
