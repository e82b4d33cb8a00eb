// One build for every package (ESM + .d.ts) and the drop-in browser bundles.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

// Hashed chunks of earlier builds would pile up beside the bundles: start clean.
for (const dir of ['packages/elements/dist/browser', 'packages/mock/dist/browser']) rmSync(dir, { recursive: true, force: true });

const PACKAGES = {
  core: ['index'],
  data: ['index'],
  search: ['index', 'diachiso-worker'],
  sdk: ['index'],
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
    const m = /^@diachiso\/([a-z]+)(?:\/(browser|define))?$/.exec(id);
    return m ? new URL(`packages/${m[1]}/src/${m[2] ?? 'index'}.ts`, import.meta.url).pathname : null;
  },
});

/** Copies the dataset next to a bundle (`dist/assets/`), where the loader looks by default. */
const copyAssets = (pkg) => ({
  name: 'copy-assets',
  writeBundle() {
    mkdirSync(`packages/${pkg}/dist/assets`, { recursive: true });
    cpSync('packages/data/assets', `packages/${pkg}/dist/assets`, { recursive: true });
    // msw's service worker must sit at or above the pages it controls: the examples.
    if (pkg === 'mock') cpSync('node_modules/msw/lib/mockServiceWorker.js', 'examples/mockServiceWorker.js');
    // maplibre-gl loads its worker next to the module that imports it: the bundle's folder.
    if (pkg === 'elements')
      cpSync('node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs', `packages/${pkg}/dist/browser/maplibre-gl-worker.mjs`);
  },
});

const libraries = Object.entries(PACKAGES).flatMap(([pkg, entries]) => {
  const input = Object.fromEntries(entries.map((e) => [e, `packages/${pkg}/src/${e}.ts`]));
  return [
    {
      input,
      external: isBare,
      plugins: [ts()],
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
 * (`into` defaults to `pkg`; the dataset and workers are copied beside the `pkg` bundles only).
 */
const bundle = (pkg, entry, file, { split = false, into = pkg } = {}) => ({
  input: `packages/${pkg}/src/${entry}.ts`,
  // Node built-ins appear only in branches browsers never take (file: URLs, flexsearch workers).
  external: (id) => id.startsWith('node:') || id === 'worker_threads',
  plugins: [
    workspaceSource(),
    nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
    ts(),
    ...(into === pkg ? [copyAssets(pkg)] : []),
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
  bundle('elements', 'define', 'diachiso.js', { split: true }),
  // The engine worker of `createClient({ worker: true })`, beside the chunks that start it.
  bundle('search', 'diachiso-worker', 'diachiso-worker.js', { into: 'elements' }),
  bundle('mock', 'browser', 'mock.js'),
];
