// The engine worker of `createClient({ worker: true })`: a LocalPlatform, run here, answering
// the calls of the page's WorkerPlatform (messages in worker-platform-messages.ts). Everything
// offline happens on this thread: the engine's code, the dataset, the index, every operation.
import type { LoadProgress } from '@diachiso/data';
import { DiachisoError } from './errors.js';
import type { LocalPlatform } from './local-platform.js';
import type { Answer, Args, Op } from './platform.js';
import { toWire, type CallRequest, type PageMessage, type WorkerMessage } from './worker-platform-messages.js';

interface Scope {
  onmessage: ((ev: MessageEvent<PageMessage>) => void) | null;
  postMessage(m: WorkerMessage): void;
}
const scope = globalThis as unknown as Scope;
const post = (m: WorkerMessage) => scope.postMessage(m);
// Loaded when the page says hello, not imported: the worker answers `ready` as soon as its own
// small script runs, and every byte of the offline code is the worker's own fetch.
let platform: Promise<LocalPlatform> | undefined;
let options: ConstructorParameters<typeof LocalPlatform>[0] | undefined;
let locale: 'vi' | 'en' = 'vi';

/** The local platform, its code loaded once (a failed load is not kept: the next call tries again). */
function local(): Promise<LocalPlatform> {
  const o = options;
  if (!o) return Promise.reject(new DiachisoError('unavailable', { locale, detail: 'engine worker not initialised' }));
  if (!platform) {
    platform = import('./local-platform.js').then((l) => new l.LocalPlatform(o));
    platform.catch(() => (platform = undefined));
  }
  return platform;
}
/** The calls under way, to abort one when the page gives up on it. */
const running = new Map<number, AbortController>();

async function answer(m: CallRequest): Promise<void> {
  const ctl = new AbortController();
  running.set(m.id, ctl);
  try {
    const p = await local();
    if (m.op === 'warm') {
      await p.searcher();
      post({ type: 'answer', id: m.id, op: 'warm', value: null });
    } else {
      const op = m.op as Op;
      const r = await p.run(op, m.args as Args<Op>, { signal: ctl.signal });
      post({ type: 'answer', id: m.id, op, value: r.value as Answer<Op> } as WorkerMessage);
    }
  } catch (e) {
    post({ type: 'error', id: m.id, error: toWire(e, locale) });
  } finally {
    running.delete(m.id);
  }
}

scope.onmessage = (ev) => {
  const m = ev.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'init') {
    locale = m.locale === 'en' ? 'en' : 'vi';
    options ??= { dataset: { ...m.dataset, onProgress: (progress: LoadProgress) => post({ type: 'progress', progress }) }, locale };
    void local().catch(() => undefined); // its code starts loading now; a failure is reported to the calls
    // The engine's code is the worker's whole purpose: fetched beside the platform's, not after
    // it (one round trip instead of three before the dataset starts loading).
    void Promise.all([import('@diachiso/search'), import('./local-handlers.js')]).catch(() => undefined);
    post({ type: 'ready' });
  } else if (m.type === 'abort') running.get(m.id)?.abort();
  else if (m.type === 'call') void answer(m);
};
