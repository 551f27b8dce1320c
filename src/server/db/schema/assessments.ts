/**
 * Check-up results. Answers are numbers on an instrument's scale — never free text — so they are
 * stored plain (docs/decisions/010); scores and bands are kept as worked out when taken, so a
 * later change to a content file does not rewrite someone's history.
 */
import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.ts';
import { ts } from './columns.ts';

export const assessment = pgTable(
  'assessment',
  {
    id: uuid('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    instrument: text('instrument').notNull(),
    takenAt: ts('taken_at').notNull(),
    responses: jsonb('responses').$type<number[]>().notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    band: jsonb('band').$type<Record<string, string>>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('assessment_owner_instrument_taken_idx').on(t.ownerId, t.instrument, t.takenAt.desc(), t.id.desc()), index('assessment_owner_taken_idx').on(t.ownerId, t.takenAt.desc(), t.id.desc())],
);
