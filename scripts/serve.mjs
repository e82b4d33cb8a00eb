#!/usr/bin/env node
// Serves the examples on localhost (the demo site): the platform is mocked in the page by
// @diachiso/mock's service worker on the embedded dataset; no API key, no network.
// Usage: node scripts/serve.mjs [--port 8000] [--host 127.0.0.1]
import { startDevServer } from '@web/dev-server';
import { existsSync } from 'node:fs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : (process.env[name.toUpperCase()] ?? dflt);
};
const root = new URL('..', import.meta.url).pathname;
if (!existsSync(new URL('../packages/elements/dist/browser/diachiso.js', import.meta.url))) {
  console.error('The bundles are missing: run `npm run build` first (or `npm start`, which builds).');
  process.exit(1);
}
const port = Number(arg('port', 8000));
const hostname = arg('host', '127.0.0.1');
const server = await startDevServer({
  config: {
    rootDir: root,
    port,
    hostname,
    nodeResolve: false,
    middleware: [
      (ctx, next) => {
        if (ctx.path === '/' || ctx.path === '/index.html') {
          ctx.redirect('/examples/');
          return undefined;
        }
        return next();
      },
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const url = `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${server.config.port}/examples/`;
console.log(`\n  diachiso demo (embedded dataset, mocked platform, no network): ${url}\n  Press Ctrl+C to stop.\n`);
