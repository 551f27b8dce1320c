/** Trellis's own per-account tables: profile, the wrapped data key, idempotency records. */
import { integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { user } from './auth.ts';
import { bytea, ts } from './columns.ts';


export const profile = pgTable('profile', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  displayName: text('display_name').notNull(),
  timeZone: text('time_zone'),
  usState: text('us_state'),
  language: text('language').notNull().default('en'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * One data key per user, wrapped (AES-256-GCM) by the server key. Deleting this row
 * crypto-shreds every encrypted text the user wrote, including copies in backups.
 */
export const userKey = pgTable('user_key', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  /** Which server key wrapped it (for rotation). */
  serverKeyId: text('server_key_id').notNull(),
  wrappedKey: bytea('wrapped_key').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * The first response to a creating POST, keyed by (actor, Idempotency-Key), so a retry
 * returns the same result instead of creating twice. Kept for 24 hours.
 */
export const idempotencyKey = pgTable(
  'idempotency_key',
  {
    actorId: text('actor_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    responseBody: jsonb('response_body'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.key] })],
);
