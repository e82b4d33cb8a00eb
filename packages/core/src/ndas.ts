import type { AdminRegistry } from './registry.js';
import type { UnitRef } from './types.js';

/**
 * The national address code (*mã địa chỉ số*, `ndasCode` on the platform): 10 digits, the
 * 5-digit postal code of the ward (Decision 2334/QĐ-BKHCN) followed by a 5-digit serial that the
 * platform assigns when the address is registered (`%05d%05d`). It names a registration, not a
 * place: it cannot be decoded into a point, only looked up (online on the platform, offline in a
 * local registry). See docs/digital-address-code.md.
 */

/** Why a text is not a national address code, or what is wrong with one. */
export type NdasReason =
  | 'empty'
  | 'too-long'
  | 'not-digits'
  | 'too-few-digits'
  | 'too-many-digits'
  | 'unknown-prefix'
  | 'prefix-not-in-province'
  | 'postal-code-not-ward'
  | 'unknown-postal-code';

/** One thing found about a code: an `error` makes it invalid, a `warning` does not. */
export interface CodeFinding {
  /** What was found (`prefix-not-in-province`, `length`, …). */
  readonly reason: string;
  /** `error`: the code cannot be right; `warning`: it may be, but could not be confirmed. */
  readonly severity: 'error' | 'warning';
  /** Explanation in Vietnamese. */
  readonly vi: string;
  /** Explanation in English. */
  readonly en: string;
}

/** The result of {@link parseNdas}: the 10 digits split in two, or why the text is not a code. */
export type NdasParse =
  | {
      readonly ok: true;
      /** The 10 digits (`5713300001`). */
      readonly code: string;
      /** The ward's postal code, the first 5 digits (`57133`). */
      readonly postalCode: string;
      /** The serial within that postal code, the last 5 digits (`00001`). */
      readonly serial: string;
    }
  | {
      readonly ok: false;
      /** Why not. */
      readonly reason: NdasReason;
      /** Explanation in Vietnamese. */
      readonly vi: string;
      /** Explanation in English. */
      readonly en: string;
    };

/** What the code is checked against in {@link validateNdas}: the place it is said to belong to. */
export interface NdasContext {
  /** The 2025 ward the address is in (5-digit code), when known. */
  readonly ward?: string;
  /** The 2025 province (2-digit code), when known. */
  readonly province?: string;
}

/** The public map of the national platform; the 10 digits follow. */
export const NDAS_MAP_URL = 'https://diachiso.gov.vn/#/map/';

const LENGTH = 10;

function message(reason: NdasReason, n = 0, extra = ''): { vi: string; en: string } {
  switch (reason) {
    case 'empty':
      return { vi: 'Chưa nhập mã địa chỉ số.', en: 'No national address code was entered.' };
    case 'too-long':
      return { vi: 'Nội dung quá dài để là một mã địa chỉ số.', en: 'Too long to be a national address code.' };
    case 'not-digits':
      return {
        vi: 'Mã địa chỉ số chỉ gồm 10 chữ số (có thể cách bằng dấu cách hoặc gạch ngang).',
        en: 'A national address code has digits only: 10 of them (spaces and dashes are allowed).',
      };
    case 'too-few-digits':
      return { vi: `Mã địa chỉ số có 10 chữ số; mới có ${n}.`, en: `A national address code has 10 digits; this has ${n}.` };
    case 'too-many-digits':
      return { vi: `Mã địa chỉ số có 10 chữ số; ở đây có ${n}.`, en: `A national address code has 10 digits; this has ${n}.` };
    case 'unknown-prefix':
      return {
        vi: `5 chữ số đầu (${extra}) không phải mã bưu chính của tỉnh/thành phố nào.`,
        en: `The first 5 digits (${extra}) are not a postal code of any province.`,
      };
    case 'prefix-not-in-province':
      return {
        vi: `Mã bưu chính ${extra} không thuộc tỉnh/thành phố của địa chỉ.`,
        en: `Postal code ${extra} does not belong to the address's province.`,
      };
    case 'postal-code-not-ward':
      return {
        vi: `Mã bưu chính ${extra} không phải mã bưu chính của phường/xã của địa chỉ.`,
        en: `Postal code ${extra} is not the postal code of the address's ward.`,
      };
    case 'unknown-postal-code':
      return {
        vi: `Mã bưu chính ${extra} không phải mã của phường/xã nào trong dữ liệu (Quyết định 2334/QĐ-BKHCN): chưa xác nhận được.`,
        en: `Postal code ${extra} is not the code of any ward in the data (Decision 2334/QĐ-BKHCN): it could not be confirmed.`,
      };
  }
}

function fail(reason: NdasReason, n = 0): NdasParse {
  return { ok: false, reason, ...message(reason, n) };
}

/**
 * Reads a national address code the way people type it: spaces, dashes, dots anywhere, full-width
 * digits. Checks the shape only (10 digits); {@link validateNdas} checks the postal code.
 *
 * @param text - What the user typed.
 * @returns The code split into postal code and serial, or why the text is not one (vi/en).
 * @example
 * ```ts
 * parseNdas('57133 00001'); // { ok: true, code: '5713300001', postalCode: '57133', serial: '00001' }
 * parseNdas('571330001');   // { ok: false, reason: 'too-few-digits', … }
 * ```
 */
