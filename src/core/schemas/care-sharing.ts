/**
 * Care: client links, consent by category, the access log and the therapist workspace — the API
 * shapes shared by the server (validation, OpenAPI) and the web (docs/decisions/027).
 *
 * A client shares with a therapist by category. Couple categories are visible only while both
 * partners are linked to the same therapist and both granted them (core/care decides).
 */
import { z } from 'zod';

/** What a client can share with a therapist, in the order they are shown. */
export const CARE_CATEGORIES = ['assessments', 'checkin-moods', 'commitments', 'therapy-entries', 'conversation-summaries'] as const;
export type CareCategory = (typeof CARE_CATEGORIES)[number];

/** Shared by a couple: seen only while both partners are linked to the therapist and both granted it. */
export const COUPLE_CATEGORIES = ['checkin-moods', 'commitments', 'conversation-summaries'] as const satisfies readonly CareCategory[];
/** The granter's own data. */
export const INDIVIDUAL_CATEGORIES = ['assessments', 'therapy-entries'] as const satisfies readonly CareCategory[];

export const CARE_LINK_KINDS = ['individual', 'couple'] as const;
export type CareLinkKind = (typeof CARE_LINK_KINDS)[number];
export const CARE_LINK_STATUSES = ['active', 'ended'] as const;
export const ACCESS_VIEWS = ['client', 'summary'] as const;
export type AccessView = (typeof ACCESS_VIEWS)[number];

export const careCategorySchema = z.enum(CARE_CATEGORIES, 'Please choose one of the categories you can share.');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Please use a date such as 2027-03-01.');

// --- client side ---------------------------------------------------------------------------

export const careLinkSchema = z
  .object({
    id: z.uuid(),
    therapistName: z.string(),
    practiceName: z.string(),
    kind: z.enum(CARE_LINK_KINDS),
    status: z.enum(CARE_LINK_STATUSES),
    /** When the link was made (ISO instant). */
    since: z.string(),
    /** My active grants. */
    grants: z.array(careCategorySchema),
    /** My partner's active grants to the same therapist, couple categories only ([] otherwise). */
    partnerGrants: z.array(careCategorySchema),
    /** What the therapist can see now. */
    effective: z.array(careCategorySchema),
  })
  .meta({ id: 'CareLink' });
export type CareLink = z.infer<typeof careLinkSchema>;

export const acceptInvitationSchema = z.strictObject({
  token: z.string('Please open the link from your invitation email.').min(16, 'That invitation link looks incomplete.').max(128, 'That invitation link looks wrong.'),
});
export type AcceptInvitation = z.infer<typeof acceptInvitationSchema>;

export const linkParamsSchema = z.strictObject({ id: z.uuid('That link was not found.') });
export const grantParamsSchema = z.strictObject({ id: z.uuid('That link was not found.'), category: careCategorySchema });

export const accessLogQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1, 'Please ask for at least 1.').max(100, 'Please ask for at most 100.').default(50),
});

export const accessLogItemSchema = z
  .object({ id: z.uuid(), at: z.string(), therapistName: z.string(), category: careCategorySchema, view: z.enum(ACCESS_VIEWS) })
  .meta({ id: 'AccessLogItem' });
export type AccessLogItem = z.infer<typeof accessLogItemSchema>;
export const accessLogPageSchema = z.object({ items: z.array(accessLogItemSchema), nextCursor: z.string().nullable() }).meta({ id: 'AccessLogPage' });
export type AccessLogPage = z.infer<typeof accessLogPageSchema>;

