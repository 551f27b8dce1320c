/**
 * The couple journey of issue 5 in one run, two people in two browser contexts, all through the
 * pages: Jo invites, Kit joins; both answer today's check-in and the reveal appears on the first
 * person's open page by itself (live, no reload); Jo proposes an agreement and it turns "in force"
 * on Jo's open page when Kit accepts; Kit unlinks and Jo's open page shows the link ended. axe on
 * every state, no console errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, newPage, useBrowser, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

async function answerCheckin(page: Page, mood: string, brightSpot: string): Promise<void> {
  await page.getByRole('radiogroup', { name: 'How are you feeling today?' }).locator('label', { hasText: mood }).click();
  await page.getByLabel('What was a bright spot today?').fill(brightSpot);
  await page.getByRole('button', { name: 'Share my check-in' }).click();
}

describe('the couple journey, live', () => {
  let jo: WatchedPage;
  let kit: WatchedPage;

  beforeAll(async () => {
    jo = await newPage(env.browser);
    kit = await newPage(env.browser, { width: 375, height: 800 });
    await signIn(jo.context, env.base, await createVerifiedAccount(env.base, 'Jo'));
    await signIn(kit.context, env.base, await createVerifiedAccount(env.base, 'Kit'));
  });
  afterAll(async () => {
    await jo.context.close();
    await kit.context.close();
  });

  it('links through the pages: Jo invites, Kit joins with the code', async () => {
    const a = jo.page;
    await a.goto(`${env.base}/couple`);
    await a.getByRole('button', { name: 'Invite my partner' }).click();
    await a.getByRole('button', { name: 'No', exact: true }).click();
    const code = (await a.getByTestId('invite-code').textContent())!.trim();

    const b = kit.page;
    await b.goto(`${env.base}/couple/join?code=${encodeURIComponent(code)}`);
    await b.getByRole('button', { name: 'No', exact: true }).click();
    await b.getByRole('button', { name: 'Link our accounts' }).click();
    await b.getByRole('heading', { name: 'Linked with Jo' }).waitFor();
    // Jo's open page follows by itself.
    await a.getByRole('heading', { name: 'Linked with Kit' }).waitFor({ timeout: 10_000 });
    await expectNoAxeViolations(a, 'linked (live)');
  });

  it('reveals the check-in on the waiting page the moment the second answer arrives', async () => {
    const a = jo.page;
    await a.goto(`${env.base}/couple/checkin`);
    await a.getByRole('heading', { name: 'Today’s questions' }).waitFor();
    await answerCheckin(a, 'Pretty good', 'Soup together after the rain');
    await a.getByRole('heading', { name: 'Saved — waiting for both answers' }).waitFor();
    // A marker that a reload would wipe: the reveal must come without one.
    await a.evaluate(() => Object.assign(window, { __stillThisPage: true }));

    const b = kit.page;
    await b.goto(`${env.base}/couple/checkin`);
    await b.getByRole('heading', { name: 'Today’s questions' }).waitFor();
    await answerCheckin(b, 'Somewhere in between', 'A long call with my brother');
    await b.getByRole('heading', { name: 'Today, side by side' }).waitFor();

    await a.getByRole('heading', { name: 'Today, side by side' }).waitFor({ timeout: 10_000 });
    expect(await a.evaluate(() => (window as unknown as { __stillThisPage?: boolean }).__stillThisPage)).toBe(true);
    expect(await a.textContent('main')).toContain('A long call with my brother');
    await expectNoAxeViolations(a, 'check-in revealed live');
  });

  it('shows an agreement in force on the proposer’s open page once the partner accepts', async () => {
    const a = jo.page;
    await a.goto(`${env.base}/couple/agreements`);
    await a.getByRole('heading', { name: 'Suggest an agreement' }).waitFor();
    await a.getByLabel('Title').fill('Phones at dinner');
    await a.getByLabel('What we agree').fill('Both phones stay in the hall until the dishes are done.');
    await a.getByRole('button', { name: 'Suggest this agreement' }).click();
    await a.getByText('Waiting for your partner', { exact: false }).first().waitFor();

    const b = kit.page;
    await b.goto(`${env.base}/couple/agreements`);
    await b.getByRole('button', { name: 'Accept version 1' }).click();
    await b.getByRole('region', { name: 'In force now (version 1)' }).waitFor();

    await a.getByRole('region', { name: 'In force now (version 1)' }).waitFor({ timeout: 10_000 });
    await expectNoAxeViolations(a, 'agreement in force (live)');
  });

  it('ends the link when Kit unlinks, and Jo’s open page says so', async () => {
    const a = jo.page;
    await a.goto(`${env.base}/couple`);
    await a.getByRole('heading', { name: 'Linked with Kit' }).waitFor();

    const b = kit.page;
    await b.goto(`${env.base}/couple`);
    await b.getByRole('button', { name: 'Unlink' }).click();
    await b.getByRole('button', { name: 'Yes, unlink now' }).click();
    await b.getByText('The link has ended.', { exact: false }).waitFor();

    await a.getByRole('button', { name: 'Invite my partner' }).waitFor({ timeout: 10_000 });
    await a.getByRole('heading', { name: 'Earlier links' }).waitFor();
    await expectNoAxeViolations(a, 'single again (live)');
    expect(jo.errors).toEqual([]);
    expect(kit.errors).toEqual([]);
  });
});
