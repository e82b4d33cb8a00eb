// Suggestions for a whole address typed in one go ("12 Trần Phú, Nha Trang"): the resolver's
// composed addresses first (typed number and street kept, placed on the street in each ward it
// may be in), then the index's own matches, all kept within the province/locality typed.
import { AdminRegistry, parseAddressId, type Resolution, type Suggestion } from '@diachiso/core';
import { composeAddress, addressSuggestions, type StreetDirectory } from '@diachiso/core/internal';
import type { SearchIndex, SuggestOptions } from './search-index.js';

/**
 * Returns whether a query is a whole address rather than a name being typed: a house number
 * followed by words, or several comma-separated parts.
 *
 * @param text - The query.
 * @returns True for whole addresses.
 */
export function looksLikeWholeAddress(text: string): boolean {
  if (typeof text !== 'string' || text.length < 5) return false;
  const t = text.slice(0, 1024);
  return (
    /^\s*(?:(?:số nhà|so nha|số|so|sn)\s*)?(?:[A-Za-z]{1,2})?\d{1,5}[A-Za-z]?(?:[/-]\d{1,5}[A-Za-z]?)*\s+\p{L}/iu.test(t) ||
    /\p{L}[^,]*,\s*\p{L}/u.test(t) ||
    // A lane and its number first, the house number after (`hem 5 tran phu so 7 nha trang`).
    /^\s*(?:hẻm|hem|ngõ|ngo|kiệt|kiet|ngách|ngach)\s*\d{1,5}[A-Za-z]?(?:[/-]\d{1,5}[A-Za-z]?)*\s+\p{L}/iu.test(t)
  );
}

/**
 * Returns the suggestions for a whole address: composed addresses (when a house number was
 * typed), then the index's matches that lie within the typed constraint.
 *
 * @param text - The query.
 * @param opts - Limit and preferences.
 * @param deps - The index and the resolver.
 * @returns Suggestions, best first.
 */
export function suggestWholeAddress(
  text: string,
  opts: SuggestOptions,
  deps: { index: Pick<SearchIndex, 'suggest' | 'get'>; resolve: (t: string) => Resolution },
): Suggestion[] {
  const limit = Math.max(1, Math.min(50, Math.floor(Number(opts.limit ?? 5)) || 5));
  const r = deps.resolve(text);
  const house = !!r.parsed.components.houseNumber;
  // Nothing recognised as a place (a name still being typed, a shop's name with a number): the
  // index answers alone.
  if (!r.constrained && !(house && r.street)) return deps.index.suggest(text, opts);
  const wantAddress = !opts.kinds || opts.kinds.includes('address');
  const out: Suggestion[] = wantAddress ? addressSuggestions(r, limit) : [];
  const provinces = new Set(r.provinces);
  const wards = new Set(r.scopeWards);
  const within = (s: Suggestion) => {
    if (!r.constrained) return true;
    if (provinces.size && s.province && !provinces.has(s.province.code)) return false;
    if (wards.size && s.kind !== 'province' && (!s.ward || !wards.has(s.ward.code))) return false;
    return true;
  };
  // A ward typed in full within its place: the resolver's reading first (an exact complete
  // name beats a longer one that starts with it).
  if (!out.length && r.parsed.components.ward && (!opts.kinds || opts.kinds.includes('ward')))
    for (const c of r.candidates) {
      const legacyId = c.legacy && `legacy:${c.legacy.ward.code}:${c.ward.code}`;
      const s = (legacyId && opts.legacy !== false && deps.index.get(legacyId)) || deps.index.get(`ward:${c.ward.code}`);
      if (s && !out.some((o) => o.id === s.id)) out.push(s);
      if (out.length >= limit) break;
    }
  const pref = { ...opts, limit: 50, ...(opts.province || r.provinces.length !== 1 ? {} : { province: r.provinces[0] }) };
  for (const s of deps.index.suggest(text, pref)) {
    if (out.length >= limit) break;
    if (!within(s) || out.some((o) => o.id === s.id)) continue;
    out.push(s);
  }
  // Nothing of the index lies in the place typed: the place's own wards.
  if (!out.length && (!opts.kinds || opts.kinds.includes('ward')))
    for (const c of r.candidates) {
      const w = deps.index.get(`ward:${c.ward.code}`);
      if (w && !out.some((o) => o.id === w.id)) out.push(w);
      if (out.length >= limit) break;
    }
  return out.slice(0, limit);
}

/**
 * Rebuilds a composed address suggestion from its id (see `addressId` in `@diachiso/core`).
 *
 * @param id - The id.
 * @param reg - The 2025 registry.
 * @param streets - The streets (to place it on its street).
 * @returns The suggestion, or `undefined` when the id is not a composed address's.
 */
export function retrieveComposed(id: string, reg: AdminRegistry, streets: StreetDirectory): Suggestion | undefined {
  const p = parseAddressId(id);
  const w = p && reg.ward(p.ward);
  const prov = w && reg.province(w.provinceCode);
  if (!p || !w || !prov) return undefined;
  const st = p.street ? streets.find(p.street).find((s) => s.wards.some((x) => x.code === w.code)) : undefined;
  const on = st?.wards.find((x) => x.code === w.code);
  return composeAddress(
    {
      ward: AdminRegistry.wardRef(w),
      province: AdminRegistry.provinceRef(prov),
      ...(on ? { location: on.location } : w.centroid ? { location: w.centroid } : {}),
      ...(st ? { street: { id: st.id, name: st.name } } : {}),
    },
    { houseNumber: p.houseNumber, street: p.street, alley: p.alley },
  );
}