export const homeworkSchema = z
  .object({
    id: z.uuid(),
    linkId: z.uuid(),
    therapistName: z.string(),
    title: z.string(),
    note: z.string(),
    dueOn: z.string().nullable(),
    completedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Homework' });
export type Homework = z.infer<typeof homeworkSchema>;

export const homeworkParamsSchema = z.strictObject({ id: z.uuid('That exercise was not found.') });
export const homeworkCompleteSchema = z.strictObject({ done: z.boolean('Please say whether it is done.') });

export const therapyFlagSchema = z.strictObject({ forTherapy: z.boolean('Please say whether this entry is for therapy.') });
export const therapyFlagResultSchema = z.object({ id: z.uuid(), forTherapy: z.boolean() }).meta({ id: 'TherapyFlag' });

// --- therapist side ------------------------------------------------------------------------

export const careInvitationInputSchema = z.strictObject({
  email: z.email('Please give the email address your client uses for Trellis.').max(254),
  kind: z.enum(CARE_LINK_KINDS, 'Please choose individual or couple.'),
});
export type CareInvitationInput = z.infer<typeof careInvitationInputSchema>;
export const careInvitationCreatedSchema = z.object({ id: z.uuid(), email: z.string(), expiresAt: z.string() }).meta({ id: 'CareInvitation' });

export const practiceClientSchema = z
  .object({ linkId: z.uuid(), clientName: z.string(), kind: z.enum(CARE_LINK_KINDS), since: z.string(), effective: z.array(careCategorySchema) })
  .meta({ id: 'PracticeClient' });
export type PracticeClient = z.infer<typeof practiceClientSchema>;

export const clientParamsSchema = z.strictObject({ linkId: z.uuid('That client was not found.') });
export const summaryQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1, 'Please ask for at least 1 day.').max(365, 'Please ask for at most 365 days.').default(14),
});

/** One instrument's scores over time. `score` is the instrument's first (or only) subscale. */
export const assessmentSeriesSchema = z.object({
  instrumentId: z.string(),
  title: z.string(),
  points: z.array(z.object({ at: z.string(), score: z.number(), max: z.number(), scores: z.record(z.string(), z.number()) })),
});
/** A day's revealed check-in moods (1–5), mine meaning the client the link belongs to. */
export const checkinMoodSchema = z.object({ date: z.string(), mine: z.number().nullable(), partner: z.number().nullable() });
/** One commitment's record for one week (week = the ISO date of that week's Monday). */
export const commitmentWeekSchema = z.object({ title: z.string(), week: z.string(), kept: z.number().int(), planned: z.number().int() });
export const therapyEntrySchema = z.object({ id: z.uuid(), at: z.string(), title: z.string(), text: z.string() });
/**
 * A structured conversation, described by its shape only: no turn text leaves its author.
 * `topic` names how it ended (agreement, commitment, none); `summary` is a plain sentence.
 */
export const conversationSummarySchema = z.object({
  id: z.uuid(),
  at: z.string(),
  topic: z.string(),
  summary: z.string(),
  rounds: z.number().int(),
  minutes: z.number().int().nullable(),
  outcome: z.enum(['none', 'agreement', 'commitment']).nullable(),
});

export const clientViewSchema = z
  .object({
    linkId: z.uuid(),
    clientName: z.string(),
    kind: z.enum(CARE_LINK_KINDS),
    effective: z.array(careCategorySchema),
    /** For the summary view: the first day shown (ISO date); absent for the full view. */
    from: z.string().optional(),
    assessments: z.array(assessmentSeriesSchema).optional(),
    checkinMoods: z.array(checkinMoodSchema).optional(),
    commitments: z.array(commitmentWeekSchema).optional(),
    therapyEntries: z.array(therapyEntrySchema).optional(),
    conversationSummaries: z.array(conversationSummarySchema).optional(),
    homework: z.array(homeworkSchema),
  })
  .meta({ id: 'ClientView' });
export type ClientView = z.infer<typeof clientViewSchema>;

export const homeworkInputSchema = z.strictObject({
  title: z.string('Please give the exercise a title.').trim().min(1, 'Please give the exercise a title.').max(200, 'Please keep the title to 200 characters.'),
  note: z.string().trim().max(2000, 'Please keep the note to 2,000 characters.').default(''),
  dueOn: isoDate.nullable().optional(),
});
export type HomeworkInput = z.infer<typeof homeworkInputSchema>;
