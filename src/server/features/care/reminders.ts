/**
 * Consultation reminders, 24 hours and 1 hour before an accepted booking (docs/decisions/026,
 * "Reminders"), run by the per-minute job as a system actor (docs/decisions/021, 025).
 *
 * Which reminder is due is pure (`core/booking` `dueReminder`). Each one is claimed with a
 * compare-and-set on its column (`reminded_24h_at` / `reminded_1h_at` IS NULL) before it is sent,
 * so two server instances, or a run repeated or overlapping, never send it twice; the price, as for
 * the check-in reminders, is that a send failing after its claim is not retried. A move clears both
 * columns (the new time is reminded afresh); cancelled, declined and still-requested bookings are
 * never read here.
 *
 * The client's mail gives the practice, the therapist and the time in the client's zone, and says
 * where the private link is (only its hash is stored). The therapist's mail gives the practice and
 * the time in the therapist's zone, never the client.
 */
import { REMINDER_LEAD_MS, dueReminder, formatInZone, type ReminderKind } from '../../../core/booking/index.ts';
import type { Db } from '../../db/client.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { mailTemplates } from '../../mail/templates.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import { careRepo, type BookingRow } from './repo.ts';

export interface ReminderDeps {
  db: Db;
  policy: Policy;
  mailer: Mailer;
  baseUrl: string;
  /** Opens the booking's sealed client facts for their email (the service holds the key). */
  clientEmail(row: BookingRow): string;
  log?: { error(obj: object, msg: string): void };
}

export interface ReminderSummary {
  '24h': number;
  '1h': number;
}

/** Sends every consultation reminder due at `nowMs`; returns how many of each went out. */
export async function sendBookingReminders(deps: ReminderDeps, actor: Actor, nowMs: number): Promise<ReminderSummary> {
  deps.policy.care.remind(actor);
  const summary: ReminderSummary = { '24h': 0, '1h': 0 };
  const now = new Date(nowMs);
  const candidates = await careRepo.acceptedStartingBetween(deps.db, now, new Date(nowMs + REMINDER_LEAD_MS['24h']));
  for (const row of candidates) {
    const kind = dueReminder({
      startMs: row.startsAt.getTime(),
      // Acceptance and a move are the row's last updates, and each mailed the client the time.
      toldMs: row.updatedAt.getTime(),
      nowMs,
      sent: { h24: row.reminded24hAt !== null, h1: row.reminded1hAt !== null },
    });
    if (!kind) continue;
    if (!(await careRepo.claimReminder(deps.db, row.id, kind, row.startsAt, now))) continue;
    summary[kind]++;
    await send(deps, row, kind);
  }
  return summary;
}

async function send(deps: ReminderDeps, row: BookingRow, lead: ReminderKind): Promise<void> {
  try {
    const t = await careRepo.therapistById(deps.db, row.therapistId);
    const p = await careRepo.practiceById(deps.db, row.organizationId);
    if (!t || !p) return;
    const startMs = row.startsAt.getTime();
    await deps.mailer.send(
      mailTemplates.bookingReminder(deps.clientEmail(row), {
        practiceName: p.name,
        therapistName: t.displayName,
        when: formatInZone(startMs, row.clientTimeZone).label,
        bookingPageUrl: `${deps.baseUrl}/p/${p.slug}`,
        lead,
      }),
    );
    const therapistEmail = (await careRepo.account(deps.db, t.userId))?.email;
    if (therapistEmail) {
      await deps.mailer.send(mailTemplates.bookingReminderForTherapist(therapistEmail, { practiceName: p.name, when: formatInZone(startMs, t.timeZone).label, lead, workspaceUrl: `${deps.baseUrl}/practice` }));
    }
  } catch (err) {
    // Claimed, so not retried: a missed nudge is better than a double one. Never who, never what.
    deps.log?.error({ kind: `booking-reminder-${lead}`, err: err instanceof Error ? err.name : 'unknown' }, 'reminder not sent');
  }
}
