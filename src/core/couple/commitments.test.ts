import { describe, expect, it } from 'vitest';
import {
  addDays,
  isDue,
  localDay,
  nextDue,
  occurrencesBetween,
  parseDay,
  parseRecurrence,
  serializeRecurrence,
  trackRecord,
  weekdayOf,
  weeklyRecord,
  type Outcome,
  type Recurrence,
  type Schedule,
} from './commitments.ts';

const rule = (s: string): Recurrence => {
  const r = parseRecurrence(s);
  if (!r.ok) throw new Error(r.error);
  return r.rule;
};
const outcomes = (entries: Array<[string, Outcome]>) => new Map(entries);

describe('parseRecurrence', () => {
  it('reads the supported subset and normalises it', () => {
    expect(parseRecurrence('FREQ=DAILY')).toEqual({ ok: true, rule: { freq: 'DAILY', interval: 1, byDay: [] } });
    expect(parseRecurrence('RRULE:freq=weekly;byday=TH,MO,MO;interval=2;until=20270131')).toEqual({
      ok: true,
      rule: { freq: 'WEEKLY', interval: 2, byDay: ['MO', 'TH'], until: '2027-01-31' },
    });
    expect(parseRecurrence('FREQ=DAILY;COUNT=10;WKST=MO')).toEqual({ ok: true, rule: { freq: 'DAILY', interval: 1, byDay: [], count: 10 } });
    expect(rule('FREQ=WEEKLY;UNTIL=20261231T235959Z').until).toBe('2026-12-31');
  });

  it.each([
    ['', 'empty'],
    ['FREQ=MONTHLY', 'FREQ must be'],
    ['FREQ=DAILY;BYDAY=MO', 'WEEKLY only'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'not a weekday'],
    ['FREQ=DAILY;COUNT=3;UNTIL=20270101', 'not both'],
    ['FREQ=DAILY;INTERVAL=0', 'INTERVAL'],
    ['FREQ=DAILY;INTERVAL=366', 'INTERVAL'],
    ['FREQ=DAILY;COUNT=1001', 'COUNT'],
    ['FREQ=DAILY;COUNT=-1', 'COUNT'],
    ['FREQ=DAILY;UNTIL=20270230', 'UNTIL'],
    ['FREQ=DAILY;BYHOUR=9', 'not supported'],
    ['FREQ=DAILY;FREQ=WEEKLY', 'twice'],
    ['FREQ', 'NAME=VALUE'],
    ['FREQ=WEEKLY;WKST=SU', 'Monday'],
  ])('refuses %j with a reason', (text, reason) => {
    const r = parseRecurrence(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(reason);
  });

  it('writes back what it reads (round trip)', () => {
    for (const text of ['FREQ=DAILY', 'FREQ=DAILY;INTERVAL=3;COUNT=5', 'FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20270115', 'FREQ=WEEKLY;INTERVAL=2']) {
      expect(serializeRecurrence(rule(text))).toBe(text);
    }
    expect(serializeRecurrence(rule('RRULE:freq=weekly;byday=FR,MO'))).toBe('FREQ=WEEKLY;BYDAY=MO,FR');
  });
});

describe('calendar dates', () => {
  it('validates and steps calendar dates without time-zone effects', () => {
    expect(parseDay('2026-02-29')).toBeUndefined();
    expect(parseDay('2028-02-29')).toBeDefined();
    expect(parseDay('2026-1-01')).toBeUndefined();
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    // Daylight-saving changes (US: 8 March and 1 November 2026; EU: 29 March) do not skip or repeat a day.
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
    expect(weekdayOf('2026-12-01')).toBe('TU');
  });
});

describe('occurrencesBetween', () => {
  it('a one-off is due on its start day only', () => {
    const s: Schedule = { startDay: '2026-12-05', rule: null };
    expect(occurrencesBetween(s, '2026-12-01', '2026-12-31')).toEqual(['2026-12-05']);
    expect(occurrencesBetween(s, '2026-12-06', '2026-12-31')).toEqual([]);
    expect(isDue(s, '2026-12-05')).toBe(true);
    expect(isDue(s, '2026-12-06')).toBe(false);
  });

  it('daily, across a daylight-saving change, with an interval', () => {
    const daily: Schedule = { startDay: '2026-03-06', rule: rule('FREQ=DAILY') };
    expect(occurrencesBetween(daily, '2026-03-01', '2026-03-10')).toEqual(['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
    const everyThird: Schedule = { startDay: '2026-10-30', rule: rule('FREQ=DAILY;INTERVAL=3') };
    expect(occurrencesBetween(everyThird, '2026-10-31', '2026-11-10')).toEqual(['2026-11-02', '2026-11-05', '2026-11-08']);
  });

  it('COUNT numbers occurrences from the start, even when the window starts later', () => {
    const s: Schedule = { startDay: '2026-12-01', rule: rule('FREQ=DAILY;COUNT=3') };
    expect(occurrencesBetween(s, '2026-11-01', '2026-12-31')).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
    expect(occurrencesBetween(s, '2026-12-03', '2026-12-31')).toEqual(['2026-12-03']);
    const weekly: Schedule = { startDay: '2026-12-01', rule: rule('FREQ=WEEKLY;BYDAY=MO,TH;COUNT=3') };
    // Tuesday 1 Dec is not a Monday or Thursday: the first is Thursday 3 Dec.
    expect(occurrencesBetween(weekly, '2026-12-01', '2027-01-31')).toEqual(['2026-12-03', '2026-12-07', '2026-12-10']);
  });

  it('UNTIL is inclusive', () => {
    const s: Schedule = { startDay: '2026-12-28', rule: rule('FREQ=DAILY;UNTIL=20261231') };
    expect(occurrencesBetween(s, '2026-12-01', '2027-01-31')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']);
  });

  it('weekly without BYDAY falls on the start weekday; with BYDAY on the chosen days; INTERVAL skips whole weeks', () => {
    const plain: Schedule = { startDay: '2026-12-02', rule: rule('FREQ=WEEKLY') };
    expect(occurrencesBetween(plain, '2026-12-01', '2026-12-31')).toEqual(['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23', '2026-12-30']);
    const fortnightly: Schedule = { startDay: '2026-12-02', rule: rule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE') };
    // Week of Mon 30 Nov (start; Mon 30 Nov is before the start), skip week of 7 Dec, week of 14 Dec, skip, week of 28 Dec.
    expect(occurrencesBetween(fortnightly, '2026-11-01', '2026-12-31')).toEqual(['2026-12-02', '2026-12-14', '2026-12-16', '2026-12-28', '2026-12-30']);
  });

  it('stops at the last day of an ended commitment', () => {
    const s: Schedule = { startDay: '2026-12-01', rule: rule('FREQ=DAILY'), lastDay: '2026-12-03' };
    expect(occurrencesBetween(s, '2026-12-01', '2026-12-31')).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
    expect(nextDue(s, '2026-12-04', 3)).toEqual([]);
  });

  it('lists the next due days', () => {
    expect(nextDue({ startDay: '2026-12-01', rule: rule('FREQ=WEEKLY;BYDAY=SA,SU') }, '2026-12-01', 3)).toEqual(['2026-12-05', '2026-12-06', '2026-12-12']);
    expect(nextDue({ startDay: '2026-12-01', rule: null }, '2026-11-20', 3)).toEqual(['2026-12-01']);
  });
});

describe('track record', () => {
  const daily: Schedule = { startDay: '2026-11-01', rule: rule('FREQ=DAILY') };

  it('counts kept, missed and not yet marked over the last N days, never the future', () => {
    const o = new Map<string, Outcome>();
    for (let i = 0; i < 30; i++) o.set(addDays('2026-11-01', i), 'kept');
    o.set('2026-11-10', 'missed');
    o.set('2026-11-20', 'missed');
    o.delete('2026-11-25');
    expect(trackRecord(daily, o, '2026-11-30', 30)).toEqual({ days: 30, from: '2026-11-01', to: '2026-11-30', due: 30, kept: 27, missed: 2, unmarked: 1 });
    // Seven days: 24–30 Nov, 25th unmarked.
    expect(trackRecord(daily, o, '2026-11-30', 7)).toMatchObject({ due: 7, kept: 6, missed: 0, unmarked: 1 });
  });

  it('counts only days since the start, and a new one-off today as one due', () => {
    expect(trackRecord({ startDay: '2026-12-01', rule: rule('FREQ=DAILY') }, outcomes([['2026-12-01', 'kept']]), '2026-12-01', 30)).toMatchObject({ due: 1, kept: 1, unmarked: 0 });
    expect(trackRecord({ startDay: '2026-12-05', rule: null }, outcomes([]), '2026-12-01', 30)).toMatchObject({ due: 0, kept: 0, missed: 0, unmarked: 0 });
  });

  it('keeps a day marked before the commitment ended', () => {
    const ended: Schedule = { ...daily, lastDay: '2026-11-27' };
    const r = trackRecord(ended, outcomes([['2026-11-28', 'kept']]), '2026-11-30', 7);
    // 24–27 due and unmarked, 28 marked before ending: 5 due.
    expect(r).toMatchObject({ due: 5, kept: 1, unmarked: 4 });
  });

  it('per week, Monday first, the current week cut at today', () => {
    const weekly = weeklyRecord(daily, outcomes([['2026-11-23', 'kept'], ['2026-11-24', 'missed'], ['2026-11-30', 'kept']]), '2026-12-01', 3);
    expect(weekly.map((w) => w.weekStart)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    expect(weekly[0]).toMatchObject({ due: 7, kept: 0, unmarked: 7 });
    expect(weekly[1]).toMatchObject({ due: 7, kept: 1, missed: 1, unmarked: 5 });
    expect(weekly[2]).toMatchObject({ due: 2, kept: 1, unmarked: 1 });
  });
});

describe('localDay', () => {
  it('is the calendar date where the person is', () => {
    expect(localDay(Date.parse('2026-12-01T03:00:00Z'), 'America/Chicago')).toBe('2026-11-30');
    expect(localDay(Date.parse('2026-12-01T03:00:00Z'), 'Asia/Tokyo')).toBe('2026-12-01');
    expect(localDay(Date.parse('2026-11-30T23:30:00Z'), 'Pacific/Auckland')).toBe('2026-12-01');
  });
});
