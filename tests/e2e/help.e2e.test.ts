/**
 * "Get help now" and discreet mode (docs/decisions/031): /help reached by keyboard from the landing
 * page and from a signed-in page, with the US lines as tel:/sms: links and a country choice, axe
 * clean; Quick exit from it still leaves without a trace; naming the fear shows the crisis lines
 * when what is typed matches the screening; discreet mode gives every page the title "Notes".
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, newPage, useBrowser, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();
const NEUTRAL_URL = 'https://neutral.example/';

/** Tab from the top of the page until "Get help now" has focus (it comes right after Quick exit). */
async function tabToGetHelp(page: Page): Promise<void> {
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused === 'Get help now') return;
  }
  throw new Error('“Get help now” was not reached by Tab');
}

async function expectUsLines(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Get help now', level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/help');
  await page.getByRole('heading', { name: 'Services in United States', level: 2 }).waitFor();
  const main = page.getByRole('main');
  await main.getByText('988 Suicide & Crisis Lifeline', { exact: true }).waitFor();
  await main.getByText('National Domestic Violence Hotline', { exact: true }).waitFor();
  const hrefs = await main.locator('a[href^="tel:"], a[href^="sms:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(expect.arrayContaining(['tel:988', 'sms:988', 'tel:18007997233', 'sms:88788?&body=START']));
}

describe('get help now', () => {
  it('is reached by keyboard from the landing page, signed out, and lists the US lines', async () => {
    const w = await newPage(env.browser);
    const { page } = w;
    await page.goto(`${env.base}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await tabToGetHelp(page);
    await page.keyboard.press('Enter');
    await expectUsLines(page);
    expect(await page.title()).toBe('Get help now · Trellis');
    await expectNoAxeViolations(page, 'get help, signed out');

    // Another country's lines, from the country choice.
    await page.getByRole('button', { name: /Country/ }).click();
    await page.getByRole('option', { name: 'United Kingdom' }).click();
    await page.getByRole('heading', { name: 'Services in United Kingdom', level: 2 }).waitFor();
    await page.getByRole('main').getByText('Samaritans', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'get help, another country');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  describe('signed in', () => {
    let w: WatchedPage;
    beforeAll(async () => {
      w = await newPage(env.browser, { neutralUrl: NEUTRAL_URL });
      await signIn(w.context, env.base, await createVerifiedAccount(env.base, 'Rowan'));
    });
    afterAll(async () => {
      expect(w.errors).toEqual([]);
      await w.context.close();
    });

    it('is reached by keyboard from a signed-in page; Quick exit from it leaves no way back', async () => {
      const { page } = w;
      await page.goto(`${NEUTRAL_URL}before`);
      await page.goto(`${env.base}/home`);
      await page.getByRole('heading', { name: 'Welcome, Rowan' }).waitFor();
      await tabToGetHelp(page);
      await page.keyboard.press('Enter');
      await expectUsLines(page);
      await expectNoAxeViolations(page, 'get help, signed in');

      await page.getByRole('button', { name: 'Quick exit' }).click();
      await page.waitForURL(NEUTRAL_URL);
      await page.goBack();
      expect(page.url()).toBe(`${NEUTRAL_URL}before`);
      // Nothing on the device says Quick exit was used.
      await page.goto(`${env.base}/home`);
      await page.getByRole('heading', { name: 'Welcome, Rowan' }).waitFor();
      const traces = await page.evaluate(() => ({ session: sessionStorage.length, local: Object.keys(localStorage).filter((k) => /exit/i.test(k)) }));
      expect(traces).toEqual({ session: 0, local: [] });
    });

    it('naming the fear shows the crisis lines when what is typed suggests danger (screened on the device)', async () => {
      const { page } = w;
      await page.goto(`${env.base}/talk/fear`);
      await page.locator('textarea[name="complaint"]').waitFor();
      expect(await page.getByRole('heading', { name: 'Support, if you’d like it' }).count()).toBe(0);
      await page.locator('textarea[name="complaint"]').fill('You never listen, and he hits me when he is angry.');
      await page.getByRole('heading', { name: 'Support, if you’d like it' }).waitFor();
      expect(await page.locator('a[href="tel:988"]').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, 'naming the fear, with resources');
    });

    it('discreet mode gives every page the neutral title and app name, on this device only', async () => {
      const { page } = w;
      await page.goto(`${env.base}/settings`);
      const section = page.getByRole('region', { name: 'Discreet mode' });
      await section.getByRole('heading', { name: 'Discreet mode', level: 2 }).waitFor();
      await section.getByRole('checkbox', { name: 'Send discreet emails' }).waitFor();
      await expectNoAxeViolations(page, 'settings, discreet mode');
      const box = section.getByRole('checkbox', { name: 'Use discreet mode on this device' });
      expect(await box.isChecked()).toBe(false);
      expect(await page.title()).toBe('Settings · Trellis');
      await box.focus();
      await page.keyboard.press('Space');
      await section.getByText('Discreet mode is on for this device.').waitFor();
      expect(await page.title()).toBe('Notes');
      expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest-discreet.webmanifest');
      const manifest = await page.evaluate(async () => (await fetch('/manifest-discreet.webmanifest')).json());
      expect(manifest).toMatchObject({ name: 'Notes', short_name: 'Notes' });

      // Another page, and a fresh load: still neutral.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
      await page.getByRole('heading', { name: 'Welcome, Rowan' }).waitFor();
      expect(await page.title()).toBe('Notes');
      await page.reload();
      await page.getByRole('heading', { name: 'Welcome, Rowan' }).waitFor();
      expect(await page.title()).toBe('Notes');
      expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest-discreet.webmanifest');

      // Off again: the page's own title comes back.
      await page.goto(`${env.base}/settings`);
      const again = page.getByRole('region', { name: 'Discreet mode' }).getByRole('checkbox', { name: 'Use discreet mode on this device' });
      expect(await again.isChecked()).toBe(true);
      await again.focus();
      await page.keyboard.press('Space');
      await page.getByText('Discreet mode is off for this device.').waitFor();
      expect(await page.title()).toBe('Settings · Trellis');
      expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    });
  });
});
