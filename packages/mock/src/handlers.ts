import { isLatLon, type SuggestionKind } from '@diachiso/core';
import type { LoadOptions } from '@diachiso/data';
import { OfflineEngine } from '@diachiso/search';
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
  const gate = async (request: Request): Promise<Response | undefined> => {
    if (opts.latencyMs) await delay(opts.latencyMs);
    if (opts.apiKey && request.headers.get('X-API-Key') !== opts.apiKey)
      return problem(401, 'Unauthorized', 'A valid X-API-Key header is required.');
    return undefined;
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
      return HttpResponse.json({ ...c, ...(w ? { ward: { code: w.code, name: w.fullName } } : {}) });
    }),
    http.get(`${base}/v1/codes/parse`, async ({ request }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const e = await getEngine();
      return HttpResponse.json(e.parseCode((new URL(request.url).searchParams.get('q') ?? '').slice(0, 64)));
    }),
    http.get(`${base}/v1/codes/:code`, async ({ request, params }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const e = await getEngine();
      const raw = String(params.code ?? '').slice(0, 64);
      const d = e.decodeCode(raw);
      if (!d) {
        const p = e.parseCode(raw);
        return problem(p.ok ? 404 : 400, p.ok ? 'Not found' : 'Invalid input', p.ok ? 'No such code.' : p.en);
      }
      const w = e.index.registry.ward(d.zone);
      return HttpResponse.json({ ...d, zoneKnown: true, ...(w ? { ward: { code: w.code, name: w.fullName } } : {}) });
    }),
    http.get(`${base}/v1/reverse`, async ({ request }) => {
      const denied = await gate(request);
      if (denied) return denied;
      const url = new URL(request.url);
      const p = { lat: Number(url.searchParams.get('lat')), lon: Number(url.searchParams.get('lon')) };
      if (!isLatLon(p)) return problem(400, 'Invalid input', 'lat and lon must be numbers in degrees.');
      const e = await getEngine();
      return HttpResponse.json({ result: e.reverse(p) });
    }),
  ];
}
