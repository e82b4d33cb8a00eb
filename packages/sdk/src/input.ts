// What callers pass is checked once, at the client's edge: typed errors for what cannot be an
// id or options, normalised text for queries.
import { DiachisoError } from './errors.js';
import { toWellFormed } from './well-formed.js';

/** Longest id accepted (registration, place, unit ids are far shorter). @internal */
export const MAX_ID = 200;

/**
 * Returns `id` if it can name one resource in a path segment, or throws `invalid-input`: not a
 * string, empty, over {@link MAX_ID} characters, `.` or `..` (which would escape the segment),
 * a lone surrogate, or a control character.
 *
 * @internal
 */
export function checkId(id: unknown, what: string, locale: 'vi' | 'en'): string {
  const bad = (why: string) => new DiachisoError('invalid-input', { locale, detail: `${what} ${why}` });
  if (typeof id !== 'string') throw bad('must be a string');
  if (!id || id.length > MAX_ID) throw bad(`must be 1–${MAX_ID} characters`);
  if (id === '.' || id === '..') throw bad('must not be . or ..');
  if (toWellFormed(id) !== id) throw bad('must be well-formed Unicode');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(id)) throw bad('must not contain control characters');
  return id;
}

/**
 * Returns the options object of a call: `{}` for `undefined`, the object itself, or a typed
 * error for `null`, a primitive or an array.
 *
 * @internal
 */
export function checkOptions<T extends object>(opts: T | undefined | null, locale: 'vi' | 'en'): T {
  if (opts === undefined) return {} as T;
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts))
    throw new DiachisoError('invalid-input', { locale, detail: 'options must be an object' });
  return opts;
}

/**
 * Returns a query as the engine and the platform should see it: a string (anything else is
 * empty), cut to 1,024 code units, lone surrogates replaced, fullwidth and other compatibility
 * forms folded (NFKC: `Ｔｒầｎ` → `Trần`), format characters dropped (zero-width spaces and
 * joiners, bidi marks, soft hyphens), then NFC.
 *
 * @internal
 */
export function normalizeQuery(text: unknown): string {
  if (typeof text !== 'string') return '';
  return toWellFormed(text.slice(0, 2048))
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .normalize('NFC')
    .slice(0, 1024);
}

/**
 * Returns a JSON body, or throws `invalid-input` when the value cannot be sent as JSON
 * (a BigInt, a cycle, a Symbol-keyed object is dropped silently by JSON and is fine).
 *
 * @internal
 */
export function jsonBody(v: unknown, locale: 'vi' | 'en'): string {
  try {
    const s = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'string' ? toWellFormed(x) : x));
    if (s === undefined) throw new Error('not JSON');
    if (s.length > 1_000_000) throw new Error('too large');
    return s;
  } catch (e) {
    throw new DiachisoError('invalid-input', { locale, detail: 'the data cannot be sent as JSON', cause: e });
  }
}
