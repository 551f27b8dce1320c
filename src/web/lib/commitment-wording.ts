/**
 * The words for a commitment's schedule and track record, from the catalog. Plain statements of
 * what happened — never a score, never a verdict.
 */
import { parseRecurrence, weekdayOf } from '../../core/couple/commitments';
import type { Commitment } from '../../core/schemas/commitments';
import { formatDay } from './format';
import { t } from './i18n';

/** "Every week on Monday, Thursday, until Friday, January 15, 2027". */
export function describeSchedule(c: Pick<Commitment, 'startDay' | 'recurrence'>): string {
  if (!c.recurrence) return t('commitments.scheduleOnce', { day: formatDay(c.startDay) });
  const parsed = parseRecurrence(c.recurrence);
  if (!parsed.ok) return c.recurrence;
  const r = parsed.rule;
  const days = (r.byDay.length > 0 ? r.byDay : [weekdayOf(c.startDay)]).map((d) => t(`commitments.weekday.${d}`)).join(', ');
  let text =
    r.freq === 'DAILY'
      ? r.interval === 1
        ? t('commitments.scheduleDaily')
        : t('commitments.scheduleEveryDays', { n: r.interval })
      : r.interval === 1
        ? t('commitments.scheduleWeekly', { days })
        : t('commitments.scheduleEveryWeeks', { n: r.interval, days });
  if (r.until) text = t('commitments.scheduleUntil', { schedule: text, day: formatDay(r.until) });
  if (r.count) text = t('commitments.scheduleCount', { schedule: text, n: r.count });
  return text;
}

/**
 * "Kept 27 of 30 in the last 30 days · 2 missed · 1 not marked yet".
 *
 * @example describeRecord({ days: 30, due: 1, kept: 1, missed: 0, unmarked: 0 }) // "Kept 1 of 1 in the last 30 days"
 */
export function describeRecord(r: Pick<Commitment['record'], 'days' | 'due' | 'kept' | 'missed' | 'unmarked'>): string {
  const parts = [r.due === 0 ? t('commitments.recordNothingDue', { days: r.days }) : t('commitments.recordKept', { kept: r.kept, due: r.due, days: r.days })];
  if (r.missed > 0) parts.push(t('commitments.recordMissed', { n: r.missed }));
  if (r.unmarked > 0) parts.push(t('commitments.recordUnmarked', { n: r.unmarked }));
  return parts.join(' · ');
}
