/**
 * Consultation reminders: 24 hours and 1 hour before an accepted booking (docs/decisions/026,
 * "Reminders"). Pure: the job asks which reminder is due now, then claims it in the database
 * before sending, so a repeated or concurrent run sends nothing twice.
 *
 * - The 24-hour reminder is due from 24 h before the start until 1 h before; the 1-hour one from
 *   1 h before until the start. At most one is due at a time, and the 24-hour one always comes
 *   first: once the 1-hour window opens, a 24-hour reminder not yet sent is dropped.
 * - A reminder is sent only if the client was last told the time (the acceptance, or a move)
 *   before its mark: a booking accepted 3 hours before its start has just had a mail with the
 *   time, so it gets only the 1-hour reminder; one accepted 30 minutes before gets neither.
 * - Nothing after the start.
 *
 * @example dueReminder({ startMs, toldMs: startMs - 3 * HOUR, nowMs: startMs - 2 * HOUR, sent: { h24: false, h1: false } }) // null
 */
export const REMINDER_KINDS = ['24h', '1h'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

const HOUR = 3600_000;
/** How long before the start each reminder's window opens. */
export const REMINDER_LEAD_MS: Record<ReminderKind, number> = { '24h': 24 * HOUR, '1h': HOUR };

export interface ReminderFacts {
  startMs: number;
  /** When the client was last mailed this time: the acceptance, or the latest move. */
  toldMs: number;
  nowMs: number;
  sent: { h24: boolean; h1: boolean };
}

/** The reminder to send now, or null. */
export function dueReminder(f: ReminderFacts): ReminderKind | null {
  const untilStart = f.startMs - f.nowMs;
  if (untilStart <= 0) return null;
  if (untilStart > REMINDER_LEAD_MS['24h']) return null;
  const kind: ReminderKind = untilStart <= REMINDER_LEAD_MS['1h'] ? '1h' : '24h';
  if (kind === '24h' ? f.sent.h24 : f.sent.h1) return null;
  // The mail that told the time came after this reminder's mark: it already did the reminding.
  if (f.toldMs > f.startMs - REMINDER_LEAD_MS[kind]) return null;
  return kind;
}
