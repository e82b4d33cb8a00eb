// `npm run test:stress`: the long tests (leaks) in headless Chromium with a precise heap and gc().
import base from './web-test-runner.config.mjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium-path.mjs';

export default {
  ...base,
  files: ['packages/elements/src/**/*.stress.ts'],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium(),
        headless: true,
        args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
      },
    }),
  ],
  testFramework: { config: { timeout: 600000 } },
};
