/**
 * The couple space: who is linked to whom (and was), invitations, daily check-ins and commitments.
 *
 * - A person is in at most one active couple: a partial unique index on couple_member(user_id)
 *   where left_at is null. Unlinking sets left_at for both members; the couple row and what both
 *   wrote stay, as the read-only archive (design.md, "Visibility rules").
 * - Invitations store only a hash of the code; the code itself is shown once to the inviter.
 * - Free text (check-in answers, commitment wording) is sealed under its author's data key, like
 *   journal text; the server opens it for the partner only after the policy allows it.
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.ts';
import { bytea, ts } from './columns.ts';

const userRef = (name: string) =>
  text(name)
    .notNull()
    .references(() => user.id, { onDelete: 'cascade' });

export const couple = pgTable('couple', {
  id: uuid('id').primaryKey(),
  linkedAt: ts('linked_at').notNull().defaultNow(),
  /** Set once, when either partner unlinks; the couple's items become a read-only archive. */
  unlinkedAt: ts('unlinked_at'),
});

export const coupleMember = pgTable(
  'couple_member',
  {
    coupleId: uuid('couple_id')
      .notNull()
      .references(() => couple.id, { onDelete: 'cascade' }),
    userId: userRef('user_id'),
    joinedAt: ts('joined_at').notNull().defaultNow(),
    leftAt: ts('left_at'),
  },
  (t) => [
    uniqueIndex('couple_member_pk').on(t.coupleId, t.userId),
    // One active couple per person, enforced by the database even under concurrent accepts.
    uniqueIndex('couple_member_one_active_idx').on(t.userId).where(sql`${t.leftAt} is null`),
  ],
);

export const coupleInvite = pgTable(
  'couple_invite',
  {
    id: uuid('id').primaryKey(),
    inviterId: userRef('inviter_id'),
    /** SHA-256 of the code (hex); the code is never stored. */
    codeHash: text('code_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    /** Withdrawn by the inviter before anyone used it. */
    revokedAt: ts('revoked_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('couple_invite_code_idx').on(t.codeHash), index('couple_invite_inviter_idx').on(t.inviterId)],
);

export const checkin = pgTable(
  'checkin',
  {
    id: uuid('id').primaryKey(),
    coupleId: uuid('couple_id')
      .notNull()
      .references(() => couple.id, { onDelete: 'cascade' }),
    authorId: userRef('author_id'),
    /** The author's calendar day, in the author's own time zone. */
    day: date('day', { mode: 'string' }).notNull(),
    /** Mood 1–5 stays plain for the consistency view and, if shared, a therapist's chart. */
    mood: integer('mood').notNull(),
    /** Sealed: { highPoint, heavy, appreciation, need }. */
    content: bytea('content').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('checkin_one_per_day_idx').on(t.coupleId, t.authorId, t.day),
    index('checkin_couple_day_idx').on(t.coupleId, t.day),
    // A person's own history, newest first, across couples (found by bench/scale.ts: without it the
    // history page scanned every check-in in the database).
    index('checkin_author_day_idx').on(t.authorId, t.day.desc(), t.id.desc()),
  ],
);

export const commitment = pgTable(
  'commitment',
  {
    id: uuid('id').primaryKey(),
    coupleId: uuid('couple_id')
      .notNull()
      .references(() => couple.id, { onDelete: 'cascade' }),
    /** Who makes the promise: only they propose, mark and renegotiate it. */
    makerId: userRef('maker_id'),
    /** Sealed: { title, details }. */
    content: bytea('content').notNull(),
    /** First day it applies, in the maker's time zone. */
    startDay: date('start_day', { mode: 'string' }).notNull(),
    /** An RFC 5545 RRULE for a recurring promise; null for a one-off on startDay. */
    recurrence: text('recurrence'),
    /** 'active' | 'renegotiated' | 'ended'. A renegotiated one points at its successor. */
    status: text('status').notNull().default('active'),
    replacedBy: uuid('replaced_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('commitment_couple_idx').on(t.coupleId, t.createdAt.desc())],
);

export const commitmentOccurrence = pgTable(
  'commitment_occurrence',
  {
    id: uuid('id').primaryKey(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => commitment.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    /** 'kept' | 'missed'. */
    outcome: text('outcome').notNull(),
    markedAt: ts('marked_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('commitment_occurrence_day_idx').on(t.commitmentId, t.day)],
);

/** A trust-building activity from the library (content/activities), planned by a couple. */
export const activityPlan = pgTable(
  'activity_plan',
  {
    id: uuid('id').primaryKey(),
    coupleId: uuid('couple_id')
      .notNull()
      .references(() => couple.id, { onDelete: 'cascade' }),
    createdBy: userRef('created_by'),
    /** The activity's id in the content library. */
    activityId: text('activity_id').notNull(),
    plannedDay: date('planned_day', { mode: 'string' }),
    /** 'planned' | 'done'. */
    status: text('status').notNull().default('planned'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('activity_plan_couple_idx').on(t.coupleId, t.createdAt.desc())],
);

/** Each partner's reflection after an activity, sealed under the author's key. */
export const activityReflection = pgTable(
  'activity_reflection',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => activityPlan.id, { onDelete: 'cascade' }),
    authorId: userRef('author_id'),
    /** Sealed: { howItWent, learned }. */
    content: bytea('content').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('activity_reflection_one_each_idx').on(t.planId, t.authorId)],
);

/** The repair log: a rupture, the repair attempt, what helped. */
export const repair = pgTable(
  'repair',
  {
    id: uuid('id').primaryKey(),
    coupleId: uuid('couple_id')
      .notNull()
      .references(() => couple.id, { onDelete: 'cascade' }),
    authorId: userRef('author_id'),
    /** The day it happened, in the author's time zone. */
    day: date('day', { mode: 'string' }).notNull(),
    /** Sealed: { rupture, attempt, helped }. */
    content: bytea('content').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('repair_couple_idx').on(t.coupleId, t.day.desc())],
);

/** Each partner's side of the loop they get stuck in; Trellis draws the shared cycle from both. */
export const cycleSide = pgTable(
  'cycle_side',
  {
    id: uuid('id').primaryKey(),
    coupleId: uuid('couple_id')
      .notNull()
      .references(() => couple.id, { onDelete: 'cascade' }),
    authorId: userRef('author_id'),
    /** Sealed: { trigger, feel, tendTo, fear, need } ("when I feel …, I tend to …"). */
    content: bytea('content').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cycle_side_one_each_idx').on(t.coupleId, t.authorId)],
);
