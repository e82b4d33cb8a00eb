// The parsers of answers that are not on the typing path (reverse, legacy conversion, codes):
// a separate module, loaded on first use, so that the autocomplete does not carry them.
import {
  OBJECT_CATEGORIES,
  type AddressRecord,
  type AdvancedFields,
  type CodeFinding,
  type CodeLookup,
  type CodeReading,
  type ConversionCandidate,
  type Declaration,
  type DecodedCode,
  type Finding,
  type HistoryEntry,
  type Notice,
  type NoticeChannel,
  type ObjectCategory,
  type Registration,
  type ReverseResult,
  type UnitRef,
  type VerifyResult,
} from '@diachiso/core';
import { NDAS_MAP_URL } from '@diachiso/core/internal';
import type { ExportPage, ExportRecord, LayerCollection, LayerFeature, WardCoverage } from '@diachiso/search';
import { citation, httpUrl, legacy, point, str, unit } from './validate.js';

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

// ---- the answers off the search path: verify, layers, export, coverage, units, registrations

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
/** A 5-digit postal code, or `undefined`. */
const postal = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{5}$/.test(v) ? v : undefined);
/** A full Plus Code, or `undefined`. */
const plusCode = (v: unknown): string | undefined => {
  const s = str(v, 16);
  return s && /^[23456789CFGHJMPQRVWX]{8}\+[23456789CFGHJMPQRVWX]{0,7}$/.test(s) ? s : undefined;
};
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const count = (v: unknown): number | undefined => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : undefined);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined =>
  typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
/** Sets `out[k]` only when `v` is defined (optional fields stay absent, not `undefined`). */
const put = (out: Record<string, unknown>, k: string, v: unknown) => {
  if (v !== undefined) out[k] = v;
};

function codeFinding(v: unknown): CodeFinding | undefined {
  if (!isObj(v)) return undefined;
  const reason = str(v.reason, 40);
  const severity = oneOf(v.severity, ['error', 'warning'] as const);
  const vi = str(v.vi, 1000);
  const en = str(v.en, 1000);
  return reason && severity && vi !== undefined && en !== undefined ? { reason, severity, vi, en } : undefined;
}

/**
 * Returns the reading of a `/v1/codes/parse` body (which kind of code, its parts, its findings),
 * field by field, or `undefined` if malformed.
 *
 * @internal
 */
export function parseCodeReadingBody(body: unknown): CodeReading | undefined {
  if (!isObj(body) || typeof body.valid !== 'boolean' || !Array.isArray(body.findings)) return undefined;
  const kind = oneOf(body.kind, ['ndas', 'location', 'plus', 'unknown'] as const);
  if (!kind) return undefined;
  const findings = body.findings.slice(0, 20).flatMap((f) => codeFinding(f) ?? []);
  // A code is valid only when no finding is an error: a platform saying otherwise is not believed.
  const valid = body.valid && !findings.some((f) => f.severity === 'error');
  if (kind === 'unknown') return { kind, valid: false, findings };
  const out: Record<string, unknown> = { kind };
  const code = str(body.code, 64);
  if (code === undefined) return undefined;
  if (kind === 'ndas') {
    const digits = (v: unknown, n: number) => (typeof v === 'string' && v.length <= n && /^\d*$/.test(v) ? v : undefined);
    const postalCode = digits(body.postalCode, 5);
    const serial = digits(body.serial, 5);
    if (digits(code, 10) === undefined || postalCode === undefined || serial === undefined) return undefined;
    if (valid && !/^\d{10}$/.test(code)) return undefined;
    Object.assign(out, { code, postalCode, serial });
    put(out, 'ward', unit(body.ward));
    put(out, 'province', unit(body.province));
    out.mapUrl = httpUrl(body.mapUrl) ?? '';
  } else if (kind === 'location') {
    out.code = code;
    out.compact = str(body.compact, 20) ?? '';
    out.zone = str(body.zone, 5) ?? '';
    put(out, 'ward', unit(body.ward));
    put(out, 'plusCode', plusCode(body.plusCode));
    put(out, 'location', point(body.location));
    out.corrections = Array.isArray(body.corrections) ? body.corrections.slice(0, 10).flatMap((c) => str(c, 100) ?? []) : [];
  } else {
    out.code = code;
    put(out, 'location', point(body.location));
  }
  return Object.assign(out, { valid, findings }) as unknown as CodeReading;
}

/**
 * Returns the answer of `/v1/codes/ndas/{code}` (the registration a national address code was
 * issued to), field by field, or `undefined` if malformed or about another code.
 *
 * @internal
 */
