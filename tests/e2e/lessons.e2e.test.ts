/**
 * Lessons and "Is it time to talk to a therapist?" in real Chromium: the list, one reading with
 * its sources and "Try this" links (followed), the guidance page with its rules and resources;
 * axe clean on each, at desktop width and 375 px without sideways scrolling, and reachable by
 * keyboard. Lesson bodies load as their own chunk, not with the home page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, newPage, useBrowser, expectNoSidewaysScroll, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

async function tabTo(page: Page, name: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((n) => document.activeElement?.textContent?.trim() === n, name)) return;
  }
  throw new Error(`could not reach "${name}" by keyboard`);
}

const loadedScripts = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.js')),
  );

describe('Lessons and therapy guidance', () => {
  let w: WatchedPage;
  let account: { email: string; password: string };

  beforeAll(async () => {
    w = await newPage(env.browser);
    account = await createVerifiedAccount(env.base, 'Robin');
    await signIn(w.context, env.base, account);
  });
  afterAll(() => w.context.close());

  it('lists the lessons by group with summaries and reading time, and links the guidance page', async () => {
    const { page } = w;
    await page.goto(`${env.base}/home`);
    await page.getByRole('heading', { name: 'Welcome, Robin' }).waitFor();
    await page.getByRole('link', { name: 'Is it time to talk to a therapist?' }).waitFor();
    // The home page does not load any lesson's words.
    expect((await loadedScripts(page)).some((p) => /where-trust|attachment-tendencies|Lesson-/.test(p))).toBe(false);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lessons' }).waitFor();
    for (const group of ['Understanding your reactions', 'Talking and listening', 'Rebuilding, one step at a time', 'Getting support']) {
      await page.getByRole('heading', { level: 2, name: group }).waitFor();
    }
    expect(await page.getByRole('heading', { level: 3 }).count()).toBeGreaterThanOrEqual(12);
    await page.getByText('2 min read').first().waitFor();
    await page.getByRole('link', { name: 'Is it time to talk to a therapist?' }).waitFor();
    await expectNoAxeViolations(page, 'lessons');
    expect(w.errors).toEqual([]);
  });

  it('reads one lesson, with its sources and the not-therapy reminder, and follows a "Try this" link', async () => {
    const { page } = w;
    await page.getByRole('link', { name: 'Attachment: anxious and avoidant tendencies' }).click();
    await page.getByRole('heading', { level: 1, name: 'Attachment: anxious and avoidant tendencies' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tendencies, not labels' }).waitFor();
    await page.getByRole('heading', { name: 'Sources' }).waitFor();
    await page.getByText(/Hazan and Phillip Shaver \(1987\)/).waitFor();
    await page.getByText(/not therapy/).first().waitFor();
    expect(await page.title()).toBe('Attachment: anxious and avoidant tendencies · Trellis');
    await expectNoAxeViolations(page, 'lesson');

    const tryThis = page.getByRole('region', { name: 'Try this' });
    await tryThis.getByRole('link', { name: 'Answer a reflection prompt' }).click();
    await page.waitForURL(`${env.base}/journal/prompts`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // …and the prompts page links back to the lesson.
    await page.getByRole('link', { name: 'Learn more: Attachment: anxious and avoidant tendencies' }).click();
    await page.getByRole('heading', { level: 1, name: 'Attachment: anxious and avoidant tendencies' }).waitFor();
    expect(w.errors).toEqual([]);
  });

  it('answers an unknown lesson kindly', async () => {
    const { page } = w;
    await page.goto(`${env.base}/lessons/no-such-lesson`);
    await page.getByRole('heading', { level: 1, name: 'Lesson not found' }).waitFor();
    await expectNoAxeViolations(page, 'unknown lesson');
    expect(w.errors).toEqual([]);
  });

  it('shows the guidance page: every rule with my numbers, the suggestion after a recurring topic, directory and crisis lines', async () => {
    const { page } = w;
    await page.goto(`${env.base}/guidance`);
    await page.getByRole('heading', { level: 1, name: 'Is it time to talk to a therapist?' }).waitFor();
    await page.getByText('Nothing in your recent entries or check-ups stands out right now', { exact: false }).waitFor();
    expect(await page.getByText('Applies', { exact: true }).count()).toBe(0);
    await page.getByText('Nothing here is shared with anyone', { exact: false }).waitFor();
    await page.getByRole('link', { name: /Search a therapist directory/ }).waitFor();
    await page.getByRole('heading', { name: 'If you need someone to talk to sooner' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: /Call 988/ }).waitFor();
    await page.getByRole('link', { name: 'What individual therapy can offer' }).waitFor();
    await expectNoAxeViolations(page, 'guidance (nothing noticed)');

    // Five entries on one topic, written through the API as the app would.
    await page.evaluate(async () => {
      for (let i = 0; i < 5; i++) {
        const response = await fetch('/api/v1/journal/entries', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ kind: 'quick_capture', occurredAt: new Date(Date.now() - (i + 1) * 86_400_000).toISOString(), timeZone: 'UTC', topic: 'money', intensityBefore: 50 }),
        });
        if (response.status !== 201) throw new Error(`entry not saved: ${response.status}`);
      }
    });
    await page.reload();
    await page.getByText('Some people in a similar place find it helpful to talk with a therapist on their own', { exact: false }).waitFor();
    await page.getByText('You wrote about “Money” in 5 entries over the last 30 days.').waitFor();
    expect(await page.getByText('Applies', { exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page, 'guidance (recurring topic)');

    // Keyboard: the directory link is reachable with Tab.
    await page.getByRole('heading', { level: 1 }).focus();
    await tabTo(page, 'Search a therapist directory (opens another website in a new tab)');
    expect(w.errors).toEqual([]);
  });

  it('fits 375 px without sideways scrolling, axe clean', async () => {
    const narrow = await newPage(env.browser, { width: 375, height: 740 });
    await signIn(narrow.context, env.base, account);
    for (const [path, heading] of [
      ['/lessons', 'Lessons'],
      ['/lessons/couples-therapy', 'What couples therapy can offer'],
      ['/guidance', 'Is it time to talk to a therapist?'],
    ] as const) {
      await narrow.page.goto(`${env.base}${path}`);
      await narrow.page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await narrow.page.waitForLoadState('networkidle');
      await expectNoSidewaysScroll(narrow.page, path);
      await expectNoAxeViolations(narrow.page, `${path} at 375 px`);
    }
    expect(narrow.errors).toEqual([]);
    await narrow.context.close();
  });

  it('opens a lesson from the keyboard alone', async () => {
    const { page } = w;
    await page.goto(`${env.base}/lessons`);
    await page.getByRole('heading', { level: 1, name: 'Lessons' }).waitFor();
    await tabTo(page, 'Boundaries that protect, not control');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Boundaries that protect, not control' }).waitFor();
    await page.getByRole('heading', { name: 'Try this' }).waitFor();
    expect(w.errors).toEqual([]);
  });
});
