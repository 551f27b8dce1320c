/**
 * Patterns over a person's own entries (design.md, "Understand"): when triggers come, what they
 * are about, how intensity changes with reframing, urges acted on or let pass, body cues, and
 * "old wound or present signal". Pure and I/O-free: the server feeds it EntryFacts (no free
 * text); the web shows the result. Every calendar question is answered in the person's time
 * zone (see zoned-time.ts), so a 23:30 entry belongs to the evening of the day it was written.
 *
 * @example computeInsights(facts, { timeZone: 'America/Chicago', from: '2026-09-01T05:00:00Z', to: '2026-12-01T06:00:00Z' })
 */
import type { BodyCue, Topic, WoundOrSignal } from '../reflect/catalogs.ts';
import { WOUND_OR_SIGNAL } from '../reflect/catalogs.ts';
import type { EntryFacts } from './entry-facts.ts';
import { dayNumber, isoDate, isoWeekday, isoWeekLabel, localParts, weekStart } from './zoned-time.ts';

/** Fewer triggers than this in the range: show what there is, and say patterns need time. */
export const SPARSE_BELOW = 7;
/** Ranges up to this many days chart urges week by week; longer ones month by month. */
export const WEEKLY_UP_TO_DAYS = 120;
export const TOP_TAGS = 10;
export const TOP_BODY_CUES = 5;

export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night';
export const PARTS_OF_DAY: readonly PartOfDay[] = ['morning', 'afternoon', 'evening', 'night'];

/** Morning 05–11, afternoon 12–16, evening 17–21, night 22–04. */
export function partOfDay(hour: number): PartOfDay {
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 17) return 'afternoon';
  if (hour >= 17 && hour < 22) return 'evening';
  return 'night';
}

export interface InsightsOptions {
  /** The person's IANA time zone. */
  timeZone: string;
  /** ISO instants; entries outside [from, to] are ignored. */
  from: string;
  to: string;
}