export function parseLookupBody(body: unknown, code: string): CodeLookup | undefined {
  if (!isObj(body) || body.code !== code || !/^\d{10}$/.test(code)) return undefined;
  const status = oneOf(body.status, ['declared', 'created', 'verified', 'rejected'] as const);
  const registrationId = str(body.registrationId, 200);
  const record = addressRecord(body.record);
  if (!status || !registrationId || !record || record.code !== code) return undefined;
  return {
    code,
    postalCode: code.slice(0, 5),
    serial: code.slice(5),
    mapUrl: httpUrl(body.mapUrl) ?? `${NDAS_MAP_URL}${code}`,
    registrationId,
    status,
    record,
  };
}

const FINDING_KINDS = ['legacy-unit', 'misspelled', 'missing', 'outside-province', 'unconfirmed', 'unrecognized', 'expanded'] as const;
const COMPONENTS = ['houseNumber', 'alley', 'street', 'hamlet', 'ward', 'district', 'province', 'address'] as const;
const VERDICTS = ['confirmed', 'confirmed-by-context', 'spelling-corrected', 'inferred', 'unconfirmed', 'replaced'] as const;

function finding(v: unknown): Finding | undefined {
  if (!isObj(v)) return undefined;
  const component = str(v.component, 40);
  const kind = oneOf(v.kind, FINDING_KINDS);
  const vi = str(v.vi, 1000);
  const en = str(v.en, 1000);
  if (!component || !kind || vi === undefined || en === undefined) return undefined;
  const out: Record<string, unknown> = { component, kind };
  put(out, 'from', str(v.from));
  put(out, 'to', str(v.to));
  put(out, 'citation', citation(v.citation));
  put(out, 'start', count(v.start));
  put(out, 'end', count(v.end));
  out.vi = vi;
  out.en = en;
  return out as unknown as Finding;
}

function candidate(v: unknown): ConversionCandidate | undefined {
  if (!isObj(v)) return undefined;
  const ward = unit(v.ward);
  const province = unit(v.province);
  const era = oneOf(v.era, ['legacy', '2025'] as const);
  if (!ward || !province || !era) return undefined;
  const confidence = num(v.confidence);
  const out: Record<string, unknown> = { ward, province, era };
  put(out, 'legacy', legacy(v.legacy));
  put(out, 'citation', citation(v.citation));
  out.confidence = confidence !== undefined && confidence >= 0 && confidence <= 1 ? confidence : 0;
  put(out, 'location', point(v.location));
  if (isObj(v.street)) {
    const id = str(v.street.id, 200);
    const name = str(v.street.name, 200);
    if (id !== undefined && name !== undefined) out.street = { id, name };
  }
  return out as unknown as ConversionCandidate;
}

/**
 * Returns the verdict of a `/v1/verify` body, field by field, or `undefined` if malformed.
 *
 * @internal
 */
export function parseVerifyBody(body: unknown): VerifyResult | undefined {
  if (!isObj(body)) return undefined;
  const status = oneOf(body.status, ['valid', 'corrected', 'ambiguous', 'invalid'] as const);
  if (!status || !Array.isArray(body.findings) || !Array.isArray(body.candidates)) return undefined;
  const out: Record<string, unknown> = { status };
  if (body.address !== undefined && body.address !== null) {
    const a = body.address;
    if (!isObj(a)) return undefined;
    const ward = unit(a.ward);
    const province = unit(a.province);
    const formatted = str(a.formatted, 1000);
    const formattedEn = str(a.formattedEn, 1000);
    if (!ward || !province || formatted === undefined || formattedEn === undefined) return undefined;
    const addr: Record<string, unknown> = {};
    for (const k of ['houseNumber', 'alley', 'street', 'hamlet']) put(addr, k, str(a[k], 200));
    Object.assign(addr, { ward, province });
    put(addr, 'postalCode', postal(a.postalCode));
    Object.assign(addr, { formatted, formattedEn });
    out.address = addr;
  } else if (status !== 'invalid') return undefined;
  out.findings = body.findings.slice(0, 50).flatMap((f) => finding(f) ?? []);
  out.candidates = body.candidates.slice(0, 50).flatMap((c) => candidate(c) ?? []);
  out.input = str(body.input, 1024) ?? '';
  if (Array.isArray(body.components))
    out.components = body.components.slice(0, 20).flatMap((c: unknown) => {
      if (!isObj(c)) return [];
      const component = oneOf(c.component, COMPONENTS);
      const verdict = oneOf(c.verdict, VERDICTS);
      const vi = str(c.vi, 1000);
      const en = str(c.en, 1000);
      if (!component || !verdict || vi === undefined || en === undefined) return [];
      const v: Record<string, unknown> = { component };
      put(v, 'text', str(c.text, 200));
      put(v, 'value', str(c.value, 200));
      v.verdict = verdict;
      put(v, 'citation', citation(c.citation));
      Object.assign(v, { vi, en });
      return [v];
    });
  put(out, 'granularity', oneOf(body.granularity, ['premise', 'route', 'ward', 'province', 'other'] as const));
  return out as unknown as VerifyResult;
}

