// The platform answered from the embedded dataset: every operation offline, on the thread it is
// created on (the page's, or the engine worker's: see worker-platform.ts). The engine loads on
// the first operation that needs it (a failed load is not kept: the next call tries again);
// registrations (and the national address codes they are issued) live in the local registry,
// kept in IndexedDB.
import type { Registration, RegistrationError, RegistrationStore } from '@diachiso/core';
import type { LoadOptions } from '@diachiso/data';
import type { OfflineEngine } from '@diachiso/search';
import { DiachisoError } from './errors.js';
import type { Answer, Args, Op, Platform, RunContext, Sourced } from './platform.js';

/** What the local platform needs. @internal */
export interface LocalOptions {
  dataset?: LoadOptions | undefined;
  locale: 'vi' | 'en';
  /** The registration database (default: the local registry, kept in IndexedDB); the mock platform brings its own. */
  registry?: ((e: OfflineEngine) => RegistrationStore | Promise<RegistrationStore>) | undefined;
}

/**
 * The side of `auto` and `offline` that answers from the embedded data: a {@link LocalPlatform}
 * on the page, or a `WorkerPlatform` running one in a Web Worker.
 *
 * @internal
 */
export interface OfflineSide extends Platform {
  /** Loads the dataset and builds the engine (once); says where they run. */
  searcher(): Promise<{ thread: 'worker' | 'main' }>;
}
/** One operation, offline. @internal */
export type Handler<K extends Op> = (p: LocalPlatform, a: Args<K>) => Promise<Answer<K>>;

const search = () => import('@diachiso/search');
const codes = () => import('./codes.js');

/** Memoises a promise, forgetting a rejected one so that the next call tries again. */
function retryable<T>(make: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => {
    if (!p) {
      p = make();
      p.catch(() => (p = undefined));
    }
    return p;
  };
}

/**
 * A `LocalPlatform` answers every operation from the embedded dataset.
 *
 * @internal
 */
export class LocalPlatform implements OfflineSide {
  readonly kind = 'local' as const;
  /** The main-thread engine (dataset loaded on first use). */
  readonly engine: () => Promise<OfflineEngine>;
  /** The searches' engine (the engine, said to run on this thread). */
  readonly searcher: () => Promise<{ engine: OfflineEngine; thread: 'main' }>;
  /** The registrations made offline, with the national address codes issued to them (kept in IndexedDB). */
  readonly store: () => Promise<RegistrationStore>;

  constructor(readonly options: LocalOptions) {
    const { locale } = options;
    this.engine = retryable(() =>
      search()
        .then((m) => m.OfflineEngine.load(options.dataset ?? {}))
        .catch((e: unknown) => {
          throw e instanceof DiachisoError
            ? e
            : new DiachisoError('unavailable', {
                locale,
                detail: `embedded dataset: ${e instanceof Error ? e.message : String(e)}`,
                cause: e,
              });
        }),
    );
    this.searcher = () => this.engine().then((engine) => ({ engine, thread: 'main' as const }));
    // The national address codes issued here: the ward's postal code + a serial, persisted.
    this.store = retryable(() =>
      Promise.all([this.engine(), codes()]).then(([e, m]) => (options.registry ? options.registry(e) : m.localRegistry(e))),
    );
  }

  /** The registrations made offline so far (for export and coverage). */
  async registrations(): Promise<Registration[]> {
    return [...(await this.store()).all()];
  }

  async run<K extends Op>(op: K, args: Args<K>, ctx: RunContext = {}): Promise<Sourced<Answer<K>>> {
    if (ctx.signal?.aborted) throw new DiachisoError('aborted', { locale: this.options.locale });
    // The operations' code loads with the first operation (the engine loads then anyway).
    const handler = (await import('./local-handlers.js')).handlers[op] as Handler<K>;
    const value = await handler(this, args);
    if (ctx.signal?.aborted) throw new DiachisoError('aborted', { locale: this.options.locale });
    return { value, source: 'offline' };
  }

  /** Turns a `RegistrationError` into the `DiachisoError` the platform would have sent. */
  registrationError(e: unknown): never {
    if (e instanceof Error && e.name === 'RegistrationError') {
      const r = e as RegistrationError;
      const status = r.code === 'not-found' ? 404 : r.code === 'invalid' ? 422 : 409;
      throw Object.assign(
        new DiachisoError(r.code === 'not-found' ? 'not-found' : 'invalid-input', {
          locale: this.options.locale,
          status,
          detail: r.message,
        }),
        { problem: { title: r.code, detail: r.message, issues: r.issues } },
      );
    }
    throw e;
  }

  dispose(): void {
    // The engine is shared by every client of the page (per dataset location): nothing to stop.
  }
}
