/**
 * Consultation reminders 24 hours and 1 hour before (docs/decisions/026, "Reminders"), on PGlite
 * and PostgreSQL: each booking's reminders are claimed in the database, so a repeated or
 * concurrent run sends each once; only accepted bookings are reminded; a move re-arms them; the
 * mails carry no client words, and the therapist's never names the client. The clock is chosen
 * (`nowMs`); the mail goes through the in-process SMTP server.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booking } from '../../db/schema/index.ts';
import { startJobs } from '../../jobs/runner.ts';
import type { Actor } from '../../policy/index.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';
import { addTherapist, createPractice, decide, FAR_FUTURE, requestBooking, slotFrom, twoFactorAccount, type Account } from './care-fixture.ts';
import { CareService } from './service.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const system: Actor = { kind: 'system', job: 'test' };

let t: TestApp;
let care: CareService;
let dana: Account;
let danaId: string;
let slug: string;

const reminderMails = (to: string) => t.smtp.messages.filter((m) => m.to.includes(to) && /^(Reminder|Starting soon)/.test(m.subject));
const remindedColumns = async (id: string) => {
  const [row] = await t.ctx.database.db.select({ h24: booking.reminded24hAt, h1: booking.reminded1hAt }).from(booking).where(eq(booking.id, id));
  return { h24: row!.h24 !== null, h1: row!.h1 !== null };
};

/** An accepted consultation from a client in Phoenix, starting at or after `fromMs`. */
async function accepted(email: string, fromMs: number) {
  const slot = await slotFrom(t, slug, danaId, 'TX', fromMs);
  const b = await requestBooking(t, slug, { therapistId: danaId, start: slot.start, email, timeZone: 'America/Phoenix' });
  await decide(dana, b.id, 'accept');
  await t.smtp.waitFor(email, /confirmed/i);
  return { ...b, startMs: Date.parse(b.start) };
}

beforeAll(async () => {
  t = await createTestApp();
  care = t.ctx.services.care;
  const owner = await twoFactorAccount(t, 'Olive');
  dana = await twoFactorAccount(t, 'Dana');
  slug = `willow-${Date.now().toString(36)}`;
  const practiceId = await createPractice(owner, { name: 'Willow Street Counselling', slug, timeZone: 'America/Chicago' });
  danaId = await addTherapist(owner, practiceId, dana, { displayName: 'Dana Reyes', licences: [{ state: 'TX', expiresOn: FAR_FUTURE }] });
});
afterAll(() => t.close());

