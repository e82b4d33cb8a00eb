#!/usr/bin/env node
// `npm run check:packages`: every package as published, checked by publint (package.json
// fields, exports, files) and @arethetypeswrong/cli (types resolve for ESM consumers under
// node16 and bundler resolution; the packages are ESM-only). Needs `npm run build` first.
import { execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => `${root}node_modules/.bin/${name}`;
let failed = 0;
for (const pkg of ['core', 'data', 'search', 'sdk', 'mock', 'elements']) {
  const dir = `${root}packages/${pkg}`;
  for (const [tool, args] of [
    ['publint', [dir, '--strict']],
    ['attw', ['--pack', dir, '--profile', 'esm-only', '--format', 'table-flipped']],
  ]) {
    try {
      execFileSync(bin(tool), args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
      console.log(`ok   ${tool} @diachiso/${pkg}`);
    } catch (e) {
      failed++;
      console.error(`FAIL ${tool} @diachiso/${pkg}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  }
}
if (failed) process.exit(1);
