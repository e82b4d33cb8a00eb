#!/usr/bin/env node
// Runs the Node unit tests (node:test, TypeScript through tsx): every `*.test.ts` under
// packages/*/src and packages/*/test, except the browser ones (`*.browser.test.ts` and the
// elements package, which @web/test-runner runs in Chromium), and scripts/*.test.ts.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.ts') && !name.endsWith('.browser.test.ts')) files.push(p);
  }
}
for (const pkg of readdirSync(join(root, 'packages'))) {
  if (pkg === 'elements') continue;
  for (const sub of ['src', 'test']) {
    try {
      walk(join(root, 'packages', pkg, sub));
    } catch {
      /* no such folder */
    }
  }
}
for (const name of readdirSync(join(root, 'scripts'))) if (name.endsWith('.test.ts')) files.push(join(root, 'scripts', name));
const chosen = files.filter((f) => filter.length === 0 || filter.some((x) => f.includes(x))).sort();
if (chosen.length === 0) {
  console.error('no Node test files found');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...chosen.map((f) => relative(root, f))], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
