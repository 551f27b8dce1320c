/**
 * Client links, consent by category, the access log and the therapist workspace through the HTTP
 * API (docs/decisions/027), on PGlite and PostgreSQL. Every route is driven by every kind of
 * actor: the client, their partner, the practice's other therapist, another practice's therapist,
 * the practice's owner, a stranger and a signed-out visitor. Revoking, unlinking the couple and
 * ending a link count on the very next request, and the access log lists each view.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booking, careAccessLog, careHomework, careInvitation, user } from '../../db/schema/index.ts';
import { setUpPractice, type Person, type TherapistPerson } from '../../testing/care.ts';
import { linkForTest, unlinkForTest } from '../../testing/couples.ts';
import { firstUrl } from '../../testing/smtp-capture.ts';
import { createTestApp, pathOf, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';

let t: TestApp;
let olive: Person; // the practice's owner
let dana: TherapistPerson; // the therapist
let sam: TherapistPerson; // the practice's other therapist
let xena: TherapistPerson; // another practice's therapist
let cora: Person; // the client
let pete: Person; // her partner
let stan: Person; // a stranger
let coupleId: string;
let slug: string;
let coraLink: string;
let peteLink: string;

const del = (agent: Agent, url: string) => agent.request({ method: 'DELETE', url });
const today = () => new Date().toISOString().slice(0, 10);

async function invite(by: Agent, email: string, kind: 'individual' | 'couple') {
  const res = await by.post('/api/v1/practice/invitations', { email, kind });
  expect(res.statusCode, res.body).toBe(201);
  const mail = await t.smtp.waitFor(email, /invited you/i);
  const url = new URL(firstUrl(mail.text));
  return { res, mail, token: url.searchParams.get('token')!, path: pathOf(url.toString()) };
}

/** Everyone who is not the client (nor her therapist). */
const outsiders = (): Array<[string, Agent]> => [
  ['her partner', pete.agent],
  ['the practice’s other therapist', sam.agent],
  ['another practice’s therapist', xena.agent],
  ['the practice’s owner', olive.agent],
  ['a stranger', stan.agent],
];

async function logOf(who: Person) {
  const res = await who.agent.get('/api/v1/care/access-log?limit=100');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Array<{ id: string; at: string; therapistName: string; category: string; view: string }>;
}
const logCount = async () => (await t.ctx.database.db.select().from(careAccessLog)).length;

beforeAll(async () => {
  t = await createTestApp();
  const willow = await setUpPractice(t, {
    name: 'Willow Street Counselling',
    therapists: [
      { name: 'Dana', displayName: 'Dana Reyes' },
      { name: 'Sam', displayName: 'Sam Ode' },
    ],
  });
  const elm = await setUpPractice(t, { name: 'Elm Practice', ownerName: 'Quinn', therapists: [{ name: 'Xena', displayName: 'Xena Park' }] });
  olive = willow.owner;
  [dana, sam] = willow.therapists as [TherapistPerson, TherapistPerson];
  xena = elm.therapists[0]!;
  slug = willow.slug;
  cora = await t.signUpVerified({ name: 'Cora' });
  pete = await t.signUpVerified({ name: 'Pete' });
  stan = await t.signUpVerified({ name: 'Stan' });
  coupleId = await linkForTest(t, cora, pete);
});
afterAll(() => t.close());

