import type { LatLon, ReverseResult, Suggestion } from '@diachiso/core';
import type { LoadedDataset, LoadOptions, LoadProgress } from '@diachiso/data';
import { OfflineEngine } from './engine.js';
import type { SuggestOptions } from './search-index.js';
import type { NearbyOptions } from './nearby.js';

/** A message to the engine worker. @internal */
export type WorkerRequest =
  | { type: 'init'; baseUrl?: string; cache?: boolean }
  | { type: 'call'; id: number; method: 'suggest' | 'get' | 'reverse'; args: unknown[] };

/** A message from the engine worker. @internal */
export type WorkerReply =
  | { type: 'ready'; dataset: Omit<LoadedDataset, 'parts'> }
  | { type: 'failed'; error: { name: string; message: string; code?: string } }
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'result'; id: number; value?: unknown; error?: { name: string; message: string; code?: string } };

/** Options of {@link WorkerEngine.start}. */
export interface WorkerEngineOptions {
  /** Where and how the worker loads the dataset (`baseUrl`, `cache`, `onProgress`; a custom `fetch` cannot cross into a worker). */
  dataset?: LoadOptions;
  /** The worker script. Default: `diachiso-worker.js` beside this module (bundlers that understand `new URL(…, import.meta.url)` copy it). */
  url?: string | URL;
  /** How long to wait for the worker to load the dataset, in milliseconds (default 30,000). */
  startTimeoutMs?: number;
}

/**
 * A `WorkerEngine` runs the offline engine in a Web Worker, so that loading the dataset, building
 * or restoring the index and every search happen off the main thread: typing never waits for
 * them. It answers `suggest`, `get` and `reverse` like {@link OfflineEngine}, asynchronously.
 * `createClient({ worker: true })` uses one for these calls.
 *
 * @example
 * ```ts
 * const engine = await WorkerEngine.start();
 * await engine.suggest('vinh hai', { limit: 5 });
 * engine.terminate();
 * ```
 */
export class WorkerEngine {
  /** How the worker loaded the dataset (version, cache, attribution). */
  readonly dataset: Omit<LoadedDataset, 'parts'>;
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #next = 1;
  #dead: Error | undefined;

  private constructor(worker: Worker, dataset: Omit<LoadedDataset, 'parts'>) {
    this.#worker = worker;
    this.dataset = dataset;
    worker.onmessage = (ev: MessageEvent<WorkerReply>) => {
      const m = ev.data;
      if (m?.type !== 'result') return;
      const p = this.#pending.get(m.id);
      if (!p) return;
      this.#pending.delete(m.id);
      if (m.error) p.reject(Object.assign(new Error(m.error.message), { name: m.error.name, code: m.error.code }));
      else p.resolve(m.value);
    };
    worker.onerror = (ev) => {
      ev.preventDefault?.();
      this.#fail(new Error(`engine worker failed: ${ev.message || 'unknown error'}`));
    };
  }

  /**
   * Starts a worker and waits until it has loaded the dataset and the index.
   *
   * @param opts - Dataset options and the worker script's URL.
   * @returns The engine.
   * @throws Error when workers are unavailable, the script cannot start (e.g. blocked by CSP) or the dataset fails to load.
   */
  static start(opts: WorkerEngineOptions = {}): Promise<WorkerEngine> {
    if (typeof Worker === 'undefined') return Promise.reject(new Error('Web Workers are not available here'));
    let worker: Worker;
    try {
      worker = new Worker(opts.url ?? new URL('./diachiso-worker.js', import.meta.url), { type: 'module', name: 'diachiso-engine' });
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return new Promise<WorkerEngine>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error('engine worker did not start in time')), opts.startTimeoutMs ?? 30_000);
      const fail = (e: Error) => {
        clearTimeout(timer);
        worker.terminate();
        reject(e);
      };
      worker.onerror = (ev) => {
        ev.preventDefault?.();
        fail(new Error(`engine worker failed to start: ${ev.message || 'script error'}`));
      };
      worker.onmessage = (ev: MessageEvent<WorkerReply>) => {
        const m = ev.data;
        if (m?.type === 'progress') opts.dataset?.onProgress?.(m.progress);
        else if (m?.type === 'failed') fail(Object.assign(new Error(m.error.message), { name: m.error.name, code: m.error.code }));
        else if (m?.type === 'ready') {
          clearTimeout(timer);
          resolve(new WorkerEngine(worker, m.dataset));
        }
      };
      const base = opts.dataset?.baseUrl;
      const msg: WorkerRequest = {
        type: 'init',
        // relative URLs are resolved against the page, not the worker script
        ...(base ? { baseUrl: new URL(String(base), globalThis.location?.href).href } : {}),
        ...(opts.dataset?.cache === false ? { cache: false } : {}),
      };
      worker.postMessage(msg);
    });
  }

  #call<T>(method: 'suggest' | 'get' | 'reverse', args: unknown[]): Promise<T> {
    if (this.#dead) return Promise.reject(this.#dead);
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#worker.postMessage({ type: 'call', id, method, args } satisfies WorkerRequest);
    });
  }

  #fail(e: Error): void {
    this.#dead = e;
    for (const p of this.#pending.values()) p.reject(e);
    this.#pending.clear();
  }

  /**
   * Returns ranked suggestions (see {@link OfflineEngine.suggest}).
   *
   * @param text - The query.
   * @param opts - Limit and preferences.
   * @returns The suggestions.
   */
  suggest(text: string, opts?: SuggestOptions): Promise<Suggestion[]> {
    return this.#call('suggest', [text, opts]);
  }

  /**
   * Returns the record with this id.
   *
   * @param id - A suggestion id.
   * @returns The record, or `undefined`.
   */
  get(id: string): Promise<Suggestion | undefined> {
    return this.#call('get', [id]);
  }

  /**
   * Returns the ward and province of a point with the nearest streets and points of interest.
   *
   * @param p - The point.
   * @param nearby - How many, within which radius; `false` for none.
   * @returns The answer, or `null` outside the covered area.
   */
  reverse(p: LatLon, nearby?: NearbyOptions | false): Promise<ReverseResult | null> {
    return this.#call('reverse', [p, nearby]);
  }

  /** Stops the worker; pending and later calls reject. */
  terminate(): void {
    this.#worker.terminate();
    this.#fail(new Error('engine worker terminated'));
  }
}

/**
 * Starts the engine for searches: in a Web Worker when `worker` is set and a worker can start
 * here, otherwise (or when it fails: no Worker, CSP, Trusted Types) on the main thread.
 * `createClient({ worker })` uses it.
 *
 * @param dataset - Where and how to load the dataset.
 * @param worker - `true`, or `{ url }` of the worker script; falsy for the main thread.
 * @returns The engine and where it runs.
 */
export async function startEngine(
  dataset?: LoadOptions,
  worker?: boolean | { url?: string | URL },
): Promise<{ engine: WorkerEngine | OfflineEngine; thread: 'worker' | 'main' }> {
  if (worker && typeof Worker !== 'undefined') {
    const url = typeof worker === 'object' ? worker.url : undefined;
    try {
      return { engine: await WorkerEngine.start({ ...(dataset ? { dataset } : {}), ...(url ? { url } : {}) }), thread: 'worker' };
    } catch {
      // no worker here: the same engine on the main thread
    }
  }
  return { engine: await OfflineEngine.load(dataset ?? {}), thread: 'main' };
}
