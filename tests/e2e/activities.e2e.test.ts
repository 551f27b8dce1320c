/**
 * Activities and the repair log with two people in two browser contexts, linked through the real
 * invitation API: before linking, a kind note (no push) and a readable library; Alex plans an
 * activity and marks it done; both reflect and each reads the other's reflection; Sam (375 px)
 * logs a repair and Alex reads it, with no way to change it. axe on every state, no sideways
 * scrolling, no console errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, newPage, useBrowser, expectNoSidewaysScroll, postJson, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

describe('activities and the repair log for two', () => {
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

  it('shows a kind note, not a push, before linking; the library stays readable', async () => {
    const page = sam.page;
    await page.goto(`${env.base}/couple/activities`);
    await page.getByRole('heading', { name: 'Activities are for doing with a partner' }).waitFor();
    expect(await page.getByRole('link', { name: 'About linking with a partner' }).getAttribute('href')).toBe('/couple');
    await page.getByRole('heading', { name: 'Easy places to start' }).waitFor();
    await page.getByRole('heading', { name: 'When you both feel ready' }).waitFor();
    expect(await page.getByRole('button', { name: /^Plan this/ }).count()).toBe(0);
    await expectNoSidewaysScroll(page, 'activities, not linked, 375');
    await expectNoAxeViolations(page, 'activities, not linked');

    await page.goto(`${env.base}/couple/repairs`);
    await page.getByRole('heading', { name: 'The repair log is shared with a partner' }).waitFor();
    expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
    await expectNoAxeViolations(page, 'repairs, not linked');
  });

  it('Alex plans an activity and marks it done; both reflect; each reads the other; Sam logs a repair that Alex reads', async () => {
    const invite = await postJson(alex, '/api/v1/couple/invites');
    expect(invite.status).toBe(201);
    const joined = await postJson(sam, '/api/v1/couple/join', { code: invite.body.code });
    expect(joined.status).toBe(201);

    const a = alex.page;
    await a.goto(`${env.base}/couple`);
    await a.getByRole('link', { name: 'Activities to try together' }).click();
    await a.getByRole('heading', { name: 'Coming up' }).waitFor();
    await a.getByText('Nothing planned yet.', { exact: false }).waitFor();
    await expectNoAxeViolations(a, 'activities, linked, empty');

    await a.getByText('Show the steps').first().click();
    await a.getByText('The listener simply says thank you', { exact: false }).waitFor();
    await a.getByRole('button', { name: 'Plan this: Three appreciations' }).click();
    await a.getByLabel('When would you like to do it? (optional)').fill('2026-12-06');
    await expectNoAxeViolations(a, 'activities, planning');
    await a.getByRole('button', { name: 'Plan this: Three appreciations' }).click();
    await a.getByText('Planned. You will find it under “Coming up”.').waitFor();
    await a.getByText('You planned this', { exact: false }).waitFor();
    await expectNoAxeViolations(a, 'activities, planned');

    await a.getByRole('button', { name: 'We did it: Three appreciations' }).click();
    await a.getByText('Marked as done.', { exact: false }).waitFor();
    await a.getByText('Your partner has not written a reflection yet.').waitFor();
    await a.getByLabel('How did it go?').fill('We laughed about the lost umbrella.');
    await a.getByLabel('What did you notice or learn?').fill('Being thanked out loud felt warm.');
    await expectNoAxeViolations(a, 'activities, reflection form');
    await a.getByRole('button', { name: 'Save my reflection' }).click();
    await a.getByText('Your reflection is saved.', { exact: false }).waitFor();
    await a.getByText('We laughed about the lost umbrella.').waitFor();

    const s = sam.page;
    await s.goto(`${env.base}/couple/activities`);
    await s.getByRole('heading', { name: 'Done together' }).waitFor();
    await s.getByText('We laughed about the lost umbrella.').waitFor();
    await s.getByText('Being thanked out loud felt warm.').waitFor();
    await s.getByLabel('How did it go?').fill('A little shy at first, then easy.');
    await s.getByLabel('What did you notice or learn?').fill('I want to do this on Sundays.');
    await s.getByRole('button', { name: 'Save my reflection' }).click();
    await s.getByText('Your reflection is saved.', { exact: false }).waitFor();
    await expectNoSidewaysScroll(s, 'activities, both reflected, 375');
    await expectNoAxeViolations(s, 'activities, both reflected, 375');

    await a.reload();
    await a.getByText('A little shy at first, then easy.').waitFor();
    await a.getByText('I want to do this on Sundays.').waitFor();
    await a.getByRole('button', { name: 'Change my reflection: Three appreciations' }).waitFor();
    await expectNoAxeViolations(a, 'activities, both reflected');

    // Sam logs a repair.
    await s.goto(`${env.base}/couple`);
    await s.getByRole('link', { name: 'Repair log' }).click();
    await s.getByRole('heading', { name: 'Log a repair' }).waitFor();
    await expectNoAxeViolations(s, 'repairs, empty, 375');
    await s.getByLabel('What happened between us').fill('We talked past each other about the holiday plans.');
    await s.getByLabel('What I tried').fill('I asked for ten minutes, then came back to listen.');
    await s.getByLabel('What helped').fill('Sitting side by side with tea.');
    await s.getByRole('button', { name: 'Save entry' }).click();
    await s.getByText('Your entry is saved.', { exact: false }).waitFor();
    await s.getByRole('heading', { name: /^Your entry, / }).waitFor();
    await expectNoSidewaysScroll(s, 'repairs, one entry, 375');
    await expectNoAxeViolations(s, 'repairs, one entry, 375');

    await a.goto(`${env.base}/couple/repairs`);
    await a.getByRole('heading', { name: /^Your partner’s entry, / }).waitFor();
    await a.getByText('We talked past each other about the holiday plans.').waitFor();
    await a.getByText('Sitting side by side with tea.').waitFor();
    expect(await a.getByRole('button', { name: /^Change the entry/ }).count()).toBe(0);
    expect(await a.getByRole('button', { name: /^Remove the entry/ }).count()).toBe(0);
    await expectNoAxeViolations(a, 'repairs, partner entry');
  });
});
