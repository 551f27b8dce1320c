/**
 * Structured conversations' and apologies' API shapes, shared by the server (validation, OpenAPI)
 * and the web (forms). Turn texts and apology parts are sealed under their author's key on the
 * server; the phase, whose turn it is and the pause stay plain (docs/decisions/024).
 */
import { z } from 'zod';
import { MAX_TIME_LIMIT, MIN_TIME_LIMIT, OUTCOME_KINDS, PHASES, STEPS, TURN_KINDS } from '../conversation/machine.ts';
import { agreementCreateSchema } from './agreements.ts';
import { commitmentCreateSchema } from './commitments.ts';
import { screeningSchema } from './reflect.ts';

export const TURN_TEXT_MAX = 4000;
export const APOLOGY_PART_MAX = 2000;

export const turnKindSchema = z.enum(TURN_KINDS, 'Please choose what kind of turn this is.');
const versionSchema = z.number().int().min(1).describe('The version you last saw; a stale one is answered 409 stale-version.');

export const conversationCreateSchema = z
  .object({
    /** 'couple': with my partner, live for both; 'practice': alone, with an imagined reply. */
    mode: z.enum(['couple', 'practice'], 'Please choose to talk with your partner or to practise alone.'),
    timeLimitMinutes: z
      .number('Please choose a time limit in minutes.')
      .int('Please choose a whole number of minutes.')
      .min(MIN_TIME_LIMIT, `Please allow at least ${MIN_TIME_LIMIT} minutes.`)
      .max(MAX_TIME_LIMIT, `Please keep it to ${MAX_TIME_LIMIT} minutes or fewer.`),
  })
  .strict();
export type ConversationCreate = z.infer<typeof conversationCreateSchema>;

const yes = (message: string) => z.literal(true, message);
export const checklistConfirmSchema = z
  .object({
    calm: yes('Please confirm you feel calm enough to talk.'),
    phonesAway: yes('Please confirm your phone and other distractions are put away.'),
    timeLimit: yes('Please confirm you agree to the time limit.'),
    version: versionSchema.optional(),
  })
  .strict();

export const turnTextSchema = z
  .string('Please write something.')
  .trim()
  .min(1, 'Please write something before sending.')
  .max(TURN_TEXT_MAX, `Please keep it to ${TURN_TEXT_MAX.toLocaleString('en')} characters or fewer.`);

export const turnCreateSchema = z.object({ kind: turnKindSchema, text: turnTextSchema, version: versionSchema }).strict();
export type TurnCreate = z.infer<typeof turnCreateSchema>;

/** Pause, ready to continue, move to closing, leave: the version is optional (a pause must never be refused as stale). */
export const conversationStepSchema = z.object({ version: versionSchema.optional() }).strict();

const { timeZone: _tz, ...agreementFields } = agreementCreateSchema.shape;
export const conversationFinishSchema = z
  .object({
    version: versionSchema.optional(),
    outcome: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('none') }).strict(),
      z.object({ kind: z.literal('agreement'), agreement: z.object(agreementFields).strict(), timeZone: agreementCreateSchema.shape.timeZone }).strict(),
      z.object({ kind: z.literal('commitment'), commitment: commitmentCreateSchema }).strict(),
    ]),
  })
  .strict();
export type ConversationFinish = z.infer<typeof conversationFinishSchema>;

const who = z.enum(['me', 'partner']);
export const turnSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  author: who,
  kind: turnKindSchema,
  text: z.string(),
  createdAt: z.string(),
});

export const conversationSchema = z
  .object({
    id: z.uuid(),
    mode: z.enum(['couple', 'practice']),
    phase: z.enum(PHASES),
    step: z.enum(STEPS),
    version: z.number().int(),
    rounds: z.number().int(),
    timeLimitMinutes: z.number().int(),
    startedBy: who,
    /** Whose turn it is to speak (null before the turns). */
    speaker: who.nullable(),
    /** My role in the round under way. */
    myRole: z.enum(['speaker', 'listener']).nullable(),
    /** What I may write now (empty: nothing, or not my turn). */
    canWrite: z.array(turnKindSchema),
    /** Whether I may take part at all (false in an unlinked couple's archive, or once ended). */
    canAct: z.boolean(),
    checklist: z.object({ me: z.boolean(), partner: z.boolean().nullable() }),
    pause: z
      .object({ until: z.string(), by: who, leftMs: z.number().int(), readyMe: z.boolean(), readyPartner: z.boolean().nullable() })
      .nullable(),
    /** Talking time left (null before the turns; paused time not counted). */
    timeLeftMs: z.number().int().nullable(),
    serverNow: z.string(),
    turns: z.array(turnSchema),
    outcome: z.object({ kind: z.enum(OUTCOME_KINDS), id: z.uuid().nullable() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    endedAt: z.string().nullable(),
  })
  .meta({ id: 'Conversation' });
export type Conversation = z.infer<typeof conversationSchema>;

export const conversationSavedSchema = z.object({ conversation: conversationSchema, screening: screeningSchema });
export type ConversationSaved = z.infer<typeof conversationSavedSchema>;
/** The finish answer: the conversation, plus the screening of an agreement or commitment written at the end. */
export const conversationFinishedSchema = conversationSchema.extend({ screening: screeningSchema });
export type ConversationFinished = z.infer<typeof conversationFinishedSchema>;

export const conversationSummarySchema = conversationSchema.pick({ id: true, mode: true, phase: true, startedBy: true, createdAt: true, endedAt: true, rounds: true, canAct: true });
export const conversationListSchema = z.object({ linked: z.boolean(), items: z.array(conversationSummarySchema) });
export type ConversationList = z.infer<typeof conversationListSchema>;

// ---- Apologies ----

const part = (message: string) =>
  z
    .string(message)
    .trim()
    .min(1, message)
    .max(APOLOGY_PART_MAX, `Please keep each part to ${APOLOGY_PART_MAX.toLocaleString('en')} characters or fewer.`);

export const apologyPartsSchema = z.object({
  /** What I did, specifically. */
  what: part('Please say what you did, as specifically as you can.'),
  /** Its impact on you. */
  impact: part('Please say how it may have affected your partner.'),
  /** That I take responsibility. */
  responsibility: part('Please say in your own words that you take responsibility.'),
  /** What I will do differently. */
  different: part('Please say what you will do differently.'),
});
export type ApologyParts = z.infer<typeof apologyPartsSchema>;

export const apologyCreateSchema = apologyPartsSchema
  .extend({
    /** true: send it to my partner now; false: keep it private. */
    send: z.boolean().default(false),
    /** Turn "what I will do differently" into a commitment (needs a linked partner). */
    commitment: commitmentCreateSchema.optional(),
  })
  .strict();
export type ApologyCreate = z.infer<typeof apologyCreateSchema>;

export const apologySchema = apologyPartsSchema
  .extend({
    id: z.uuid(),
    author: who,
    status: z.enum(['private', 'sent']),
    sentAt: z.string().nullable(),
    commitmentId: z.uuid().nullable(),
    /** Whether I may send it now (mine, private, and a partner linked now). */
    canSend: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Apology' });
export type Apology = z.infer<typeof apologySchema>;
export const apologySavedSchema = z.object({ apology: apologySchema, screening: screeningSchema });
export const apologyListSchema = z.object({ linked: z.boolean(), mine: z.array(apologySchema), received: z.array(apologySchema) });
export type ApologyList = z.infer<typeof apologyListSchema>;
