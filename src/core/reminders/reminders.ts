/**
 * When a daily reminder is due, in a person's own IANA time zone (docs/decisions/021).
 *
 * A reminder set for "HH:MM" is due each local day at that wall-clock time:
 * - spring-forward gap (the time does not exist that day): the first valid minute after it;
 * - fall-back overlap (the time happens twice): the first occurrence;
 * - zones without daylight saving (America/Phoenix, Pacific/Honolulu) need nothing special.
 * Pure: Intl.DateTimeFormat only, so it runs in Node and the browser.
 */
import { localDay } from '../couple/checkins.ts';
import { dayNumber, isoDate, localParts, offsetMinutes } from '../patterns/zoned-time.ts';

export { localDay };

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The local hour an agreement's review day is announced at (see ADR 021). */
export const REVIEW_LOCAL_TIME = '09:00';

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for "00:00" … "23:59". */
export function isLocalTime(value: string): boolean {
  return TIME_RE.test(value);
}

/** True when the runtime knows the IANA zone name. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of an instant, expressed as if it were UTC (comparable as a number). */
function wallOf(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
}

/**
 * The instant a local date and time happen in a zone: the first occurrence in an overlap, the first
 * valid minute after in a gap.
 *
 * @example localInstant('2026-03-08', '02:30', 'America/Chicago') // Date.parse('2026-03-08T08:00:00Z') (03:00 CDT)
 */
export function localInstant(date: string, time: string, timeZone: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`not a local time: ${time}`);
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d, Number(m[1]), Number(m[2]));
  const offsets = new Set([offsetMinutes(wall - DAY, timeZone), offsetMinutes(wall, timeZone), offsetMinutes(wall + DAY, timeZone)]);
  const candidates = [...offsets].map((o) => wall - o * MINUTE).sort((a, b) => a - b);
  const exact = candidates.find((t) => wallOf(t, timeZone) === wall);
  if (exact !== undefined) return exact;
  // A gap: walk from the earliest candidate to the first minute whose wall clock is at or past it.
  let t = candidates[0]!;
  for (let i = 0; i < 48 * 60 && wallOf(t, timeZone) < wall; i++) t += MINUTE;
  return t;
}

/**
 * The next instant strictly after `nowMs` at which a daily reminder for local `time` is due.
 *
 * @example nextDueAt('09:00', 'America/Chicago', Date.parse('2026-10-31T15:00:00Z')) // Date.parse('2026-11-01T15:00:00Z')
 */
export function nextDueAt(time: string, timeZone: string, nowMs: number): number {
  const p = localParts(nowMs, timeZone);
  const today = dayNumber(p.year, p.month, p.day);
  for (let k = 0; k < 3; k++) {
    const t = localInstant(isoDate(today + k), time, timeZone);
    if (t > nowMs) return t;
  }
  /* c8 ignore next */
  throw new Error('no due instant within three days');
}

/** The day number (days since 1970-01-01) of a YYYY-MM-DD date. */
export function dayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dayNumber(y, m, d);
}
