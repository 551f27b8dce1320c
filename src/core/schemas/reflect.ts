/**
 * The Reflect area's API shapes, shared by the server (validation, OpenAPI) and the web (forms).
 * Free text is encrypted at rest on the server; catalog values, numbers and dates stay plain so
 * that filters and insights work.
 */
import { z } from 'zod';
import { BODY_CUES, EMOTIONS, ENTRY_KINDS, ORIGIN_ROOTS, SELF_WORTH_KINDS, TONES, TOPICS, URGES, WOUND_OR_SIGNAL } from '../reflect/catalogs.ts';
import { timeZoneSchema } from './profile.ts';

export const TEXT_MAX = 10_000;
const text = (max = TEXT_MAX) => z.string().max(max, `Please keep this to ${max.toLocaleString('en-US')} characters or fewer.`);
const shortText = text(500);
export const intensitySchema = z.number().int('Please use a whole number from 0 to 100.').min(0, 'Please use a number from 0 to 100.').max(100, 'Please use a number from 0 to 100.');
const id = z.uuid();
/** An instant, ISO 8601. Not more than a day in the future (clock skew, time zones). */
export const pastInstantSchema = z.iso
  .datetime({ offset: true, message: 'Please give a date and time like 2026-11-22T18:30:00Z.' })
  .refine((v) => Date.parse(v) <= Date.now() + 24 * 3600_000, 'This is in the future. Please choose when it happened.');

export const emotionRatingSchema = z.object({ emotion: z.enum(EMOTIONS), intensity: intensitySchema });
export const tagSchema = z.string().trim().min(1).max(40, 'Tags can be up to 40 characters.');

/** Everything a journal entry can hold. Every field is optional except where noted, so a quick capture can be completed later. */
export const entryFieldsSchema = z.object({
  occurredAt: pastInstantSchema,
  timeZone: timeZoneSchema,
  whatHappened: text(),
  place: shortText,
  people: shortText,
  topic: z.enum(TOPICS).nullable(),
  topicOther: shortText,
  tone: z.enum(TONES).nullable(),
  bodyCues: z.array(z.enum(BODY_CUES)).max(BODY_CUES.length),
  bodyCuesOther: shortText,
  emotions: z.array(emotionRatingSchema).max(EMOTIONS.length),
  /** How strong it felt at the time (the quick capture's one number). */
  intensityBefore: intensitySchema.nullable(),
  urge: z.enum(URGES).nullable(),
  urgeOther: shortText,
  urgeActedOn: z.boolean().nullable(),
  story: text(),
  evidenceFor: text(),
  evidenceAgainst: text(),
  woundOrSignal: z.enum(WOUND_OR_SIGNAL).nullable(),
  reframe: text(),
  intensityAfter: intensitySchema.nullable(),
  tags: z.array(tagSchema).max(20, 'Up to 20 tags.'),
  /** For reflections: the prompt answered. */
  promptId: z.string().max(64).nullable(),
});

export const entryCreateSchema = entryFieldsSchema.partial().extend({
  kind: z.enum(ENTRY_KINDS),
  occurredAt: pastInstantSchema,
  timeZone: timeZoneSchema,
}).strict();
export const entryPatchSchema = entryFieldsSchema.partial().extend({ kind: z.enum(ENTRY_KINDS).optional() }).strict();

export const screeningSchema = z.object({ selfHarm: z.boolean(), partnerDanger: z.boolean() }).meta({ id: 'Screening' });

export const entrySchema = entryFieldsSchema.extend({
  id,
  kind: z.enum(ENTRY_KINDS),
  /** A quick capture is incomplete until the story and reframe are written or it is marked done. */
  complete: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** To its owner: whether it is shared with their partner in the couple linked now (always sent by the server). */
  sharedWithPartner: z.boolean().optional(),
  /** To its owner, on a single entry: whether it is marked "for therapy" (docs/decisions/027). */
  forTherapy: z.boolean().optional(),
}).meta({ id: 'JournalEntry' });

export const entrySavedSchema = z.object({ entry: entrySchema, screening: screeningSchema });

export const entryListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  topic: z.enum(TOPICS).optional(),
  tag: tagSchema.optional(),
  kind: z.enum(ENTRY_KINDS).optional(),
  minIntensity: z.coerce.number().int().min(0).max(100).optional(),
  maxIntensity: z.coerce.number().int().min(0).max(100).optional(),
  urgeActedOn: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Words to find in my own text (case- and accent-insensitive). */
  q: z.string().trim().min(1).max(200).optional(),
});
export const entryListSchema = z.object({ items: z.array(entrySchema), nextCursor: z.string().nullable() });

// Origins map: each save is a new version; the newest is current, the rest are history.
export const originRootSchema = z.object({ root: z.enum(ORIGIN_ROOTS), resonates: z.boolean(), notes: text(4000) });
export const originsInputSchema = z.object({ roots: z.array(originRootSchema).max(ORIGIN_ROOTS.length), otherLabel: shortText.optional() }).strict();
export const originsVersionSchema = originsInputSchema.extend({ id, createdAt: z.string() }).meta({ id: 'OriginsVersion' });
export const originsSchema = z.object({ current: originsVersionSchema.nullable(), history: z.array(z.object({ id, createdAt: z.string() })) });

// Urge log for controlling impulses.
export const urgeInputSchema = z.object({
  occurredAt: pastInstantSchema,
  urge: text(2000).min(1, 'Please describe the urge in a few words.'),
  fear: text(4000).optional(),
  insteadDid: text(4000).optional(),
  actedOn: z.boolean(),
}).strict();
export const urgePatchSchema = urgeInputSchema.partial().strict();
export const urgeSchema = urgeInputSchema.extend({ id, fear: z.string(), insteadDid: z.string(), createdAt: z.string() }).meta({ id: 'UrgeLogItem' });

// Self-worth: small goals, wins, self-care activities.
export const selfWorthInputSchema = z.object({
  kind: z.enum(SELF_WORTH_KINDS),
  text: text(1000).min(1, 'Please write a few words.'),
  /** The calendar day it belongs to, in the person's time zone. */
  day: z.iso.date({ message: 'Please give a date like 2026-11-22.' }),
  done: z.boolean().default(false),
}).strict();
export const selfWorthPatchSchema = selfWorthInputSchema.partial().strict();
export const selfWorthSchema = selfWorthInputSchema.extend({ id, createdAt: z.string() }).meta({ id: 'SelfWorthItem' });

export type EntryCreate = z.infer<typeof entryCreateSchema>;
export type EntryPatch = z.infer<typeof entryPatchSchema>;
export type Entry = z.infer<typeof entrySchema>;
export type EntryListQuery = z.infer<typeof entryListQuerySchema>;
export type Screening = z.infer<typeof screeningSchema>;
export type OriginsInput = z.infer<typeof originsInputSchema>;
export type UrgeInput = z.infer<typeof urgeInputSchema>;
export type SelfWorthInput = z.infer<typeof selfWorthInputSchema>;
