/**
 * The remaining pages a person can reach: forgot and reset password through the mailed link,
 * the not-found page and the API reference. axe on each; no console errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, newPage, useBrowser } from './browser.ts';
import { createVerifiedAccount } from './session.ts';

const env = useBrowser();

describe('other pages', () => {
  it('resets a forgotten password through the mailed link, then signs in with the new one', async () => {
    const account = await createVerifiedAccount(env.base, 'Casey');
    const w = await newPage(env.browser);
    const { page } = w;
    await page.goto(`${env.base}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await expectNoAxeViolations(page, 'forgot password');
    await page.getByLabel('Email address').fill(account.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.textContent('main')).toContain('If an account exists for that address');
    await expectNoAxeViolations(page, 'forgot password sent');

    await page.goto(`${env.base}/dev/mail`);
    await page.getByRole('link', { name: /Reset your Trellis password/ }).first().click();
    await page.locator('pre a').first().click();
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await expectNoAxeViolations(page, 'reset password');
    await page.getByLabel('New password', { exact: true }).fill('a fresh new passphrase');
    await page.getByLabel('New password, again').fill('a fresh new passphrase');
    await page.getByRole('button', { name: 'Save new password' }).click();
    await page.getByRole('heading', { name: 'Password saved' }).waitFor();
    await expectNoAxeViolations(page, 'password saved');

    await page.goto(`${env.base}/sign-in`);
    await page.getByLabel('Email address').fill(account.email);
    await page.getByLabel('Password', { exact: true }).fill('a fresh new passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Welcome, Casey' }).waitFor();
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('shows a kind not-found page', async () => {
    const w = await newPage(env.browser);
    await w.page.goto(`${env.base}/no-such-page`);
    await w.page.getByRole('heading', { name: 'We couldn’t find that page' }).waitFor();
    await expectNoAxeViolations(w.page, 'not found');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('renders the API reference under its own CSP', async () => {
    const w = await newPage(env.browser);
    await w.page.goto(`${env.base}/api/docs/`);
    await w.page.getByText('Trellis API').first().waitFor();
    await w.page.getByText('/api/v1/profile').first().waitFor();
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
