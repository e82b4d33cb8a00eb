#!/usr/bin/env node
// Builds the React example (JSX, React from node_modules) into examples/react/app.bundle.js.
// Its dataset is loaded from packages/elements/dist/assets (the bundle's own assets).
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
await build({
  entryPoints: [`${root}examples/react/app.jsx`],
  bundle: true,
  format: 'esm',
  splitting: true,
  outdir: `${root}examples/react/dist`,
  entryNames: 'app',
  minify: true,
  target: 'es2022',
  jsx: 'automatic',
  alias: {
    '@diachiso/elements/react': `${root}packages/elements/src/react.ts`,
    '@diachiso/sdk/internal': `${root}packages/sdk/src/internal.ts`,
    '@diachiso/sdk': `${root}packages/sdk/src/index.ts`,
    '@diachiso/core/internal': `${root}packages/core/src/internal.ts`,
    '@diachiso/core': `${root}packages/core/src/index.ts`,
    '@diachiso/data': `${root}packages/data/src/index.ts`,
    '@diachiso/search': `${root}packages/search/src/index.ts`,
  },
  external: ['node:*', 'worker_threads'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
// The data loader looks for ../assets/ beside its chunk: examples/react/assets.
mkdirSync(`${root}examples/react/assets`, { recursive: true });
cpSync(`${root}packages/data/assets`, `${root}examples/react/assets`, { recursive: true });
cpSync(`${root}node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs`, `${root}examples/react/dist/maplibre-gl-worker.mjs`);
