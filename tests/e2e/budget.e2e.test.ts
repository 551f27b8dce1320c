/**
 * Front-end budget: the JavaScript a browser loads to show the landing page and the signed-in
 * home page, gzipped, stays within 150 KB (design.md, "Quality bars").
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, useBrowser } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';
import { webRoot } from '../../src/server/app.ts';

const BUDGET = 150 * 1024;
const env = useBrowser();

async function initialJsBytes(page: Page): Promise<{ files: string[]; gzipped: number }> {
  const files = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.js')),
  );
  const unique = [...new Set(files)];
  const gzipped = unique.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(webRoot, f)), { level: 9 }).length, 0);
  return { files: unique, gzipped };
}

describe('initial JavaScript budget', () => {
  it('landing page loads at most 150 KB of gzipped JavaScript', async () => {
    const w = await newPage(env.browser);
    await w.page.goto(env.base);
    await w.page.getByRole('heading', { level: 1 }).waitFor();
    await w.page.waitForLoadState('networkidle');
    const { files, gzipped } = await initialJsBytes(w.page);
    console.log(`landing: ${(gzipped / 1024).toFixed(1)} KB gzipped in ${files.length} files`);
    expect(files.length).toBeGreaterThan(0);
    expect(gzipped).toBeLessThanOrEqual(BUDGET);
    await w.context.close();
  });

  it('signed-in home page loads at most 150 KB of gzipped JavaScript', async () => {
    const w = await newPage(env.browser);
    await signIn(w.context, env.base, await createVerifiedAccount(env.base));
    await w.page.goto(`${env.base}/home`);
    await w.page.getByRole('heading', { name: 'Welcome, Jordan' }).waitFor();
    await w.page.waitForLoadState('networkidle');
    const { files, gzipped } = await initialJsBytes(w.page);
    console.log(`home: ${(gzipped / 1024).toFixed(1)} KB gzipped in ${files.length} files`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
