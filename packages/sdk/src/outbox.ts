// The outbox: registration steps that could not reach the platform, kept (IndexedDB, else
// memory) and sent later, once each, in the order they were made.
//
// - Entries are keyed `<base URL> <sequence>`: one tenant's submissions never go to another
//   platform, and replay follows the order the steps were made (a time-based sequence, so that
//   it also holds across tabs and reloads), never the order of random ids.
// - A step names the step it depends on (the last queued step of the same registration); it is
//   not sent before that one has gone.
// - Only a definitive refusal drops a step (a 4xx other than 408, 425, 429, or a 409 the
//   platform marks retryable; a 409 still there after five flushes): the app is told which and
//   why. Everything else keeps it, and the flush stops there (later steps wait: the order holds).
// - One flush at a time per platform and origin: Web Locks where available (tabs), an
//   in-process promise otherwise.
import type { Registration } from '@diachiso/core';
import { DiachisoError } from './errors.js';
import type { LocalStore } from './storage.js';

/** One queued step, as stored. @internal */
export interface OutboxEntry {
  readonly base: string;
  readonly seq: string;
  readonly step: 'declare' | 'create' | 'verify';
  /** The registration it acts on (`create`, `verify`). */
  readonly id?: string;
  /** The operation's arguments (the route makes the request from them when it is sent). */
  readonly args: unknown;
  readonly idempotencyKey: string;
  /** The idempotency key of the step this one waits for. */
  readonly after?: string;
  /** How many times the platform answered 409 (conflict) to it. */
  readonly conflicts?: number;
  readonly queuedAt: number;
}

/** A submission the platform refused for good: it was removed from the outbox. */
export interface DroppedSubmission {
  /** The step. */
  readonly step: 'declare' | 'create' | 'verify';
  /** Its idempotency key. */
  readonly idempotencyKey: string;
  /** The registration it acted on, for `create` and `verify`. */
  readonly id?: string;
  /** Why: the platform's error (`invalid-input` with field issues in `problem`, `not-found`, …). */
  readonly error: DiachisoError;
}

/** Sends one stored step: the platform's answer, or a thrown `DiachisoError`. @internal */
export type Sender = (e: OutboxEntry) => Promise<Registration>;

let lastSeq = 0;
/** A sequence that grows across reloads and within a millisecond. @internal */
export function nextSeq(now = Date.now()): string {
  lastSeq = Math.max(lastSeq + 1, now * 1000);
  return lastSeq.toString(36).padStart(12, '0');
}

/**
 * Whether the platform refused a step for good: a 4xx that retrying cannot change. 408, 425
 * and 429 are transient; a 409 is transient unless the problem says the idempotency key was
 * reused with other content (nothing will ever accept it).
 *
 * @internal
 */
export function definitive(e: unknown): boolean {
  if (!(e instanceof DiachisoError) || e.status === undefined) return false;
  const s = e.status;
  if (s < 400 || s >= 500 || s === 408 || s === 425 || s === 429) return false;
  if (s === 409) {
    const p = (e as DiachisoError & { problem?: { code?: unknown; title?: unknown } }).problem;
    return p?.code === 'idempotency' || p?.title === 'idempotency';
  }
  // 401/403: the key is wrong or lacks the right; the step may go once the app fixes the key.
  return s !== 401 && s !== 403;
}

/** Conflicts (409) after which a step is dropped and reported. @internal */
export const MAX_CONFLICTS = 5;

const inProcess = new Map<string, Promise<unknown>>();

/** Runs `fn` alone for `name`: across tabs with Web Locks, within this realm otherwise. */
async function exclusive<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const prev = inProcess.get(name) ?? Promise.resolve();
  const run = prev
    .catch(() => undefined)
    .then(() => {
      const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
      return locks ? (locks.request(name, fn) as Promise<T>) : fn();
    });
  inProcess.set(name, run);
  try {
    return await run;
  } finally {
    if (inProcess.get(name) === run) inProcess.delete(name);
  }
}

/**
 * An `Outbox` holds the queued steps of one platform (base URL).
 *
 * @internal
 */
