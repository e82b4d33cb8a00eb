/**
 * The Web Worker that runs the offline engine off the main thread (see {@link WorkerEngine}).
 * Loaded as a module worker from `diachiso-worker.js` beside the search bundle.
 *
 * @module
 * @internal
 */
import { OfflineEngine } from './engine.js';
import type { LoadOptions } from '@diachiso/data';
import type { WorkerRequest, WorkerReply } from './worker-engine.js';

interface Scope {
  onmessage: ((ev: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(m: WorkerReply): void;
}
const scope = globalThis as unknown as Scope;
let engine: Promise<OfflineEngine> | undefined;

const METHODS = new Set(['suggest', 'get', 'reverse']);

scope.onmessage = (ev) => {
  const m = ev.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'init') {
    const opts: LoadOptions = {
      ...(m.baseUrl ? { baseUrl: m.baseUrl } : {}),
      ...(m.cache === false ? { cache: false } : {}),
      onProgress: (p) => scope.postMessage({ type: 'progress', progress: p }),
    };
    engine = OfflineEngine.load(opts);
    engine.then(
      (e) => scope.postMessage({ type: 'ready', dataset: e.dataset }),
      (err: unknown) => scope.postMessage({ type: 'failed', error: errorOf(err) }),
    );
    return;
  }
  if (m.type !== 'call') return;
  const { id, method, args } = m;
  (async () => {
    if (!engine) throw new Error('worker not initialised');
    if (!METHODS.has(method)) throw new Error(`unknown method ${String(method).slice(0, 40)}`);
    const e = await engine;
    const fn = (e as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!;
    return fn.apply(e, Array.isArray(args) ? args : []);
  })().then(
    (value) => scope.postMessage({ type: 'result', id, value }),
    (err: unknown) => scope.postMessage({ type: 'result', id, error: errorOf(err) }),
  );
};

function errorOf(err: unknown): { name: string; message: string; code?: string } {
  const e = err as { name?: unknown; message?: unknown; code?: unknown } | null;
  return {
    name: typeof e?.name === 'string' ? e.name : 'Error',
    message: typeof e?.message === 'string' ? e.message : String(err),
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
  };
}
