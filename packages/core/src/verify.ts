import { formatAddress } from './format.js';
import { nameKey, type Gazetteer } from './gazetteer.js';
import type { ConversionCandidate, LegacyConverter } from './legacy.js';
import { fold } from './normalize.js';
import type { ComponentName, ParsedAddress } from './parse.js';
import type { Citation, UnitRef } from './types.js';

/** The verdict on an address. */
export type VerifyStatus = 'valid' | 'corrected' | 'ambiguous' | 'invalid';

/** What verification found about one component. */
export type FindingKind = 'legacy-unit' | 'misspelled' | 'missing' | 'outside-province' | 'unconfirmed' | 'unrecognized' | 'expanded';

/** One finding, with a message in both languages. */
export interface Finding {
  /** The component it is about. */
  readonly component: ComponentName | 'address';
  /** What was found. */
  readonly kind: FindingKind;
  /** What the user wrote, where relevant. */
  readonly from?: string;
  /** What it becomes, where relevant. */
  readonly to?: string;
  /** For `legacy-unit`: the legal basis of the change. */
  readonly citation?: Citation;
  /** Offsets of the component in the input, for highlighting. */
  readonly start?: number;
  /** End offset. */
  readonly end?: number;
  /** Explanation in Vietnamese. */
  readonly vi: string;
  /** Explanation in English. */
  readonly en: string;
}

/** The normalised 2025 address. */
export interface VerifiedAddress {
  /** House number, as typed (canonical form). */
  readonly houseNumber?: string;
  /** Alley. */
  readonly alley?: string;
  /** Street. */
  readonly street?: string;
  /** Hamlet or residential group. */
  readonly hamlet?: string;
  /** The 2025 ward. */
  readonly ward: UnitRef;
  /** The 2025 province. */
  readonly province: UnitRef;
  /** One line, Vietnamese. */
  readonly formatted: string;
  /** One line, English. */
  readonly formattedEn: string;
}

/** The answer of {@link verifyAddress}. */
export interface VerifyResult {
  /** `valid`: as typed, in 2025 form; `corrected`: understood, with changes (see findings);
   *  `ambiguous`: several 2025 units possible (see candidates); `invalid`: no ward/province found. */
  readonly status: VerifyStatus;
  /** The normalised 2025 address (the best candidate's), absent when invalid. */
  readonly address?: VerifiedAddress;
  /** Per-component findings. */
  readonly findings: readonly Finding[];
  /** Every 2025 unit the address may be in. */
  readonly candidates: readonly ConversionCandidate[];
  /** The text as given (or as assembled from components). */
  readonly input: string;
}

/** Address components, for verifying a structured address. */
export interface AddressComponents {
  /** House number. */
  houseNumber?: string;
  /** Street. */
  street?: string;
  /** Hamlet. */
  hamlet?: string;
  /** Ward (2025 or pre-2025), with or without its type. */
  ward?: string;
  /** Pre-2025 district, if the user gave one. */
  district?: string;
  /** Province. */
  province?: string;
}

/**
 * Verifies an address: reads it, converts pre-2025 units (with the legal citation), checks the
 * ward is in the province, and returns a verdict, the normalised 2025 address, per-component
 * findings and every candidate. Never throws; hostile input gives `invalid`.
 *
 * @param input - Free text, or components.
 * @param g - The gazetteer.
 * @param converter - The legacy converter built on it.
 * @returns The verdict.
 * @example
 * ```ts
 * verifyAddress('12 Trần Phú, P. Vĩnh Hải, TP. Nha Trang', g, conv).status; // 'corrected'
 * ```
 */
