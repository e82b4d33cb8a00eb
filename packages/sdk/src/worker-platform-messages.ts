// Every message between the page and the engine worker, named with its types in one place. The
// calls are derived from the platform contract (`Operations`), so the worker can never fall
// behind it: a new operation is a new message, type-checked on both sides.
import type { LoadProgress } from '@diachiso/data';
import { DiachisoError, type DiachisoErrorCode } from './errors.js';
import type { Operations } from './platform.js';

/**
 * What the page asks of the worker: every platform operation, and `warm` (load the dataset and
 * build the engine now, before the first operation needs it).
 *
 * @internal
 */
export interface WorkerCalls extends Operations {
  warm: { args: Record<string, never>; answer: null };
}

/** A call's name. @internal */
export type Call = keyof WorkerCalls;

/** The dataset options that can cross into a worker (a custom `fetch` or a signal cannot). @internal */
export interface WorkerDataset {
  baseUrl?: string;
  cache?: boolean;
  timeoutMs?: number;
}

/** One call: its id, its name and its arguments. @internal */
export type CallRequest = { [K in Call]: { type: 'call'; id: number; op: K; args: WorkerCalls[K]['args'] } }[Call];

/** One call's answer. @internal */
export type CallAnswer = { [K in Call]: { type: 'answer'; id: number; op: K; value: WorkerCalls[K]['answer'] } }[Call];

/** A `DiachisoError` as it crosses the thread boundary (structured clone keeps no class). @internal */
export interface WireError {
  code: DiachisoErrorCode;
  messageVi: string;
  messageEn: string;
  status?: number;
  retryAfterMs?: number;
  /** The problem details a registration error carries. */
  problem?: unknown;
}

/** A message from the page to the worker. @internal */
export type PageMessage = { type: 'init'; locale: 'vi' | 'en'; dataset: WorkerDataset } | CallRequest | { type: 'abort'; id: number };

/** A message from the worker to the page. @internal */
export type WorkerMessage =
  { type: 'ready' } | CallAnswer | { type: 'error'; id: number; error: WireError } | { type: 'progress'; progress: LoadProgress };

/**
 * Returns an error as it crosses into the page: a `DiachisoError` keeps its code, messages,
 * status and problem details; anything else (a bug, not an answer) becomes `unavailable`.
 *
 * @internal
 */
export function toWire(e: unknown, locale: 'vi' | 'en'): WireError {
  const d =
    e instanceof DiachisoError
      ? e
      : new DiachisoError('unavailable', { locale, detail: `engine worker: ${e instanceof Error ? e.message : String(e)}` });
  const problem = (d as { problem?: unknown }).problem;
  return {
    code: d.code,
    messageVi: d.messageVi,
    messageEn: d.messageEn,
    ...(d.status !== undefined ? { status: d.status } : {}),
    ...(d.retryAfterMs !== undefined ? { retryAfterMs: d.retryAfterMs } : {}),
    ...(problem !== undefined ? { problem } : {}),
  };
}

/**
 * Re-creates, on the page, the `DiachisoError` the worker sent: the same class, code, messages,
 * status and problem details as if the operation had run on the page.
 *
 * @internal
 */
export function fromWire(w: WireError, locale: 'vi' | 'en'): DiachisoError {
  const e = new DiachisoError(w.code, {
    locale,
    ...(w.status !== undefined ? { status: w.status } : {}),
    ...(w.retryAfterMs !== undefined ? { retryAfterMs: w.retryAfterMs } : {}),
  });
  const vi = String(w.messageVi);
  const en = String(w.messageEn);
  Object.assign(e, { message: locale === 'en' ? en : vi, messageVi: vi, messageEn: en });
  return w.problem !== undefined ? Object.assign(e, { problem: w.problem }) : e;
}