export class Outbox {
  #tail: Promise<Registration[]> = Promise.resolve([]);
  #running = 0;

  /**
   * @param store - Where entries are kept.
   * @param base - The platform's base URL (the key prefix).
   * @param send - Sends one step.
   * @param onDropped - Told of each step refused for good.
   */
  constructor(
    private readonly store: LocalStore,
    readonly base: string,
    private readonly send: Sender,
    private readonly onDropped: (d: DroppedSubmission) => void,
  ) {}

  /** This platform's entries, in the order they were made. */
  async entries(): Promise<OutboxEntry[]> {
    const prefix = `${this.base} `;
    return (await this.store.all<OutboxEntry>()).filter(([k]) => k.startsWith(prefix)).map(([, v]) => v);
  }

  /** This platform's entries with whether each is in IndexedDB. */
  async list(): Promise<Array<{ entry: OutboxEntry; persistent: boolean }>> {
    return (await this.entries()).map((entry) => ({ entry, persistent: this.store.saved(`${this.base} ${entry.seq}`) }));
  }

  /**
   * Queues a step after the last queued step of the same registration.
   *
   * @returns The entry and whether it is in IndexedDB.
   */
  async add(e: Omit<OutboxEntry, 'base' | 'seq' | 'after' | 'queuedAt'>): Promise<{ entry: OutboxEntry; persistent: boolean }> {
    const prior = e.id ? (await this.entries()).filter((x) => x.id === e.id).pop() : undefined;
    const entry: OutboxEntry = {
      ...e,
      base: this.base,
      seq: nextSeq(),
      queuedAt: Date.now(),
      ...(prior ? { after: prior.idempotencyKey } : {}),
    };
    const { persistent } = await this.store.set(`${this.base} ${entry.seq}`, entry);
    return { entry, persistent };
  }

  /**
   * Sends every queued step in order, one flush at a time. Stops at the first transient failure
   * (the rest wait, in order); drops a step the platform refuses for good, and tells.
   *
   * @returns The registrations the platform returned.
   */
  flush(): Promise<Registration[]> {
    // Flushes run one after the other: a flush asked while another runs starts when it ends (and
    // finds what is still queued), so an explicit flush is never answered by one that began
    // before the platform came back; it also reports what that one sent.
    const busy = this.#running > 0;
    this.#running++;
    const run = this.#tail
      .catch(() => [] as Registration[])
      .then(async (before) => [...(busy ? before : []), ...(await exclusive(`diachiso-outbox ${this.base}`, () => this.#flushOnce()))])
      .finally(() => this.#running--);
    this.#tail = run;
    return run;
  }

  async #flushOnce(): Promise<Registration[]> {
    const out: Registration[] = [];
    const held = new Set<string>(); // keys of steps that must wait for an earlier one
    for (const e of await this.entries()) {
      // A step waits for the one it depends on.
      if (e.after && held.has(e.after)) {
        held.add(e.idempotencyKey);
        continue;
      }
      const key = `${this.base} ${e.seq}`;
      try {
        out.push(await this.send(e));
      } catch (err) {
        // A conflict (the registration is not in the state the step needs) may resolve once an
        // earlier step lands; after MAX_CONFLICTS it is treated as a refusal, so that one stuck
        // step cannot hold the outbox for ever.
        const conflicts = (e.conflicts ?? 0) + 1;
        const conflict = err instanceof DiachisoError && err.status === 409 && !definitive(err);
        if (conflict && conflicts < MAX_CONFLICTS) {
          await this.store.set(key, { ...e, conflicts });
          break;
        }
        if (!conflict && !definitive(err)) break; // unreachable or busy: this and everything after it wait, in order
        await this.store.delete(key);
        try {
          this.onDropped({ step: e.step, idempotencyKey: e.idempotencyKey, ...(e.id ? { id: e.id } : {}), error: err as DiachisoError });
        } catch {
          /* the app's handler must not stop the flush */
        }
        continue;
      }
      await this.store.delete(key);
    }
    return out;
  }
}