describe(`inviting and accepting (${engineName()})`, () => {
  it('mails an invitation naming the therapist and the practice, and nothing the client wrote', async () => {
    const { res, mail, token, path } = await invite(dana.agent, cora.email, 'couple');
    expect(res.json()).toMatchObject({ email: cora.email, id: expect.any(String) });
    expect(Date.parse(res.json().expiresAt) - Date.now()).toBeGreaterThan(13 * 24 * 3600_000);
    expect(path).toBe(`/care/accept?token=${token}`);
    expect(mail.text).toContain('Dana Reyes');
    expect(mail.text).toContain('Willow Street Counselling');
    expect(mail.raw).not.toContain('Cora');
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);

    // Only the account with the invited (verified) email can accept; the others learn nothing.
    for (const [, agent] of outsiders()) {
      const denied = await agent.post('/api/v1/care/links/accept', { token });
      expect(denied.statusCode).toBe(404);
    }
    expect((await dana.agent.post('/api/v1/care/links/accept', { token })).statusCode).toBe(404);
    expect((await t.agent().post('/api/v1/care/links/accept', { token })).statusCode).toBe(401);
    expect((await cora.agent.post('/api/v1/care/links/accept', { token: 'x'.repeat(32) })).statusCode).toBe(404);

    const accepted = await cora.agent.post('/api/v1/care/links/accept', { token });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ therapistName: 'Dana Reyes', practiceName: 'Willow Street Counselling', kind: 'couple', status: 'active', grants: [], partnerGrants: [], effective: [] });
    coraLink = accepted.json().id;
    // Opening the link twice gives the same link, not a second one.
    expect((await cora.agent.post('/api/v1/care/links/accept', { token })).json().id).toBe(coraLink);

    const p = await invite(dana.agent, pete.email, 'couple');
    const peteAccepted = await pete.agent.post('/api/v1/care/links/accept', { token: p.token });
    expect(peteAccepted.statusCode).toBe(200);
    peteLink = peteAccepted.json().id;
  });

  it('lets only a therapist invite, and answers bad input naming the field', async () => {
    for (const agent of [olive.agent, stan.agent, cora.agent]) expect((await agent.post('/api/v1/practice/invitations', { email: 'someone@example.com', kind: 'individual' })).statusCode).toBe(404);
    expect((await t.agent().post('/api/v1/practice/invitations', { email: 'someone@example.com', kind: 'individual' })).statusCode).toBe(401);
    const bad = await dana.agent.post('/api/v1/practice/invitations', { email: 'not-an-address', kind: 'trio' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json().errors as Array<{ path: string }>).map((e) => e.path).sort()).toEqual(['email', 'kind']);
    expect((await cora.agent.post('/api/v1/care/links/accept', {})).json().errors[0].path).toBe('token');
  });

  it('links a booked client who signs in with the booking’s email, and no one else', async () => {
    const bo = await t.signUpVerified({ name: 'Bo' });
    const slots = (await t.agent().get(`/api/v1/public/practices/${slug}/therapists/${sam.therapistId}/slots?kind=individual&state=TX&timeZone=America/Chicago`)).json().slots;
    const booked = await t.agent().post(`/api/v1/public/practices/${slug}/bookings`, {
      therapistId: sam.therapistId,
      kind: 'individual',
      state: 'TX',
      timeZone: 'America/Chicago',
      start: slots[2].start,
      name: 'Bo',
      email: bo.email.toUpperCase(),
      whatBrings: 'booking-intake-words',
      safety: 'no',
      consentToContact: true,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const token = booked.json().manageUrl.split('/').at(-1);
    expect((await t.agent().post(`/api/v1/public/bookings/${token}/link`)).statusCode).toBe(401);
    expect((await stan.agent.post(`/api/v1/public/bookings/${token}/link`)).statusCode).toBe(404);
    expect((await sam.agent.post(`/api/v1/public/bookings/${token}/link`)).statusCode).toBe(404);
    expect((await bo.agent.post('/api/v1/public/bookings/not-a-real-token-at-all-000/link')).statusCode).toBe(404);
    const linked = await bo.agent.post(`/api/v1/public/bookings/${token}/link`, {});
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ therapistName: 'Sam Ode', kind: 'individual', status: 'active' });
    const [row] = await t.ctx.database.db.select().from(booking).where(eq(booking.id, booked.json().id));
    expect(row!.clientUserId).toBe(bo.userId);
    // An individual link never carries couple data.
    const couple = await bo.agent.put(`/api/v1/care/links/${linked.json().id}/grants/commitments`);
    expect(couple.statusCode).toBe(422);
    expect(couple.json().errors[0].path).toBe('category');
    expect((await sam.agent.get('/api/v1/practice/clients')).json().map((c: { clientName: string }) => c.clientName)).toEqual(['Bo']);
  });
});

