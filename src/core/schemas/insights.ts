/**
 * The insights API's shapes, shared by the server (validation, OpenAPI) and the web.
 * The response mirrors `Insights` from core/patterns/insights.ts (checked at compile time below).
 */
import { z } from 'zod';
import type { Insights } from '../patterns/insights.ts';
import { BODY_CUES, TOPICS } from '../reflect/catalogs.ts';
import { timeZoneSchema } from './profile.ts';

/** The longest range one request may cover (three years and a leap day). */
export const INSIGHTS_MAX_DAYS = 3 * 365 + 1;
/** The range when none is given. */
export const INSIGHTS_DEFAULT_DAYS = 90;

const DAY_MS = 86_400_000;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO instant (2026-11-22T18:30:00Z) or a calendar date (2026-11-22, a day in the person's zone). */
const instantOrDate = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'Please give a date like 2026-11-22 or a date and time like 2026-11-22T18:30:00Z.',
});

export const isDateOnly = (v: string) => DATE_RE.test(v);

export const insightsQuerySchema = z
  .object({
    from: instantOrDate.optional(),
    to: instantOrDate.optional(),
    /** The zone to read days and hours in; defaults to the profile's, else UTC. */
    timeZone: timeZoneSchema.optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    // Dates are compared as whole UTC days here (a day's slack either way); the service then
    // resolves them in the person's zone.
    const from = q.from === undefined ? undefined : Date.parse(q.from);
    const to = q.to === undefined ? Date.now() : Date.parse(q.to) + (isDateOnly(q.to) ? DAY_MS - 1 : 0);
    if (from === undefined) return;
    if (from > to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'The start must be on or before the end.' });
    else if (to - from > (INSIGHTS_MAX_DAYS + 1) * DAY_MS) ctx.addIssue({ code: 'custom', path: ['from'], message: `Please choose a range of at most ${INSIGHTS_MAX_DAYS} days.` });
  });

const count = z.number().int().min(0);
const mean = z.number().min(0).max(100);
const partOfDay = z.enum(['morning', 'afternoon', 'evening', 'night']);
const woundRecord = z.object({ old_wound: z.number(), present_signal: z.number(), both: z.number(), unsure: z.number() });

export const insightsSchema = z
  .object({
    range: z.object({ from: z.string(), to: z.string(), timeZone: z.string(), days: count }),
    totals: z.object({ entries: count, triggers: count, reflections: count }),
    empty: z.boolean(),
    sparse: z.boolean(),
    sparseBelow: count,
    heatmap: z.object({
      counts: z.array(z.array(count).length(24)).length(7).describe('counts[weekday][hour]; weekday 0 = Monday, local time'),
      busiest: z.object({ days: z.enum(['weekdays', 'weekends']), partOfDay, count }).nullable(),
    }),
    topics: z.object({ items: z.array(z.object({ topic: z.enum(TOPICS), count })), withoutTopic: count }),
    tags: z.object({ items: z.array(z.object({ tag: z.string(), count })), distinct: count, withoutTags: count }),
    intensity: z.object({
      weeks: z.array(z.object({ week: z.string(), start: z.string(), entries: count, meanBefore: mean, meanAfter: mean })),
      overall: z.object({ entries: count, meanBefore: mean, meanAfter: mean }).nullable(),
    }),
    urges: z.object({
      bucket: z.enum(['week', 'month']),
      periods: z.array(z.object({ period: z.string(), start: z.string(), actedOn: count, resisted: count })),
      actedOn: count,
      resisted: count,
      unanswered: count,
    }),
    bodyCues: z.object({ items: z.array(z.object({ cue: z.enum(BODY_CUES), count })), distinct: count, withCues: count }),
    woundOrSignal: z.object({ counts: woundRecord, answered: count, shares: woundRecord }),
  })
  .meta({ id: 'Insights' });

export type InsightsQuery = z.infer<typeof insightsQuerySchema>;
export type InsightsResponse = z.infer<typeof insightsSchema>;

// The schema and the core type must describe the same thing, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesCore: Same<InsightsResponse, Insights> = true;
void schemaMatchesCore;
