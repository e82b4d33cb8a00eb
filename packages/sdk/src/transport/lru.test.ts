import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lru } from './lru.js';

test('evicts the least recently used entry', () => {
  const c = new Lru<number>(2, 1000);
  c.set('a', 1);
  c.set('b', 2);
  assert.equal(c.get('a'), 1); // a is now the most recent
  c.set('c', 3);
  assert.equal(c.get('b'), undefined);
  assert.equal(c.get('a'), 1);
  assert.equal(c.get('c'), 3);
  assert.equal(c.length, 2);
});

test('entries expire after their time to live; size 0 stores nothing', () => {
  let t = 0;
  const c = new Lru<string>(10, 100, () => t);
  c.set('k', 'v');
  t = 99;
  assert.equal(c.get('k'), 'v');
  t = 200;
  assert.equal(c.get('k'), undefined);
  assert.equal(c.length, 0);
  const off = new Lru<string>(0, 100);
  off.set('k', 'v');
  assert.equal(off.get('k'), undefined);
});
