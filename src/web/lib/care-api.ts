import { z } from 'zod';
import {
  bookingCreatedSchema,
  bookingViewSchema,
  publicPracticeSchema,
  publicTherapistSchema,
  slotsSchema,
  therapistBookingSchema,
  type BookingCreated,
  type BookingInput,
  type BookingView,
  type TherapistBooking,
} from '../../core/schemas/care';
import { api } from './api';

/**
 * The booking API (docs/decisions/026): the public booking page, the client's private link and
 * the therapist's requests. Every answer is checked against the same zod schemas the server uses.
 */

export type PublicPractice = z.infer<typeof publicPracticeSchema>;
export type PublicTherapist = z.infer<typeof publicTherapistSchema>;
export type Slots = z.infer<typeof slotsSchema>;
export type Slot = Slots['slots'][number];
export type ClientKind = 'individual' | 'couple';
export type { BookingCreated, BookingInput, BookingView, TherapistBooking };

const practicePath = (slug: string) => `/api/v1/public/practices/${encodeURIComponent(slug)}`;
const bookingPath = (token: string) => `/api/v1/public/bookings/${encodeURIComponent(token)}`;

export function getPublicPractice(slug: string, signal?: AbortSignal): Promise<PublicPractice> {
  return api(practicePath(slug), { schema: publicPracticeSchema, signal });
}

export function matchTherapists(slug: string, q: { kind: ClientKind; state: string; approach?: string }, signal?: AbortSignal): Promise<PublicTherapist[]> {
  const query = new URLSearchParams({ kind: q.kind, state: q.state });
  if (q.approach) query.set('approach', q.approach);
  return api(`${practicePath(slug)}/therapists?${query}`, { schema: z.array(publicTherapistSchema), signal });
}

export function getSlots(slug: string, therapistId: string, q: { kind: ClientKind; state: string; timeZone: string }, signal?: AbortSignal): Promise<Slots> {
  const query = new URLSearchParams({ kind: q.kind, state: q.state, timeZone: q.timeZone });
  return api(`${practicePath(slug)}/therapists/${encodeURIComponent(therapistId)}/slots?${query}`, { schema: slotsSchema, signal });
}

export function createBooking(slug: string, body: BookingInput, idempotencyKey?: string): Promise<BookingCreated> {
  return api(`${practicePath(slug)}/bookings`, { body, schema: bookingCreatedSchema, idempotencyKey });
}

export function getBooking(token: string, signal?: AbortSignal): Promise<BookingView> {
  return api(bookingPath(token), { schema: bookingViewSchema, signal });
}

export function cancelBooking(token: string): Promise<BookingView> {
  return api(`${bookingPath(token)}/cancel`, { method: 'POST', body: {}, schema: bookingViewSchema });
}

export function rescheduleBooking(token: string, start: string): Promise<BookingView> {
  return api(`${bookingPath(token)}/reschedule`, { body: { start }, schema: bookingViewSchema });
}

/** The booking as a calendar file: a plain download link. */
export function calendarUrl(token: string): string {
  return `${bookingPath(token)}/calendar.ics`;
}

/** The private token at the end of a manage link such as https://…/booking/<token>. */
export function tokenOf(manageUrl: string): string {
  return manageUrl.split('/').at(-1) ?? '';
}

export const PRACTICE_BOOKINGS_PATH = '/api/v1/practice/bookings';

export function listPracticeBookings(signal?: AbortSignal): Promise<TherapistBooking[]> {
  return api(PRACTICE_BOOKINGS_PATH, { schema: z.array(therapistBookingSchema), signal });
}

export function decideBooking(id: string, decision: 'accept' | 'decline'): Promise<BookingView> {
  return api(`${PRACTICE_BOOKINGS_PATH}/${encodeURIComponent(id)}/decision`, { body: { decision }, schema: bookingViewSchema });
}

/**
 * Slots grouped by their calendar day in the client's zone (`slot.date` is already that day),
 * in time order.
 *
 * @example groupByDay(slots) // [{ date: '2027-03-01', slots: [...] }, …]
 */
export function groupByDay(slots: readonly Slot[]): Array<{ date: string; slots: Slot[] }> {
  const days = new Map<string, Slot[]>();
  for (const slot of [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))) {
    const list = days.get(slot.date) ?? [];
    list.push(slot);
    days.set(slot.date, list);
  }
  return [...days.entries()].map(([date, list]) => ({ date, slots: list }));
}