describe(`consent by category (${engineName()})`, () => {
  it('shows a couple category only once both partners granted it', async () => {
    expect((await cora.agent.put(`/api/v1/care/links/${coraLink}/grants/assessments`, {})).statusCode).toBe(200);
    const mine = await cora.agent.put(`/api/v1/care/links/${coraLink}/grants/commitments`);
    expect(mine.json()).toMatchObject({ grants: ['assessments', 'commitments'], partnerGrants: [], effective: ['assessments'] });
    // Idempotent.
    expect((await cora.agent.put(`/api/v1/care/links/${coraLink}/grants/commitments`)).json().grants).toEqual(['assessments', 'commitments']);
    await pete.agent.put(`/api/v1/care/links/${peteLink}/grants/commitments`);
    const links = (await cora.agent.get('/api/v1/care/links')).json();
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ id: coraLink, grants: ['assessments', 'commitments'], partnerGrants: ['commitments'], effective: ['assessments', 'commitments'] });
    const clients = (await dana.agent.get('/api/v1/practice/clients')).json();
    expect(clients).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ linkId: coraLink, clientName: 'Cora', kind: 'couple', effective: ['assessments', 'commitments'] }),
        expect.objectContaining({ linkId: peteLink, clientName: 'Pete', effective: ['commitments'] }),
      ]),
    );
  });

  it('lets only the client change her link', async () => {
    for (const [who, agent] of [...outsiders(), ['her therapist', dana.agent] as [string, Agent]]) {
      for (const res of [
        await agent.put(`/api/v1/care/links/${coraLink}/grants/therapy-entries`),
        await del(agent, `/api/v1/care/links/${coraLink}/grants/assessments`),
        await agent.post(`/api/v1/care/links/${coraLink}/end`),
      ]) {
        expect(res.statusCode, who).toBe(404);
      }
      expect((await agent.get('/api/v1/care/links')).json().map((l: { id: string }) => l.id)).not.toContain(coraLink);
    }
    const anon = t.agent();
    expect((await anon.put(`/api/v1/care/links/${coraLink}/grants/therapy-entries`)).statusCode).toBe(401);
    expect((await del(anon, `/api/v1/care/links/${coraLink}/grants/assessments`)).statusCode).toBe(401);
    expect((await anon.post(`/api/v1/care/links/${coraLink}/end`)).statusCode).toBe(401);
    expect((await anon.get('/api/v1/care/links')).statusCode).toBe(401);
    expect((await anon.get('/api/v1/care/access-log')).statusCode).toBe(401);
    expect((await anon.get('/api/v1/care/homework')).statusCode).toBe(401);
    const grants = (await cora.agent.get('/api/v1/care/links')).json()[0].grants;
    expect(grants).toEqual(['assessments', 'commitments']);
    const bad = await cora.agent.put(`/api/v1/care/links/${coraLink}/grants/diaries`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('category');
    expect((await cora.agent.put('/api/v1/care/links/not-a-uuid/grants/assessments')).json().errors[0].path).toBe('id');
  });
});

