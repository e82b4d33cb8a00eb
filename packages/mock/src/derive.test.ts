// The mock's handlers come from the routes table: a route the table gains without an operation
// (or without its served half) stops the mock at once, naming the route, instead of a 404 later.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localHandlers, routes, served } from '@diachiso/sdk/internal';
import { deriveHandlers, type Derivation } from './derive.js';

const open = async () => undefined;
const table = (extra: Partial<Derivation> = {}): Derivation => ({
  base: 'https://derive.test',
  routes,
  served,
  operations: localHandlers as unknown as Derivation['operations'],
  gate: open,
  ...extra,
});

test('one handler per route of the table', () => {
  assert.equal(deriveHandlers(table()).length, Object.keys(routes).length);
});

test('a route added to the table without an operation fails loudly, naming it', () => {
  const added = { ...routes, frobnicate: { method: 'GET' as const, path: '/v1/frobnicate', parse: () => ({}) } };
  assert.throws(
    () => deriveHandlers(table({ routes: added, served: { ...served, frobnicate: { args: () => ({}) } } })),
    /no frobnicate \(GET \/v1\/frobnicate\) on the mock platform/,
  );
});

test('a route without its served half fails loudly too', () => {
  const added = { ...routes, frobnicate: { method: 'POST' as const, path: '/v1/frobnicate', parse: () => ({}) } };
  const operations = { ...(localHandlers as unknown as Derivation['operations']), frobnicate: async () => ({}) };
  assert.throws(() => deriveHandlers(table({ routes: added, operations })), /frobnicate \(POST \/v1\/frobnicate\)/);
});
