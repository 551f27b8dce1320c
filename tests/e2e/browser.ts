/**
 * Fixtures for the browser tests: Debian's Chromium through playwright-core, an axe check, and
 * a page that fails the test on any console error or uncaught exception.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { userTextsIn } from '../../src/server/testing/leak-scan.ts';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and page errors seen so far. */
  errors: string[];
}

export async function newPage(browser: Browser, opts: { width?: number; height?: number; neutralUrl?: string } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 860 } });
  if (opts.neutralUrl) {
    // The quick-exit destination, served without any network.
    await context.route(`${opts.neutralUrl}**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Weather</title><h1>Local forecast</h1></html>' }),
    );
  }
  recordUserTexts(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  return { page, context, errors };
}

/**
 * The leak scan (global-setup.ts): the free text in every JSON body this context sends to the API
 * is appended to the suite's words file, to be searched for in every email and push at the end.
 */
export function recordUserTexts(context: BrowserContext): void {
  context.on('request', (request) => {
    if (!['POST', 'PUT', 'PATCH'].includes(request.method()) || !new URL(request.url()).pathname.startsWith('/api/')) return;
    try {
      recordBody(request.postDataJSON());
    } catch {
      // not JSON
    }
  });
}

/** Appends the free text of one request body to the words file. */
export function recordBody(body: unknown): void {
  const texts = userTextsIn(body);
  if (texts.length > 0) fs.appendFileSync(inject('leakWordsFile'), texts.map((t) => `${JSON.stringify(t)}\n`).join(''));
}

/** Runs axe on the current page and fails on any violation (WCAG 2.2 AA and best practices). */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // A page's heading may arrive with its lazily loaded route; wait for it so axe judges the page,
  // not the moment between the shell and the route. A page that never gets one still fails below.
  await page.locator('h1').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  });
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/** For a spec file: one Chromium for the file and the server's address. */
export function useBrowser(): { readonly browser: Browser; readonly base: string } {
  const state = {} as { browser: Browser; base: string };
  beforeAll(async () => {
    state.base = inject('e2eBaseUrl');
    state.browser = await launch();
  });
  afterAll(() => state.browser?.close());
  return state;
}

/** The page is no wider than the window: nothing to scroll sideways (375 px checks). */
export async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** A JSON POST from this person's context (their session cookie, our Origin), e.g. to link two people by the API. */
export async function postJson(w: WatchedPage, path: string, data?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const base = inject('e2eBaseUrl');
  recordBody(data); // API requests from the context are not page requests: record them here
  const res = await w.context.request.post(`${base}${path}`, { data: data ?? {}, headers: { origin: base } });
  return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
}
