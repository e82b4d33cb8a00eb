#!/usr/bin/env node
// `npm run test:integration`: the packages as an integrator meets them. Packs every workspace
// package (after `npm run build`), installs the tarballs into blank projects in a temporary
// folder and checks each toolchain from the outside:
//   node    `npm install @diachiso/sdk` alone: offline suggest and reverse; `npx diachiso-mock`
//   ssr     importing @diachiso/elements and its React wrapper in Node (server rendering)
//   vite    `import '@diachiso/elements/define'`, `vite build`, no configuration
//   webpack the same entry through webpack 5, no configuration beyond entry and output
//   esbuild the same entry, `--bundle --format=esm --splitting`; esbuild leaves
//           `new URL('../assets/…', import.meta.url)` as is, so the one documented line copies
//           the dataset beside the bundle's folder: `cp -r node_modules/@diachiso/data/assets .`
//   rollup  the same entry with @rollup/plugin-node-resolve and the one documented plugin,
//           @web/rollup-plugin-import-meta-assets, which emits the files `new URL` names
//   react   a React app with @diachiso/elements/react (built with vite)
//   html    the README's plain-HTML quick start, the bundle served as unpkg serves the package
// In Chromium (puppeteer-core, the local /usr/bin/chromium): typing shows suggestions, and no
// request leaves the page's origin. Prints a table (the README's) and exits non-zero on a failure.
// `INTEGRATE_ONLY=node,vite` runs some of them; `INTEGRATE_KEEP=1` keeps the folder.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from './chromium-path.mjs';

// Pinned toolchains: what the table in the README was measured with.
const VERSIONS = {
  vite: '8.3.8',
  webpack: '5.112.2',
  esbuild: '0.28.2',
  rollup: '4.68.8',
  '@rollup/plugin-node-resolve': '16.0.3',
  '@web/rollup-plugin-import-meta-assets': '2.3.3',
  react: '18.3.1',
  'react-dom': '18.3.1',
};
const PACKAGES = ['core', 'data', 'search', 'sdk', 'mock', 'elements'];
const root = new URL('..', import.meta.url).pathname;
const only = process.env.INTEGRATE_ONLY?.split(',');
const want = (name) => !only || only.includes(name);
const work = mkdtempSync(join(tmpdir(), 'diachiso-integrate-'));
const results = [];
const t00 = Date.now();

const run = (cmd, args, cwd, env = {}) =>
  execFileSync(cmd, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 << 20,
  });
const npmInstall = (cwd) => run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], cwd);

