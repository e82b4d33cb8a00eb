// The client's code services (reading any kind of code, looking up a national address code, the
// local registry that issues them), loaded on first use: pages that never touch a code do not
// download them.
import {
  codeIssuer,
  codeLookup,
  parseNdas,
  readCode,
  RegistrationStore,
  type CodeLookup,
  type CodeReading,
  type RegistrationSnapshot,
} from '@diachiso/core';
import type { OfflineEngine } from '@diachiso/search';
import { DiachisoError } from './errors.js';
import { LocalStore } from './storage.js';

/** What the code services need from the client. @internal */
export interface CodeDeps {
  readonly mode: 'online' | 'offline' | 'auto';
  readonly locale: 'vi' | 'en';
  offline(): Promise<OfflineEngine>;
  getJson(path: string, params: Record<string, string>, signal?: AbortSignal): Promise<unknown>;
}

/**
 * Reads a code of any kind: offline with the embedded postal codes and zone table, online by the
 * platform; failing both, by its shape alone.
 *
 * @internal
 */
export async function parseAnyCode(d: CodeDeps, text: string): Promise<CodeReading> {
  if (d.mode !== 'online')
    try {
      const e = await d.offline();
      return readCode(text, { registry: e.index.registry, zones: e.zones });
    } catch {
      /* below */
    }
  if (d.mode !== 'offline')
    try {
      const r = (await d.getJson('/v1/codes/parse', { q: String(text).slice(0, 64) })) as CodeReading;
      if (r && typeof r.kind === 'string' && typeof r.valid === 'boolean' && Array.isArray(r.findings)) return r;
    } catch {
      /* below */
    }
  return readCode(text);
}

/**
 * Returns the 10 digits of a national address code, or throws `invalid-input` with the reason.
 *
 * @internal
 */
export function ndasDigits(d: Pick<CodeDeps, 'locale'>, code: string): string {
  const p = parseNdas(code);
  if (!p.ok) throw new DiachisoError('invalid-input', { locale: d.locale, detail: p.en });
  return p.code;
}

/**
 * Asks the platform who a national address code was issued to: `null` when nobody.
 *
 * @internal
 */
export async function lookupOnline(d: CodeDeps, code: string, signal?: AbortSignal): Promise<CodeLookup | null> {
  try {
    const v = (await d.getJson(`/v1/codes/ndas/${code}`, {}, signal)) as CodeLookup;
    if (!v || v.code !== code || !v.record || typeof v.record !== 'object')
      throw new DiachisoError('invalid-response', { locale: d.locale });
    return v;
  } catch (e) {
    if (e instanceof DiachisoError && e.code === 'not-found') return null;
    throw e;
  }
}

/**
 * Looks a national address code up in the local registry: `null` when this device did not issue it.
 *
 * @internal
 */
export function lookupLocal(store: RegistrationStore, code: string): CodeLookup | null {
  const r = store.lookup(code);
  return (r && codeLookup(r)) ?? null;
}

/**
 * Returns the local registry: it issues national address codes (the ward's postal code + a
 * serial) and is kept in IndexedDB, so that a serial is never issued twice on this device, even
 * after a reload.
 *
 * @internal
 */
export async function localRegistry(e: OfflineEngine): Promise<RegistrationStore> {
  const saved = new LocalStore('registry');
  const snapshot = await saved.get<RegistrationSnapshot>('state');
  return new RegistrationStore(
    codeIssuer(e.index.registry, (p) => e.encodeCode(p)),
    {
      ...(snapshot ? { snapshot } : {}),
      onChange: (s) => void saved.set('state', s),
    },
  );
}
