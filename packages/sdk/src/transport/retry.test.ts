import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryAfterMs, transient, withRetry } from './retry.js';
import { DiachisoError } from '../errors.js';

const policy = { retries: 3, baseDelayMs: 10, maxDelayMs: 5000 };

test('Retry-After in seconds or as a date', () => {
  assert.equal(retryAfterMs('2'), 2000);
  assert.equal(retryAfterMs(new Date(10_000).toUTCString(), 4000), 6000);
  assert.equal(retryAfterMs('soon'), undefined);
  assert.equal(retryAfterMs(null), undefined);
  assert.equal(retryAfterMs('99999999999'), 86_400_000);
});

test('transient failures are retried; definitive ones are not', async () => {
  let n = 0;
  const v = await withRetry(
    async () => {
      if (++n < 3) throw new DiachisoError('server', { status: 503 });
      return 'ok';
    },
    policy,
    Date.now() + 5000,
    undefined,
    'en',
  );
  assert.equal(v, 'ok');
  assert.equal(n, 3);
  for (const e of [new DiachisoError('invalid-input', { status: 422 }), new DiachisoError('server', { status: 307 }), new TypeError('x')]) {
    let tries = 0;
    await assert.rejects(
      withRetry(
        async () => {
          tries++;
          throw e;
        },
        policy,
        Date.now() + 5000,
        undefined,
        'en',
      ),
    );
    assert.equal(tries, 1);
  }
  assert.equal(transient(new DiachisoError('timeout')), true);
});

test('a Retry-After longer than the time left fails at once instead of waiting', async () => {
  const t0 = Date.now();
  let tries = 0;
  await assert.rejects(
    withRetry(
      async () => {
        tries++;
        throw new DiachisoError('rate-limited', { status: 429, retryAfterMs: 10_000 });
      },
      policy,
      Date.now() + 1000,
      undefined,
      'en',
    ),
    (e: unknown) => e instanceof DiachisoError && e.code === 'rate-limited' && e.retryAfterMs === 10_000,
  );
  assert.equal(tries, 1);
  assert.ok(Date.now() - t0 < 100);
});

test('the backoff is jittered and the wait is cancelled by the signal', async () => {
  const waits: number[] = [];
  const ctrl = new AbortController();
  const t0 = Date.now();
  setTimeout(() => ctrl.abort(), 50);
  await assert.rejects(
    withRetry(
      async () => {
        throw new DiachisoError('network');
      },
      { retries: 5, baseDelayMs: 1000, maxDelayMs: 5000 },
      Date.now() + 60_000,
      ctrl.signal,
      'en',
      () => (waits.push(1), 0.9),
    ),
    (e: unknown) => e instanceof DiachisoError && e.code === 'aborted',
  );
  assert.ok(Date.now() - t0 < 500);
  assert.equal(waits.length, 1);
});