async function check(name, toolchain, fn) {
  if (!want(name)) return;
  const t0 = Date.now();
  try {
    const note = await fn();
    results.push({ name, toolchain, ok: true, note: note ?? '', s: (Date.now() - t0) / 1000 });
    console.log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(0)} s) ${note ?? ''}`);
  } catch (e) {
    const msg = `${e?.message ?? e}\n${e?.stdout ?? ''}${e?.stderr ?? ''}`.trim();
    results.push({ name, toolchain, ok: false, note: msg.split('\n')[0].slice(0, 160), s: (Date.now() - t0) / 1000 });
    console.error(`FAIL ${name}: ${msg.slice(0, 4000)}`);
  }
}

// 1. Pack every package as npm would publish it.
const tarballs = join(work, 'tarballs');
mkdirSync(tarballs);
const packed = JSON.parse(run('npm', ['pack', '--json', '--workspaces', '--pack-destination', tarballs], root));
const tgz = Object.fromEntries(packed.map((p) => [p.name, join(tarballs, p.filename)]));
const sizes = packed.map((p) => `${p.name} ${(statSync(join(tarballs, p.filename)).size / 1024).toFixed(0)} kB (${p.entryCount} files)`);
console.log(`packed: ${sizes.join(', ')}`);

/** A blank project depending on some of our tarballs (the others resolved from tarballs too, as if published). */
function project(name, deps, extra = {}, devDeps = {}) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const ours = Object.fromEntries(PACKAGES.map((p) => [`@diachiso/${p}`, `file:${tgz[`@diachiso/${p}`]}`]));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: `integrate-${name}`,
        private: true,
        type: 'module',
        dependencies: { ...Object.fromEntries(deps.map((d) => [d, ours[d]])), ...extra },
        devDependencies: devDeps,
        // Our packages depend on each other by version: point those at the tarballs, not the registry.
        overrides: ours,
      },
      null,
      2,
    ),
  );
  return dir;
}

/** A static server over a folder (what any web host does), recording the requests. */
async function serve(dir) {
  const types = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.mjs': 'text/javascript',
    '.json': 'application/json',
    '.css': 'text/css',
    '.map': 'application/json',
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/favicon.ico') return res.writeHead(204).end(); // the browser asks; not ours
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) return res.writeHead(404).end('not found');
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

let browser;
/** Opens the page, types into the autocomplete, returns the suggestions; fails on any off-origin request. */
async function typeAndSuggest(url, selector = 'dcs-address-autocomplete', text = 'vinh hai') {
  browser ??= await puppeteer.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  const origin = new URL(url).origin;
  const offOrigin = [];
  const errors = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) offOrigin.push(u);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    await page.goto(url, { waitUntil: 'load' });
    const input = await page.waitForSelector(`${selector} >>> input`, { timeout: 20_000 });
    await input.click();
    await input.type(text, { delay: 60 });
    await page.waitForFunction(
      (sel) => (document.querySelector(sel)?.shadowRoot?.querySelectorAll('[role="option"]').length ?? 0) > 0,
      { timeout: 30_000 },
      selector,
    );
    const labels = await page.evaluate(
      (sel) =>
        [...document.querySelector(sel).shadowRoot.querySelectorAll('[role="option"]')].map((o) =>
          o.textContent.replace(/\s+/g, ' ').trim(),
        ),
      selector,
    );
    if (offOrigin.length) throw new Error(`requests left the page's origin: ${offOrigin.slice(0, 3).join(', ')}`);
    if (errors.length) throw new Error(`page errors: ${errors.slice(0, 3).join(' | ')}`);
    if (!labels.some((l) => /Vĩnh Hải/.test(l))) throw new Error(`unexpected suggestions: ${labels.join(' | ')}`);
    return labels;
  } catch (e) {
    if (errors.length && !String(e.message).includes('page errors')) e.message += ` (page errors: ${errors.slice(0, 3).join(' | ')})`;
    throw e;
  } finally {
    await ctx.close();
  }
}

const WEB_ENTRY = `import '@diachiso/elements/define';\n`;
// `worker` for the bundlers: the engine worker must be emitted too (worker mode has no main-thread fallback).
const PAGE = (script, attrs = '') =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8" /><title>integrate</title></head><body>\n` +
  `<dcs-address-autocomplete label="Địa chỉ"${attrs}></dcs-address-autocomplete>\n${script}\n</body></html>\n`;

