/** What a {@link SuggestSession} is doing. */
export type SuggestStatus = 'idle' | 'loading' | 'results' | 'empty' | 'error';

/** The state a {@link SuggestSession} reports after each change. */
export interface SuggestState<T> {
  /** What the session is doing. */
  readonly status: SuggestStatus;
  /** The query the items answer (or the one being fetched, while `loading`). */
  readonly query: string;
  /** The current answer; empty unless `results`. */
  readonly items: readonly T[];
  /** The failure, when `error`. */
  readonly error?: unknown;
}

/** Fetches suggestions for a query; must honour the signal (reject or resolve, the answer is then ignored). */
export type SuggestSource<T> = (query: string, signal: AbortSignal) => Promise<readonly T[]>;

/** Options of a {@link SuggestSession}. */
export interface SuggestSessionOptions {
  /** Milliseconds to wait after the last keystroke before fetching (default 120; 0 fetches at once). */
  debounceMs?: number;
  /** Characters (after trimming) needed before fetching (default 2). Shorter queries go back to `idle`. */
  minLength?: number;
}

/**
 * A `SuggestSession` is the typing policy of an address field, without any DOM: it waits for a
 * pause in typing (debounce), ignores queries that are too short, aborts the request a newer
 * keystroke made obsolete, and drops answers that arrive after a newer query — so the list
 * never shows results for text the user has already changed. The autocomplete element drives
 * one; a React or Vue field can drive its own.
 *
 * @example
 * ```ts
 * const client = await createClient({ mode: 'offline' });
 * const session = new SuggestSession((q, signal) => client.suggest(q, { signal, limit: 6 }));
 * session.subscribe((s) => render(s.status, s.items));
 * input.addEventListener('input', () => session.input(input.value));
 * ```
 */
export class SuggestSession<T> {
  /** Milliseconds to wait after the last keystroke before fetching. */
  debounceMs: number;
  /** Characters needed before fetching. */
  minLength: number;

  readonly #source: SuggestSource<T>;
  readonly #listeners = new Set<(s: SuggestState<T>) => void>();
  #state: SuggestState<T> = { status: 'idle', query: '', items: [] };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;
  #latest = 0;

  /**
   * @param source - Fetches the suggestions of a query.
   * @param options - Debounce and minimum length.
   */
  constructor(source: SuggestSource<T>, options: SuggestSessionOptions = {}) {
    this.#source = source;
    this.debounceMs = options.debounceMs ?? 120;
    this.minLength = options.minLength ?? 2;
  }

  /** The current state. */
  get state(): SuggestState<T> {
    return this.#state;
  }

  /**
   * Calls `listener` after every change of state.
   *
   * @param listener - Receives the new state.
   * @returns A function that stops the calls.
   */
  subscribe(listener: (s: SuggestState<T>) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Tells the session what the field holds now (call on every keystroke).
   *
   * @param query - The text in the field.
   */
  input(query: string): void {
    const q = typeof query === 'string' ? query : '';
    clearTimeout(this.#timer);
    if (q.trim().length < Math.max(0, this.minLength)) {
      this.cancel();
      this.#set({ status: 'idle', query: q, items: [] });
      return;
    }
    if (!(this.debounceMs > 0)) void this.#run(q);
    else this.#timer = setTimeout(() => void this.#run(q), this.debounceMs);
  }

  /** Stops the pending wait and the request in flight; an answer still on its way is dropped. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#abort?.abort();
    this.#abort = undefined;
    this.#latest++;
  }

  /** Cancels, and goes back to `idle` with no items. */
  reset(): void {
    this.cancel();
    this.#set({ status: 'idle', query: '', items: [] });
  }

  async #run(query: string): Promise<void> {
    this.#abort?.abort();
    const ctrl = new AbortController();
    this.#abort = ctrl;
    const mine = ++this.#latest;
    this.#set({ status: 'loading', query, items: this.#state.items });
    try {
      const items = await this.#source(query, ctrl.signal);
      if (mine !== this.#latest) return; // a newer query is in flight or shown
      const list = Array.isArray(items) ? [...items] : [];
      this.#set({ status: list.length ? 'results' : 'empty', query, items: list });
    } catch (error) {
      if (mine !== this.#latest || ctrl.signal.aborted) return;
      this.#set({ status: 'error', query, items: [], error });
    }
  }

  #set(s: SuggestState<T>): void {
    this.#state = s;
    for (const l of [...this.#listeners]) l(s);
  }
}