describe(`the therapist’s view and the access log (${engineName()})`, () => {
  it('shows only effective sections and logs one row per client and category shown', async () => {
    await cora.agent.post('/api/v1/assessments', { instrument: 'csi-4', responses: [3, 3, 3, 3], takenAt: new Date(Date.now() - 20 * 24 * 3600_000).toISOString() });
    await cora.agent.post('/api/v1/assessments', { instrument: 'csi-4', responses: [5, 4, 4, 4] });
    const made = await cora.agent.post('/api/v1/commitments', { title: 'Phone down at dinner', startDay: today(), recurrence: 'FREQ=DAILY', timeZone: 'UTC' });
    expect(made.statusCode, made.body).toBe(201);
    await cora.agent.put(`/api/v1/commitments/${made.json().commitment?.id ?? made.json().id}/occurrences/${today()}`, { outcome: 'kept', timeZone: 'UTC' });
    await cora.agent.post('/api/v1/checkins', { mood: 4, highPoint: 'checkin-private-words', timeZone: 'UTC' });
    await pete.agent.post('/api/v1/checkins', { mood: 2, timeZone: 'UTC' });

    const before = await logCount();
    const res = await dana.agent.get(`/api/v1/practice/clients/${coraLink}`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ linkId: coraLink, clientName: 'Cora', kind: 'couple', effective: ['assessments', 'commitments'], homework: [] });
    expect(Object.keys(view)).not.toEqual(expect.arrayContaining(['checkinMoods']));
    expect(view.checkinMoods).toBeUndefined();
    expect(view.therapyEntries).toBeUndefined();
    expect(view.conversationSummaries).toBeUndefined();
    expect(view.assessments).toEqual([expect.objectContaining({ instrumentId: 'csi-4', points: [expect.objectContaining({ score: 12, max: 21 }), expect.objectContaining({ score: 17 })] })]);
    expect(view.commitments).toEqual([expect.objectContaining({ title: 'Phone down at dinner', kept: 1 })]);
    expect(res.body).not.toContain('checkin-private-words');

    // Cora's log: assessments and commitments; Pete's: commitments (the couple's data is his too).
    expect((await logCount()) - before).toBe(3);
    const coraLog = await logOf(cora);
    expect(coraLog.slice(0, 2).map((l) => l.category).sort()).toEqual(['assessments', 'commitments']);
    expect(coraLog[0]).toMatchObject({ therapistName: 'Dana Reyes', view: 'client' });
    const peteLog = await logOf(pete);
    expect(peteLog.map((l) => [l.category, l.view])).toEqual([['commitments', 'client']]);

    // Check-in moods once both grant them: only revealed days, both moods.
    await cora.agent.put(`/api/v1/care/links/${coraLink}/grants/checkin-moods`);
    await pete.agent.put(`/api/v1/care/links/${peteLink}/grants/checkin-moods`);
    const withMoods = (await dana.agent.get(`/api/v1/practice/clients/${coraLink}`)).json();
    expect(withMoods.checkinMoods).toEqual([{ date: today(), mine: 4, partner: 2 }]);
    const fromPete = (await dana.agent.get(`/api/v1/practice/clients/${peteLink}`)).json();
    expect(fromPete.checkinMoods).toEqual([{ date: today(), mine: 2, partner: 4 }]);
    expect(fromPete.assessments).toBeUndefined(); // Cora's results are hers, not Pete's link's
  });

  it('shows entries marked for therapy, and the shape of the couple’s conversations, only once granted', async () => {
    const entry = (await cora.agent.post('/api/v1/journal/entries', { kind: 'thought_record', occurredAt: new Date(Date.now() - 3600_000).toISOString(), timeZone: 'UTC', topic: 'money', whatHappened: 'for-therapy-words', story: 'story-words' })).json().entry;
    const unmarked = (await cora.agent.post('/api/v1/journal/entries', { kind: 'quick_capture', occurredAt: new Date().toISOString(), timeZone: 'UTC', whatHappened: 'never-for-therapy-words' })).json().entry;
    // Only the owner marks an entry; the flag says what it is now.
    for (const [who, agent] of [...outsiders(), ['her therapist', dana.agent] as [string, Agent]]) {
      expect((await agent.patch(`/api/v1/journal/entries/${entry.id}/therapy`, { forTherapy: true })).statusCode, who).toBe(404);
    }
    expect((await t.agent().patch(`/api/v1/journal/entries/${entry.id}/therapy`, { forTherapy: true })).statusCode).toBe(401);
    expect((await cora.agent.patch(`/api/v1/journal/entries/${entry.id}/therapy`, { forTherapy: 'yes' })).json().errors[0].path).toBe('forTherapy');
    const marked = await cora.agent.patch(`/api/v1/journal/entries/${entry.id}/therapy`, { forTherapy: true });
    expect(marked.json()).toEqual({ id: entry.id, forTherapy: true });
    expect((await cora.agent.get(`/api/v1/journal/entries/${entry.id}`)).json().forTherapy).toBe(true);
    expect((await cora.agent.patch(`/api/v1/journal/entries/${entry.id}/therapy`, { forTherapy: true })).statusCode).toBe(200);

    // A conversation the couple had (the turns' words never leave their authors).
    const conv = (await cora.agent.post('/api/v1/conversations', { mode: 'couple', timeLimitMinutes: 20 })).json();
    const checklist = { calm: true, phonesAway: true, timeLimit: true };
    await cora.agent.post(`/api/v1/conversations/${conv.id}/checklist`, checklist);
    const talking = (await pete.agent.post(`/api/v1/conversations/${conv.id}/checklist`, checklist)).json();
    const said = await cora.agent.post(`/api/v1/conversations/${conv.id}/turns`, { kind: 'message', text: 'turn-private-words', version: talking.version });
    expect(said.statusCode, said.body).toBe(201);
    const left = await cora.agent.post(`/api/v1/conversations/${conv.id}/leave`, {});
    expect(left.json().phase).toBe('ended');

    let view = (await dana.agent.get(`/api/v1/practice/clients/${coraLink}`)).json();
    expect(view.therapyEntries).toBeUndefined();
    expect(view.conversationSummaries).toBeUndefined();

    await cora.agent.put(`/api/v1/care/links/${coraLink}/grants/therapy-entries`);
    await cora.agent.put(`/api/v1/care/links/${coraLink}/grants/conversation-summaries`);
    view = (await dana.agent.get(`/api/v1/practice/clients/${coraLink}`)).json();
    expect(view.therapyEntries).toEqual([{ id: entry.id, at: entry.occurredAt, title: 'Thought record · about money', text: 'What happened: for-therapy-words\n\nThe story I told myself: story-words' }]);
    expect(JSON.stringify(view)).not.toContain('never-for-therapy-words');
    expect(view.therapyEntries.map((e: { id: string }) => e.id)).not.toContain(unmarked.id);
    expect(view.conversationSummaries).toBeUndefined(); // Pete has not granted it yet
    await pete.agent.put(`/api/v1/care/links/${peteLink}/grants/conversation-summaries`);
    const res = await dana.agent.get(`/api/v1/practice/clients/${coraLink}`);
    view = res.json();
    expect(view.conversationSummaries).toEqual([expect.objectContaining({ id: conv.id, rounds: 0, outcome: null, topic: 'Talked it through' })]);
    expect(res.body).not.toContain('turn-private-words');
    expect((await logOf(pete))[0]).toMatchObject({ category: 'conversation-summaries' });

    // Unmarking takes it out of the therapist's view at once.
    await cora.agent.patch(`/api/v1/journal/entries/${entry.id}/therapy`, { forTherapy: false });
    expect((await cora.agent.get(`/api/v1/journal/entries/${entry.id}`)).json().forTherapy).toBe(false);
    expect((await dana.agent.get(`/api/v1/practice/clients/${coraLink}`)).json().therapyEntries).toEqual([]);
    await del(cora.agent, `/api/v1/care/links/${coraLink}/grants/therapy-entries`);
    await del(cora.agent, `/api/v1/care/links/${coraLink}/grants/conversation-summaries`);
  });

  it('shows nothing, and logs nothing, to anyone but the link’s therapist', async () => {
    const before = await logCount();
    for (const [who, agent] of [...outsiders(), ['the client herself', cora.agent] as [string, Agent]]) {
      expect((await agent.get(`/api/v1/practice/clients/${coraLink}`)).statusCode, who).toBe(404);
      expect((await agent.get(`/api/v1/practice/clients/${coraLink}/summary`)).statusCode, who).toBe(404);
      expect((await agent.post(`/api/v1/practice/clients/${coraLink}/homework`, { title: 'Breathe' })).statusCode, who).toBe(404);
      const list = await agent.get('/api/v1/practice/clients');
      expect(list.json().map((c: { linkId: string }) => c.linkId)).not.toContain(coraLink);
    }
    const anon = t.agent();
    expect((await anon.get(`/api/v1/practice/clients/${coraLink}`)).statusCode).toBe(401);
    expect((await anon.get(`/api/v1/practice/clients/${coraLink}/summary`)).statusCode).toBe(401);
    expect((await anon.get('/api/v1/practice/clients')).statusCode).toBe(401);
    expect((await anon.post(`/api/v1/practice/clients/${coraLink}/homework`, { title: 'Breathe' })).statusCode).toBe(401);
    expect(await logCount()).toBe(before);
  });

  it('gives a printable summary of the last N days, logged as a summary', async () => {
    const res = await dana.agent.get(`/api/v1/practice/clients/${coraLink}/summary?days=7`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.from).toBe(new Date(Date.now() - 7 * 24 * 3600_000).toISOString().slice(0, 10));
    // The result taken 20 days ago is outside the summary; today's is in it.
    expect(s.assessments[0].points).toHaveLength(1);
    expect((await logOf(cora))[0]).toMatchObject({ view: 'summary' });
    const bad = await dana.agent.get(`/api/v1/practice/clients/${coraLink}/summary?days=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('days');
  });

  it('pages the access log newest first', async () => {
    const all = await logOf(cora);
    const first = (await cora.agent.get('/api/v1/care/access-log?limit=2')).json();
    expect(first.items.map((i: { id: string }) => i.id)).toEqual(all.slice(0, 2).map((i) => i.id));
    const second = (await cora.agent.get(`/api/v1/care/access-log?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((i: { id: string }) => i.id)).toEqual(all.slice(2, 4).map((i) => i.id));
    expect((await cora.agent.get('/api/v1/care/access-log?cursor=nonsense')).json().errors[0].path).toBe('cursor');
    // Only my own log: Stan's is empty.
    expect((await stan.agent.get('/api/v1/care/access-log')).json()).toEqual({ items: [], nextCursor: null });
  });
});

