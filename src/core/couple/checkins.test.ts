import { describe, expect, it } from 'vitest';
import { consistency, isRevealed, localDay, revealedDays } from './checkins.ts';

describe('localDay', () => {
  it('gives the calendar date in the author’s own time zone', () => {
    const instant = Date.parse('2026-12-02T04:00:00Z');
    expect(localDay(instant, 'America/Los_Angeles')).toBe('2026-12-01');
    expect(localDay(instant, 'Pacific/Auckland')).toBe('2026-12-02');
    expect(localDay(instant, 'UTC')).toBe('2026-12-02');
  });

  it('is right across a daylight-saving change', () => {
    // Los Angeles falls back on 2026-11-01 at 02:00 local (09:00Z).
    expect(localDay(Date.parse('2026-11-02T07:30:00Z'), 'America/Los_Angeles')).toBe('2026-11-01');
    expect(localDay(Date.parse('2026-11-02T08:30:00Z'), 'America/Los_Angeles')).toBe('2026-11-02');
  });
});

describe('the reveal rule', () => {
  it('reveals when both partners answered the same calendar date, each in their own zone', () => {
    // The same instant: 1 December in Los Angeles, already 2 December in Auckland.
    const at = Date.parse('2026-12-02T04:00:00Z');
    const me = { authorId: 'me', day: localDay(at, 'America/Los_Angeles') };
    const partnerSameInstant = { authorId: 'partner', day: localDay(at, 'Pacific/Auckland') };
    expect(isRevealed(me, [me, partnerSameInstant])).toBe(false);

    // Auckland's 1 December ended hours before Los Angeles's began: still the same date, so revealed.
    const partnerEarlier = { authorId: 'partner', day: localDay(Date.parse('2026-11-30T20:00:00Z'), 'Pacific/Auckland') };
    expect(partnerEarlier.day).toBe('2026-12-01');
    expect(isRevealed(me, [me, partnerEarlier])).toBe(true);
    expect(isRevealed(partnerEarlier, [me, partnerEarlier])).toBe(true);
  });

  it('never reveals an answer on its author’s own answers alone', () => {
    const a = { authorId: 'me', day: '2026-12-01' };
    expect(isRevealed(a, [a, { authorId: 'me', day: '2026-12-01' }])).toBe(false);
    expect(isRevealed(a, [])).toBe(false);
  });

  it('lists the days on which both answered', () => {
    const days = revealedDays([
      { authorId: 'a', day: '2026-11-29' },
      { authorId: 'b', day: '2026-11-29' },
      { authorId: 'a', day: '2026-11-30' },
      { authorId: 'b', day: '2026-12-01' },
    ]);
    expect([...days]).toEqual(['2026-11-29']);
  });
});

describe('the consistency view', () => {
  it('covers the last 28 days, oldest first, today included', () => {
    const view = consistency('2026-12-01', [], []);
    expect(view.days).toHaveLength(28);
    expect(view.from).toBe('2026-11-04');
    expect(view.days[0]!.day).toBe('2026-11-04');
    expect(view.days.at(-1)!.day).toBe('2026-12-01');
    expect(view).toMatchObject({ answered: 0, together: 0, to: '2026-12-01' });
  });

  it('counts days I answered and days we both answered, ignoring days outside the window', () => {
    const view = consistency('2026-12-01', ['2026-12-01', '2026-11-30', '2026-11-20', '2026-10-01'], ['2026-11-30', '2026-10-01']);
    expect(view.answered).toBe(3);
    expect(view.together).toBe(1);
    expect(view.days.find((d) => d.day === '2026-11-30')).toEqual({ day: '2026-11-30', mine: true, both: true });
    expect(view.days.find((d) => d.day === '2026-11-21')).toEqual({ day: '2026-11-21', mine: false, both: false });
  });

  it('spans month and year ends', () => {
    const view = consistency('2027-01-03', ['2026-12-31'], []);
    expect(view.from).toBe('2026-12-07');
    expect(view.answered).toBe(1);
  });

  it('has no notion of a streak: a gap changes nothing but that day', () => {
    const steady = consistency('2026-12-01', ['2026-11-29', '2026-11-30', '2026-12-01'], []);
    const gap = consistency('2026-12-01', ['2026-11-29', '2026-12-01'], []);
    expect(Object.keys(steady).sort()).toEqual(['answered', 'days', 'from', 'to', 'together']);
    expect(steady.answered - gap.answered).toBe(1);
  });
});
