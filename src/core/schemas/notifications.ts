/** Reminders and notifications API shapes (docs/decisions/021). */
import { z } from 'zod';

export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):([0-5]\d)$/, 'Please give a time like 20:00 (24-hour, HH:MM).');

export const notificationSettingsSchema = z.object({
  checkinReminder: z.boolean(),
  reminderTime: localTimeSchema,
  email: z.boolean(),
  push: z.boolean(),
  /** Discreet emails (docs/decisions/031): DISCREET_MESSAGE instead of WORDLESS_MESSAGE, naming nothing. */
  discreetEmail: z.boolean(),
  /** When the next check-in reminder is due (ISO instant), or null when it is off or no time zone is set. */
  nextDueAt: z.string().nullable(),
  /** The profile's time zone the reminder follows (null: not chosen yet). */
  timeZone: z.string().nullable(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const notificationSettingsPutSchema = z
  .object({
    checkinReminder: z.boolean(),
    reminderTime: localTimeSchema,
    email: z.boolean(),
    push: z.boolean(),
    /** Left out: unchanged. */
    discreetEmail: z.boolean().optional(),
  })
  .strict();
export type NotificationSettingsPut = z.infer<typeof notificationSettingsPutSchema>;

const b64url = z.string().regex(/^[A-Za-z0-9_-]+=*$/, 'must be base64url');

/** The browser's PushSubscription.toJSON(). */
export const pushSubscriptionCreateSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).max(2048),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: b64url.min(20).max(200), auth: b64url.min(8).max(100) }),
  /** This device is in discreet mode (docs/decisions/031): its pushes carry a neutral title and no text. */
  discreet: z.boolean().optional(),
});
export type PushSubscriptionCreate = z.infer<typeof pushSubscriptionCreateSchema>;

export const pushSubscriptionSchema = z.object({ id: z.string(), endpoint: z.string(), discreet: z.boolean(), createdAt: z.string() });
export type PushSubscriptionView = z.infer<typeof pushSubscriptionSchema>;

export const vapidPublicKeySchema = z.object({ publicKey: z.string() });

/** The only words any notification carries (never names, never anyone's words, not even the kind). */
export const WORDLESS_MESSAGE = 'You have something new in Trellis';

/**
 * Discreet mode (docs/decisions/031): the neutral title a discreet device shows (its page title and
 * installed app name too), and the words of a discreet email — nothing names Trellis or what it is for.
 */
export const DISCREET_TITLE = 'Notes';
export const DISCREET_MESSAGE = 'A new message is waiting';
