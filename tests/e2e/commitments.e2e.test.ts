/**
 * Commitments with two people in two browser contexts, linked through the real invitation API:
 * before linking, a kind note (no push); Alex makes a daily commitment and marks today kept; Sam
 * (375 px) sees "kept 1 of 1" on Alex's commitment, read only. A miss offers a repair prompt;
 * renegotiating keeps the earlier version on record; ending keeps it visible to both. axe on
 * every state, no sideways scrolling, no console errors. After unlinking, a read-only archive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, newPage, useBrowser, expectNoSidewaysScroll, postJson, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

const card = (page: Page, title: string) => page.getByRole('article', { name: new RegExp(`^${title}`) });

describe('commitments for two', () => {
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
    await page.goto(`${env.base}/couple/commitments`);
    await page.getByRole('heading', { name: 'Commitments', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Commitments are shared with a partner' }).waitFor();
    expect(await page.getByRole('link', { name: 'About linking with a partner' }).getAttribute('href')).toBe('/couple');
    expect(await page.getByRole('button', { name: 'Make this commitment' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'commitments, not linked');
  });

  it('Alex makes a daily commitment and keeps it today; Sam sees “kept 1 of 1”, read only', async () => {
    const invite = await postJson(alex, '/api/v1/couple/invites');
    expect(invite.status).toBe(201);
    const joined = await postJson(sam, '/api/v1/couple/join', { code: invite.body.code });
    expect(joined.status).toBe(201);

    const a = alex.page;
    await a.reload();
    await a.getByRole('heading', { name: 'Make a commitment' }).waitFor();
    await expectNoAxeViolations(a, 'commitments, empty');
    await a.getByLabel('What I will do').fill('Put my phone away at dinner');
    await a.getByLabel('Details (optional)').fill('In the hall drawer until the dishes are done');
    expect(await a.getByRole('radio', { name: 'Every day' }).isChecked()).toBe(true);
    await a.getByRole('button', { name: 'Make this commitment' }).click();
    const mine = card(a, 'Put my phone away at dinner');
    await mine.getByText('Due today').waitFor();
    await a.getByText('Your commitment is saved. Your partner can see it.').waitFor();
    expect(await mine.textContent()).toContain('Every day');
    await expectNoAxeViolations(a, 'commitments, one made');

    await a.getByRole('button', { name: 'I kept it today: “Put my phone away at dinner”' }).click();
    await mine.getByText('Kept 1 of 1 in the last 30 days').waitFor();
    await mine.getByText('Marked as kept today.').waitFor();
    expect(await a.getByRole('button', { name: 'I kept it today: “Put my phone away at dinner”' }).getAttribute('aria-pressed')).toBe('true');

    const s = sam.page;
    await s.goto(`${env.base}/couple/commitments`);
    await s.getByRole('heading', { name: "My partner's commitments" }).waitFor();
    const theirs = card(s, 'Put my phone away at dinner');
    await theirs.getByText('Kept 1 of 1 in the last 30 days').waitFor();
    expect(await theirs.textContent()).toContain('In the hall drawer until the dishes are done');
    expect(await theirs.getByRole('button').count()).toBe(0);
    await theirs.getByText('Show as a table').click();
    await theirs.getByRole('columnheader', { name: 'Kept' }).waitFor();
    await expectNoAxeViolations(s, 'partner’s commitments, 375 px, table open');
    await expectNoSidewaysScroll(s, 'partner’s commitments, 375 px');
  });

  it('a miss offers a repair prompt; renegotiating keeps the earlier version; ending keeps it visible', async () => {
    const a = alex.page;
    await a.getByLabel('What I will do').fill('Text when I run late');
    await a.getByRole('radiogroup', { name: 'How often' }).locator('label', { hasText: 'Once' }).click();
    await a.getByRole('button', { name: 'Make this commitment' }).click();
    await card(a, 'Text when I run late').getByText('Due today').waitFor();
    // By keyboard: the buttons are real buttons.
    await a.getByRole('button', { name: 'I missed it today: “Text when I run late”' }).focus();
    await a.keyboard.press('Enter');
    await a.getByRole('heading', { name: 'A miss is a moment to repair, not a mark against you' }).waitFor();
    expect(await a.evaluate(() => document.activeElement?.textContent)).toContain('A miss is a moment to repair');
    await expectNoAxeViolations(a, 'commitments, repair prompt');
    await a.getByRole('button', { name: 'Close' }).click();

    await a.getByRole('button', { name: 'Renegotiate “Put my phone away at dinner”' }).click();
    const form = a.getByRole('region', { name: 'Renegotiate “Put my phone away at dinner”' });
    await form.getByRole('radiogroup', { name: 'How often' }).locator('label', { hasText: 'On chosen days of the week' }).click();
    await form.getByRole('group', { name: 'Which days' }).locator('label', { hasText: 'Sat' }).click();
    await form.getByRole('group', { name: 'Which days' }).locator('label', { hasText: 'Sun' }).click();
    await expectNoAxeViolations(a, 'commitments, renegotiating');
    await form.getByRole('button', { name: 'Save the new version' }).click();
    await a.getByText('The new version is saved. The earlier one stays on record.').waitFor();
    await a.getByRole('heading', { name: 'Earlier versions and ended commitments' }).waitFor();
    const active = a.getByRole('region', { name: 'My commitments' });
    await active.getByText('Every week on Saturday, Sunday').waitFor();
    const earlier = a.getByRole('region', { name: 'Earlier versions and ended commitments' });
    await earlier.getByText('Kept 1 of 1 in the last 30 days').waitFor();
    expect(await earlier.textContent()).toContain('Renegotiated');

    await a.getByRole('button', { name: 'End “Text when I run late”' }).focus();
    await a.keyboard.press('Enter');
    await a.getByRole('button', { name: 'Yes, end it' }).focus();
    await a.keyboard.press('Space');
    await a.getByText('The commitment is ended. It stays on record for both of you.').waitFor();
    await expectNoAxeViolations(a, 'commitments, after ending');

    const s = sam.page;
    await s.reload();
    const past = s.getByRole('region', { name: 'Earlier versions and ended commitments' });
    await past.getByText('Text when I run late').waitFor();
    expect(await past.textContent()).toContain('Ended');
    await expectNoAxeViolations(s, 'partner’s commitments after changes, 375 px');
    await expectNoSidewaysScroll(s, 'partner’s commitments after changes, 375 px');

    expect(alex.errors).toEqual([]);
    expect(sam.errors).toEqual([]);
  });

  it('after unlinking, both keep a read-only archive', async () => {
    const unlinked = await postJson(sam, '/api/v1/couple/unlink');
    expect(unlinked.status).toBeLessThan(300);
    const a = alex.page;
    await a.reload();
    await a.getByText('You are no longer linked.', { exact: false }).waitFor();
    expect(await a.getByRole('button', { name: 'Make this commitment' }).count()).toBe(0);
    expect(await a.getByRole('main').getByRole('button', { name: /^I kept it|^I missed it|^Renegotiate|^End/ }).count()).toBe(0);
    await a.getByRole('region', { name: 'Earlier versions and ended commitments' }).getByText('Text when I run late').waitFor();
    await expectNoAxeViolations(a, 'commitments, archive');
    expect(alex.errors).toEqual([]);
  });
});
