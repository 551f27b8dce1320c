/**
 * A slot can never be booked twice (docs/decisions/026): the database's exclusion constraint
 * `booking_no_overlap` refuses a second live booking of one therapist whose time, buffer included,
 * overlaps — proved with 50 concurrent inserts for one slot, on PGlite and on PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { databaseErrorCode } from '../../http/problem.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';
import { careRepo, type SessionTypeRow, type TherapistRow } from './repo.ts';

let t: TestApp;
let therapistRow: TherapistRow;
let other: TherapistRow;
let consultation: SessionTypeRow;
let practiceId: string;

beforeAll(async () => {
  t = await createTestApp();
  const owner = await t.signUpVerified({ name: 'Dana' });
  const second = await t.signUpVerified({ name: 'Sam' });
  practiceId = uuidv7();
  const db = t.ctx.database.db;
  await careRepo.insertPractice(db, { id: practiceId, name: 'Willow Street Counselling', slug: `willow-${practiceId.slice(-8)}`, timeZone: 'America/Chicago', ownerMemberId: uuidv7(), ownerUserId: owner.userId });
  consultation = await careRepo.upsertSessionType(db, { id: uuidv7(), organizationId: practiceId, kind: 'consultation', durationMinutes: 20, bufferMinutes: 10, minNoticeMinutes: 0, horizonDays: 60 });
  therapistRow = await careRepo.insertTherapist(db, { id: uuidv7(), organizationId: practiceId, userId: owner.userId, displayName: 'Dana Reyes', timeZone: 'America/Chicago' });
  other = await careRepo.insertTherapist(db, { id: uuidv7(), organizationId: practiceId, userId: second.userId, displayName: 'Sam Ode', timeZone: 'America/Denver' });
});
afterAll(() => t.close());

const MIN = 60_000;
function bookingAt(th: TherapistRow, startMs: number, durationMin = 20, bufferMin = 10) {
  return {
    id: uuidv7(),
    organizationId: practiceId,
    therapistId: th.id,
    sessionTypeId: consultation.id,
    clientKind: 'couple' as const,
    clientState: 'TX',
    clientTimeZone: 'America/Chicago',
    startsAt: new Date(startMs),
    endsAt: new Date(startMs + durationMin * MIN),
    blockedUntil: new Date(startMs + (durationMin + bufferMin) * MIN),
    sealedClient: randomBytes(16),
    manageTokenHash: randomBytes(32).toString('hex'),
  };
}

describe(`one slot, booked once (${engineName()})`, () => {
  it('lets exactly one of 50 concurrent requests for one slot succeed; the other 49 are refused by the constraint', async () => {
    const start = Date.parse('2027-01-12T15:00:00Z');
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => careRepo.insertBooking(t.ctx.database.db, bookingAt(therapistRow, start))));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(49);
    expect(new Set(refused.map((r) => databaseErrorCode(r.reason)))).toEqual(new Set(['23P01']));
    const busy = await careRepo.busy(t.ctx.database.db, therapistRow.id, new Date(start - 60 * MIN), new Date(start + 60 * MIN));
    expect(busy).toHaveLength(1);
  });

  it('counts the buffer: a session starting inside the previous one’s buffer is refused, one after it is accepted', async () => {
    const db = t.ctx.database.db;
    const start = Date.parse('2027-01-13T15:00:00Z');
    await careRepo.insertBooking(db, bookingAt(therapistRow, start));
    // 15:20 is the end of the session but inside its 10-minute buffer.
    const inBuffer = await careRepo.insertBooking(db, bookingAt(therapistRow, start + 20 * MIN)).catch((e: unknown) => e);
    expect(databaseErrorCode(inBuffer)).toBe('23P01');
    // Overlapping from before: 14:45–15:05.
    const before = await careRepo.insertBooking(db, bookingAt(therapistRow, start - 15 * MIN)).catch((e: unknown) => e);
    expect(databaseErrorCode(before)).toBe('23P01');
    // 15:30 is right after the buffer.
    const after = await careRepo.insertBooking(db, bookingAt(therapistRow, start + 30 * MIN));
    expect(after.status).toBe('requested');
  });

  it('lets another therapist take the same time, and frees a slot once a booking is declined or cancelled', async () => {
    const db = t.ctx.database.db;
    const start = Date.parse('2027-01-14T16:00:00Z');
    const first = await careRepo.insertBooking(db, bookingAt(therapistRow, start));
    const otherTherapist = await careRepo.insertBooking(db, bookingAt(other, start));
    expect(otherTherapist.therapistId).toBe(other.id);
    expect(databaseErrorCode(await careRepo.insertBooking(db, bookingAt(therapistRow, start)).catch((e: unknown) => e))).toBe('23P01');

    const cancelled = await careRepo.setBookingStatus(db, first.id, 'cancelled', ['requested', 'accepted']);
    expect(cancelled?.status).toBe('cancelled');
    const again = await careRepo.insertBooking(db, bookingAt(therapistRow, start));
    expect(again.status).toBe('requested');

    const declined = await careRepo.setBookingStatus(db, again.id, 'declined', ['requested']);
    expect(declined?.status).toBe('declined');
    // A declined booking cannot be moved back to live through the "from" guard.
    expect(await careRepo.setBookingStatus(db, again.id, 'accepted', ['requested'])).toBeUndefined();
    expect((await careRepo.insertBooking(db, bookingAt(therapistRow, start))).status).toBe('requested');
  });

  it('keeps the database checks: no session ending before it starts, no lowercase state', async () => {
    const db = t.ctx.database.db;
    const start = Date.parse('2027-01-20T16:00:00Z');
    const backwards = { ...bookingAt(therapistRow, start), endsAt: new Date(start - MIN) };
    expect(databaseErrorCode(await careRepo.insertBooking(db, backwards).catch((e: unknown) => e))).toBe('23514');
    const badState = careRepo.replaceLicences(db, therapistRow.id, [{ id: uuidv7(), therapistId: therapistRow.id, state: 'tx', expiresOn: '2028-01-01' }]);
    expect(databaseErrorCode(await badState.catch((e: unknown) => e))).toBe('23514');
  });
});