describe(`consultation reminders (${engineName()})`, () => {
  it('sends the 24-hour reminder once, even when run twice or by two instances at once', async () => {
    const b = await accepted('once@example.com', Date.now() + 2 * DAY);
    expect(await care.sendDueReminders(system, b.startMs - 25 * HOUR)).toEqual({ '24h': 0, '1h': 0 });
    expect(reminderMails('once@example.com')).toHaveLength(0);

    const at = b.startMs - 24 * HOUR + 60_000;
    // Another server instance: its own service over the same database.
    const other = new CareService({ db: t.ctx.database.db, policy: t.ctx.policy, serverKey: t.ctx.serverKey, mailer: t.ctx.mailer, baseUrl: t.ctx.config.baseUrl });
    const runs = await Promise.all([care.sendDueReminders(system, at), other.sendDueReminders(system, at), care.sendDueReminders(system, at)]);
    expect(runs.reduce((n, r) => n + r['24h'], 0)).toBe(1);
    expect(await care.sendDueReminders(system, at + 60_000)).toEqual({ '24h': 0, '1h': 0 });
    expect(await remindedColumns(b.id)).toEqual({ h24: true, h1: false });

    const mails = reminderMails('once@example.com');
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Reminder: your consultation with Willow Street Counselling');
    expect(mail.text).toContain('Dana Reyes');
    expect(mail.text).toMatch(/MST/); // the client's zone (Phoenix)
    expect(mail.text).toMatch(/confirmation email/);
    expect(mail.text).toContain(`/p/${slug}`);
    for (const secret of ['unmistakable-intake-words', 'Robin', 'Alex', b.token]) expect(mail.raw).not.toContain(secret);

    const forTherapist = await t.smtp.waitFor(dana.email, /^Reminder: a consultation at Willow Street Counselling$/);
    expect(forTherapist.text).toMatch(/C[SD]T/); // the therapist's zone (Chicago)
    for (const secret of ['unmistakable-intake-words', 'Robin', 'Alex', 'once@example.com', b.token]) expect(forTherapist.raw).not.toContain(secret);
  });

  it('sends the 24-hour reminder, then the 1-hour one, and nothing after the start', async () => {
    const b = await accepted('order@example.com', Date.now() + 4 * DAY);
    const instants = [-25 * HOUR, -24 * HOUR, -12 * HOUR, -61 * 60_000, -60 * 60_000, -30 * 60_000, -60_000, 0, 10 * 60_000];
    const sent: string[] = [];
    for (const offset of instants) {
      const before = reminderMails('order@example.com').length;
      await care.sendDueReminders(system, b.startMs + offset);
      for (const m of reminderMails('order@example.com').slice(before)) sent.push(`${m.subject.split(':')[0]}@${offset / 60_000}`);
    }
    expect(sent).toEqual(['Reminder@-1440', 'Starting soon@-60']);
    expect(reminderMails('order@example.com')[1]!.text).toMatch(/in about an hour/);
    expect(await remindedColumns(b.id)).toEqual({ h24: true, h1: true });
  });

  it('gives a booking accepted 3 hours before its start only the 1-hour reminder', async () => {
    const b = await accepted('late@example.com', Date.now() + 3 * HOUR);
    expect(b.startMs - Date.now()).toBeLessThan(4 * HOUR);
    expect(await care.sendDueReminders(system, Date.now())).toEqual({ '24h': 0, '1h': 0 });
    expect(await care.sendDueReminders(system, b.startMs - 2 * HOUR)).toEqual({ '24h': 0, '1h': 0 });
    expect(await care.sendDueReminders(system, b.startMs - HOUR + 60_000)).toEqual({ '24h': 0, '1h': 1 });
    expect(reminderMails('late@example.com').map((m) => m.subject)).toEqual(['Starting soon: your consultation with Willow Street Counselling']);
    expect(await remindedColumns(b.id)).toEqual({ h24: false, h1: true });
  });

  it('sends nothing for a request not yet accepted, a declined one or a cancelled one', async () => {
    const from = Date.now() + 6 * DAY;
    const requested = await requestBooking(t, slug, { therapistId: danaId, start: (await slotFrom(t, slug, danaId, 'TX', from)).start, email: 'requested@example.com' });
    const declined = await requestBooking(t, slug, { therapistId: danaId, start: (await slotFrom(t, slug, danaId, 'TX', from + 2 * HOUR)).start, email: 'declined@example.com' });
    await decide(dana, declined.id, 'decline');
    const cancelled = await accepted('cancelled@example.com', from + 4 * HOUR);
    expect((await t.agent().post(`/api/v1/public/bookings/${cancelled.token}/cancel`)).statusCode).toBe(200);
    for (const b of [requested, declined, cancelled]) {
      const startMs = Date.parse(b.start);
      for (const offset of [-23 * HOUR, -30 * 60_000]) await care.sendDueReminders(system, startMs + offset);
      expect(await remindedColumns(b.id)).toEqual({ h24: false, h1: false });
    }
    for (const email of ['requested@example.com', 'declined@example.com', 'cancelled@example.com']) expect(reminderMails(email)).toHaveLength(0);
  });

  it('re-arms both reminders when the booking moves, and reminds of the new time only', async () => {
    const b = await accepted('moved@example.com', Date.now() + 8 * DAY);
    expect((await care.sendDueReminders(system, b.startMs - 23 * HOUR))['24h']).toBe(1);
    const first = reminderMails('moved@example.com')[0]!;
    expect(await remindedColumns(b.id)).toEqual({ h24: true, h1: false });

    const later = await slotFrom(t, slug, danaId, 'TX', b.startMs + 2 * DAY);
    const moved = await t.agent().post(`/api/v1/public/bookings/${b.token}/reschedule`, { start: later.start });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().status).toBe('accepted');
    expect(await remindedColumns(b.id)).toEqual({ h24: false, h1: false });

    // The old time's window brings nothing; the new time's does, with the new time.
    expect(await care.sendDueReminders(system, b.startMs - 22 * HOUR)).toEqual({ '24h': 0, '1h': 0 });
    const newStart = Date.parse(later.start);
    expect((await care.sendDueReminders(system, newStart - 23 * HOUR))['24h']).toBe(1);
    expect((await care.sendDueReminders(system, newStart - 30 * 60_000))['1h']).toBe(1);
    const mails = reminderMails('moved@example.com');
    expect(mails).toHaveLength(3);
    expect(mails[1]!.text).not.toBe(first.text);
    expect(await remindedColumns(b.id)).toEqual({ h24: true, h1: true });
  });

  it('runs from the per-minute job, and only for a system actor', async () => {
    const b = await accepted('job@example.com', Date.now() + 12 * DAY);
    let clock = b.startMs - 23 * HOUR;
    const clocked = new CareService({ db: t.ctx.database.db, policy: t.ctx.policy, serverKey: t.ctx.serverKey, mailer: t.ctx.mailer, baseUrl: t.ctx.config.baseUrl, now: () => clock });
    const jobs = await startJobs({ database: t.ctx.database, notifications: t.ctx.services.notifications, care: clocked, log: t.ctx.log, schedule: false });
    try {
      await jobs.runOnce();
      await jobs.runOnce();
      clock = b.startMs - 50 * 60_000;
      await jobs.runOnce();
    } finally {
      await jobs.stop();
    }
    expect(reminderMails('job@example.com').map((m) => m.subject.split(':')[0])).toEqual(['Reminder', 'Starting soon']);

    const person = await t.signUpVerified();
    await expect(care.sendDueReminders({ kind: 'user', userId: person.userId, sessionId: 's', emailVerified: true }, clock)).rejects.toMatchObject({ status: 404 });
    await expect(care.sendDueReminders({ kind: 'anonymous' }, clock)).rejects.toMatchObject({ status: 401 });
  });
});
