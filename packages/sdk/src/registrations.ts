// The registration services of a client: steps (declare → create → verify) on the client's
// platform, drafts, and the outbox of steps waiting for the platform.
import type { Declaration, Registration } from '@diachiso/core';
import type { ClientMode, QueuedSubmission, Registrations } from './client.js';
import { DiachisoError } from './errors.js';
import type { HttpPlatform } from './http-platform.js';
import { checkId, checkOptions, jsonBody } from './input.js';
import type { LocalPlatform } from './local-platform.js';
import { Outbox, type DroppedSubmission, type OutboxEntry } from './outbox.js';
import type { Platform } from './platform.js';
import { transient } from './transport/retry.js';
import type { LocalStore } from './storage.js';

/** What the registrations need from the resolved options. @internal */
export interface RegistrationsConfig {
  locale: 'vi' | 'en';
  mode: ClientMode;
  base: string;
  options: { onDropped?: ((d: DroppedSubmission) => void) | undefined };
}

/** A sleep that keeps no Node process alive. */
const timer = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  (t as { unref?: () => void }).unref?.();
  return t;
};

const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/** Every outbox flush to run when the browser comes back online: one shared listener for every client. */
const onlineFlushes = new Set<() => void>();
const onOnline = () => onlineFlushes.forEach((f) => f());
function watchOnline(flush: () => void): () => void {
  const w = typeof window !== 'undefined' && typeof window.addEventListener === 'function' ? window : undefined;
  if (w && onlineFlushes.size === 0) w.addEventListener('online', onOnline);
  onlineFlushes.add(flush);
  return () => {
    onlineFlushes.delete(flush);
    if (w && onlineFlushes.size === 0) w.removeEventListener('online', onOnline);
  };
}

/** How many clients hold each online-flush registration (tests read it). @internal */
export const onlineListeners = (): number => onlineFlushes.size;

/**
 * Returns the outbox of a client (only with an HTTP platform) and its sending: at start-up, on a
 * backoff timer while something waits, and when the browser comes back online (one shared
 * listener).
 */
function sender(
  base: string,
  http: HttpPlatform | undefined,
  store: (name: string) => Promise<LocalStore>,
  tell: (d: DroppedSubmission) => void,
) {
  let outboxP: Promise<Outbox | undefined> | undefined;
  const outbox = () =>
    (outboxP ??= http
      ? store('outbox').then(
          (s) =>
            new Outbox(
              s,
              base,
              (e) =>
                http.run(e.step === 'verify' ? 'approve' : e.step, e.args as never, { retries: 0 }).then((r) => r.value as Registration),
              tell,
            ),
        )
      : Promise.resolve(undefined));
  let backoff = 0;
  let pendingTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const flush = async (): Promise<Registration[]> => {
    const ob = await outbox();
    if (!ob) return [];
    const sent = await ob.flush();
    const left = (await ob.entries()).length;
    if (left === 0) backoff = 0;
    else schedule();
    return sent;
  };
  const schedule = () => {
    if (disposed || pendingTimer) return;
    const ms = Math.min(300_000, 2000 * 2 ** backoff) * (0.5 + Math.random() / 2);
    backoff = Math.min(backoff + 1, 8);
    pendingTimer = timer(() => {
      pendingTimer = undefined;
      void flush().catch(() => schedule());
    }, ms);
  };
  const unwatch = http ? watchOnline(() => void flush().catch(() => undefined)) : () => undefined;
  if (http)
    timer(
      () =>
        void outbox()
          .then((ob) => ob?.entries())
          .then((es) => (es?.length && !disposed ? flush() : undefined))
          .catch(() => undefined),
      0,
    );

  const stop = () => {
    disposed = true;
    clearTimeout(pendingTimer);
    unwatch();
  };
  return { outbox, flush, schedule, stop };
}

/**
 * Returns the registration services of a client and a function that stops their timers.
 *
 * @internal
 */
