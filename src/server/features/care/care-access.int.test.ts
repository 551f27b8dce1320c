/**
 * Who may do what in Care, through every route, on PGlite and PostgreSQL (docs/decisions/026;
 * design.md "Visibility rules"). The actors: the client (signed out, holding the booking's private
 * link), the client's partner, the assigned therapist, the practice's other therapist, another
 * practice's therapist, the practice's owner, a stranger and a signed-out visitor. For each refusal:
 * the status, a body identical to the answer for something that does not exist (a 404 reveals
 * nothing), and no change in the database.
 */
import { asc } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booking, member, organization, practiceSessionType, therapist, therapistAvailability, therapistLicence } from '../../db/schema/index.ts';
import { createTestApp, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';
import { addTherapist, createPractice, FAR_FUTURE, requestBooking, slotFrom, twoFactorAccount, type Account } from './care-fixture.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const UNKNOWN_ID = '01890000-0000-7000-8000-000000000000';
const UNKNOWN_PRACTICE = 'no-such-practice-id';

let t: TestApp;
let owner: Account;
let dana: Account;
let sam: Account;
let lee: Account;
let partner: Account;
let stranger: Account;
let newcomer: Account;
let practiceId: string;
let slug: string;
let danaId: string;
let bookingId: string;
let token: string;

type Name = 'client' | 'partner' | 'assigned' | 'otherTherapist' | 'otherPracticeTherapist' | 'owner' | 'stranger' | 'visitor';
let agents: Record<Name, Agent>;
/** Everyone but the one the operation is for. */
const others = (...allowed: Name[]) => (Object.keys(agents) as Name[]).filter((n) => !allowed.includes(n));
const signedOut = (n: Name) => n === 'client' || n === 'visitor';

/** Everything Care keeps, in a stable order, to compare before and after a refused write. */
async function snapshot(): Promise<string> {
  const db = t.ctx.database.db;
  const [orgs, members, types, therapists, licences, windows, bookings] = await Promise.all([
    db.select().from(organization).orderBy(asc(organization.id)),
    db.select().from(member).orderBy(asc(member.id)),
    db.select().from(practiceSessionType).orderBy(asc(practiceSessionType.id)),
    db.select().from(therapist).orderBy(asc(therapist.id)),
    db.select().from(therapistLicence).orderBy(asc(therapistLicence.id)),
    db.select().from(therapistAvailability).orderBy(asc(therapistAvailability.id)),
    db
      .select({ id: booking.id, status: booking.status, startsAt: booking.startsAt, endsAt: booking.endsAt, updatedAt: booking.updatedAt, r24: booking.reminded24hAt, r1: booking.reminded1hAt })
      .from(booking)
      .orderBy(asc(booking.id)),
  ]);
  return JSON.stringify({ orgs, members, types, therapists, licences, windows, bookings });
}

const answer = (res: LightMyRequestResponse) => ({ status: res.statusCode, body: res.json() as unknown });

/** Each refused actor gets the status, and exactly the answer given for `missing`; nothing changes. */
async function expectRefused(names: Name[], attempt: (agent: Agent) => Promise<LightMyRequestResponse>, missing: (agent: Agent) => Promise<LightMyRequestResponse>, signedOutStatus = 401) {
  const before = await snapshot();
  for (const name of names) {
    const res = answer(await attempt(agents[name]));
    expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(signedOut(name) ? signedOutStatus : 404);
    expect(res.body, name).toEqual(answer(await missing(agents[name])).body);
  }
  expect(await snapshot()).toBe(before);
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await twoFactorAccount(t, 'Olive');
  dana = await twoFactorAccount(t, 'Dana');
  sam = await twoFactorAccount(t, 'Sam');
  lee = await twoFactorAccount(t, 'Lee');
  newcomer = await twoFactorAccount(t, 'Nico');
  partner = await t.signUpVerified({ name: 'Alex' });
  stranger = await t.signUpVerified({ name: 'Kim' });
  slug = `willow-${Date.now().toString(36)}`;
  practiceId = await createPractice(owner, { name: 'Willow Street Counselling', slug, timeZone: 'America/Chicago' });
  danaId = await addTherapist(owner, practiceId, dana, { displayName: 'Dana Reyes', licences: [{ state: 'TX', expiresOn: FAR_FUTURE }] });
  await addTherapist(owner, practiceId, sam, { displayName: 'Sam Ode', timeZone: 'America/Los_Angeles', seesCouples: false, licences: [{ state: 'CA', expiresOn: FAR_FUTURE }] });
  // Another practice, whose therapist is Lee.
  const elsewhere = await createPractice(lee, { name: 'Elsewhere Therapy', slug: `elsewhere-${Date.now().toString(36)}`, timeZone: 'America/Denver' });
  await addTherapist(lee, elsewhere, lee, { displayName: 'Lee Park', licences: [{ state: 'TX', expiresOn: FAR_FUTURE }] });

  const slot = await slotFrom(t, slug, danaId, 'TX', Date.now() + 2 * DAY);
  const created = await requestBooking(t, slug, { therapistId: danaId, start: slot.start, email: 'robin.client@example.com' });
  bookingId = created.id;
  token = created.token;
  agents = {
    client: t.agent(),
    partner: partner.agent,
    assigned: dana.agent,
    otherTherapist: sam.agent,
    otherPracticeTherapist: lee.agent,
    owner: owner.agent,
    stranger: stranger.agent,
    visitor: t.agent(),
  };
});
afterAll(() => t.close());

