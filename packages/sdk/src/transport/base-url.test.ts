import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBaseUrl } from './base-url.js';
import { DiachisoError } from '../errors.js';

test('https and loopback http are accepted, without a trailing slash', () => {
  assert.equal(checkBaseUrl('https://api.example.gov.vn/'), 'https://api.example.gov.vn');
  assert.equal(checkBaseUrl('https://api.example.gov.vn/platform//'), 'https://api.example.gov.vn/platform');
  assert.equal(checkBaseUrl('http://127.0.0.1:8787'), 'http://127.0.0.1:8787');
  assert.equal(checkBaseUrl('http://localhost:9000/x'), 'http://localhost:9000/x');
  assert.equal(checkBaseUrl('http://[::1]:9000'), 'http://[::1]:9000');
});

test('other schemes, public http, credentials, query strings and fragments are typed errors', () => {
  for (const bad of [
    'javascript:alert(1)',
    'data:text/plain,x',
    'file:///etc/passwd',
    'http://api.example.gov.vn',
    'http://127.0.0.1.evil.test',
    'https://user:pw@api.example.gov.vn',
    'https://api.example.gov.vn/?x=',
    'https://api.example.gov.vn/?',
    'https://api.example.gov.vn/#frag',
    'ftp://example.com',
    '/relative',
    '',
    null,
    42,
    Symbol('x'),
  ])
    assert.throws(
      () => checkBaseUrl(bad),
      (e: unknown) => e instanceof DiachisoError && e.code === 'invalid-input',
      String(typeof bad === 'symbol' ? 'symbol' : bad),
    );
});

test('in a page, a path is resolved against the page and kept on its origin', () => {
  const g = globalThis as { location?: unknown };
  g.location = { href: 'http://shop.example.vn/checkout/' };
  try {
    assert.equal(checkBaseUrl('/api'), 'http://shop.example.vn/api');
    assert.equal(checkBaseUrl('api/'), 'http://shop.example.vn/checkout/api');
    for (const bad of ['//evil.example/api', 'http://evil.example/api', '/api?x', '/api#x'])
      assert.throws(
        () => checkBaseUrl(bad),
        (e: unknown) => e instanceof DiachisoError && e.code === 'invalid-input',
        bad,
      );
  } finally {
    delete g.location;
  }
});
