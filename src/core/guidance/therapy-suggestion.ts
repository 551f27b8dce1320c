/**
 * "Is it time to talk to a therapist?" — transparent rules over a person's OWN data that may
 * suggest individual or couples therapy, and say why. Pure: the server gathers the facts (entry
 * facts without free text, self-assessment scores), this module decides, the page words it.
 *
 * It never alarms and never acts: the result is shown to its owner only, nothing is sent anywhere.
 * Every threshold is a named constant below, and the page shows them with the person's numbers.
 *
 * The rules:
 *  (a) recurring topic — the same conflict topic in at least RECURRING_TOPIC_MIN_ENTRIES entries
 *      within the last RECURRING_TOPIC_WINDOW_DAYS days. "other" is not counted: it stands for
 *      many different topics the person named in their own words.
 *  (b) worsening score — a self-assessment (sub)scale worse at each of its last WORSENING_RUN
 *      measurements than at the one before (direction from `higherIsWorse`).
 *  (c) high intensity not easing — within the last HIGH_INTENSITY_WINDOW_DAYS days: at least
 *      HIGH_INTENSITY_MIN_ENTRIES entries with an intensity, spanning at least
 *      HIGH_INTENSITY_MIN_SPAN_DAYS days, with a median "before" intensity of at least
 *      HIGH_INTENSITY_MEDIAN; AND either reframing is not bringing it down (over at least
 *      REFRAME_MIN_PAIRS entries with both numbers, mean after ≥ mean before − REFRAME_MIN_DROP)
 *      or the recent half of those entries is not lower, on average, than the earlier half.
 *  (d) deeper hurt — the person reported signs of deeper hurt in a self-assessment.
 *
 * Where each reason points: deeper hurt, high intensity and personal scales point to individual
 * therapy; a recurring topic or a worsening relationship scale points to couples therapy when a
 * partner is linked, otherwise to individual therapy. Both kinds → "individual-or-couples".
 *
 * @example
 *   suggestTherapy({ now, entries: [], assessments: { series: [], deeperHurtReported: true }, linkedPartner: false })
 *   // { suggest: 'individual', reasons: [{ rule: 'deeper-hurt', pointsTo: 'individual' }], lookedAt: { … } }
 */
import type { EntryFacts } from '../patterns/entry-facts.ts';
import { TOPICS, type Topic } from '../reflect/catalogs.ts';
import type { GuidanceThresholds, LookedAt, PointsTo, Suggestion, SuggestionReason, TherapySuggestion } from '../schemas/guidance.ts';

export const RECURRING_TOPIC_WINDOW_DAYS = 30;
export const RECURRING_TOPIC_MIN_ENTRIES = 5;
export const WORSENING_RUN = 3;
export const HIGH_INTENSITY_WINDOW_DAYS = 28;
export const HIGH_INTENSITY_MIN_SPAN_DAYS = 14;
export const HIGH_INTENSITY_MIN_ENTRIES = 6;
export const HIGH_INTENSITY_MEDIAN = 70;
export const REFRAME_MIN_DROP = 10;
export const REFRAME_MIN_PAIRS = 3;

/** Self-assessments about the relationship itself (the rest are about the person). */
export const RELATIONSHIP_INSTRUMENTS: ReadonlySet<string> = new Set(['csi-4', 'trust-pulse']);

export const GUIDANCE_THRESHOLDS = {
  recurringTopicWindowDays: RECURRING_TOPIC_WINDOW_DAYS,
  recurringTopicMinEntries: RECURRING_TOPIC_MIN_ENTRIES,
  worseningRun: WORSENING_RUN,
  highIntensityWindowDays: HIGH_INTENSITY_WINDOW_DAYS,
  highIntensityMinSpanDays: HIGH_INTENSITY_MIN_SPAN_DAYS,
  highIntensityMinEntries: HIGH_INTENSITY_MIN_ENTRIES,
  highIntensityMedian: HIGH_INTENSITY_MEDIAN,
  reframeMinDrop: REFRAME_MIN_DROP,
} as const satisfies GuidanceThresholds;

export interface ScoreSeries {
  instrument: string;
  subscale: string;
  higherIsWorse: boolean;
  points: Array<{ takenAt: string; value: number }>;
}

export interface GuidanceInput {
  /** ISO 8601 instant the windows end at. */
  now: string;
  entries: EntryFacts[];
  assessments: { series: ScoreSeries[]; deeperHurtReported: boolean };
  /** Whether a partner is linked (couples arrive later; false until then). */
  linkedPartner: boolean;
}

const DAY_MS = 86_400_000;

export function suggestTherapy(input: GuidanceInput): TherapySuggestion {
  const now = Date.parse(input.now);
  if (Number.isNaN(now)) throw new RangeError(`suggestTherapy: "now" is not an instant: ${input.now}`);
  const topics = recurringTopics(input, now);
  const scores = worseningScores(input);
  const intensity = highIntensity(input.entries, now);
  const reasons: SuggestionReason[] = [
    ...(input.assessments.deeperHurtReported ? [{ rule: 'deeper-hurt' as const, pointsTo: 'individual' as const }] : []),
    ...topics.reasons,
    ...scores.reasons,
    ...(intensity.reason ? [intensity.reason] : []),
  ];
  const lookedAt: LookedAt = {
    recentEntries: topics.recentEntries,
    topTopic: topics.top,
    intensityEntries: intensity.entries,
    medianIntensity: intensity.median,
    scoreSeries: scores.withPoints,
    seriesWithTrend: scores.withTrend,
    deeperHurtReported: input.assessments.deeperHurtReported,
    linkedPartner: input.linkedPartner,
  };
  return { suggest: combine(reasons.map((r) => r.pointsTo)), reasons, lookedAt };
}

