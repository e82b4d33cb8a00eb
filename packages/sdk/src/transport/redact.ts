// Problem details from the platform are hostile text: they may echo the API key back, plainly,
// percent-encoded, in nested objects or in field issues. Only a few fields are kept, each
// string cleaned of every form of the key.

/** Every spelling of the key a server might echo: as is, percent-encoded (both cases), form-encoded. */
function spellings(key: string): string[] {
  const enc = encodeURIComponent(key);
  const forms = new Set([key, enc, enc.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()), enc.replace(/%20/g, '+')]);
  try {
    forms.add(btoa(key));
  } catch {
    /* not Latin-1: no base64 form */
  }
  return [...forms].filter((f) => f.length >= 4).sort((a, b) => b.length - a.length);
}

/**
 * Returns `s` with every echo of the API key replaced by `[redacted]`.
 *
 * @param s - Text written by the server.
 * @param key - The API key (nothing is done for keys under 4 characters).
 * @returns The cleaned text.
 * @internal
 */
export function redactKey(s: string, key: string | undefined): string {
  if (!key || key.length < 4) return s;
  let out = s;
  // Percent-decoding first catches mixed and partial encodings (`ab%63d`).
  for (let i = 0; i < 2 && /%[0-9a-f]{2}/i.test(out); i++) {
    try {
      const dec = decodeURIComponent(out.replace(/\+/g, ' '));
      if (dec.includes(key)) out = dec;
      else break;
    } catch {
      break;
    }
  }
  for (const f of spellings(key)) out = out.split(f).join('[redacted]');
  return out;
}

const MAX_DEPTH = 4;

/** A copy of any JSON value with the key removed from every string, depth- and size-capped. */
function deepClean(v: unknown, key: string | undefined, depth: number): unknown {
  if (typeof v === 'string') return redactKey(v.slice(0, 2000 + (key?.length ?? 0) * 4), key).slice(0, 2000);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  if (depth >= MAX_DEPTH || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) return v.slice(0, 50).map((x) => deepClean(x, key, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v).slice(0, 50)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    const c = deepClean(x, key, depth + 1);
    if (c !== undefined) out[redactKey(k, key).slice(0, 100)] = c;
  }
  return out;
}

/**
 * Returns the `detail` of a problem document, cleaned of the key and cut to 200 characters.
 *
 * @param p - The parsed problem document.
 * @param key - The API key.
 * @returns The detail, or `''`.
 * @internal
 */
export function problemDetail(p: unknown, key: string | undefined): string {
  if (!p || typeof p !== 'object') return '';
  const d = (p as Record<string, unknown>).detail;
  return typeof d === 'string' ? redactKey(d.slice(0, 200 + (key?.length ?? 0) * 4), key).slice(0, 200) : '';
}

/**
 * Returns the fields of a problem document a caller may read (`type`, `title`, `status`,
 * `detail`, `code`, `issues`), with the key removed from every string, nested or not.
 *
 * @param p - The parsed problem document.
 * @param key - The API key.
 * @returns The clean copy, or `undefined` for a non-object.
 * @internal
 */
export function sanitizeProblem(p: unknown, key: string | undefined): Record<string, unknown> | undefined {
  if (!p || typeof p !== 'object' || Array.isArray(p)) return undefined;
  const o = p as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of ['type', 'title', 'status', 'detail', 'code'])
    if (typeof o[k] === 'string' || typeof o[k] === 'number') out[k] = deepClean(o[k], key, 0);
  if (Array.isArray(o.issues))
    out.issues = o.issues
      .slice(0, 50)
      .filter((i) => i && typeof i === 'object' && typeof (i as Record<string, unknown>).field === 'string')
      .map((i) => deepClean(i, key, 1));
  return out;
}
