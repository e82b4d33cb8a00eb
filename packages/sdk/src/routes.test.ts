// The routes table against docs/openapi.yaml: every route documented with its method and
// parameters, every documented path routed (or listed here with the reason it is not).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { routes, served, target, type WireRequest } from './routes.js';
import type { Args, Op } from './platform.js';
import type { Route, Served } from './routes.js';
import { DiachisoError } from './errors.js';

type Param = { name: string; in: 'path' | 'query' | 'header' };
const spec = parse(readFileSync(new URL('../../../docs/openapi.yaml', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { parameters?: Param[]; security?: unknown[]; responses: Record<string, unknown> }>>;
};

/** Documented paths the client does not call, and why. */
const NOT_ROUTED: Record<string, string> = {};

const pt = { lat: 12.24, lon: 109.19 };
/** Arguments with every optional field set, so that every query parameter shows. */
const full: { [K in Op]: Args<K> } = {
  health: {},
  suggest: { q: 'x', limit: 5, province: '56', ward: '22366', near: pt, kinds: ['ward'] },
  search: { q: 'x', limit: 5, province: '56' },
  retrieve: { id: 'ward:22366' },
  reverse: { point: pt, nearby: { streets: 1, pois: 1, radiusM: 100, category: 'food' } },
  convertLegacy: { q: 'x' },
  encodeCode: { point: pt },
  decodeCode: { code: '22366-65WW+848', compact: '2236665WW+848' },
  parseCode: { text: '5713312345' },
  lookupCode: { code: '5713312345' },
  verify: { input: 'x' },
  layer: { category: 'all', bbox: [1, 2, 3, 4] },
  exportRecords: {
    query: { province: '56', ward: '22366', category: 'health', updatedSince: '2025-01-01', limit: 5, cursor: 'c' },
    format: 'csv',
  },
  coverage: { province: '56', ward: '22366' },
  provinces: {},
  wards: { province: '56' },
  ward: { code: '22366' },
  registration: { id: 'reg-1' },
  notice: { id: 'reg-1', channel: 'sms', lang: 'vi' },
  declare: { declaration: {} as never, key: 'k' },
  create: { id: 'reg-1', key: 'k' },
  approve: { id: 'reg-1', decision: 'approve', key: 'k' },
};

/** Documented query parameters the client never sends. */
const UNSENT = new Set<string>([
  'suggest session', // a billing token the SuggestSession (issue 14, elements) will send; the client has no sessions yet
]);

test('every route is documented, with its method and every parameter it sends', () => {
  const unsent: string[] = [];
  for (const op of Object.keys(routes) as Op[]) {
    const r = routes[op];
    const doc = spec.paths[r.path]?.[r.method.toLowerCase()];
    assert.ok(doc, `${op}: ${r.method} ${r.path} is not in docs/openapi.yaml`);
    const params = doc.parameters ?? [];
    const documented = (where: 'path' | 'query') => new Set(params.filter((p) => p.in === where).map((p) => p.name));
    const pathNames = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    assert.deepEqual(new Set(pathNames), documented('path'), `${op}: path parameters`);
    const url = new URL(`https://x${target(op, full[op] as never)}`);
    const sent = new Set(url.searchParams.keys());
    for (const k of sent) assert.ok(documented('query').has(k), `${op}: query parameter ${k} is not documented`);
    for (const k of documented('query')) if (!sent.has(k) && !UNSENT.has(`${op} ${k}`)) unsent.push(`${op} ${k}`);
  }
  assert.deepEqual(unsent, [], 'documented query parameters the client never sends');
});

test('every documented path is routed', () => {
  const routed = new Set(Object.values(routes).map((r) => `${r.method.toLowerCase()} ${r.path}`));
  for (const [path, methods] of Object.entries(spec.paths))
    for (const m of Object.keys(methods).filter((k) => ['get', 'post', 'put', 'delete', 'patch'].includes(k)))
      assert.ok(routed.has(`${m} ${path}`) || path in NOT_ROUTED, `${m.toUpperCase()} ${path} has no route`);
});

test('path segments are encoded: an id cannot leave its segment', () => {
  assert.equal(target('registration', { id: '../verify' }), '/v1/registrations/..%2Fverify');
  assert.equal(target('retrieve', { id: 'a?b#c' }), '/v1/places/a%3Fb%23c');
});

/** Arguments with the optional fields left out, and the other shapes a field can take. */
const more: { [K in Op]?: Args<K>[] } = {
  suggest: [{ q: 'vĩnh hải', limit: 1 }],
  search: [{ q: '', limit: 20 }],
  reverse: [{ point: pt }, { point: pt, nearby: false }, { point: pt, nearby: { category: 'food' } }],
  verify: [{ input: { ward: 'Vĩnh Hải', district: 'Nha Trang' } }],
  layer: [{ category: 'health' }],
  exportRecords: [{ query: {}, format: 'json' }],
  coverage: [{ province: '56' }],
  notice: [{ id: 'reg-1', channel: 'letter', lang: 'en' }],
  approve: [{ id: 'reg-1', decision: 'reject', note: 'no', key: 'k' }],
};

/** A request as the platform receives it, from the client's encoding of `a`. */
function request<K extends Op>(op: K, a: Args<K>): WireRequest & { target: string } {
  const r = routes[op] as unknown as Route<K>;
  const t = target(op, a);
  const body = r.body ? (JSON.parse(JSON.stringify(r.body(a))) as unknown) : undefined;
  return { target: t, params: r.params?.(a) ?? {}, query: new URL(`https://x${t}`).searchParams, body, key: r.key?.(a) ?? '' };
}

test('the platform reads every request back into arguments that send the same request', () => {
  for (const op of Object.keys(routes) as Op[])
    for (const a of [full[op], ...(more[op] ?? [])] as Args<typeof op>[]) {
      const sent = request(op, a);
      const back = (served[op] as unknown as Served<typeof op>).args(sent);
      const again = request(op, back);
      assert.equal(again.target, sent.target, `${op}: ${JSON.stringify(a)}`);
      assert.deepEqual(again.body, sent.body, `${op}: body`);
      assert.equal(again.key, sent.key, `${op}: Idempotency-Key`);
    }
});

test('what the platform refuses is an invalid-input error with problem details', () => {
  const q = (s: string): WireRequest => ({ params: {}, query: new URLSearchParams(s), body: undefined, key: '' });
  for (const [op, r] of [
    ['suggest', q('q=a&limit=999')],
    ['suggest', q(`q=${'a'.repeat(1025)}`)],
    ['reverse', q('lat=91&lon=0')],
    ['layer', q('bbox=1,2,3')],
    ['exportRecords', q('format=xml')],
    ['notice', q('channel=fax')],
    ['verify', q('')],
    ['declare', q('')],
    ['lookupCode', { ...q(''), params: { code: '571' } }],
    ['decodeCode', { ...q(''), params: { code: '5713300001' } }],
  ] as const)
    assert.throws(
      () => served[op].args(r),
      (e: unknown) => e instanceof DiachisoError && e.code === 'invalid-input' && e.status === 400 && 'problem' in e,
      op,
    );
});

test('the served side agrees with the contract: open routes, success status, a detail for each 404', () => {
  for (const op of Object.keys(routes) as Op[]) {
    const r = routes[op];
    const s = served[op] as Served<Op>;
    const doc = spec.paths[r.path]![r.method.toLowerCase()]!;
    assert.equal(s.open === true, Array.isArray(doc.security) && doc.security.length === 0, `${op}: needs a key or not`);
    assert.ok(String(s.status ?? 200) in doc.responses, `${op}: ${s.status ?? 200} is not documented`);
    if ('notFound' in r) assert.ok(s.missing, `${op}: a 404 needs its detail`);
  }
});
