// Worker mode where there is no Web Worker (Node): every offline call is a typed `unavailable`,
// at once; nothing runs on this thread instead. The error codes and messages crossing from a
// worker come back as the same `DiachisoError`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, DiachisoError } from './index.js';
import { fromWire, toWire } from './worker-platform-messages.js';

test('worker: true without Worker: offline calls fail with unavailable at once, the engine is not loaded here', async () => {
  const c = await createClient({ mode: 'offline', worker: true, locale: 'en' });
  const started = Date.now();
  for (const call of [() => c.verify('12 Trần Phú'), () => c.units.provinces(), () => c.suggest('vinh hai'), () => c.engineThread()]) {
    const e = await call().catch((x: unknown) => x);
    assert.ok(e instanceof DiachisoError);
    assert.equal(e.code, 'unavailable');
    assert.match(e.message, /engine worker did not start: Web Workers are not available here/);
  }
  assert.ok(Date.now() - started < 1000);
  c.dispose();
});

test('an error crosses the thread boundary as the same DiachisoError; anything else becomes unavailable', () => {
  const e = Object.assign(new DiachisoError('invalid-input', { locale: 'vi', status: 422, detail: 'thiếu tên' }), {
    problem: { title: 'invalid', issues: [{ field: 'name' }] },
  });
  const back = fromWire(structuredClone(toWire(e, 'vi')), 'en');
  assert.ok(back instanceof DiachisoError);
  assert.equal(back.code, 'invalid-input');
  assert.equal(back.status, 422);
  assert.equal(back.messageVi, e.messageVi);
  assert.equal(back.message, e.messageEn);
  assert.deepEqual((back as unknown as { problem: unknown }).problem, { title: 'invalid', issues: [{ field: 'name' }] });
  const bug = fromWire(toWire(new TypeError('x is undefined'), 'en'), 'en');
  assert.equal(bug.code, 'unavailable');
  assert.match(bug.message, /engine worker: x is undefined/);
});
