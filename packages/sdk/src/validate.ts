import { toWellFormed } from './well-formed.js';
import type { Citation, LatLon, LegacyInfo, Range, Suggestion, SuggestionKind, UnitRef } from '@diachiso/core';

// Every string from the network is hostile: it is type-checked, length-capped and copied into
// a fresh object (unknown fields dropped, no prototype tricks). A malformed record is dropped; a
// malformed envelope is an `invalid-response` error (thrown by the caller).

const MAX_STR = 500;
const KINDS: ReadonlySet<string> = new Set(['province', 'ward', 'street', 'poi', 'address']);
const PRECISIONS: ReadonlySet<string> = new Set(['address', 'street', 'ward', 'province']);

/** @internal */
export function str(v: unknown, max = MAX_STR): string | undefined {
  if (typeof v !== 'string') return undefined;
  // Drop NUL and other C0/C1 controls except tab/newline, and every format character (bidi
  // overrides and isolates, zero-width space/joiners, BOM, soft hyphen): a label shown reversed
  // or carrying invisible text is refused on the way in. Lone surrogates become U+FFFD. NFC.
  return toWellFormed(
    // eslint-disable-next-line no-control-regex
    v.slice(0, max * 2).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|\p{Cf}/gu, ''),
  )
    .normalize('NFC')
    .slice(0, max);
}

// In its own module: input.ts needs it at start, and sharing validate.ts would put every answer
// parser in the start chunk of a code-splitting bundler.
export { toWellFormed };

/**
 * Returns an `http:`/`https:` URL from the network, or `undefined` for any other scheme
 * (`javascript:`, `data:`…) or a malformed one.
 *
 * @internal
 */
export function httpUrl(v: unknown, max = 2000): string | undefined {
  const s = str(v, max);
  if (!s) return undefined;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** @internal */
export function code(v: unknown): string | undefined {
  const s = str(v, 16);
  return s && /^[0-9A-Za-z.-]{1,16}$/.test(s) ? s : undefined;
}

/** @internal */
export function unit(v: unknown): UnitRef | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const c = code(o.code);
  const n = str(o.name, 200);
  const postal = typeof o.postalCode === 'string' && /^\d{5}$/.test(o.postalCode) ? o.postalCode : undefined;
  return c && n ? { code: c, name: n, ...(postal ? { postalCode: postal } : {}) } : undefined;
}

/** @internal */
export function point(v: unknown): LatLon | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const { lat, lon } = v as Record<string, unknown>;
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return { lat, lon };
}

function ranges(v: unknown, labelLength: number): Range[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: Range[] = [];
  for (const r of v.slice(0, 32)) {
    if (!Array.isArray(r) || r.length !== 2) continue;
    const [a, b] = r as unknown[];
    if (Number.isInteger(a) && Number.isInteger(b) && (a as number) >= 0 && (a as number) < (b as number) && (b as number) <= labelLength)
      out.push([a as number, b as number]);
  }
  return out;
}

/** @internal */
export function citation(v: unknown): Citation | undefined {
  const c = v as Record<string, unknown> | undefined;
  return c && typeof c === 'object' && Number.isInteger(c.article) && Number.isInteger(c.clause)
    ? { document: str(c.document, 64) ?? '', article: c.article as number, clause: c.clause as number, text: str(c.text, 2000) ?? '' }
    : undefined;
}

/** @internal */
export function legacy(v: unknown): LegacyInfo | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const ward = unit(o.ward);
  const province = unit(o.province);
  if (!ward || !province) return undefined;
  const district = unit(o.district);
  const cit = citation(o.citation);
  return { ward, province, split: o.split === true, ...(district ? { district } : {}), ...(cit ? { citation: cit } : {}) };
}

/**
 * Returns a clean copy of one suggestion from the network, or `undefined` if it is malformed.
 *
 * @internal
 */
export function parseSuggestion(v: unknown): Suggestion | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const id = str(o.id, 200);
  const label = str(o.label);
  const kind = typeof o.kind === 'string' && KINDS.has(o.kind) ? (o.kind as SuggestionKind) : undefined;
  if (!id || !label || !kind) return undefined;
  const s: Record<string, unknown> = { id, kind, label };
  const description = str(o.description);
  if (description) s.description = description;
  const ward = unit(o.ward);
  if (ward) s.ward = ward;
  const province = unit(o.province);
  if (province) s.province = province;
  const location = point(o.location);
  if (location) s.location = location;
  const lg = legacy(o.legacy);
  if (lg) s.legacy = lg;
  const m = ranges(o.matches, label.length);
  if (m) s.matches = m;
  const category = str(o.category, 40);
  if (category) s.category = category;
  if (typeof o.score === 'number' && Number.isFinite(o.score)) s.score = o.score;
  // Whole-address fields of the shared contract (present when the platform resolves addresses).
  for (const k of ['houseNumber', 'alley', 'street'] as const) {
    const x = str(o[k], 200);
    if (x) s[k] = x;
  }
  if (typeof o.precision === 'string' && PRECISIONS.has(o.precision)) s.precision = o.precision;
  return s as unknown as Suggestion;
}

/**
 * Returns the suggestions of a `/v1/suggest` body, or `undefined` if the envelope is malformed.
 *
 * @internal
 */
export function parseSuggestBody(body: unknown): Suggestion[] | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const list = (body as Record<string, unknown>).suggestions;
  if (!Array.isArray(list)) return undefined;
  const out: Suggestion[] = [];
  for (const item of list.slice(0, 50)) {
    const s = parseSuggestion(item);
    if (s) out.push(s);
  }
  return out;
}