describe(`setting up a practice, for every actor (${engineName()})`, () => {
  it('create a practice: signed out 401; signed in without two-factor 409; with two-factor 201', async () => {
    const expected: Record<Name, number> = { client: 401, visitor: 401, partner: 409, stranger: 409, assigned: 201, otherTherapist: 201, otherPracticeTherapist: 201, owner: 201 };
    for (const [name, status] of Object.entries(expected) as Array<[Name, number]>) {
      const before = await snapshot();
      const res = await agents[name].post('/api/v1/practices', { name: `Practice of ${name}`, slug: `p-${name.toLowerCase()}-${Date.now().toString(36)}`, timeZone: 'America/Chicago' });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      if (status !== 201) expect(await snapshot(), name).toBe(before);
    }
  });

  it('set a session type: the owner only; anyone else is answered as for a practice that does not exist', async () => {
    const body = { durationMinutes: 50, bufferMinutes: 10, horizonDays: 30 };
    await expectRefused(
      others('owner'),
      (a) => a.put(`/api/v1/practices/${practiceId}/session-types/individual`, body),
      (a) => a.put(`/api/v1/practices/${UNKNOWN_PRACTICE}/session-types/individual`, body),
    );
    const res = await owner.agent.put(`/api/v1/practices/${practiceId}/session-types/individual`, body);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('add a therapist: the owner only; anyone else is answered as for a practice that does not exist', async () => {
    const body = { email: newcomer.email, displayName: 'Nico Ade', timeZone: 'America/Chicago', seesIndividuals: true, seesCouples: true, licences: [{ state: 'OK', expiresOn: FAR_FUTURE }] };
    await expectRefused(
      others('owner'),
      (a) => a.post(`/api/v1/practices/${practiceId}/therapists`, body),
      (a) => a.post(`/api/v1/practices/${UNKNOWN_PRACTICE}/therapists`, body),
    );
    // Nor may a therapist of the practice change their own entry by adding themselves again.
    await expectRefused(
      ['otherTherapist'],
      (a) => a.post(`/api/v1/practices/${practiceId}/therapists`, { ...body, email: sam.email }),
      (a) => a.post(`/api/v1/practices/${UNKNOWN_PRACTICE}/therapists`, { ...body, email: sam.email }),
    );
    const res = await owner.agent.post(`/api/v1/practices/${practiceId}/therapists`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect((await t.agent().get(`/api/v1/public/practices/${slug}`)).json().states).toEqual(['CA', 'OK', 'TX']);
  });
});

describe(`a booking, for every actor (${engineName()})`, () => {
  const tampered = () => token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
  const randomToken = 'A'.repeat(32);

  it('view and calendar file: the link holder only; without the link everyone hears "link not recognised"', async () => {
    const view = await agents.client.get(`/api/v1/public/bookings/${token}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ id: bookingId, status: 'requested', therapistName: 'Dana Reyes' });
    expect(view.body).not.toContain('unmistakable');
    expect((await agents.client.get(`/api/v1/public/bookings/${token}/calendar.ics`)).statusCode).toBe(200);
    // The booking id, a tampered link: the same answer as a link that never existed — for everyone.
    for (const wrong of [bookingId, tampered()]) {
      for (const path of ['', '/calendar.ics']) {
        await expectRefused(
          (Object.keys(agents) as Name[]),
          (a) => a.get(`/api/v1/public/bookings/${wrong}${path}`),
          (a) => a.get(`/api/v1/public/bookings/${randomToken}${path}`),
          404,
        );
      }
    }
    // The link is the key: whoever it is forwarded to may see the booking.
    expect((await agents.partner.get(`/api/v1/public/bookings/${token}`)).statusCode).toBe(200);
  });

  it('list bookings: the assigned therapist sees it with its intake; other accounts see nothing of it; signed out 401', async () => {
    const mine = await dana.agent.get('/api/v1/practice/bookings');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().find((b: { id: string }) => b.id === bookingId)).toMatchObject({ clientName: 'Robin', whatBrings: expect.stringContaining('unmistakable') });
    for (const name of others('assigned')) {
      const res = await agents[name].get('/api/v1/practice/bookings');
      expect(res.statusCode, name).toBe(signedOut(name) ? 401 : 200);
      expect(res.body, name).not.toContain(bookingId);
      expect(res.body, name).not.toContain('unmistakable');
    }
  });

  it('accept or decline: the assigned therapist only; anyone else is answered as for a booking that does not exist', async () => {
    for (const decision of ['accept', 'decline']) {
      await expectRefused(
        others('assigned'),
        (a) => a.post(`/api/v1/practice/bookings/${bookingId}/decision`, { decision }),
        (a) => a.post(`/api/v1/practice/bookings/${UNKNOWN_ID}/decision`, { decision }),
      );
    }
    const res = await dana.agent.post(`/api/v1/practice/bookings/${bookingId}/decision`, { decision: 'accept' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('accepted');
  });

  it('reschedule and cancel: the link holder only; without the link nothing moves', async () => {
    const current = Date.parse((await agents.client.get(`/api/v1/public/bookings/${token}`)).json().start);
    const later = await slotFrom(t, slug, danaId, 'TX', current + DAY);
    for (const wrong of [bookingId, tampered()]) {
      await expectRefused(
        Object.keys(agents) as Name[],
        (a) => a.post(`/api/v1/public/bookings/${wrong}/reschedule`, { start: later.start }),
        (a) => a.post(`/api/v1/public/bookings/${randomToken}/reschedule`, { start: later.start }),
        404,
      );
      await expectRefused(
        Object.keys(agents) as Name[],
        (a) => a.post(`/api/v1/public/bookings/${wrong}/cancel`),
        (a) => a.post(`/api/v1/public/bookings/${randomToken}/cancel`),
        404,
      );
    }
    const moved = await agents.client.post(`/api/v1/public/bookings/${token}/reschedule`, { start: later.start });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().start).toBe(later.start);
    const cancelled = await agents.client.post(`/api/v1/public/bookings/${token}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
  });

  it('once decided and cancelled, the answers to everyone else stay the same, and the therapist hears it is decided', async () => {
    await expectRefused(
      others('assigned'),
      (a) => a.post(`/api/v1/practice/bookings/${bookingId}/decision`, { decision: 'decline' }),
      (a) => a.post(`/api/v1/practice/bookings/${UNKNOWN_ID}/decision`, { decision: 'decline' }),
    );
    expect((await dana.agent.post(`/api/v1/practice/bookings/${bookingId}/decision`, { decision: 'decline' })).statusCode).toBe(409);
  });
});
