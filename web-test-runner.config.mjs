// Browser tests in headless Debian Chromium (never a downloaded browser).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium-path.mjs';

/** Serves workspace packages from source, so tests never depend on a stale build. */
const workspaceSource = {
  name: 'workspace-source',
  resolveImport({ source }) {
    // flexsearch's bundle names Node's worker_threads in a branch browsers never take.
    if (source === 'worker_threads') return '/__node-builtin-stub.js';
    const m = /^@diachiso\/([a-z]+)(?:\/(browser|define|internal))?$/.exec(source);
    return m ? `/packages/${m[1]}/src/${m[2] ?? 'index'}.ts` : undefined;
  },
  serve(context) {
    if (context.path === '/__node-builtin-stub.js') return { body: 'export default {};', type: 'js' };
    return undefined;
  },
};

/** `WTR_PORT` lets several checkouts run browser tests side by side. */
const port = Number(process.env.WTR_PORT ?? 8000);

export default {
  rootDir: '.',
  port,
  files: ['packages/elements/src/**/*.test.ts', 'packages/*/src/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'import', 'default'] },
  plugins: [workspaceSource, esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS },
      // The badge's copy button writes to the real clipboard: grant it, as a user would.
      async createPage({ context }) {
        await context
          .overridePermissions(`http://localhost:${port}`, ['clipboard-read', 'clipboard-sanitized-write', 'clipboard-write'])
          .catch(() => {});
        return context.newPage();
      },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
};
