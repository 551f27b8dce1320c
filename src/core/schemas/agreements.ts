/**
 * Agreements' and boundaries' API shapes, shared by the server (validation, OpenAPI) and the web
 * (forms). Titles and texts are sealed under their author's key on the server; the topic, the
 * version numbers, acceptances and the review day stay plain.
 */
import { z } from 'zod';
import { AGREEMENT_TOPICS } from '../couple/agreements.ts';
import { daySchema } from './commitments.ts';
import { timeZoneSchema } from './profile.ts';
import { screeningSchema } from './reflect.ts';

export const agreementTopicSchema = z.enum(AGREEMENT_TOPICS, 'Please choose one of the topics.');

export const agreementTitleSchema = z
  .string()
  .trim()
  .min(1, 'Please give the agreement a short title.')
  .max(200, 'Please keep the title to 200 characters or fewer.');
export const agreementTextSchema = z
  .string()
  .trim()
  .min(1, 'Please write down what you are agreeing to.')
  .max(4000, 'Please keep the agreement to 4,000 characters or fewer.');

export const agreementCreateSchema = z
  .object({
    topic: agreementTopicSchema,
    title: agreementTitleSchema,
    text: agreementTextSchema,
    /** When to look at it again together; null or absent: no review date. */
    reviewDay: daySchema.nullable().optional(),
    /** Used only when my profile has no time zone yet (to check the review day is not past). */
    timeZone: timeZoneSchema.optional(),
  })
  .strict();
export type AgreementCreate = z.infer<typeof agreementCreateSchema>;

export const agreementVersionCreateSchema = z
  .object({
    title: agreementTitleSchema,
    text: agreementTextSchema,
    /** Absent: the review day stays as it is; null: no review date. */
    reviewDay: daySchema.nullable().optional(),
    timeZone: timeZoneSchema.optional(),
  })
  .strict();
export type AgreementVersionCreate = z.infer<typeof agreementVersionCreateSchema>;

export const agreementListQuerySchema = z.object({ timeZone: timeZoneSchema.optional() }).strict();

export const versionParamsSchema = z.object({
  id: z.uuid('Not a valid id.'),
  number: z.coerce.number('Please give a version number.').int('Please give a whole version number.').min(1, 'Version numbers start at 1.').max(100000, 'There is no such version.'),
});

const who = z.enum(['me', 'partner']);

export const agreementVersionSchema = z
  .object({
    number: z.number().int(),
    author: who,
    title: z.string(),
    text: z.string(),
    createdAt: z.string(),
    /** Who accepted this exact version, and when (the author's acceptance is implied by proposing). */
    acceptances: z.array(z.object({ who, acceptedAt: z.string() })),
  })
  .meta({ id: 'AgreementVersion' });
export type AgreementVersion = z.infer<typeof agreementVersionSchema>;

export const agreementSchema = z
  .object({
    id: z.uuid(),
    topic: agreementTopicSchema,
    createdBy: who,
    createdAt: z.string(),
    reviewDay: z.string().nullable(),
    /** 'due' from the review day on (in the viewer's time zone). */
    review: z.enum(['none', 'scheduled', 'due']),
    /** Seen from the person asking: in force as written, or the latest version waiting for someone. */
    state: z.enum(['active', 'waiting-for-me', 'waiting-for-partner']),
    latest: agreementVersionSchema,
    /** The version in force: the newest one both accepted (may be older than the latest). */
    active: agreementVersionSchema.nullable(),
    /** May I propose an edit or accept? Only while this couple is linked. */
    canChange: z.boolean(),
  })
  .meta({ id: 'Agreement' });
export type Agreement = z.infer<typeof agreementSchema>;

export const agreementDetailSchema = agreementSchema.extend({ versions: z.array(agreementVersionSchema) }).meta({ id: 'AgreementDetail' });
export type AgreementDetail = z.infer<typeof agreementDetailSchema>;

export const agreementListSchema = z.object({ linked: z.boolean(), items: z.array(agreementSchema) });
export type AgreementList = z.infer<typeof agreementListSchema>;

export const agreementSavedSchema = z.object({ agreement: agreementDetailSchema, screening: screeningSchema });
export type AgreementSaved = z.infer<typeof agreementSavedSchema>;

// Boundaries ---------------------------------------------------------------------------------

export const boundaryTextSchema = z
  .string()
  .trim()
  .min(1, 'Please write your boundary in a few words.')
  .max(2000, 'Please keep a boundary to 2,000 characters or fewer.');

export const boundaryWriteSchema = z.object({ text: boundaryTextSchema }).strict();
export type BoundaryWrite = z.infer<typeof boundaryWriteSchema>;

export const boundarySchema = z
  .object({
    id: z.uuid(),
    owner: who,
    text: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Mine, and the couple is linked. */
    canChange: z.boolean(),
  })
  .meta({ id: 'Boundary' });
export type Boundary = z.infer<typeof boundarySchema>;

export const boundaryListSchema = z.object({ linked: z.boolean(), items: z.array(boundarySchema) });
export type BoundaryList = z.infer<typeof boundaryListSchema>;

export const boundarySavedSchema = z.object({ boundary: boundarySchema, screening: screeningSchema });
export type BoundarySaved = z.infer<typeof boundarySavedSchema>;
