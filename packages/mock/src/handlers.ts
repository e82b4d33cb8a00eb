import {
  AdminRegistry,
  codeIssuer,
  codeLookup,
  isLatLon,
  noticeText,
  parseNdas,
  readCode,
  RegistrationError,
  RegistrationStore,
  type Declaration,
  type RegistrationSnapshot,
  type SuggestionKind,
} from '@diachiso/core';
import type { LoadOptions } from '@diachiso/data';
import { coverage, exportRecords, OfflineEngine, toCsv, toGeoJson } from '@diachiso/search';
import { delay, http, HttpResponse, type RequestHandler } from 'msw';

/** Options of {@link createHandlers}. */
export interface MockOptions {
  /** Where the API is mounted: `https://api.example.gov.vn`, `/api`, or `*` for any origin (default). */
  baseUrl?: string;
  /** When set, requests must carry this key in `X-API-Key` (401 otherwise). */
  apiKey?: string;
  /** Added latency per request, in milliseconds (default 0). */
  latencyMs?: number;
  /** Where the mock loads the embedded dataset from. */
  dataset?: LoadOptions;
  /** Requests per minute, all clients together, before 429 (default: no limit). */
  rateLimitPerMinute?: number;
  /** Registrations kept in memory at most; past it a declaration gets 507 (default 10,000). */
  maxRegistrations?: number;
  /**
   * Injected faults, for testing a page against a misbehaving platform: a share of requests
   * (0–1) that fail with a network error, a 500, a 429, malformed JSON, or a delay.
   */
  faults?: { networkError?: number; serverError?: number; rateLimited?: number; malformed?: number; slowMs?: number; slowRate?: number };
  /**
   * The registration database's persistence: a saved state to start from, and a hook called with
   * the whole state after every change, so that national address code serials are never reused
   * across restarts (default: in memory).
   */
  registrations?: { snapshot?: RegistrationSnapshot; onChange?: (snapshot: RegistrationSnapshot) => void };
}

