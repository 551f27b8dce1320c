/**
 * Background jobs (docs/decisions/021, 025). On PostgreSQL: pg-boss 10 with DATABASE_URL (its own
 * small pool), so any number of instances share one schedule. On the embedded PGlite — one process
 * by construction (the data-folder lock) — an in-process timer runs the same per-minute job: pg-boss
 * over PGlite's single connection stalled every request for up to a minute in the browser suite
 * (its lock-timeout scripts hold the one connection). The sent-log (and, for consultation
 * reminders, a claimed column of the booking) makes the job safe to repeat either way. Jobs act as
 * a system actor and go through the services (and so the policy).
 */
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import type { Actor } from '../policy/index.ts';
import type { NotificationsService } from '../notifications/service.ts';
import type { CareService } from '../features/care/service.ts';

export const REMINDERS_QUEUE = 'reminders-minute';
const systemActor: Actor = { kind: 'system', job: REMINDERS_QUEUE };

export interface JobRunner {
  /** Runs the per-minute work once, now (tests; also what the schedule triggers). */
  runOnce(): Promise<void>;
  /** pg-boss on PostgreSQL; undefined on PGlite (the in-process timer). */
  boss?: PgBoss;
  stop(): Promise<void>;
}

/** PGlite: the per-minute job on a timer, at the top of each minute, never two runs at once. */
function startMinuteTimer(runOnce: () => Promise<void>, log: Logger, schedule: boolean): JobRunner {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running ??= runOnce()
      .catch((err: unknown) => log.warn({ err: { name: (err as Error).name, code: (err as { code?: unknown }).code } }, 'minute job failed; next minute retries'))
      .finally(() => {
        running = undefined;
      });
    arm();
  };
  const arm = () => {
    timer = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
    timer.unref();
  };
  if (schedule) arm();
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** The per-minute job: due check-in reminders, then agreement reviews, then consultation reminders (24 h and 1 h before). */
export async function minuteJob(notifications: NotificationsService, log?: Logger, care?: Pick<CareService, 'sendDueReminders'>): Promise<void> {
  const reminders = await notifications.runDueReminders(systemActor);
  const reviews = await notifications.runAgreementReviews(systemActor);
  const consultations = care ? await care.sendDueReminders(systemActor) : undefined;
  // Counts only: never who, never what.
  const booked = consultations ? consultations['24h'] + consultations['1h'] : 0;
  if (reminders.due > 0 || reviews > 0 || booked > 0) log?.info({ reminders, reviews, consultations }, 'reminders sent');
}

export async function startJobs(opts: {
  database: Database;
  databaseUrl?: string;
  notifications: NotificationsService;
  /** Consultation reminders (docs/decisions/026); left out when not given. */
  care?: Pick<CareService, 'sendDueReminders'>;
  log: Logger;
  /** false: create the schema and queue but do not schedule or work (tests call runOnce). */
  schedule?: boolean;
}): Promise<JobRunner> {
  if (opts.database.kind !== 'postgres' || !opts.databaseUrl) {
    return startMinuteTimer(() => minuteJob(opts.notifications, opts.log, opts.care), opts.log, opts.schedule !== false);
  }
  const boss = new PgBoss({ schema: 'pgboss', application_name: 'trellis-jobs', connectionString: opts.databaseUrl, max: 2 });
  // Name and code only: a database error's message can quote the statement's data.
  boss.on('error', (err: Error) => opts.log.warn({ err: { name: err.name, code: (err as { code?: unknown }).code } }, 'job queue error'));
  await boss.start();
  await boss.createQueue(REMINDERS_QUEUE);
  const runOnce = () => minuteJob(opts.notifications, opts.log, opts.care);
  if (opts.schedule !== false) {
    await boss.schedule(REMINDERS_QUEUE, '* * * * *');
    await boss.work(REMINDERS_QUEUE, async () => {
      await runOnce();
    });
  }
  return {
    boss,
    runOnce,
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
