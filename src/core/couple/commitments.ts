/**
 * Commitments: when a small promise is due, and how it has gone. Pure — no I/O, no clock (the
 * caller passes "today" as a calendar date in the maker's time zone).
 *
 * Recurrence is a subset of the RFC 5545 RRULE, parsed and written here without a dependency:
 *   FREQ=DAILY | FREQ=WEEKLY, INTERVAL=n, BYDAY=MO,TU,… (WEEKLY only), COUNT=n or UNTIL=YYYYMMDD.
 * A one-off commitment has no rule: it is due on its start day only.
 *
 * Every date is a civil calendar date (YYYY-MM-DD) turned into a day number (days since
 * 1970-01-01), so daylight-saving changes cannot shift a day: a day is a day wherever it is.
 * Weeks start on Monday (RFC 5545's default WKST=MO). As in most RRULE implementations, the
 * start day is an occurrence only when it matches the rule (a Mon/Wed rule started on a
 * Tuesday is first due on Wednesday).
 *
 * @example occurrencesBetween({ startDay: '2026-12-01', rule: parseRecurrence('FREQ=DAILY;COUNT=3').rule }, '2026-11-01', '2026-12-31')
 *          // ['2026-12-01', '2026-12-02', '2026-12-03']
 */
import { dayNumber, isoDate, isoWeekday, localParts, weekStart } from '../patterns/zoned-time.ts';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Recurrence {
  freq: 'DAILY' | 'WEEKLY';
  /** Every n days or weeks; 1 when not given. */
  interval: number;
  /** WEEKLY only: the weekdays it falls on, in Monday-first order; empty means the start day's weekday. */
  byDay: Weekday[];
  /** At most this many occurrences in all (counted from the start). */
  count?: number;
  /** The last day it can fall on (inclusive), YYYY-MM-DD. */
  until?: string;
}

export type ParseResult = { ok: true; rule: Recurrence } | { ok: false; error: string };

export const MAX_INTERVAL = 365;
export const MAX_COUNT = 1000;
/** How far any single listing looks (ten years), so no request can ask for unbounded work. */
export const MAX_SPAN_DAYS = 3660;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid YYYY-MM-DD calendar date's day number, or undefined. */
export function parseDay(s: string): number | undefined {
  const m = DATE_RE.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayNumber(y, mo, d);
  return isoDate(n) === s ? n : undefined;
}

function dayOf(s: string): number {
  const n = parseDay(s);
  if (n === undefined) throw new RangeError(`Not a calendar date: ${s}`);
  return n;
}

/** The calendar date of an instant in a time zone. @example localDay(Date.parse('2026-12-01T03:00:00Z'), 'America/Chicago') // '2026-11-30' */
export function localDay(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return isoDate(dayNumber(p.year, p.month, p.day));
}

/** Adds days to a calendar date. @example addDays('2026-12-31', 1) // '2027-01-01' */
export function addDays(day: string, days: number): string {
  return isoDate(dayOf(day) + days);
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayOf(b) - dayOf(a);
}

/** ISO weekday of a date as its RRULE code. */
export function weekdayOf(day: string): Weekday {
  return WEEKDAYS[isoWeekday(dayOf(day))]!;
}

const positiveInt = (v: string, max: number): number | undefined => {
  if (!/^[1-9]\d{0,5}$/.test(v)) return undefined;
  const n = Number(v);
  return n <= max ? n : undefined;
};

/**
 * Parses the supported RRULE subset (an optional "RRULE:" prefix is accepted). Anything outside
 * the subset is refused with a plain reason rather than silently ignored.
 *
 * @example parseRecurrence('FREQ=WEEKLY;BYDAY=MO,TH') // { ok: true, rule: { freq: 'WEEKLY', interval: 1, byDay: ['MO', 'TH'] } }
 */
