// The typing policy without any element: debounce, minimum length, abort, stale answers dropped.
import { expect, waitUntil } from '@open-wc/testing';
import { SuggestSession, type SuggestState } from './suggest-session.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A source that answers `q` after `delays[q]` ms (default 0), recording queries and aborts. */
function source(delays: Record<string, number> = {}) {
  const queries: string[] = [];
  const aborted: string[] = [];
  const fn = (q: string, signal: AbortSignal) =>
    new Promise<string[]>((resolve, reject) => {
      queries.push(q);
      signal.addEventListener('abort', () => {
        aborted.push(q);
        reject(new DOMException('aborted', 'AbortError'));
      });
      setTimeout(() => resolve([`answer to ${q}`]), delays[q] ?? 0);
    });
  return { fn, queries, aborted };
}

describe('SuggestSession', () => {
  it('waits for a pause in typing, then asks once', async () => {
    const s = source();
    const session = new SuggestSession(s.fn, { debounceMs: 50 });
    for (const q of ['nh', 'nha', 'nha t', 'nha tr']) {
      session.input(q);
      await sleep(10);
    }
    expect(s.queries).to.deep.equal([]);
    await waitUntil(() => session.state.status === 'results');
    expect(s.queries).to.deep.equal(['nha tr']);
    expect(session.state.items).to.deep.equal(['answer to nha tr']);
  });

  it('does not ask below the minimum length and goes back to idle', async () => {
    const s = source();
    const session = new SuggestSession(s.fn, { debounceMs: 0, minLength: 3 });
    session.input(' ab ');
    await sleep(20);
    expect(s.queries).to.deep.equal([]);
    expect(session.state.status).to.equal('idle');
    session.input('abc');
    await waitUntil(() => session.state.status === 'results');
    session.input('a');
    expect(session.state).to.deep.include({ status: 'idle', items: [] });
  });

  it('aborts the request a newer query made obsolete and never shows its answer', async () => {
    const s = source({ nha: 200 });
    const session = new SuggestSession(s.fn, { debounceMs: 0 });
    const seen: SuggestState<string>[] = [];
    session.subscribe((st) => seen.push(st));
    session.input('nha');
    await sleep(10);
    session.input('nha trang');
    await waitUntil(() => session.state.status === 'results');
    await sleep(250);
    expect(s.aborted).to.deep.equal(['nha']);
    expect(seen.filter((x) => x.status === 'results').map((x) => x.items)).to.deep.equal([['answer to nha trang']]);
    expect(seen.some((x) => x.status === 'error')).to.equal(false);
  });

  it('drops a late answer even from a source that ignores the signal', async () => {
    const slowFirst = (q: string) => new Promise<string[]>((r) => setTimeout(() => r([q]), q === 'old' ? 150 : 5));
    const session = new SuggestSession(slowFirst, { debounceMs: 0 });
    session.input('old');
    session.input('new');
    await sleep(200);
    expect(session.state.items).to.deep.equal(['new']);
  });

  it('reports a failure as an error state, and an empty answer as empty', async () => {
    const session = new SuggestSession(
      async (q: string) => {
        if (q === 'boom') throw new Error('down');
        return [];
      },
      { debounceMs: 0 },
    );
    session.input('boom');
    await waitUntil(() => session.state.status === 'error');
    expect((session.state.error as Error).message).to.equal('down');
    session.input('nothing');
    await waitUntil(() => session.state.status === 'empty');
  });

  it('cancel() stops the pending wait; subscribe() returns an unsubscribe', async () => {
    const s = source();
    const session = new SuggestSession(s.fn, { debounceMs: 30 });
    let calls = 0;
    const off = session.subscribe(() => calls++);
    session.input('abc');
    session.cancel();
    await sleep(60);
    expect(s.queries).to.deep.equal([]);
    off();
    session.reset();
    expect(calls).to.equal(0);
  });
});
