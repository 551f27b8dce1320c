import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, icsDate } from './ics.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;
const unfold = (text: string) => text.replace(/\r\n /g, '');

const event = {
  uid: 'booking-42@trellis',
  startMs: Date.parse('2027-01-12T15:00:00Z'),
  endMs: Date.parse('2027-01-12T15:50:00Z'),
  stampMs: Date.parse('2026-12-03T08:00:00Z'),
  summary: 'Free consultation; couples, 50 minutes',
  description: 'Line one\nLine two, with a comma\\and a backslash',
  location: 'Video call',
  organizerName: 'Harbor "Couples" Practice',
  organizerEmail: 'hello@harbor.example',
};

describe('icsDate', () => {
  it('writes an instant in basic UTC form', () => {
    expect(icsDate(Date.parse('2027-01-12T15:00:00.123Z'))).toBe('20270112T150000Z');
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('foldLine', () => {
  it('leaves a short line alone', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
  });
  it('folds a long ASCII line so no physical line exceeds 75 octets, and unfolds back', () => {
    const line = `DESCRIPTION:${'x'.repeat(300)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) expect(octets(physical)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe(line);
  });
  it('never splits a multi-byte character', () => {
    const line = `SUMMARY:${'é🌱'.repeat(60)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) {
      expect(octets(physical)).toBeLessThanOrEqual(75);
      expect(physical).not.toMatch(/\uFFFD/);
    }
    expect(unfold(folded)).toBe(line);
  });
});

describe('buildIcs', () => {
  it('is a calendar a real parser reads back exactly', () => {
    const text = buildIcs(event);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((l) => octets(l) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(vevent.uid).toBe(event.uid);
    expect(vevent.summary).toBe(event.summary);
    expect(vevent.description).toBe(event.description);
    expect(vevent.location).toBe('Video call');
    expect(vevent.startDate.toJSDate().getTime()).toBe(event.startMs);
    expect(vevent.endDate.toJSDate().getTime()).toBe(event.endMs);
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('marks a cancellation, with a higher sequence', () => {
    const calendar = new ICAL.Component(ICAL.parse(buildIcs({ ...event, method: 'CANCEL', sequence: 2 })));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(2);
  });

  it('leaves out what it was not given', () => {
    const text = buildIcs({ uid: 'u', startMs: event.startMs, endMs: event.endMs, stampMs: event.stampMs, summary: 'x' });
    expect(text).not.toMatch(/DESCRIPTION|LOCATION|ORGANIZER/);
    expect(new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!).summary).toBe('x');
  });
});
