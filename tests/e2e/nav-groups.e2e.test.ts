/**
 * The signed-in nav in groups (docs/decisions/022): Home, Reflect, Understand, With a partner,
 * Talk it through, Settings — each group a list named by its heading; every link reachable with
 * Tab; no sideways scroll at 320 px; axe clean at 320 and 1280.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, expectNoSidewaysScroll, newPage, useBrowser, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

describe('the grouped nav', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await newPage(env.browser, { width: 320, height: 700 });
    await signIn(w.context, env.base, await createVerifiedAccount(env.base, 'Noor'));
  });
  afterAll(() => w.context.close());

  it('names its groups, reaches every link by keyboard, and fits 320 px', async () => {
    const { page } = w;
    await page.goto(`${env.base}/home`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const [group, links] of [
      ['Reflect', ['Journal', 'Origins', 'Urges', 'Self-worth']],
      ['Understand', ['Insights', 'Check-ups', 'Lessons']],
      ['With a partner', ['Together']],
    ] as const) {
      const list = nav.getByRole('list', { name: group });
      await list.waitFor();
      expect(await list.getByRole('link').allTextContents()).toEqual(expect.arrayContaining([...links]));
    }
    await expectNoSidewaysScroll(page, 'nav, 320');
    await expectNoAxeViolations(page, 'nav, 320');

    // Tab from Home walks the links in order, into and out of the groups.
    await nav.getByRole('link', { name: 'Home' }).focus();
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      seen.push((await page.evaluate(() => document.activeElement?.textContent ?? '')).trim());
    }
    expect(seen.slice(0, 8)).toEqual(['Journal', 'Origins', 'Urges', 'Self-worth', 'Insights', 'Check-ups', 'Lessons', 'Together']);
    expect(seen).toContain('Settings');

    await page.keyboard.press('Shift+Tab');
    await page.setViewportSize({ width: 1280, height: 800 });
    await nav.getByRole('link', { name: 'Lessons' }).click();
    await page.waitForURL(/\/lessons/);
    await expectNoAxeViolations(page, 'nav, 1280');
  });
});
