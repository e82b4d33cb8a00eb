// The routes table: how each operation of the platform contract travels over HTTP (method,
// path template as in docs/openapi.yaml, query, body) and how its answer is read back. The HTTP
// platform is derived from it; `routes.test.ts` checks it against the OpenAPI document.
import { parseNdas, type AddressComponents, type Declaration, type LatLon, type SuggestionKind } from '@diachiso/core';
import { isLatLon } from '@diachiso/core/internal';
import { DiachisoError } from './errors.js';
import type { Answer, Args, NearbyArgs, Op } from './platform.js';
import { parseSuggestBody } from './validate.js';

/** The lazily loaded parsers (reverse, codes, verify, registrations…). @internal */
export type Extra = typeof import('./validate-extra.js');

/** One route. @internal */
export interface Route<K extends Op> {
  method: 'GET' | 'POST';
  /** Path template with `{name}` segments, exactly as in `docs/openapi.yaml`. */
  path: string;
  /** Values of the path's `{name}` segments. */
  params?: (a: Args<K>) => Record<string, string>;
  /** Query parameters. */
  query?: (a: Args<K>) => Record<string, string | undefined>;
  /** JSON body. */
  body?: (a: Args<K>) => unknown;
  /** Idempotency key of a POST that may be retried and queued. */
  key?: (a: Args<K>) => string;
  /** Reads the answer; `undefined` means malformed (`invalid-response`). */
  parse: (body: unknown, a: Args<K>, x: Extra) => Answer<K> | undefined;
  /** What a 404 means, when it is an answer (`null`: nothing there). */
  notFound?: Answer<K>;
  /** Whether answers are kept in the LRU cache. */
  cache?: boolean;
  /** Whether the parser is in the lazily loaded module. */
  lazy?: boolean;
}

const suggestQuery = (a: Args<'suggest'>) => ({
  q: a.q,
  limit: String(a.limit),
  province: a.province,
  ward: a.ward,
  near: a.near ? `${a.near.lat},${a.near.lon}` : undefined,
  kinds: a.kinds?.length ? a.kinds.join(',') : undefined,
});

