// Address suggestions composed from a resolution: the typed house number and street kept,
// placed on the street inside each 2025 ward it may be in (or at the ward when the street is
// not in the data). Their ids carry what is needed to rebuild them (see parseAddressId).
import { formatAddress } from './format.js';
import type { Resolution, ResolvedCandidate } from './resolve.js';
import type { Suggestion } from './types.js';

/** What an address suggestion's id carries. */
export interface AddressIdParts {
  /** The 2025 ward code. */
  readonly ward: string;
  /** The house number as typed. */
  readonly houseNumber: string;
  /** The street as typed or as in the data (may be empty). */
  readonly street: string;
  /** The alley as typed (may be empty). */
  readonly alley: string;
}

/**
 * Returns the id of a composed address: `address:w<ward>:<house>:<street>:<alley>`, each part
 * URI-encoded, so that `retrieve` can rebuild the suggestion without a lookup table.
 *
 * @param p - The parts.
 * @returns The id.
 */
export function addressId(p: AddressIdParts): string {
  // Lone surrogates (hostile or cut text) would make encodeURIComponent throw.
  const e = (s: string) =>
    encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
  // Ids stay within 200 characters (the API's limit): a very long typed street is cut.
  let street = p.street.slice(0, 80);
  let id = `address:w${p.ward}:${e(p.houseNumber.slice(0, 20))}:${e(street)}:${e(p.alley.slice(0, 20))}`;
  while (id.length > 200 && street) {
    street = street.slice(0, -1);
    id = `address:w${p.ward}:${e(p.houseNumber.slice(0, 20))}:${e(street)}:${e(p.alley.slice(0, 20))}`;
  }
  return id;
}

/**
 * Reads an id made by {@link addressId}.
 *
 * @param id - Any id.
 * @returns The parts, or `undefined` when the id is not a composed address's.
 */
export function parseAddressId(id: string): AddressIdParts | undefined {
  const m = /^address:w(\d{5}):([^:]*):([^:]*):([^:]*)$/.exec(typeof id === 'string' ? id.slice(0, 600) : '');
  if (!m) return undefined;
  try {
    return { ward: m[1]!, houseNumber: decodeURIComponent(m[2]!), street: decodeURIComponent(m[3]!), alley: decodeURIComponent(m[4]!) };
  } catch {
    return undefined;
  }
}

/**
 * Returns a composed address suggestion for one candidate place.
 *
 * @param c - The candidate (ward, province, and the street when found there).
 * @param parts - House number, street, alley and hamlet as typed.
 * @returns The suggestion (`kind: 'address'`, `precision` `street` or `ward`).
 */
export function composeAddress(
  c: Pick<ResolvedCandidate, 'ward' | 'province' | 'location' | 'street' | 'legacy'>,
  parts: { houseNumber: string; street: string; alley: string; hamlet?: string },
): Suggestion {
  const street = c.street?.name ?? parts.street;
  const label = formatAddress({
    houseNumber: parts.houseNumber || undefined,
    alley: parts.alley || undefined,
    street: street || undefined,
    hamlet: parts.hamlet || undefined,
    ward: c.ward,
    province: c.province,
  });
  return {
    id: addressId({ ward: c.ward.code, houseNumber: parts.houseNumber, street: street || parts.hamlet || '', alley: parts.alley }),
    kind: 'address',
    label,
    description: c.street ? `${c.street.name} · ${c.ward.name}` : `${c.ward.name} · chưa xác nhận đường / street not confirmed`,
    ward: c.ward,
    province: c.province,
    ...(c.location ? { location: c.location } : {}),
    ...(c.legacy ? { legacy: c.legacy } : {}),
    ...(parts.houseNumber ? { houseNumber: parts.houseNumber } : {}),
    ...(parts.alley ? { alley: parts.alley } : {}),
    ...(street ? { street } : {}),
    precision: c.street ? 'street' : 'ward',
  };
}

/**
 * Returns the address suggestions of a resolution: one per 2025 ward the typed address may be
 * in (within the typed constraint), keeping the typed house number, alley and street. Empty
 * when no house number was typed or no place was found.
 *
 * @param r - A resolution from `resolveAddress`.
 * @param limit - Most suggestions.
 * @returns The suggestions, best first.
 */
export function addressSuggestions(r: Resolution, limit = 5): Suggestion[] {
  const c = r.parsed.components;
  const houseNumber = c.houseNumber?.value ?? '';
  const alley = c.alley?.value ?? '';
  // A number, an alley (hẻm 42, kiệt 12) or a hamlet (thôn, tổ) on a street or in a hamlet.
  if (!(houseNumber || alley || (c.hamlet && r.constrained)) || !(c.street || c.hamlet)) return [];
  const parts = { houseNumber, street: c.street?.value ?? '', alley, hamlet: c.hamlet?.value ?? '' };
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const cand of r.candidates) {
    if (seen.has(cand.ward.code)) continue;
    seen.add(cand.ward.code);
    out.push(composeAddress(cand, parts));
    if (out.length >= limit) break;
  }
  return out;
}
