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
  const upper = s.toUpperCase();
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

const NAMES = {
  vi: { ndas: 'Mã địa chỉ số', location: 'Mã vị trí', plus: 'Plus Code', other: 'Mã' },
  en: { ndas: 'National address code', location: 'Location code', plus: 'Plus Code', other: 'Code' },
} as const;

/** The name of a kind in running text (`mã vị trí`; `Plus Code` keeps its capitals). */
const inText = (lang: 'vi' | 'en', kind: ShownKind): string => (kind === 'plus' ? NAMES[lang][kind] : NAMES[lang][kind].toLowerCase());

/**
 * Returns a kind's name as a label (`Mã vị trí`, `Location code`).
 *
 * @internal
 */
export const kindLabel = (lang: 'vi' | 'en', kind: ShownKind): string => NAMES[lang][kind];

/**
 * Returns the announcement after a copy (`Đã sao chép mã vị trí`).
 *
 * @internal
 */
export const copiedText = (lang: 'vi' | 'en', kind: ShownKind): string =>
  lang === 'vi' ? `Đã sao chép ${inText(lang, kind)}` : `${NAMES.en[kind]} copied`;

/**
 * Returns the label of a code's QR symbol (`Mã QR của mã địa chỉ số 5713300001`).
 *
 * @internal
 */
export const qrText = (lang: 'vi' | 'en', kind: ShownKind, code: string): string =>
  `${lang === 'vi' ? 'Mã QR của' : 'QR code of'} ${inText(lang, kind)} ${code}`;
