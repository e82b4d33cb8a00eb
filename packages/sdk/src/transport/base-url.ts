import { DiachisoError } from '../errors.js';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Returns the platform's base URL in canonical form (no trailing slash), or throws.
 *
 * Only `https:` is accepted, `http:` to a loopback host (a local mock), and in a page a path on
 * the page's own origin (`/api`); no credentials, query or fragment (a `?` would swallow the API
 * path that the client appends).
 *
 * @param raw - The `baseUrl` option.
 * @param locale - Language of the error message.
 * @returns The URL without a trailing slash.
 * @throws DiachisoError `invalid-input` for anything else.
 * @internal
 */
export function checkBaseUrl(raw: unknown, locale: 'vi' | 'en' = 'vi'): string {
  const bad = (why: string) => new DiachisoError('invalid-input', { locale, detail: `baseUrl ${why}` });
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048) throw bad('must be a URL string');
  // A relative URL (`/api`) names the page's own origin: it is resolved against the page.
  const page = typeof location !== 'undefined' && typeof location.href === 'string' ? location.href : undefined;
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(raw);
  let u: URL;
  try {
    u = relative && page && !raw.startsWith('//') ? new URL(raw, page) : new URL(raw);
  } catch {
    throw bad('is not an absolute URL');
  }
  const sameOriginPage = relative && page !== undefined && (u.protocol === 'https:' || u.protocol === 'http:');
  if (!sameOriginPage && u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.test(u.hostname)))
    throw bad('must use https: (http: only on localhost, or a path on the page’s own origin)');
  if (u.username || u.password) throw bad('must not carry credentials');
  if (u.search || raw.includes('?')) throw bad('must not have a query string');
  if (u.hash || raw.includes('#')) throw bad('must not have a fragment');
  return u.href.replace(/\/+$/, '');
}
