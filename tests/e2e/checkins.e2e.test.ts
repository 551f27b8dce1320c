/**
 * The daily check-in with two people in two browser contexts: linked through the real invitation
 * API, each answers, the first waits calmly without learning anything, and after a reload each sees
 * both answers side by side; after unlinking both keep the day as an archive. axe on every state, 375 px without sideways scrolling, no console errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, newPage, useBrowser, expectNoSidewaysScroll, postJson, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

async function answer(page: Page, mood: string, texts: Record<string, string>): Promise<void> {
  await page.getByRole('radiogroup', { name: 'How are you feeling today?' }).locator('label', { hasText: mood }).click();
  for (const [label, text] of Object.entries(texts)) await page.getByLabel(label).fill(text);
  await page.getByRole('button', { name: 'Share my check-in' }).click();
}

describe('daily check-in for two', () => {
  let alex: WatchedPage;
  let sam: WatchedPage;

  beforeAll(async () => {
    alex = await newPage(env.browser);
    sam = await newPage(env.browser, { width: 375, height: 800 });
    await signIn(alex.context, env.base, await createVerifiedAccount(env.base, 'Alex'));
    await signIn(sam.context, env.base, await createVerifiedAccount(env.base, 'Sam'));
  });
  afterAll(async () => {
    await alex.context.close();
    await sam.context.close();
  });

  it('shows a kind note, not a push, before linking', async () => {
    const { page } = alex;
    await page.goto(`${env.base}/couple/checkin`);
    await page.getByRole('heading', { name: 'Daily check-in', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Check-ins are for two' }).waitFor();
    expect(await page.getByRole('link', { name: 'About the Together space' }).getAttribute('href')).toBe('/couple');
    expect(await page.getByRole('button', { name: 'Share my check-in' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'check-in, not linked');
  });

  it('links through an invitation, both answer, and each sees both after a reload', async () => {
    const invite = await postJson(alex, '/api/v1/couple/invites');
    expect(invite.status).toBe(201);
    const joined = await postJson(sam, '/api/v1/couple/join', { code: invite.body.code });
    expect(joined.status).toBe(201);

    const a = alex.page;
    await a.reload();
    await a.getByRole('heading', { name: 'Today’s questions' }).waitFor();
    await expectNoAxeViolations(a, 'check-in form');
    await answer(a, 'Pretty good', { 'What was a bright spot today?': 'Coffee on the balcony in the sun', 'Is there something you would like from your partner?': 'A walk after dinner' });
    await a.getByRole('heading', { name: 'Saved — waiting for both answers' }).waitFor();
    expect(await a.textContent('main')).toContain('Coffee on the balcony in the sun');
    await expectNoAxeViolations(a, 'check-in, waiting');

    // Sam has not answered: nothing on the page says whether Alex has.
    const s = sam.page;
    await s.goto(`${env.base}/couple/checkin`);
    await s.getByRole('heading', { name: 'Today’s questions' }).waitFor();
    expect(await s.textContent('main')).not.toContain('Coffee on the balcony');
    expect(await s.textContent('main')).not.toContain('waiting');
    await expectNoAxeViolations(s, 'check-in form, 375 px');
    await expectNoSidewaysScroll(s, 'check-in form, 375 px');
    // By keyboard alone: arrows move through the moods, Tab reaches the questions and the button.
    await s.getByRole('radio', { name: 'Having a hard time' }).focus();
    await s.keyboard.press('ArrowDown');
    await s.keyboard.press('ArrowDown');
    expect(await s.getByRole('radio', { name: 'Somewhere in between' }).isChecked()).toBe(true);
    await s.keyboard.press('Tab');
    await s.keyboard.press('Tab');
    await s.keyboard.press('Tab');
    await s.keyboard.type('You fixed the bike without being asked');
    expect(await s.getByLabel('Something you appreciated about your partner').inputValue()).toBe('You fixed the bike without being asked');
    await s.getByRole('button', { name: 'Share my check-in' }).focus();
    await s.keyboard.press('Enter');
    await s.getByRole('heading', { name: 'Today, side by side' }).waitFor();
    expect(await s.textContent('main')).toContain('Coffee on the balcony in the sun');

    await s.reload();
    await s.getByRole('heading', { name: 'Today, side by side' }).waitFor();
    const samMain = await s.textContent('main');
    expect(samMain).toContain('Coffee on the balcony in the sun');
    expect(samMain).toContain('You fixed the bike without being asked');
    await expectNoAxeViolations(s, 'check-in revealed, 375 px');
    await expectNoSidewaysScroll(s, 'check-in revealed, 375 px');

    await a.reload();
    await a.getByRole('heading', { name: 'Today, side by side' }).waitFor();
    const alexMain = await a.textContent('main');
    expect(alexMain).toContain('You fixed the bike without being asked');
    expect(alexMain).toContain('3 of 5 — Somewhere in between');
    expect(alexMain).toContain('You checked in on 1 of the last 28 days, and on 1 of them you both did.');
    await a.getByText('Show as a table').click();
    await a.getByRole('columnheader', { name: 'Both checked in' }).waitFor();
    await expectNoAxeViolations(a, 'check-in revealed, with the table open');

    expect(alex.errors).toEqual([]);
    expect(sam.errors).toEqual([]);
  });

  it('after unlinking, keeps the day as a read-only archive for both and asks nothing new', async () => {
    expect((await postJson(sam, '/api/v1/couple/unlink')).status).toBe(200);
    for (const w of [alex, sam]) {
      await w.page.reload();
      await w.page.getByRole('heading', { name: 'Check-ins are for two' }).waitFor();
      await w.page.getByText('Archive', { exact: true }).waitFor();
      const main = await w.page.textContent('main');
      expect(main).toContain('Coffee on the balcony in the sun');
      expect(main).toContain('You fixed the bike without being asked');
      expect(await w.page.getByRole('button', { name: 'Share my check-in' }).count()).toBe(0);
      await expectNoAxeViolations(w.page, 'check-in archive');
      await expectNoSidewaysScroll(w.page, 'check-in archive');
      expect(w.errors).toEqual([]);
    }
  });
});
