/**
 * Free consultation slots (docs/decisions/026). Availability is weekly windows of wall-clock time
 * in the THERAPIST's zone, with exceptions (a day off, an extra window). A slot is offered when it
 * lies wholly inside a window, starts at least the minimum notice from now and before the horizon,
 * and keeps the session's buffer clear of every other booking on both sides. Slots are instants;
 * the client sees them labelled in their own zone.
 *
 * Zone arithmetic is Temporal (the TC39 proposal, through its reference polyfill), not hand-made:
 * a window's local times become instants day by day, so 09:00 Chicago is 15:00Z in January and
 * 14:00Z in July. A start whose local time does not exist that day (the spring-forward gap) is
 * skipped; in the repeated hour of a fall-back day the earlier
 * instant is used, so no start is offered twice. Pure: no I/O.
 */
import { Temporal } from '@js-temporal/polyfill';

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
  const weekday = Temporal.PlainDate.from(date).dayOfWeek; // ISO: Monday 1 … Sunday 7
  return [
    ...windows.filter((w) => w.weekday === weekday).map((w) => ({ start: w.start, end: w.end })),
    ...today.flatMap((e) => (e.kind === 'extra' ? [{ start: e.start, end: e.end }] : [])),
  ];
}

/** The instant a local date and time happen in a zone (the earlier one in a repeated hour, the shifted one in a gap). */
function localInstant(date: string, time: string, timeZone: string): number {
  return Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/**
 * The instant, or undefined when that wall-clock time does not happen that day (a spring-forward
 * gap). In a repeated hour it is the earlier of the two.
 */
function existingInstant(date: string, time: string, timeZone: string): number | undefined {
  const wall = Temporal.PlainDateTime.from(`${date}T${time}`);
  const zoned = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  return Temporal.PlainDateTime.compare(zoned.toPlainDateTime(), wall) === 0 ? zoned.epochMilliseconds : undefined;
}

/** An instant's wall clock in a zone. */
function wallClock(ms: number, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
}

/** The instant a window ends on a date. */
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
  const first = wallClock(input.nowMs, input.timeZone).toPlainDate();
  const starts = new Set<number>();
  for (let offset = 0; offset <= input.horizonDays + 1; offset++) {
    const date = first.add({ days: offset }).toString();
    for (const w of windowsOn(date, input.windows, input.exceptions)) {
      const end = windowEnd(date, w.end, input.timeZone);
      for (let m = minutesOf(w.start); m + input.durationMinutes <= minutesOf(w.end); m += step) {
        const start = existingInstant(date, hhmm(m), input.timeZone);
        if (start === undefined) continue;
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
  const date = wallClock(startMs, input.timeZone).toPlainDate().toString();
  const inside = windowsOn(date, input.windows, input.exceptions).some(
    (w) => localInstant(date, w.start, input.timeZone) <= startMs && endMs <= windowEnd(date, w.end, input.timeZone),
  );
  if (!inside) return { ok: false, reason: 'outside-availability' };
  if (overlapsBusy(startMs, endMs, input)) return { ok: false, reason: 'taken' };
  return { ok: true, slot: { startMs, endMs } };
}

/** An instant as a client reads it in their zone: the date, the 24-hour time and a short label. */
export function formatInZone(ms: number, timeZone: string, locale = 'en-US'): { date: string; time: string; label: string } {
  const wall = wallClock(ms, timeZone);
  const date = wall.toPlainDate().toString();
  const time = hhmm(wall.hour * 60 + wall.minute);
  const dayPart = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(ms);
  const timePart = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(ms);
  return { date, time, label: `${dayPart}, ${timePart}` };
}