/** An RFC 9457 problem details response. */
export function problem(status: number, title: string, detail?: string, headers: Record<string, string> = {}): Response {
  return HttpResponse.json(
    { type: `https://diachiso.dev/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`, title, status, ...(detail ? { detail } : {}) },
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

const KINDS = new Set(['province', 'ward', 'street', 'poi', 'address']);

/**
 * Returns msw handlers that implement the platform API (`/v1/suggest`, `/v1/reverse`,
 * `/v1/health`) on the embedded dataset, for tests and demos, in the browser or in Node.
 *
 * @param opts - Mount point, required key, latency, dataset location.
 * @returns The handlers, to pass to `setupWorker` or `setupServer`.
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * const server = setupServer(...createHandlers({ baseUrl: 'https://api.test' }));
 * server.listen();
 * ```
 */
export function createHandlers(opts: MockOptions = {}): RequestHandler[] {
  const base = (opts.baseUrl ?? '*').replace(/\/+$/, '');
  let engine: Promise<OfflineEngine> | undefined;
  const getEngine = () => (engine ??= OfflineEngine.load(opts.dataset ?? {}));
  const hits = new Map<string, number[]>();
  const gate = async (request: Request): Promise<Response | undefined> => {
    if (opts.latencyMs) await delay(opts.latencyMs);
    const f = opts.faults;
    if (f) {
      if (f.slowMs && Math.random() < (f.slowRate ?? 1)) await delay(f.slowMs);
      if (f.networkError && Math.random() < f.networkError) return HttpResponse.error();
      if (f.serverError && Math.random() < f.serverError) return problem(500, 'Internal error', 'Injected fault.');
      if (f.rateLimited && Math.random() < f.rateLimited)
        return problem(429, 'Too many requests', 'Injected fault.', { 'Retry-After': '1' });
      if (f.malformed && Math.random() < f.malformed)
        return new HttpResponse('{"suggestions": [', { headers: { 'Content-Type': 'application/json' } });
    }
    if (opts.apiKey && request.headers.get('X-API-Key') !== opts.apiKey)
      return problem(401, 'Unauthorized', 'A valid X-API-Key header is required.');
    if (opts.rateLimitPerMinute) {
      // One window for every client: a fresh key per request must not reset it, and the map
      // stays one entry (the HTTP server, which sees addresses, limits per client instead).
      const who = 'all';
      const now = Date.now();
      const list = (hits.get(who) ?? []).filter((t) => now - t < 60_000);
      if (list.length >= opts.rateLimitPerMinute) {
        const wait = Math.ceil((60_000 - (now - list[0]!)) / 1000);
        return problem(429, 'Too many requests', `Limit: ${opts.rateLimitPerMinute} per minute.`, { 'Retry-After': String(wait) });
      }
      list.push(now);
      hits.set(who, list);
    }
    return undefined;
  };
  // The platform's registration database: national address codes are the ward's postal code +
  // a serial of that postal code; the location code and Plus Code come from the engine.
  let store: Promise<RegistrationStore> | undefined;
  const getStore = () =>
    (store ??= getEngine().then(
      (e) =>
        new RegistrationStore(
          codeIssuer(e.index.registry, (p) => e.encodeCode(p)),
          {
            ...(opts.registrations?.snapshot ? { snapshot: opts.registrations.snapshot } : {}),
            ...(opts.registrations?.onChange ? { onChange: opts.registrations.onChange } : {}),
          },
        ),
    ));
  const registrationError = (e: unknown): Response => {
    if (e instanceof RegistrationError) {
      const status = e.code === 'not-found' ? 404 : e.code === 'invalid' ? 422 : 409;
      return HttpResponse.json(
        { type: `https://diachiso.dev/problems/registration-${e.code}`, title: e.code, status, detail: e.message, issues: e.issues },
        { status, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    throw e;
  };
  const readJson = async (request: Request): Promise<unknown> => {
    const text = await request.text();
    if (text.length > 100_000) throw new RangeError('too large');
    return JSON.parse(text);
  };
  const idemKey = (request: Request) => {
    const k = request.headers.get('Idempotency-Key');
    return k && /^[\w.:-]{8,128}$/.test(k) ? k : undefined;
  };
  /** A registration step: auth, a valid Idempotency-Key, and registration errors as problems. */
  const step =
    (run: (request: Request, key: string, id: string) => Promise<Response>) =>
    async ({ request, params }: { request: Request; params: Record<string, unknown> }): Promise<Response> => {
      const denied = await gate(request);
      if (denied) return denied;
      const key = idemKey(request);
      if (!key) return problem(400, 'Invalid input', 'An Idempotency-Key header (8–128 characters) is required.');
      try {
        return await run(request, key, String(params.id ?? ''));
      } catch (e) {
        return registrationError(e);
      }
    };
  return [
    http.get(`${base}/v1/health`, async () => {
      const e = await getEngine();
      return HttpResponse.json({ status: 'ok', dataset: e.dataset.version });
    }),
    http.get(`${base}/v1/suggest`, async ({ request }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const url = new URL(request.url);
      const q = url.searchParams.get('q') ?? '';
      if (q.length > 1024) return problem(400, 'Invalid input', 'q is longer than 1024 characters.');
      const limitRaw = url.searchParams.get('limit');
      const limit = limitRaw === null ? 5 : Number(limitRaw);
      if (!Number.isInteger(limit) || limit < 1 || limit > 50)
        return problem(400, 'Invalid input', 'limit must be an integer from 1 to 50.');
      const kinds = url.searchParams
        .get('kinds')
        ?.split(',')
        .filter((k) => KINDS.has(k)) as SuggestionKind[] | undefined;
      const near = url.searchParams.get('near')?.split(',').map(Number);
      const nearPt = near && near.length === 2 ? { lat: near[0]!, lon: near[1]! } : undefined;
      const e = await getEngine();
      const suggestions = e.suggest(q, {
        limit,
        ...(url.searchParams.get('province') ? { province: url.searchParams.get('province')! } : {}),
        ...(url.searchParams.get('ward') ? { ward: url.searchParams.get('ward')! } : {}),
        ...(nearPt && isLatLon(nearPt) ? { near: nearPt } : {}),
        ...(kinds ? { kinds } : {}),
      });
      return HttpResponse.json({ suggestions });
    }),
    http.get(`${base}/v1/legacy/convert`, async ({ request }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const q = new URL(request.url).searchParams.get('q') ?? '';
      if (q.length > 1024) return problem(400, 'Invalid input', 'q is longer than 1024 characters.');
      const e = await getEngine();
      const { parsed: _parsed, ...result } = e.convertLegacy(q);
      return HttpResponse.json(result);
    }),
    http.get(`${base}/v1/codes/encode`, async ({ request }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const url = new URL(request.url);
      const p = { lat: Number(url.searchParams.get('lat')), lon: Number(url.searchParams.get('lon')) };
      if (!isLatLon(p)) return problem(400, 'Invalid input', 'lat and lon must be numbers in degrees.');
      const e = await getEngine();
      const c = e.encodeCode(p);
      const w = c.zoneKnown ? e.index.registry.ward(c.zone) : undefined;
      return HttpResponse.json({ ...c, ...(w ? { ward: AdminRegistry.wardRef(w) } : {}) });
    }),
    http.get(`${base}/v1/codes/parse`, async ({ request }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const e = await getEngine();
      const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 64);
      return HttpResponse.json(readCode(q, { registry: e.index.registry, zones: e.zones }));
    }),
    http.get(`${base}/v1/codes/ndas/:code`, async ({ request, params }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const p = parseNdas(String(params.code ?? '').slice(0, 64));
      if (!p.ok) return problem(400, 'Invalid input', p.en);
      const r = (await getStore()).lookup(p.code);
      const answer = r && codeLookup(r);
      return answer ? HttpResponse.json(answer) : problem(404, 'Not found', 'No address was registered with this national address code.');
    }),
    http.get(`${base}/v1/codes/:code`, async ({ request, params }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const e = await getEngine();
      const raw = String(params.code ?? '').slice(0, 64);
      const d = e.decodeCode(raw);
      if (!d) {
        // Ten digits are a national address code: it is looked up, not decoded.
        if (parseNdas(raw).ok)
          return problem(400, 'Invalid input', 'This is a national address code: look it up with GET /v1/codes/ndas/{code}.');
        const p = e.parseCode(raw);
        return problem(p.ok ? 404 : 400, p.ok ? 'Not found' : 'Invalid input', p.ok ? 'No such code.' : p.en);
      }
      const w = e.index.registry.ward(d.zone);
      return HttpResponse.json({ ...d, zoneKnown: true, ...(w ? { ward: AdminRegistry.wardRef(w) } : {}) });
    }),
    http.get(`${base}/v1/search`, async ({ request }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const url = new URL(request.url);
      const q = (url.searchParams.get('q') ?? '').slice(0, 1024);
      const limit = Math.max(1, Math.min(50, Number(url.searchParams.get('limit') ?? 20) || 20));
      const province = url.searchParams.get('province');
      const e = await getEngine();
      return HttpResponse.json({ results: q.trim() ? e.suggest(q, { limit, ...(province ? { province } : {}) }) : [] });
    }),
    http.get(`${base}/v1/places/:id`, async ({ request, params }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const e = await getEngine();
      const r = e.get(String(params.id ?? '').slice(0, 200));
      return r ? HttpResponse.json(r) : problem(404, 'Not found', 'No place with this id.');
    }),
    http.post(`${base}/v1/verify`, async ({ request }) => {
      const denied = await gate(request);
      if (denied) return denied;
      let body: { text?: unknown; components?: unknown };
      try {
        body = (await readJson(request)) as typeof body;
      } catch {
        return problem(400, 'Invalid input', 'The body must be JSON: { "text": "…" } or { "components": { … } }.');
      }
      const e = await getEngine();
      if (typeof body?.text === 'string') return HttpResponse.json(e.verify(body.text.slice(0, 1024)));
      if (body?.components && typeof body.components === 'object')
        return HttpResponse.json(e.verify(body.components as Record<string, string>));
      return problem(400, 'Invalid input', 'Give "text" or "components".');
    }),
    http.get(`${base}/v1/units/provinces`, async ({ request }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const e = await getEngine();
      return HttpResponse.json(e.index.registry.provinces.map((p) => ({ code: p.code, name: p.fullName })));
    }),
    http.get(`${base}/v1/units/provinces/:code/wards`, async ({ request, params }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const e = await getEngine();
      const code = String(params.code ?? '');
      if (!e.index.registry.province(code)) return problem(404, 'Not found', 'No province with this code.');
      return HttpResponse.json(
        e.index.registry
          .wardsOf(code)
          .map((w) => ({ code: w.code, name: w.fullName, ...(w.postalCode ? { postalCode: w.postalCode } : {}) })),
      );
    }),
    http.get(`${base}/v1/units/wards/:code`, async ({ request, params }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const e = await getEngine();
      const w = e.index.registry.ward(String(params.code ?? ''));
      const p = w && e.index.registry.province(w.provinceCode);
      return w && p
        ? HttpResponse.json({
            code: w.code,
            name: w.fullName,
            ...(w.postalCode ? { postalCode: w.postalCode } : {}),
            province: { code: p.code, name: p.fullName },
          })
        : problem(404, 'Not found', 'No 2025 ward with this code.');
    }),
    http.get(`${base}/v1/layers/:category`, async ({ request, params }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const bbox = new URL(request.url).searchParams.get('bbox')?.split(',').map(Number);
      if (bbox && (bbox.length !== 4 || !bbox.every(Number.isFinite)))
        return problem(400, 'Invalid input', 'bbox is west,south,east,north in degrees.');
      const e = await getEngine();
      return HttpResponse.json(e.layer(String(params.category ?? 'all'), bbox));
    }),
    http.get(`${base}/v1/export`, async ({ request }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const url = new URL(request.url);
      const sp = url.searchParams;
      const format = sp.get('format') ?? 'json';
      if (!['json', 'geojson', 'csv'].includes(format)) return problem(400, 'Invalid input', 'format is json, geojson or csv.');
      const e = await getEngine();
      const page = exportRecords(e, (await getStore()).all(), {
        ...(sp.get('province') ? { province: sp.get('province')! } : {}),
        ...(sp.get('ward') ? { ward: sp.get('ward')! } : {}),
        ...(sp.get('category') ? { category: sp.get('category')! } : {}),
        ...(sp.get('updatedSince') ? { updatedSince: sp.get('updatedSince')! } : {}),
        ...(sp.get('limit') ? { limit: Number(sp.get('limit')) } : {}),
        ...(sp.get('cursor') ? { cursor: sp.get('cursor')! } : {}),
      });
      if (format === 'json') return HttpResponse.json(page);
      const text = format === 'csv' ? toCsv(page.items) : JSON.stringify(toGeoJson(page));
      return HttpResponse.json({ text, total: page.total, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) });
    }),
    http.get(`${base}/v1/stats/coverage`, async ({ request }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const sp = new URL(request.url).searchParams;
      const e = await getEngine();
      return HttpResponse.json(coverage(e, (await getStore()).all(), sp.get('province') ?? '56', sp.get('ward') ?? undefined));
    }),
    http.post(
      `${base}/v1/registrations`,
      step(async (request, key) => {
        let body: Declaration;
        try {
          body = (await readJson(request)) as Declaration;
        } catch {
          return problem(400, 'Invalid input', 'The body must be a JSON declaration.');
        }
        const st = await getStore();
        // Memory is bounded: a long-running mock in someone's CI must not grow for ever.
        const cap = opts.maxRegistrations ?? 10_000;
        if (st.all().length >= cap)
          return problem(507, 'Insufficient storage', `The mock platform keeps at most ${cap} registrations; restart it.`);
        return HttpResponse.json(st.declare(body, key), { status: 201 });
      }),
    ),
    http.post(
      `${base}/v1/registrations/:id/create`,
      step(async (_request, key, id) => HttpResponse.json((await getStore()).create(id, key))),
    ),
    http.post(
      `${base}/v1/registrations/:id/verify`,
      step(async (request, key, id) => {
        let body: { decision?: unknown; note?: unknown };
        try {
          body = (await readJson(request)) as typeof body;
        } catch {
          return problem(400, 'Invalid input', 'The body must be JSON: { "decision": "approve" | "reject", "note"?: "…" }.');
        }
        if (body?.decision !== 'approve' && body?.decision !== 'reject')
          return problem(400, 'Invalid input', 'decision is approve or reject.');
        return HttpResponse.json((await getStore()).verify(id, body.decision, key, typeof body.note === 'string' ? body.note : undefined));
      }),
    ),
    http.get(`${base}/v1/registrations/:id/notice`, async ({ request, params }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const sp = new URL(request.url).searchParams;
      const channel = sp.get('channel') ?? 'sms';
      const lang = sp.get('lang') === 'en' ? 'en' : 'vi';
      if (channel !== 'sms' && channel !== 'email' && channel !== 'letter')
        return problem(400, 'Invalid input', 'channel is sms, email or letter.');
      const r = (await getStore()).get(String(params.id));
      if (!r?.record) return problem(404, 'Not found', 'No created registration with this id.');
      return HttpResponse.json(noticeText(r.record, channel, lang));
    }),
    http.get(`${base}/v1/registrations/:id`, async ({ request, params }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const r = (await getStore()).get(String(params.id));
      return r ? HttpResponse.json(r) : problem(404, 'Not found', 'No registration with this id.');
    }),
    http.get(`${base}/v1/reverse`, async ({ request }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const url = new URL(request.url);
      const p = { lat: Number(url.searchParams.get('lat')), lon: Number(url.searchParams.get('lon')) };
      if (!isLatLon(p)) return problem(400, 'Invalid input', 'lat and lon must be numbers in degrees.');
      const e = await getEngine();
      const n = (k: string) => (url.searchParams.has(k) ? Number(url.searchParams.get(k)) : undefined);
      const nearby = {
        streets: n('streets'),
        pois: n('pois'),
        radiusM: n('radius'),
        category: url.searchParams.get('category') ?? undefined,
      };
      return HttpResponse.json({ result: e.reverse(p, nearby) });
    }),
  ];
}
