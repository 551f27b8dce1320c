/**
 * Insights in real Chromium: an empty state that invites a first entry; then a few entries
 * written through the API show up in the charts and in their table views with the right
 * numbers; the range picker and the tables work by keyboard; axe-clean at desktop and 375 px,
 * with no sideways scrolling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, newPage, useBrowser, expectNoSidewaysScroll, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

/** Today minus `daysAgo`, at hh:mm UTC. */
const utcAt = (daysAgo: number, hour: number, minute = 15) => {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, minute)).toISOString();
};

async function writeEntry(page: Page, body: Record<string, unknown>): Promise<void> {
  const res = await page.request.post(`${env.base}/api/v1/journal/entries`, {
    data: { kind: 'thought_record', timeZone: 'UTC', whatHappened: 'A message went unanswered all afternoon.', ...body },
    headers: { origin: env.base },
  });
  expect(res.status()).toBe(201);
}

async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} by keyboard`);
}

/** The rows of the table inside a chart's section, as text cells. */
async function tableRows(page: Page, heading: string): Promise<string[][]> {
  const section = page.locator('section', { has: page.getByRole('heading', { name: heading, level: 2 }) });
  return section.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? '')));
}

describe('Insights', () => {
  let w: WatchedPage;

  beforeAll(async () => {
    w = await newPage(env.browser);
    await signIn(w.context, env.base, await createVerifiedAccount(env.base, 'Avery'));
    const res = await w.page.request.patch(`${env.base}/api/v1/profile`, { data: { timeZone: 'UTC' }, headers: { origin: env.base } });
    expect(res.status()).toBe(200);
  });
  afterAll(() => w.context.close());

  it('greets a new account with an empty state that invites a first entry', async () => {
    const { page } = w;
    await page.goto(`${env.base}/home`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { name: 'Your patterns', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Nothing to look back on yet' }).waitFor();
    const cta = page.getByRole('link', { name: 'Write a quick note' });
    expect(await cta.getAttribute('href')).toBe('/journal/quick');
    expect(await page.locator('svg[role="img"]').count()).toBe(0);
    await expectNoAxeViolations(page, 'insights (empty)');
  });

  it('charts entries written through the API, with table views holding the same numbers', async () => {
    const { page, errors } = w;
    await writeEntry(page, { occurredAt: utcAt(2, 19), topic: 'communication', bodyCues: ['racing_heart'], intensityBefore: 80, intensityAfter: 40, urge: 'check_phone', urgeActedOn: false, woundOrSignal: 'old_wound', tags: ['texts'] });
    await writeEntry(page, { occurredAt: utcAt(2, 20), topic: 'communication', bodyCues: ['racing_heart', 'tight_chest'], intensityBefore: 60, intensityAfter: 20, urge: 'seek_reassurance', urgeActedOn: true, woundOrSignal: 'old_wound' });
    await writeEntry(page, { kind: 'quick_capture', occurredAt: utcAt(3, 21), topic: 'money', intensityBefore: 50, woundOrSignal: 'present_signal' });

    await page.reload();
    await page.getByRole('heading', { name: 'When things stirred', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'A first glimpse' }).waitFor();
    const main = (await page.textContent('main')) ?? '';
    expect(main).toContain('Showing 3 entries');
    expect(main).toMatch(/Most entries came on (weekday|weekend) evenings\./);
    expect(main).toContain('“How we talk to each other” came up most often (2 of 3).');
    expect(main).toContain('the average went from 70 before to 30 after reframing');
    expect(main).toContain('Of 2 urges where you noted what you did, you let 1 pass');
    expect(main).toContain('The cue you noticed most often was “Racing heart” (2 times).');
    for (const name of ['Grid of entries by day', 'Bar chart of entries by topic', 'Line chart of average intensity', 'Stacked bar chart of urges']) {
      expect(await page.getByRole('img', { name: new RegExp(name) }).count(), name).toBe(1);
    }
    await expectNoAxeViolations(page, 'insights (sparse)');

    // Open every table view and check the numbers.
    for (const summary of await page.locator('details.chart-table > summary').all()) await summary.click();
    expect(await tableRows(page, 'What it was about')).toEqual([
      ['How we talk to each other', '2'],
      ['Money', '1'],
    ]);
    const heat = await tableRows(page, 'When things stirred');
    expect(heat.map((r) => r[2])).toEqual(['1', '1', '1']);
    expect(heat.map((r) => r[1]).sort()).toEqual(['19:00', '20:00', '21:00']);
    expect(await tableRows(page, 'Old wound or present signal?')).toEqual([
      ['Mostly an old wound', '2', '67%'],
      ['Mostly about what’s happening now', '1', '33%'],
      ['Some of each', '0', '0%'],
      ['I’m not sure yet', '0', '0%'],
    ]);
    const intensity = await tableRows(page, 'Intensity before and after reframing');
    expect(intensity.reduce((n, r) => n + Number(r[3]), 0)).toBe(2);
    const urges = await tableRows(page, 'Urges acted on and let pass');
    expect(urges.reduce((n, r) => n + Number(r[1]), 0)).toBe(1);
    expect(urges.reduce((n, r) => n + Number(r[2]), 0)).toBe(1);
    await expectNoAxeViolations(page, 'insights with tables open');
    expect(errors).toEqual([]);
  });

  it('is operable by keyboard: the range picker and a table view', async () => {
    const { page } = w;
    await page.goto(`${env.base}/insights`);
    await page.getByRole('heading', { name: 'When things stirred', level: 2 }).waitFor();
    const rangeText = () => page.locator('.insight-range').textContent();
    const before = await rangeText();
    await tabTo(page, 'input[type="radio"]');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('d90');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => new URL(page.url()).searchParams.get('range')).toBe('d30');
    await expect.poll(rangeText).not.toBe(before);
    expect(await rangeText()).toContain('Showing 3 entries');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('range')).toBe('year');

    await tabTo(page, 'details.chart-table > summary');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement?.parentElement as HTMLDetailsElement).open)).toBe(true);
  });

  it('fits 375 px without sideways scrolling, and stays axe-clean', async () => {
    const narrow = await newPage(env.browser, { width: 375, height: 800 });
    try {
      await narrow.context.addCookies(await w.context.cookies());
      await narrow.page.goto(`${env.base}/insights`);
      await narrow.page.getByRole('heading', { name: 'When things stirred', level: 2 }).waitFor();
      for (const summary of await narrow.page.locator('details.chart-table > summary').all()) await summary.click();
      await expectNoSidewaysScroll(narrow.page, 'insights at 375 px');
      // Nothing may stick out of its card either (a clipped table would hide numbers).
      const overflowing = await narrow.page.$$eval('section.insight', (sections) =>
        sections.filter((s) => s.scrollWidth > s.clientWidth + 1).map((s) => s.querySelector('h2')?.textContent),
      );
      expect(overflowing).toEqual([]);
      await expectNoAxeViolations(narrow.page, 'insights at 375 px');
      expect(narrow.errors).toEqual([]);
    } finally {
      await narrow.context.close();
    }
  });
});
