// End-to-end harness: serves the repository with the same dev server as `npm start` and drives
// the local Debian Chromium with puppeteer-core (never a downloaded browser).
import { createRequire } from 'node:module';
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

/**
 * Waits until the autocomplete shows options (and stops changing); returns their texts. The
 * first query of a page may wait for a whole engine to start (`timeout`, ms).
 */
export async function options(page: Page, selector: string, timeout = 60000): Promise<string[]> {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 400))); // debounce + last answer
  await page.waitForFunction(
    (sel) => (document.querySelector(sel)?.shadowRoot?.querySelectorAll('[role="option"]').length ?? 0) > 0,
    { timeout },
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

/** An axe-core violation, reduced to what a failing assertion needs to say. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  targets: string[];
  summary: string;
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Runs axe-core (WCAG 2 A/AA and best practices) on the page as it is now, in the colour scheme
 * given; returns the violations. Pages with a strict CSP need `page.setBypassCSP(true)` before
 * they load, for the axe script to be injected.
 */
export async function axe(page: Page, scheme: 'light' | 'dark'): Promise<AxeViolation[]> {
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(async () => {
    interface AxeNode {
      target: unknown[];
      failureSummary?: string;
    }
    interface AxeResult {
      id: string;
      impact: string | null;
      nodes: AxeNode[];
    }
    const { axe } = window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeResult[] }> } };
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
      summary: v.nodes[0]?.failureSummary ?? '',
    }));
  });
}
