// The mock platform's request handlers, derived from the SDK's routes table: each route's
// method and path become an msw handler; its request is read back into the operation's
// arguments with the route's `served` half (the inverse of what the client encodes); the
// operation runs; the answer or the error is written the way the client reads it.
import { http, HttpResponse, type JsonBodyType, type RequestHandler } from 'msw';
import type { WireRequest } from '@diachiso/sdk/internal';
import type { Gate } from './gate.js';
import { MockProblem, problem } from './problem.js';

/** The part of a route the handlers need (`routes` of `@diachiso/sdk/internal`). @internal */
export interface RouteShape {
  method: 'GET' | 'POST';
  path: string;
  key?: unknown;
  notFound?: unknown;
}

/** The part of a served route the handlers need (`served` of `@diachiso/sdk/internal`). @internal */
export interface ServedShape {
  args: (r: WireRequest) => unknown;
  reply?: ((v: never, a: never) => unknown) | undefined;
  status?: number | undefined;
  open?: true | undefined;
  missing?: string | undefined;
}

/** What {@link deriveHandlers} builds from. @internal */
export interface Derivation {
  /** Where the API is mounted (`*` for any origin). */
  base: string;
  routes: { readonly [op: string]: RouteShape };
  served: { readonly [op: string]: ServedShape | undefined };
  /** Runs one operation on the platform's data. */
  operations: { readonly [op: string]: ((args: never) => Promise<unknown>) | undefined };
  /** The mock's own checks before an operation (latency, faults, key, rate limit). */
  gate: Gate;
}

const IDEMPOTENCY_KEY = /^[\w.:-]{8,128}$/;
const STATUS: Readonly<Record<string, number>> = {
  'invalid-input': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'rate-limited': 429,
  unavailable: 503,
};
const TITLES: Readonly<Record<number, string>> = {
  400: 'Invalid input',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  422: 'Unprocessable content',
  429: 'Too many requests',
  503: 'Unavailable',
};

/** The SDK's error as the client reads it back: the status of its code, its detail, its problem fields. */
interface SdkError extends Error {
  code: string;
  status?: number;
  messageEn: string;
  problem?: { title?: string; detail?: string; issues?: unknown };
}

/** Returns the problem details of an operation's failure (the inverse of the client's reading). */
export function problemOf(e: unknown): Response {
  if (e instanceof MockProblem) return problem(e.status, e.title, e.detail);
  if (!(e instanceof Error) || e.name !== 'DiachisoError')
    return problem(500, 'Internal error', 'The mock platform failed on this request.');
  const err = e as SdkError;
  const status = err.status ?? STATUS[err.code] ?? 500;
  const p = err.problem;
  // The error's message is "<what> (<detail>)": the detail is what the platform would have said.
  const detail = p?.detail ?? /\((.*)\)$/s.exec(err.messageEn)?.[1];
  // Registration errors (they carry field issues) are typed as such.
  const extra = p && 'issues' in p ? { type: `https://diachiso.dev/problems/registration-${p.title}`, issues: p.issues } : {};
  return problem(status, p?.title ?? TITLES[status] ?? 'Internal error', detail, {}, extra);
}

/** Reads a request back into the wire form the routes table describes. */
async function wireRequest(request: Request, params: Record<string, unknown>, route: RouteShape): Promise<WireRequest> {
  const key = request.headers.get('Idempotency-Key') ?? '';
  if (route.key && !IDEMPOTENCY_KEY.test(key))
    throw new MockProblem(400, 'Invalid input', 'An Idempotency-Key header (8–128 characters) is required.');
  let body: unknown;
  if (route.method === 'POST') {
    const text = await request.text();
    if (text.length > 100_000) throw new MockProblem(400, 'Invalid input', 'The body is longer than 100,000 characters.');
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      throw new MockProblem(400, 'Invalid input', 'The body must be JSON.');
    }
  }
  const strings = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : String(v ?? '')]));
  return { params: strings, query: new URL(request.url).searchParams, body, key };
}

/**
 * Returns one msw handler per route. Throws when a route has no served half or no operation:
 * a route added to the table is served, or the mock refuses to start.
 *
 * @internal
 */
export function deriveHandlers(d: Derivation): RequestHandler[] {
  const missing = Object.keys(d.routes).filter((op) => !d.served[op] || !d.operations[op]);
  if (missing.length)
    throw new Error(
      `@diachiso/mock: no ${missing.map((op) => `${op} (${d.routes[op]!.method} ${d.routes[op]!.path})`).join(', ')} on the mock platform: ` +
        'give each route its served half in packages/sdk/src/routes.ts and its operation in local-handlers.ts.',
    );
  // Fixed paths first: `/v1/codes/encode` must not be taken for `/v1/codes/{code}`.
  const ops = Object.keys(d.routes).sort((a, b) => d.routes[a]!.path.split('{').length - d.routes[b]!.path.split('{').length);
  return ops.map((op) => {
    const route = d.routes[op]!;
    const s = d.served[op]!;
    const run = d.operations[op] as (args: unknown) => Promise<unknown>;
    const reply = s.reply as ((v: unknown, a: unknown) => unknown) | undefined;
    const path = d.base + route.path.replace(/\{(\w+)\}/g, ':$1');
    return (route.method === 'POST' ? http.post : http.get)(path, async ({ request, params }) => {
      if (!s.open) {
        const denied = await d.gate(request);
        if (denied) return denied;
      }
      try {
        const args = s.args(await wireRequest(request, params, route));
        const value = await run(args);
        if (value === null && 'notFound' in route) return problem(404, 'Not found', s.missing);
        return HttpResponse.json((reply ? reply(value, args) : value) as JsonBodyType, { status: s.status ?? 200 });
      } catch (e) {
        return problemOf(e);
      }
    });
  });
}
