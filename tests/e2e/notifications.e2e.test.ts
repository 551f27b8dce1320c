/**
 * Reminders on the settings page, by keyboard only: turn the daily check-in reminder on, type a
 * time into the React Aria time field, save, reload and see it kept (with the next due time shown).
 * axe clean before and after; no sideways scrolling at 375 px.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, expectNoSidewaysScroll, newPage, postJson, useBrowser, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

describe('reminders settings', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await newPage(env.browser, { width: 375, height: 800 });
    await signIn(w.context, env.base, await createVerifiedAccount(env.base, 'Robin'));
  });
  afterAll(async () => {
    await w.context.close();
  });

  it('sets the reminder time by keyboard and keeps it after reload', async () => {
    const { page } = w;
    await page.goto(`${env.base}/settings`);
    const zone = await page.evaluate(async () => {
      const res = await fetch('/api/v1/profile', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ timeZone: 'America/Chicago' }) });
      return res.status;
    });
    expect(zone).toBe(200);
    await page.reload();
    const section = page.getByRole('region', { name: 'Reminders' });
    await section.getByRole('heading', { name: 'Reminders', level: 2 }).waitFor();
    await section.getByText(/In your time zone/).waitFor();
    await expectNoAxeViolations(page, 'settings, reminders off');
    await expectNoSidewaysScroll(page, 'settings, reminders');

    const box = section.getByRole('checkbox', { name: 'Remind me to check in each day' });
    expect(await box.isChecked()).toBe(false);
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);

    await page.keyboard.press('Tab'); // into the time field's hour segment
    const hour = section.getByRole('spinbutton', { name: /hour/i });
    expect(await hour.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('0745');
    await section.getByRole('button', { name: 'Save reminders' }).focus();
    await page.keyboard.press('Enter');
    await section.getByText('Saved.').waitFor();
    await section.getByText(/Next reminder:/).waitFor();

    await page.reload();
    await section.getByRole('heading', { name: 'Reminders', level: 2 }).waitFor();
    await section.getByText(/Next reminder:/).waitFor();
    expect(await section.getByRole('checkbox', { name: 'Remind me to check in each day' }).isChecked()).toBe(true);
    expect(await section.getByRole('spinbutton', { name: /hour/i }).getAttribute('aria-valuenow')).toBe('7');
    expect(await section.getByRole('spinbutton', { name: /minute/i }).getAttribute('aria-valuenow')).toBe('45');
    const saved = await page.evaluate(async () => (await fetch('/api/v1/notifications/settings')).json());
    expect(saved).toMatchObject({ checkinReminder: true, reminderTime: '07:45', timeZone: 'America/Chicago' });
    await expectNoAxeViolations(page, 'settings, reminder on');
  });

  it('a reminder push reaches a subscribed device with no words in it (and feeds the leak scan)', async () => {
    // A person who has written something, with a device subscribed at the stand-in push service.
    const p = await newPage(env.browser);
    try {
      await signIn(p.context, env.base, await createVerifiedAccount(env.base, 'Avery'));
      const words = 'I was scared when the phone went quiet all evening';
      const entry = await postJson(p, '/api/v1/journal/entries', { kind: 'quick_capture', occurredAt: new Date(Date.now() - 3600_000).toISOString(), timeZone: 'UTC', whatHappened: words });
      expect(entry.status).toBe(201);
      const capture = inject('pushCaptureUrl');
      const sub = (await (await fetch(`${capture}/subscribe`, { method: 'POST' })).json()) as { endpoint: string; keys: { p256dh: string; auth: string } };
      expect((await postJson(p, '/api/v1/notifications/push-subscriptions', sub)).status).toBe(201);
      // Due at the next whole minute in UTC; the server's minute job sends it.
      const due = new Date(Date.now() + 60_000);
      const reminderTime = `${String(due.getUTCHours()).padStart(2, '0')}:${String(due.getUTCMinutes()).padStart(2, '0')}`;
      const zone = await p.context.request.patch(`${env.base}/api/v1/profile`, { data: { timeZone: 'UTC' }, headers: { origin: env.base } });
      expect(zone.status()).toBe(200);
      const res = await p.context.request.put(`${env.base}/api/v1/notifications/settings`, {
        data: { checkinReminder: true, reminderTime, email: true, push: true },
        headers: { origin: env.base },
      });
      expect(res.status(), await res.text()).toBe(200);
      const id = sub.endpoint.split('/').pop();
      let payload: string | undefined;
      for (let i = 0; i < 150 && !payload; i++) {
        const pushes = (await (await fetch(`${capture}/captured`)).json()) as Array<{ subscription: string; payload: string }>;
        payload = pushes.find((x) => x.subscription === id)?.payload;
        if (!payload) await new Promise((r) => setTimeout(r, 1000));
      }
      expect(payload, 'no push arrived within 150 s').toBeDefined();
      expect(JSON.parse(payload!)).toEqual({ title: 'Trellis', body: 'You have something new in Trellis', url: '/' });
      expect(payload).not.toContain('scared');
    } finally {
      await p.context.close();
    }
  }, 200_000);
});
