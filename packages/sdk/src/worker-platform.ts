// `createClient({ worker: true })`: every offline operation runs in a Web Worker that runs a
// LocalPlatform (worker-platform-worker.ts); the page holds only this file. Nothing offline
// happens on the page: no engine code, no dataset part, no index. A worker that cannot start,
// or that stops, makes the calls fail with a typed `unavailable` error (in `auto` the platform
// still answers); it never leaves a call hanging, and a stopped worker is started again.
import type { LoadOptions } from '@diachiso/data';
import { DiachisoError } from './errors.js';
import type { OfflineSide } from './local-platform.js';
import type { Answer, Args, Op, RunContext, Sourced } from './platform.js';
import { fromWire, type Call, type CallRequest, type WorkerCalls, type WorkerMessage } from './worker-platform-messages.js';

/** What the worker platform needs. @internal */
export interface WorkerPlatformOptions {
  /** Where and how the worker loads the dataset (`fetch` and `signal` cannot cross into a worker). */
  dataset?: LoadOptions | undefined;
  /** The worker script. Default: the engine worker emitted beside this module. */
  url?: string | URL | undefined;
  locale: 'vi' | 'en';
  /** How long the worker's script may take to start, in milliseconds (default 30,000). */
  startTimeoutMs?: number;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: DiachisoError): void;
}

/**
 * A `WorkerPlatform` answers every operation of the local platform from a Web Worker.
 *
 * @internal
 */
export class WorkerPlatform implements OfflineSide {
  readonly kind = 'worker' as const;
  #worker: Promise<Worker> | undefined;
  /** The worker that answers now (an older one that failed is ignored). */
  #current: Worker | undefined;
  /** Why the worker could not start: kept (no Worker, a refused or missing script does not heal). */
  #failed: DiachisoError | undefined;
  readonly #pending = new Map<number, Pending>();
  #next = 1;
  #disposed = false;

  constructor(readonly options: WorkerPlatformOptions) {}

  async run<K extends Op>(op: K, args: Args<K>, ctx: RunContext = {}): Promise<Sourced<Answer<K>>> {
    const value = (await this.#call(op, args as WorkerCalls[K]['args'], ctx.signal)) as Answer<K>;
    return { value, source: 'offline' };
  }

  /** Starts the worker and has it load the dataset and build the engine. */
  async searcher(): Promise<{ thread: 'worker' }> {
    await this.#call('warm', {});
    return { thread: 'worker' };
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    void this.#worker?.then((w) => w.terminate()).catch(() => undefined);
    this.#stopped(new DiachisoError('unavailable', { locale: this.options.locale, detail: 'client disposed' }));
  }

  async #call<K extends Call>(op: K, args: WorkerCalls[K]['args'], signal?: AbortSignal): Promise<WorkerCalls[K]['answer']> {
    const locale = this.options.locale;
    const aborted = () => new DiachisoError('aborted', { locale });
    if (signal?.aborted) throw aborted();
    const worker = await this.#start();
    if (signal?.aborted) throw aborted();
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.#pending.delete(id);
        worker.postMessage({ type: 'abort', id });
        reject(aborted());
      };
      const settle = () => signal?.removeEventListener('abort', onAbort);
      this.#pending.set(id, {
        resolve: (v) => (settle(), resolve(v as WorkerCalls[K]['answer'])),
        reject: (e) => (settle(), reject(e)),
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        worker.postMessage({ type: 'call', id, op, args } as CallRequest);
      } catch (e) {
        // Arguments that cannot be copied to a worker (a function, a DOM node): bad input.
        this.#pending.delete(id);
        settle();
        reject(new DiachisoError('invalid-input', { locale, detail: e instanceof Error ? e.message : String(e) }));
      }
    });
  }

  /** The running worker, started on the first call; resolves once its script has loaded. */
  #start(): Promise<Worker> {
    if (this.#disposed) return Promise.reject(new DiachisoError('unavailable', { locale: this.options.locale, detail: 'client disposed' }));
    if (this.#failed) return Promise.reject(this.#failed);
    return (this.#worker ??= new Promise<Worker>((resolve, reject) => {
      const { locale, url, dataset } = this.options;
      let w: Worker | undefined;
      let ready = false;
      const fail = (why: string, cause?: unknown) => {
        clearTimeout(timer);
        w?.terminate();
        this.#worker = undefined;
        this.#failed = new DiachisoError('unavailable', { locale, detail: `engine worker did not start: ${why}`, cause });
        reject(this.#failed);
      };
      const timer = setTimeout(() => fail('no answer in time'), this.options.startTimeoutMs ?? 30_000);
      try {
        if (typeof Worker === 'undefined') throw new Error('Web Workers are not available here');
        // The literal `new Worker(new URL('./…', import.meta.url), { type: 'module' })` is the form
        // bundlers (vite, webpack 5) recognise; the build points it at the hashed worker chunk.
        w = url
          ? new Worker(url, { type: 'module', name: 'diachiso-engine' })
          : new Worker(new URL('./diachiso-worker.js', import.meta.url), { type: 'module', name: 'diachiso-engine' });
      } catch (e) {
        fail(e instanceof Error ? e.message : String(e), e); // blocked by CSP or Trusted Types, or no Worker
        return;
      }
      const worker = w;
      worker.onerror = (ev) => {
        ev.preventDefault?.();
        if (ready) this.#died(worker, ev.message || 'script error');
        else fail(ev.message || 'its script could not be loaded');
      };
      worker.onmessageerror = () => this.#died(worker, 'a message could not be read');
      worker.onmessage = (ev: MessageEvent<WorkerMessage>) => {
        const m = ev.data;
        if (m?.type !== 'ready') return this.#receive(m);
        ready = true;
        this.#current = worker;
        clearTimeout(timer);
        resolve(worker);
      };
      const base = dataset?.baseUrl;
      worker.postMessage({
        type: 'init',
        locale,
        dataset: {
          // relative URLs are the page's, not the worker script's
          ...(base ? { baseUrl: new URL(String(base), globalThis.location?.href).href } : {}),
          ...(dataset?.cache === false ? { cache: false } : {}),
          ...(dataset?.timeoutMs !== undefined ? { timeoutMs: dataset.timeoutMs } : {}),
        },
      });
    }));
  }

  #receive(m: WorkerMessage | undefined): void {
    if (!m || typeof m !== 'object') return;
    if (m.type === 'progress') {
      this.options.dataset?.onProgress?.(m.progress);
      return;
    }
    if (m.type !== 'answer' && m.type !== 'error') return;
    const p = this.#pending.get(m.id);
    if (!p) return; // aborted meanwhile
    this.#pending.delete(m.id);
    if (m.type === 'answer') p.resolve(m.value);
    else p.reject(fromWire(m.error, this.options.locale));
  }

  /** The worker failed after it started: its calls fail now, the next call starts another. */
  #died(worker: Worker, why: string): void {
    worker.terminate();
    if (worker !== this.#current) return;
    this.#current = undefined;
    this.#worker = undefined;
    this.#stopped(new DiachisoError('unavailable', { locale: this.options.locale, detail: `engine worker stopped: ${why}` }));
  }

  #stopped(e: DiachisoError): void {
    for (const p of this.#pending.values()) p.reject(e);
    this.#pending.clear();
  }
}
