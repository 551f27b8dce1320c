/**
 * The daily check-in's API shapes, shared by the server (validation, OpenAPI) and the web (the form).
 * The four answers are sealed under their author's data key; the mood and day stay plain.
 */
import { z } from 'zod';
import { CHECKIN_TEXT_MAX } from '../couple/checkins.ts';
import { timeZoneSchema } from './profile.ts';
import { screeningSchema } from './reflect.ts';

const answerText = z.string().max(CHECKIN_TEXT_MAX, `Please keep this to ${CHECKIN_TEXT_MAX.toLocaleString('en-US')} characters or fewer.`);
const day = z.iso.date();

export const moodSchema = z
  .number({ message: 'Please choose how you are feeling, from 1 to 5.' })
  .int('Please choose how you are feeling, from 1 to 5.')
  .min(1, 'Please choose how you are feeling, from 1 to 5.')
  .max(5, 'Please choose how you are feeling, from 1 to 5.');

export const checkinCreateSchema = z
  .object({
    mood: moodSchema,
    highPoint: answerText.optional(),
    heavy: answerText.optional(),
    appreciation: answerText.optional(),
    need: answerText.optional(),
    /** Used only when my profile has no time zone yet: which calendar day "today" is for me. */
    timeZone: timeZoneSchema.optional(),
  })
  .strict();

/** One person's answer for one of their days. */
export const checkinAnswerSchema = z
  .object({
    id: z.uuid(),
    day,
    mood: moodSchema,
    highPoint: z.string(),
    heavy: z.string(),
    appreciation: z.string(),
    need: z.string(),
    answeredAt: z.string(),
  })
  .meta({ id: 'CheckinAnswer' });

export const checkinSavedSchema = z.object({
  answer: checkinAnswerSchema,
  /** The calendar day (in my time zone) the answer counts for. */
  day,
  revealed: z.boolean(),
  screening: screeningSchema,
});

export const checkinTimeZoneQuerySchema = z.object({ timeZone: timeZoneSchema.optional() });

export const checkinTodaySchema = z.object({
  day,
  /** Whether I have a partner to check in with right now. */
  linked: z.boolean(),
  mine: checkinAnswerSchema.nullable(),
  /** Only once both answered: before that, nothing tells me whether my partner has. */
  partner: checkinAnswerSchema.nullable(),
  revealed: z.boolean(),
});

export const checkinDaySchema = z
  .object({
    day,
    mine: checkinAnswerSchema,
    partner: checkinAnswerSchema.nullable(),
    revealed: z.boolean(),
    /** From a couple that has since unlinked: read-only. */
    archived: z.boolean(),
  })
  .meta({ id: 'CheckinDay' });

export const checkinListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const checkinListSchema = z.object({ items: z.array(checkinDaySchema), nextCursor: z.string().nullable() });

export const checkinConsistencySchema = z.object({
  from: day,
  to: day,
  days: z.array(z.object({ day, mine: z.boolean(), both: z.boolean() })),
  answered: z.number().int(),
  together: z.number().int(),
});

export type CheckinCreate = z.infer<typeof checkinCreateSchema>;
export type CheckinAnswer = z.infer<typeof checkinAnswerSchema>;
export type CheckinSaved = z.infer<typeof checkinSavedSchema>;
export type CheckinToday = z.infer<typeof checkinTodaySchema>;
export type CheckinDay = z.infer<typeof checkinDaySchema>;
export type CheckinList = z.infer<typeof checkinListSchema>;
export type CheckinListQuery = z.infer<typeof checkinListQuerySchema>;
export type CheckinConsistency = z.infer<typeof checkinConsistencySchema>;
