import { describe, expect, it } from 'vitest';
import { formatInZone, generateSlots, isBookableSlot, windowsOn, type SlotInput } from './slots.ts';

const Z = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

/** Monday 5 January 2026, 00:00 in Chicago (06:00Z). */
const base: SlotInput = {
  timeZone: 'America/Chicago',
  windows: [{ weekday: 1, start: '09:00', end: '12:00' }],
  exceptions: [],
  durationMinutes: 50,
  bufferMinutes: 10,
  minNoticeMinutes: 0,
  horizonDays: 1,
  nowMs: Z('2026-01-05T06:00:00Z'),
  busy: [],
};

describe('windowsOn', () => {
  const windows = [
    { weekday: 1 as const, start: '09:00', end: '12:00' },
    { weekday: 1 as const, start: '14:00', end: '17:00' },
    { weekday: 3 as const, start: '10:00', end: '11:00' },
  ];
  it('gives the weekly windows of that weekday', () => {
    expect(windowsOn('2026-01-05', windows, [])).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '17:00' },
    ]);
    expect(windowsOn('2026-01-07', windows, [])).toEqual([{ start: '10:00', end: '11:00' }]);
    expect(windowsOn('2026-01-06', windows, [])).toEqual([]);
  });
  it('gives nothing on a day off, even with an extra window that day', () => {
    expect(
      windowsOn('2026-01-05', windows, [
        { date: '2026-01-05', kind: 'off' },
        { date: '2026-01-05', kind: 'extra', start: '18:00', end: '19:00' },
      ]),
    ).toEqual([]);
  });
  it('adds an extra window to the weekly ones, only on its date', () => {
    const extra = [{ date: '2026-01-10', kind: 'extra' as const, start: '10:00', end: '12:00' }];
    expect(windowsOn('2026-01-10', windows, extra)).toEqual([{ start: '10:00', end: '12:00' }]);
    expect(windowsOn('2026-01-17', windows, extra)).toEqual([]);
  });
});

describe('generateSlots', () => {
  it('offers starts on the grid of duration + buffer, in the therapist’s winter time', () => {
    expect(generateSlots(base).map((s) => iso(s.startMs))).toEqual(['2026-01-05T15:00:00Z', '2026-01-05T16:00:00Z', '2026-01-05T17:00:00Z']);
    expect(generateSlots(base)[0]!.endMs - generateSlots(base)[0]!.startMs).toBe(50 * 60_000);
  });

  it('follows daylight saving: 09:00 in Chicago is 14:00Z in July', () => {
    const july = { ...base, nowMs: Z('2026-07-06T05:00:00Z') }; // Monday 6 July, 00:00 CDT
    expect(generateSlots(july).map((s) => iso(s.startMs))[0]).toBe('2026-07-06T14:00:00Z');
  });

  it('skips the starts that do not exist on the spring-forward day (Chicago, 8 March 2026)', () => {
    const input: SlotInput = {
      ...base,
      windows: [{ weekday: 7, start: '01:00', end: '04:00' }],
      durationMinutes: 30,
      bufferMinutes: 0,
      stepMinutes: 30,
      nowMs: Z('2026-03-08T06:00:00Z'), // Sunday 00:00 CST
    };
    expect(generateSlots(input).map((s) => iso(s.startMs))).toEqual([
      '2026-03-08T07:00:00Z', // 01:00 CST
      '2026-03-08T07:30:00Z', // 01:30 CST
      '2026-03-08T08:00:00Z', // 03:00 CDT (02:00 and 02:30 do not happen)
      '2026-03-08T08:30:00Z', // 03:30 CDT
    ]);
  });

  it('offers the repeated hour of the fall-back day once (Chicago, 1 November 2026)', () => {
    const input: SlotInput = {
      ...base,
      windows: [{ weekday: 7, start: '00:00', end: '03:00' }],
      nowMs: Z('2026-11-01T04:00:00Z'), // Saturday 23:00 CDT
    };
    const starts = generateSlots(input).map((s) => iso(s.startMs));
    expect(starts).toEqual([
      '2026-11-01T05:00:00Z', // 00:00 CDT
      '2026-11-01T06:00:00Z', // 01:00 CDT, the first of the two 01:00s
      '2026-11-01T08:00:00Z', // 02:00 CST
    ]);
    expect(new Set(starts).size).toBe(starts.length);
  });

  it('keeps Phoenix on one offset all year (no daylight saving)', () => {
    const input = { ...base, timeZone: 'America/Phoenix' };
    const jan = generateSlots({ ...input, nowMs: Z('2026-01-05T07:00:00Z') });
    const jul = generateSlots({ ...input, nowMs: Z('2026-07-06T07:00:00Z') });
    expect(iso(jan[0]!.startMs)).toBe('2026-01-05T16:00:00Z');
    expect(iso(jul[0]!.startMs)).toBe('2026-07-06T16:00:00Z');
  });

  it('uses Honolulu time (UTC−10) for a therapist there', () => {
    const input = { ...base, timeZone: 'Pacific/Honolulu', nowMs: Z('2026-01-05T10:00:00Z') };
    expect(generateSlots(input).map((s) => iso(s.startMs))).toEqual(['2026-01-05T19:00:00Z', '2026-01-05T20:00:00Z', '2026-01-05T21:00:00Z']);
  });

  it('offers nothing on a day off and the extra window’s slots on its date', () => {
    expect(generateSlots({ ...base, exceptions: [{ date: '2026-01-05', kind: 'off' }] })).toEqual([]);
    const saturday = generateSlots({
      ...base,
      nowMs: Z('2026-01-10T06:00:00Z'),
      exceptions: [{ date: '2026-01-10', kind: 'extra', start: '10:00', end: '11:00' }],
    });
    expect(saturday.map((s) => iso(s.startMs))).toEqual(['2026-01-10T16:00:00Z']);
  });

  it('keeps the buffer clear on both sides of another booking', () => {
    const busy = [{ startMs: Z('2026-01-05T16:00:00Z'), endMs: Z('2026-01-05T16:50:00Z') }];
    expect(generateSlots({ ...base, busy }).map((s) => iso(s.startMs))).toEqual(['2026-01-05T15:00:00Z', '2026-01-05T17:00:00Z']);
    // A 15-minute buffer reaches into the slot before (ends 15:50, +15 > 16:00) and after (16:50 + 15 > 17:00).
    expect(generateSlots({ ...base, bufferMinutes: 15, stepMinutes: 60, busy })).toEqual([]);
  });

  it('respects the minimum notice', () => {
    const input = { ...base, nowMs: Z('2026-01-05T14:30:00Z'), minNoticeMinutes: 60 }; // 08:30 CST
    expect(generateSlots(input).map((s) => iso(s.startMs))).toEqual(['2026-01-05T16:00:00Z', '2026-01-05T17:00:00Z']);
  });

  it('stops at the horizon', () => {
    const twoWeeks = generateSlots({ ...base, horizonDays: 14 });
    expect(twoWeeks).toHaveLength(6); // Mondays 5 and 12 January, three slots each
    expect(twoWeeks.every((s) => s.startMs < base.nowMs + 14 * 86_400_000)).toBe(true);
    expect(generateSlots({ ...base, horizonDays: 6, nowMs: Z('2026-01-05T18:00:00Z') })).toEqual([]);
    expect(generateSlots({ ...base, horizonDays: 7, nowMs: Z('2026-01-05T18:00:00Z') })).toHaveLength(3);
  });

  it('never offers a slot that runs past the end of its window', () => {
    const slots = generateSlots({ ...base, windows: [{ weekday: 1, start: '09:00', end: '10:30' }] });
    expect(slots.map((s) => iso(s.endMs))).toEqual(['2026-01-05T15:50:00Z']);
  });
});