try {
  await check('node', 'Node 20, `npm install @diachiso/sdk`', async () => {
    const dir = project('node', ['@diachiso/sdk', '@diachiso/mock']);
    npmInstall(dir);
    writeFileSync(
      join(dir, 'offline.mjs'),
      `import { createClient } from '@diachiso/sdk';
const c = await createClient({ mode: 'offline' });
const s = await c.suggest('P. Vinh Hai, TP Nha Trang', { limit: 5 });
const r = await c.reverse({ lat: 12.2388, lon: 109.1967 });
console.log(JSON.stringify({ top: s[0]?.label, ward: r?.ward.code }));
`,
    );
    const out = JSON.parse(run('node', ['offline.mjs'], dir).trim().split('\n').pop());
    if (!/Vĩnh Hải/.test(out.top ?? '')) throw new Error(`offline suggest: ${JSON.stringify(out)}`);
    if (out.ward !== '22366') throw new Error(`offline reverse: ${JSON.stringify(out)}`);
    // The mock's command, as packages/mock/README.md says.
    // Its own process group: npx starts the server as a child, and both are stopped at the end.
    const child = spawn('npx', ['--no-install', 'diachiso-mock', '--port', '0'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    try {
      const url = await new Promise((resolve, reject) => {
        let buf = '';
        const t = setTimeout(() => reject(new Error(`diachiso-mock did not start: ${buf}`)), 60_000);
        const on = (d) => {
          buf += d;
          const m = /on (http:\/\/\S+)\/v1/.exec(buf);
          if (m) {
            clearTimeout(t);
            resolve(m[1]);
          }
        };
        child.stdout.on('data', on);
        child.stderr.on('data', on);
        child.on('exit', (code) => reject(new Error(`diachiso-mock exited ${code}: ${buf}`)));
      });
      const health = await fetch(`${url}/v1/health`);
      if (health.status !== 200) throw new Error(`mock health ${health.status}`);
    } finally {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    return `suggest → ${out.top.slice(0, 40)}…; reverse → ${out.ward}; npx diachiso-mock → 200`;
  });

  // One web project for the bundlers (one install of the browser packages and the toolchains).
  let web;
  const webReady = () => {
    if (web) return web;
    web = project('web', ['@diachiso/elements'], {}, VERSIONS);
    npmInstall(web);
    return web;
  };

  await check('ssr', 'Node 20, `import` of @diachiso/elements and /react, `renderToString`', async () => {
    const dir = webReady();
    writeFileSync(
      join(dir, 'ssr.mjs'),
      `const el = await import('@diachiso/elements');
const { AddressAutocomplete } = await import('@diachiso/elements/react');
const React = (await import('react')).default;
const { renderToString } = await import('react-dom/server');
const html = renderToString(React.createElement(AddressAutocomplete, { label: 'Địa chỉ' }));
console.log(JSON.stringify({ exports: Object.keys(el).length, html }));
`,
    );
    const out = JSON.parse(run('node', ['ssr.mjs'], dir).trim().split('\n').pop());
    if (!out.html.includes('dcs-address-autocomplete')) throw new Error(`renderToString: ${out.html}`);
    return `${out.exports} exports; renderToString → <dcs-address-autocomplete>`;
  });

  await check('vite', `vite ${VERSIONS.vite} (build, zero configuration)`, async () => {
    const dir = join(webReady(), 'vite-app');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.js'), WEB_ENTRY);
    writeFileSync(join(dir, 'index.html'), PAGE('<script type="module" src="./main.js"></script>', ' worker'));
    run(join(web, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], dir);
    const s = await serve(join(dir, 'dist'));
    try {
      return (await typeAndSuggest(`${s.origin}/`)).length + ' suggestions';
    } finally {
      await s.close();
    }
  });

  await check('webpack', `webpack ${VERSIONS.webpack} (entry and output only)`, async () => {
    const dir = join(webReady(), 'webpack-app');
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'main.js'), WEB_ENTRY);
    writeFileSync(
      join(dir, 'build.cjs'),
      `const webpack = require('webpack');
webpack({ mode: 'production', context: __dirname, entry: './main.js', output: { path: __dirname + '/dist', publicPath: 'auto' } }, (err, stats) => {
  if (err || stats.hasErrors()) { console.error(err || stats.toString('errors-only')); process.exit(1); }
});
`,
    );
    run('node', ['build.cjs'], dir);
    writeFileSync(join(dir, 'dist/index.html'), PAGE('<script src="./main.js"></script>', ' worker'));
    const s = await serve(join(dir, 'dist'));
    try {
      return (await typeAndSuggest(`${s.origin}/`)).length + ' suggestions';
    } finally {
      await s.close();
    }
  });

  await check('esbuild', `esbuild ${VERSIONS.esbuild} (\`--bundle --format=esm --splitting\`, + one \`cp\` of the dataset)`, async () => {
    // The site: index.html at the root, the bundle in dist/, the dataset in assets/ (the
    // bundle's ../assets/), copied with the one line the README gives.
    const dir = join(webReady(), 'esbuild-app');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.js'), WEB_ENTRY);
    const esbuild = join(web, 'node_modules/.bin/esbuild');
    run(esbuild, ['main.js', '--bundle', '--format=esm', '--splitting', '--minify', '--outdir=dist', '--log-level=error'], dir);
    run('cp', ['-r', join(web, 'node_modules/@diachiso/data/assets'), '.'], dir);
    writeFileSync(join(dir, 'index.html'), PAGE('<script type="module" src="./dist/main.js"></script>'));
    const s = await serve(dir);
    try {
      return (await typeAndSuggest(`${s.origin}/`)).length + ' suggestions';
    } finally {
      await s.close();
    }
  });

  await check(
    'rollup',
    `rollup ${VERSIONS.rollup} + node-resolve + @web/rollup-plugin-import-meta-assets ${VERSIONS['@web/rollup-plugin-import-meta-assets']}`,
    async () => {
      const dir = join(webReady(), 'rollup-app');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'main.js'), WEB_ENTRY);
      writeFileSync(
        join(dir, 'rollup.config.mjs'),
        `import { nodeResolve } from '@rollup/plugin-node-resolve';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';
export default {
  input: 'main.js',
  output: { dir: 'dist', format: 'es' },
  plugins: [nodeResolve({ browser: true }), importMetaAssets()],
};
`,
      );
      run(join(web, 'node_modules/.bin/rollup'), ['-c', '--silent'], dir);
      // The plugin, not luck, must have put the dataset in the output.
      const emitted = readdirSync(join(dir, 'dist/assets')).filter((f) => /^manifest.*\.json$/.test(f));
      if (!emitted.length) throw new Error('rollup emitted no dataset manifest');
      writeFileSync(join(dir, 'dist/index.html'), PAGE('<script type="module" src="./main.js"></script>'));
      const s = await serve(join(dir, 'dist'));
      try {
        return (await typeAndSuggest(`${s.origin}/`)).length + ' suggestions';
      } finally {
        await s.close();
      }
    },
  );

  await check('react', `React ${VERSIONS.react} + @diachiso/elements/react (vite ${VERSIONS.vite})`, async () => {
    const dir = join(webReady(), 'react-app');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'main.js'),
      `import React, { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AddressAutocomplete } from '@diachiso/elements/react';
function App() {
  const [picked, setPicked] = useState('');
  return React.createElement('form', null,
    React.createElement(AddressAutocomplete, { label: 'Địa chỉ', onDcsSelect: (e) => setPicked(e.detail?.suggestion?.label ?? '') }),
    React.createElement('output', null, picked));
}
createRoot(document.getElementById('root')).render(React.createElement(App));
`,
    );
    writeFileSync(
      join(dir, 'index.html'),
      PAGE('<div id="root"></div><script type="module" src="./main.js"></script>').replace(/<dcs-address-autocomplete[^\n]*\n/, ''),
    );
    run(join(web, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], dir);
    const s = await serve(join(dir, 'dist'));
    try {
      return (await typeAndSuggest(`${s.origin}/`)).length + ' suggestions';
    } finally {
      await s.close();
    }
  });

  await check('html', 'plain HTML, the README quick start (bundle and `assets/` as unpkg serves them)', async () => {
    // The README's page, with https://unpkg.com/ replaced by a local server over node_modules:
    // unpkg serves a package's files at /<name>/<path>, and so does this.
    const dir = join(webReady(), 'html-site');
    mkdirSync(dir, { recursive: true });
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const page = /## Quick start: a plain HTML page[\s\S]*?```html\n([\s\S]*?)```/.exec(readme)?.[1];
    if (!page?.includes('https://unpkg.com/@diachiso/elements/')) throw new Error('README quick start not found');
    writeFileSync(join(dir, 'index.html'), page.replaceAll('https://unpkg.com/', '/'));
    cpSync(join(web, 'node_modules/@diachiso'), join(dir, '@diachiso'), { recursive: true, dereference: true });
    const s = await serve(dir);
    try {
      return (await typeAndSuggest(`${s.origin}/`)).length + ' suggestions';
    } finally {
      await s.close();
    }
  });
} finally {
  await browser?.close();
  if (!process.env.INTEGRATE_KEEP) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}

console.log(`\n| toolchain | result |\n|---|---|`);
for (const r of results) console.log(`| ${r.toolchain} | ${r.ok ? 'works' : 'FAILS'}: ${r.note.replaceAll('|', '/')} |`);
console.log(`\ntarballs: ${sizes.join(', ')}`);
console.log(`integration: ${results.filter((r) => r.ok).length}/${results.length} in ${((Date.now() - t00) / 1000).toFixed(0)} s`);
if (results.some((r) => !r.ok)) process.exit(1);