/** Every operation's route. @internal */
export const routes: { readonly [K in Op]: Route<K> } = {
  health: {
    method: 'GET',
    path: '/v1/health',
    parse: (b) => (b && typeof b === 'object' && (b as Record<string, unknown>).status === 'ok' ? { status: 'ok' } : undefined),
  },
  suggest: {
    method: 'GET',
    path: '/v1/suggest',
    query: suggestQuery,
    parse: (b, a) => parseSuggestBody(b)?.slice(0, a.limit),
    cache: true,
  },
  search: {
    method: 'GET',
    path: '/v1/search',
    query: (a) => ({ q: a.q, limit: String(a.limit), province: a.province }),
    parse: (b, a) => parseSuggestBody({ suggestions: (b as { results?: unknown } | null)?.results })?.slice(0, a.limit),
  },
  retrieve: {
    method: 'GET',
    path: '/v1/places/{id}',
    params: (a) => ({ id: a.id }),
    parse: (b) => parseSuggestBody({ suggestions: [b] })?.[0],
    notFound: null,
    cache: true,
  },
  reverse: {
    method: 'GET',
    path: '/v1/reverse',
    query: ({ point, nearby }) => ({
      lat: String(point.lat),
      lon: String(point.lon),
      ...(nearby === false
        ? { streets: '0', pois: '0' }
        : nearby
          ? {
              streets: nearby.streets !== undefined ? String(nearby.streets) : undefined,
              pois: nearby.pois !== undefined ? String(nearby.pois) : undefined,
              radius: nearby.radiusM !== undefined ? String(nearby.radiusM) : undefined,
              category: nearby.category || undefined,
            }
          : {}),
    }),
    parse: (b, _a, x) => x.parseReverseBody(b),
    lazy: true,
  },
  convertLegacy: {
    method: 'GET',
    path: '/v1/legacy/convert',
    query: (a) => ({ q: a.q }),
    parse: (b, _a, x) => x.parseConvertBody(b),
    lazy: true,
  },
  encodeCode: {
    method: 'GET',
    path: '/v1/codes/encode',
    query: (a) => ({ lat: String(a.point.lat), lon: String(a.point.lon) }),
    parse: (b, _a, x) => x.parseCodeBody(b),
    lazy: true,
  },
  decodeCode: {
    method: 'GET',
    path: '/v1/codes/{code}',
    params: (a) => ({ code: a.compact }),
    parse: (b, _a, x) => {
      const p = x.parseCodeBody(b);
      if (!p || !p.zoneKnown) return undefined;
      const { zoneKnown: _z, ...decoded } = p;
      return decoded;
    },
    lazy: true,
  },
  parseCode: {
    method: 'GET',
    path: '/v1/codes/parse',
    query: (a) => ({ q: a.text }),
    parse: (b, _a, x) => x.parseCodeReadingBody(b),
    lazy: true,
  },
  lookupCode: {
    method: 'GET',
    path: '/v1/codes/ndas/{code}',
    params: (a) => ({ code: a.code }),
    parse: (b, a, x) => x.parseLookupBody(b, a.code),
    notFound: null,
    lazy: true,
  },
  verify: {
    method: 'POST',
    path: '/v1/verify',
    body: (a) => (typeof a.input === 'string' ? { text: a.input } : { components: a.input }),
    parse: (b, _a, x) => x.parseVerifyBody(b),
    lazy: true,
  },
  layer: {
    method: 'GET',
    path: '/v1/layers/{category}',
    params: (a) => ({ category: a.category }),
    query: (a) => ({ bbox: a.bbox ? a.bbox.join(',') : undefined }),
    parse: (b, _a, x) => x.parseLayerBody(b),
    lazy: true,
  },
  exportRecords: {
    method: 'GET',
    path: '/v1/export',
    query: ({ query, format }) => ({ ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])), format }),
    parse: (b, a, x) => x.parseExportBody(b, a.format),
    lazy: true,
  },
  coverage: {
    method: 'GET',
    path: '/v1/stats/coverage',
    query: (a) => ({ province: a.province, ward: a.ward }),
    parse: (b, _a, x) => x.parseCoverageBody(b),
    lazy: true,
  },
  provinces: { method: 'GET', path: '/v1/units/provinces', parse: (b, _a, x) => x.parseUnitsBody(b), lazy: true },
  wards: {
    method: 'GET',
    path: '/v1/units/provinces/{code}/wards',
    params: (a) => ({ code: a.province }),
    parse: (b, _a, x) => x.parseUnitsBody(b),
    lazy: true,
  },
  ward: {
    method: 'GET',
    path: '/v1/units/wards/{code}',
    params: (a) => ({ code: a.code }),
    parse: (b, _a, x) => x.parseWardBody(b),
    notFound: null,
    lazy: true,
  },
  registration: {
    method: 'GET',
    path: '/v1/registrations/{id}',
    params: (a) => ({ id: a.id }),
    parse: (b, _a, x) => x.parseRegistrationBody(b),
    notFound: null,
    lazy: true,
  },
  notice: {
    method: 'GET',
    path: '/v1/registrations/{id}/notice',
    params: (a) => ({ id: a.id }),
    query: (a) => ({ channel: a.channel, lang: a.lang }),
    parse: (b, a, x) => x.parseNoticeBody(b, a.channel, a.lang),
    lazy: true,
  },
  declare: {
    method: 'POST',
    path: '/v1/registrations',
    body: (a) => a.declaration,
    key: (a) => a.key,
    parse: (b, _a, x) => x.parseRegistrationBody(b),
    lazy: true,
  },
  create: {
    method: 'POST',
    path: '/v1/registrations/{id}/create',
    params: (a) => ({ id: a.id }),
    body: () => ({}),
    key: (a) => a.key,
    parse: (b, _a, x) => x.parseRegistrationBody(b),
    lazy: true,
  },
  approve: {
    method: 'POST',
    path: '/v1/registrations/{id}/verify',
    params: (a) => ({ id: a.id }),
    body: (a) => ({ decision: a.decision, ...(a.note ? { note: a.note } : {}) }),
    key: (a) => a.key,
    parse: (b, _a, x) => x.parseRegistrationBody(b),
    lazy: true,
  },
};

/**
 * Returns the path and query of an operation's request (relative to the base URL).
 *
 * @internal
 */
export function target<K extends Op>(op: K, a: Args<K>): string {
  const r = routes[op] as Route<K>;
  const params = r.params?.(a) ?? {};
  const path = r.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(r.query?.(a) ?? {})) if (v !== undefined) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

// ---------------------------------------------------------------------------------------------
// The platform's half of each route: a request read back into the operation's arguments (the
// inverse of `params`, `query`, `body` and `key` above), and an answer written as the body that
// `parse` reads. The mock platform (@diachiso/mock) is derived from both tables; `routes.test.ts`
// checks that reading a request back and sending it again gives the same request. It is a table
// of its own so that bundles of the client, which never read a request, leave it out.