export function createRegistrations(
  cfg: RegistrationsConfig,
  platform: Platform,
  http: HttpPlatform | undefined,
  local: LocalPlatform | undefined,
): { api: Registrations; dispose: () => void } {
  const { locale, mode } = cfg;
  const stores = new Map<string, Promise<LocalStore>>();
  const store = (name: string) => {
    let p = stores.get(name);
    if (!p) stores.set(name, (p = import('./storage.js').then((m) => new m.LocalStore(name))));
    return p;
  };
  const dropped: DroppedSubmission[] = [];
  const tell = (d: DroppedSubmission) => {
    dropped.push(d);
    if (dropped.length > 100) dropped.shift();
    cfg.options.onDropped?.(d);
  };
  const { outbox, flush, schedule, stop } = sender(cfg.base, http, store, tell);

  async function submit(
    step: 'declare' | 'create' | 'verify',
    args: Record<string, unknown> & { key: string },
    id: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Registration | QueuedSubmission> {
    const op = step === 'verify' ? 'approve' : step;
    if (mode !== 'auto') return (await platform.run(op, args as never, { signal })).value as Registration;
    try {
      return (await http!.run(op, args as never, { signal })).value as Registration;
    } catch (e) {
      // The platform could not take it now (unreachable, busy, broken answer): keep it, send it later, once.
      if (!(transient(e) || (e instanceof DiachisoError && e.code === 'invalid-response'))) throw e;
      const ob = (await outbox())!;
      const { persistent } = await ob.add({ step, ...(id ? { id } : {}), idempotencyKey: args.key, args } as Omit<
        OutboxEntry,
        'base' | 'seq' | 'after' | 'queuedAt'
      >);
      schedule();
      return { queued: true, idempotencyKey: args.key, step, persistent };
    }
  }

  const key = (k: unknown) => (k === undefined ? newKey() : checkId(k, 'idempotencyKey', locale));
  const draftKey = (k: unknown) => checkId(k, 'draft key', locale);

  const api: Registrations = {
    async declare(d, opts) {
      const o = checkOptions(opts, locale);
      if (!d || typeof d !== 'object' || Array.isArray(d))
        throw new DiachisoError('invalid-input', { locale, detail: 'declaration must be an object' });
      // A copy that is plain JSON (BigInts, cycles: a typed error now, not a TypeError later).
      const declaration = JSON.parse(jsonBody(d, locale)) as Declaration;
      return submit('declare', { declaration, key: key(o.idempotencyKey) }, undefined, o.signal);
    },
    async create(id, opts) {
      const o = checkOptions(opts, locale);
      const rid = checkId(id, 'registration id', locale);
      return submit('create', { id: rid, key: key(o.idempotencyKey) }, rid, o.signal);
    },
    async verify(id, decision, opts) {
      const o = checkOptions(opts, locale);
      const rid = checkId(id, 'registration id', locale);
      if (decision !== 'approve' && decision !== 'reject')
        throw new DiachisoError('invalid-input', { locale, detail: 'decision must be approve or reject' });
      const note = typeof o.note === 'string' ? o.note.slice(0, 1000) : undefined;
      return submit('verify', { id: rid, decision, ...(note ? { note } : {}), key: key(o.idempotencyKey) }, rid, o.signal);
    },
    async get(id, opts) {
      const o = checkOptions(opts, locale);
      return (await platform.run('registration', { id: checkId(id, 'registration id', locale) }, { signal: o.signal })).value;
    },
    async notice(id, channel, lang = locale) {
      if (channel !== 'sms' && channel !== 'email' && channel !== 'letter')
        throw new DiachisoError('invalid-input', { locale, detail: 'channel must be sms, email or letter' });
      const l = lang === 'en' ? 'en' : 'vi';
      return (await platform.run('notice', { id: checkId(id, 'registration id', locale), channel, lang: l })).value;
    },
    async saveDraft(k, data) {
      return (await store('drafts')).set(draftKey(k), data);
    },
    async loadDraft<T>(k: string) {
      return (await store('drafts')).get<T>(draftKey(k));
    },
    async clearDraft(k) {
      await (await store('drafts')).delete(draftKey(k));
    },
    async pending() {
      const ob = await outbox();
      return ob
        ? (await ob.list()).map(({ entry: e, persistent }) => ({
            queued: true as const,
            idempotencyKey: e.idempotencyKey,
            step: e.step,
            persistent,
          }))
        : [];
    },
    flush,
    dropped: () => [...dropped],
  };
  // Offline clients keep registrations in memory (the local platform's store).
  void local;
  return {
    api,
    dispose() {
      stop();
      void Promise.all(stores.values()).then((ss) => ss.forEach((s) => s.close()));
    },
  };
}
