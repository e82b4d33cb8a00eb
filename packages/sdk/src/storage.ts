import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';

/**
 * A small key-value store: IndexedDB (idb-keyval) where it works, memory otherwise (Node,
 * private mode, quota, blocked), so that nothing the user typed is lost by a failing write.
 *
 * @internal
 */
export class LocalStore {
  readonly #mem = new Map<string, unknown>();
  #idb: UseStore | undefined;
  #broken = false;

  /**
   * @param name - Store name (IndexedDB object store `name` in database `diachiso-<name>`).
   */
  constructor(readonly name: string) {}

  #db(): UseStore | undefined {
    if (this.#broken || typeof indexedDB === 'undefined') return undefined;
    try {
      this.#idb ??= createStore(`diachiso-${this.name}`, this.name);
      return this.#idb;
    } catch {
      this.#broken = true;
      return undefined;
    }
  }

  /** Whether values survive a reload (IndexedDB works here). */
  get persistent(): boolean {
    return !!this.#db();
  }

  async get<T>(key: string): Promise<T | undefined> {
    const db = this.#db();
    if (db) {
      try {
        const v = await get<T>(key, db);
        if (v !== undefined) return v;
      } catch {
        this.#broken = true;
      }
    }
    return this.#mem.get(key) as T | undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    this.#mem.set(key, value); // memory first: a failing IndexedDB write loses nothing
    const db = this.#db();
    if (!db) return;
    try {
      await set(key, value, db);
    } catch {
      this.#broken = true;
    }
  }

  async delete(key: string): Promise<void> {
    this.#mem.delete(key);
    const db = this.#db();
    if (!db) return;
    try {
      await del(key, db);
    } catch {
      this.#broken = true;
    }
  }

  async all<T>(): Promise<Array<[string, T]>> {
    const out = new Map<string, T>(this.#mem as Map<string, T>);
    const db = this.#db();
    if (db) {
      try {
        for (const [k, v] of await entries<string, T>(db)) out.set(k, v);
      } catch {
        this.#broken = true;
      }
    }
    return [...out];
  }
}
