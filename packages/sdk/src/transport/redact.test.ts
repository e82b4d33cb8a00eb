import { test } from 'node:test';
import assert from 'node:assert/strict';
import { problemDetail, redactKey, sanitizeProblem } from './redact.js';

const KEY = 'sk live/ABC+def=ghi&jk';

test('the key is removed as is, percent-encoded in either case, form-encoded and base64', () => {
  const enc = encodeURIComponent(KEY);
  const lowerHex = enc.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
  for (const echo of [KEY, enc, lowerHex, enc.replace(/%20/g, '+'), btoa(KEY), `x=${enc}&y=1`, `a ${KEY} b ${KEY}`]) {
    const r = redactKey(`key was ${echo} ok`, KEY);
    assert.ok(!r.includes(KEY) && !r.includes(enc) && !r.includes(lowerHex), r);
    assert.match(r, /\[redacted\]/);
  }
});

test('nested and array echoes in problem details are removed; unknown fields dropped', () => {
  const p = sanitizeProblem(
    {
      title: `bad ${KEY}`,
      detail: `key=${encodeURIComponent(KEY)}`,
      debug: { key: KEY },
      issues: [{ field: 'name', message: { vi: `khóa ${KEY}`, deep: [KEY] } }, null, 'x'],
    },
    KEY,
  );
  const s = JSON.stringify(p);
  assert.ok(!s.includes(KEY) && !s.includes(encodeURIComponent(KEY)), s);
  assert.equal((p as Record<string, unknown>).debug, undefined);
  assert.equal((p!.issues as unknown[]).length, 1);
  assert.ok(!problemDetail({ detail: `x ${encodeURIComponent(KEY)}` }, KEY).includes(encodeURIComponent(KEY)));
});

test('hostile problem documents give a small plain object', () => {
  let deep: unknown = 'x';
  for (let i = 0; i < 10_000; i++) deep = { a: deep };
  const p = sanitizeProblem({ title: 't', issues: [{ field: 'f', deep }] }, KEY);
  assert.ok(JSON.stringify(p).length < 1000);
  assert.equal(sanitizeProblem(JSON.parse('{"__proto__":{"polluted":1},"title":"t"}'), KEY)!.title, 't');
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(sanitizeProblem([1], KEY), undefined);
  assert.equal(problemDetail(null, KEY), '');
});