/**
 * Returns a `/v1/layers/…` GeoJSON body, feature by feature, or `undefined` if malformed.
 *
 * @internal
 */
export function parseLayerBody(body: unknown): LayerCollection | undefined {
  if (!isObj(body) || body.type !== 'FeatureCollection' || !Array.isArray(body.features)) return undefined;
  const features = body.features.slice(0, 10_000).flatMap((f: unknown): LayerFeature[] => {
    if (!isObj(f) || f.type !== 'Feature' || !isObj(f.geometry) || !isObj(f.properties)) return [];
    const c = f.geometry.coordinates;
    const id = str(f.id, 200);
    if (f.geometry.type !== 'Point' || !Array.isArray(c) || c.length !== 2 || !id) return [];
    const [lon, lat] = c as unknown[];
    const at = point({ lat, lon });
    const p = f.properties;
    const name = str(p.name);
    const category = str(p.category, 40);
    if (!at || !name || !category) return [];
    const properties: Record<string, unknown> = { name, category, fclass: str(p.fclass, 40) ?? '' };
    put(properties, 'ward', unit(p.ward));
    properties.source = str(p.source, 40) ?? '';
    return [{ type: 'Feature', id, geometry: { type: 'Point', coordinates: [at.lon, at.lat] }, properties } as unknown as LayerFeature];
  });
  return { type: 'FeatureCollection', features, attribution: str(body.attribution, 300) ?? '' };
}

function exportRecord(v: unknown): ExportRecord | undefined {
  if (!isObj(v)) return undefined;
  const id = str(v.id, 200);
  const name = str(v.name);
  const lat = num(v.lat);
  const lon = num(v.lon);
  if (!id || name === undefined || !point({ lat, lon })) return undefined;
  const out: Record<string, unknown> = {
    id,
    name,
    category: str(v.category, 40) ?? '',
    status: str(v.status, 20) ?? '',
    code: str(v.code, 40) ?? '',
    address: str(v.address) ?? '',
  };
  put(out, 'ward', unit(v.ward));
  put(out, 'province', unit(v.province));
  Object.assign(out, { lat, lon, updatedAt: str(v.updatedAt, 40) ?? '', source: str(v.source, 40) ?? '' });
  return out as unknown as ExportRecord;
}

/**
 * Returns a `/v1/export` body: a JSON page (`format: 'json'`) or text (`geojson`, `csv`), or
 * `undefined` if malformed.
 *
 * @internal
 */
export function parseExportBody(
  body: unknown,
  format: 'json' | 'geojson' | 'csv',
): ExportPage | { text: string; nextCursor?: string; total: number } | undefined {
  if (!isObj(body)) return undefined;
  const total = count(body.total);
  if (total === undefined) return undefined;
  const nextCursor = str(body.nextCursor, 200);
  const tail = nextCursor ? { nextCursor } : {};
  if (format !== 'json') {
    if (typeof body.text !== 'string' || body.text.length > 2_000_000) return undefined;
    return { text: body.text, ...tail, total };
  }
  if (!Array.isArray(body.items)) return undefined;
  const items = body.items.slice(0, 1000).flatMap((i) => exportRecord(i) ?? []);
  return { items, ...tail, total, attribution: str(body.attribution, 300) ?? '' };
}

/**
 * Returns the rows of a `/v1/stats/coverage` body, or `undefined` if malformed.
 *
 * @internal
 */
export function parseCoverageBody(body: unknown): WardCoverage[] | undefined {
  if (!Array.isArray(body)) return undefined;
  const keys = ['objects', 'declared', 'withCode', 'verified', 'notified', 'plated'] as const;
  return body.slice(0, 5000).flatMap((r: unknown) => {
    if (!isObj(r)) return [];
    const ward = unit(r.ward);
    if (!ward) return [];
    const row: Record<string, unknown> = { ward };
    for (const k of keys) {
      const n = count(r[k]);
      if (n === undefined) return [];
      row[k] = n;
    }
    return [row as unknown as WardCoverage];
  });
}

/**
 * Returns a list of units (`/v1/units/…`), or `undefined` if malformed.
 *
 * @internal
 */
export function parseUnitsBody(body: unknown): UnitRef[] | undefined {
  if (!Array.isArray(body)) return undefined;
  return body.slice(0, 5000).flatMap((u) => unit(u) ?? []);
}

/**
 * Returns a ward with its province (`/v1/units/wards/…`), or `undefined` if malformed.
 *
 * @internal
 */
