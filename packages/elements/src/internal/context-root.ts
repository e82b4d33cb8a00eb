import { ContextRoot } from '@lit/context';

const KEY = Symbol.for('diachiso.context-root');

/**
 * Attaches one `ContextRoot` to the document (once per page, whichever module comes first), so an
 * element that asked for its `<dcs-platform>` before that tag was defined gets the client when
 * it is. Called by the define modules only (their side effect).
 * @internal
 */
export function attachContextRoot(): void {
  const g = globalThis as { [KEY]?: true };
  if (g[KEY] || typeof document === 'undefined') return;
  g[KEY] = true;
  new ContextRoot().attach(document.documentElement);
}
