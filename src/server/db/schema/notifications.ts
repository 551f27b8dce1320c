/**
 * Reminders and notifications (docs/decisions/021).
 *
 * - notification_settings: one row per person; next_due_at is the next check-in reminder instant,
 *   computed from the profile's time zone (core/reminders) and advanced by the per-minute job.
 * - push_subscription: a browser's Web Push endpoint and keys; several per person; removed when the
 *   push service answers 404/410.
 * - notification_sent: a unique (user, kind, reference) so a retried job or a second server
 *   instance never notifies twice.
 * - vapid_key: the single VAPID key pair, created on first start; the private key sealed with a key
 *   derived from the server key.
 */
import { boolean, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.ts';
import { bytea, ts } from './columns.ts';

export const notificationSettings = pgTable(
  'notification_settings',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => user.id, { onDelete: 'cascade' }),
    checkinReminder: boolean('checkin_reminder').notNull().default(false),
    /** Local wall-clock time "HH:MM" in the person's zone. */
    reminderTime: text('reminder_time').notNull().default('20:00'),
    email: boolean('email').notNull().default(true),
    push: boolean('push').notNull().default(true),
    /** Discreet emails (docs/decisions/031): a subject and body that do not name what Trellis is for. */
    discreetEmail: boolean('discreet_email').notNull().default(false),
    /** Null when the reminder is off. */
    nextDueAt: ts('next_due_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('notification_settings_due_idx').on(t.nextDueAt)],
);

export const pushSubscription = pgTable(
  'push_subscription',
  {
    id: uuid('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull().unique(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    /** Registered from a device in discreet mode (docs/decisions/031): a neutral title and no text. */
    discreet: boolean('discreet').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('push_subscription_user_idx').on(t.userId)],
);

export const notificationSent = pgTable(
  'notification_sent',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    /** 'checkin-reminder' | 'agreement-review' */
    kind: text('kind').notNull(),
    /** The local day for a reminder; "<agreementId>:<reviewDay>" for a review. */
    reference: text('reference').notNull(),
    sentAt: ts('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.reference] })],
);

export const vapidKey = pgTable('vapid_key', {
  /** Always 'default': one pair for every instance. */
  id: text('id').primaryKey(),
  publicKey: text('public_key').notNull(),
  /** Sealed (AES-256-GCM) with a key derived from the server key. */
  privateKey: bytea('private_key').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
