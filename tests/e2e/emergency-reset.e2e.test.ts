/**
 * The emergency reset in real Chromium (docs/decisions/029), by keyboard alone: from Settings to
 * the reset page, the confirm step (Cancel changes nothing), then — with the browser offline —
 * "Yes, reset now" says it could not reach Trellis and offers to try again; back online, it goes
 * through and shows what it did in counts. The other session is signed out, the partner sees an
 * ordinary unlinked state, every step passes axe, and Quick exit still works on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, newPage, postJson, useBrowser, type WatchedPage } from './browser.ts';
import { NEUTRAL_URL } from './global-setup.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();
const OFFLINE_NETWORK_ERROR = /net::ERR_INTERNET_DISCONNECTED|Failed to fetch|NetworkError/;

async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} by keyboard`);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('emergency reset', () => {
  let me: WatchedPage;
  let other: WatchedPage; // the same person, signed in elsewhere
  let partner: WatchedPage;

  beforeAll(async () => {
    me = await newPage(env.browser, { neutralUrl: NEUTRAL_URL });
    other = await newPage(env.browser);
    partner = await newPage(env.browser);
    const account = await createVerifiedAccount(env.base, 'Rowan');
    await signIn(me.context, env.base, account);
    await signIn(other.context, env.base, account);
    await signIn(partner.context, env.base, await createVerifiedAccount(env.base, 'Emery'));
    const invite = await postJson(me, '/api/v1/couple/invites');
    expect(invite.status).toBe(201);
    expect((await postJson(partner, '/api/v1/couple/join', { code: invite.body.code })).status).toBe(201);
  });
  afterAll(async () => {
    await Promise.all([me.context.close(), other.context.close(), partner.context.close()]);
  });

  it('is linked from Settings and explains what it will do; Cancel changes nothing', async () => {
    const { page } = me;
    await page.goto(`${env.base}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await tabTo(page, 'a[href="/settings/emergency-reset"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Emergency reset' }).waitFor();
    await page.getByText('Signs you out on every other device and browser. You stay signed in here.').waitFor();
    await page.getByText('Nobody is told that you used this', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Quick exit' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'emergency reset');

    await tabTo(page, '.emergency-reset button.button-danger');
    expect(await focusedText(page)).toBe('Reset now…');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Reset everything now?' });
    await dialog.waitFor();
    expect(await focusedText(page)).toBe('Cancel');
    await expectNoAxeViolations(page, 'emergency reset, confirm');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);

    // Nothing happened.
    const still = await other.page.request.get(`${env.base}/api/v1/profile`);
    expect(still.status()).toBe(200);
  });

  it('offline: says it could not reach Trellis and offers to try again; back online it goes through', async () => {
    const { page, context } = me;
    const errorsFrom = me.errors.length;
    await page.getByRole('button', { name: 'Reset now…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Reset everything now?' });
    await dialog.waitFor();
    await context.setOffline(true);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedText(page)).toBe('Yes, reset now');
    await page.keyboard.press('Enter');

    const alert = page.getByRole('alert').filter({ hasText: 'We couldn’t reach Trellis, so nothing has been reset yet.' });
    await alert.waitFor();
    const tryAgain = page.getByRole('button', { name: 'Try again' });
    await tryAgain.waitFor();
    await expectNoAxeViolations(page, 'emergency reset, offline');
    // Trying again while still offline says the same, calmly.
    await tryAgain.focus();
    await page.keyboard.press('Enter');
    await alert.waitFor();

    await context.setOffline(false);
    // Back online the page tries again by itself; if it has not started yet, trying again by hand works too.
    const done = page.getByRole('heading', { name: 'Done. Here is what changed' });
    if (await tryAgain.isVisible()) {
      await tryAgain.focus().catch(() => undefined);
      await page.keyboard.press('Enter');
    }
    await done.waitFor({ timeout: 20_000 });
    await expect.poll(() => focusedText(page)).toBe('Done. Here is what changed');
    const result = page.getByTestId('reset-result');
    await expect.poll(() => result.textContent()).toContain('Signed out on 1 other device or browser.');
    expect(await result.textContent()).toContain('Unlinked from your partner.');
    expect(await result.textContent()).toContain('You had no therapist links.');
    expect(await result.textContent()).toContain('No remembered devices to forget.');
    await expectNoAxeViolations(page, 'emergency reset, done');

    // The only console errors were the failed requests while offline.
    expect(me.errors.slice(errorsFrom).filter((e) => !OFFLINE_NETWORK_ERROR.test(e))).toEqual([]);
  });

  it('signed out the other session; the partner sees an ordinary unlinked state; this one stays', async () => {
    expect((await other.page.request.get(`${env.base}/api/v1/profile`)).status()).toBe(401);
    expect((await me.page.request.get(`${env.base}/api/v1/profile`)).status()).toBe(200);
    const { page } = partner;
    await page.goto(`${env.base}/couple`);
    await page.getByRole('heading', { level: 1, name: 'Together' }).waitFor();
    await page.getByText('Trellis works fully on your own.', { exact: false }).waitFor();
    const text = (await page.locator('main').textContent())!.toLowerCase();
    expect(text).not.toContain('emergency');
    expect(text).not.toContain('reset');
    expect(partner.errors).toEqual([]);
  });

  it('Quick exit still works on the page', async () => {
    const { page } = me;
    await page.goto(`${env.base}/settings/emergency-reset`);
    await page.getByRole('heading', { level: 1, name: 'Emergency reset' }).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(NEUTRAL_URL);
    expect(await page.title()).toBe('Weather');
  });
});