describe(`homework (${engineName()})`, () => {
  it('is assigned by the therapist, sealed, seen and completed by the client alone', async () => {
    const res = await dana.agent.post(`/api/v1/practice/clients/${coraLink}/homework`, { title: 'Notice one kind moment-hw-words', note: 'Write it down', dueOn: '2099-01-01' });
    expect(res.statusCode, res.body).toBe(201);
    const hw = res.json();
    expect(hw).toMatchObject({ linkId: coraLink, therapistName: 'Dana Reyes', title: 'Notice one kind moment-hw-words', note: 'Write it down', dueOn: '2099-01-01', completedAt: null });
    const rows = await t.ctx.database.db.select().from(careHomework);
    expect(rows.every((r) => !r.content.toString('utf8').includes('hw-words'))).toBe(true);
    expect((await dana.agent.post(`/api/v1/practice/clients/${coraLink}/homework`, { title: '' })).json().errors[0].path).toBe('title');
    // A retry with the same Idempotency-Key creates nothing new.
    const key = { 'idempotency-key': `hw-${Date.now()}` };
    const once = await dana.agent.post(`/api/v1/practice/clients/${coraLink}/homework`, { title: 'Retry me' }, key);
    const twice = await dana.agent.post(`/api/v1/practice/clients/${coraLink}/homework`, { title: 'Retry me' }, key);
    expect(once.statusCode).toBe(201);
    expect(twice.json().id).toBe(once.json().id);
    expect((await t.ctx.database.db.select().from(careHomework)).length).toBe(rows.length + 1);
    await t.ctx.database.db.delete(careHomework).where(eq(careHomework.id, once.json().id));

    expect((await cora.agent.get('/api/v1/care/homework')).json()).toEqual([hw]);
    for (const [who, agent] of [...outsiders(), ['her therapist', dana.agent] as [string, Agent]]) {
      expect((await agent.post(`/api/v1/care/homework/${hw.id}/complete`, { done: true })).statusCode, who).toBe(404);
      expect((await agent.get('/api/v1/care/homework')).json().map((h: { id: string }) => h.id)).not.toContain(hw.id);
    }
    expect((await t.agent().post(`/api/v1/care/homework/${hw.id}/complete`, { done: true })).statusCode).toBe(401);
    const done = await cora.agent.post(`/api/v1/care/homework/${hw.id}/complete`, { done: true });
    expect(done.statusCode).toBe(200);
    expect(done.json().completedAt).not.toBeNull();
    expect((await dana.agent.get(`/api/v1/practice/clients/${coraLink}`)).json().homework[0].completedAt).toBe(done.json().completedAt);
    expect((await cora.agent.post(`/api/v1/care/homework/${hw.id}/complete`, { done: false })).json().completedAt).toBeNull();
  });
});

