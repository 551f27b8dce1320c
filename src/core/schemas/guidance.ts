/**
 * "Is it time to talk to a therapist?" — the API shape, shared by the server (response schema,
 * OpenAPI) and the web page. The rules that fill it are in core/guidance/therapy-suggestion.ts.
 */
import { z } from 'zod';
import { TOPICS } from '../reflect/catalogs.ts';

export const SUGGESTIONS = ['none', 'individual', 'couples', 'individual-or-couples'] as const;
/** Which kind of therapy a single reason points towards. */
export const POINTS_TO = ['individual', 'couples'] as const;

const pointsTo = z.enum(POINTS_TO);

export const recurringTopicReasonSchema = z.object({
  rule: z.literal('recurring-topic'),
  pointsTo,
  topic: z.enum(TOPICS),
  /** Entries on this topic in the window. */
  count: z.number().int(),
  windowDays: z.number().int(),
  threshold: z.number().int(),
});

export const worseningScoreReasonSchema = z.object({
  rule: z.literal('worsening-score'),
  pointsTo,
  instrument: z.string(),
  subscale: z.string(),
  higherIsWorse: z.boolean(),
  /** The last measurements, oldest first, each worse than the one before. */
  points: z.array(z.object({ takenAt: z.string(), value: z.number() })),
});

export const highIntensityReasonSchema = z.object({
  rule: z.literal('high-intensity'),
  pointsTo,
  windowDays: z.number().int(),
  /** Entries with an intensity in the window, and the days between the first and the last. */
  entries: z.number().int(),
  spanDays: z.number(),
  medianBefore: z.number(),
  threshold: z.number(),
  /** Mean intensity before and after reframing, over entries that have both (null: none yet). */
  meanBefore: z.number().nullable(),
  meanAfter: z.number().nullable(),
  /** Mean intensity before, earlier half vs recent half of the window's entries. */
  earlierMean: z.number(),
  recentMean: z.number(),
  reframeNotEasing: z.boolean(),
  trendNotEasing: z.boolean(),
});

export const deeperHurtReasonSchema = z.object({ rule: z.literal('deeper-hurt'), pointsTo });

export const suggestionReasonSchema = z.discriminatedUnion('rule', [recurringTopicReasonSchema, worseningScoreReasonSchema, highIntensityReasonSchema, deeperHurtReasonSchema]);

/** What the rules looked at, with the numbers, whether or not a rule applied. */
export const lookedAtSchema = z.object({
  /** Entries in the recurring-topic window, and the most frequent topic there. */
  recentEntries: z.number().int(),
  topTopic: z.object({ topic: z.enum(TOPICS), count: z.number().int() }).nullable(),
  /** Entries with an intensity in the intensity window, and their median (null when none). */
  intensityEntries: z.number().int(),
  medianIntensity: z.number().nullable(),
  /** Self-assessment series with at least one result, and how many of them can show a trend yet. */
  scoreSeries: z.number().int(),
  seriesWithTrend: z.number().int(),
  deeperHurtReported: z.boolean(),
  linkedPartner: z.boolean(),
});

export const therapySuggestionSchema = z.object({
  suggest: z.enum(SUGGESTIONS),
  reasons: z.array(suggestionReasonSchema),
  lookedAt: lookedAtSchema,
});

/** The rules' thresholds, so the page can explain each rule with its real numbers. */
export const guidanceThresholdsSchema = z.object({
  recurringTopicWindowDays: z.number().int(),
  recurringTopicMinEntries: z.number().int(),
  worseningRun: z.number().int(),
  highIntensityWindowDays: z.number().int(),
  highIntensityMinSpanDays: z.number().int(),
  highIntensityMinEntries: z.number().int(),
  highIntensityMedian: z.number(),
  reframeMinDrop: z.number(),
});

export const therapyGuidanceSchema = therapySuggestionSchema
  .extend({
    thresholds: guidanceThresholdsSchema,
    /** A public directory of therapists (THERAPIST_DIRECTORY_URL). */
    directoryUrl: z.url(),
    /** A practice's booking page, once booking exists (the Care area); null until then. */
    bookingUrl: z.url().nullable(),
    generatedAt: z.string(),
  })
  .meta({ id: 'TherapyGuidance' });

export type Suggestion = (typeof SUGGESTIONS)[number];
export type PointsTo = (typeof POINTS_TO)[number];
export type SuggestionReason = z.infer<typeof suggestionReasonSchema>;
export type LookedAt = z.infer<typeof lookedAtSchema>;
export type TherapySuggestion = z.infer<typeof therapySuggestionSchema>;
export type GuidanceThresholds = z.infer<typeof guidanceThresholdsSchema>;
export type TherapyGuidance = z.infer<typeof therapyGuidanceSchema>;
