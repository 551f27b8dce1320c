/**
 * Agreements and boundaries with two people in two browser contexts, linked through the real
 * invitation API: before linking, a kind note (no push); Alex proposes an agreement ("waiting for
 * your partner"); Sam (375 px) sees it waiting for their acceptance, accepts it, and both see it
 * in force; Sam suggests a change, which stays pending while version 1 stays in force. Sam adds a
 * boundary; Alex reads it with no way to change it. axe on every state, no sideways scrolling,
 * no console errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, newPage, useBrowser, expectNoSidewaysScroll, postJson, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

const card = (page: Page, title: string) => page.getByRole('article', { name: title });

describe('agreements and boundaries for two', () => {
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
    for (const [path, heading] of [
      ['/couple/agreements', 'Agreements are made with a partner'],
      ['/couple/boundaries', 'Boundaries are shared with a partner'],
    ] as const) {
      await page.goto(`${env.base}${path}`);
      await page.getByRole('heading', { name: heading }).waitFor();
      expect(await page.getByRole('link', { name: 'About linking with a partner' }).getAttribute('href')).toBe('/couple');
      expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
      await expectNoAxeViolations(page, `${path}, not linked`);
    }
  });

  it('Alex proposes an agreement; Sam accepts it; both see it in force; an edit stays pending', async () => {
    const invite = await postJson(alex, '/api/v1/couple/invites');
    expect(invite.status).toBe(201);
    const joined = await postJson(sam, '/api/v1/couple/join', { code: invite.body.code });
    expect(joined.status).toBe(201);

    const a = alex.page;
    await a.goto(`${env.base}/couple`);
    await a.getByRole('link', { name: 'Agreements' }).click();
    await a.getByRole('heading', { name: 'Suggest an agreement' }).waitFor();
    await expectNoAxeViolations(a, 'agreements, empty');
    await a.getByLabel('Title').fill('Phones at dinner');
    await a.getByLabel('What we agree').fill('Both phones stay in the hall until the dishes are done.');
    await a.getByRole('button', { name: 'Suggest this agreement' }).click();
    await a.getByText('Saved. Your partner will see it and can accept it when they are ready.').waitFor();
    const mine = card(a, 'Phones at dinner');
    await mine.getByText('Waiting for your partner').waitFor();
    expect(await mine.getByRole('button', { name: /^Accept/ }).count()).toBe(0);
    await expectNoAxeViolations(a, 'agreements, waiting for partner');

    const s = sam.page;
    await s.goto(`${env.base}/couple/agreements`);
    const theirs = card(s, 'Phones at dinner');
    await theirs.getByText('Waiting for your acceptance').waitFor();
    expect(await theirs.textContent()).toContain('Both phones stay in the hall until the dishes are done.');
    await expectNoAxeViolations(s, 'agreements, waiting for me, 375 px');
    await expectNoSidewaysScroll(s, 'agreements, 375 px');
    // By keyboard: a real button.
    await theirs.getByRole('button', { name: 'Accept version 1' }).focus();
    await s.keyboard.press('Enter');
    await theirs.getByText('In force — you both accepted this wording').waitFor();
    await theirs.getByText('In force now (version 1)').waitFor();

    await a.reload();
    await card(a, 'Phones at dinner').getByText('In force — you both accepted this wording').waitFor();
    await expectNoAxeViolations(a, 'agreements, active');

    // Sam suggests a change: version 1 stays in force until Alex accepts version 2.
    await theirs.getByRole('button', { name: 'Suggest a change to “Phones at dinner”' }).click();
    const form = s.getByRole('region', { name: 'Suggest a change to “Phones at dinner”' });
    await form.getByLabel('What we agree').fill('Phones stay in the hall, except when a parent calls.');
    await expectNoAxeViolations(s, 'agreements, editing, 375 px');
    await form.getByRole('button', { name: 'Suggest this version' }).click();
    await s.getByText('Your suggested version is saved. It will count once your partner accepts it too.').waitFor();
    await theirs.getByText('Waiting for your partner').waitFor();
    await theirs.getByText('Suggested change (version 2)').waitFor();
    await theirs.getByText('In force now (version 1)').waitFor();

    await a.reload();
    const again = card(a, 'Phones at dinner');
    await again.getByText('Waiting for your acceptance').waitFor();
    expect(await again.getByRole('region', { name: 'In force now (version 1)' }).textContent()).toContain('Both phones stay in the hall until the dishes are done.');
    expect(await again.getByRole('region', { name: 'Suggested change (version 2)' }).textContent()).toContain('except when a parent calls');
    await again.getByRole('button', { name: 'Show every version of “Phones at dinner”' }).click();
    await again.getByRole('heading', { name: 'Every version of “Phones at dinner”' }).waitFor();
    expect(await again.getByRole('region', { name: 'Every version of “Phones at dinner”' }).getByRole('listitem').count()).toBe(2);
    await expectNoAxeViolations(a, 'agreements, pending edit with history');
    await again.getByRole('button', { name: 'Accept version 2' }).click();
    await again.getByText('In force now (version 2)').waitFor();
    expect(await again.getByText('Suggested change', { exact: false }).count()).toBe(0);

    expect(alex.errors).toEqual([]);
    expect(sam.errors).toEqual([]);
  });

  it('Sam adds a boundary; Alex reads it and cannot change it', async () => {
    const s = sam.page;
    await s.goto(`${env.base}/couple/boundaries`);
    await s.getByRole('heading', { name: 'Add a boundary' }).waitFor();
    await s.getByLabel('My boundary').fill('I need a quiet half hour after work before we talk about plans.');
    await s.getByRole('button', { name: 'Add this boundary' }).click();
    await s.getByText('Your boundary is saved. Your partner can read it.').waitFor();
    const myList = s.getByRole('region', { name: 'My boundaries' });
    await myList.getByText('I need a quiet half hour after work before we talk about plans.').waitFor();
    expect(await myList.getByRole('button', { name: /^Reword this boundary/ }).count()).toBe(1);
    await expectNoAxeViolations(s, 'boundaries, one added, 375 px');
    await expectNoSidewaysScroll(s, 'boundaries, 375 px');

    const a = alex.page;
    await a.goto(`${env.base}/couple/boundaries`);
    const partners = a.getByRole('region', { name: "My partner's boundaries" });
    await partners.getByText('I need a quiet half hour after work before we talk about plans.').waitFor();
    expect(await partners.getByRole('button').count()).toBe(0);
    await expectNoAxeViolations(a, 'boundaries, partner’s');

    // Sam rewords it; Alex sees the new words.
    await myList.getByRole('button', { name: /^Reword this boundary/ }).click();
    await myList.getByLabel('My boundary').fill('I need a quiet hour after work before we talk about plans.');
    await myList.getByRole('button', { name: 'Save the new wording' }).click();
    await s.getByText('Your boundary is updated.').waitFor();
    await a.reload();
    await partners.getByText('I need a quiet hour after work before we talk about plans.').waitFor();

    expect(alex.errors).toEqual([]);
    expect(sam.errors).toEqual([]);
  });
});
