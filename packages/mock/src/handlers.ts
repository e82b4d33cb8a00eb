import { RegistrationStore, type RegistrationSnapshot } from '@diachiso/core';
import { codeIssuer } from '@diachiso/core/internal';
import type { LoadOptions } from '@diachiso/data';
import type { OfflineEngine } from '@diachiso/search';
import { LocalPlatform, localHandlers, routes, served, type Answer, type Args, type Op } from '@diachiso/sdk/internal';
import type { RequestHandler } from 'msw';
import { deriveHandlers } from './derive.js';
import { gate } from './gate.js';
import { MockProblem } from './problem.js';

export { problem } from './problem.js';

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

/** One operation of the mock platform. */
type Operation<K extends Op> = (a: Args<K>) => Promise<Answer<K>>;

/** The platform's registration database: national address codes are the ward's postal code + a serial. */
function registrationStore(e: OfflineEngine, opts: MockOptions): RegistrationStore {
  const r = opts.registrations;
  return new RegistrationStore(
    codeIssuer(e.index.registry, (p) => e.encodeCode(p)),
    { ...(r?.snapshot ? { snapshot: r.snapshot } : {}), ...(r?.onChange ? { onChange: r.onChange } : {}) },
  );
}

/**
 * Returns every operation of the platform: the SDK's local platform (the embedded data and the
 * registration database), with what a platform does beyond it: health names the dataset, and
 * the registration database is bounded.
 */
function operations(opts: MockOptions): { [K in Op]: Operation<K> } {
  const local = new LocalPlatform({ dataset: opts.dataset, locale: 'en', registry: (e) => registrationStore(e, opts) });
  const ops = Object.fromEntries(
    Object.keys(localHandlers).map((op) => [op, async (a: never) => (await local.run(op as Op, a)).value]),
  ) as { [K in Op]: Operation<K> };
  ops.health = async () => ({ status: 'ok', dataset: (await local.engine()).dataset.version }) as Answer<'health'>;
  const declare = ops.declare;
  ops.declare = async (a) => {
    // Memory is bounded: a long-running mock in someone's CI must not grow for ever.
    const cap = opts.maxRegistrations ?? 10_000;
    if ((await local.store()).all().length >= cap)
      throw new MockProblem(507, 'Insufficient storage', `The mock platform keeps at most ${cap} registrations; restart it.`);
    return declare(a);
  };
  return ops;
}

/**
 * Returns msw handlers that implement the platform API (every route of `docs/openapi.yaml`) on
 * the embedded dataset, for tests and demos, in the browser or in Node.
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
  return deriveHandlers({ base, routes, served, operations: operations(opts), gate: gate(opts) });
}