describe('isBookableSlot', () => {
  const now = Z('2026-01-05T14:00:00Z'); // 08:00 CST
  const input = { ...base, nowMs: now, minNoticeMinutes: 60, horizonDays: 14 };
  it.each([
    ['a start in the past', '2026-01-05T13:00:00Z', 'past'],
    ['a start inside the notice period', '2026-01-05T14:30:00Z', 'too-soon'],
    ['a start at or after the horizon', '2026-01-19T15:00:00Z', 'beyond-horizon'],
    ['a start on a day without availability', '2026-01-06T15:00:00Z', 'outside-availability'],
    ['a session that would run past the window', '2026-01-05T17:30:00Z', 'outside-availability'],
  ])('refuses %s', (_what, start, reason) => {
    expect(isBookableSlot(input, Z(start))).toEqual({ ok: false, reason });
  });

  it('refuses a start that is not a number', () => {
    expect(isBookableSlot(input, Number.NaN)).toEqual({ ok: false, reason: 'past' });
  });

  it('refuses a start that overlaps another booking or its buffer', () => {
    const busy = [{ startMs: Z('2026-01-05T16:00:00Z'), endMs: Z('2026-01-05T16:50:00Z') }];
    expect(isBookableSlot({ ...input, busy }, Z('2026-01-05T16:55:00Z'))).toEqual({ ok: false, reason: 'taken' });
    expect(isBookableSlot({ ...input, busy }, Z('2026-01-05T15:05:00Z'))).toEqual({ ok: false, reason: 'taken' });
    expect(isBookableSlot({ ...input, busy }, Z('2026-01-05T17:00:00Z')).ok).toBe(true);
  });

  it('accepts any start inside a window, not only the offered grid', () => {
    expect(isBookableSlot(input, Z('2026-01-05T15:15:00Z'))).toEqual({
      ok: true,
      slot: { startMs: Z('2026-01-05T15:15:00Z'), endMs: Z('2026-01-05T16:05:00Z') },
    });
  });

  it('accepts every slot generateSlots offers', () => {
    for (const slot of generateSlots(input)) expect(isBookableSlot(input, slot.startMs)).toEqual({ ok: true, slot });
  });
});

describe('formatInZone', () => {
  it('labels an instant in the client’s own zone', () => {
    const ms = Z('2026-01-05T15:00:00Z');
    expect(formatInZone(ms, 'America/Chicago')).toMatchObject({ date: '2026-01-05', time: '09:00' });
    expect(formatInZone(ms, 'America/Chicago').label).toMatch(/Mon, Jan 5, 9:00\sAM CST/);
    expect(formatInZone(ms, 'America/New_York')).toMatchObject({ date: '2026-01-05', time: '10:00' });
    expect(formatInZone(ms, 'Pacific/Honolulu')).toMatchObject({ date: '2026-01-05', time: '05:00' });
  });
  it('moves to the next local date when the zone is ahead', () => {
    expect(formatInZone(Z('2026-01-05T23:30:00Z'), 'Europe/Berlin')).toMatchObject({ date: '2026-01-06', time: '00:30' });
  });
});
