// One build for every package (ESM + .d.ts) and the drop-in browser bundles.
import { chmodSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

// Hashed chunks of earlier builds would pile up beside the bundles: start clean.
for (const dir of [
  'packages/elements/dist/browser',
  'packages/mock/dist/browser',
  'packages/elements/dist/assets',
  'packages/mock/dist/assets',
])
  rmSync(dir, { recursive: true, force: true });

const PACKAGES = {
  core: ['index', 'internal'],
  data: ['index'],
  search: ['index'],
  sdk: ['index', 'internal'],
  mock: ['index', 'browser', 'cli'],
  elements: [
    'index',
    'define',
    'dcs-address-autocomplete',
    'dcs-code-badge',
    'dcs-code-plate',
    'dcs-verify-dialog',
    'dcs-mini-map',
    'dcs-platform',
    'react',
  ],
};
const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');
const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', sourceMap: true });

/** Resolves `@diachiso/x` to its source, so bundles never depend on build order. */
const workspaceSource = () => ({
  name: 'workspace-source',
  resolveId(id) {
    const m = /^@diachiso\/([a-z]+)(?:\/(browser|define|internal))?$/.exec(id);
    return m ? new URL(`packages/${m[1]}/src/${m[2] ?? 'index'}.ts`, import.meta.url).pathname : null;
  },
});

/**
 * Emits each dataset file a bundle references with `new URL('../assets/<file>', import.meta.url)`
 * into `assets/` beside the bundle, and points the reference there: the layout the README's
 * plain-HTML quick start describes (the bundle, its chunks and `assets/` in one folder).
 */
const datasetAssets = () => ({
  name: 'dataset-assets',
  transform(code, id) {
    if (!id.endsWith('/packages/data/src/loader.ts')) return null;
    const re = /new URL\(["']\.\.\/assets\/([\w-]+\.json)["'], import\.meta\.url\)/g;
    return code.replace(re, (_, file) => {
      const ref = this.emitFile({ type: 'asset', fileName: `assets/${file}`, source: readFileSync(`packages/data/assets/${file}`) });
      return `new URL(import.meta.ROLLUP_FILE_URL_${ref})`;
    });
  },
});

/**
 * Points the SDK worker platform's `new URL('./diachiso-worker.js', import.meta.url)` at the
 * engine worker (`packages/sdk/src/worker-platform-worker.ts`), emitted as a chunk of the same
 * build: its name is hashed (a cached copy is never stale, so a second visit works offline) and
 * the chunks it shares with the page download once. The `new Worker(new URL('./…',
 * import.meta.url), { type: 'module' })` form stays in the output, for vite and webpack.
 */
const engineWorker = () => {
  const refs = new Set();
  return {
    name: 'engine-worker',
    transform(code, id) {
      if (!id.endsWith('/packages/sdk/src/worker-platform.ts')) return null;
      const worker = new URL('packages/sdk/src/worker-platform-worker.ts', import.meta.url).pathname;
      const ref = this.emitFile({ type: 'chunk', id: worker, name: 'worker' });
      refs.add(ref);
      const re = /new URL\(["']\.\/diachiso-worker\.js["'], import\.meta\.url\)/;
      if (!re.test(code)) this.error('worker-platform.ts no longer names ./diachiso-worker.js');
      return { code: code.replace(re, `new URL(import.meta.ROLLUP_FILE_URL_${ref}, import.meta.url)`), map: null };
    },
    resolveFileUrl({ referenceId, relativePath }) {
      if (!refs.has(referenceId)) return null;
      return JSON.stringify(relativePath.startsWith('.') ? relativePath : `./${relativePath}`);
    },
  };
};

/** Files a browser bundle needs beside it that no import names. */
const copyBeside = (pkg) => ({
  name: 'copy-beside',
  writeBundle() {
    // msw's service worker must sit at or above the pages it controls: the examples.
    if (pkg === 'mock') cpSync('node_modules/msw/lib/mockServiceWorker.js', 'examples/mockServiceWorker.js');
    // maplibre-gl loads its worker next to the module that imports it: the bundle's folder.
    if (pkg === 'elements')
      cpSync('node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs', `packages/${pkg}/dist/browser/maplibre-gl-worker.mjs`);
  },
});

/** Makes the mock's command executable (npm links bins at install time, before the build). */
const executable = (pkg) => ({
  name: 'executable',
  writeBundle() {
    if (pkg === 'mock') chmodSync('packages/mock/dist/cli.js', 0o755);
  },
});

const libraries = Object.entries(PACKAGES).flatMap(([pkg, entries]) => {
  const input = Object.fromEntries(entries.map((e) => [e, `packages/${pkg}/src/${e}.ts`]));
  return [
    {
      input,
      external: isBare,
      plugins: [ts(), engineWorker(), executable(pkg)],
      output: { dir: `packages/${pkg}/dist`, format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
    },
    {
      input,
      external: isBare,
      plugins: [dts({ compilerOptions: { noEmit: false, declaration: true, emitDeclarationOnly: true, paths: {} } })],
      output: { dir: `packages/${pkg}/dist`, format: 'es', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
    },
  ];
});

/**
 * A browser bundle of `packages/<pkg>/src/<entry>.ts` into `packages/<into>/dist/browser/<file>`
 * (`into` defaults to `pkg`), with the dataset in `assets/` beside it.
 */
const bundle = (pkg, entry, file, { split = false, into = pkg } = {}) => ({
  input: `packages/${pkg}/src/${entry}.ts`,
  // Node built-ins appear only in branches browsers never take (file: URLs, flexsearch workers).
  external: (id) => id.startsWith('node:') || id === 'worker_threads',
  plugins: [
    workspaceSource(),
    nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
    ts(),
    datasetAssets(),
    ...(split ? [engineWorker()] : []),
    ...(into === pkg ? [copyBeside(pkg)] : []),
  ],
  // Split bundles load the offline engine (and the map) as chunks, only when used.
  output: {
    ...(split
      ? { dir: `packages/${into}/dist/browser`, entryFileNames: file, chunkFileNames: 'diachiso-[name]-[hash].js' }
      : { file: `packages/${into}/dist/browser/${file}`, inlineDynamicImports: true }),
    format: 'es',
    sourcemap: true,
    plugins: [terser({ format: { comments: false } })],
  },
  onwarn(w, warn) {
    if (w.code === 'THIS_IS_UNDEFINED' || w.code === 'CIRCULAR_DEPENDENCY') return;
    warn(w);
  },
});

export default [
  ...libraries,
  // With the engine worker of `createClient({ worker: true })` as one of its chunks.
  bundle('elements', 'define', 'diachiso.js', { split: true }),
  bundle('mock', 'browser', 'mock.js'),
];
