/**
 * Care: the shapes of the practice, therapist and booking API (docs/decisions/026).
 */
import { z } from 'zod';
import { APPROACHES, isUsState } from '../booking/index.ts';
import { isLocalTime, isTimeZone } from '../reminders/reminders.ts';

export const SESSION_KINDS = ['consultation', 'individual', 'couples'] as const;
export const CLIENT_KINDS = ['individual', 'couple'] as const;

const timeZone = z.string('Please choose a time zone.').max(64).refine(isTimeZone, 'That is not a time zone we know, such as America/Chicago.');
const localTime = z.string().refine(isLocalTime, 'Please use a 24-hour time such as 09:00.');
const usState = z
  .string('Please choose the state you will be in during sessions.')
  .transform((v) => v.toUpperCase())
  .refine(isUsState, 'Please choose a US state, such as TX.');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Please use a date such as 2027-03-01.');

export const slugSchema = z
  .string()
  .min(3, 'A booking-page address needs at least 3 characters.')
  .max(48, 'A booking-page address has at most 48 characters.')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens, such as willow-street.');

export const createPracticeSchema = z.strictObject({
  name: z.string('Please give the practice a name.').trim().min(2, 'Please give the practice a name.').max(120),
  slug: slugSchema,
  timeZone,
});
export type CreatePracticeInput = z.infer<typeof createPracticeSchema>;

export const sessionTypeInputSchema = z.strictObject({
  durationMinutes: z.number().int().min(10, 'A session lasts at least 10 minutes.').max(240, 'A session lasts at most 4 hours.'),
  bufferMinutes: z.number().int().min(0).max(120, 'A buffer is at most 2 hours.').default(0),
  minNoticeMinutes: z.number().int().min(0).max(60 * 24 * 30).default(0),
  horizonDays: z.number().int().min(1, 'The booking horizon is at least 1 day.').max(365, 'The booking horizon is at most a year.'),
  active: z.boolean().default(true),
});
export type SessionTypeInput = z.infer<typeof sessionTypeInputSchema>;

export const licenceInputSchema = z.strictObject({ state: usState, number: z.string().max(40).default(''), expiresOn: isoDate });
export const windowInputSchema = z
  .strictObject({ weekday: z.number().int().min(1).max(7), start: localTime, end: localTime })
  .refine((w) => w.start < w.end, { message: 'A window ends after it starts.', path: ['end'] });
export const exceptionInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ date: isoDate, kind: z.literal('off') }),
  z.strictObject({ date: isoDate, kind: z.literal('extra'), start: localTime, end: localTime }).refine((w) => w.start < w.end, { message: 'A window ends after it starts.', path: ['end'] }),
]);

export const therapistInputSchema = z.strictObject({
  /** The therapist's account (a member of the practice), by its email. */
  email: z.email('Please give the email of the therapist’s Trellis account.'),
  displayName: z.string().trim().min(2, 'Please give the name clients will see.').max(120),
  bio: z.string().max(2000).default(''),
  timeZone,
  seesIndividuals: z.boolean(),
  seesCouples: z.boolean(),
  approaches: z.array(z.enum(APPROACHES)).max(APPROACHES.length).default([]),
  licences: z.array(licenceInputSchema).min(1, 'A therapist needs at least one licence.').max(51),
  windows: z.array(windowInputSchema).max(50).default([]),
  exceptions: z.array(exceptionInputSchema).max(200).default([]),
});
export type TherapistInput = z.infer<typeof therapistInputSchema>;

export const practiceCreatedSchema = z.object({ id: z.string(), slug: z.string(), name: z.string(), timeZone: z.string() }).meta({ id: 'Practice' });

export const publicTherapistSchema = z
  .object({ id: z.uuid(), displayName: z.string(), bio: z.string(), approaches: z.array(z.string()), seesIndividuals: z.boolean(), seesCouples: z.boolean(), states: z.array(z.string()) })
  .meta({ id: 'PublicTherapist' });