/** A request as the platform receives it. @internal */
export interface WireRequest {
  /** The path's `{name}` segments, percent-decoded. */
  params: Readonly<Record<string, string>>;
  /** The query string. */
  query: URLSearchParams;
  /** The JSON body (`undefined` without one). */
  body: unknown;
  /** The `Idempotency-Key` header (`''` without one). */
  key: string;
}

/** The platform's half of one route. @internal */
export interface Served<K extends Op> {
  /** Reads the arguments back; throws `invalid-input` (with `problem`) for what cannot be read. */
  args: (r: WireRequest) => Args<K>;
  /** Writes the answer as the body `parse` reads (default: as is). */
  reply?: (v: Answer<K>, a: Args<K>) => unknown;
  /** The status of an answer (default 200). */
  status?: number;
  /** Needs no API key (`security: []` in the contract). */
  open?: true;
  /** The problem's detail when the answer is `null` (a 404: the route's `notFound`). */
  missing?: string;
}

/** An `invalid-input` error with the problem details the platform sends for it. */
function invalid(detail: string): never {
  throw Object.assign(new DiachisoError('invalid-input', { locale: 'en', status: 400, detail }), {
    problem: { title: 'Invalid input', detail },
  });
}

const KINDS: ReadonlySet<string> = new Set(['province', 'ward', 'street', 'poi', 'address']);
/** A query parameter, `undefined` when absent or empty. */
const get = (r: WireRequest, k: string) => r.query.get(k) || undefined;
/** `{ [k]: v }` when `v` is set, else `{}`: optional arguments stay absent, as the client leaves them. */
const opt = <T>(k: string, v: T | undefined) => (v === undefined ? {} : { [k]: v });
const q1024 = (r: WireRequest) => {
  const q = r.query.get('q') ?? '';
  return q.length > 1024 ? invalid('q is longer than 1024 characters.') : q;
};
const point = (r: WireRequest): LatLon => {
  const p = { lat: Number(r.query.get('lat') ?? NaN), lon: Number(r.query.get('lon') ?? NaN) };
  return isLatLon(p) ? p : invalid('lat and lon must be numbers in degrees.');
};
const num = (r: WireRequest, k: string) => (r.query.has(k) ? Number(r.query.get(k)) : undefined);
const obj = (b: unknown): Record<string, unknown> =>
  b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};

function suggestArgs(r: WireRequest): Args<'suggest'> {
  const q = q1024(r);
  const limit = Number(r.query.get('limit') ?? 5);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) invalid('limit must be an integer from 1 to 50.');
  const kinds = get(r, 'kinds')
    ?.split(',')
    .filter((k) => KINDS.has(k)) as SuggestionKind[] | undefined;
  const near = get(r, 'near')?.split(',').map(Number);
  const nearPt = near?.length === 2 ? { lat: near[0]!, lon: near[1]! } : undefined;
  return {
    q,
    limit,
    ...opt('province', get(r, 'province')),
    ...opt('ward', get(r, 'ward')),
    ...opt('near', nearPt && isLatLon(nearPt) ? nearPt : undefined),
    ...opt('kinds', kinds?.length ? kinds : undefined),
  };
}

function nearbyArgs(r: WireRequest): NearbyArgs | undefined {
  const n = { streets: num(r, 'streets'), pois: num(r, 'pois'), radiusM: num(r, 'radius'), category: get(r, 'category') };
  if (Object.values(n).every((v) => v === undefined)) return undefined;
  // Zero of each, nothing else: the `false` the client sent.
  if (n.streets === 0 && n.pois === 0 && n.radiusM === undefined && n.category === undefined) return false;
  return Object.fromEntries(Object.entries(n).filter(([, v]) => v !== undefined));
}

function bboxArg(r: WireRequest): number[] | undefined {
  const bbox = get(r, 'bbox')?.split(',').map(Number);
  if (bbox && (bbox.length !== 4 || !bbox.every(Number.isFinite))) invalid('bbox is west,south,east,north in degrees.');
  return bbox;
}