export function parseWardBody(body: unknown): (UnitRef & { province: UnitRef }) | null | undefined {
  if (body === null) return null;
  const w = unit(body);
  const p = isObj(body) ? unit(body.province) : undefined;
  return w && p ? { ...w, province: p } : undefined;
}

const CATEGORIES = new Set(Object.keys(OBJECT_CATEGORIES));

function declaration(v: unknown): Declaration | undefined {
  if (!isObj(v)) return undefined;
  const name = str(v.name);
  const category = typeof v.category === 'string' && CATEGORIES.has(v.category) ? (v.category as ObjectCategory) : undefined;
  const ward = unit(v.ward);
  const province = unit(v.province);
  const location = point(v.location);
  if (name === undefined || !category || !ward || !province || !location) return undefined;
  const out: Record<string, unknown> = { name, category, houseNumber: str(v.houseNumber, 40) ?? '' };
  put(out, 'street', str(v.street, 200));
  put(out, 'hamlet', str(v.hamlet, 200));
  Object.assign(out, { ward, province, location });
  if (isObj(v.owner)) {
    const o: Record<string, unknown> = {};
    put(o, 'name', str(v.owner.name, 200));
    put(o, 'phone', str(v.owner.phone, 40));
    put(o, 'email', str(v.owner.email, 200));
    out.owner = o;
  }
  put(out, 'advanced', advanced(v.advanced));
  put(out, 'declaredBy', oneOf(v.declaredBy, ACTORS));
  return out as unknown as Declaration;
}

const ACTORS = ['owner', 'community-team', 'official', 'system'] as const;

function advanced(v: unknown): AdvancedFields | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of ['phone', 'email', 'openingHours', 'owner', 'notes']) put(out, k, str(v[k], k === 'notes' ? 2000 : 200));
  put(out, 'website', httpUrl(v.website));
  put(out, 'floors', count(v.floors));
  if (Array.isArray(v.photos)) out.photos = v.photos.slice(0, 20).flatMap((p) => httpUrl(p) ?? []);
  return out as AdvancedFields;
}

function addressRecord(v: unknown): AddressRecord | undefined {
  const d = declaration(v);
  if (!d || !isObj(v)) return undefined;
  const code = str(v.code, 40);
  // The QR content is drawn as a QR code and opened by phones: http(s) only.
  const qr = httpUrl(v.qr);
  if (!code || !qr) return undefined;
  const { owner: _o, declaredBy: _d, ...rest } = d as Declaration & Record<string, unknown>;
  const out: Record<string, unknown> = { ...rest, code, qr };
  put(out, 'postalCode', postal(v.postalCode));
  put(out, 'locationCode', str(v.locationCode, 20));
  put(out, 'plusCode', plusCode(v.plusCode));
  put(out, 'id', str(v.id, 200));
  return out as unknown as AddressRecord;
}

/**
 * Returns a registration from the platform, field by field, or `undefined` if malformed (an
 * unknown status, a record whose QR content is not an http(s) URL, …).
 *
 * @internal
 */
export function parseRegistrationBody(body: unknown): Registration | undefined {
  if (!isObj(body)) return undefined;
  const id = str(body.id, 200);
  const status = oneOf(body.status, ['declared', 'created', 'verified', 'rejected'] as const);
  const decl = declaration(body.declaration);
  if (!id || !status || !decl || !Array.isArray(body.history)) return undefined;
  const out: Record<string, unknown> = { id, status, declaration: decl };
  if (body.record !== undefined && body.record !== null) {
    const record = addressRecord(body.record);
    if (!record) return undefined;
    out.record = record;
  }
  out.history = body.history.slice(0, 100).flatMap((h: unknown) => {
    if (!isObj(h)) return [];
    const s = oneOf(h.status, ['declared', 'created', 'verified', 'rejected'] as const);
    const by = oneOf(h.by, ACTORS);
    const at = str(h.at, 40);
    if (!s || !by || !at) return [];
    const e: Record<string, unknown> = { status: s, at, by };
    put(e, 'note', str(h.note, 1000));
    return [e as unknown as HistoryEntry];
  });
  Object.assign(out, { updatedAt: str(body.updatedAt, 40) ?? '', notified: body.notified === true, plated: body.plated === true });
  return out as unknown as Registration;
}

/**
 * Returns a notice from the platform, or `undefined` if malformed.
 *
 * @internal
 */
export function parseNoticeBody(body: unknown, channel: NoticeChannel, lang: 'vi' | 'en'): Notice | undefined {
  if (!isObj(body) || typeof body.body !== 'string') return undefined;
  const text = str(body.body, 5000) ?? '';
  const subject = str(body.subject, 300);
  return { channel, lang, ...(subject !== undefined ? { subject } : {}), body: text };
}
