// `auto` mode: the platform, with the embedded data as the fallback.
//
// A health state decides, not each call: after a failure that the local data can answer for
// (unreachable, timeout, 5xx, 429, an unusable answer), every call answers locally at once for
// a cool-down, while one background probe of `/v1/health` at a time checks whether the platform
// is back. The typing path (`suggest`) gets a short budget and no retries, and starts the local
// engine halfway through its budget so that the fallback answer is ready when the budget ends.
import { DiachisoError } from './errors.js';
import type { HttpPlatform } from './http-platform.js';
import type { OfflineSide } from './local-platform.js';
import { LOCAL_FIRST, PLATFORM_ONLY, type Answer, type Args, type Op, type Platform, type RunContext, type Sourced } from './platform.js';

/** Tuning of the fallback. @internal */
export interface FallbackOptions {
  /** Time the typing path waits for the platform, in milliseconds (default 800). */
  suggestBudgetMs: number;
  /** How long to answer locally after a failure, in milliseconds (default 30,000). */
  coolDownMs: number;
}

/** Failures the local data answers for. Not: a wrong key, bad input, not found, a cancelled call. @internal */
export function fallbackWorthy(e: unknown): boolean {
  if (!(e instanceof DiachisoError)) return false;
  return ['network', 'timeout', 'server', 'rate-limited', 'invalid-response'].includes(e.code);
}

/**
 * A `FallbackPlatform` asks the platform and answers from the embedded data when the platform
 * cannot answer.
 *
 * @internal
 */
export class FallbackPlatform implements Platform {
  readonly kind = 'fallback' as const;
  /** Until when calls answer locally (`Date.now()` milliseconds). */
  #downUntil = 0;
  #probe: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;

  constructor(
    readonly http: HttpPlatform,
    readonly local: OfflineSide,
    readonly options: FallbackOptions,
  ) {}

  /** Whether calls answer locally now (the platform failed less than a cool-down ago). */
  get coolingDown(): boolean {
    return Date.now() < this.#downUntil;
  }

  async run<K extends Op>(op: K, args: Args<K>, ctx: RunContext = {}): Promise<Sourced<Answer<K>>> {
    if (PLATFORM_ONLY.has(op)) return this.http.run(op, args, ctx);
    if (LOCAL_FIRST.has(op))
      try {
        return await this.local.run(op, args, ctx);
      } catch (e) {
        if (ctx.signal?.aborted) throw e;
        return this.http.run(op, args, ctx);
      }
    if (this.coolingDown) {
      this.#probeSoon();
      return this.local.run(op, args, ctx);
    }
    const typing = op === 'suggest';
    let warm: ReturnType<typeof setTimeout> | undefined;
    if (typing) {
      // Have the local answer ready if the platform does not answer within the budget.
      warm = setTimeout(() => void this.local.searcher().catch(() => undefined), this.options.suggestBudgetMs / 2);
      (warm as { unref?: () => void }).unref?.();
    }
    try {
      return await this.http.run(op, args, typing ? { ...ctx, budgetMs: this.options.suggestBudgetMs, retries: 0 } : ctx);
    } catch (e) {
      if (!fallbackWorthy(e)) throw e;
      this.#markDown();
      return this.local.run(op, args, ctx);
    } finally {
      clearTimeout(warm);
    }
  }

  #markDown(): void {
    this.#downUntil = Date.now() + this.options.coolDownMs;
  }

  /** One probe at a time, at most one per second; success ends the cool-down. */
  #probeSoon(): void {
    if (this.#probe || this.#timer || this.#disposed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#probe = this.http
        .run('health', {}, { retries: 0 })
        .then(
          () => void (this.#downUntil = 0),
          () => this.#markDown(),
        )
        .finally(() => (this.#probe = undefined));
    }, 1000);
    (this.#timer as { unref?: () => void }).unref?.();
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.http.dispose();
    this.local.dispose();
  }
}
