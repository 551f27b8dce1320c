/**
 * The first journey, in real Chromium against a real server process: sign up → open the
 * verification mail from the dev outbox → verify → sign in → turn on two-factor → sign out →
 * sign in with a TOTP code (by keyboard alone) → quick exit, after which Back does not return.
 * axe checks every page visited; any console error fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TOTP } from 'otpauth';
import { expectNoAxeViolations, newPage, useBrowser, type WatchedPage } from './browser.ts';
import { NEUTRAL_URL } from './global-setup.ts';

const env = useBrowser();

const password = 'violet harbour steady morning';

function codeFor(secret: string, stepOffset = 0) {
  return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + stepOffset * 30_000 });
}

async function openLatestMailLink(page: Page, to: string): Promise<void> {
  await page.goto(`${env.base}/dev/mail`);
  await expectNoAxeViolations(page, 'dev outbox');
  await page.getByRole('link', { name: /Confirm your email/ }).first().click();
  await expect.poll(() => page.textContent('main')).toContain(to);
  await page.locator('pre a').first().click();
}

async function tabTo(page: Page, selector: string, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} by keyboard`);
}

describe('first journey', () => {
  let w: WatchedPage;
  const email = `e2e-${Date.now()}@example.com`;
  let secret = '';

  beforeAll(async () => {
    w = await newPage(env.browser, { neutralUrl: NEUTRAL_URL });
  });
  afterAll(() => w.context.close());

  it('shows an honest landing page', async () => {
    const { page } = w;
    await page.goto(env.base);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
    await expect.poll(() => page.textContent('body')).toContain('not therapy');
    await expect.poll(() => page.textContent('body')).toContain('988');
    await expectNoAxeViolations(page, 'landing');
  });

  it('signs up and is asked to check email', async () => {
    const { page } = w;
    await page.getByRole('link', { name: 'Create a free account' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await expectNoAxeViolations(page, 'sign-up');
    await page.getByLabel('Your name').fill('Alex');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await expectNoAxeViolations(page, 'check your email');
  });

  it('verifies the email from the dev outbox link', async () => {
    const { page } = w;
    await openLatestMailLink(page, email);
    await page.getByRole('heading', { name: 'Your email is confirmed' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/verified');
    await expectNoAxeViolations(page, 'verified');
  });

  it('signs in and reaches home', async () => {
    const { page } = w;
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectNoAxeViolations(page, 'sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Welcome, Alex' }).waitFor();
    await expectNoAxeViolations(page, 'home');
  });

  it('turns on two-factor from settings', async () => {
    const { page } = w;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'settings');
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await page.getByRole('button', { name: 'Continue' }).click();
    const key = page.locator('code.secret');
    await key.waitFor();
    secret = ((await key.textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expectNoAxeViolations(page, 'two-factor setup');
    await page.getByLabel('6-digit code').fill(codeFor(secret));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByRole('heading', { name: 'Your backup codes' }).waitFor();
    expect(await page.locator('.backup-codes li').count()).toBe(10);
    await expectNoAxeViolations(page, 'backup codes');
    await page.getByRole('button', { name: 'I’ve saved my codes' }).click();
  });

  it('signs out, then signs in with a TOTP code using only the keyboard', async () => {
    const { page } = w;
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await tabTo(page, 'input[type="email"]');
    await page.keyboard.type(email);
    await tabTo(page, 'input[type="password"]', 3);
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Enter your sign-in code' }).waitFor();
    await expectNoAxeViolations(page, 'two-factor sign-in');
    // The next period's code: the current one was just used to turn two-factor on.
    await tabTo(page, 'input[autocomplete="one-time-code"]');
    await page.keyboard.type(codeFor(secret, 1));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Welcome, Alex' }).waitFor();
  });

  // A person arrives from some other page, moves around Trellis, then leaves in a hurry.
  async function arriveFromElsewhere(): Promise<Page> {
    const page = await w.context.newPage();
    page.on('console', (msg) => msg.type() === 'error' && w.errors.push(`console.error: ${msg.text()}`));
    await page.goto(`${NEUTRAL_URL}before`);
    await page.goto(`${env.base}/home`);
    await page.getByRole('heading', { name: 'Welcome, Alex' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Welcome, Alex' }).waitFor();
    return page;
  }

  it('quick exit leaves for the neutral page, and Back does not return to Trellis', async () => {
    const page = await arriveFromElsewhere();
    await page.getByRole('button', { name: 'Quick exit' }).click();
    await page.waitForURL(NEUTRAL_URL);
    expect(await page.title()).toBe('Weather');
    await page.goBack();
    expect(page.url()).toBe(`${NEUTRAL_URL}before`);
    await page.close();
  });

  it('Escape pressed three times also exits', async () => {
    const page = await arriveFromElsewhere();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForURL(NEUTRAL_URL);
    await page.goBack();
    expect(page.url()).toBe(`${NEUTRAL_URL}before`);
    await page.close();
  });

  it('printed no console error', () => {
    expect(w.errors).toEqual([]);
  });
});

describe('small screens', () => {
  it('fits 375 px without sideways scrolling and stays accessible', async () => {
    const w = await newPage(env.browser, { width: 375, height: 740 });
    for (const path of ['/', '/sign-in', '/sign-up']) {
      await w.page.goto(`${env.base}${path}`);
      await w.page.getByRole('heading', { level: 1 }).waitFor();
      const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await expect.poll(() => w.page.getByRole('button', { name: 'Quick exit' }).isVisible()).toBe(true);
      await expectNoAxeViolations(w.page, `${path} at 375px`);
    }
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
