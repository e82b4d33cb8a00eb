// The routes table: how each operation of the platform contract travels over HTTP (method,
// path template as in docs/openapi.yaml, query, body) and how its answer is read back. The HTTP
// platform is derived from it; `routes.test.ts` checks it against the OpenAPI document.
import type { Answer, Args, Op } from './platform.js';
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
