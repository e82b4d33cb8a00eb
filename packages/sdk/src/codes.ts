// The client's code services (reading any kind of code, the national address code's checks, the
// local registry that issues such codes), loaded on first use: pages that never touch a code do
// not download them.
import { parseNdas, readCode, RegistrationStore, type CodeLookup, type CodeReading, type RegistrationSnapshot } from '@diachiso/core';
import { codeIssuer, codeLookup } from '@diachiso/core/internal';
import type { OfflineEngine } from '@diachiso/search';
import { DiachisoError } from './errors.js';
import { LocalStore } from './storage.js';

/**
 * Reads a code of any kind with the embedded postal codes and zone table: a national code's
 * postal code is checked and its ward named, a location code is decoded.
 *
 * @internal
 */
export function readLocal(e: OfflineEngine, text: string): CodeReading {
  return readCode(text, { registry: e.index.registry, zones: e.zones });
}

/**
 * Reads a code by its shape alone (no data: which kind, its parts, what is malformed).
 *
 * @internal
 */
export function readShape(text: string): CodeReading {
  return readCode(text);
}

/**
 * Returns the 10 digits of a national address code, or throws `invalid-input` with the reason.
 *
 * @internal
 */
export function ndasDigits(locale: 'vi' | 'en', code: unknown): string {
  const p = parseNdas(typeof code === 'string' ? code : '');
  if (!p.ok) throw new DiachisoError('invalid-input', { locale, detail: locale === 'en' ? p.en : p.vi });
  return p.code;
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
 * serial) and keeps its whole state in IndexedDB (`diachiso-registry`), so that a serial is
 * never issued twice on this device, even after a reload. Where IndexedDB is missing or fails,
 * the state is kept in memory for the page (see {@link LocalStore}).
 *
 * @internal
 */
export async function localRegistry(e: OfflineEngine, saved = new LocalStore('registry')): Promise<RegistrationStore> {
  const snapshot = await saved.get<RegistrationSnapshot>('state');
  return new RegistrationStore(
    codeIssuer(e.index.registry, (p) => e.encodeCode(p)),
    {
      ...(snapshot ? { snapshot } : {}),
      onChange: (s) => void saved.set('state', s),
    },
  );
}