export function parseRecurrence(input: string): ParseResult {
  const text = input.trim().replace(/^RRULE:/i, '');
  if (text === '') return { ok: false, error: 'The repeat rule is empty.' };
  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return { ok: false, error: `"${part}" is not a NAME=VALUE part.` };
    const name = part.slice(0, eq).toUpperCase();
    if (parts.has(name)) return { ok: false, error: `${name} appears twice.` };
    parts.set(name, part.slice(eq + 1).toUpperCase());
  }
  const allowed = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL', 'WKST']);
  for (const name of parts.keys()) if (!allowed.has(name)) return { ok: false, error: `${name} is not supported here.` };

  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY') return { ok: false, error: 'FREQ must be DAILY or WEEKLY.' };
  const wkst = parts.get('WKST');
  if (wkst !== undefined && wkst !== 'MO') return { ok: false, error: 'Weeks start on Monday here (WKST=MO).' };

  let interval = 1;
  const rawInterval = parts.get('INTERVAL');
  if (rawInterval !== undefined) {
    const n = positiveInt(rawInterval, MAX_INTERVAL);
    if (n === undefined) return { ok: false, error: `INTERVAL must be a whole number from 1 to ${MAX_INTERVAL}.` };
    interval = n;
  }

  const byDay: Weekday[] = [];
  const rawByDay = parts.get('BYDAY');
  if (rawByDay !== undefined) {
    if (freq !== 'WEEKLY') return { ok: false, error: 'BYDAY is supported with FREQ=WEEKLY only.' };
    const seen = new Set<Weekday>();
    for (const code of rawByDay.split(',')) {
      const wd = WEEKDAYS.find((w) => w === code);
      if (!wd) return { ok: false, error: `"${code}" is not a weekday (MO, TU, WE, TH, FR, SA, SU).` };
      seen.add(wd);
    }
    byDay.push(...WEEKDAYS.filter((w) => seen.has(w)));
  }

  const rawCount = parts.get('COUNT');
  const rawUntil = parts.get('UNTIL');
  if (rawCount !== undefined && rawUntil !== undefined) return { ok: false, error: 'Use COUNT or UNTIL, not both.' };
  const rule: Recurrence = { freq, interval, byDay };
  if (rawCount !== undefined) {
    const n = positiveInt(rawCount, MAX_COUNT);
    if (n === undefined) return { ok: false, error: `COUNT must be a whole number from 1 to ${MAX_COUNT}.` };
    rule.count = n;
  }
  if (rawUntil !== undefined) {
    // A date (YYYYMMDD), or a UTC date-time whose date part is taken (YYYYMMDDTHHMMSSZ).
    const m = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z)?$/.exec(rawUntil);
    const until = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
    if (!m || parseDay(until) === undefined) return { ok: false, error: 'UNTIL must be a date like 20261231.' };
    rule.until = until;
  }
  return { ok: true, rule };
}

/**
 * The canonical RRULE text of a rule (no prefix; INTERVAL only when not 1).
 *
 * @example serializeRecurrence({ freq: 'WEEKLY', interval: 2, byDay: ['TU'], until: '2027-01-31' }) // 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270131'
 */
