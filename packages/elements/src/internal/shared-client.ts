import { createContext } from '@lit/context';
import type { Client, ClientMode, ClientOptions } from '@diachiso/sdk';
import type { Lang } from './localize.js';

/**
 * What a `<dcs-platform>` provides to the elements inside it: the one client they all use.
 * A promise, because the client is made asynchronously (the offline engine loads its data).
 */
export type ClientPromise = Promise<Client>;

/** The context key `<dcs-platform>` provides and every element consumes (`@lit/context`). */
export const clientContext = createContext<ClientPromise | undefined>(Symbol.for('diachiso.client'));

/** The options elements may set on their own when no `<dcs-platform>` is around them. */
export interface ClientSettings {
  readonly mode?: ClientMode | undefined;
  readonly baseUrl?: string | undefined;
  readonly apiKey?: string | undefined;
  readonly worker?: boolean | undefined;
  readonly datasetUrl?: string | undefined;
  readonly locale: Lang;
}

// One client per distinct configuration on the page: three elements with the same (or no)
// settings share one cache, one outbox and one `online` listener. Keyed on the settings; the
// key never leaves this module (it holds the API key).
const shared = new Map<string, ClientPromise>();
let made = 0;

/**
 * Returns the page's client for these settings, making it on first use.
 *
 * @param s - The settings.
 * @returns The shared client.
 * @internal
 */
export function sharedClient(s: ClientSettings): ClientPromise {
  const key = JSON.stringify([s.mode ?? '', s.baseUrl ?? '', s.apiKey ?? '', !!s.worker, s.datasetUrl ?? '', s.locale]);
  let p = shared.get(key);
  if (!p) {
    made++;
    p = makeClient(s);
    // A failed start is not remembered: the next element (or keystroke) tries again.
    p.catch(() => shared.get(key) === p && shared.delete(key));
    shared.set(key, p);
  }
  return p;
}

/**
 * Makes a client from settings (not shared; `<dcs-platform>` keeps its own).
 *
 * @param s - The settings.
 * @returns The client.
 * @internal
 */
export async function makeClient(s: ClientSettings): ClientPromise {
  const { createClient } = await import('@diachiso/sdk');
  const opts: ClientOptions = {
    ...(s.mode ? { mode: s.mode } : {}),
    ...(s.baseUrl ? { baseUrl: s.baseUrl } : {}),
    ...(s.apiKey ? { apiKey: s.apiKey } : {}),
    ...(s.worker ? { worker: true } : {}),
    ...(s.datasetUrl ? { dataset: { baseUrl: s.datasetUrl } } : {}),
    locale: s.locale,
  };
  return createClient(opts);
}

/**
 * Returns how many shared clients this page has made (tests).
 *
 * @returns The count.
 * @internal
 */
export function sharedClientsMade(): number {
  return made;
}
