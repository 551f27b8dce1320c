import { describe, expect, it } from 'vitest';
import { isLocalTime, isTimeZone, localDay, localInstant, nextDueAt } from './reminders.ts';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('localInstant', () => {
  it('is exact on an ordinary day', () => {
    expect(iso(localInstant('2026-06-01', '09:00', 'America/Chicago'))).toBe('2026-06-01T14:00:00.000Z');
    expect(iso(localInstant('2026-01-15', '09:00', 'Europe/Berlin'))).toBe('2026-01-15T08:00:00.000Z');
  });

  it('takes the first valid minute after a US spring-forward gap (2026-03-08)', () => {
    expect(iso(localInstant('2026-03-08', '02:30', 'America/Chicago'))).toBe('2026-03-08T08:00:00.000Z');
    expect(iso(localInstant('2026-03-08', '02:00', 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(localInstant('2026-03-08', '03:00', 'America/Chicago'))).toBe('2026-03-08T08:00:00.000Z');
    expect(iso(localInstant('2026-03-08', '01:59', 'America/Chicago'))).toBe('2026-03-08T07:59:00.000Z');
  });

  it('takes the first occurrence in a US fall-back overlap (2026-11-01)', () => {
    expect(iso(localInstant('2026-11-01', '01:30', 'America/Chicago'))).toBe('2026-11-01T06:30:00.000Z');
    expect(iso(localInstant('2026-11-01', '01:00', 'America/New_York'))).toBe('2026-11-01T05:00:00.000Z');
    expect(iso(localInstant('2026-11-01', '02:00', 'America/Chicago'))).toBe('2026-11-01T08:00:00.000Z');
  });

  it('handles the European changes (2026-03-29, 2026-10-25)', () => {
    expect(iso(localInstant('2026-03-29', '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(localInstant('2026-03-29', '01:30', 'Europe/London'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(localInstant('2026-10-25', '02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(localInstant('2026-10-25', '01:30', 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('needs nothing special in zones without daylight saving', () => {
    expect(iso(localInstant('2026-03-08', '02:30', 'America/Phoenix'))).toBe('2026-03-08T09:30:00.000Z');
    expect(iso(localInstant('2026-11-01', '01:30', 'America/Phoenix'))).toBe('2026-11-01T08:30:00.000Z');
    expect(iso(localInstant('2026-07-01', '20:00', 'Pacific/Honolulu'))).toBe('2026-07-02T06:00:00.000Z');
  });

  it('rejects a malformed time', () => {
    expect(() => localInstant('2026-01-01', '24:00', 'UTC')).toThrow(RangeError);
    expect(() => localInstant('2026-01-01', '9:00', 'UTC')).toThrow(RangeError);
  });
});

describe('nextDueAt', () => {
  it('09:00 America/Chicago is 14:00Z before Nov 1 2026 and 15:00Z after', () => {
    expect(iso(nextDueAt('09:00', 'America/Chicago', at('2026-10-31T12:00:00Z')))).toBe('2026-10-31T14:00:00.000Z');
    expect(iso(nextDueAt('09:00', 'America/Chicago', at('2026-10-31T14:00:00Z')))).toBe('2026-11-01T15:00:00.000Z');
    expect(iso(nextDueAt('09:00', 'America/Chicago', at('2026-11-01T15:00:30Z')))).toBe('2026-11-02T15:00:00.000Z');
  });

  it('09:00 America/Chicago moves from 15:00Z to 14:00Z across Mar 8 2026', () => {
    expect(iso(nextDueAt('09:00', 'America/Chicago', at('2026-03-07T10:00:00Z')))).toBe('2026-03-07T15:00:00.000Z');
    expect(iso(nextDueAt('09:00', 'America/Chicago', at('2026-03-07T15:00:00Z')))).toBe('2026-03-08T14:00:00.000Z');
  });

  it('Europe/Berlin 20:00 across Oct 25 2026', () => {
    expect(iso(nextDueAt('20:00', 'Europe/Berlin', at('2026-10-24T18:00:00Z')))).toBe('2026-10-25T19:00:00.000Z');
  });

  it('is strictly after now: due exactly now means tomorrow', () => {
    expect(iso(nextDueAt('09:00', 'UTC', at('2026-05-05T09:00:00Z')))).toBe('2026-05-06T09:00:00.000Z');
    expect(iso(nextDueAt('09:00', 'UTC', at('2026-05-05T08:59:59Z')))).toBe('2026-05-05T09:00:00.000Z');
  });

  it('uses the local day when the zone is across midnight from UTC', () => {
    // 23:30 in Los Angeles on Dec 1 is already Dec 2 in UTC.
    expect(iso(nextDueAt('23:30', 'America/Los_Angeles', at('2026-12-02T06:00:00Z')))).toBe('2026-12-02T07:30:00.000Z');
    expect(iso(nextDueAt('00:15', 'Pacific/Auckland', at('2026-12-02T10:00:00Z')))).toBe('2026-12-02T11:15:00.000Z');
    expect(iso(nextDueAt('07:00', 'Asia/Tokyo', at('2026-12-01T23:00:00Z')))).toBe('2026-12-02T22:00:00.000Z');
  });

  it('in a spring-forward gap, is due at the first valid minute that day', () => {
    expect(iso(nextDueAt('02:30', 'America/New_York', at('2026-03-08T05:00:00Z')))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(nextDueAt('02:30', 'America/New_York', at('2026-03-08T07:00:00Z')))).toBe('2026-03-09T06:30:00.000Z');
  });

  it('in a fall-back overlap, is due once (first occurrence), next day after', () => {
    expect(iso(nextDueAt('01:30', 'America/New_York', at('2026-11-01T04:00:00Z')))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(nextDueAt('01:30', 'America/New_York', at('2026-11-01T05:30:00Z')))).toBe('2026-11-02T06:30:00.000Z');
  });
});

describe('helpers', () => {
  it('localDay gives the date in the zone', () => {
    expect(localDay(at('2026-12-02T04:00:00Z'), 'America/Los_Angeles')).toBe('2026-12-01');
    expect(localDay(at('2026-12-02T04:00:00Z'), 'Asia/Tokyo')).toBe('2026-12-02');
  });
  it('validates times and zones', () => {
    expect(isLocalTime('00:00')).toBe(true);
    expect(isLocalTime('23:59')).toBe(true);
    expect(isLocalTime('24:00')).toBe(false);
    expect(isLocalTime('12:60')).toBe(false);
    expect(isTimeZone('America/Chicago')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
