/**
 * Linking two people in real Chromium, with two browser contexts: A answers the private question
 * "no", invites, B joins with the code, both see they are linked; B unlinks and A sees only that
 * the link ended. The "yes" path shows resources and sends nothing (A's status is unchanged).
 * Every couple page passes axe, at desktop width and 375 px without sideways scrolling.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, newPage, useBrowser, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `sideways scroll on ${label}`).toBeLessThanOrEqual(0);
}

async function person(name: string, width = 1280): Promise<WatchedPage> {
  const w = await newPage(env.browser, { width, height: 900 });
  await signIn(w.context, env.base, await createVerifiedAccount(env.base, name));
  return w;
}

const coupleStatus = (page: Page) => page.evaluate(async () => (await fetch('/api/v1/couple', { headers: { Accept: 'application/json' } })).json() as Promise<{ status: string; invite?: unknown; past: unknown[] }>);

describe('linking two accounts', () => {
  it('links A and B through an invitation, and either can end it alone', async () => {
    const a = await person('Avery');
    const b = await person('Blake', 375);
    try {
      await a.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
      const pa = a.page;
      await pa.goto(`${env.base}/couple`);
      await pa.getByRole('heading', { level: 1, name: 'Together' }).waitFor();
      await pa.getByText('Trellis works fully on your own.', { exact: false }).waitFor();
      await expectNoAxeViolations(pa, 'couple, single');

      await pa.getByRole('button', { name: 'Invite my partner' }).click();
      await pa.getByRole('heading', { name: 'A private question first' }).waitFor();
      await expectNoAxeViolations(pa, 'private question');
      await pa.getByRole('button', { name: 'No', exact: true }).click();
      const code = (await pa.getByTestId('invite-code').textContent())!.trim();
      expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      await pa.getByText(`/couple/join?code=${code}`, { exact: false }).waitFor();
      await expectNoAxeViolations(pa, 'invitation shown');
      await pa.getByRole('button', { name: 'Copy code' }).click();
      await pa.getByText('Copied.').waitFor();
      expect(await pa.evaluate(() => navigator.clipboard.readText())).toBe(code);
      await pa.getByRole('button', { name: 'Done' }).click();
      await pa.getByRole('heading', { name: 'Your invitation is waiting' }).waitFor();
      expect(await pa.getByText(code).count()).toBe(0);

      // B follows the link: the question first, then the code is already filled in.
      const pb = b.page;
      await pb.goto(`${env.base}/couple/join?code=${encodeURIComponent(code)}`);
      await pb.getByRole('heading', { level: 1, name: 'Join your partner' }).waitFor();
      await pb.getByRole('heading', { name: 'A private question first' }).waitFor();
      await expectNoSidewaysScroll(pb, 'join question at 375');
      await expectNoAxeViolations(pb, 'join question at 375');
      await pb.getByRole('button', { name: 'No', exact: true }).click();
      const field = pb.getByRole('textbox', { name: 'Invitation code' });
      expect(await field.inputValue()).toBe(code);
      await expectNoAxeViolations(pb, 'join form at 375');
      await field.focus();
      await pb.keyboard.press('Enter');
      await pb.getByRole('heading', { name: 'Linked with Avery' }).waitFor();
      await pb.getByText('You are now linked with Avery.').waitFor();
      await expectNoSidewaysScroll(pb, 'linked at 375');
      await expectNoAxeViolations(pb, 'linked at 375');
      await pb.getByRole('link', { name: 'Daily check-in' }).waitFor();
      await pb.getByRole('link', { name: 'Commitments' }).waitFor();

      await pa.goto(`${env.base}/couple`);
      await pa.getByRole('heading', { name: 'Linked with Blake' }).waitFor();
      await pa.getByText(/^Linked since /).waitFor();
      await expectNoAxeViolations(pa, 'linked');

      // B unlinks, after a calm confirmation that says what happens.
      await pb.getByRole('button', { name: 'Unlink' }).click();
      await pb.getByText('it happens straight away', { exact: false }).waitFor();
      await expectNoAxeViolations(pb, 'unlink confirmation at 375');
      await pb.getByRole('button', { name: 'Yes, unlink now' }).click();
      await pb.getByText('The link has ended.', { exact: false }).waitFor();
      await pb.getByRole('heading', { name: 'Earlier links' }).waitFor();

      await pa.reload();
      await pa.getByRole('button', { name: 'Invite my partner' }).waitFor();
      await pa.getByRole('heading', { name: 'Earlier links' }).waitFor();
      expect(await pa.getByText('Blake').count()).toBe(0);
      await expectNoAxeViolations(pa, 'single with archive');
      expect((await coupleStatus(pa)).status).toBe('single');
      expect(a.errors).toEqual([]);
      expect(b.errors).toEqual([]);
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  it('answers "yes" with resources, sends nothing, and still lets the person continue', async () => {
    const a = await person('Rowan', 375);
    try {
      const { page } = a;
      const requests: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/')) requests.push(`${r.method()} ${new URL(r.url()).pathname}`);
      });
      await page.goto(`${env.base}/couple`);
      await page.getByRole('button', { name: 'Invite my partner' }).click();
      const before = requests.length;
      await page.getByRole('button', { name: 'Yes, sometimes' }).click();
      await page.getByRole('heading', { name: 'Your safety comes first' }).waitFor();
      await page.getByText('we suggest using Trellis on your own', { exact: false }).waitFor();
      await page.locator('.safety-resources li').first().waitFor();
      await expectNoSidewaysScroll(page, 'afraid at 375');
      await expectNoAxeViolations(page, 'afraid at 375');
      // Nothing about the answer left the browser, and nothing is kept on the device.
      expect(requests.slice(before)).toEqual([]);
      expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toMatch(/afraid/i);
      expect(await coupleStatus(page)).toEqual({ status: 'single', past: [] });

      // A quiet way on, for someone who still wants to link after reading.
      await page.getByRole('button', { name: 'Continue anyway' }).click();
      await page.getByTestId('invite-code').waitFor();
      expect((await coupleStatus(page)).invite).toBeDefined();
      expect(a.errors).toEqual([]);
    } finally {
      await a.context.close();
    }
  });

  it("updates A's open page live when B joins and when B unlinks, without a reload", async () => {
    const a = await person('Avery');
    const b = await person('Blake');
    try {
      const pa = a.page;
      const streams: string[] = [];
      pa.on('request', (r) => {
        if (new URL(r.url()).pathname === '/api/v1/events') streams.push(r.url());
      });
      await pa.goto(`${env.base}/couple`);
      await pa.getByRole('button', { name: 'Invite my partner' }).click();
      await pa.getByRole('button', { name: 'No', exact: true }).click();
      const code = (await pa.getByTestId('invite-code').textContent())!.trim();
      // A marker that a reload would wipe.
      await pa.evaluate(() => document.documentElement.setAttribute('data-live-marker', 'still-here'));

      await b.page.goto(`${env.base}/couple`);
      await b.page.getByRole('button', { name: 'Invite my partner' }).waitFor();
      const join = await b.page.evaluate(async (c) => {
        const res = await fetch('/api/v1/couple/join', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ code: c }) });
        return res.status;
      }, code);
      expect(join).toBe(201);

      // A's page, still showing the invitation, turns to "linked" by itself.
      await pa.getByRole('heading', { name: 'Linked with Blake' }).waitFor({ timeout: 10_000 });
      expect(await pa.evaluate(() => document.documentElement.getAttribute('data-live-marker'))).toBe('still-here');
      expect(await pa.getByTestId('invite-code').count()).toBe(0);
      await expectNoAxeViolations(pa, 'linked, updated live');

      const unlink = await b.page.evaluate(async () => (await fetch('/api/v1/couple/unlink', { method: 'POST', headers: { Accept: 'application/json' } })).status);
      expect(unlink).toBe(200);
      await pa.getByRole('button', { name: 'Invite my partner' }).waitFor({ timeout: 10_000 });
      await pa.getByRole('heading', { name: 'Earlier links' }).waitFor();
      expect(await pa.evaluate(() => document.documentElement.getAttribute('data-live-marker'))).toBe('still-here');
      // One stream for the tab, and the hints carried nothing to show: the page asked the API.
      expect(streams).toHaveLength(1);
      expect(a.errors).toEqual([]);
      expect(b.errors).toEqual([]);
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });
});
