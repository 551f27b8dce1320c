import { describe, expect, it } from 'vitest';
import { addDays, dayOf, endOfDayIso, isDay, isoToLocalInput, localInputToIso, startOfDayIso } from './datetime';

describe('localInputToIso', () => {
  it('reads a wall-clock time in the given zone', () => {
    expect(localInputToIso('2026-07-01T12:30', 'America/New_York')).toBe('2026-07-01T16:30:00.000Z');
    expect(localInputToIso('2026-01-15T12:30', 'America/New_York')).toBe('2026-01-15T17:30:00.000Z');
    expect(localInputToIso('2026-07-01T12:30', 'Asia/Kolkata')).toBe('2026-07-01T07:00:00.000Z');
    expect(localInputToIso('2026-07-01T12:30', 'UTC')).toBe('2026-07-01T12:30:00.000Z');
    expect(localInputToIso('2026-07-01T12:30:15', 'UTC')).toBe('2026-07-01T12:30:15.000Z');
  });

  it('crosses the date line correctly', () => {
    expect(localInputToIso('2026-07-01T05:00', 'Pacific/Auckland')).toBe('2026-06-30T17:00:00.000Z');
    expect(localInputToIso('2026-07-01T20:00', 'Pacific/Honolulu')).toBe('2026-07-02T06:00:00.000Z');
  });

  it('takes the earlier instant when clocks go back and the time happens twice', () => {
    // New York, 1 November 2026: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(localInputToIso('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    // London, 25 October 2026: 01:30 happens at 00:30Z (BST) and 01:30Z (GMT).
    expect(localInputToIso('2026-10-25T01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('moves forward past the gap when clocks go forward and the time never happens', () => {
    // New York, 8 March 2026: 02:00–03:00 does not exist; 02:30 becomes 03:30 EDT.
    const iso = localInputToIso('2026-03-08T02:30', 'America/New_York');
    expect(iso).toBe('2026-03-08T07:30:00.000Z');
    expect(isoToLocalInput(iso!, 'America/New_York')).toBe('2026-03-08T03:30');
  });

  it('refuses values that are not a date and time', () => {
    expect(localInputToIso('', 'UTC')).toBeUndefined();
    expect(localInputToIso('2026-07-01', 'UTC')).toBeUndefined();
    expect(localInputToIso('2026-04-31T10:00', 'UTC')).toBeUndefined();
    expect(localInputToIso('2026-13-01T10:00', 'UTC')).toBeUndefined();
    expect(localInputToIso('2026-07-01T24:00', 'UTC')).toBeUndefined();
  });
});

describe('isoToLocalInput', () => {
  it('shows an instant as a wall-clock time in the zone', () => {
    expect(isoToLocalInput('2026-07-01T16:30:00Z', 'America/New_York')).toBe('2026-07-01T12:30');
    expect(isoToLocalInput('2026-07-01T16:30:59.999Z', 'Europe/Paris')).toBe('2026-07-01T18:30');
    expect(isoToLocalInput('2026-07-01T00:00:00Z', 'America/Los_Angeles')).toBe('2026-06-30T17:00');
    expect(isoToLocalInput('not a date', 'UTC')).toBe('');
  });

  it('round-trips every quarter hour through a whole DST year', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kathmandu']) {
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 3_600_000 + 15 * 60_000) {
        const local = isoToLocalInput(new Date(ms).toISOString(), zone);
        const back = localInputToIso(local, zone)!;
        // Either the same instant, or (in the repeated hour) the earlier of the two.
        expect(isoToLocalInput(back, zone), `${zone} ${new Date(ms).toISOString()}`).toBe(local);
        expect(Date.parse(back)).toBeLessThanOrEqual(ms);
        expect(ms - Date.parse(back)).toBeLessThanOrEqual(3_600_000);
      }
    }
  });
});

describe('days', () => {
  it('knows which day an instant falls on in a zone', () => {
    expect(dayOf(Date.parse('2026-07-02T02:00:00Z'), 'America/Chicago')).toBe('2026-07-01');
    expect(dayOf(Date.parse('2026-07-02T02:00:00Z'), 'Europe/Paris')).toBe('2026-07-02');
  });

  it('gives the first and last moment of a day in a zone', () => {
    expect(startOfDayIso('2026-07-01', 'America/Chicago')).toBe('2026-07-01T05:00:00.000Z');
    expect(endOfDayIso('2026-07-01', 'America/Chicago')).toBe('2026-07-02T04:59:59.999Z');
    // A 23-hour day.
    expect(startOfDayIso('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
    expect(endOfDayIso('2026-03-08', 'America/New_York')).toBe('2026-03-09T03:59:59.999Z');
    expect(endOfDayIso('2026-12-31', 'UTC')).toBe('2026-12-31T23:59:59.999Z');
    expect(startOfDayIso('2026-02-30', 'UTC')).toBeUndefined();
    expect(endOfDayIso('nope', 'UTC')).toBeUndefined();
  });

  it('adds days and checks day strings', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('26-02-01')).toBe(false);
  });
});
