import { describe, expect, it } from 'vitest';
import { BODY_CUES, TOPICS, URGES, WOUND_OR_SIGNAL, type EntryKind } from '../reflect/catalogs.ts';
import type { EntryFacts } from './entry-facts.ts';
import { computeInsights, partOfDay, SPARSE_BELOW, TOP_BODY_CUES, TOP_TAGS, WEEKLY_UP_TO_DAYS } from './insights.ts';
import { isoWeekday, isoWeekLabel, dayNumber, localParts, offsetMinutes, startOfLocalDay } from './zoned-time.ts';
import { seededRandom as prng } from '../seeded-random.ts';

let seq = 0;
function fact(occurredAt: string, over: Partial<EntryFacts> = {}): EntryFacts {
  seq++;
  return {
    id: `id-${seq}`,
    kind: 'thought_record',
    occurredAt,
    topic: null,
    tags: [],
    bodyCues: [],
    intensityBefore: null,
    intensityAfter: null,
    urge: null,
    urgeActedOn: null,
    woundOrSignal: null,
    ...over,
  };
}

const RANGE = { timeZone: 'UTC', from: '2026-11-01T00:00:00Z', to: '2026-11-30T23:59:59.999Z' };
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const heatSum = (counts: number[][]) => sum(counts.map(sum));

