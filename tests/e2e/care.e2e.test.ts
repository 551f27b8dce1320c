/**
 * Sharing with a therapist (docs/decisions/027), in Chromium: a client who booked a couples
 * consultation from Texas signs in, connects the booking from its private link, takes a check-up
 * and switches "Check-up results" on; the therapist opens the client and sees the chart and its
 * table (and the printable summary); the client sees both views in the access log; homework is
 * assigned and marked done; the client switches sharing off and the therapist's page no longer
 * shows it. axe on every page, no console errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, newPage, postJson, useBrowser, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';
import { ALL_DAY, enableTwoFactor } from './care-fixtures.ts';

/** The README's screenshots are refreshed with UPDATE_SCREENSHOTS=1; otherwise they go to the (ignored) artifacts folder. */
const SHOTS = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'tests/e2e/artifacts';
const env = useBrowser();

describe('sharing with a therapist', () => {
  let dana: WatchedPage;
  let robin: WatchedPage;
  let token: string;

  beforeAll(async () => {
    // The therapist: two-factor on, a practice with herself as its therapist, licensed in Texas.
    dana = await newPage(env.browser);
    const therapist = await createVerifiedAccount(env.base, 'Dana');
    await signIn(dana.context, env.base, therapist);
    await enableTwoFactor(dana, therapist.password);
    const slug = `oak-${Date.now().toString(36)}`;
    const practice = await postJson(dana, '/api/v1/practices', { name: 'Oak Lane Therapy', slug, timeZone: 'America/Chicago' });
    expect(practice.status).toBe(201);
    const put = await dana.context.request.put(`${env.base}/api/v1/practices/${String(practice.body.id)}/session-types/consultation`, {
      data: { durationMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 60, horizonDays: 14 },
      headers: { origin: env.base },
    });
    expect(put.status()).toBe(200);
    const added = await postJson(dana, `/api/v1/practices/${String(practice.body.id)}/therapists`, {
      email: therapist.email,
      displayName: 'Dana Reyes',
      timeZone: 'America/Chicago',
      seesIndividuals: true,
      seesCouples: true,
      licences: [{ state: 'TX', expiresOn: '2099-12-31' }],
      windows: ALL_DAY,
    });
    expect(added.status).toBe(201);
    const therapistId = String(added.body.id);

    // The client booked a couples consultation from Texas with the email of her account (the
    // booking page itself is covered by booking.e2e.test.ts), and the therapist accepted.
    const client = await createVerifiedAccount(env.base, 'Robin');
    const { slots } = (await (await fetch(`${env.base}/api/v1/public/practices/${slug}/therapists/${therapistId}/slots?kind=couple&state=TX&timeZone=America/Chicago`)).json()) as { slots: Array<{ start: string }> };
    const booked = await fetch(`${env.base}/api/v1/public/practices/${slug}/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: env.base },
      body: JSON.stringify({ therapistId, kind: 'couple', state: 'TX', timeZone: 'America/Chicago', start: slots[2]!.start, name: 'Robin', email: client.email, partnerName: 'Alex', safety: 'no', consentToContact: true }),
    });
    expect(booked.status).toBe(201);
    const created = (await booked.json()) as { id: string; manageUrl: string };
    token = created.manageUrl.split('/').at(-1)!;
    expect((await postJson(dana, `/api/v1/practice/bookings/${created.id}/decision`, { decision: 'accept' })).status).toBe(200);

    robin = await newPage(env.browser);
    await signIn(robin.context, env.base, client);
  });
  afterAll(async () => {
    await dana?.context.close();
    await robin?.context.close();
  });

  it('connects the booking, shares check-up results, and the therapist sees the chart and its table', async () => {
    const r = robin.page;
    await r.goto(`${env.base}/booking/${token}`);
    await r.getByRole('heading', { name: 'Your consultation', level: 1 }).waitFor();
    await r.getByRole('button', { name: 'Connect this booking to my Trellis account' }).click();
    await r.getByRole('status').filter({ hasText: 'Connected.' }).waitFor();
    await expectNoAxeViolations(r, 'private link: connected');

    // Two check-ups of her own (the check-up pages have their own test).
    for (const responses of [[3, 4, 3, 4, 3, 4], [5, 6, 4, 5, 6, 5]]) {
      expect((await postJson(robin, '/api/v1/assessments', { instrument: 'trust-pulse', responses })).status).toBe(201);
    }

    await r.getByRole('link', { name: 'Go to my Therapy page' }).click();
    await r.getByRole('heading', { name: 'Therapy', level: 1 }).waitFor();
    const link = r.getByRole('listitem').filter({ has: r.getByRole('heading', { name: 'Dana Reyes · Oak Lane Therapy' }) });
    await link.waitFor();
    const share = link.getByRole('switch', { name: 'Share Check-up results' });
    expect(await share.isChecked()).toBe(false);
    // Couple categories say they need both partners.
    expect(await link.textContent()).toContain('Shared only while you and your partner both switch this on.');
    await expectNoAxeViolations(r, 'therapy page, nothing shared');
    await share.focus();
    await r.keyboard.press('Space');
    await r.getByRole('status').filter({ hasText: 'Now sharing Check-up results.' }).waitFor();
    expect(await share.isChecked()).toBe(true);
    await link.getByText('Dana Reyes can see this now.').waitFor();
    expect(await r.getByRole('region', { name: 'Who looked, and when' }).textContent()).toContain('No one has looked at anything yet.');

    // The therapist: her clients, then Robin's workspace.
    const d = dana.page;
    await d.goto(`${env.base}/practice`);
    const clients = d.getByRole('region', { name: 'My clients' });
    await clients.getByRole('link', { name: 'Robin' }).click();
    await d.getByRole('heading', { name: 'Robin', level: 1 }).waitFor();
    const results = d.getByRole('region', { name: 'Check-up results' });
    await results.getByRole('img', { name: /Trust pulse: 2 results, from 3(\.\d)? to 5(\.\d)?/ }).waitFor();
    const table = results.getByRole('table', { name: 'Trust pulse, every result' });
    expect(await table.getByRole('row').count()).toBe(3);
    expect(await table.textContent()).toMatch(/of 7/);
    await expectNoAxeViolations(d, 'workspace: a client sharing check-up results');

    // Homework, assigned from the workspace.
    await d.getByRole('textbox', { name: 'Exercise' }).fill('Notice one bid for connection each day');
    await d.getByRole('button', { name: 'Assign' }).click();
    await d.getByRole('status').filter({ hasText: 'Assigned “Notice one bid for connection each day”.' }).waitFor();
    fs.mkdirSync(SHOTS, { recursive: true });
    await d.getByRole('heading', { name: 'Robin', level: 1 }).scrollIntoViewIfNeeded();
    await d.evaluate(() => window.scrollTo(0, 0));
    await d.screenshot({ path: path.join(SHOTS, 'practice.png') });

    // The printable summary.
    await d.getByRole('link', { name: 'Printable summary' }).click();
    await d.getByRole('heading', { name: 'Between-sessions summary', level: 1 }).waitFor();
    await d.getByRole('table', { name: 'Trust pulse, every result' }).waitFor();
    expect(await d.textContent('main')).toContain('Notice one bid for connection each day');
    await expectNoAxeViolations(d, 'workspace: printable summary');
    await d.emulateMedia({ media: 'print' });
    expect(await d.locator('.site-header').isVisible()).toBe(false);
    await d.emulateMedia({ media: 'screen' });

    expect(robin.errors).toEqual([]);
    expect(dana.errors).toEqual([]);
  });

  it('shows the client every view in the access log; homework is marked done; switching off hides it at once', async () => {
    const r = robin.page;
    await r.reload();
    const log = r.getByRole('region', { name: 'Who looked, and when' });
    await log.getByText(/^Dana Reyes viewed your check-up results · /).first().waitFor();
    await log.getByText(/^Dana Reyes viewed your check-up results in a summary · /).waitFor();

    const done = r.getByRole('checkbox', { name: 'Done: Notice one bid for connection each day' });
    await done.focus();
    await r.keyboard.press('Space');
    await expect.poll(() => done.isChecked()).toBe(true);
    await expectNoAxeViolations(r, 'therapy page: sharing, log and homework');

    // A journal entry marked "for therapy" on its own page, then the category switched on.
    const entry = await postJson(robin, '/api/v1/journal/entries', { kind: 'thought_record', occurredAt: new Date(Date.now() - 3600_000).toISOString(), timeZone: 'America/Chicago', topic: 'money', whatHappened: 'We argued about the budget again' });
    expect(entry.status).toBe(201);
    await r.goto(`${env.base}/journal/${String((entry.body.entry as { id: string }).id)}`);
    await r.getByRole('button', { name: 'Mark for therapy' }).click();
    await r.getByRole('status').filter({ hasText: 'Marked for therapy.' }).waitFor();
    await r.goto(`${env.base}/care`);
    const entries = r.getByRole('switch', { name: 'Share Journal entries for therapy' });
    await entries.focus();
    await r.keyboard.press('Space');
    await r.getByRole('status').filter({ hasText: 'Now sharing Journal entries for therapy.' }).waitFor();
    await dana.page.goto(`${env.base}/practice`);
    await dana.page.getByRole('region', { name: 'My clients' }).getByRole('link', { name: 'Robin' }).click();
    await dana.page.getByRole('region', { name: 'Journal entries for therapy' }).getByText('We argued about the budget again').waitFor();

    const share = r.getByRole('switch', { name: 'Share Check-up results' });
    await share.focus();
    await r.keyboard.press('Space');
    await r.getByRole('status').filter({ hasText: 'Stopped sharing Check-up results.' }).waitFor();
    await entries.focus();
    await r.keyboard.press('Space');
    await r.getByRole('status').filter({ hasText: 'Stopped sharing Journal entries for therapy.' }).waitFor();

    const d = dana.page;
    await d.goto(`${env.base}/practice`);
    await d.getByRole('region', { name: 'My clients' }).getByRole('link', { name: 'Robin' }).click();
    await d.getByRole('heading', { name: 'Robin', level: 1 }).waitFor();
    await d.getByText('They aren’t sharing anything with you at the moment.').waitFor();
    expect(await d.getByRole('region', { name: 'Check-up results' }).count()).toBe(0);
    expect(await d.getByRole('table', { name: 'Trust pulse, every result' }).count()).toBe(0);
    // The homework stays, marked done by the client.
    expect(await d.getByRole('region', { name: 'Homework' }).textContent()).toContain('Done');
    await expectNoAxeViolations(d, 'workspace: nothing shared');

    expect(robin.errors).toEqual([]);
    expect(dana.errors).toEqual([]);
  });

  it('lets the therapist invite a client by email, who connects from the link in it and can stop sharing everything', async () => {
    const samAccount = await createVerifiedAccount(env.base, 'Sam');
    const d = dana.page;
    await d.goto(`${env.base}/practice`);
    await d.getByRole('heading', { name: 'Invite a client' }).waitFor();
    await d.getByRole('textbox', { name: 'Their email' }).fill(samAccount.email);
    await d.getByRole('button', { name: 'Send the invitation' }).click();
    await d.getByRole('status').filter({ hasText: `Invitation sent to ${samAccount.email}.` }).waitFor();

    // The invitation mail, from the development outbox.
    let acceptPath: string | undefined;
    for (let i = 0; i < 50 && !acceptPath; i++) {
      const list = await (await fetch(`${env.base}/dev/mail`)).text();
      const rows = list.split('<li>').filter((li) => li.includes(samAccount.email));
      for (const row of rows) {
        const id = /href="\/dev\/mail\/([0-9a-f-]{36})"/.exec(row)?.[1];
        const mail = id ? await (await fetch(`${env.base}/dev/mail/${id}`)).text() : '';
        const found = /(\/care\/accept\?token=[A-Za-z0-9_-]+)/.exec(mail)?.[1];
        if (found) acceptPath = found;
      }
      if (!acceptPath) await new Promise((r) => setTimeout(r, 100));
    }
    expect(acceptPath).toBeDefined();

    const sam = await newPage(env.browser);
    try {
      await signIn(sam.context, env.base, samAccount);
      await sam.page.goto(`${env.base}${acceptPath}`);
      await sam.page.getByRole('heading', { name: 'Connect with your therapist', level: 1 }).waitFor();
      await expectNoAxeViolations(sam.page, 'accepting an invitation');
      await sam.page.getByRole('button', { name: 'Connect' }).click();
      await sam.page.getByRole('status').filter({ hasText: 'You’re connected with Dana Reyes.' }).waitFor();
      await sam.page.getByRole('link', { name: 'Go to my Therapy page' }).click();
      await sam.page.getByRole('heading', { name: 'Dana Reyes · Oak Lane Therapy' }).waitFor();
      await sam.page.getByRole('switch', { name: 'Share Journal entries for therapy' }).focus();
      await sam.page.keyboard.press('Space');
      await sam.page.getByRole('status').filter({ hasText: 'Now sharing Journal entries for therapy.' }).waitFor();
      // "Stop sharing everything" asks first, then ends the link and every grant at once.
      await sam.page.getByRole('button', { name: 'Stop sharing everything' }).click();
      await sam.page.getByRole('heading', { name: 'Stop sharing everything with Dana Reyes?' }).waitFor();
      await expectNoAxeViolations(sam.page, 'therapy page: confirm stop sharing everything');
      await sam.page.getByRole('button', { name: 'Yes, stop sharing everything' }).click();
      await sam.page.getByRole('status').filter({ hasText: 'The connection with Dana Reyes has ended. Nothing is shared.' }).waitFor();
      expect(await sam.page.getByRole('switch').count()).toBe(0);
      const links = (await (await sam.context.request.get(`${env.base}/api/v1/care/links`)).json()) as Array<{ status: string; grants: string[] }>;
      expect(links.map((l) => [l.status, l.grants])).toEqual([['ended', []]]);
      expect(sam.errors).toEqual([]);
    } finally {
      await sam.context.close();
    }
    await d.reload();
    await d.getByRole('region', { name: 'My clients' }).getByRole('link', { name: 'Robin' }).waitFor();
    await expectNoAxeViolations(d, 'practice: clients');
    expect(dana.errors).toEqual([]);
  });
});
