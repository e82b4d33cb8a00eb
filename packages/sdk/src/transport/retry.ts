import { DiachisoError } from '../errors.js';

/** How a call is retried. @internal */
export interface RetryPolicy {
  /** Extra attempts after the first. */
  retries: number;
  /** First backoff, in milliseconds; doubles each attempt, with full jitter. */
  baseDelayMs: number;
  /** Longest wait between attempts, in milliseconds. */
  maxDelayMs: number;
}

/**
 * Returns how long a `Retry-After` header asks to wait, in milliseconds (seconds or an HTTP
 * date), or `undefined`.
 *
 * @internal
 */
export function retryAfterMs(h: string | null, now = Date.now()): number | undefined {
  if (!h) return undefined;
  const t = h.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.min(Number(t) * 1000, 86_400_000);
  const d = Date.parse(t);
  return Number.isFinite(d) ? Math.max(0, Math.min(d - now, 86_400_000)) : undefined;
}

/** Whether a failure may succeed if tried again: the connection, a timeout, a 5xx, a 429. */
export function transient(e: unknown): boolean {
  if (!(e instanceof DiachisoError)) return false;
  if (e.code === 'network' || e.code === 'timeout' || e.code === 'rate-limited') return true;
  return e.code === 'server' && (e.status === undefined || e.status >= 500);
}

const sleep = (ms: number, signal: AbortSignal | undefined, locale: 'vi' | 'en') =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new DiachisoError('aborted', { locale }));
    const onAbort = () => {
      clearTimeout(t);
      reject(new DiachisoError('aborted', { locale }));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Runs `attempt` until it succeeds, fails for good, runs out of retries or would pass the
 * deadline. The wait is a full-jitter backoff, or the server's `Retry-After` when it gave one;
 * a wait that would end past the deadline is not started: the last failure is thrown at once
 * (so a 429 asking for ten seconds fails now, and `auto` mode can answer offline).
 *
 * @param attempt - One try.
 * @param policy - Retries and backoff.
 * @param deadline - When the whole call must be over (`Date.now()` milliseconds).
 * @param signal - The caller's signal.
 * @param locale - Language of errors.
 * @param random - Jitter source (tests).
 * @returns What `attempt` returned.
 * @internal
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  deadline: number,
  signal: AbortSignal | undefined,
  locale: 'vi' | 'en',
  random: () => number = Math.random,
): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (i >= policy.retries || !transient(e)) throw e;
      const asked = (e as DiachisoError).retryAfterMs;
      const wait = asked !== undefined ? asked : random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** i);
      // Leave the next attempt at least a little time to run.
      if (wait > policy.maxDelayMs || Date.now() + wait + 50 >= deadline) throw e;
      await sleep(wait, signal, locale);
    }
  }
}
