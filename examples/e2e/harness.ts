// End-to-end harness: serves the repository with the same dev server as `npm start` and drives
// the local Debian Chromium with puppeteer-core (never a downloaded browser).
import { startDevServer } from '@web/dev-server';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium-path.mjs';

export interface Harness {
  base: string;
  browser: Browser;
  page(): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const server = await startDevServer({
    config: { rootDir: new URL('../..', import.meta.url).pathname, port: 0, hostname: '127.0.0.1', nodeResolve: false },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  const port = (server.server?.address() as { port: number }).port;
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found (run scripts/ensure-chromium.mjs)');
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--headless')),
  });
  const pages: Page[] = [];
  return {
    base: `http://127.0.0.1:${port}`,
    browser,
    async page() {
      const ctx = await browser.createBrowserContext();
      const p = await ctx.newPage();
      p.on('pageerror', (e) => console.error('pageerror:', (e as Error).message));
      pages.push(p);
      return p;
    },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

/** Types into the autocomplete's inner input, as a user would. */
export async function typeInAutocomplete(page: Page, selector: string, text: string): Promise<void> {
  const input = await page.waitForSelector(`${selector} >>> input`);
  await input!.click();
  await input!.type(text, { delay: 15 });
}

/** Waits until the autocomplete shows options (and stops changing); returns their texts. */
export async function options(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 400))); // debounce + last answer
  await page.waitForFunction(
    (sel) => (document.querySelector(sel)?.shadowRoot?.querySelectorAll('[role="option"]').length ?? 0) > 0,
    { timeout: 15000 },
    selector,
  );
  return page.evaluate(
    (sel) =>
      [...document.querySelector(sel)!.shadowRoot!.querySelectorAll('[role="option"]')].map((o) =>
        o.textContent!.replace(/\s+/g, ' ').trim(),
      ),
    selector,
  );
}
