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

  it('the coach (src/core/coach) is its own chunk of at most 150 KB gzipped, fetched only on a page that uses it', async () => {
    // The coach's chunk is the built file holding one of its explanations (FINDING_MESSAGES).
    const assets = fs.readdirSync(path.join(webRoot, 'assets')).filter((f) => f.endsWith('.js'));
    const coachChunks = assets.filter((f) => fs.readFileSync(path.join(webRoot, 'assets', f), 'utf8').includes('turn one moment into a verdict on everything'));
    expect(coachChunks).toHaveLength(1);
    const chunk = `/assets/${coachChunks[0]}`;
    const gzipped = zlib.gzipSync(fs.readFileSync(path.join(webRoot, chunk)), { level: 9 }).length;
    console.log(`coach chunk: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET);

    const w = await newPage(env.browser);
    await signIn(w.context, env.base, await createVerifiedAccount(env.base));
    await w.page.goto(`${env.base}/home`);
    await w.page.getByRole('heading', { name: 'Welcome, Jordan' }).waitFor();
    await w.page.waitForLoadState('networkidle');
    expect((await initialJsBytes(w.page)).files).not.toContain(chunk);
    await w.page.goto(`${env.base}/coach`);
    await w.page.getByRole('textbox', { name: 'Your message' }).waitFor();
    await w.page.waitForLoadState('networkidle');
    expect((await initialJsBytes(w.page)).files).toContain(chunk);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