/** Individual, couples, both, or none — from where the reasons point. */
export function combine(points: readonly PointsTo[]): Suggestion {
  const individual = points.includes('individual');
  const couples = points.includes('couples');
  if (individual && couples) return 'individual-or-couples';
  if (individual) return 'individual';
  if (couples) return 'couples';
  return 'none';
}

/** Rule (a). */
function recurringTopics(input: GuidanceInput, now: number) {
  const from = now - RECURRING_TOPIC_WINDOW_DAYS * DAY_MS;
  const recent = input.entries.filter((e) => Date.parse(e.occurredAt) >= from);
  const counts = new Map<Topic, number>();
  for (const e of recent) if (e.topic && e.topic !== 'other') counts.set(e.topic, (counts.get(e.topic) ?? 0) + 1);
  // Most entries first; ties in the catalog's order, so the result never depends on input order.
  const ranked = TOPICS.flatMap((topic) => {
    const count = counts.get(topic);
    return count ? [{ topic, count }] : [];
  }).sort((a, b) => b.count - a.count);
  const pointsTo: PointsTo = input.linkedPartner ? 'couples' : 'individual';
  const reasons: SuggestionReason[] = ranked
    .filter((r) => r.count >= RECURRING_TOPIC_MIN_ENTRIES)
    .map((r) => ({ rule: 'recurring-topic', pointsTo, topic: r.topic, count: r.count, windowDays: RECURRING_TOPIC_WINDOW_DAYS, threshold: RECURRING_TOPIC_MIN_ENTRIES }));
  return { reasons, recentEntries: recent.length, top: ranked[0] ?? null };
}

/** Rule (b). */
function worseningScores(input: GuidanceInput) {
  const reasons: SuggestionReason[] = [];
  let withPoints = 0;
  let withTrend = 0;
  for (const s of input.assessments.series) {
    if (s.points.length > 0) withPoints++;
    if (s.points.length < WORSENING_RUN) continue;
    withTrend++;
    const last = [...s.points].sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt)).slice(-WORSENING_RUN);
    const worse = (earlier: number, later: number) => (s.higherIsWorse ? later > earlier : later < earlier);
    if (!last.every((p, i) => i === 0 || worse(last[i - 1]!.value, p.value))) continue;
    reasons.push({
      rule: 'worsening-score',
      pointsTo: input.linkedPartner && RELATIONSHIP_INSTRUMENTS.has(s.instrument) ? 'couples' : 'individual',
      instrument: s.instrument,
      subscale: s.subscale,
      higherIsWorse: s.higherIsWorse,
      points: last.map((p) => ({ takenAt: p.takenAt, value: p.value })),
    });
  }
  return { reasons, withPoints, withTrend };
}

/** Rule (c). */
function highIntensity(entries: readonly EntryFacts[], now: number): { reason?: SuggestionReason; entries: number; median: number | null } {
  const from = now - HIGH_INTENSITY_WINDOW_DAYS * DAY_MS;
  const rated = entries
    .filter((e): e is EntryFacts & { intensityBefore: number } => e.intensityBefore !== null && Date.parse(e.occurredAt) >= from)
    .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
  const before = rated.map((e) => e.intensityBefore);
  const medianBefore = median(before);
  if (medianBefore === null) return { entries: 0, median: null };
  const spanDays = (Date.parse(rated.at(-1)!.occurredAt) - Date.parse(rated[0]!.occurredAt)) / DAY_MS;
  const base = { entries: rated.length, median: round1(medianBefore) };
  if (rated.length < HIGH_INTENSITY_MIN_ENTRIES || spanDays < HIGH_INTENSITY_MIN_SPAN_DAYS || medianBefore < HIGH_INTENSITY_MEDIAN) return base;

  const pairs = rated.filter((e): e is typeof e & { intensityAfter: number } => e.intensityAfter !== null);
  const meanBefore = pairs.length >= REFRAME_MIN_PAIRS ? mean(pairs.map((e) => e.intensityBefore)) : null;
  const meanAfter = pairs.length >= REFRAME_MIN_PAIRS ? mean(pairs.map((e) => e.intensityAfter)) : null;
  const reframeNotEasing = meanBefore !== null && meanAfter !== null && meanAfter >= meanBefore - REFRAME_MIN_DROP;
  const half = Math.floor(before.length / 2);
  const earlierMean = mean(before.slice(0, half));
  const recentMean = mean(before.slice(half));
  const trendNotEasing = recentMean >= earlierMean;
  if (!reframeNotEasing && !trendNotEasing) return base;
  return {
    ...base,
    reason: {
      rule: 'high-intensity',
      pointsTo: 'individual',
      windowDays: HIGH_INTENSITY_WINDOW_DAYS,
      entries: rated.length,
      spanDays: Math.floor(spanDays),
      medianBefore: round1(medianBefore),
      threshold: HIGH_INTENSITY_MEDIAN,
      meanBefore: meanBefore === null ? null : round1(meanBefore),
      meanAfter: meanAfter === null ? null : round1(meanAfter),
      earlierMean: round1(earlierMean),
      recentMean: round1(recentMean),
      reframeNotEasing,
      trendNotEasing,
    },
  };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