describe(`taking it back (${engineName()})`, () => {
  it('stops showing a category the moment either partner revokes it', async () => {
    await del(pete.agent, `/api/v1/care/links/${peteLink}/grants/commitments`);
    const view = (await dana.agent.get(`/api/v1/practice/clients/${coraLink}`)).json();
    expect(view.effective).toEqual(['assessments', 'checkin-moods']);
    expect(view.commitments).toBeUndefined();
    expect((await logOf(cora)).slice(0, 2).map((l) => l.category).sort()).toEqual(['assessments', 'checkin-moods']);
    const mine = await del(cora.agent, `/api/v1/care/links/${coraLink}/grants/assessments`);
    expect(mine.json()).toMatchObject({ grants: ['checkin-moods', 'commitments'], effective: ['checkin-moods'] });
    expect((await dana.agent.get(`/api/v1/practice/clients/${coraLink}`)).json().assessments).toBeUndefined();
  });

  it('stops showing couple data the moment the couple unlinks', async () => {
    await unlinkForTest(t, coupleId);
    const view = (await dana.agent.get(`/api/v1/practice/clients/${coraLink}`)).json();
    expect(view.effective).toEqual([]);
    expect(view.checkinMoods).toBeUndefined();
    expect((await cora.agent.get('/api/v1/care/links')).json()[0]).toMatchObject({ partnerGrants: [], effective: [] });
    // Her own categories still work.
    await cora.agent.put(`/api/v1/care/links/${coraLink}/grants/assessments`);
    expect((await dana.agent.get(`/api/v1/practice/clients/${coraLink}`)).json().effective).toEqual(['assessments']);
  });

  it('ends a link: every grant revoked, the therapist sees nothing', async () => {
    const ended = await cora.agent.post(`/api/v1/care/links/${coraLink}/end`, {}); // the web sends an empty JSON body
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', grants: [], effective: [] });
    expect((await dana.agent.get(`/api/v1/practice/clients/${coraLink}`)).statusCode).toBe(404);
    expect((await dana.agent.post(`/api/v1/practice/clients/${coraLink}/homework`, { title: 'More' })).statusCode).toBe(404);
    expect((await dana.agent.get('/api/v1/practice/clients')).json().map((c: { linkId: string }) => c.linkId)).not.toContain(coraLink);
    const again = await cora.agent.put(`/api/v1/care/links/${coraLink}/grants/assessments`);
    expect(again.statusCode).toBe(409);
    // The log keeps every view after the link ended.
    expect((await logOf(cora)).length).toBeGreaterThan(5);
  });
});

describe(`the edges (${engineName()})`, () => {
  it('refuses an expired invitation', async () => {
    const { res, token } = await invite(dana.agent, stan.email, 'individual');
    await t.ctx.database.db.update(careInvitation).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(careInvitation.id, res.json().id));
    const late = await stan.agent.post('/api/v1/care/links/accept', { token });
    expect(late.statusCode).toBe(404);
    expect(late.json().type).toMatch(/invitation-not-found$/);
    expect((await stan.agent.get('/api/v1/care/links')).json()).toEqual([]);
  });

  it('keeps a therapist without two-factor out of the workspace', async () => {
    await t.ctx.database.db.update(user).set({ twoFactorEnabled: false }).where(eq(user.id, xena.userId));
    for (const res of [await xena.agent.get('/api/v1/practice/clients'), await xena.agent.post('/api/v1/practice/invitations', { email: stan.email, kind: 'individual' })]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().type).toMatch(/two-factor-required$/);
    }
  });
});
