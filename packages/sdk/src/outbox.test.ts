import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Registration } from '@diachiso/core';
import { definitive, nextSeq, Outbox, type DroppedSubmission, type OutboxEntry } from './outbox.js';
import { LocalStore } from './storage.js';
import { DiachisoError } from './errors.js';

const fresh = () => new LocalStore(`outbox-test-${Math.random().toString(36).slice(2)}`, 100, null);
const reg = (id: string) => ({ id }) as unknown as Registration;

test('which refusals are definitive', () => {
  const e = (status: number, problem?: object) => Object.assign(new DiachisoError('invalid-input', { status }), problem ? { problem } : {});
  for (const s of [400, 404, 410, 413, 422]) assert.equal(definitive(e(s)), true, String(s));
  for (const s of [401, 403, 408, 425, 429, 500, 503]) assert.equal(definitive(e(s)), false, String(s));
  assert.equal(definitive(e(409, { title: 'conflict' })), false);
  assert.equal(definitive(e(409, { title: 'idempotency' })), true);
  assert.equal(definitive(new DiachisoError('network')), false);
  assert.equal(definitive(new TypeError('x')), false);
});

test('sequence numbers grow, within a millisecond too, and sort as strings', () => {
  const a = nextSeq(1000);
  const b = nextSeq(1000);
  const c = nextSeq(999);
  assert.ok(a < b && b < c);
});

test('a refused step is dropped and reported; a conflict holds the outbox in order, then is dropped after five', async () => {
  const sent: string[] = [];
  const dropped: DroppedSubmission[] = [];
  const refuse = new Set(['k1']);
  const hold = new Set(['k3']);
  const ob = new Outbox(
    fresh(),
    'https://a.test',
    async (e: OutboxEntry) => {
      if (refuse.has(e.idempotencyKey)) throw new DiachisoError('invalid-input', { status: 422 });
      if (hold.has(e.idempotencyKey))
        throw Object.assign(new DiachisoError('invalid-input', { status: 409 }), { problem: { title: 'conflict' } });
      sent.push(e.idempotencyKey);
      return reg(e.idempotencyKey);
    },
    (d) => dropped.push(d),
  );
  await ob.add({ step: 'declare', idempotencyKey: 'k1', args: {} });
  await ob.add({ step: 'create', id: 'r2', idempotencyKey: 'k2', args: {} });
  await ob.add({ step: 'create', id: 'r3', idempotencyKey: 'k3', args: {} });
  await ob.add({ step: 'verify', id: 'r3', idempotencyKey: 'k4', args: {} });
  await ob.add({ step: 'verify', id: 'r2', idempotencyKey: 'k5', args: {} });
  const out = await ob.flush();
  assert.deepEqual(sent, ['k2']);
  assert.deepEqual(
    out.map((r) => r.id),
    ['k2'],
  );
  assert.deepEqual(
    dropped.map((d) => d.idempotencyKey),
    ['k1'],
  );
  assert.deepEqual(
    (await ob.entries()).map((e) => e.idempotencyKey),
    ['k3', 'k4', 'k5'],
  );
  hold.clear();
  await ob.flush();
  assert.deepEqual(sent, ['k2', 'k3', 'k4', 'k5']);
  // a conflict that never resolves is dropped after five flushes, and the rest go
  hold.add('k6');
  await ob.add({ step: 'create', id: 'r6', idempotencyKey: 'k6', args: {} });
  await ob.add({ step: 'create', id: 'r7', idempotencyKey: 'k7', args: {} });
  for (let i = 0; i < 4; i++) await ob.flush();
  assert.equal((await ob.entries()).length, 2);
  await ob.flush();
  assert.deepEqual(
    dropped.map((d) => d.idempotencyKey),
    ['k1', 'k6'],
  );
  assert.deepEqual(sent.slice(-1), ['k7']);
});

test('an unreachable platform stops the flush: nothing after it is sent out of order', async () => {
  let up = false;
  const sent: string[] = [];
  const ob = new Outbox(
    fresh(),
    'https://b.test',
    async (e) => {
      if (!up && e.idempotencyKey === 'k2') throw new DiachisoError('network');
      sent.push(e.idempotencyKey);
      return reg(e.idempotencyKey);
    },
    () => undefined,
  );
  for (const k of ['k1', 'k2', 'k3']) await ob.add({ step: 'declare', idempotencyKey: k, args: {} });
  await ob.flush();
  assert.deepEqual(sent, ['k1']);
  up = true;
  await ob.flush();
  assert.deepEqual(sent, ['k1', 'k2', 'k3']);
});
