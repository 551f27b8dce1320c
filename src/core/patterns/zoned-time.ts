/**
 * Calendar arithmetic in a person's IANA time zone, with no dependency: Intl.DateTimeFormat
 * (cached per zone) turns an instant into the wall-clock date and hour; civil-date arithmetic
 * (days since 1970-01-01) gives weekdays, ISO weeks and months without any time-zone guesswork.
 * Correct across daylight-saving changes because every instant is converted on its own.
 */

export interface LocalParts {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
  hour: number; // 0–23
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The wall-clock date and time of an instant in a zone.
 *
 * @example localParts(Date.parse('2026-11-01T05:30:00Z'), 'America/New_York') // { year: 2026, month: 11, day: 1, hour: 1, minute: 30 }
 */
export function localParts(ms: number, timeZone: string): LocalParts {
  const out: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const p of formatterFor(timeZone).formatToParts(ms)) {
    switch (p.type) {
      case 'year':
        out.year = Number(p.value);
        break;
      case 'month':
        out.month = Number(p.value);
        break;
      case 'day':
        out.day = Number(p.value);
        break;
      case 'hour':
        out.hour = Number(p.value) % 24;
        break;
      case 'minute':
        out.minute = Number(p.value);
        break;
      default:
        break;
    }
  }
  return out;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a civil date (proleptic Gregorian). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The civil date of a day number, as YYYY-MM-DD. */
export function isoDate(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday (ISO order) for a day number. */
export function isoWeekday(dayNo: number): number {
  // 1970-01-01 was a Thursday (ISO weekday index 3).
  return (((dayNo + 3) % 7) + 7) % 7;
}

/** The day number of the Monday that starts the ISO week containing `dayNo`. */
export function weekStart(dayNo: number): number {
  return dayNo - isoWeekday(dayNo);
}

/** The ISO week label of a day, e.g. "2026-W48" (the year is the ISO week-year). */
export function isoWeekLabel(dayNo: number): string {
  const thursday = weekStart(dayNo) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The offset of a zone from UTC at an instant, in minutes (New York in winter: -300). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/**
 * The first instant of a calendar day in a zone (midnight, or the first minute after a gap).
 *
 * @example startOfLocalDay('2026-03-08', 'America/New_York') // Date.parse('2026-03-08T05:00:00Z')
 */
export function startOfLocalDay(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  // Two passes settle the offset even when the guess lands on the other side of a change.
  let guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  guess = wall - offsetMinutes(guess, timeZone) * 60_000;
  const p = localParts(guess, timeZone);
  // A day can start after a gap (a zone that springs forward at midnight): step to the first hour.
  if (dayNumber(p.year, p.month, p.day) < dayNumber(y, m, d)) {
    while (dayNumber(...ymd(localParts(guess, timeZone))) < dayNumber(y, m, d)) guess += 15 * 60_000;
  }
  return guess;
}

const ymd = (p: LocalParts): [number, number, number] => [p.year, p.month, p.day];