export function verifyAddress(input: string | AddressComponents, g: Gazetteer, converter: LegacyConverter): VerifyResult {
  const text =
    typeof input === 'string'
      ? input.slice(0, 1024)
      : input && typeof input === 'object'
        ? [
            input.houseNumber && input.street ? `${input.houseNumber} ${input.street}` : (input.street ?? input.houseNumber),
            input.hamlet,
            input.ward,
            input.district,
            input.province,
          ]
            .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
            .map((x) => x.replace(/,/g, ' '))
            .join(', ')
            .slice(0, 1024)
        : '';
  const conv = converter.convert(text);
  const parsed: ParsedAddress = conv.parsed;
  const c = parsed.components;
  const findings: Finding[] = [];
  const candidates = conv.candidates;

  for (const u of parsed.unrecognized)
    findings.push({
      component: 'address',
      kind: 'unrecognized',
      from: u.text,
      start: u.start,
      end: u.end,
      vi: `Không nhận ra "${u.text}".`,
      en: `"${u.text}" was not recognised.`,
    });

  if (!c.ward || candidates.length === 0) {
    if (!c.ward) findings.push({ component: 'ward', kind: 'missing', vi: 'Thiếu phường/xã.', en: 'The ward/commune is missing.' });
    else
      findings.push({
        component: 'ward',
        kind: 'unconfirmed',
        from: c.ward.text,
        start: c.ward.start,
        end: c.ward.end,
        vi: `Không tìm thấy phường/xã "${c.ward.text}"${c.province ? ` ở ${c.province.value}` : ''}.`,
        en: `No ward/commune "${c.ward.text}"${c.province ? ` in ${c.province.value}` : ''} was found.`,
      });
    if (c.province && !g.isProvince(c.province.key ?? '')) {
      findings.push({
        component: 'province',
        kind: 'unconfirmed',
        from: c.province.text,
        vi: 'Không nhận ra tỉnh/thành phố.',
        en: 'The province was not recognised.',
      });
    }
    return { status: 'invalid', findings, candidates, input: text };
  }

  const best = candidates[0]!;
  const top = candidates.filter((x) => x.confidence === best.confidence);
  const distinct = new Set(top.map((x) => x.ward.code));
  // The province typed must contain the ward (a 2025 province or a pre-2025 one merged into it).
  if (c.province && c.province.key) {
    const codes = g.provinceCodesFor(c.province.key);
    if (codes.length && !codes.includes(best.province.code))
      findings.push({
        component: 'province',
        kind: 'outside-province',
        from: c.province.text,
        to: best.province.name,
        vi: `${best.ward.name} không thuộc ${c.province.value}.`,
        en: `${best.ward.name} is not in ${c.province.value}.`,
      });
  } else {
    findings.push({
      component: 'province',
      kind: 'missing',
      to: best.province.name,
      vi: `Đã bổ sung tỉnh/thành phố: ${best.province.name}.`,
      en: `The province was added: ${best.province.name}.`,
    });
  }
  if (best.era === 'legacy' && best.legacy) {
    const cite = best.citation;
    findings.push({
      component: 'ward',
      kind: 'legacy-unit',
      from: [best.legacy.ward.name, best.legacy.district?.name].filter(Boolean).join(', '),
      to: best.ward.name,
      start: c.ward.start,
      end: c.ward.end,
      ...(cite ? { citation: cite } : {}),
      vi:
        `${best.legacy.ward.name}${best.legacy.district ? `, ${best.legacy.district.name}` : ''} nay là ${best.ward.name}, ${best.province.name}` +
        (cite ? ` (khoản ${cite.clause} Điều ${cite.article} Nghị quyết ${cite.document}).` : ' (sắp xếp đơn vị hành chính từ 1/7/2025).'),
      en:
        `${best.legacy.ward.name}${best.legacy.district ? `, ${best.legacy.district.name}` : ''} is now ${best.ward.name}, ${best.province.name}` +
        (cite ? ` (Resolution ${cite.document}, Article ${cite.article}, clause ${cite.clause}).` : ' (reorganisation of 1 July 2025).'),
    });
    if (c.district)
      findings.push({
        component: 'district',
        kind: 'legacy-unit',
        from: c.district.text,
        vi: 'Cấp huyện không còn từ 1/7/2025; địa chỉ mới không ghi quận/huyện.',
        en: 'Districts were abolished on 1 July 2025; the new address has none.',
      });
  } else if (
    c.ward.text &&
    fold(c.ward.text) === c.ward.text.toLowerCase() &&
    nameKey(best.ward.name.replace(/^(Phường|Xã|Đặc khu)\s+/u, '')) === c.ward.key
  ) {
    // Typed without diacritics: the spelling is restored.
    if (c.ward.text.normalize('NFC') !== best.ward.name)
      findings.push({
        component: 'ward',
        kind: 'misspelled',
        from: c.ward.text,
        to: best.ward.name,
        start: c.ward.start,
        end: c.ward.end,
        vi: `Chuẩn hóa "${c.ward.text}" thành "${best.ward.name}".`,
        en: `"${c.ward.text}" is spelled "${best.ward.name}".`,
      });
  }
  if (c.ward.text !== c.ward.value && /^(p|x|tt|f|ph|dk)\b/i.test(fold(c.ward.text)) && best.era === '2025')
    findings.push({
      component: 'ward',
      kind: 'expanded',
      from: c.ward.text,
      to: best.ward.name,
      vi: `Viết đầy đủ: ${best.ward.name}.`,
      en: `Written in full: ${best.ward.name}.`,
    });
  if (!c.street && !c.hamlet)
    findings.push({
      component: 'street',
      kind: 'missing',
      vi: 'Thiếu số nhà, đường hoặc thôn/tổ.',
      en: 'The house number, street or hamlet is missing.',
    });

  const address: VerifiedAddress = {
    ...(c.houseNumber ? { houseNumber: c.houseNumber.value } : {}),
    ...(c.alley ? { alley: c.alley.value } : {}),
    ...(c.street ? { street: c.street.value } : {}),
    ...(c.hamlet ? { hamlet: c.hamlet.value } : {}),
    ward: best.ward,
    province: best.province,
    formatted: '',
    formattedEn: '',
  };
  const parts = {
    houseNumber: address.houseNumber,
    alley: address.alley,
    street: address.street,
    hamlet: address.hamlet,
    ward: best.ward,
    province: best.province,
  };
  const full: VerifiedAddress = { ...address, formatted: formatAddress(parts), formattedEn: formatAddress(parts, { locale: 'en' }) };

  let status: VerifyStatus;
  if (distinct.size > 1) status = 'ambiguous';
  else if (findings.some((f) => f.kind === 'outside-province')) status = 'invalid';
  else if (findings.some((f) => f.kind !== 'missing' || f.component === 'province')) status = 'corrected';
  else status = 'valid';
  // A valid address still lacks its street part: say so, but it is not a correction.
  if (status === 'corrected' && findings.every((f) => f.kind === 'missing' && f.component === 'street')) status = 'valid';
  return { status, ...(status !== 'invalid' ? { address: full } : {}), findings, candidates, input: text };
}