export interface Insights {
  range: { from: string; to: string; timeZone: string; days: number };
  totals: {
    /** Every entry in the range, reflections included. */
    entries: number;
    /** Thought records and quick captures: the moments something stirred. */
    triggers: number;
    reflections: number;
  };
  /** No triggers at all in the range. */
  empty: boolean;
  /** Some, but fewer than `sparseBelow`. */
  sparse: boolean;
  sparseBelow: number;
  heatmap: {
    /** counts[weekday][hour]: weekday 0 = Monday … 6 = Sunday, hour 0–23, local time. */
    counts: number[][];
    /** The busiest day type and part of the day, by count; null when empty. */
    busiest: { days: 'weekdays' | 'weekends'; partOfDay: PartOfDay; count: number } | null;
  };
  topics: { items: Array<{ topic: Topic; count: number }>; withoutTopic: number };
  tags: { items: Array<{ tag: string; count: number }>; distinct: number; withoutTags: number };
  intensity: {
    /** ISO weeks (local) with at least one entry rated both before and after, oldest first. */
    weeks: Array<{ week: string; start: string; entries: number; meanBefore: number; meanAfter: number }>;
    /** Over every entry rated both before and after; null when there are none. */
    overall: { entries: number; meanBefore: number; meanAfter: number } | null;
  };
  urges: {
    bucket: 'week' | 'month';
    /** Every period of the range, oldest first, zero-filled. */
    periods: Array<{ period: string; start: string; actedOn: number; resisted: number }>;
    actedOn: number;
    resisted: number;
    /** An urge was named but not whether it was acted on. */
    unanswered: number;
  };
  bodyCues: { items: Array<{ cue: BodyCue; count: number }>; distinct: number; withCues: number };
  woundOrSignal: {
    counts: Record<WoundOrSignal, number>;
    answered: number;
    /** Each count over `answered` (all 0 when nothing was answered); they sum to 1 otherwise. */
    shares: Record<WoundOrSignal, number>;
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function sortedCounts<K extends string>(map: Map<K, number>): Array<[K, number]> {
  return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

const monthLabel = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

export function computeInsights(entries: readonly EntryFacts[], opts: InsightsOptions): Insights {
  const { timeZone } = opts;
  const fromMs = Date.parse(opts.from);
  const toMs = Date.parse(opts.to);
  const fromLocal = localParts(fromMs, timeZone);
  const toLocal = localParts(toMs, timeZone);
  const fromDay = dayNumber(fromLocal.year, fromLocal.month, fromLocal.day);
  const toDay = dayNumber(toLocal.year, toLocal.month, toLocal.day);
  const days = toDay - fromDay + 1;
  const bucket: 'week' | 'month' = days <= WEEKLY_UP_TO_DAYS ? 'week' : 'month';

  const counts = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const topics = new Map<Topic, number>();
  const tagCounts = new Map<string, number>();
  const tagSpelling = new Map<string, string>();
  const cues = new Map<BodyCue, number>();
  const wound: Record<WoundOrSignal, number> = { old_wound: 0, present_signal: 0, both: 0, unsure: 0 };
  const weekSums = new Map<number, { entries: number; before: number; after: number }>();
  const urgeByPeriod = new Map<number, { actedOn: number; resisted: number }>();

  let total = 0;
  let triggers = 0;
  let withoutTopic = 0;
  let withoutTags = 0;
  let withCues = 0;
  let pairEntries = 0;
  let pairBefore = 0;
  let pairAfter = 0;
  let actedOn = 0;
  let resisted = 0;
  let unanswered = 0;

  for (const e of entries) {
    const ms = Date.parse(e.occurredAt);
    if (!(ms >= fromMs && ms <= toMs)) continue;
    total++;
    if (e.kind === 'reflection') continue;
    triggers++;

    const p = localParts(ms, timeZone);
    const dayNo = dayNumber(p.year, p.month, p.day);
    counts[isoWeekday(dayNo)]![p.hour]!++;

    if (e.topic) bump(topics, e.topic);
    else withoutTopic++;

    if (e.tags.length === 0) withoutTags++;
    for (const tag of e.tags) {
      const key = tag.toLowerCase();
      if (!tagSpelling.has(key)) tagSpelling.set(key, tag);
      bump(tagCounts, key);
    }

    if (e.bodyCues.length > 0) withCues++;
    for (const cue of new Set(e.bodyCues)) bump(cues, cue);

    if (e.woundOrSignal) wound[e.woundOrSignal]++;

    if (e.intensityBefore !== null && e.intensityAfter !== null) {
      pairEntries++;
      pairBefore += e.intensityBefore;
      pairAfter += e.intensityAfter;
      const ws = weekStart(dayNo);
      const w = weekSums.get(ws) ?? { entries: 0, before: 0, after: 0 };
      w.entries++;
      w.before += e.intensityBefore;
      w.after += e.intensityAfter;
      weekSums.set(ws, w);
    }

    if (e.urge !== null || e.urgeActedOn !== null) {
      if (e.urgeActedOn === null) unanswered++;
      else {
        const key = bucket === 'week' ? weekStart(dayNo) : p.year * 12 + (p.month - 1);
        const u = urgeByPeriod.get(key) ?? { actedOn: 0, resisted: 0 };
        if (e.urgeActedOn) {
          u.actedOn++;
          actedOn++;
        } else {
          u.resisted++;
          resisted++;
        }
        urgeByPeriod.set(key, u);
      }
    }
  }

  const periods: Insights['urges']['periods'] = [];
  if (bucket === 'week') {
    for (let ws = weekStart(fromDay); ws <= toDay; ws += 7) {
      const u = urgeByPeriod.get(ws);
      periods.push({ period: isoWeekLabel(ws), start: isoDate(ws), actedOn: u?.actedOn ?? 0, resisted: u?.resisted ?? 0 });
    }
  } else {
    for (let m = fromLocal.year * 12 + fromLocal.month - 1; m <= toLocal.year * 12 + toLocal.month - 1; m++) {
      const year = Math.floor(m / 12);
      const month = (m % 12) + 1;
      const u = urgeByPeriod.get(m);
      periods.push({ period: monthLabel(year, month), start: `${monthLabel(year, month)}-01`, actedOn: u?.actedOn ?? 0, resisted: u?.resisted ?? 0 });
    }
  }

  const answered = WOUND_OR_SIGNAL.reduce((s, k) => s + wound[k], 0);
  const shares = { old_wound: 0, present_signal: 0, both: 0, unsure: 0 } satisfies Record<WoundOrSignal, number>;
  if (answered > 0) for (const k of WOUND_OR_SIGNAL) shares[k] = wound[k] / answered;

  const sortedTags = sortedCounts(tagCounts);
  const sortedCues = sortedCounts(cues);
  return {
    range: { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), timeZone, days },
    totals: { entries: total, triggers, reflections: total - triggers },
    empty: triggers === 0,
    sparse: triggers > 0 && triggers < SPARSE_BELOW,
    sparseBelow: SPARSE_BELOW,
    heatmap: { counts, busiest: busiest(counts) },
    topics: { items: sortedCounts(topics).map(([topic, count]) => ({ topic, count })), withoutTopic },
    tags: {
      items: sortedTags.slice(0, TOP_TAGS).map(([key, count]) => ({ tag: tagSpelling.get(key) ?? key, count })),
      distinct: sortedTags.length,
      withoutTags,
    },
    intensity: {
      weeks: [...weekSums]
        .sort((a, b) => a[0] - b[0])
        .map(([ws, w]) => ({ week: isoWeekLabel(ws), start: isoDate(ws), entries: w.entries, meanBefore: round1(w.before / w.entries), meanAfter: round1(w.after / w.entries) })),
      overall: pairEntries > 0 ? { entries: pairEntries, meanBefore: round1(pairBefore / pairEntries), meanAfter: round1(pairAfter / pairEntries) } : null,
    },
    urges: { bucket, periods, actedOn, resisted, unanswered },
    bodyCues: { items: sortedCues.slice(0, TOP_BODY_CUES).map(([cue, count]) => ({ cue, count })), distinct: sortedCues.length, withCues },
    woundOrSignal: { counts: wound, answered, shares },
  };
}

/** The (weekdays | weekends) × part-of-day group with the most triggers; ties go to the earlier group. */
function busiest(counts: number[][]): Insights['heatmap']['busiest'] {
  let best: Insights['heatmap']['busiest'] = null;
  for (const days of ['weekdays', 'weekends'] as const) {
    for (const part of PARTS_OF_DAY) {
      let count = 0;
      for (let wd = days === 'weekdays' ? 0 : 5; wd < (days === 'weekdays' ? 5 : 7); wd++) {
        for (let h = 0; h < 24; h++) if (partOfDay(h) === part) count += counts[wd]![h]!;
      }
      if (count > 0 && (!best || count > best.count)) best = { days, partOfDay: part, count };
    }
  }
  return best;
}
