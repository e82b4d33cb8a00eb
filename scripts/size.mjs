#!/usr/bin/env node
// `npm run size`: min+gzip bytes (gzip -9) per usage pattern, bundled from source with esbuild
// the way an integrator's bundler would (tree-shaken, minified), plus the shipped bundles.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync, existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const alias = {
  ...Object.fromEntries(
    ['core', 'data', 'search', 'sdk', 'mock', 'elements'].map((p) => [`@diachiso/${p}`, `${root}packages/${p}/src/index.ts`]),
  ),
  '@diachiso/core/internal': `${root}packages/core/src/internal.ts`,
  '@diachiso/sdk/internal': `${root}packages/sdk/src/internal.ts`,
};
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
  [
    'autocomplete + badge + dialog, with Lit (budget: 20 kB; map excluded)',
    `export * from '${root}packages/elements/src/dcs-address-autocomplete.ts'; export * from '${root}packages/elements/src/dcs-verify-dialog.ts'; export * from '${root}packages/elements/src/dcs-code-badge.ts';`,
    [],
  ],
  ['<dcs-code-badge> with Lit (QR encoder lazy)', `export * from '${root}packages/elements/src/dcs-code-badge.ts';`, []],
  ['<dcs-verify-dialog> with Lit', `export * from '${root}packages/elements/src/dcs-verify-dialog.ts';`, []],
  ['<dcs-mini-map> without maplibre-gl (its own chunk, lazy)', `export * from '${root}packages/elements/src/dcs-mini-map.ts';`, []],
  ['everything (all elements, SDK; offline engine and map lazy)', `export * from '${root}packages/elements/src/define.ts';`, []],
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
    alias: Object.fromEntries(Object.entries(alias).filter(([k]) => !external.some((e) => k === e || k.startsWith(`${e}/`)))),
    external: ['node:*', 'worker_threads', ...external],
    platform: 'browser',
    logLevel: 'silent',
    metafile: true,
  });
  // What the page loads is the entry and the chunks it imports statically (followed
  // recursively); chunks behind a dynamic import() (the offline engine, maplibre-gl, the QR
  // encoder) load only when used and are reported apart. Each file is gzipped on its own.
  const files = new Map(r.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => [f.path, f]));
  const outs = r.metafile.outputs;
  const rel = (p) => Object.keys(outs).find((k) => p.endsWith(k.replace(/^.*?out\//, 'out/')) || `${tmp}/out/${k.split('/out/')[1]}` === p);
  const entryKey = Object.keys(outs).find((k) => k.includes('entry-') && k.endsWith('.js'));
  const staticSet = new Set([entryKey]);
  const queue = [entryKey];
  while (queue.length) {
    const k = queue.pop();
    for (const imp of outs[k].imports)
      if (imp.kind === 'import-statement' && !staticSet.has(imp.path) && outs[imp.path]) {
        staticSet.add(imp.path);
        queue.push(imp.path);
      }
  }
  let raw = 0;
  let zipped = 0;
  let lazy = 0;
  for (const [path, f] of files) {
    const key = Object.keys(outs).find((k) => path.endsWith(k.split('/').slice(-1)[0]) && path.endsWith(k.slice(k.indexOf('out/'))));
    if (key && staticSet.has(key)) {
      raw += f.contents.length;
      zipped += gz(f.contents);
    } else lazy += gz(f.contents);
  }
  void rel;
  rows.push([name + (lazy ? ` (+${kb(lazy)} lazy)` : ''), raw, zipped]);
}
// The shipped bundles as a page loads them: the entry file and every chunk it imports
// statically (followed recursively); chunks behind import() load on use and are reported apart.
for (const f of ['packages/elements/dist/browser/diachiso.js', 'packages/mock/dist/browser/mock.js']) {
  if (!existsSync(root + f)) continue;
  const dir = f.slice(0, f.lastIndexOf('/') + 1);
  const seen = new Set([f.slice(dir.length)]);
  const queue = [...seen];
  const staticImport = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+)["']/g;
  while (queue.length)
    for (const [, dep] of readFileSync(root + dir + queue.pop(), 'utf8').matchAll(staticImport))
      if (!seen.has(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
  const files = [...seen].map((n) => readFileSync(root + dir + n));
  const joined = Buffer.concat(files);
  rows.push([`${f} at start: entry + ${seen.size - 1} static chunk(s) (shipped bundle)`, joined.length, gz(joined)]);
}
// The budget figure, measured like the peer's all-in-one bundle: what the page loads at start
// (the entry and its static imports, from a code-split build), joined into one buffer, gzip -9;
// what loads only on use (offline engine, dataset, maplibre-gl, QR encoder, IndexedDB store) is out.
{
  const entry = `${tmp}/budget.ts`;
  writeFileSync(
    entry,
    `export * from '${root}packages/elements/src/dcs-address-autocomplete.ts'; export * from '${root}packages/elements/src/dcs-verify-dialog.ts'; export * from '${root}packages/elements/src/dcs-code-badge.ts';`,
  );
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    splitting: true,
    outdir: `${tmp}/budget`,
    alias,
    external: ['node:*', 'worker_threads'],
    platform: 'browser',
    logLevel: 'silent',
    metafile: true,
  });
  const outs = r.metafile.outputs;
  const entryKey = Object.keys(outs).find((k) => k.endsWith('budget.js'));
  const seen = new Set([entryKey]);
  const queue = [entryKey];
  while (queue.length)
    for (const imp of outs[queue.pop()].imports)
      if (imp.kind === 'import-statement' && !seen.has(imp.path) && outs[imp.path]) {
        seen.add(imp.path);
        queue.push(imp.path);
      }
  const parts = r.outputFiles.filter((f) => [...seen].some((k) => f.path.endsWith(k.slice(k.indexOf('budget/')))));
  const joined = Buffer.concat(parts.map((f) => Buffer.from(f.contents)));
  rows.push(['BUDGET autocomplete + badge + dialog at start, Lit included (budget 20 kB; peer 41.8 kB)', joined.length, gz(joined)]);
  if (process.env.SIZE_BYTES) console.log('budget bytes (gzip -9):', gz(joined));
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
