// One small key-value store over IndexedDB with a memory fallback, for drafts and the outbox.
//
// Every IndexedDB step has a deadline (an `open` blocked by another tab, or never answered after
// the site's data was cleared, must not hang a draft); the connection closes on `versionchange`
// so that this tab never blocks another's upgrade or delete; a failed write (quota, a value that
// cannot be cloned) affects that write only: it is kept in memory and the caller is told
// `persistent: false`. Nothing is reported stored that is not.

/** Values written but not (yet) in IndexedDB, per store name: shared by every store of the page. */
const MEMORY = new Map<string, Map<string, unknown>>();

/** The result of a write: whether the value will survive a reload. */
export interface WriteResult {
  /** `true`: in IndexedDB; `false`: in memory only (IndexedDB missing, failing, or refusing this value). */
  readonly persistent: boolean;
}

const DB_VERSION = 1;

/**
 * A `LocalStore` keeps values under string keys in IndexedDB (database `diachiso-<name>`,
 * object store `<name>`), in memory where IndexedDB is missing or fails.
 *
 * @internal
 */
export class LocalStore {
  readonly #mem: Map<string, unknown>;
  #db: Promise<IDBDatabase | undefined> | undefined;
  #failedAt = -Infinity;
  /** Why values are in memory, when they are (`undefined` while IndexedDB works). */
  note: string | undefined;

  /**
   * @param name - The store's name.
   * @param timeoutMs - Deadline of each IndexedDB step, in milliseconds (default 3000).
   * @param idb - The IndexedDB factory (default the global one; `null` for memory only).
   */
  constructor(
    readonly name: string,
    readonly timeoutMs = 3000,
    private readonly idb: IDBFactory | null | undefined = typeof indexedDB === 'undefined' ? null : indexedDB,
  ) {
    let m = MEMORY.get(name);
    if (!m) MEMORY.set(name, (m = new Map()));
    this.#mem = m;
    if (!idb) this.note = 'IndexedDB is not available here: kept in memory until the page is closed';
  }

  #deadline<T>(p: Promise<T>, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`IndexedDB ${what} did not finish in ${this.timeoutMs} ms`)), this.timeoutMs);
      p.then(
        (v) => (clearTimeout(t), resolve(v)),
        (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))),
      );
    });
  }

  /** The open connection, or `undefined` (memory). A failed open is retried after 10 s. */
  #open(): Promise<IDBDatabase | undefined> {
    if (!this.idb) return Promise.resolve(undefined);
    if (this.#db) return this.#db;
    if (Date.now() - this.#failedAt < 10_000) return Promise.resolve(undefined);
    const idb = this.idb;
    const opening = new Promise<IDBDatabase>((resolve, reject) => {
      const req = idb.open(`diachiso-${this.name}`, DB_VERSION);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(this.name)) req.result.createObjectStore(this.name);
      };
      req.onsuccess = () => {
        const db = req.result;
        // Another tab upgrading or deleting the database: let it, reopen on the next use.
        db.onversionchange = () => {
          db.close();
          this.#db = undefined;
        };
        db.onclose = () => (this.#db = undefined);
        resolve(db);
      };
      req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    });
    // A connection that opens after the deadline is closed, not leaked.
    let late = false;
    opening.then(
      (db) => late && db.close(),
      () => undefined,
    );
    this.#db = this.#deadline(opening, 'open').then(
      (db) => {
        this.note = undefined;
        return db;
      },
      (e: unknown) => {
        late = true;
        this.#db = undefined;
        this.#failedAt = Date.now();
        this.note = `IndexedDB unavailable (${e instanceof Error ? e.message : 'error'}): kept in memory until the page is closed`;
        return undefined;
      },
    );
    return this.#db;
  }

  /** Runs one request in its own transaction, under the deadline. */
  async #run<T>(mode: IDBTransactionMode, make: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.#open();
    if (!db) throw new Error(this.note ?? 'no IndexedDB');
    return this.#deadline(
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(this.name, mode);
        const req = make(tx.objectStore(this.name)); // throws DataCloneError for an uncloneable value
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = tx.onabort = () => reject(tx.error ?? req.error ?? new Error('IndexedDB transaction failed'));
      }),
      mode === 'readonly' ? 'read' : 'write',
    );
  }

  /** Whether the value under `key` is in IndexedDB (not only in memory). */
  saved(key: string): boolean {
    return this.persistent && !this.#mem.has(key);
  }

  /** Whether IndexedDB is in use (the last open worked). */
  get persistent(): boolean {
    return !!this.idb && this.note === undefined;
  }

  /**
   * Returns the value under `key`: the unsaved one in memory if any, else IndexedDB's.
   */
  async get<T>(key: string): Promise<T | undefined> {
    if (this.#mem.has(key)) return this.#mem.get(key) as T;
    try {
      return (await this.#run('readonly', (s) => s.get(key))) as T | undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Stores `value` under `key`. The value is kept in memory until IndexedDB has it.
   *
   * @returns Whether it is in IndexedDB.
   */
  async set(key: string, value: unknown): Promise<WriteResult> {
    this.#mem.set(key, value);
    try {
      await this.#run('readwrite', (s) => s.put(value, key));
      if (this.#mem.get(key) === value) this.#mem.delete(key);
      return { persistent: true };
    } catch {
      return { persistent: false };
    }
  }

  /** Deletes `key` (in memory and in IndexedDB). */
  async delete(key: string): Promise<void> {
    this.#mem.delete(key);
    try {
      await this.#run('readwrite', (s) => s.delete(key));
    } catch {
      /* nothing stored there, or unreachable: nothing to lose */
    }
  }

  /** Returns every entry, IndexedDB's overlaid by the unsaved ones, in key order. */
  async all<T>(): Promise<Array<[string, T]>> {
    const out = new Map<string, T>();
    try {
      // Keys and values from one transaction, so they pair up.
      let keys: IDBValidKey[] = [];
      const values = await this.#run('readonly', (s) => {
        const k = s.getAllKeys();
        k.onsuccess = () => (keys = k.result);
        return s.getAll();
      });
      keys.forEach((k, i) => typeof k === 'string' && out.set(k, values[i] as T));
    } catch {
      /* memory only */
    }
    for (const [k, v] of this.#mem) out.set(k, v as T);
    return [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Closes the connection (reopened on the next use). */
  close(): void {
    void this.#db?.then((db) => db?.close());
    this.#db = undefined;
  }
}
