/**
 * The daily check-in, as pure rules: which questions there are, which calendar day an answer
 * counts for, when answers are revealed, and the gentle 28-day consistency view.
 *
 * The wording of the questions and mood labels lives in the web catalog (messages/checkins.en.ts,
 * keyed by the ids below), so every word a person reads is in one place.
 */
import { dayNumber, isoDate, localParts } from '../patterns/zoned-time.ts';

/** Mood is a whole number 1 (low) … 5 (bright); each has a warm label in the catalog. */
export const MOODS = [1, 2, 3, 4, 5] as const;
export type Mood = (typeof MOODS)[number];

/** The four optional questions, in the order they are asked. */
export const CHECKIN_QUESTIONS = ['highPoint', 'heavy', 'appreciation', 'need'] as const;
export type CheckinQuestion = (typeof CHECKIN_QUESTIONS)[number];

/** Longest answer to one question, in characters. */
export const CHECKIN_TEXT_MAX = 2000;

/** Days the consistency view looks back over, today included. */
export const CONSISTENCY_WINDOW = 28;

/**
 * The calendar date (YYYY-MM-DD) an instant falls on in a time zone: the day an answer counts for.
 *
 * @example localDay(Date.parse('2026-12-02T04:00:00Z'), 'America/Los_Angeles') // '2026-12-01'
 */
export function localDay(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  return isoDate(dayNumber(p.year, p.month, p.day));
}

/** One answer as the reveal rule sees it: who wrote it, and for which of their own days. */
export interface DayAnswer {
  authorId: string;
  day: string;
}

/**
 * Is an answer revealed? Yes when each partner has an answer for the same calendar date — each
 * date counted in its author's own time zone, so the stored `day` is already the author's date.
 * Someone in Auckland and someone in Los Angeles both answering "1 December" reveal each other,
 * even though their 1 Decembers are a day apart in absolute time.
 *
 * @example isRevealed({ authorId: 'a', day: '2026-12-01' }, [{ authorId: 'b', day: '2026-12-01' }]) // true
 */
export function isRevealed(answer: DayAnswer, coupleAnswers: readonly DayAnswer[]): boolean {
  return coupleAnswers.some((other) => other.authorId !== answer.authorId && other.day === answer.day);
}

/** The dates on which both partners answered, from all of one couple's answers. */
export function revealedDays(coupleAnswers: readonly DayAnswer[]): Set<string> {
  const authorsByDay = new Map<string, Set<string>>();
  for (const a of coupleAnswers) {
    const set = authorsByDay.get(a.day) ?? new Set<string>();
    set.add(a.authorId);
    authorsByDay.set(a.day, set);
  }
  return new Set([...authorsByDay].filter(([, authors]) => authors.size >= 2).map(([day]) => day));
}

/**
 * The first day of the window that ends on `today` (inclusive).
 *
 * @example windowStart('2026-12-01') // '2026-11-04'
 */
export function windowStart(today: string, window = CONSISTENCY_WINDOW): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return isoDate(dayNumber(y, m, d) - window + 1);
}

export interface ConsistencyDay {
  day: string;
  /** I answered that day. */
  mine: boolean;
  /** We both answered that day (so the answers were revealed). */
  both: boolean;
}

export interface Consistency {
  from: string;
  to: string;
  days: ConsistencyDay[];
  /** How many of the days I answered. */
  answered: number;
  /** How many of the days we both answered. */
  together: number;
}

/**
 * A gentle look at the last `window` days, oldest first: which days I answered and which we both
 * did. Counts only — deliberately no streaks, nothing "broken", no judgement about missed days.
 *
 * @example consistency('2026-12-01', ['2026-12-01'], ['2026-12-01']).answered // 1
 */
export function consistency(today: string, myDays: Iterable<string>, bothDays: Iterable<string>, window = CONSISTENCY_WINDOW): Consistency {
  const mine = new Set(myDays);
  const both = new Set(bothDays);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const end = dayNumber(y, m, d);
  const days: ConsistencyDay[] = [];
  for (let n = end - window + 1; n <= end; n++) {
    const day = isoDate(n);
    const isMine = mine.has(day);
    days.push({ day, mine: isMine, both: isMine && both.has(day) });
  }
  return {
    from: days[0]!.day,
    to: today,
    days,
    answered: days.filter((x) => x.mine).length,
    together: days.filter((x) => x.both).length,
  };
}
