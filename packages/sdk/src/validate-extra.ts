// The parsers of answers that are not on the typing path (reverse, legacy conversion, codes):
// a separate module, loaded on first use, so that the autocomplete does not carry them.
import type { ConversionCandidate, DecodedCode, ReverseResult, UnitRef } from '@diachiso/core';
import { legacy, point, str, unit } from './validate.js';

/**
 * Returns the result of a `/v1/reverse` body (`null` when the point is not covered), or
 * `undefined` if the envelope is malformed.
 *
 * @internal
 */
export function parseReverseBody(body: unknown): ReverseResult | null | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const r = (body as Record<string, unknown>).result;
  if (r === null) return null;
  if (!r || typeof r !== 'object') return undefined;
  const ward = unit((r as Record<string, unknown>).ward);
  const province = unit((r as Record<string, unknown>).province);
  if (!ward || !province) return undefined;
  const o = r as Record<string, unknown>;
  const d = o.distanceM;
  const out: { -readonly [K in keyof ReverseResult]: ReverseResult[K] } = { ward, province };
  if (typeof d === 'number' && Number.isFinite(d)) out.distanceM = d;
  const metres = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
  if (Array.isArray(o.streets))
    out.streets = o.streets.slice(0, 20).flatMap((x: unknown) => {
      const s = x as Record<string, unknown> | null;
      const id = str(s?.id, 200);
      const name = str(s?.name);
      const dm = metres(s?.distanceM);
      return id && name && dm !== undefined ? [{ id, name, distanceM: dm }] : [];
    });
  if (Array.isArray(o.pois))
    out.pois = o.pois.slice(0, 20).flatMap((x: unknown) => {
      const s = x as Record<string, unknown> | null;
      const id = str(s?.id, 200);
      const name = str(s?.name);
      const category = str(s?.category, 40);
      const dm = metres(s?.distanceM);
      return id && name && category && dm !== undefined ? [{ id, name, category, distanceM: dm }] : [];
    });
  return out;
}

/**
 * Returns the result of a `/v1/legacy/convert` body, or `undefined` if it is malformed.
 *
 * @internal
 */
export function parseConvertBody(
  body: unknown,
): { candidates: readonly ConversionCandidate[]; split: boolean; ambiguous: boolean } | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const o = body as Record<string, unknown>;
  if (!Array.isArray(o.candidates)) return undefined;
  const candidates: ConversionCandidate[] = [];
  for (const c of o.candidates.slice(0, 50)) {
    if (!c || typeof c !== 'object') continue;
    const x = c as Record<string, unknown>;
    const ward = unit(x.ward);
    const province = unit(x.province);
    const era = x.era === 'legacy' || x.era === '2025' ? x.era : undefined;
    if (!ward || !province || !era) continue;
    const lg = legacy(x.legacy);
    const confidence = typeof x.confidence === 'number' && x.confidence >= 0 && x.confidence <= 1 ? x.confidence : 0;
    candidates.push({ ward, province, era, confidence, ...(lg ? { legacy: lg } : {}), ...(lg?.citation ? { citation: lg.citation } : {}) });
  }
  return { candidates, split: o.split === true, ambiguous: o.ambiguous === true };
}

const OLC_CHARS = /^[23456789CFGHJMPQRVWX]+$/;

/**
 * Returns a code from a `/v1/codes/…` body (encode or decode), or `undefined` if malformed.
 *
 * @internal
 */
export function parseCodeBody(
  body: unknown,
): ((DecodedCode & { ward?: UnitRef; zoneKnown: true }) | { zoneKnown: false; plusCode: string; note: string }) | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const o = body as Record<string, unknown>;
  const plusCode = str(o.plusCode, 16);
  if (!plusCode || !/^[23456789CFGHJMPQRVWX]{8}\+[23456789CFGHJMPQRVWX]{2,7}$/.test(plusCode)) return undefined;
  if (o.zoneKnown === false) return { zoneKnown: false, plusCode, note: str(o.note, 300) ?? '' };
  const zone = str(o.zone, 5);
  const locationCode = str(o.locationCode, 9);
  const code = str(o.code, 20);
  const compact = str(o.compact, 20);
  const location = point(o.location);
  const c = o.cell as Record<string, unknown> | undefined;
  const nums = c && ['south', 'west', 'north', 'east'].every((k) => typeof c[k] === 'number' && Number.isFinite(c[k]));
  if (!zone || !/^\d{5}$/.test(zone) || !locationCode || !OLC_CHARS.test(locationCode) || !code || !compact || !location || !nums)
    return undefined;
  const ward = unit(o.ward);
  const retired = str(o.retired, 10);
  return {
    zoneKnown: true,
    zone,
    locationCode,
    code,
    compact,
    plusCode,
    location,
    cell: { south: c!.south as number, west: c!.west as number, north: c!.north as number, east: c!.east as number },
    ...(ward ? { ward } : {}),
    ...(retired ? { retired } : {}),
  };
}
