/**
 * Check-ups in real Chromium against a real server: ECR-RS taken twice — once by clicking,
 * once by keyboard alone — then the results page shows both results on each chart (two dots and
 * two table rows), the two-dimension plot, and the history with delete. Every page passes axe,
 * and fits 375 px without sideways scrolling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, newPage, useBrowser, expectNoSidewaysScroll, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

const ECR_ITEMS = [
  'It helps to turn to this person in times of need.',
  'I usually discuss my problems and concerns with this person.',
  'I talk things over with this person.',
  'I find it easy to depend on this person.',
  "I don't feel comfortable opening up to this person.",
  'I prefer not to show this person how I feel deep down.',
  "I often worry that this person doesn't really care for me.",
  "I'm afraid that this person may abandon me.",
  "I worry that this person won't care about me as much as I care about them.",
];
const LABELS = ['Strongly disagree', 'Disagree', 'Slightly disagree', 'Neither agree nor disagree', 'Slightly agree', 'Agree', 'Strongly agree'];
const ANXIETY_CHART = 'Worry about the relationship (anxiety) over time';
const AVOIDANCE_CHART = 'Comfort with closeness (avoidance) over time';

const group = (page: Page, i: number) => page.getByRole('radiogroup', { name: `${i + 1}. ${ECR_ITEMS[i]}`, exact: true });

describe('check-ups', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await newPage(env.browser);
    await signIn(w.context, env.base, await createVerifiedAccount(env.base, 'Alex'));
  });
  afterAll(async () => {
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('lists every check-up with a reflection-not-diagnosis note; none taken yet', async () => {
    const { page } = w;
    await page.goto(`${env.base}/assessments`);
    await page.getByRole('heading', { level: 1, name: 'Check-ups' }).waitFor();
    await page.getByText('They are not a diagnosis').waitFor();
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Not taken yet' }).count()).toBe(4);
    await page.getByText('A Trellis check, not a validated scale').first().waitFor();
    await expectNoAxeViolations(page, 'check-ups list');
  });

  it('takes ECR-RS by clicking, showing errors next to unanswered items first', async () => {
    const { page } = w;
    await page.getByRole('link', { name: 'Take this check-up: Closeness and worry in my relationship (ECR-RS)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Closeness and worry in my relationship (ECR-RS)' }).waitFor();
    await group(page, 0).waitFor();
    await expectNoAxeViolations(page, 'take ECR-RS');

    await page.getByRole('button', { name: 'See my results' }).click();
    await expect.poll(() => page.getByText('Please choose an answer for this one.').count()).toBe(9);
    await expect.poll(() => group(page, 4).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'take ECR-RS with errors');

    const answers = [2, 2, 2, 2, 5, 5, 6, 6, 6];
    for (const [i, value] of answers.entries()) {
      await group(page, i).locator('label').filter({ hasText: new RegExp(`^${LABELS[value - 1]}$`) }).click();
    }
    await expect.poll(() => page.getByText('Please choose an answer for this one.').count()).toBe(0);
    await page.getByRole('button', { name: 'See my results' }).click();
    await page.getByText('Your answers are saved. Here is what they suggest.').waitFor();
    // Items 1–4 are reverse-keyed: (6+6+6+6+5+5)/6 = 5.67 → 5.7; anxiety (6+6+6)/3 = 6.0.
    await page.getByText('Your latest answers place you at 6.0 for worry about the relationship and 5.7 for keeping distance').first().waitFor();
    await expect.poll(() => page.getByRole('figure', { name: ANXIETY_CHART }).locator('.trend-point').count()).toBe(1);
  });

  it('takes it again by keyboard alone', async () => {
    const { page } = w;
    await page.getByRole('link', { name: 'Take it again' }).focus();
    await page.keyboard.press('Enter');
    await group(page, 0).waitFor();
    // Everything "Neither agree nor disagree" (4): into each group with Tab, then arrows choose.
    for (let i = 0; i < ECR_ITEMS.length; i++) {
      for (let tries = 0; tries < 30; tries++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((name) => (document.activeElement as HTMLInputElement | null)?.name === name, `responses.${i}`)) break;
      }
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(`responses.${i}`);
      await page.keyboard.press('Space');
      for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowDown');
      await expect.poll(() => group(page, i).getByRole('radio', { name: LABELS[3], exact: true }).isChecked()).toBe(true);
    }
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('See my results');
    await page.keyboard.press('Enter');
    await page.getByText('Your answers are saved. Here is what they suggest.').waitFor();
    await page.getByText('Your latest answers place you at 4.0 for worry about the relationship and 4.0 for keeping distance').first().waitFor();
  });

  it('shows both results on each chart and in each table view', async () => {
    const { page } = w;
    for (const name of [ANXIETY_CHART, AVOIDANCE_CHART]) {
      const figure = page.getByRole('figure', { name });
      await expect.poll(() => figure.locator('svg .trend-point').count()).toBe(2);
      await expect.poll(() => figure.locator('table tbody tr').count()).toBe(2);
    }
    const rows = page.getByRole('figure', { name: ANXIETY_CHART }).locator('table tbody tr');
    expect(await rows.nth(0).locator('td').nth(1).textContent()).toBe('6.0');
    expect(await rows.nth(1).locator('td').nth(1).textContent()).toBe('4.0');
    await page.getByRole('img', { name: /^Your latest answers place you at 4\.0/ }).waitFor();
    await expect.poll(() => page.locator('.dimension-plot .plot-point-earlier').count()).toBe(1);
    await page.getByText(/Fraley/).waitFor();
    await page.getByText(/free of charge for research and non-commercial use/).waitFor();
    await expectNoAxeViolations(page, 'ECR-RS results');
  });

  it('deletes a result from the history, and the charts follow', async () => {
    const { page } = w;
    await page.getByRole('button', { name: /^Delete the results from / }).first().click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByText('That result is deleted.').waitFor();
    await expect.poll(() => page.getByRole('figure', { name: ANXIETY_CHART }).locator('svg .trend-point').count()).toBe(1);
    await expect.poll(() => page.getByRole('figure', { name: ANXIETY_CHART }).locator('table tbody tr').count()).toBe(1);
    await expectNoAxeViolations(page, 'ECR-RS results after delete');
    await page.getByRole('link', { name: 'Back to check-ups' }).click();
    await page.getByRole('link', { name: 'See my results for Closeness and worry in my relationship (ECR-RS)' }).waitFor();
    await page.getByText(/^Last taken /).waitFor();
  });

  it('fits 375 px without sideways scrolling, axe clean, on every check-up page', async () => {
    const narrow = await newPage(env.browser, { width: 375, height: 800 });
    try {
      await signIn(narrow.context, env.base, await createVerifiedAccount(env.base, 'Sam'));
      const { page } = narrow;
      await page.goto(`${env.base}/assessments`);
      await page.getByRole('heading', { level: 1, name: 'Check-ups' }).waitFor();
      await expectNoSidewaysScroll(page, 'list at 375');
      await expectNoAxeViolations(page, 'list at 375');
      for (const id of ['ecr-rs', 'csi-4', 'trust-pulse', 'trust-signs']) {
        await page.goto(`${env.base}/assessments/${id}/take`);
        await page.locator('form .assessment-item').first().waitFor();
        await expectNoSidewaysScroll(page, `${id} take at 375`);
        await expectNoAxeViolations(page, `${id} take at 375`);
      }
      // Results with two points, taken through the API for speed.
      for (const responses of [[5, 4, 4, 4], [3, 3, 3, 3]]) {
        const status = await page.evaluate(async (body) => (await fetch('/api/v1/assessments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status, { instrument: 'csi-4', responses });
        expect(status).toBe(201);
      }
      await page.goto(`${env.base}/assessments/csi-4`);
      await expect.poll(() => page.getByRole('figure', { name: 'Satisfaction over time' }).locator('table tbody tr').count()).toBe(2);
      await page.getByText('Many couples who score in this range find it helps to get support', { exact: false }).waitFor();
      await expectNoSidewaysScroll(page, 'CSI-4 results at 375');
      await expectNoAxeViolations(page, 'CSI-4 results at 375');
      await page.goto(`${env.base}/assessments/trust-pulse`);
      await page.getByText('You have not taken this check-up yet.', { exact: false }).waitFor();
      await page.getByText('This is a Trellis check, not a validated scale.', { exact: false }).waitFor();
      await expectNoAxeViolations(page, 'empty results at 375');
      expect(narrow.errors).toEqual([]);
    } finally {
      await narrow.context.close();
    }
  });
});