export function serializeRecurrence(rule: Recurrence): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.freq === 'WEEKLY' && rule.byDay.length > 0) parts.push(`BYDAY=${WEEKDAYS.filter((w) => rule.byDay.includes(w)).join(',')}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== undefined) parts.push(`UNTIL=${rule.until.replaceAll('-', '')}`);
  return parts.join(';');
}

/** When a commitment is due: its first day, its rule (null: a one-off), and optionally a last day (when it was ended or renegotiated). */
export interface Schedule {
  startDay: string;
  rule: Recurrence | null;
  /** No occurrence after this day (inclusive bound). */
  lastDay?: string;
}

/** Does the rule (ignoring COUNT) fall on this day number? */
function matches(start: number, rule: Recurrence, day: number): boolean {
  if (day < start) return false;
  if (rule.freq === 'DAILY') return (day - start) % rule.interval === 0;
  const weeks = (weekStart(day) - weekStart(start)) / 7;
  if (weeks % rule.interval !== 0) return false;
  const wd = isoWeekday(day);
  return rule.byDay.length === 0 ? wd === isoWeekday(start) : rule.byDay.includes(WEEKDAYS[wd]!);
}

/**
 * Every day the commitment is due in [from, to] (inclusive), oldest first.
 * A range longer than MAX_SPAN_DAYS is cut to its first MAX_SPAN_DAYS days.
 */
export function occurrencesBetween(schedule: Schedule, from: string, to: string): string[] {
  const start = dayOf(schedule.startDay);
  let last = dayOf(to);
  if (schedule.lastDay !== undefined) last = Math.min(last, dayOf(schedule.lastDay));
  const first = Math.max(dayOf(from), start);
  const rule = schedule.rule;
  if (!rule) return first <= start && start <= last ? [schedule.startDay] : [];
  if (rule.until !== undefined) last = Math.min(last, dayOf(rule.until));
  last = Math.min(last, first + MAX_SPAN_DAYS - 1);
  const out: string[] = [];
  if (rule.count === undefined) {
    // Without COUNT, only the window matters: step through it.
    for (let d = first; d <= last; d++) if (matches(start, rule, d)) out.push(isoDate(d));
    return out;
  }
  // With COUNT, occurrences are numbered from the start; walk from there (COUNT is bounded).
  let seen = 0;
  for (let d = start; d <= last && seen < rule.count; d++) {
    if (!matches(start, rule, d)) continue;
    seen++;
    if (d >= first) out.push(isoDate(d));
  }
  return out;
}

/** Is the commitment due on this day? */
export function isDue(schedule: Schedule, day: string): boolean {
  if (parseDay(day) === undefined) return false;
  return occurrencesBetween(schedule, day, day).length === 1;
}

/**
 * The next `n` due days on or after `from` (looking at most a year ahead; a weekly rule with a
 * long interval may therefore list fewer).
 */
export function nextDue(schedule: Schedule, from: string, n: number): string[] {
  return occurrencesBetween(schedule, from, addDays(from, 366)).slice(0, n);
}

export type Outcome = 'kept' | 'missed';

export interface Tally {
  /** Due occurrences in the window. */
  due: number;
  kept: number;
  missed: number;
  /** Due, on or before today, and not marked yet. */
  unmarked: number;
}

/** The outcomes recorded for a commitment, by day. */
export type Outcomes = ReadonlyMap<string, Outcome>;

function tally(schedule: Schedule, outcomes: Outcomes, from: string, to: string): Tally {
  const days = new Set(occurrencesBetween(schedule, from, to));
  // A day marked while it was due still counts after the commitment ended or was renegotiated.
  for (const day of outcomes.keys()) if (day >= from && day <= to) days.add(day);
  const t: Tally = { due: 0, kept: 0, missed: 0, unmarked: 0 };
  for (const day of days) {
    t.due++;
    const o = outcomes.get(day);
    if (o === 'kept') t.kept++;
    else if (o === 'missed') t.missed++;
    else t.unmarked++;
  }
  return t;
}

export interface TrackRecord extends Tally {
  /** The window: the last `days` days, ending today. */
  days: number;
  from: string;
  to: string;
}

/**
 * How the last `days` days went, up to and including today: "kept 27 of 30 in the last 30 days"
 * is { kept: 27, due: 30, days: 30 }. Future occurrences are never counted.
 */
export function trackRecord(schedule: Schedule, outcomes: Outcomes, today: string, days: number): TrackRecord {
  const from = addDays(today, -(days - 1));
  return { days, from, to: today, ...tally(schedule, outcomes, from, today) };
}

export interface WeekTally extends Tally {
  /** The Monday that starts the week. */
  weekStart: string;
}

/**
 * The last `weeks` weeks (Monday to Sunday, the current week cut at today), oldest first — what
 * the kept-per-week chart draws.
 */
export function weeklyRecord(schedule: Schedule, outcomes: Outcomes, today: string, weeks: number): WeekTally[] {
  const thisMonday = weekStart(dayOf(today));
  const out: WeekTally[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const monday = isoDate(thisMonday - 7 * i);
    const sunday = addDays(monday, 6);
    out.push({ weekStart: monday, ...tally(schedule, outcomes, monday, sunday < today ? sunday : today) });
  }
  return out;
}
