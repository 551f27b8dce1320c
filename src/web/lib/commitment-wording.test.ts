import { describe, expect, it } from 'vitest';
import { describeRecord, describeSchedule } from './commitment-wording';

describe('commitment wording', () => {
  it('describes each kind of schedule in plain words', () => {
    expect(describeSchedule({ startDay: '2026-12-05', recurrence: null })).toBe('Once, on Saturday, December 5, 2026');
    expect(describeSchedule({ startDay: '2026-12-01', recurrence: 'FREQ=DAILY' })).toBe('Every day');
    expect(describeSchedule({ startDay: '2026-12-01', recurrence: 'FREQ=DAILY;INTERVAL=3;COUNT=4' })).toBe('Every 3 days, 4 times');
    // Without BYDAY a weekly rule falls on the start's weekday (1 December 2026 is a Tuesday).
    expect(describeSchedule({ startDay: '2026-12-01', recurrence: 'FREQ=WEEKLY' })).toBe('Every week on Tuesday');
    expect(describeSchedule({ startDay: '2026-12-01', recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20270115' })).toBe('Every 2 weeks on Monday, Thursday, until Friday, January 15, 2027');
  });

  it('states the record as counts, never a score', () => {
    expect(describeRecord({ days: 30, due: 30, kept: 27, missed: 2, unmarked: 1 })).toBe('Kept 27 of 30 in the last 30 days · 2 missed · 1 not marked yet');
    expect(describeRecord({ days: 30, due: 1, kept: 1, missed: 0, unmarked: 0 })).toBe('Kept 1 of 1 in the last 30 days');
    expect(describeRecord({ days: 30, due: 0, kept: 0, missed: 0, unmarked: 0 })).toBe('Nothing was due in the last 30 days yet.');
    expect(describeRecord({ days: 30, due: 1, kept: 0, missed: 0, unmarked: 1 })).not.toMatch(/%|score|fail/i);
  });
});
