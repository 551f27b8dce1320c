/**
 * Booking a consultation through the HTTP API (docs/decisions/026), on PGlite and PostgreSQL:
 * practice set-up by a two-factor owner, matching by state licence and kind of client, slots in
 * the client's zone, a held request with a private link, mail without the client's words and with
 * a calendar file ical.js can read, the therapist's decision, cancel and reschedule by link, 50
 * concurrent requests for one slot, and the clear problems for bad input.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booking } from '../../db/schema/index.ts';
import { createTestApp, enableTwoFactor, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';

let t: TestApp;
let owner: { agent: Agent; email: string; userId: string };
let dana: { agent: Agent; email: string; userId: string };
let sam: { agent: Agent; email: string; userId: string };
let practiceId: string;
let slug: string;
let danaId: string;
let samId: string;

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00' }));
const farFuture = '2099-12-31';

beforeAll(async () => {
  t = await createTestApp();
  const o = await t.signUpVerified({ name: 'Olive' });
  const d = await t.signUpVerified({ name: 'Dana' });
  const s = await t.signUpVerified({ name: 'Sam' });
  await enableTwoFactor(o.agent, o.password);
  await enableTwoFactor(d.agent, d.password);
  await enableTwoFactor(s.agent, s.password);
  owner = o;
  dana = d;
  sam = s;
  slug = `willow-${Date.now().toString(36)}`;
  const created = await owner.agent.post('/api/v1/practices', { name: 'Willow Street Counselling', slug, timeZone: 'America/Chicago' });
  expect(created.statusCode, created.body).toBe(201);
  practiceId = created.json().id;
  const type = await owner.agent.put(`/api/v1/practices/${practiceId}/session-types/consultation`, { durationMinutes: 20, bufferMinutes: 10, minNoticeMinutes: 60, horizonDays: 14 });
  expect(type.statusCode, type.body).toBe(200);
  const addDana = await owner.agent.post(`/api/v1/practices/${practiceId}/therapists`, {
    email: dana.email,
    displayName: 'Dana Reyes',
    timeZone: 'America/Chicago',
    seesIndividuals: true,
    seesCouples: true,
    approaches: ['gottman', 'eft'],
    licences: [{ state: 'tx', number: 'LPC 1234', expiresOn: farFuture }, { state: 'OK', expiresOn: '2020-01-01' }],
    windows: EVERY_DAY,
  });
  expect(addDana.statusCode, addDana.body).toBe(201);
  danaId = addDana.json().id;
  const addSam = await owner.agent.post(`/api/v1/practices/${practiceId}/therapists`, {
    email: sam.email,
    displayName: 'Sam Ode',
    timeZone: 'America/Los_Angeles',
    seesIndividuals: true,
    seesCouples: false,
    approaches: ['cbt'],
    licences: [{ state: 'CA', expiresOn: farFuture }],
    windows: EVERY_DAY,
  });
  expect(addSam.statusCode, addSam.body).toBe(201);
  samId = addSam.json().id;
});
afterAll(() => t.close());

let ipCounter = 1;
const nextIp = () => `198.51.100.${(ipCounter++ % 250) + 1}`;

async function slotsFor(therapistId: string, q: { kind: string; state: string; timeZone: string }) {
  const res = await t.agent().get(`/api/v1/public/practices/${slug}/therapists/${therapistId}/slots?kind=${q.kind}&state=${q.state}&timeZone=${encodeURIComponent(q.timeZone)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { timeZone: string; slots: Array<{ start: string; end: string; label: string; date: string; time: string }> };
}

function bookingBody(start: string, extra: Record<string, unknown> = {}) {
  return {
    therapistId: danaId,
    kind: 'couple',
    state: 'TX',
    timeZone: 'America/Chicago',
    start,
    name: 'Robin',
    email: 'robin.client@example.com',
    whatBrings: 'We keep fighting about my phone; unmistakable-intake-words',
    partnerName: 'Alex',
    safety: 'no',
    consentToContact: true,
    ...extra,
  };
}

async function book(body: Record<string, unknown>) {
  return t.agent().request({ method: 'POST', url: `/api/v1/public/practices/${slug}/bookings`, payload: body, remoteAddress: nextIp() });
}

describe(`setting up a practice (${engineName()})`, () => {
  it('needs two-factor for the owner and for every therapist, and a free address', async () => {
    const plain = await t.signUpVerified({ name: 'Pat' });
    const noTwoFactor = await plain.agent.post('/api/v1/practices', { name: 'Elsewhere', slug: `elsewhere-${Date.now().toString(36)}`, timeZone: 'America/Denver' });
    expect(noTwoFactor.statusCode).toBe(409);
    expect(noTwoFactor.json().type).toMatch(/two-factor-required$/);
    const addPlain = await owner.agent.post(`/api/v1/practices/${practiceId}/therapists`, { email: plain.email, displayName: 'Pat', timeZone: 'America/Denver', seesIndividuals: true, seesCouples: true, licences: [{ state: 'CO', expiresOn: farFuture }] });
    expect(addPlain.statusCode).toBe(409);
    expect(addPlain.json().errors[0].path).toBe('email');
    const taken = await owner.agent.post('/api/v1/practices', { name: 'Copy', slug, timeZone: 'America/Chicago' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].path).toBe('slug');
  });

  it('lets only the owner change the practice; others are told it does not exist', async () => {
    const body = { durationMinutes: 50, horizonDays: 30 };
    expect((await dana.agent.put(`/api/v1/practices/${practiceId}/session-types/individual`, body)).statusCode).toBe(404);
    expect((await t.agent().put(`/api/v1/practices/${practiceId}/session-types/individual`, body)).statusCode).toBe(401);
    expect((await owner.agent.put(`/api/v1/practices/${practiceId}/session-types/individual`, body)).statusCode).toBe(200);
  });

  it('answers bad set-up input with problems naming the field', async () => {
    const res = await owner.agent.post(`/api/v1/practices/${practiceId}/therapists`, { email: dana.email, displayName: 'D', timeZone: 'Mars/Olympus', seesIndividuals: true, seesCouples: true, licences: [{ state: 'ZZ', expiresOn: 'soon' }] });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as Array<{ path: string }>).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['timeZone', 'licences.0.state', 'licences.0.expiresOn', 'displayName']));
  });
});

describe(`the public booking page (${engineName()})`, () => {
  it('shows only states with a current licence, and matches by state and kind of client', async () => {
    const page = await t.agent().get(`/api/v1/public/practices/${slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().states).toEqual(['CA', 'TX']); // Oklahoma's licence has expired
    const couplesTx = (await t.agent().get(`/api/v1/public/practices/${slug}/therapists?kind=couple&state=TX`)).json();
    expect(couplesTx.map((x: { displayName: string }) => x.displayName)).toEqual(['Dana Reyes']);
    const couplesCa = await t.agent().get(`/api/v1/public/practices/${slug}/therapists?kind=couple&state=CA`);
    expect(couplesCa.statusCode).toBe(404); // Sam is licensed in CA but sees individuals only
    expect(couplesCa.json().errors[0].path).toBe('state');
    const expired = await t.agent().get(`/api/v1/public/practices/${slug}/therapists?kind=individual&state=OK`);
    expect(expired.json().type).toMatch(/no-therapist-in-state$/);
    const byApproach = await t.agent().get(`/api/v1/public/practices/${slug}/therapists?kind=individual&state=CA&approach=eft`);
    expect(byApproach.statusCode).toBe(404);
    const bad = await t.agent().get(`/api/v1/public/practices/${slug}/therapists?kind=trio&state=ZZ`);
    expect(bad.statusCode).toBe(400);
    expect((bad.json().errors as Array<{ path: string }>).map((e) => e.path).sort()).toEqual(['kind', 'state']);
    expect((await t.agent().get('/api/v1/public/practices/no-such-practice')).statusCode).toBe(404);
  });

  it('offers slots in the client’s zone: the same instants, labelled for Phoenix and for Chicago', async () => {
    const chicago = await slotsFor(danaId, { kind: 'couple', state: 'TX', timeZone: 'America/Chicago' });
    const phoenix = await slotsFor(danaId, { kind: 'couple', state: 'TX', timeZone: 'America/Phoenix' });
    expect(chicago.slots.length).toBeGreaterThan(10);
    expect(phoenix.slots.map((s) => s.start)).toEqual(chicago.slots.map((s) => s.start));
    expect(phoenix.slots[0]!.label).toMatch(/MST/);
    expect(chicago.slots[0]!.label).toMatch(/C[SD]T/);
    const first = Date.parse(chicago.slots[0]!.start);
    expect(first).toBeGreaterThanOrEqual(Date.now() + 60 * 60_000 - 1000); // minimum notice
    expect(Date.parse(chicago.slots.at(-1)!.start)).toBeLessThan(Date.now() + 14 * 24 * 3600_000); // horizon
    // A therapist not licensed in the client's state offers nothing to book.
    const wrong = await t.agent().get(`/api/v1/public/practices/${slug}/therapists/${samId}/slots?kind=individual&state=TX&timeZone=America/Chicago`);
    expect(wrong.statusCode).toBe(422);
  });
});

describe(`requesting a consultation (${engineName()})`, () => {
  it('holds the time, mails a private link and a calendar file without the client’s words, and tells the therapist', async () => {
    const { slots } = await slotsFor(danaId, { kind: 'couple', state: 'TX', timeZone: 'America/Chicago' });
    const slot = slots[3]!;
    const res = await book(bookingBody(slot.start));
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ status: 'requested', start: slot.start, therapistName: 'Dana Reyes', showSafetyResources: false });
    expect(created.manageUrl).toMatch(/\/booking\/[A-Za-z0-9_-]{20,}$/);

    const mail = await t.smtp.waitFor('robin.client@example.com', /consultation request/i);
    expect(mail.raw).not.toContain('unmistakable-intake-words');
    expect(mail.raw).not.toContain('Alex');
    expect(mail.text).toContain(created.manageUrl);
    const therapistMail = await t.smtp.waitFor(dana.email, /new consultation request/i);
    expect(therapistMail.raw).not.toContain('unmistakable-intake-words');
    expect(therapistMail.raw).not.toContain('Robin');

    // The calendar file, from the link, parsed by ical.js.
    const token = created.manageUrl.split('/').at(-1);
    const icsRes = await t.agent().get(`/api/v1/public/bookings/${token}/calendar.ics`);
    expect(icsRes.statusCode).toBe(200);
    expect(icsRes.headers['content-type']).toMatch(/text\/calendar/);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(icsRes.body)).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe(slot.start);
    expect(event.endDate.toJSDate().toISOString()).toBe(slot.end);
    expect(event.summary).toBe('Consultation with Willow Street Counselling');

    // The slot is no longer offered; the intake is stored sealed.
    const after = await slotsFor(danaId, { kind: 'couple', state: 'TX', timeZone: 'America/Chicago' });
    expect(after.slots.map((s) => s.start)).not.toContain(slot.start);
    const rows = await t.ctx.database.db.select().from(booking);
    expect(rows.every((r) => !r.sealedClient.toString('utf8').includes('unmistakable'))).toBe(true);
  });

  it('shows crisis resources after a "yes" to the safety question or words of danger in the intake, and tells no one', async () => {
    const { slots } = await slotsFor(danaId, { kind: 'couple', state: 'TX', timeZone: 'America/Chicago' });
    const afraid = await book(bookingBody(slots[5]!.start, { safety: 'yes', email: 'afraid@example.com' }));
    expect(afraid.json().showSafetyResources).toBe(true);
    const danger = await book(bookingBody(slots[6]!.start, { safety: 'prefer-not-to-say', whatBrings: 'I am scared he will hurt me when he finds out', email: 'danger@example.com' }));
    expect(danger.json().showSafetyResources).toBe(true);
    const idiom = await book(bookingBody(slots[7]!.start, { safety: 'no', whatBrings: 'This silence between us is killing me', email: 'idiom@example.com' }));
    expect(idiom.json().showSafetyResources).toBe(false);
    // The therapist's mail says nothing of it.
    const toTherapist = await t.smtp.waitFor(dana.email, /new consultation request/i);
    expect(toTherapist.raw).not.toMatch(/afraid|scared|hurt/i);
  });

  it('lets exactly one of 50 concurrent requests for one slot through; the others hear it was just taken', async () => {
    const { slots } = await slotsFor(danaId, { kind: 'couple', state: 'TX', timeZone: 'America/Chicago' });
    const slot = slots[8]!;
    const results = await Promise.all(Array.from({ length: 50 }, () => book(bookingBody(slot.start))));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    const refused = results.find((r) => r.statusCode === 409)!.json();
    expect(refused.type).toMatch(/slot-taken$/);
    expect(refused.errors[0].path).toBe('start');
  });

  it('refuses a past time, a time outside availability, a therapist not licensed in the state, and a filled honeypot', async () => {
    const past = await book(bookingBody('2020-01-06T15:00:00Z'));
    expect(past.statusCode).toBe(422);
    expect(past.json().type).toMatch(/slot-past$/);
    // 03:00 in Chicago, a week ahead, is outside 08:00–20:00.
    const day = new Date(Date.now() + 7 * 24 * 3600_000).toISOString().slice(0, 10);
    const night = await book(bookingBody(`${day}T09:00:00Z`));
    expect(night.statusCode).toBe(422);
    expect(night.json().type).toMatch(/slot-outside-availability$/);
    const notLicensed = await book(bookingBody(`${day}T18:00:00Z`, { therapistId: samId, kind: 'individual' }));
    expect(notLicensed.statusCode).toBe(422);
    expect(notLicensed.json().errors[0].path).toBe('therapistId');
    const before = (await t.ctx.database.db.select().from(booking)).length;
    const { slots } = await slotsFor(danaId, { kind: 'couple', state: 'TX', timeZone: 'America/Chicago' });
    const robot = await book(bookingBody(slots[12]!.start, { website: 'http://spam.example' }));
    expect(robot.statusCode).toBe(422);
    expect((await t.ctx.database.db.select().from(booking)).length).toBe(before);
    const missing = await book({ ...bookingBody(slots[12]!.start), consentToContact: false, email: 'nope' });
    expect(missing.statusCode).toBe(400);
    expect((missing.json().errors as Array<{ path: string }>).map((e) => e.path).sort()).toEqual(['consentToContact', 'email']);
  });

  it('limits requests from one address', async () => {
    const ip = '203.0.113.77';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.agent().request({ method: 'POST', url: `/api/v1/public/practices/${slug}/bookings`, payload: bookingBody('2020-01-06T15:00:00Z'), remoteAddress: ip });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 422)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe(`after the request (${engineName()})`, () => {
  it('is decided by its therapist only; the client hears either way', async () => {
    const { slots } = await slotsFor(danaId, { kind: 'couple', state: 'TX', timeZone: 'America/Chicago' });
    const a = (await book(bookingBody(slots[15]!.start, { email: 'accept.me@example.com' }))).json();
    const d = (await book(bookingBody(slots[18]!.start, { email: 'decline.me@example.com' }))).json();

    const mine = await dana.agent.get('/api/v1/practice/bookings');
    expect(mine.statusCode).toBe(200);
    const seen = mine.json().find((b: { id: string }) => b.id === a.id);
    expect(seen).toMatchObject({ clientName: 'Robin', partnerName: 'Alex', safety: 'no' });
    expect(seen.whatBrings).toContain('unmistakable-intake-words');
    expect((await sam.agent.get('/api/v1/practice/bookings')).json()).toEqual([]);

    const decide = (agent: Agent, id: string, decision: string) => agent.post(`/api/v1/practice/bookings/${id}/decision`, { decision });
    expect((await decide(sam.agent, a.id, 'accept')).statusCode).toBe(404); // the practice's other therapist
    expect((await decide(owner.agent, a.id, 'accept')).statusCode).toBe(404); // the owner reads the calendar, does not decide
    expect((await decide(t.agent(), a.id, 'accept')).statusCode).toBe(401);
    const stranger = await t.signUpVerified();
    expect((await decide(stranger.agent, a.id, 'accept')).statusCode).toBe(404);

    const accepted = await decide(dana.agent, a.id, 'accept');
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    expect((await decide(dana.agent, a.id, 'decline')).statusCode).toBe(409);
    const acceptedMail = await t.smtp.waitFor('accept.me@example.com', /confirmed/i);
    expect(acceptedMail.raw).not.toContain('unmistakable-intake-words');

    expect((await decide(dana.agent, d.id, 'decline')).json().status).toBe('declined');
    const declinedMail = await t.smtp.waitFor('decline.me@example.com', /about your consultation request/i);
    expect(declinedMail.text).toContain(`/p/${slug}`);
    // A declined request frees its time.
    const after = await slotsFor(danaId, { kind: 'couple', state: 'TX', timeZone: 'America/Chicago' });
    expect(after.slots.map((s) => s.start)).toContain(slots[18]!.start);
  });

  it('is seen, moved and cancelled with the private link; a tampered link is refused', async () => {
    const { slots } = await slotsFor(danaId, { kind: 'couple', state: 'TX', timeZone: 'America/Phoenix' });
    const created = (await book(bookingBody(slots[20]!.start, { timeZone: 'America/Phoenix', email: 'move.me@example.com' }))).json();
    const token = created.manageUrl.split('/').at(-1) as string;
    const view = await t.agent().get(`/api/v1/public/bookings/${token}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ id: created.id, status: 'requested', timeZone: 'America/Phoenix', therapistName: 'Dana Reyes' });
    expect(JSON.stringify(view.json())).not.toContain('unmistakable');

    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await t.agent().get(`/api/v1/public/bookings/${tampered}`)).statusCode).toBe(404);
    expect((await t.agent().post(`/api/v1/public/bookings/${tampered}/cancel`)).statusCode).toBe(404);

    const moved = await t.agent().post(`/api/v1/public/bookings/${token}/reschedule`, { start: slots[22]!.start });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().start).toBe(slots[22]!.start);
    const freed = await slotsFor(danaId, { kind: 'couple', state: 'TX', timeZone: 'America/Phoenix' });
    expect(freed.slots.map((s) => s.start)).toContain(slots[20]!.start);
    expect(freed.slots.map((s) => s.start)).not.toContain(slots[22]!.start);
    // Moving onto a taken time keeps the booking where it was.
    const other = (await book(bookingBody(slots[25]!.start))).json();
    expect(other.status).toBe('requested');
    const clash = await t.agent().post(`/api/v1/public/bookings/${token}/reschedule`, { start: slots[25]!.start });
    expect(clash.statusCode).toBe(409);
    expect((await t.agent().get(`/api/v1/public/bookings/${token}`)).json().start).toBe(slots[22]!.start);

    const cancelled = await t.agent().post(`/api/v1/public/bookings/${token}/cancel`);
    expect(cancelled.json().status).toBe('cancelled');
    expect((await t.agent().post(`/api/v1/public/bookings/${token}/cancel`)).statusCode).toBe(409);
    const cancelMail = await t.smtp.waitFor('move.me@example.com', /cancelled/i);
    const calendar = cancelMail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(calendar?.filename).toMatch(/\.ics$/);
    const parsed = new ICAL.Component(ICAL.parse(calendar!.content));
    expect(parsed.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(new ICAL.Event(parsed.getFirstSubcomponent('vevent')!).startDate.toJSDate().toISOString()).toBe(slots[22]!.start);
  });
});
