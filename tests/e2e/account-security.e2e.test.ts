/**
 * Changing the email address from Settings, by keyboard: the current password is asked for, a
 * wrong one is refused in place, the link goes to the new address, and after it is opened the new
 * address signs in (docs/decisions/033). axe clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, newPage, useBrowser, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

describe('changing my email address', () => {
  let w: WatchedPage;
  let account: { email: string; password: string };
  beforeAll(async () => {
    w = await newPage(env.browser);
    account = await createVerifiedAccount(env.base, 'Quinn');
    await signIn(w.context, env.base, account);
  });
  afterAll(() => w.context.close());

  it('asks for the current password, sends a link to the new address, and the new address signs in', async () => {
    const { page } = w;
    const newEmail = `changed-${Date.now()}@example.com`;
    await page.goto(`${env.base}/settings`);
    const section = page.getByRole('region', { name: 'Email address' });
    await section.getByText(`You sign in with ${account.email}.`).waitFor();
    await expectNoAxeViolations(page, 'settings, email section');

    await section.getByLabel('New email address').focus();
    await page.keyboard.type(newEmail);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not the right password');
    await page.keyboard.press('Enter');
    await section.getByText('That password isn’t right. Please try again.').waitFor();
    await expectNoAxeViolations(page, 'settings, email section with an error');

    await section.getByLabel('Current password').fill('');
    await section.getByLabel('Current password').focus();
    await page.keyboard.type(account.password);
    await page.keyboard.press('Enter');
    await section.getByText(new RegExp(`We sent a link to ${newEmail.replace(/[.]/g, '\\.')}`)).waitFor();

    // The link is in the mail to the new address.
    let link: string | undefined;
    for (let i = 0; i < 50 && !link; i++) {
      const list = await (await fetch(`${env.base}/dev/mail`)).text();
      const row = list.split('<li>').find((li) => li.includes(newEmail));
      const id = row && /href="\/dev\/mail\/([0-9a-f-]{36})"/.exec(row)?.[1];
      if (id) link = /href="([^"]*verify-email[^"]*)"/.exec(await (await fetch(`${env.base}/dev/mail/${id}`)).text())?.[1]?.replace(/&amp;/g, '&');
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(link).toBeDefined();
    await page.goto(link!);
    await page.getByRole('heading', { level: 1 }).waitFor();

    const fresh = await newPage(env.browser);
    try {
      await signIn(fresh.context, env.base, { email: newEmail, password: account.password });
      await fresh.page.goto(`${env.base}/settings`);
      await fresh.page.getByRole('region', { name: 'Email address' }).getByText(`You sign in with ${newEmail}.`).waitFor();
    } finally {
      await fresh.context.close();
    }
    expect(w.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});
