/**
 * Test set-up for Care, through the real API: two-factor accounts, a practice, therapists with
 * licences and availability, and booking requests (the same path a client takes). Used by the
 * integration tests of this folder.
 */
import { expect } from 'vitest';
import type { TestApp } from '../../testing/test-app.ts';
import { FAR_FUTURE, twoFactorPerson, type Person } from '../../testing/care.ts';

export { FAR_FUTURE };
export type Account = Person;
export const twoFactorAccount = twoFactorPerson;

/** Every day, nearly all day: a slot is free at any hour the test runs. */
export const ALL_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:40' }));

export async function createPractice(owner: Account, p: { name: string; slug: string; timeZone: string }): Promise<string> {
  const created = await owner.agent.post('/api/v1/practices', p);
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const type = await owner.agent.put(`/api/v1/practices/${id}/session-types/consultation`, { durationMinutes: 20, bufferMinutes: 10, minNoticeMinutes: 60, horizonDays: 14 });
  expect(type.statusCode, type.body).toBe(200);
  return id;
}

export async function addTherapist(owner: Account, practiceId: string, therapist: Account, input: Record<string, unknown>): Promise<string> {
  const res = await owner.agent.post(`/api/v1/practices/${practiceId}/therapists`, {
    email: therapist.email,
    timeZone: 'America/Chicago',
    seesIndividuals: true,
    seesCouples: true,
    windows: ALL_DAY,
    ...input,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

export interface Slot {
  start: string;
  end: string;
  label: string;
}

export async function freeSlots(t: TestApp, slug: string, therapistId: string, q: { kind?: string; state: string; timeZone?: string }): Promise<Slot[]> {
  const res = await t.agent().get(`/api/v1/public/practices/${slug}/therapists/${therapistId}/slots?kind=${q.kind ?? 'couple'}&state=${q.state}&timeZone=${encodeURIComponent(q.timeZone ?? 'America/Chicago')}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { slots: Slot[] }).slots;
}

/** The first free slot starting at or after `fromMs`. */
export async function slotFrom(t: TestApp, slug: string, therapistId: string, state: string, fromMs: number): Promise<Slot> {
  const slot = (await freeSlots(t, slug, therapistId, { state })).find((s) => Date.parse(s.start) >= fromMs);
  if (!slot) throw new Error(`no free slot from ${new Date(fromMs).toISOString()}`);
  return slot;
}

let ip = 1;
/** A booking request as a client makes it (each from its own address, under the per-address limit). */
export async function requestBooking(t: TestApp, slug: string, body: Record<string, unknown>): Promise<{ id: string; token: string; start: string; manageUrl: string }> {
  const res = await t.agent().request({
    method: 'POST',
    url: `/api/v1/public/practices/${slug}/bookings`,
    payload: {
      kind: 'couple',
      state: 'TX',
      timeZone: 'America/Chicago',
      name: 'Robin',
      email: 'robin.client@example.com',
      whatBrings: 'We keep fighting about my phone; unmistakable-intake-words',
      partnerName: 'Alex',
      safety: 'no',
      consentToContact: true,
      ...body,
    },
    remoteAddress: `198.51.${Math.floor(ip / 250) % 250}.${(ip++ % 250) + 1}`,
  });
  expect(res.statusCode, res.body).toBe(201);
  const created = res.json() as { id: string; start: string; manageUrl: string };
  return { ...created, token: created.manageUrl.split('/').at(-1)! };
}

export async function decide(therapist: Account, bookingId: string, decision: 'accept' | 'decline'): Promise<void> {
  const res = await therapist.agent.post(`/api/v1/practice/bookings/${bookingId}/decision`, { decision });
  expect(res.statusCode, res.body).toBe(200);
}
