/**
 * Agreements and boundaries in the couple space (docs/decisions/018).
 *
 * - An agreement has numbered versions; a version is in force only when both partners accepted
 *   that exact version (rows in agreement_acceptance). Editing adds a version; nothing is
 *   overwritten, so the history and the version in force stay visible.
 * - A boundary is one partner's own statement; the other reads it.
 * - Titles and texts are sealed under their author's data key, like journal text.
 */
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.ts';
import { bytea, ts } from './columns.ts';
import { couple } from './couple.ts';

const userRef = (name: string) =>
  text(name)
    .notNull()
    .references(() => user.id, { onDelete: 'cascade' });

export const agreement = pgTable(
  'agreement',
  {
    id: uuid('id').primaryKey(),
    coupleId: uuid('couple_id')
      .notNull()
      .references(() => couple.id, { onDelete: 'cascade' }),
    /** One of the topics in core/couple/agreements.ts (plain: lists group by it). */
    topic: text('topic').notNull(),
    /** When to look at it again together (a calendar date); set by the latest version. */
    reviewDay: date('review_day', { mode: 'string' }),
    createdBy: userRef('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('agreement_couple_idx').on(t.coupleId, t.createdAt.desc())],
);

export const agreementVersion = pgTable(
  'agreement_version',
  {
    id: uuid('id').primaryKey(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreement.id, { onDelete: 'cascade' }),
    /** 1, 2, 3, … per agreement. */
    number: integer('number').notNull(),
    authorId: userRef('author_id'),
    /** Sealed under the author's key: { title, text }. */
    content: bytea('content').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agreement_version_number_idx').on(t.agreementId, t.number)],
);

export const agreementAcceptance = pgTable(
  'agreement_acceptance',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => agreementVersion.id, { onDelete: 'cascade' }),
    userId: userRef('user_id'),
    acceptedAt: ts('accepted_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agreement_acceptance_idx').on(t.versionId, t.userId)],
);

export const boundary = pgTable(
  'boundary',
  {
    id: uuid('id').primaryKey(),
    coupleId: uuid('couple_id')
      .notNull()
      .references(() => couple.id, { onDelete: 'cascade' }),
    ownerId: userRef('owner_id'),
    /** Sealed under the owner's key: { text }. */
    content: bytea('content').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** Removed by its owner; kept out of every list. */
    deleted: boolean('deleted').notNull().default(false),
  },
  (t) => [index('boundary_couple_idx').on(t.coupleId, t.createdAt)],
);
