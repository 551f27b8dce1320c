/**
 * Wall-clock times in a person's own time zone, without a date library.
 *
 * A `<input type="datetime-local">` holds a wall-clock time with no zone ("2026-03-08T02:30");
 * the API wants an instant ("2026-03-08T07:30:00.000Z"). These helpers convert between the two in
 * any IANA zone, using only `Intl`. Daylight-saving edges follow the usual "compatible" rule:
 * a time that happens twice (clocks go back) means the earlier one; a time that never happens
 * (clocks go forward) moves forward by the size of the gap.
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instantMs: number, timeZone: string): WallClock {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 1970,
    month: values.month ?? 1,
    day: values.day ?? 1,
    // Some engines print midnight as 24 even with h23.
    hour: (values.hour ?? 0) % 24,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/** The zone's offset from UTC at an instant, in ms (e.g. -4 h for New York in summer). */
function offsetAt(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An instant → the `datetime-local` value for it in `timeZone` (minutes precision).
 *
 * @example isoToLocalInput('2026-07-01T16:30:00Z', 'America/New_York') // "2026-07-01T12:30"
 */
export function isoToLocalInput(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const w = wallClock(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * A `datetime-local` value read in `timeZone` → an ISO 8601 instant in UTC, or `undefined` when
 * the value is not a date and time.
 *
 * @example localInputToIso('2026-07-01T12:30', 'America/New_York') // "2026-07-01T16:30:00.000Z"
 */
export function localInputToIso(local: string, timeZone: string): string | undefined {
  const match = LOCAL_PATTERN.exec(local.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || (s || 0) > 59) return undefined;
  const naive = Date.UTC(y, mo - 1, d, h, mi, s || 0);
  const check = new Date(naive);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return undefined; // e.g. 31 April

  // The offsets in force around this wall-clock time (two of them near a DST change).
  const before = offsetAt(naive - DAY_MS, timeZone);
  const offsets = new Set([before, offsetAt(naive, timeZone), offsetAt(naive + DAY_MS, timeZone)]);
  const valid = [...offsets].map((offset) => naive - offset).filter((instant) => offsetAt(instant, timeZone) === naive - instant);
  // Happens twice → the earlier instant; never happens → shift forward past the gap.
  const instant = valid.length > 0 ? Math.min(...valid) : naive - before;
  return new Date(instant).toISOString();
}

/**
 * The calendar day (YYYY-MM-DD) an instant falls on in `timeZone`.
 *
 * @example dayOf(Date.parse('2026-07-02T02:00:00Z'), 'America/Chicago') // "2026-07-01"
 */
export function dayOf(instantMs: number, timeZone: string): string {
  const w = wallClock(instantMs, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The first instant of a calendar day in `timeZone`, as ISO, or undefined for a bad day. */
export function startOfDayIso(day: string, timeZone: string): string | undefined {
  if (!DAY_PATTERN.test(day)) return undefined;
  return localInputToIso(`${day}T00:00`, timeZone);
}

/** The last millisecond of a calendar day in `timeZone`, as ISO (for inclusive "to" filters). */
export function endOfDayIso(day: string, timeZone: string): string | undefined {
  const match = DAY_PATTERN.exec(day);
  if (!match) return undefined;
  const next = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1));
  const start = localInputToIso(`${next.toISOString().slice(0, 10)}T00:00`, timeZone);
  return start ? new Date(Date.parse(start) - 1).toISOString() : undefined;
}

/** Add whole days to a YYYY-MM-DD calendar day. */
export function addDays(day: string, days: number): string {
  const match = DAY_PATTERN.exec(day);
  if (!match) return day;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days)).toISOString().slice(0, 10);
}

/** True for a YYYY-MM-DD string that names a real day. */
export function isDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().slice(0, 10) === value;
}
