/**
 * A small LRU map with a time to live: a `Map` keeps insertion order, so the first key is the
 * least recently used. Values are stored as given; callers store only validated, frozen answers.
 *
 * @internal
 */
export class Lru<V> {
  readonly #map = new Map<string, { at: number; value: V }>();

  /**
   * @param size - Most entries (0 disables the cache).
   * @param ttlMs - How long an entry is served, in milliseconds.
   * @param now - The clock (tests).
   */
  constructor(
    readonly size: number,
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns a fresh entry and marks it recently used; drops a stale one. */
  get(key: string): V | undefined {
    const hit = this.#map.get(key);
    if (!hit) return undefined;
    this.#map.delete(key);
    if (this.now() - hit.at >= this.ttlMs) return undefined;
    this.#map.set(key, hit);
    return hit.value;
  }

  /** Stores an entry, evicting the least recently used beyond `size`. */
  set(key: string, value: V): void {
    if (this.size <= 0) return;
    this.#map.delete(key);
    this.#map.set(key, { at: this.now(), value });
    while (this.#map.size > this.size) this.#map.delete(this.#map.keys().next().value!);
  }

  /** Forgets everything. */
  clear(): void {
    this.#map.clear();
  }

  /** How many entries are held. */
  get length(): number {
    return this.#map.size;
  }
}
