// The platform over HTTP, derived from the routes table: one exchange per attempt under one
// deadline per call, retries within it, problem details cleaned of the key, every answer parsed
// field by field, and only parsed answers cached.
import { DiachisoError, type DiachisoErrorCode } from './errors.js';
import { jsonBody } from './input.js';
import type { Answer, Args, Op, Platform, RunContext, Sourced } from './platform.js';
import { routes, target, type Extra, type Route } from './routes.js';
import { Lru } from './transport/lru.js';
import { exchange, type Reply } from './transport/request.js';
import { retryAfterMs, withRetry, type RetryPolicy } from './transport/retry.js';

/** What the HTTP platform needs. @internal */
export interface HttpOptions {
  /** The checked base URL. */
  base: string;
  apiKey?: string | undefined;
  fetch?: typeof fetch | undefined;
  /** Time for a whole call, retries included, in milliseconds. */
  timeoutMs: number;
  retry: RetryPolicy;
  locale: 'vi' | 'en';
  cache: { size: number; ttlMs: number };
  /** Most bytes of an answer (default 2 MB). */
  maxBytes?: number;
}

export { checkBaseUrl } from './transport/base-url.js';

let extraP: Promise<Extra> | undefined;
const extra = () => (extraP ??= import('./validate-extra.js'));

/** The error of a non-2xx reply (problem details read and cleaned of the key). @internal */
export async function replyError(r: Reply, key: string | undefined, locale: 'vi' | 'en'): Promise<DiachisoError> {
  const status = r.status;
  const wait = retryAfterMs(r.headers.get('Retry-After'));
  const code: DiachisoErrorCode =
    status === 401
      ? 'unauthorized'
      : status === 403
        ? 'forbidden'
        : status === 404
          ? 'not-found'
          : status === 429
            ? 'rate-limited'
            : status === 408
              ? 'timeout'
              : status >= 400 && status < 500
                ? 'invalid-input'
                : 'server';
  let problem: unknown;
  // The problem reader (and the key redaction) loads with the first error.
  const { problemDetail, sanitizeProblem } = await import('./transport/redact.js');
  if (status >= 400 && status < 500) {
    try {
      problem = JSON.parse(r.text.slice(0, 100_000));
    } catch {
      problem = undefined;
    }
  }
  const e = new DiachisoError(code, {
    locale,
    status,
    ...(wait !== undefined ? { retryAfterMs: wait } : {}),
    ...(problem !== undefined ? { detail: problemDetail(problem, key) } : {}),
  });
  const clean = sanitizeProblem(problem, key);
  return clean ? Object.assign(e, { problem: clean }) : e;
}

/**
 * An `HttpPlatform` answers every operation from the platform's HTTP API.
 *
 * @internal
 */
export class HttpPlatform implements Platform {
  readonly kind = 'http' as const;
  readonly #lru: Lru<unknown>;

  constructor(readonly options: HttpOptions) {
    this.#lru = new Lru(options.cache.size, options.cache.ttlMs);
  }

  async run<K extends Op>(op: K, args: Args<K>, ctx: RunContext = {}): Promise<Sourced<Answer<K>>> {
    const o = this.options;
    const { locale } = o;
    const route = routes[op] as Route<K>;
    const rel = target(op, args);
    const url = o.base + rel;
    if (route.cache) {
      const hit = this.#lru.get(url);
      if (hit !== undefined) return { value: structuredClone(hit) as Answer<K>, source: 'online' };
    }
    const body = route.body ? jsonBody(route.body(args), locale) : undefined;
    const idem = route.key?.(args);
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
    if (o.apiKey) headers['X-API-Key'] = o.apiKey;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idem) headers['Idempotency-Key'] = idem;
    const budget = Math.max(1, Math.min(ctx.budgetMs ?? o.timeoutMs, o.timeoutMs));
    const deadline = Date.now() + budget;
    // A POST is retried only with an Idempotency-Key, so the platform can tell a retry from a second submission.
    const retries = route.method === 'POST' && !idem ? 0 : (ctx.retries ?? o.retry.retries);
    const f = o.fetch ?? globalThis.fetch;
    const attempt = async (): Promise<Answer<K>> => {
      const reply = await exchange({
        method: route.method,
        url,
        headers,
        ...(body !== undefined ? { body } : {}),
        deadline,
        signal: ctx.signal,
        fetch: f,
        locale,
        ...(o.maxBytes ? { maxBytes: o.maxBytes } : {}),
      });
      if (reply.status === 404 && 'notFound' in route) return route.notFound as Answer<K>;
      if (reply.status < 200 || reply.status >= 300) throw await replyError(reply, o.apiKey, locale);
      let json: unknown;
      try {
        json = JSON.parse(reply.text);
      } catch {
        throw new DiachisoError('invalid-response', { locale, status: reply.status });
      }
      let parsed: Answer<K> | undefined;
      try {
        parsed = route.parse(json, args, route.lazy ? await extra() : (undefined as unknown as Extra));
      } catch {
        parsed = undefined; // a parser meeting something it did not expect: malformed, not a crash
      }
      if (parsed === undefined) throw new DiachisoError('invalid-response', { locale, status: reply.status });
      return parsed;
    };
    const value = await withRetry(attempt, { ...o.retry, retries: Math.max(0, retries) }, deadline, ctx.signal, locale);
    if (route.cache && value !== null) this.#lru.set(url, structuredClone(value));
    return { value, source: 'online' };
  }

  dispose(): void {
    this.#lru.clear();
  }
}
