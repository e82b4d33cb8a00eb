import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
// @ts-expect-error plain ESM script without types
import { productionPackages, findings, blocking } from './audit-lib.mjs';

const advisories = JSON.parse(readFileSync(new URL('./audit-advisories.json', import.meta.url), 'utf8')).advisories;

test('a vulnerable shipped version is found, a dev-only one and a patched one are not', () => {
  const lock = {
    packages: {
      '': { name: 'x' },
      'node_modules/maplibre-gl': { version: '6.4.0' },
      'node_modules/a/node_modules/minimist': { version: '1.2.5', dev: true },
      'node_modules/path-to-regexp': { version: '6.3.0' },
      'packages/core': { version: '0.1.0' },
      'node_modules/@diachiso/core': { link: true, resolved: 'packages/core' },
    },
  };
  const pkgs = productionPackages(lock);
  assert.deepEqual([...pkgs.keys()].sort(), ['maplibre-gl', 'path-to-regexp']);
  const hits = findings(pkgs, advisories);
  assert.deepEqual(
    hits.map((h: { package: string; id: string }) => `${h.package} ${h.id}`),
    ['maplibre-gl GHSA-jrc7-96c5-q579'],
  );
  assert.equal(blocking(hits).length, 1);
});

test('the lockfile we ship has no high or critical finding in the reviewed list', () => {
  const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
  const pkgs = productionPackages(lock);
  assert.ok(pkgs.has('lit') && pkgs.has('maplibre-gl') && pkgs.has('flexsearch'), 'production tree read');
  assert.deepEqual(blocking(findings(pkgs, advisories)), []);
});