function exportArgs(r: WireRequest): Args<'exportRecords'> {
  const format = r.query.get('format') ?? 'json';
  if (format !== 'json' && format !== 'geojson' && format !== 'csv') return invalid('format is json, geojson or csv.');
  const limit = num(r, 'limit');
  const query = {
    ...opt('province', get(r, 'province')),
    ...opt('ward', get(r, 'ward')),
    ...opt('category', get(r, 'category')),
    ...opt('updatedSince', get(r, 'updatedSince')),
    ...opt('limit', limit),
    ...opt('cursor', get(r, 'cursor')),
  };
  return { query, format };
}

function verifyArgs(r: WireRequest): Args<'verify'> {
  const b = obj(r.body);
  if (typeof b.text === 'string') return { input: b.text.slice(0, 1024) };
  if (b.components && typeof b.components === 'object') return { input: b.components as AddressComponents };
  return invalid('Give "text" or "components".');
}

function approveArgs(r: WireRequest): Args<'approve'> {
  const b = obj(r.body);
  if (b.decision !== 'approve' && b.decision !== 'reject') invalid('decision is approve or reject.');
  return {
    id: r.params.id ?? '',
    decision: b.decision as 'approve' | 'reject',
    ...opt('note', typeof b.note === 'string' ? b.note : undefined),
    key: r.key,
  };
}

function noticeArgs(r: WireRequest): Args<'notice'> {
  const channel = r.query.get('channel') ?? 'sms';
  if (channel !== 'sms' && channel !== 'email' && channel !== 'letter') invalid('channel is sms, email or letter.');
  return { id: r.params.id ?? '', channel: channel as 'sms', lang: r.query.get('lang') === 'en' ? 'en' : 'vi' };
}

function decodeArgs(r: WireRequest): Args<'decodeCode'> {
  const raw = (r.params.code ?? '').slice(0, 64);
  // Ten digits are a national address code: it is looked up, not decoded.
  if (parseNdas(raw).ok) invalid('This is a national address code: look it up with GET /v1/codes/ndas/{code}.');
  return { code: raw, compact: raw };
}

function lookupArgs(r: WireRequest): Args<'lookupCode'> {
  const p = parseNdas((r.params.code ?? '').slice(0, 64));
  return p.ok ? { code: p.code } : invalid(p.en);
}

const id = (r: WireRequest) => ({ id: (r.params.id ?? '').slice(0, 200) });
const none = () => ({}) as Record<string, never>;

/** Every operation's route, as the platform serves it. @internal */
export const served: { readonly [K in Op]: Served<K> } = {
  health: { args: none, open: true },
  suggest: { args: suggestArgs, reply: (v) => ({ suggestions: v }) },
  search: {
    args: (r) => ({
      q: (r.query.get('q') ?? '').slice(0, 1024),
      limit: Math.max(1, Math.min(50, Number(r.query.get('limit') ?? 20) || 20)),
      ...opt('province', get(r, 'province')),
    }),
    reply: (v) => ({ results: v }),
  },
  retrieve: { args: id, missing: 'No place with this id.' },
  reverse: { args: (r) => ({ point: point(r), ...opt('nearby', nearbyArgs(r)) }), reply: (v) => ({ result: v }) },
  convertLegacy: { args: (r) => ({ q: q1024(r) }), reply: (v, a) => ({ input: a.q, ...v }) },
  encodeCode: { args: (r) => ({ point: point(r) }) },
  decodeCode: { args: decodeArgs, reply: (v) => ({ ...v, zoneKnown: true }) },
  parseCode: { args: (r) => ({ text: (r.query.get('q') ?? '').slice(0, 64) }) },
  lookupCode: { args: lookupArgs, missing: 'No address was registered with this national address code.' },
  verify: { args: verifyArgs },
  layer: { args: (r) => ({ category: r.params.category || 'all', ...opt('bbox', bboxArg(r)) }) },
  exportRecords: { args: exportArgs },
  coverage: { args: (r) => ({ province: get(r, 'province') ?? '56', ...opt('ward', get(r, 'ward')) }) },
  provinces: { args: none },
  wards: { args: (r) => ({ province: r.params.code ?? '' }) },
  ward: { args: (r) => ({ code: r.params.code ?? '' }), missing: 'No 2025 ward with this code.' },
  registration: { args: id, missing: 'No registration with this id.' },
  notice: { args: noticeArgs },
  declare: {
    args: (r) =>
      r.body && typeof r.body === 'object' && !Array.isArray(r.body)
        ? { declaration: r.body as Declaration, key: r.key }
        : invalid('The body must be a JSON declaration.'),
    status: 201,
  },
  create: { args: (r) => ({ ...id(r), key: r.key }) },
  approve: { args: approveArgs },
};
