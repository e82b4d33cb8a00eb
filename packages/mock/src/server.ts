import { createServer, type IncomingMessage, type Server } from 'node:http';
import { getResponse } from 'msw';
import { createHandlers, problem, type MockOptions } from './handlers.js';

/** Options of {@link startMockServer}. */
export interface MockServerOptions extends Omit<MockOptions, 'baseUrl'> {
  /** Port (default 8787; 0 picks a free one). */
  port?: number;
  /** Interface (default 127.0.0.1: loopback only). */
  host?: string;
  /** Largest request body accepted, in bytes (default 1 MB). */
  maxBodyBytes?: number;
  /**
   * Requests per minute per client IP address before 429 (default: no limit). A fresh API key
   * per request does not reset it.
   */
  rateLimitPerMinute?: number;
  /** Longest wait for a request's headers, in milliseconds (default 10,000). */
  headersTimeoutMs?: number;
  /** Longest wait for a whole request, body included, in milliseconds (default 30,000). */
  requestTimeoutMs?: number;
}

/** A running mock server. */
export interface MockServer {
  /** The base URL, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  /** The Node server. */
  readonly server: Server;
  /** Stops the server. */
  close(): Promise<void>;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, X-API-Key, Idempotency-Key, Accept-Language',
  'Access-Control-Expose-Headers': 'Retry-After',
  'Access-Control-Max-Age': '600',
};
const METHODS = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);
// A host name, IPv4 or bracketed IPv6 address, with an optional port.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
/** Clients tracked by the rate limiter at most; the oldest are forgotten first. */
const MAX_CLIENTS = 10_000;

async function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of req) {
    n += (c as Buffer).length;
    if (n > max) return undefined;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A sliding one-minute window per client, over a bounded map. */
function limiter(perMinute: number): (client: string) => number | undefined {
  const hits = new Map<string, number[]>();
  return (client) => {
    const now = Date.now();
    const list = (hits.get(client) ?? []).filter((t) => now - t < 60_000);
    hits.delete(client); // re-inserted last: the map's order is least recently seen first
    if (list.length >= perMinute) {
      hits.set(client, list);
      return Math.max(1, Math.ceil((60_000 - (now - list[0]!)) / 1000));
    }
    list.push(now);
    hits.set(client, list);
    if (hits.size > MAX_CLIENTS) hits.delete(hits.keys().next().value!);
    return undefined;
  };
}

function send(
  res: import('node:http').ServerResponse,
  status: number,
  title: string,
  detail: string,
  extra: Record<string, string> = {},
): void {
  const body = JSON.stringify({
    type: `https://diachiso.dev/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
    title,
    status,
    detail,
  });
  res.writeHead(status, { ...CORS, 'Content-Type': 'application/problem+json', ...extra }).end(body);
}

/**
 * Starts the mock platform as a real HTTP server (same handlers as in the browser and in
 * tests, CORS on), so the online client is exercised over a real network stack. Malformed
 * requests (unknown methods, a bad `Host`, broken percent-encoding) get a 4xx; slow clients are
 * cut off after `headersTimeoutMs`/`requestTimeoutMs`.
 *
 * @param opts - Port, host, key, latency, rate limit, timeouts.
 * @returns The running server.
 * @example
 * ```ts
 * const m = await startMockServer({ port: 8787 });
 * const client = await createClient({ mode: 'online', baseUrl: m.url });
 * ```
 */
export async function startMockServer(opts: MockServerOptions = {}): Promise<MockServer> {
  const { rateLimitPerMinute, ...handlerOpts } = opts;
  const handlers = createHandlers({ ...handlerOpts, baseUrl: '*' });
  const max = opts.maxBodyBytes ?? 1_000_000;
  const limit = rateLimitPerMinute ? limiter(rateLimitPerMinute) : undefined;
  const headersTimeout = opts.headersTimeoutMs ?? 10_000;
  const server = createServer(
    {
      headersTimeout,
      requestTimeout: Math.max(opts.requestTimeoutMs ?? 30_000, headersTimeout),
      keepAliveTimeout: 5_000,
      // How often Node checks those deadlines (its default, 30 s, would hold a slow client longer).
      connectionsCheckingInterval: Math.min(1_000, headersTimeout),
    },
    async (req, res) => {
      try {
        const method = req.method ?? 'GET';
        if (!METHODS.has(method))
          return send(res, 405, 'Method not allowed', `${method.slice(0, 20)} is not supported.`, { Allow: 'GET, HEAD, POST, OPTIONS' });
        const host = req.headers.host ?? 'localhost';
        if (!HOST.test(host)) return send(res, 400, 'Bad request', 'The Host header is not a host name.');
        const path = req.url ?? '/';
        if (!path.startsWith('/')) return send(res, 400, 'Bad request', 'The request target must be a path.');
        try {
          decodeURIComponent(path);
        } catch {
          return send(res, 400, 'Bad request', 'The URL has a malformed percent-encoding.');
        }
        if (method === 'OPTIONS') {
          res.writeHead(204, CORS).end();
          return;
        }
        if (limit) {
          const wait = limit(req.socket.remoteAddress ?? 'unknown');
          if (wait !== undefined)
            return send(res, 429, 'Too many requests', `Limit: ${rateLimitPerMinute} per minute per client.`, {
              'Retry-After': String(wait),
            });
        }
        const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req, max);
        if (method === 'POST' && body === undefined) return send(res, 413, 'Payload too large', `Bodies are limited to ${max} bytes.`);
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
        // HEAD is answered as GET without the body.
        const request = new Request(`http://${host}${path}`, {
          method: method === 'HEAD' ? 'GET' : method,
          headers,
          ...(body && body.length ? { body: new Uint8Array(body) } : {}),
        });
        const response = (await getResponse(handlers, request)) ?? problem(404, 'Not found', 'No such endpoint.');
        const out: Record<string, string> = { ...CORS };
        response.headers.forEach((v, k) => (out[k] = v));
        const bytes = Buffer.from(await response.arrayBuffer());
        res.writeHead(response.status, out).end(method === 'HEAD' ? undefined : bytes);
      } catch {
        if (!res.headersSent) send(res, 500, 'Internal error', 'The mock platform failed on this request.');
        else res.destroy();
      }
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8787, opts.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address() as { port: number; address: string };
  return {
    url: `http://${addr.address.includes(':') ? `[${addr.address}]` : addr.address}:${addr.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
