/**
 * The Reflect area: journal entries, origins-map versions, the urge log and self-worth items.
 * Free text lives only inside `content` (AES-256-GCM under the owner's data key, see
 * docs/decisions/003); catalog values, numbers and dates stay plain for filters and insights.
 */
import { boolean, date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.ts';
import { bytea, ts } from './columns.ts';

const owner = () =>
  text('owner_id')
    .notNull()
    .references(() => user.id, { onDelete: 'cascade' });

export const journalEntry = pgTable(
  'journal_entry',
  {
    id: uuid('id').primaryKey(),
    ownerId: owner(),
    kind: text('kind').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    timeZone: text('time_zone').notNull(),
    topic: text('topic'),
    tone: text('tone'),
    bodyCues: text('body_cues').array().notNull().default([]),
    emotions: jsonb('emotions').$type<Array<{ emotion: string; intensity: number }>>().notNull().default([]),
    intensityBefore: integer('intensity_before'),
    urge: text('urge'),
    urgeActedOn: boolean('urge_acted_on'),
    woundOrSignal: text('wound_or_signal'),
    intensityAfter: integer('intensity_after'),
    promptId: text('prompt_id'),
    complete: boolean('complete').notNull(),
    /** Keyed hashes of the tags (a blind index), so "entries tagged X" needs no decryption. */
    tagIndex: text('tag_index').array().notNull().default([]),
    content: bytea('content').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('journal_entry_owner_occurred_idx').on(t.ownerId, t.occurredAt.desc(), t.id.desc())],
);

export const originsVersion = pgTable(
  'origins_version',
  {
    id: uuid('id').primaryKey(),
    ownerId: owner(),
    content: bytea('content').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('origins_version_owner_idx').on(t.ownerId, t.createdAt.desc())],
);

export const urgeLog = pgTable(
  'urge_log',
  {
    id: uuid('id').primaryKey(),
    ownerId: owner(),
    occurredAt: ts('occurred_at').notNull(),
    actedOn: boolean('acted_on').notNull(),
    content: bytea('content').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('urge_log_owner_occurred_idx').on(t.ownerId, t.occurredAt.desc(), t.id.desc())],
);

export const selfWorthItem = pgTable(
  'self_worth_item',
  {
    id: uuid('id').primaryKey(),
    ownerId: owner(),
    kind: text('kind').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    done: boolean('done').notNull().default(false),
    content: bytea('content').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('self_worth_owner_day_idx').on(t.ownerId, t.day.desc(), t.id.desc())],
);

/**
 * A journal entry its owner shares with their partner, within one couple: readable by that
 * partner while the couple is linked; ended by the owner at any time, or by unlinking.
 */
export const entryShare = pgTable(
  'entry_share',
  {
    entryId: uuid('entry_id')
      .primaryKey()
      .references(() => journalEntry.id, { onDelete: 'cascade' }),
    ownerId: owner(),
    coupleId: uuid('couple_id').notNull(),
    sharedAt: ts('shared_at').notNull().defaultNow(),
  },
  (t) => [index('entry_share_couple_idx').on(t.coupleId, t.sharedAt.desc())],
);
