/**
 * Structured conversations and apologies (docs/decisions/024).
 *
 * - A conversation belongs to a couple (coupleId) or, when practised alone, to its starter only
 *   (coupleId null). Its phase, whose turn it is and the pause live on the row; `version` is bumped
 *   by every change so two people pressing at once cannot both win (compare-and-set → 409).
 * - Turns are sealed under their AUTHOR's data key, like journal text.
 * - An apology's four parts are sealed under its owner's key; it is private unless sent.
 */
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.ts';
import { bytea, ts } from './columns.ts';
import { commitment, couple } from './couple.ts';

const userRef = (name: string) =>
  text(name)
    .notNull()
    .references(() => user.id, { onDelete: 'cascade' });

export const conversation = pgTable(
  'conversation',
  {
    id: uuid('id').primaryKey(),
    /** Null when practised alone. */
    coupleId: uuid('couple_id').references(() => couple.id, { onDelete: 'cascade' }),
    startedBy: userRef('started_by'),
    /** Agreed time limit in minutes (from the checklist). */
    timeLimitMinutes: integer('time_limit_minutes').notNull(),
    /** checklist | turns | closing | ended (core/conversation). */
    phase: text('phase').notNull().default('checklist'),
    /** The person whose turn it is to speak (null before turns begin). */
    speakerId: text('speaker_id').references(() => user.id, { onDelete: 'set null' }),
    /** Step in the current round: speak | summarise | validate | confirm. */
    step: text('step').notNull().default('speak'),
    /** Rounds completed (a round = one speaker's full cycle). */
    rounds: integer('rounds').notNull().default(0),
    turnsStartedAt: ts('turns_started_at'),
    pausedUntil: ts('paused_until'),
    pausedBy: text('paused_by').references(() => user.id, { onDelete: 'set null' }),
    /** Who has said "ready to continue" during the current pause (JSON array of user ids). */
    resumeReady: text('resume_ready').notNull().default('[]'),
    /** Outcome chosen at the close: none | agreement | commitment, with the id it made. */
    outcomeKind: text('outcome_kind'),
    outcomeId: uuid('outcome_id'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    endedAt: ts('ended_at'),
  },
  (t) => [
    index('conversation_couple_idx').on(t.coupleId, t.createdAt.desc()),
    index('conversation_starter_idx').on(t.startedBy, t.createdAt.desc()),
  ],
);

export const conversationChecklist = pgTable(
  'conversation_checklist',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversation.id, { onDelete: 'cascade' }),
    userId: userRef('user_id'),
    confirmedAt: ts('confirmed_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('conversation_checklist_idx').on(t.conversationId, t.userId)],
);

export const conversationTurn = pgTable(
  'conversation_turn',
  {
    id: uuid('id').primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversation.id, { onDelete: 'cascade' }),
    /** 1, 2, 3, … per conversation. */
    seq: integer('seq').notNull(),
    authorId: userRef('author_id'),
    /** message | summary | validation | confirmation | correction | imagined */
    kind: text('kind').notNull(),
    /** Sealed under the author's key: { text }. */
    content: bytea('content').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('conversation_turn_seq_idx').on(t.conversationId, t.seq)],
);

export const apology = pgTable(
  'apology',
  {
    id: uuid('id').primaryKey(),
    ownerId: userRef('owner_id'),
    /** The couple it is addressed within; null when written with no partner linked. */
    coupleId: uuid('couple_id').references(() => couple.id, { onDelete: 'cascade' }),
    /** Sealed under the owner's key: { what, impact, responsibility, different }. */
    content: bytea('content').notNull(),
    /** private | sent */
    status: text('status').notNull().default('private'),
    sentAt: ts('sent_at'),
    commitmentId: uuid('commitment_id').references(() => commitment.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('apology_owner_idx').on(t.ownerId, t.createdAt.desc()),
    index('apology_couple_idx').on(t.coupleId, t.createdAt.desc()),
  ],
);