describe('zoned time', () => {
  it('reads the wall clock in the given zone', () => {
    expect(localParts(Date.parse('2026-07-01T02:15:00Z'), 'America/Los_Angeles')).toEqual({ year: 2026, month: 6, day: 30, hour: 19, minute: 15 });
    expect(localParts(Date.parse('2026-07-01T02:15:00Z'), 'Asia/Kolkata')).toEqual({ year: 2026, month: 7, day: 1, hour: 7, minute: 45 });
    expect(localParts(Date.parse('2026-07-01T00:00:00Z'), 'UTC').hour).toBe(0);
  });

  it('knows ISO weekdays and week labels, including the week-year at the turn of a year', () => {
    expect(isoWeekday(dayNumber(2026, 11, 30))).toBe(0); // Monday
    expect(isoWeekday(dayNumber(2026, 11, 29))).toBe(6); // Sunday
    expect(isoWeekLabel(dayNumber(2026, 12, 1))).toBe('2026-W49');
    expect(isoWeekLabel(dayNumber(2027, 1, 1))).toBe('2026-W53'); // a Friday in the 53rd week of 2026
    expect(isoWeekLabel(dayNumber(2024, 12, 30))).toBe('2025-W01');
    expect(isoWeekLabel(dayNumber(2021, 1, 3))).toBe('2020-W53');
  });

  it('finds offsets and the start of a local day across daylight-saving changes', () => {
    expect(offsetMinutes(Date.parse('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(-300);
    expect(offsetMinutes(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-240);
    expect(startOfLocalDay('2026-03-08', 'America/New_York')).toBe(Date.parse('2026-03-08T05:00:00Z'));
    expect(startOfLocalDay('2026-03-09', 'America/New_York')).toBe(Date.parse('2026-03-09T04:00:00Z'));
    expect(startOfLocalDay('2026-11-01', 'America/New_York')).toBe(Date.parse('2026-11-01T04:00:00Z'));
    expect(startOfLocalDay('2026-11-02', 'America/New_York')).toBe(Date.parse('2026-11-02T05:00:00Z'));
    expect(startOfLocalDay('2026-06-01', 'Asia/Kathmandu')).toBe(Date.parse('2026-05-31T18:15:00Z'));
    // Santiago springs forward at midnight: 2026-09-06 begins at 01:00 local (04:00Z).
    expect(startOfLocalDay('2026-09-06', 'America/Santiago')).toBe(Date.parse('2026-09-06T04:00:00Z'));
  });
});

describe('computeInsights: each statistic on small hand-computed histories', () => {
  it('is empty, not sparse, for no entries, with zero-filled views', () => {
    const r = computeInsights([], RANGE);
    expect(r.empty).toBe(true);
    expect(r.sparse).toBe(false);
    expect(r.totals).toEqual({ entries: 0, triggers: 0, reflections: 0 });
    expect(heatSum(r.heatmap.counts)).toBe(0);
    expect(r.heatmap.counts).toHaveLength(7);
    expect(r.heatmap.counts.every((row) => row.length === 24)).toBe(true);
    expect(r.heatmap.busiest).toBeNull();
    expect(r.intensity.overall).toBeNull();
    expect(r.woundOrSignal.shares).toEqual({ old_wound: 0, present_signal: 0, both: 0, unsure: 0 });
    expect(r.urges.periods.every((p) => p.actedOn === 0 && p.resisted === 0)).toBe(true);
    expect(r.range.days).toBe(30);
  });

  it('places triggers by local weekday and hour, and names the busiest part of the week', () => {
    const r = computeInsights(
      [
        fact('2026-11-02T19:10:00Z'), // Monday 19h
        fact('2026-11-03T20:45:00Z'), // Tuesday 20h
        fact('2026-11-03T20:05:00Z'), // Tuesday 20h
        fact('2026-11-07T09:00:00Z'), // Saturday 9h
        fact('2026-11-08T23:30:00Z', { kind: 'reflection' }), // not a trigger
      ],
      RANGE,
    );
    expect(r.totals).toEqual({ entries: 5, triggers: 4, reflections: 1 });
    expect(r.heatmap.counts[0]![19]).toBe(1);
    expect(r.heatmap.counts[1]![20]).toBe(2);
    expect(r.heatmap.counts[5]![9]).toBe(1);
    expect(r.heatmap.counts[6]![23]).toBe(0);
    expect(heatSum(r.heatmap.counts)).toBe(4);
    expect(r.heatmap.busiest).toEqual({ days: 'weekdays', partOfDay: 'evening', count: 3 });
    expect(r.sparse).toBe(true);
  });

  it('names weekend nights when they are busiest', () => {
    const r = computeInsights([fact('2026-11-07T23:00:00Z'), fact('2026-11-08T02:00:00Z'), fact('2026-11-04T12:00:00Z')], RANGE);
    expect(r.heatmap.busiest).toEqual({ days: 'weekends', partOfDay: 'night', count: 2 });
  });

  it('ignores entries outside the range', () => {
    const r = computeInsights([fact('2026-10-31T23:59:59Z'), fact('2026-11-01T00:00:00Z'), fact('2026-12-01T00:00:00Z')], RANGE);
    expect(r.totals.entries).toBe(1);
  });

  it('counts topics and tags, most frequent first, ties alphabetically, tags case-insensitively', () => {
    const r = computeInsights(
      [
        fact('2026-11-02T10:00:00Z', { topic: 'money', tags: ['Dinner', 'phone'] }),
        fact('2026-11-03T10:00:00Z', { topic: 'communication', tags: ['dinner'] }),
        fact('2026-11-04T10:00:00Z', { topic: 'money', tags: ['work trip'] }),
        fact('2026-11-05T10:00:00Z', { topic: 'family' }),
        fact('2026-11-06T10:00:00Z'),
      ],
      RANGE,
    );
    expect(r.topics.items).toEqual([
      { topic: 'money', count: 2 },
      { topic: 'communication', count: 1 },
      { topic: 'family', count: 1 },
    ]);
    expect(r.topics.withoutTopic).toBe(1);
    expect(r.tags.items).toEqual([
      { tag: 'Dinner', count: 2 },
      { tag: 'phone', count: 1 },
      { tag: 'work trip', count: 1 },
    ]);
    expect(r.tags.distinct).toBe(3);
    expect(r.tags.withoutTags).toBe(2);
  });

  it('keeps only the top tags and body cues but reports how many there were', () => {
    const many = Array.from({ length: TOP_TAGS + 3 }, (_, i) => fact('2026-11-10T10:00:00Z', { tags: [`tag${String(i).padStart(2, '0')}`], bodyCues: [BODY_CUES[i % BODY_CUES.length]!] }));
    const r = computeInsights(many, RANGE);
    expect(r.tags.items).toHaveLength(TOP_TAGS);
    expect(r.tags.distinct).toBe(TOP_TAGS + 3);
    expect(r.bodyCues.items).toHaveLength(TOP_BODY_CUES);
    expect(r.bodyCues.distinct).toBe(Math.min(BODY_CUES.length, TOP_TAGS + 3));
  });

  it('means intensity before and after reframing per local ISO week, over entries rated both ways', () => {
    const r = computeInsights(
      [
        fact('2026-11-02T10:00:00Z', { intensityBefore: 80, intensityAfter: 40 }), // W45
        fact('2026-11-08T10:00:00Z', { intensityBefore: 60, intensityAfter: 30 }), // Sunday, still W45
        fact('2026-11-09T10:00:00Z', { intensityBefore: 90, intensityAfter: 75 }), // Monday W46
        fact('2026-11-10T10:00:00Z', { intensityBefore: 70 }), // no after: left out
        fact('2026-11-11T10:00:00Z', { intensityBefore: 0, intensityAfter: 0 }), // zero counts
      ],
      RANGE,
    );
    expect(r.intensity.weeks).toEqual([
      { week: '2026-W45', start: '2026-11-02', entries: 2, meanBefore: 70, meanAfter: 35 },
      { week: '2026-W46', start: '2026-11-09', entries: 2, meanBefore: 45, meanAfter: 37.5 },
    ]);
    expect(r.intensity.overall).toEqual({ entries: 4, meanBefore: 57.5, meanAfter: 36.3 });
  });

  it('counts urges acted on and let pass per week for short ranges, zero-filled', () => {
    const r = computeInsights(
      [
        fact('2026-11-02T10:00:00Z', { urge: 'check_phone', urgeActedOn: true }),
        fact('2026-11-03T10:00:00Z', { urge: 'withdraw', urgeActedOn: false }),
        fact('2026-11-04T10:00:00Z', { urge: 'withdraw', urgeActedOn: false }),
        fact('2026-11-17T10:00:00Z', { urge: 'accuse', urgeActedOn: false }),
        fact('2026-11-18T10:00:00Z', { urge: 'accuse', urgeActedOn: null }),
        fact('2026-11-19T10:00:00Z'),
      ],
      RANGE,
    );
    expect(r.urges.bucket).toBe('week');
    expect(r.urges).toMatchObject({ actedOn: 1, resisted: 3, unanswered: 1 });
    // 2026-11-01 is a Sunday: its week (W44) begins 2026-10-26; the range ends in W49.
    expect(r.urges.periods.map((p) => p.period)).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49']);
    expect(r.urges.periods[1]).toEqual({ period: '2026-W45', start: '2026-11-02', actedOn: 1, resisted: 2 });
    expect(r.urges.periods[2]).toMatchObject({ actedOn: 0, resisted: 0 });
    expect(r.urges.periods[3]).toMatchObject({ actedOn: 0, resisted: 1 });
  });

  it('switches to months for long ranges', () => {
    const range = { timeZone: 'UTC', from: '2026-01-15T00:00:00Z', to: '2026-11-30T00:00:00Z' };
    const r = computeInsights([fact('2026-03-31T23:00:00Z', { urgeActedOn: true }), fact('2026-04-01T01:00:00Z', { urgeActedOn: false })], range);
    expect(r.range.days).toBeGreaterThan(WEEKLY_UP_TO_DAYS);
    expect(r.urges.bucket).toBe('month');
    expect(r.urges.periods).toHaveLength(11);
    expect(r.urges.periods[0]).toMatchObject({ period: '2026-01', start: '2026-01-01' });
    expect(r.urges.periods[2]).toMatchObject({ period: '2026-03', actedOn: 1, resisted: 0 });
    expect(r.urges.periods[3]).toMatchObject({ period: '2026-04', actedOn: 0, resisted: 1 });
  });

  it('ranks body cues, counting a cue once per entry', () => {
    const r = computeInsights(
      [
        fact('2026-11-02T10:00:00Z', { bodyCues: ['racing_heart', 'stomach_knot', 'racing_heart'] }),
        fact('2026-11-03T10:00:00Z', { bodyCues: ['racing_heart'] }),
        fact('2026-11-04T10:00:00Z', { bodyCues: ['tight_chest'] }),
        fact('2026-11-05T10:00:00Z'),
      ],
      RANGE,
    );
    expect(r.bodyCues.items).toEqual([
      { cue: 'racing_heart', count: 2 },
      { cue: 'stomach_knot', count: 1 },
      { cue: 'tight_chest', count: 1 },
    ]);
    expect(r.bodyCues.withCues).toBe(3);
  });

  it('shares old wound, present signal, both and unsure over the entries that answered', () => {
    const r = computeInsights(
      [
        fact('2026-11-02T10:00:00Z', { woundOrSignal: 'old_wound' }),
        fact('2026-11-03T10:00:00Z', { woundOrSignal: 'old_wound' }),
        fact('2026-11-04T10:00:00Z', { woundOrSignal: 'old_wound' }),
        fact('2026-11-05T10:00:00Z', { woundOrSignal: 'present_signal' }),
        fact('2026-11-06T10:00:00Z', { woundOrSignal: 'both' }),
        fact('2026-11-07T10:00:00Z', { woundOrSignal: 'unsure' }),
        fact('2026-11-08T10:00:00Z'),
        fact('2026-11-09T10:00:00Z'),
      ],
      RANGE,
    );
    expect(r.woundOrSignal.counts).toEqual({ old_wound: 3, present_signal: 1, both: 1, unsure: 1 });
    expect(r.woundOrSignal.answered).toBe(6);
    expect(r.woundOrSignal.shares.old_wound).toBeCloseTo(0.5);
    expect(r.woundOrSignal.shares.present_signal).toBeCloseTo(1 / 6);
    expect(r.sparse).toBe(false); // 8 triggers ≥ SPARSE_BELOW
    expect(SPARSE_BELOW).toBeLessThanOrEqual(8);
  });

  it('tells parts of the day apart at their edges', () => {
    expect([4, 5, 11, 12, 16, 17, 21, 22, 0].map(partOfDay)).toEqual(['night', 'morning', 'morning', 'afternoon', 'afternoon', 'evening', 'evening', 'night', 'night']);
  });
});

describe('computeInsights: time zones and daylight saving', () => {
  it('puts the same instant on different weekdays and hours in different zones', () => {
    const at = '2026-11-03T03:30:00Z'; // Tue 03:30 UTC
    const f = [fact(at)];
    const opts = (timeZone: string) => ({ timeZone, from: '2026-11-01T00:00:00Z', to: '2026-11-10T00:00:00Z' });
    expect(computeInsights(f, opts('UTC')).heatmap.counts[1]![3]).toBe(1);
    expect(computeInsights(f, opts('America/Chicago')).heatmap.counts[0]![21]).toBe(1); // Mon 21:30 CST
    expect(computeInsights(f, opts('Asia/Tokyo')).heatmap.counts[1]![12]).toBe(1); // Tue 12:30
    expect(computeInsights(f, opts('Pacific/Auckland')).heatmap.counts[1]![16]).toBe(1); // Tue 16:30 NZDT
  });

  it('reads 01:30 twice on the autumn change day in New York (EDT, then EST) as the same local hour', () => {
    const f = [fact('2026-11-01T05:30:00Z'), fact('2026-11-01T06:30:00Z'), fact('2026-11-01T07:30:00Z')];
    const r = computeInsights(f, { timeZone: 'America/New_York', from: '2026-10-25T00:00:00Z', to: '2026-11-08T00:00:00Z' });
    // 05:30Z = 01:30 EDT, 06:30Z = 01:30 EST, 07:30Z = 02:30 EST; 2026-11-01 is a Sunday.
    expect(r.heatmap.counts[6]![1]).toBe(2);
    expect(r.heatmap.counts[6]![2]).toBe(1);
    expect(r.heatmap.counts[6]![0]).toBe(0);
  });

  it('skips the missing hour on the spring change day and keeps the week in the local week', () => {
    // 2026-03-08 02:00 EST jumps to 03:00 EDT; 06:59Z is 01:59 EST, 07:00Z is 03:00 EDT.
    const f = [fact('2026-03-08T06:59:00Z', { intensityBefore: 50, intensityAfter: 20 }), fact('2026-03-08T07:00:00Z', { intensityBefore: 70, intensityAfter: 40 })];
    const r = computeInsights(f, { timeZone: 'America/New_York', from: '2026-03-01T00:00:00Z', to: '2026-03-15T00:00:00Z' });
    expect(r.heatmap.counts[6]![1]).toBe(1);
    expect(r.heatmap.counts[6]![2]).toBe(0);
    expect(r.heatmap.counts[6]![3]).toBe(1);
    expect(r.intensity.weeks).toEqual([{ week: '2026-W10', start: '2026-03-02', entries: 2, meanBefore: 60, meanAfter: 30 }]);
  });

  it('buckets a late-Sunday entry into the local week, not the UTC one', () => {
    // Sunday 2026-11-08 22:00 in Los Angeles is Monday 06:00Z: UTC would say W46, local says W45.
    const f = [fact('2026-11-09T06:00:00Z', { intensityBefore: 40, intensityAfter: 10, urgeActedOn: false })];
    const r = computeInsights(f, { timeZone: 'America/Los_Angeles', from: '2026-11-01T08:00:00Z', to: '2026-11-30T08:00:00Z' });
    expect(r.intensity.weeks[0]!.week).toBe('2026-W45');
    expect(r.urges.periods.find((p) => p.period === '2026-W45')!.resisted).toBe(1);
    expect(r.heatmap.counts[6]![22]).toBe(1);
  });
});


const pick = <T,>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const ZONES = ['UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney', 'Pacific/Chatham'];

/** A random history: `n` entries spread over `days` days ending at `end`. */
export function randomHistory(rand: () => number, n: number, days: number, end = Date.parse('2026-12-01T00:00:00Z')): EntryFacts[] {
  const kinds: EntryKind[] = ['thought_record', 'thought_record', 'quick_capture', 'reflection'];
  return Array.from({ length: n }, () => {
    const at = end - Math.floor(rand() * days * 86_400_000);
    const rated = rand() < 0.6;
    const urge = rand() < 0.5 ? pick(rand, URGES) : null;
    return fact(new Date(at).toISOString(), {
      kind: pick(rand, kinds),
      topic: rand() < 0.8 ? pick(rand, TOPICS) : null,
      tags: rand() < 0.5 ? [pick(rand, ['dinner', 'Dinner', 'phone', 'weekend', 'work', 'texts'])] : [],
      bodyCues: Array.from({ length: Math.floor(rand() * 4) }, () => pick(rand, BODY_CUES)),
      intensityBefore: rated ? Math.floor(rand() * 101) : rand() < 0.5 ? Math.floor(rand() * 101) : null,
      intensityAfter: rated ? Math.floor(rand() * 101) : null,
      urge,
      urgeActedOn: urge === null ? null : rand() < 0.1 ? null : rand() < 0.4,
      woundOrSignal: rand() < 0.7 ? pick(rand, WOUND_OR_SIGNAL) : null,
    });
  }).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
}

describe('computeInsights: properties on seeded random histories', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`holds every invariant (seed ${seed})`, () => {
      const rand = prng(seed);
      const days = 1 + Math.floor(rand() * 900);
      const n = Math.floor(rand() * 300);
      const timeZone = pick(rand, ZONES);
      const to = '2026-12-01T00:00:00.000Z';
      const from = new Date(Date.parse(to) - days * 86_400_000).toISOString();
      const entries = randomHistory(rand, n, days + 30); // some fall before the range
      const r = computeInsights(entries, { timeZone, from, to });
      const inRange = entries.filter((e) => e.occurredAt >= from && e.occurredAt <= to);
      const triggers = inRange.filter((e) => e.kind !== 'reflection');

      expect(r.totals.entries).toBe(inRange.length);
      expect(r.totals.triggers + r.totals.reflections).toBe(r.totals.entries);
      expect(r.totals.triggers).toBe(triggers.length);
      expect(heatSum(r.heatmap.counts)).toBe(triggers.length);
      expect(sum(r.topics.items.map((x) => x.count)) + r.topics.withoutTopic).toBe(triggers.length);
      expect(r.empty).toBe(triggers.length === 0);
      expect(r.sparse).toBe(triggers.length > 0 && triggers.length < SPARSE_BELOW);

      const rated = triggers.filter((e) => e.intensityBefore !== null && e.intensityAfter !== null);
      expect(sum(r.intensity.weeks.map((w) => w.entries))).toBe(rated.length);
      expect(r.intensity.overall?.entries ?? 0).toBe(rated.length);
      for (const w of r.intensity.weeks) {
        expect(w.meanBefore).toBeGreaterThanOrEqual(0);
        expect(w.meanAfter).toBeLessThanOrEqual(100);
        expect(isoWeekday(Math.floor(Date.parse(w.start) / 86_400_000))).toBe(0);
      }
      expect(new Set(r.intensity.weeks.map((w) => w.week)).size).toBe(r.intensity.weeks.length);

      const answeredUrges = triggers.filter((e) => e.urgeActedOn !== null);
      expect(sum(r.urges.periods.map((p) => p.actedOn + p.resisted))).toBe(answeredUrges.length);
      expect(r.urges.actedOn + r.urges.resisted).toBe(answeredUrges.length);
      expect(r.urges.bucket).toBe(r.range.days <= WEEKLY_UP_TO_DAYS ? 'week' : 'month');
      expect(r.urges.periods.length).toBeGreaterThanOrEqual(1);
      const starts = r.urges.periods.map((p) => p.start);
      expect([...starts].sort()).toEqual(starts);

      const w = r.woundOrSignal;
      expect(sum(Object.values(w.counts))).toBe(w.answered);
      expect(w.answered).toBe(triggers.filter((e) => e.woundOrSignal !== null).length);
      if (w.answered > 0) expect(sum(Object.values(w.shares))).toBeCloseTo(1, 10);
      else expect(sum(Object.values(w.shares))).toBe(0);

      const cueCounts = r.bodyCues.items.map((c) => c.count);
      expect([...cueCounts].sort((a, b) => b - a)).toEqual(cueCounts);
      expect(r.bodyCues.items.length).toBeLessThanOrEqual(TOP_BODY_CUES);
      expect(r.tags.items.length).toBeLessThanOrEqual(TOP_TAGS);

      if (r.heatmap.busiest) expect(r.heatmap.busiest.count).toBeGreaterThanOrEqual(Math.ceil(triggers.length / 8));
    });
  }

  it('does not depend on the order the entries come in', () => {
    const rand = prng(99);
    const entries = randomHistory(rand, 200, 80);
    const opts = { timeZone: 'Europe/London', from: '2026-09-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
    const shuffled = [...entries].sort(() => rand() - 0.5);
    expect(computeInsights(shuffled, opts)).toEqual(computeInsights(entries, opts));
  });

  it('agrees with a slow reference for the heatmap in a DST zone', () => {
    const rand = prng(7);
    const entries = randomHistory(rand, 400, 365);
    const timeZone = 'America/New_York';
    const r = computeInsights(entries, { timeZone, from: '2025-12-01T00:00:00Z', to: '2026-12-01T00:00:00Z' });
    const ref = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    const weekday = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' });
    const hour = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
    const order = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    for (const e of entries) {
      if (e.kind === 'reflection' || e.occurredAt < '2025-12-01T00:00:00Z') continue;
      const d = new Date(e.occurredAt);
      ref[order.indexOf(weekday.format(d))]![Number(hour.format(d)) % 24]!++;
    }
    expect(r.heatmap.counts).toEqual(ref);
  });
});
