/**
 * The cycle map and sharing one journal entry, in real Chromium with two browser contexts (two
 * people) linked through the API: both fill in their side and see the drawn loop and its text;
 * A writes an entry, shares it from the entry page, B reads it on /couple/shared; A stops
 * sharing and B no longer sees it. Every page passes axe; B's pages fit 375 px.
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

const call = (page: Page, method: string, url: string, body?: unknown) =>
  page.evaluate(
    async ({ method, url, body }) => {
      const res = await fetch(url, { method, headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    },
    { method, url, body },
  );

describe('cycle map and sharing an entry', () => {
  it('both fill in their side and see the loop; A shares an entry, B reads it, A stops sharing', async () => {
    const a = await person('Avery');
    const b = await person('Blake', 375);
    try {
      const pa = a.page;
      const pb = b.page;
      await pa.goto(`${env.base}/couple`);
      await pb.goto(`${env.base}/couple`);
      const invite = await call(pa, 'POST', '/api/v1/couple/invites');
      expect(invite.status).toBe(201);
      expect((await call(pb, 'POST', '/api/v1/couple/join', { code: invite.json.code })).status).toBe(201);

      // A fills in their side first: the loop waits.
      await pa.goto(`${env.base}/couple`);
      await pa.getByRole('link', { name: 'Our cycle' }).click();
      await pa.getByRole('heading', { level: 1, name: 'Our cycle' }).waitFor();
      await pa.getByText('The loop appears once you have both filled in your side.').waitFor();
      await expectNoAxeViolations(pa, 'cycle, empty');
      await pa.getByRole('textbox', { name: 'I feel …' }).fill('left out');
      await pa.getByText('reach out more', { exact: true }).click();
      expect(await pa.getByRole('checkbox', { name: 'reach out more' }).isChecked()).toBe(true);
      await pa.getByRole('textbox', { name: 'In my own words (optional)' }).fill('send a few messages');
      await pa.getByRole('button', { name: 'Save my side' }).click();
      await pa.getByText('Saved — thank you for adding your side.').waitFor();
      await pa.getByText('The loop appears when your partner fills in theirs', { exact: false }).waitFor();
      await expectNoAxeViolations(pa, 'cycle, waiting for partner');

      // B sees A's side, fills in theirs, and the loop is drawn.
      await pb.goto(`${env.base}/couple/cycle`);
      await pb.getByText('I feel: left out').waitFor();
      await pb.getByText('The loop appears when you add yours.', { exact: false }).waitFor();
      await pb.getByRole('textbox', { name: 'I feel …' }).fill('under pressure');
      await pb.getByText('go quiet', { exact: true }).click();
      await pb.getByRole('button', { name: 'Save my side' }).click();
      await pb.getByText('Saved — thank you for adding your side.').waitFor();
      const stepsB = pb.getByRole('list', { name: 'The loop, step by step' });
      await stepsB.waitFor();
      expect(await stepsB.getByRole('listitem').allTextContents()).toEqual([
        'When I feel under pressure,',
        'I tend to go quiet.',
        'That can leave my partner feeling left out,',
        'and my partner tends to reach out more or send a few messages.',
        'Which can bring me back to feeling under pressure — and round it goes.',
      ]);
      await pb.getByRole('img', { name: 'A drawing of the loop between you', exact: false }).waitFor();
      await pb.getByText('Something many couples notice').waitFor();
      await expectNoSidewaysScroll(pb, 'cycle loop at 375');
      await expectNoAxeViolations(pb, 'cycle loop at 375');

      await pa.reload();
      const stepsA = pa.getByRole('list', { name: 'The loop, step by step' });
      await stepsA.waitFor();
      expect((await stepsA.getByRole('listitem').first().textContent())!.trim()).toBe('When I feel left out,');
      await expectNoAxeViolations(pa, 'cycle loop');

      // Nothing shared yet.
      await pb.goto(`${env.base}/couple/shared`);
      await pb.getByRole('heading', { level: 1, name: 'Shared with me' }).waitFor();
      await pb.getByText('Nothing has been shared with you yet.').waitFor();
      await expectNoAxeViolations(pb, 'shared with me, empty');

      // A writes an entry and shares it from its page.
      const created = await call(pa, 'POST', '/api/v1/journal/entries', {
        kind: 'quick_capture',
        occurredAt: new Date(Date.now() - 3600_000).toISOString(),
        timeZone: 'UTC',
        whatHappened: 'We talked past each other about the weekend.',
        story: 'I told myself my plans did not count.',
      });
      expect(created.status).toBe(201);
      const entryId = (created.json.entry as { id: string }).id;
      await pa.goto(`${env.base}/journal/${entryId}`);
      const share = pa.getByRole('button', { name: 'Share with my partner' });
      await share.waitFor();
      await pa.getByText('Your partner will be able to read this whole entry', { exact: false }).waitFor();
      await expectNoAxeViolations(pa, 'entry with share control');
      await share.click();
      await pa.getByText('Your partner can read this entry.').waitFor();
      await pa.getByRole('button', { name: 'Stop sharing' }).waitFor();

      await pb.reload();
      await pb.getByText('We talked past each other about the weekend.').waitFor();
      await pb.getByText('I told myself my plans did not count.').waitFor();
      await expectNoSidewaysScroll(pb, 'shared with me at 375');
      await expectNoAxeViolations(pb, 'shared with me at 375');

      // A stops sharing: B no longer sees it.
      await pa.getByRole('button', { name: 'Stop sharing' }).click();
      await pa.getByText('This entry is private again.').waitFor();
      await pa.getByRole('button', { name: 'Share with my partner' }).waitFor();
      await pb.reload();
      await pb.getByText('Nothing has been shared with you yet.').waitFor();
      expect(await pb.getByText('We talked past each other about the weekend.').count()).toBe(0);
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });
});
