import { DiachisoError } from '../errors.js';

/** One HTTP exchange to ask for. @internal */
export interface Exchange {
  method: 'GET' | 'POST' | 'HEAD';
  /** Absolute URL, on the platform's origin. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** When the whole exchange (headers and body) must be over, in `Date.now()` milliseconds. */
  deadline: number;
  signal?: AbortSignal | undefined;
  fetch: typeof fetch;
  /** Most bytes of body read before giving up (default 2 MB). */
  maxBytes?: number;
  locale: 'vi' | 'en';
}

/** What came back: the status, the headers and the whole body as text. @internal */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * Makes one HTTP exchange under one deadline that covers the connection, the headers and the
 * body. The body is read as a stream and cancelled past `maxBytes`. Redirects are never
 * followed (`redirect: 'manual'`, and an answer from another origin is refused), so the API
 * key and a POST body never leave the platform's origin.
 *
 * @param x - The exchange.
 * @returns The reply.
 * @throws DiachisoError `timeout` past the deadline, `aborted` when the caller's signal fires,
 *   `network` when the connection fails, `server` (with the 3xx status) for a redirect,
 *   `invalid-response` for a body over the cap.
 * @internal
 */
export async function exchange(x: Exchange): Promise<Reply> {
  const { locale } = x;
  if (x.signal?.aborted) throw new DiachisoError('aborted', { locale });
  const remaining = x.deadline - Date.now();
  if (remaining <= 0) throw new DiachisoError('timeout', { locale });
  const ctrl = new AbortController();
  let why: 'timeout' | 'aborted' | undefined;
  let fail!: (e: unknown) => void;
  // A promise that rejects at the deadline or on abort, raced against every await below: a
  // custom fetch or a body that ignores the signal still cannot hold the call.
  const stop = new Promise<never>((_, reject) => (fail = reject));
  stop.catch(() => undefined);
  const end = (w: 'timeout' | 'aborted') => {
    why ??= w;
    ctrl.abort();
    fail(new DiachisoError(w, { locale }));
  };
  const timer = setTimeout(() => end('timeout'), remaining);
  const onAbort = () => end('aborted');
  x.signal?.addEventListener('abort', onAbort, { once: true });
  const origin = new URL(x.url).origin;
  // Called unbound: `window.fetch` throws "Illegal invocation" when called as a method of another object.
  const doFetch = x.fetch;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    let res: Response;
    try {
      res = await Promise.race([
        doFetch(x.url, {
          method: x.method,
          headers: x.headers,
          signal: ctrl.signal,
          redirect: 'manual',
          credentials: 'omit',
          ...(x.body !== undefined ? { body: x.body } : {}),
        }),
        stop,
      ]);
    } catch (e) {
      if (why) throw new DiachisoError(why, { locale, cause: e });
      throw new DiachisoError('network', { locale, cause: e });
    }
    // `manual` gives a 3xx (Node) or an opaque redirect (browsers); a custom fetch may have
    // followed anyway, which `redirected` or a foreign `url` tells.
    const foreign = res.url && safeOrigin(res.url) !== origin;
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400) || res.redirected || foreign) {
      void res.body?.cancel().catch(() => undefined);
      throw new DiachisoError('server', { locale, status: res.status || 307, detail: 'redirect refused' });
    }
    const max = x.maxBytes ?? 2_000_000;
    const declared = Number(res.headers.get('Content-Length'));
    if (Number.isFinite(declared) && declared > max) {
      void res.body?.cancel().catch(() => undefined);
      throw new DiachisoError('invalid-response', { locale, status: res.status, detail: 'answer too large' });
    }
    let text = '';
    if (res.body && typeof res.body.getReader === 'function') {
      reader = res.body.getReader();
      const decoder = new TextDecoder();
      let bytes = 0;
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await Promise.race([reader.read(), stop]);
        } catch (e) {
          if (why) throw new DiachisoError(why, { locale, cause: e });
          throw new DiachisoError('network', { locale, cause: e, status: res.status });
        }
        if (chunk.done) break;
        bytes += chunk.value.byteLength;
        if (bytes > max) throw new DiachisoError('invalid-response', { locale, status: res.status, detail: 'answer too large' });
        text += decoder.decode(chunk.value, { stream: true });
      }
      text += decoder.decode();
      reader = undefined;
    } else {
      try {
        text = await Promise.race([res.text(), stop]);
      } catch (e) {
        if (why) throw new DiachisoError(why, { locale, cause: e });
        throw new DiachisoError('network', { locale, cause: e, status: res.status });
      }
      if (text.length > max) throw new DiachisoError('invalid-response', { locale, status: res.status, detail: 'answer too large' });
    }
    return { status: res.status, headers: res.headers, text };
  } finally {
    clearTimeout(timer);
    x.signal?.removeEventListener('abort', onAbort);
    if (reader) void reader.cancel().catch(() => undefined);
    if (!why) ctrl.abort(); // releases the connection of an unread body
  }
}

function safeOrigin(u: string): string {
  try {
    return new URL(u).origin;
  } catch {
    return '';
  }
}
