import { describe, expect, it } from 'vitest';
import { dueReminder, type ReminderFacts } from './reminders.ts';

const HOUR = 3600_000;
const MIN = 60_000;
const start = Date.parse('2027-03-15T15:00:00Z');
const none = { h24: false, h1: false };
const facts = (nowMs: number, over: Partial<ReminderFacts> = {}): ReminderFacts => ({ startMs: start, toldMs: start - 5 * 24 * HOUR, nowMs, sent: none, ...over });

describe('dueReminder', () => {
  it('is nothing more than 24 hours ahead', () => {
    expect(dueReminder(facts(start - 24 * HOUR - 1))).toBeNull();
    expect(dueReminder(facts(start - 3 * 24 * HOUR))).toBeNull();
  });

  it('is the 24-hour reminder from 24 hours before until 1 hour before', () => {
    expect(dueReminder(facts(start - 24 * HOUR))).toBe('24h');
    expect(dueReminder(facts(start - 12 * HOUR))).toBe('24h');
    expect(dueReminder(facts(start - HOUR - 1))).toBe('24h');
  });

  it('is the 1-hour reminder from 1 hour before until the start, and nothing from the start on', () => {
    expect(dueReminder(facts(start - HOUR, { sent: { h24: true, h1: false } }))).toBe('1h');
    expect(dueReminder(facts(start - 1, { sent: { h24: true, h1: false } }))).toBe('1h');
    expect(dueReminder(facts(start, { sent: { h24: true, h1: false } }))).toBeNull();
    expect(dueReminder(facts(start + 10 * MIN))).toBeNull();
  });

  it('never repeats a reminder already sent', () => {
    expect(dueReminder(facts(start - 12 * HOUR, { sent: { h24: true, h1: false } }))).toBeNull();
    expect(dueReminder(facts(start - 30 * MIN, { sent: { h24: true, h1: true } }))).toBeNull();
  });

  it('drops a 24-hour reminder that was missed once the 1-hour window opens: only the 1-hour one goes', () => {
    expect(dueReminder(facts(start - 40 * MIN))).toBe('1h');
  });

  it('gives a booking accepted 3 hours before its start only the 1-hour reminder', () => {
    const told = start - 3 * HOUR;
    expect(dueReminder(facts(told, { toldMs: told }))).toBeNull();
    expect(dueReminder(facts(start - 2 * HOUR, { toldMs: told }))).toBeNull();
    expect(dueReminder(facts(start - HOUR, { toldMs: told }))).toBe('1h');
  });

  it('gives a booking accepted 30 minutes before its start no reminder: the confirmation just told the time', () => {
    const told = start - 30 * MIN;
    expect(dueReminder(facts(start - 29 * MIN, { toldMs: told }))).toBeNull();
  });

  it('sends the 24-hour reminder to a booking told exactly at its mark, or earlier', () => {
    expect(dueReminder(facts(start - 20 * HOUR, { toldMs: start - 24 * HOUR }))).toBe('24h');
    expect(dueReminder(facts(start - 20 * HOUR, { toldMs: start - 24 * HOUR + 1 }))).toBeNull();
  });

  it('walks a booking through its last day: 24 hours, then 1 hour, then nothing', () => {
    const sent = { h24: false, h1: false };
    const out: string[] = [];
    for (let now = start - 30 * HOUR; now <= start + HOUR; now += MIN) {
      const due = dueReminder(facts(now, { sent }));
      if (!due) continue;
      out.push(`${due}@${(start - now) / MIN}`);
      if (due === '24h') sent.h24 = true;
      else sent.h1 = true;
    }
    expect(out).toEqual(['24h@1440', '1h@60']);
  });
});
