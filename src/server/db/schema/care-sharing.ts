/**
 * Care: client links, consent by category, the access log and homework (docs/decisions/027).
 *
 * - care_link: a client's account linked to one therapist (individual, or couple — then tied to
 *   the couple the client was linked in when it was made). At most one active link per therapist
 *   and client.
 * - care_invitation: a therapist's invitation by email. The address is kept only as a keyed hash
 *   (enough to match the accepting account's verified email); the link's secret only as SHA-256.
 * - care_grant: one category a client shares on one link; one active row per link and category.
 *   Revoking sets revoked_at, so the history stays.
 * - care_access_log: every therapist view, one row per client and category shown. No client words.
 * - care_homework: an exercise a therapist assigns; title and note sealed under the client's data key.
 * - care_therapy_entry: a journal entry its owner marked "for therapy" (the flag, kept beside the
 *   entry so the journal table itself stays as it is).
 */
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.ts';
import { booking, organization, therapist } from './care.ts';
import { bytea, ts } from './columns.ts';
import { couple } from './couple.ts';
import { journalEntry } from './reflect.ts';

export const careLink = pgTable(
  'care_link',
  {
    id: uuid('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    therapistId: uuid('therapist_id')
      .notNull()
      .references(() => therapist.id, { onDelete: 'cascade' }),
    clientUserId: text('client_user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['individual', 'couple'] }).notNull(),
    /** For a couple link: the couple the client was linked in when the link was made. */
    coupleId: uuid('couple_id').references(() => couple.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['active', 'ended'] }).notNull().default('active'),
    bookingId: uuid('booking_id').references(() => booking.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    endedAt: ts('ended_at'),
  },
  (t) => [
    uniqueIndex('care_link_active_once').on(t.therapistId, t.clientUserId).where(sql`${t.status} = 'active'`),
    index('care_link_client_idx').on(t.clientUserId),
    index('care_link_therapist_idx').on(t.therapistId),
    check('care_link_kind_check', sql`${t.kind} in ('individual', 'couple')`),
    check('care_link_status_check', sql`(${t.status} = 'active' and ${t.endedAt} is null) or (${t.status} = 'ended' and ${t.endedAt} is not null)`),
  ],
);

export const careInvitation = pgTable(
  'care_invitation',
  {
    id: uuid('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    therapistId: uuid('therapist_id')
      .notNull()
      .references(() => therapist.id, { onDelete: 'cascade' }),
    /** HMAC-SHA-256 of the lower-cased address under a key derived from the server key. */
    emailHash: text('email_hash').notNull(),
    kind: text('kind', { enum: ['individual', 'couple'] }).notNull(),
    /** SHA-256 of the link's 24 random bytes. */
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('care_invitation_therapist_idx').on(t.therapistId), check('care_invitation_kind_check', sql`${t.kind} in ('individual', 'couple')`)],
);

export const careGrant = pgTable(
  'care_grant',
  {
    id: uuid('id').primaryKey(),
    linkId: uuid('link_id')
      .notNull()
      .references(() => careLink.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    grantedAt: ts('granted_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    uniqueIndex('care_grant_active_once').on(t.linkId, t.category).where(sql`${t.revokedAt} is null`),
    check('care_grant_category_check', sql`${t.category} in ('assessments', 'checkin-moods', 'commitments', 'therapy-entries', 'conversation-summaries')`),
  ],
);

export const careAccessLog = pgTable(
  'care_access_log',
  {
    id: uuid('id').primaryKey(),
    clientUserId: text('client_user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    /** Kept (null) when the therapist leaves, so the client's log stays whole; the name below says who. */
    therapistId: uuid('therapist_id').references(() => therapist.id, { onDelete: 'set null' }),
    therapistName: text('therapist_name').notNull(),
    linkId: uuid('link_id').references(() => careLink.id, { onDelete: 'set null' }),
    category: text('category').notNull(),
    view: text('view', { enum: ['client', 'summary'] }).notNull(),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('care_access_log_client_idx').on(t.clientUserId, t.at.desc(), t.id.desc()), check('care_access_log_view_check', sql`${t.view} in ('client', 'summary')`)],
);

export const careHomework = pgTable(
  'care_homework',
  {
    id: uuid('id').primaryKey(),
    linkId: uuid('link_id')
      .notNull()
      .references(() => careLink.id, { onDelete: 'cascade' }),
    /** Sealed under the client's data key: { title, note }. */
    content: bytea('content').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    completedAt: ts('completed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('care_homework_link_idx').on(t.linkId, t.createdAt.desc())],
);

export const careTherapyEntry = pgTable(
  'care_therapy_entry',
  {
    entryId: uuid('entry_id')
      .primaryKey()
      .references(() => journalEntry.id, { onDelete: 'cascade' }),
    ownerId: text('owner_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    markedAt: ts('marked_at').notNull().defaultNow(),
  },
  (t) => [index('care_therapy_entry_owner_idx').on(t.ownerId, t.markedAt.desc())],
);
