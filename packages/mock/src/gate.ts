// What only the mock does before a request reaches the platform's operations: added latency,
// injected faults, the API key check and a rate limit for every client together.
import { delay, HttpResponse } from 'msw';
import type { MockOptions } from './handlers.js';
import { problem } from './problem.js';

/** Returns the refusal of a request, or `undefined` to let it through. @internal */
export type Gate = (request: Request) => Promise<Response | undefined>;

/** Returns a faulty answer when the dice say so (`faults` of {@link MockOptions}). */
async function fault(f: NonNullable<MockOptions['faults']>): Promise<Response | undefined> {
  if (f.slowMs && Math.random() < (f.slowRate ?? 1)) await delay(f.slowMs);
  if (f.networkError && Math.random() < f.networkError) return HttpResponse.error();
  if (f.serverError && Math.random() < f.serverError) return problem(500, 'Internal error', 'Injected fault.');
  if (f.rateLimited && Math.random() < f.rateLimited) return problem(429, 'Too many requests', 'Injected fault.', { 'Retry-After': '1' });
  if (f.malformed && Math.random() < f.malformed)
    return new HttpResponse('{"suggestions": [', { headers: { 'Content-Type': 'application/json' } });
  return undefined;
}

/**
 * Returns a limiter over one window for every client: a fresh key per request must not reset it
 * (the HTTP server, which sees addresses, limits per client instead).
 */
function windowOf(perMinute: number): () => Response | undefined {
  let hits: number[] = [];
  return () => {
    const now = Date.now();
    hits = hits.filter((t) => now - t < 60_000);
    if (hits.length >= perMinute) {
      const wait = Math.ceil((60_000 - (now - hits[0]!)) / 1000);
      return problem(429, 'Too many requests', `Limit: ${perMinute} per minute.`, { 'Retry-After': String(wait) });
    }
    hits.push(now);
    return undefined;
  };
}

/** Returns the mock's gate for these options. @internal */
export function gate(opts: MockOptions): Gate {
  const limit = opts.rateLimitPerMinute ? windowOf(opts.rateLimitPerMinute) : undefined;
  return async (request) => {
    if (opts.latencyMs) await delay(opts.latencyMs);
    const faulty = opts.faults && (await fault(opts.faults));
    if (faulty) return faulty;
    if (opts.apiKey && request.headers.get('X-API-Key') !== opts.apiKey)
      return problem(401, 'Unauthorized', 'A valid X-API-Key header is required.');
    return limit?.();
  };
}
