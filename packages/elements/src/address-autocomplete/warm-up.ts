// When the autocomplete starts its engine: once the page has loaded and the browser is idle, or
// as soon as the user reaches for the field (focus, pointer down), whichever comes first. Not on
// the first keystroke: by then a first visit on a slow link still has the whole dataset to fetch,
// and a second visit the engine to start (docs/decisions/0012-first-visit.md).

type IdleWindow = {
  requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
  cancelIdleCallback?: (h: number) => void;
};

/**
 * Calls `start` once the page's `load` event has fired and the main thread is idle (at the
 * latest `timeoutMs` after the load). Returns a function that cancels the call if it has not
 * happened yet.
 *
 * @param start - What to do when the page is idle.
 * @param timeoutMs - Longest wait after the load, in milliseconds (default 2,000).
 * @returns Cancels the pending call.
 * @internal
 */
export function afterLoadWhenIdle(start: () => void, timeoutMs = 2000): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const w = window as Window & IdleWindow;
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  const onIdle = () => {
    if (cancelled) return;
    cancelled = true;
    start();
  };
  const schedule = () => {
    if (cancelled) return;
    if (w.requestIdleCallback) idle = w.requestIdleCallback(onIdle, { timeout: timeoutMs });
    else timer = setTimeout(onIdle, 200);
  };
  if (document.readyState === 'complete') schedule();
  else w.addEventListener('load', schedule, { once: true });
  return () => {
    cancelled = true;
    w.removeEventListener('load', schedule);
    if (idle !== undefined) w.cancelIdleCallback?.(idle);
    clearTimeout(timer);
  };
}
