#!/usr/bin/env node
// `npm run size`: min+gzip bytes (gzip -9) per usage pattern, bundled from source with esbuild
// the way an integrator's bundler would (tree-shaken, minified), plus the shipped bundles.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync, existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const alias = Object.fromEntries(
  ['core', 'data', 'search', 'sdk', 'mock', 'elements'].map((p) => [`@diachiso/${p}`, `${root}packages/${p}/src/index.ts`]),
);
const cases = [
  ['@diachiso/core (all of it, no data)', `export * from '@diachiso/core';`],
  ['core: normalise + parse + convert only', `export { fold, parseAddress, LegacyConverter, Gazetteer } from '@diachiso/core';`],
  ['@diachiso/search (index + reverse + engine)', `export * from '@diachiso/search';`],
  ['@diachiso/sdk (client; offline engine lazy)', `export * from '@diachiso/sdk';`],
  [
    '<dcs-address-autocomplete> with Lit and the online SDK (offline engine lazy)',
    `export * from '${root}packages/elements/src/dcs-address-autocomplete.ts';`,
    [],
  ],
  [
    '<dcs-address-autocomplete> without Lit',
    `export * from '${root}packages/elements/src/dcs-address-autocomplete.ts';`,
    ['lit', 'lit/*', '@lit/*'],
  ],
  [
    '<dcs-address-autocomplete> without Lit and SDK',
    `export * from '${root}packages/elements/src/dcs-address-autocomplete.ts';`,
    ['lit', 'lit/*', '@lit/*', '@diachiso/sdk', '@diachiso/core'],
  ],
  ['everything (all elements, SDK; offline engine lazy)', `export * from '${root}packages/elements/src/define.ts';`, []],
];
const gz = (b) => gzipSync(b, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const rows = [];
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
const tmp = mkdtempSync(`${tmpdir()}/dcs-size-`);
for (const [name, code, external = []] of cases) {
  const entry = `${tmp}/entry-${rows.length}.ts`;
  writeFileSync(entry, code);
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    splitting: true,
    outdir: `${tmp}/out`,
    alias: Object.fromEntries(Object.entries(alias).filter(([k]) => !external.includes(k))),
    external: ['node:*', 'worker_threads', ...external],
    platform: 'browser',
    logLevel: 'silent',
    metafile: true,
  });
  // The entry chunk is what the page loads; lazy chunks (the offline engine) only when used.
  const files = r.outputFiles.filter((f) => f.path.endsWith('.js'));
  const main = files.find((f) => f.path.includes('entry-'));
  const lazy = files.filter((f) => f !== main).reduce((n, f) => n + gz(f.contents), 0);
  rows.push([name + (lazy ? ` (+${kb(lazy)} lazy)` : ''), main.contents.length, gz(main.contents)]);
}
for (const f of ['packages/elements/dist/browser/diachiso.js', 'packages/mock/dist/browser/mock.js']) {
  if (!existsSync(root + f)) continue;
  const b = readFileSync(root + f);
  rows.push([`${f} (shipped bundle)`, b.length, gz(b)]);
}
if (existsSync(root + 'packages/data/assets/manifest.json')) {
  const m = JSON.parse(readFileSync(root + 'packages/data/assets/manifest.json', 'utf8'));
  for (const [part, e] of Object.entries(m.parts)) {
    const b = readFileSync(root + 'packages/data/assets/' + e.file);
    rows.push([`dataset part "${part}"`, b.length, gz(b)]);
  }
}
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`${'what'.padEnd(w)}  ${'min'.padStart(9)}  ${'min+gzip'.padStart(9)}`);
for (const [n, raw, z] of rows) console.log(`${n.padEnd(w)}  ${kb(raw).padStart(9)}  ${kb(z).padStart(9)}`);
