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

/**
 * Starts the mock platform as a real HTTP server (same handlers as in the browser and in
 * tests, CORS on), so the online client is exercised over a real network stack.
 *
 * @param opts - Port, host, key, latency, rate limit.
 * @returns The running server.
 * @example
 * ```ts
 * const m = await startMockServer({ port: 8787 });
 * const client = await createClient({ mode: 'online', baseUrl: m.url });
 * ```
 */
export async function startMockServer(opts: MockServerOptions = {}): Promise<MockServer> {
  const handlers = createHandlers({ ...opts, baseUrl: '*' });
  const max = opts.maxBodyBytes ?? 1_000_000;
  const server = createServer(async (req, res) => {
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS).end();
        return;
      }
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req, max);
      if (req.method !== 'GET' && req.method !== 'HEAD' && body === undefined) {
        const p = problem(413, 'Payload too large', `Bodies are limited to ${max} bytes.`);
        res.writeHead(413, { ...CORS, 'Content-Type': 'application/problem+json' }).end(await p.text());
        return;
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
        method: req.method ?? 'GET',
        headers,
        ...(body && body.length ? { body: new Uint8Array(body) } : {}),
      });
      const response = (await getResponse(handlers, request)) ?? problem(404, 'Not found', 'No such endpoint.');
      const out: Record<string, string> = { ...CORS };
      response.headers.forEach((v, k) => (out[k] = v));
      res.writeHead(response.status, out).end(Buffer.from(await response.arrayBuffer()));
    } catch {
      res
        .writeHead(500, { ...CORS, 'Content-Type': 'application/problem+json' })
        .end('{"type":"about:blank","title":"Internal error","status":500}');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8787, opts.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address() as { port: number; address: string };
  return {
    url: `http://${addr.address.includes(':') ? `[${addr.address}]` : addr.address}:${addr.port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
