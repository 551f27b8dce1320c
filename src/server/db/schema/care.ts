/**
 * Care: practices, therapists and consultation bookings (docs/decisions/026).
 *
 * - organization / member / invitation: better-auth's organization plugin tables (its field names);
 *   a practice is an organization, its owner and therapists are members (roles owner, therapist).
 * - practice_settings: the practice's time zone; practice_session_type: free consultation,
 *   individual and couples sessions with duration, buffer, minimum notice and booking horizon.
 * - therapist, therapist_licence (one per US state, with expiry), therapist_availability (weekly
 *   windows in the therapist's own zone) and therapist_availability_exception (a day off or an
 *   extra window).
 * - booking: one requested or accepted session. `blocked` is [starts_at, blocked_until), the session
 *   plus its buffer; an exclusion constraint (migration 0008, btree_gist) forbids two live bookings
 *   of one therapist whose blocked ranges overlap, so a slot can never be booked twice, whatever the
 *   race. The client's name, email and intake are sealed with a key derived from the server key;
 *   the private manage link is stored only as a hash.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, customType, date, index, integer, pgTable, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.ts';
import { bytea, ts } from './columns.ts';

/** A PostgreSQL tstzrange, read as its text form (only the database compares it). */
const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

export const organization = pgTable('organization', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  logo: text('logo'),
  metadata: text('metadata'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const member = pgTable(
  'member',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: text('role').notNull().default('member'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('member_organization_idx').on(t.organizationId), index('member_user_idx').on(t.userId), unique('member_once').on(t.organizationId, t.userId)],
);

export const invitation = pgTable(
  'invitation',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role'),
    status: text('status').notNull().default('pending'),
    expiresAt: ts('expires_at').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    inviterId: text('inviter_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  },
  (t) => [index('invitation_organization_idx').on(t.organizationId), index('invitation_email_idx').on(t.email)],
);

export const practiceSettings = pgTable('practice_settings', {
  organizationId: text('organization_id')
    .primaryKey()
    .references(() => organization.id, { onDelete: 'cascade' }),
  timeZone: text('time_zone').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const practiceSessionType = pgTable(
  'practice_session_type',
  {
    id: uuid('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['consultation', 'individual', 'couples'] }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    bufferMinutes: integer('buffer_minutes').notNull().default(0),
    minNoticeMinutes: integer('min_notice_minutes').notNull().default(0),
    horizonDays: integer('horizon_days').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    unique('practice_session_type_kind').on(t.organizationId, t.kind),
    check('practice_session_type_kind_check', sql`${t.kind} in ('consultation', 'individual', 'couples')`),
    check('practice_session_type_numbers', sql`${t.durationMinutes} between 10 and 240 and ${t.bufferMinutes} between 0 and 120 and ${t.minNoticeMinutes} >= 0 and ${t.horizonDays} between 1 and 365`),
  ],
);

export const therapist = pgTable(
  'therapist',
  {
    id: uuid('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull(),
    bio: text('bio').notNull().default(''),
    timeZone: text('time_zone').notNull(),
    seesIndividuals: boolean('sees_individuals').notNull().default(true),
    seesCouples: boolean('sees_couples').notNull().default(true),
    approaches: text('approaches').array().notNull().default(sql`'{}'::text[]`),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique('therapist_once').on(t.organizationId, t.userId), index('therapist_user_idx').on(t.userId)],
);

export const therapistLicence = pgTable(
  'therapist_licence',
  {
    id: uuid('id').primaryKey(),
    therapistId: uuid('therapist_id')
      .notNull()
      .references(() => therapist.id, { onDelete: 'cascade' }),
    state: text('state').notNull(),
    number: text('number').notNull().default(''),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
  },
  (t) => [unique('therapist_licence_state').on(t.therapistId, t.state), check('therapist_licence_state_code', sql`${t.state} ~ '^[A-Z]{2}$'`)],
);

export const therapistAvailability = pgTable(
  'therapist_availability',
  {
    id: uuid('id').primaryKey(),
    therapistId: uuid('therapist_id')
      .notNull()
      .references(() => therapist.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
  },
  (t) => [index('therapist_availability_idx').on(t.therapistId), check('therapist_availability_window', sql`${t.weekday} between 1 and 7 and ${t.startTime} < ${t.endTime}`)],
);

export const therapistAvailabilityException = pgTable(
  'therapist_availability_exception',
  {
    id: uuid('id').primaryKey(),
    therapistId: uuid('therapist_id')
      .notNull()
      .references(() => therapist.id, { onDelete: 'cascade' }),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['off', 'extra'] }).notNull(),
    startTime: text('start_time'),
    endTime: text('end_time'),
  },
  (t) => [
    index('therapist_availability_exception_idx').on(t.therapistId, t.onDate),
    check('therapist_availability_exception_shape', sql`(${t.kind} = 'off' and ${t.startTime} is null and ${t.endTime} is null) or (${t.kind} = 'extra' and ${t.startTime} < ${t.endTime})`),
  ],
);

export const BOOKING_STATUSES = ['requested', 'accepted', 'declined', 'cancelled'] as const;

export const booking = pgTable(
  'booking',
  {
    id: uuid('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    therapistId: uuid('therapist_id')
      .notNull()
      .references(() => therapist.id, { onDelete: 'cascade' }),
    sessionTypeId: uuid('session_type_id')
      .notNull()
      .references(() => practiceSessionType.id, { onDelete: 'cascade' }),
    clientKind: text('client_kind', { enum: ['individual', 'couple'] }).notNull(),
    clientState: text('client_state').notNull(),
    clientTimeZone: text('client_time_zone').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    /** The session plus the type's buffer after it; the exclusion constraint compares these. */
    blockedUntil: ts('blocked_until').notNull(),
    blocked: tstzrange('blocked').generatedAlwaysAs(sql`tstzrange(starts_at, blocked_until, '[)')`),
    status: text('status', { enum: BOOKING_STATUSES }).notNull().default('requested'),
    /** Sealed JSON: name, email, intake answers. */
    sealedClient: bytea('sealed_client').notNull(),
    /** SHA-256 of the private manage link's secret. */
    manageTokenHash: text('manage_token_hash').notNull().unique(),
    /** The account that accepted the booking, once the client links it. */
    clientUserId: text('client_user_id').references(() => user.id, { onDelete: 'set null' }),
    /** When the reminders went out (claimed before sending, so two instances never both send; cleared on reschedule). */
    reminded24hAt: ts('reminded_24h_at'),
    reminded1hAt: ts('reminded_1h_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('booking_therapist_idx').on(t.therapistId, t.startsAt),
    index('booking_organization_idx').on(t.organizationId, t.startsAt),
    index('booking_upcoming_idx').on(t.startsAt).where(sql`${t.status} = 'accepted'`),
    check('booking_status_check', sql`${t.status} in ('requested', 'accepted', 'declined', 'cancelled')`),
    check('booking_times', sql`${t.startsAt} < ${t.endsAt} and ${t.endsAt} <= ${t.blockedUntil}`),
  ],
);
