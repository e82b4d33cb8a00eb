import { formatAddress } from './format.js';
import type { Gazetteer } from './gazetteer.js';
import type { ConversionCandidate, LegacyConverter } from './legacy.js';
import type { ComponentName } from './parse.js';
import {
  preferredRespelled,
  resolveAddress,
  type ComponentVerdict,
  type ComponentVerdictKind,
  type Granularity,
  type Resolution,
} from './resolve.js';
import type { StreetDirectory } from './streets.js';
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
  /** The ward's 5-digit postal code (Decision 2334/QĐ-BKHCN), where the dataset has it. */
  readonly postalCode?: string;
  /** One line, Vietnamese. */
  readonly formatted: string;
  /** One line, English. */
  readonly formattedEn: string;
}

/** The answer of {@link verifyAddress}. */
export interface VerifyResult {
  /** `valid`: as typed, in 2025 form; `corrected`: understood, with changes (see findings);
   *  `ambiguous`: several 2025 units possible within what was typed (see candidates, none is
   *  chosen); `invalid`: no ward/province found within what was typed. A bare name that is both
   *  a pre-2025 district and the 2025 ward of that name inside it (`Quốc Oai`) is that ward, not
   *  `ambiguous`: the district's other wards follow it in `candidates`, and the ward's component
   *  verdict is `unconfirmed`. */
  readonly status: VerifyStatus;
  /** The normalised 2025 address (the best candidate's), absent when invalid. */
  readonly address?: VerifiedAddress;
  /** Per-component findings. */
  readonly findings: readonly Finding[];
  /** Every 2025 unit the address may be in. */
  readonly candidates: readonly ConversionCandidate[];
  /** The text as given (or as assembled from components). */
  readonly input: string;
  /** How each component was established (confirmed, corrected, replaced, inferred, unconfirmed). */
  readonly components?: readonly ComponentVerdict[];
  /** How precisely the place was established: `route` (street in one ward), `ward`, `province`, `other`. */
  readonly granularity?: Granularity;
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
 * @param converter - Unused (the resolver reads pre-2025 units itself); kept for existing callers.
 * @param streets - The streets of the data: a street found is placed in the wards it passes through.
 * @returns The verdict, with a verdict per component and the granularity.
 * @example
 * ```ts
 * verifyAddress('12 Trần Phú, P. Vĩnh Hải, TP. Nha Trang', g, conv).status; // 'corrected'
 * ```
 */
export function verifyAddress(
  input: string | AddressComponents,
  g: Gazetteer,
  converter?: LegacyConverter,
  streets?: StreetDirectory,
): VerifyResult {
  void converter; // the resolver reads pre-2025 units itself; kept for callers
  const text = typeof input === 'string' ? input.slice(0, 1024) : input && typeof input === 'object' ? joinComponents(input) : '';
  const r = resolveAddress(text, g, streets);
  const c = r.parsed.components;
  const findings = findingsOf(r);
  const candidates = r.candidates;
  const base = { components: r.components, granularity: r.granularity, input: text };
  if (candidates.length === 0) return { status: 'invalid', findings, candidates, ...base };

  const best = candidates[0]!;
  const distinct = new Set(candidates.map((x) => x.ward.code));
  const houseNumber = c.houseNumber?.value;
  const street = r.street && best.street ? r.street.name : c.street?.value;
  const parts = {
    houseNumber,
    alley: c.alley?.value,
    street,
    hamlet: c.hamlet?.value,
    ward: best.ward,
    province: best.province,
  };
  const postalCode = g.registry.postalCodeOf(best.ward.code);
  const address: VerifiedAddress = {
    ...(houseNumber ? { houseNumber } : {}),
    ...(c.alley ? { alley: c.alley.value } : {}),
    ...(street ? { street } : {}),
    ...(c.hamlet ? { hamlet: c.hamlet.value } : {}),
    ward: best.ward,
    province: best.province,
    ...(postalCode ? { postalCode } : {}),
    formatted: formatAddress(parts),
    formattedEn: formatAddress(parts, { locale: 'en' }),
  };
  let status: VerifyStatus;
  // Several wards, none likely above the others: the user chooses. A likely one (a bare name that
  // is an old district and its 2025 ward, r.preferred) is the answer; the others stay candidates.
  if (distinct.size > 1 && !r.preferred) status = 'ambiguous';
  else if (
    preferredRespelled(r) ||
    r.components.some(
      (v) => v.verdict === 'replaced' || v.verdict === 'spelling-corrected' || (v.verdict === 'inferred' && v.component !== 'ward'),
    )
  )
    status = 'corrected';
  else status = findings.some((f) => f.kind === 'unrecognized' || f.kind === 'expanded') ? 'corrected' : 'valid';
  return { status, address, findings, candidates, ...base };
}

/** The components as one line, in the order of a Vietnamese address. */
function joinComponents(input: AddressComponents): string {
  return [
    input.houseNumber && input.street ? `${input.houseNumber} ${input.street}` : (input.street ?? input.houseNumber),
    input.hamlet,
    input.ward,
    input.district,
    input.province,
  ]
    .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
    .map((x) => x.replace(/,/g, ' '))
    .join(', ')
    .slice(0, 1024);
}

const FINDING_OF: Readonly<Partial<Record<ComponentVerdictKind, FindingKind>>> = {
  replaced: 'legacy-unit',
  'spelling-corrected': 'misspelled',
  inferred: 'missing',
  unconfirmed: 'unconfirmed',
};

/** The findings (the older, per-problem view) from the resolution's verdicts. */
function findingsOf(r: Resolution): Finding[] {
  const c = r.parsed.components;
  const out: Finding[] = r.parsed.unrecognized.map((u) => ({
    component: 'address' as const,
    kind: 'unrecognized' as const,
    from: u.text,
    start: u.start,
    end: u.end,
    vi: `Không nhận ra "${u.text}".`,
    en: `"${u.text}" was not recognised.`,
  }));
  for (const v of r.components) {
    const kind = FINDING_OF[v.verdict];
    if (!kind || v.component === 'houseNumber' || v.component === 'alley' || v.component === 'hamlet') continue;
    const at = c[v.component];
    out.push({
      component: v.component,
      kind,
      ...(v.text ? { from: v.text } : {}),
      ...(v.value ? { to: v.value } : {}),
      ...(v.citation ? { citation: v.citation } : {}),
      // Only what changed is located in the input (a UI marks it); a part kept as typed is not.
      ...(at && kind !== 'unconfirmed' ? { start: at.start, end: at.end } : {}),
      vi: v.vi,
      en: v.en,
    });
  }
  if (!c.ward && !r.components.some((v) => v.component === 'ward'))
    out.push({ component: 'ward', kind: 'missing', vi: 'Thiếu phường/xã.', en: 'The ward/commune is missing.' });
  if (!c.street && !c.hamlet)
    out.push({
      component: 'street',
      kind: 'missing',
      vi: 'Thiếu số nhà, đường hoặc thôn/tổ.',
      en: 'The house number, street or hamlet is missing.',
    });
  return out;
}
