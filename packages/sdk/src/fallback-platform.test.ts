import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FallbackPlatform } from './fallback-platform.js';
import type { HttpPlatform } from './http-platform.js';
import type { LocalPlatform } from './local-platform.js';
import { DiachisoError } from './errors.js';
import type { Op } from './platform.js';

/** A platform whose answers the test decides; it records what it was asked. */
function fake(source: 'online' | 'offline', answer: (op: Op) => Promise<unknown>) {
  const calls: Array<{ op: Op; budgetMs?: number; retries?: number }> = [];
  const p = {
    calls,
    run: async (op: Op, _a: unknown, ctx: { budgetMs?: number; retries?: number } = {}) => {
      calls.push({ op, ...ctx });
      return { value: await answer(op), source };
    },
    searcher: async () => ({ engine: {}, thread: 'main' }),
    dispose: () => undefined,
  };
  return p;
}

test('the typing path gets the short budget and no retries; a failure answers locally and starts the cool-down', async () => {
  let fail = true;
  const http = fake('online', async (op) => {
    if (fail && op !== 'health') throw new DiachisoError('timeout');
    return op === 'health' ? { status: 'ok' } : ['online'];
  });
  const local = fake('offline', async () => ['offline']);
  const f = new FallbackPlatform(http as unknown as HttpPlatform, local as unknown as LocalPlatform, {
    suggestBudgetMs: 800,
    coolDownMs: 60_000,
  });
  const r = await f.run('suggest', { q: 'x', limit: 5 });
  assert.deepEqual(r, { value: ['offline'], source: 'offline' });
  assert.deepEqual(http.calls[0], { op: 'suggest', budgetMs: 800, retries: 0 });
  assert.equal(f.coolingDown, true);
  await f.run('search', { q: 'x', limit: 5 });
  assert.equal(http.calls.filter((c) => c.op === 'search').length, 0, 'no platform call during the cool-down');
  fail = false;
  await new Promise((r) => setTimeout(r, 1200)); // the background probe
  assert.equal(http.calls.filter((c) => c.op === 'health').length, 1);
  assert.equal(f.coolingDown, false);
  assert.deepEqual(await f.run('suggest', { q: 'x', limit: 5 }), { value: ['online'], source: 'online' });
  f.dispose();
});

test('a wrong key, bad input or a cancelled call is not hidden by the fallback; registrations never answer locally', async () => {
  for (const code of ['unauthorized', 'invalid-input', 'aborted'] as const) {
    const f = new FallbackPlatform(
      fake('online', async () => {
        throw new DiachisoError(code);
      }) as unknown as HttpPlatform,
      fake('offline', async () => 'local') as unknown as LocalPlatform,
      { suggestBudgetMs: 800, coolDownMs: 1000 },
    );
    await assert.rejects(f.run('verify', { input: 'x' }), (e: unknown) => e instanceof DiachisoError && e.code === code);
  }
  const local = fake('offline', async () => 'local');
  const f = new FallbackPlatform(
    fake('online', async () => {
      throw new DiachisoError('network');
    }) as unknown as HttpPlatform,
    local as unknown as LocalPlatform,
    { suggestBudgetMs: 800, coolDownMs: 1000 },
  );
  await assert.rejects(
    f.run('declare', { declaration: {} as never, key: 'k' }),
    (e: unknown) => e instanceof DiachisoError && e.code === 'network',
  );
  assert.equal(local.calls.length, 0);
  f.dispose();
});
