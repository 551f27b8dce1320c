/**
 * Scale-out of the background jobs (PostgreSQL only; docs/decisions/021, 037): two Trellis instances,
 * each with its own context, pool and pg-boss runner started as main.ts starts it (schedule and
 * work), poll the one queue. Every job enqueued runs exactly once across the two — pg-boss records
 * it started once (retry_count 0) and completed, and the two instances' handler runs add up to the
 * completed jobs — and the work they do (check-in reminders that are due) reaches each person once.
 *
 * The database is a scratch one of this file's own: the run's shared database also has the server
 * processes of process.int.test.ts working the same queue, which would take some of these jobs.
 */
import crypto from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { notificationSettings } from '../db/schema/index.ts';
import { createScratchDatabase } from '../testing/scratch-postgres.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { REMINDERS_QUEUE, startJobs, type JobRunner } from './runner.ts';
import type { NotificationsService } from '../notifications/service.ts';
import { WORDLESS_MESSAGE } from '../../core/schemas/notifications.ts';

// pg-boss polls every 2 s per worker, so the test takes about JOBS seconds.
const JOBS = 16;
const PEOPLE = 6;

let scratch: { url: string; drop: () => Promise<void> };
const instances: Array<{ t: TestApp; jobs: JobRunner; runs: number }> = [];

beforeAll(async () => {
  scratch = await createScratchDatabase(inject('postgresUrl'), 'trellis_jobs');
  const env = { TRELLIS_SECRET_KEY: crypto.randomBytes(32).toString('base64'), DATABASE_URL: scratch.url };
  for (let i = 0; i < 2; i++) {
    const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 });
    await database.migrate();
    const t = await createTestApp(env, { database });
    const instance = { t, jobs: undefined as unknown as JobRunner, runs: 0 };
    // The real service, counted: each handler run of the per-minute job calls runDueReminders once.
    // A short pause in each run lets the other instance's poll find work while this one is busy.
    const real = t.ctx.services.notifications;
    const counted = Object.create(real) as NotificationsService;
    counted.runDueReminders = async (actor) => {
      instance.runs++;
      await new Promise((r) => setTimeout(r, 150));
      return real.runDueReminders(actor);
    };
    instance.jobs = await startJobs({ database, databaseUrl: scratch.url, notifications: counted, care: t.ctx.services.care, log: t.ctx.log });
    instances.push(instance);
  }
}, 120_000);
afterAll(async () => {
  for (const i of instances) {
    await i.jobs?.stop();
    await i.t.close();
  }
  await scratch?.drop();
});

describe('background jobs across two server instances on one PostgreSQL', () => {
  it(`runs each of ${JOBS} enqueued jobs exactly once, shared between the instances, and reminds each person once`, async () => {
    const [one, two] = instances as [(typeof instances)[0], (typeof instances)[0]];
    // People with a check-in reminder that is due now (set through the API, then made due).
    const people = [];
    for (let i = 0; i < PEOPLE; i++) {
      const p = await (i % 2 === 0 ? one : two).t.signUpVerified({ name: `Person ${i}` });
      expect((await p.agent.patch('/api/v1/profile', { timeZone: 'America/Chicago' })).statusCode).toBe(200);
      const saved = await p.agent.put('/api/v1/notifications/settings', { checkinReminder: true, reminderTime: '09:00', email: true, push: false });
      expect(saved.statusCode, saved.body).toBe(200);
      people.push(p);
    }
    const db = one.t.ctx.database.db;
    await db
      .update(notificationSettings)
      .set({ nextDueAt: new Date(Date.now() - 60_000) })
      .where(inArray(notificationSettings.userId, people.map((p) => p.userId)));

    const ids: string[] = [];
    for (let i = 0; i < JOBS; i++) ids.push((await (i % 2 === 0 ? one : two).jobs.boss!.send(REMINDERS_QUEUE, {}))!);
    expect(new Set(ids).size).toBe(JOBS);

    type Row = { id: string; state: string; retry_count: number };
    const rows = async () => ((await db.execute(sql`select id::text, state::text, retry_count from pgboss.job where name = ${REMINDERS_QUEUE}`)) as unknown as { rows: Row[] }).rows;
    const deadline = Date.now() + 60_000;
    let mine: Row[] = [];
    for (;;) {
      mine = (await rows()).filter((r) => ids.includes(r.id));
      if (mine.length === JOBS && mine.every((r) => r.state === 'completed')) break;
      if (Date.now() > deadline) throw new Error(`jobs not done in time: ${JSON.stringify(mine.map((r) => r.state))}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // Each started once: pg-boss counts a second start as a retry.
    expect(mine.map((r) => r.retry_count)).toEqual(ids.map(() => 0));
    // The handler ran once per completed job in the queue (the schedule may have added one at the
    // top of a minute), no more: no job ran on both instances.
    const completed = (await rows()).filter((r) => r.state === 'completed').length;
    expect(one.runs + two.runs).toBe(completed);
    expect(completed).toBeGreaterThanOrEqual(JOBS);
    expect(completed).toBeLessThanOrEqual(JOBS + 2);
    // Both instances took part.
    expect(one.runs).toBeGreaterThan(0);
    expect(two.runs).toBeGreaterThan(0);

    // The work is safe to repeat: each person got one reminder, from whichever instance sent it.
    const reminders = (email: string) => [...one.t.smtp.messages, ...two.t.smtp.messages].filter((m) => m.to.includes(email) && m.subject === WORDLESS_MESSAGE);
    const mailDeadline = Date.now() + 10_000;
    while (people.some((p) => reminders(p.email).length === 0) && Date.now() < mailDeadline) await new Promise((r) => setTimeout(r, 100));
    expect(people.map((p) => reminders(p.email).length)).toEqual(people.map(() => 1));
    process.stdout.write(`jobs: ${completed} completed, ${one.runs} on instance 1, ${two.runs} on instance 2\n`);
  }, 120_000);
});