export function parseNdas(text: string): NdasParse {
  if (typeof text !== 'string' || !text.trim()) return fail('empty');
  if (text.length > 64) return fail('too-long');
  const raw = text.normalize('NFKC').replace(/[\s\-–—._/]/g, '');
  if (!/^\d+$/.test(raw)) return fail('not-digits');
  if (raw.length < LENGTH) return fail('too-few-digits', raw.length);
  if (raw.length > LENGTH) return fail('too-many-digits', raw.length);
  return { ok: true, code: raw, postalCode: raw.slice(0, 5), serial: raw.slice(5) };
}

/**
 * Checks the postal code of a national address code against the postal codes of Decision
 * 2334/QĐ-BKHCN: its first 2 digits must be a prefix of a province (of the address's province,
 * when given), and its 5 digits the postal code of the address's ward, when given. Without a
 * ward, a postal code that is no ward's code is a warning: it could not be confirmed.
 *
 * @param code - A code as returned by {@link parseNdas} (10 digits).
 * @param registry - The 2025 registry, with postal codes.
 * @param context - The ward and province the code is said to belong to.
 * @returns The findings (empty when everything agrees) and the ward whose postal code it is.
 * @example
 * ```ts
 * validateNdas('5713300001', registry, { ward: '22333' }).findings[0]?.reason; // 'postal-code-not-ward'
 * ```
 */
export function validateNdas(
  code: string,
  registry: AdminRegistry,
  context: NdasContext = {},
): { findings: CodeFinding[]; ward?: UnitRef; province?: UnitRef } {
  const postal = String(code).slice(0, 5);
  const findings: CodeFinding[] = [];
  const add = (reason: NdasReason, severity: CodeFinding['severity']) => findings.push({ reason, severity, ...message(reason, 0, postal) });
  const byPostal = registry.wardByPostalCode(postal);
  const ctxWard = context.ward ? registry.ward(context.ward) : undefined;
  const provinceCode = context.province ?? ctxWard?.provinceCode;
  const ctxProvince = provinceCode ? registry.province(provinceCode) : undefined;
  const prefixOk = (p: { postalPrefixes?: readonly string[] }) => p.postalPrefixes?.includes(postal.slice(0, 2)) ?? true;
  if (!registry.provinces.some((p) => p.postalPrefixes?.includes(postal.slice(0, 2)))) {
    if (registry.provinces.some((p) => p.postalPrefixes)) add('unknown-prefix', 'error');
  } else if (ctxProvince && !prefixOk(ctxProvince)) add('prefix-not-in-province', 'error');
  if (ctxWard?.postalCode && ctxWard.postalCode !== postal) add('postal-code-not-ward', 'error');
  else if (!byPostal && !findings.length && registry.wards.some((w) => w.postalCode)) add('unknown-postal-code', 'warning');
  const w = byPostal ?? undefined;
  const p = w ? registry.province(w.provinceCode) : undefined;
  return {
    findings,
    ...(w ? { ward: { code: w.code, name: w.fullName, ...(w.postalCode ? { postalCode: w.postalCode } : {}) } } : {}),
    ...(p ? { province: { code: p.code, name: p.fullName } } : {}),
  };
}

/**
 * Formats a national address code: `compact` (10 digits, as the platform writes it; default) or
 * `grouped` (postal code, a space, serial: easier to read aloud and to copy by hand).
 *
 * @param code - A code in any form {@link parseNdas} accepts.
 * @param style - `compact` or `grouped`.
 * @returns The formatted code, or `undefined` when the text is not a code.
 * @example
 * ```ts
 * formatNdas('57133-00001'); // '5713300001'
 * formatNdas('5713300001', 'grouped'); // '57133 00001'
 * ```
 */
export function formatNdas(code: string, style: 'compact' | 'grouped' = 'compact'): string | undefined {
  const p = parseNdas(code);
  if (!p.ok) return undefined;
  return style === 'grouped' ? `${p.postalCode} ${p.serial}` : p.code;
}

/**
 * Returns the national platform's public map address of a code, which its QR symbol carries.
 *
 * @param code - A code in any form {@link parseNdas} accepts.
 * @returns `https://diachiso.gov.vn/#/map/<10 digits>`, or `undefined` when the text is not a code.
 * @example
 * ```ts
 * ndasMapUrl('57133 00001'); // 'https://diachiso.gov.vn/#/map/5713300001'
 * ```
 */
export function ndasMapUrl(code: string): string | undefined {
  const p = parseNdas(code);
  return p.ok ? `${NDAS_MAP_URL}${p.code}` : undefined;
}

/**
 * Returns the national address code of a postal code and a serial (`%05d%05d`).
 *
 * @param postalCode - The ward's 5-digit postal code.
 * @param serial - A serial from 1 to 99,999.
 * @returns The 10 digits.
 * @throws RangeError when the postal code is not 5 digits or the serial is out of range.
 * @example
 * ```ts
 * composeNdas('57133', 1); // '5713300001'
 * ```
 */
export function composeNdas(postalCode: string, serial: number): string {
  if (!/^\d{5}$/.test(postalCode)) throw new RangeError('The postal code must have 5 digits.');
  if (!Number.isInteger(serial) || serial < 1 || serial > 99_999)
    throw new RangeError('The serial must be a whole number from 1 to 99,999.');
  return `${postalCode}${String(serial).padStart(5, '0')}`;
}
