/**
 * Commitments' API shapes, shared by the server (validation, OpenAPI) and the web (forms).
 * Title and details are sealed under the maker's key on the server; days, the rule and outcomes
 * stay plain so that due days and the track record can be computed.
 */
import { z } from 'zod';
import { parseDay, parseRecurrence, serializeRecurrence } from '../couple/commitments.ts';
import { timeZoneSchema } from './profile.ts';
import { screeningSchema } from './reflect.ts';

/** A calendar date, YYYY-MM-DD. */
export const daySchema = z.string().refine((v) => parseDay(v) !== undefined, 'Please give a calendar date like 2026-12-01.');

/** The RRULE subset (core/couple/commitments.ts), returned in its canonical form. */
export const recurrenceSchema = z
  .string()
  .max(200, 'Please keep the repeat rule to 200 characters or fewer.')
  .transform((v, ctx) => {
    const r = parseRecurrence(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.error });
      return z.NEVER;
    }
    return serializeRecurrence(r.rule);
  });

export const commitmentTitleSchema = z
  .string()
  .trim()
  .min(1, 'Please say what you will do, in a few words.')
  .max(200, 'Please keep the title to 200 characters or fewer.');
export const commitmentDetailsSchema = z.string().max(2000, 'Please keep the details to 2,000 characters or fewer.');

export const commitmentCreateSchema = z
  .object({
    title: commitmentTitleSchema,
    details: commitmentDetailsSchema.optional(),
    /** The first day it applies, in my time zone: today or later. */
    startDay: daySchema,
    /** null or absent: a one-off on startDay. */
    recurrence: recurrenceSchema.nullable().optional(),
    /** Used only when my profile has no time zone yet. */
    timeZone: timeZoneSchema.optional(),
  })
  .strict();
export type CommitmentCreate = z.infer<typeof commitmentCreateSchema>;

export const commitmentRenegotiateSchema = z
  .object({
    title: commitmentTitleSchema.optional(),
    details: commitmentDetailsSchema.optional(),
    /** null: becomes a one-off (today, or its start day if later); absent: the same rule. */
    recurrence: recurrenceSchema.nullable().optional(),
    timeZone: timeZoneSchema.optional(),
  })
  .strict();
export type CommitmentRenegotiate = z.infer<typeof commitmentRenegotiateSchema>;

export const commitmentEndSchema = z.object({ timeZone: timeZoneSchema.optional() }).strict();

export const OUTCOMES = ['kept', 'missed'] as const;
export const outcomeSchema = z.enum(OUTCOMES);

export const occurrenceParamsSchema = z.object({ id: z.uuid('Not a valid id.'), day: daySchema });
export const occurrenceMarkSchema = z.object({ outcome: outcomeSchema, timeZone: timeZoneSchema.optional() }).strict();

export const commitmentListQuerySchema = z.object({ timeZone: timeZoneSchema.optional() }).strict();

const tallySchema = z.object({ due: z.number().int(), kept: z.number().int(), missed: z.number().int(), unmarked: z.number().int() });

export const commitmentSchema = z
  .object({
    id: z.uuid(),
    /** Who made it, seen from the person asking. */
    maker: z.enum(['me', 'partner']),
    status: z.enum(['active', 'renegotiated', 'ended']),
    title: z.string(),
    details: z.string(),
    startDay: z.string(),
    recurrence: z.string().nullable(),
    /** The version that replaced this one (when renegotiated). */
    replacedBy: z.uuid().nullable(),
    /** The version this one replaced, if any. */
    replaces: z.uuid().nullable(),
    /** May I mark, renegotiate or end it? Only its maker, only while the couple is linked and it is active. */
    canChange: z.boolean(),
    /** Today, in the time zone the list was computed in. */
    today: z.object({ day: z.string(), due: z.boolean(), outcome: outcomeSchema.nullable() }),
    /** The next due days from today on (up to three). */
    nextDue: z.array(z.string()),
    /** Marked outcomes over the last 30 days, newest first. */
    recent: z.array(z.object({ day: z.string(), outcome: outcomeSchema })),
    record: tallySchema.extend({ days: z.number().int(), from: z.string(), to: z.string() }),
    weeks: z.array(tallySchema.extend({ weekStart: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Commitment' });
export type Commitment = z.infer<typeof commitmentSchema>;

export const commitmentListSchema = z.object({
  /** Linked right now (new commitments can be proposed). */
  linked: z.boolean(),
  items: z.array(commitmentSchema),
});
export type CommitmentList = z.infer<typeof commitmentListSchema>;

export const commitmentSavedSchema = z.object({ commitment: commitmentSchema, screening: screeningSchema });
export type CommitmentSaved = z.infer<typeof commitmentSavedSchema>;

export const occurrenceSavedSchema = z.object({
  day: z.string(),
  outcome: outcomeSchema,
  /** A miss: the page offers a gentle repair prompt (never a score). */
  repair: z.boolean(),
  commitment: commitmentSchema,
});
export type OccurrenceSaved = z.infer<typeof occurrenceSavedSchema>;