export const publicPracticeSchema = z
  .object({
    name: z.string(),
    slug: z.string(),
    timeZone: z.string(),
    sessionTypes: z.array(z.object({ kind: z.enum(SESSION_KINDS), durationMinutes: z.number() })),
    /** States where at least one therapist holds a current licence. */
    states: z.array(z.string()),
    approaches: z.array(z.string()),
  })
  .meta({ id: 'PublicPractice' });

export const matchQuerySchema = z.strictObject({ kind: z.enum(CLIENT_KINDS, 'Please choose individual or couple.'), state: usState, approach: z.enum(APPROACHES).optional() });

export const slotsQuerySchema = z.strictObject({
  kind: z.enum(CLIENT_KINDS, 'Please choose individual or couple.'),
  state: usState,
  timeZone,
  /** Which session: the free consultation unless asked otherwise. */
  session: z.enum(SESSION_KINDS).default('consultation'),
});

export const slotSchema = z.object({ start: z.string(), end: z.string(), date: z.string(), time: z.string(), label: z.string() }).meta({ id: 'Slot' });
export const slotsSchema = z.object({ timeZone: z.string(), slots: z.array(slotSchema) }).meta({ id: 'Slots' });

export const SAFETY_ANSWERS = ['no', 'yes', 'prefer-not-to-say'] as const;

export const bookingInputSchema = z.strictObject({
  therapistId: z.uuid('Please choose a therapist.'),
  kind: z.enum(CLIENT_KINDS, 'Please choose individual or couple.'),
  session: z.enum(SESSION_KINDS).default('consultation'),
  state: usState,
  timeZone,
  start: z.iso.datetime({ offset: true, message: 'Please choose one of the times offered.' }),
  name: z.string('Please tell us what to call you.').trim().min(1, 'Please tell us what to call you.').max(120),
  email: z.email('Please give an email address we can reach you at.').max(254),
  whatBrings: z.string().max(2000, 'Please keep this to 2,000 characters; you can say more in the session.').default(''),
  partnerName: z.string().trim().max(120).optional(),
  /** "Do you ever feel afraid of your partner?" — private; changes what we show, tells no one. */
  safety: z.enum(SAFETY_ANSWERS, 'Please choose an answer, or “prefer not to say”.'),
  consentToContact: z.literal(true, 'We need your permission to contact you about this booking.'),
  /** Left empty by people; filled by form-filling robots. */
  website: z.string().max(200).optional(),
});
export type BookingInput = z.infer<typeof bookingInputSchema>;

export const BOOKING_STATUS = ['requested', 'accepted', 'declined', 'cancelled'] as const;

export const bookingCreatedSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(BOOKING_STATUS),
    start: z.string(),
    end: z.string(),
    label: z.string(),
    therapistName: z.string(),
    practiceName: z.string(),
    /** The private link to see, cancel or reschedule; shown this once and mailed. */
    manageUrl: z.string(),
    /** Resources shown when the safety answer was yes. */
    showSafetyResources: z.boolean(),
  })
  .meta({ id: 'BookingCreated' });
export type BookingCreated = z.infer<typeof bookingCreatedSchema>;

export const bookingViewSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(BOOKING_STATUS),
    start: z.string(),
    end: z.string(),
    label: z.string(),
    timeZone: z.string(),
    kind: z.enum(CLIENT_KINDS),
    therapistName: z.string(),
    practiceName: z.string(),
    practiceSlug: z.string(),
    therapistId: z.uuid(),
    state: z.string(),
  })
  .meta({ id: 'Booking' });
export type BookingView = z.infer<typeof bookingViewSchema>;

export const rescheduleSchema = z.strictObject({ start: z.iso.datetime({ offset: true, message: 'Please choose one of the times offered.' }) });
export const decisionSchema = z.strictObject({ decision: z.enum(['accept', 'decline'], 'Please accept or decline.') });

/** A booking as its therapist sees it: the intake included. */
export const therapistBookingSchema = bookingViewSchema
  .extend({ clientName: z.string(), clientEmail: z.string(), whatBrings: z.string(), partnerName: z.string().optional(), safety: z.enum(SAFETY_ANSWERS) })
  .meta({ id: 'TherapistBooking' });
export type TherapistBooking = z.infer<typeof therapistBookingSchema>;
