/**
 * Free consultation slots (docs/decisions/026). Availability is weekly windows of wall-clock time
 * in the THERAPIST's zone, with exceptions (a day off, an extra window). A slot is offered when it
 * lies wholly inside a window, starts at least the minimum notice from now and before the horizon,
 * and keeps the session's buffer clear of every other booking on both sides. Slots are instants;
 * the client sees them labelled in their own zone.
 *
 * Daylight saving: a window's local times are turned into instants day by day, so 09:00 Chicago is
 * 15:00Z in January and 14:00Z in July. A start whose local time does not exist that day (the
 * spring-forward gap) is skipped; the repeated hour of a fall-back day is not offered twice.
 * Pure: Intl only.
 */
import { localInstant } from '../reminders/reminders.ts';
import { dayNumber, isoDate, isoWeekday, localParts } from '../patterns/zoned-time.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
/** A weekly window, ISO weekday (1 = Monday), local "HH:MM" times, start < end. */
export interface WeeklyWindow {
  weekday: Weekday;
  start: string;
  end: string;
}
export type AvailabilityException = { date: string; kind: 'off' } | { date: string; kind: 'extra'; start: string; end: string };

export interface SlotInput {
  timeZone: string;
  windows: readonly WeeklyWindow[];
  exceptions: readonly AvailabilityException[];
  durationMinutes: number;
  bufferMinutes: number;
  /** Grid of start times within a window; defaults to duration + buffer (at least 15). */
  stepMinutes?: number;
  minNoticeMinutes: number;
  horizonDays: number;
  nowMs: number;
  /** Other live bookings' sessions (without buffer): [startMs, endMs). */
  busy: ReadonlyArray<{ startMs: number; endMs: number }>;
}

export interface Slot {
  startMs: number;
  endMs: number;
}

export type SlotRefusal = 'past' | 'too-soon' | 'beyond-horizon' | 'outside-availability' | 'taken';
export type SlotCheck = { ok: true; slot: Slot } | { ok: false; reason: SlotRefusal };

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The windows that apply on one local date: none on a day off, the weekly ones plus any extra. */
export function windowsOn(date: string, windows: readonly WeeklyWindow[], exceptions: readonly AvailabilityException[]): Array<{ start: string; end: string }> {
  const today = exceptions.filter((e) => e.date === date);
  if (today.some((e) => e.kind === 'off')) return [];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = isoWeekday(dayNumber(y, m, d)) + 1; // isoWeekday counts Monday as 0
  return [
    ...windows.filter((w) => w.weekday === weekday).map((w) => ({ start: w.start, end: w.end })),
    ...today.flatMap((e) => (e.kind === 'extra' ? [{ start: e.start, end: e.end }] : [])),
  ];
}

/** Does a local wall-clock time exist on that date in the zone (not inside a spring-forward gap)? */
function exists(date: string, time: string, timeZone: string, instant: number): boolean {
  const p = localParts(instant, timeZone);
  return isoDate(dayNumber(p.year, p.month, p.day)) === date && p.hour * 60 + p.minute === minutesOf(time);
}

/** The instant a window ends on a date (a gap moves it to the first valid minute after). */
const windowEnd = (date: string, end: string, timeZone: string): number => localInstant(date, end, timeZone);

function overlapsBusy(startMs: number, endMs: number, input: SlotInput): boolean {
  const buffer = input.bufferMinutes * MINUTE;
  return input.busy.some((b) => startMs < b.endMs + buffer && b.startMs < endMs + buffer);
}

/** Every free slot from now to the horizon, sorted, each start once. */
export function generateSlots(input: SlotInput): Slot[] {
  const step = Math.max(15, input.stepMinutes ?? input.durationMinutes + input.bufferMinutes);
  const duration = input.durationMinutes * MINUTE;
  const earliest = input.nowMs + input.minNoticeMinutes * MINUTE;
  const latest = input.nowMs + input.horizonDays * DAY;
  const p = localParts(input.nowMs, input.timeZone);
  const first = dayNumber(p.year, p.month, p.day);
  const starts = new Set<number>();
  for (let dayNo = first; dayNo <= first + input.horizonDays + 1; dayNo++) {
    const date = isoDate(dayNo);
    for (const w of windowsOn(date, input.windows, input.exceptions)) {
      const end = windowEnd(date, w.end, input.timeZone);
      for (let m = minutesOf(w.start); m + input.durationMinutes <= minutesOf(w.end); m += step) {
        const time = hhmm(m);
        const start = localInstant(date, time, input.timeZone);
        if (!exists(date, time, input.timeZone, start)) continue;
        if (start + duration > end || start < earliest || start >= latest) continue;
        if (overlapsBusy(start, start + duration, input)) continue;
        starts.add(start);
      }
    }
  }
  return [...starts].sort((a, b) => a - b).map((startMs) => ({ startMs, endMs: startMs + duration }));
}

/**
 * Can this start be booked now? Checked in this order: past, too soon, beyond the horizon,
 * outside the therapist's availability that local day, taken (overlapping another booking or its
 * buffer). Any start inside a window is accepted, not only the offered grid.
 */
export function isBookableSlot(input: SlotInput, startMs: number): SlotCheck {
  if (!Number.isFinite(startMs) || startMs < input.nowMs) return { ok: false, reason: 'past' };
  if (startMs < input.nowMs + input.minNoticeMinutes * MINUTE) return { ok: false, reason: 'too-soon' };
  if (startMs >= input.nowMs + input.horizonDays * DAY) return { ok: false, reason: 'beyond-horizon' };
  const endMs = startMs + input.durationMinutes * MINUTE;
  const p = localParts(startMs, input.timeZone);
  const date = isoDate(dayNumber(p.year, p.month, p.day));
  const inside = windowsOn(date, input.windows, input.exceptions).some(
    (w) => localInstant(date, w.start, input.timeZone) <= startMs && endMs <= windowEnd(date, w.end, input.timeZone),
  );
  if (!inside) return { ok: false, reason: 'outside-availability' };
  if (overlapsBusy(startMs, endMs, input)) return { ok: false, reason: 'taken' };
  return { ok: true, slot: { startMs, endMs } };
}

/** An instant as a client reads it in their zone: the date, the 24-hour time and a short label. */
export function formatInZone(ms: number, timeZone: string, locale = 'en-US'): { date: string; time: string; label: string } {
  const p = localParts(ms, timeZone);
  const date = isoDate(dayNumber(p.year, p.month, p.day));
  const time = hhmm(p.hour * 60 + p.minute);
  const dayPart = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(ms);
  const timePart = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(ms);
  return { date, time, label: `${dayPart}, ${timePart}` };
}
