/**
 * The emergency reset through the HTTP API (docs/decisions/029), on PGlite and PostgreSQL: a
 * person with two other sessions, a linked partner, two therapist links with grants, a push
 * subscription and a trusted two-factor device. After the reset their other sessions are gone,
 * this one works, the couple is unlinked for both (the partner sees an ordinary unlinked state),
 * the therapists see no shares, the devices are forgotten — and the answer counts exactly that.
 * Nobody else is mailed or told anything that says "emergency".
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coupleInvite, verification } from '../../db/schema/index.ts';
import { setUpPractice, type Person, type TherapistPerson } from '../../testing/care.ts';
import { linkForTest } from '../../testing/couples.ts';
import { firstUrl } from '../../testing/smtp-capture.ts';
import { createTestApp, enableTwoFactor, totpCode, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';
import type { Db } from '../../db/client.ts';
import { SafetyService } from './service.ts';

const RESET = '/api/v1/safety/emergency-reset';

let t: TestApp;
let dana: TherapistPerson;
let sam: TherapistPerson;
let pete: Person;
let cora: Person;
let phone: Agent;
let laptop: Agent;
let links: string[] = [];

async function signInAgain(p: Person): Promise<Agent> {
  const a = t.agent();
  const res = await a.post('/api/auth/sign-in/email', { email: p.email, password: p.password });
  expect(res.statusCode, res.body).toBe(200);
  return a;
}

async function linkWithTherapist(therapist: TherapistPerson, client: Person): Promise<string> {
  const inv = await therapist.agent.post('/api/v1/practice/invitations', { email: client.email, kind: 'individual' });
  expect(inv.statusCode, inv.body).toBe(201);
  const mail = await t.smtp.waitFor(client.email, /invited you/i);
  const token = new URL(firstUrl(mail.text)).searchParams.get('token');
  const accepted = await client.agent.post('/api/v1/care/links/accept', { token });
  expect(accepted.statusCode, accepted.body).toBe(200);
  const id = accepted.json().id as string;
  expect((await client.agent.put(`/api/v1/care/links/${id}/grants/assessments`, {})).statusCode).toBe(200);
  expect((await client.agent.put(`/api/v1/care/links/${id}/grants/therapy-entries`, {})).statusCode).toBe(200);
  return id;
}

const pushSub = () => ({ endpoint: `https://push.example/${crypto.randomUUID()}`, expirationTime: null, keys: { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) } });

beforeAll(async () => {
  t = await createTestApp();
  const practice = await setUpPractice(t, {
    name: 'Willow Street Counselling',
    therapists: [
      { name: 'Dana', displayName: 'Dana Reyes' },
      { name: 'Sam', displayName: 'Sam Ode' },
    ],
  });
  [dana, sam] = practice.therapists as [TherapistPerson, TherapistPerson];
  cora = await t.signUpVerified({ name: 'Cora' });
  pete = await t.signUpVerified({ name: 'Pete' });
  phone = await signInAgain(cora);
  laptop = await signInAgain(cora);
  await linkForTest(t, cora, pete);
  links = [await linkWithTherapist(dana, cora), await linkWithTherapist(sam, cora)];
  expect((await cora.agent.post('/api/v1/notifications/push-subscriptions', pushSub())).statusCode).toBe(201);
  // Her assessments are shared: the therapist sees them before the reset.
  expect((await cora.agent.post('/api/v1/assessments', { instrument: 'trust-pulse', responses: [2, 3, 5, 6, 4, 4] })).statusCode).toBe(201);
});
afterAll(() => t.close());

describe(`emergency reset (${engineName()})`, () => {
  it('is for the signed-in only, and only with { confirm: true }', async () => {
    expect((await t.agent().post(RESET, { confirm: true })).statusCode).toBe(401);
    expect((await t.agent().post(RESET, { confirm: false })).statusCode).toBe(401);
    for (const body of [{ confirm: false }, {}, { confirm: 'yes' }, { confirm: true, everyone: true }, undefined]) {
      const res = await cora.agent.post(RESET, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['confirm']);
    }
    // Nothing was changed by any of those.
    expect((await phone.get('/api/v1/profile')).statusCode).toBe(200);
    expect((await cora.agent.get('/api/v1/couple')).json().status).toBe('linked');
  });

  it('before: the therapists see her shares', async () => {
    for (const [therapist, id] of [[dana, links[0]], [sam, links[1]]] as const) {
      const view = await therapist.agent.get(`/api/v1/practice/clients/${id}`);
      expect(view.statusCode, view.body).toBe(200);
      expect(view.json().effective).toEqual(expect.arrayContaining(['assessments', 'therapy-entries']));
    }
  });

  it('signs out every other session, unlinks, ends every therapist link and forgets devices — and says so in counts', async () => {
    const mailBefore = t.smtp.messages.length;
    const res = await cora.agent.post(RESET, { confirm: true }, { 'idempotency-key': 'reset-1' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toEqual({ sessionsSignedOut: 2, partnerUnlinked: true, therapistSharesEnded: 2, devicesForgotten: 1, at: expect.any(String) });
    expect(Math.abs(Date.parse(body.at) - Date.now())).toBeLessThan(60_000);

    // Other sessions: gone. This one: still signed in.
    expect((await phone.get('/api/v1/profile')).statusCode).toBe(401);
    expect((await laptop.get('/api/v1/profile')).statusCode).toBe(401);
    expect((await cora.agent.get('/api/v1/profile')).statusCode).toBe(200);
    expect((await cora.agent.get('/api/auth/list-sessions')).json()).toHaveLength(1);

    // The couple: unlinked for both; the partner sees an ordinary unlinked state.
    const mine = (await cora.agent.get('/api/v1/couple')).json();
    expect(mine.status).toBe('single');
    const his = await pete.agent.get('/api/v1/couple');
    expect(his.statusCode).toBe(200);
    expect(his.json()).toEqual({ status: 'single', past: [{ coupleId: expect.any(String), linkedAt: expect.any(String), unlinkedAt: expect.any(String) }] });
    expect(his.body.toLowerCase()).not.toContain('emergency');
    expect(his.body.toLowerCase()).not.toContain('reset');

    // The therapists: no client, no shares.
    for (const [therapist, id] of [[dana, links[0]], [sam, links[1]]] as const) {
      expect((await therapist.agent.get(`/api/v1/practice/clients/${id}`)).statusCode).toBe(404);
      expect((await therapist.agent.get(`/api/v1/practice/clients/${id}/summary`)).statusCode).toBe(404);
      const list = await therapist.agent.get('/api/v1/practice/clients');
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual([]);
    }
    // Her own view: both links ended, nothing granted.
    const own = (await cora.agent.get('/api/v1/care/links')).json() as Array<{ status: string; grants: string[]; effective: string[] }>;
    expect(own).toHaveLength(2);
    for (const l of own) expect(l).toMatchObject({ status: 'ended', grants: [], effective: [] });

    // Devices: forgotten.
    expect((await cora.agent.get('/api/v1/notifications/push-subscriptions')).json().items).toEqual([]);

    // A retry with the same key answers the first result and changes nothing.
    const again = await cora.agent.post(RESET, { confirm: true }, { 'idempotency-key': 'reset-1' });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(body);

    // Nobody was mailed anything by it; whatever the partner and therapists ever got says nothing of an emergency.
    await new Promise((r) => setTimeout(r, 200));
    expect(t.smtp.messages.length).toBe(mailBefore);
    for (const m of t.smtp.messages.filter((m) => [pete.email, dana.email, sam.email].some((e) => m.to.includes(e)))) {
      expect(m.raw.toLowerCase()).not.toContain('emergency');
    }
  });

  it('a second reset answers zeros', async () => {
    const res = await cora.agent.post(RESET, { confirm: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sessionsSignedOut: 0, partnerUnlinked: false, therapistSharesEnded: 0, devicesForgotten: 0 });
    expect((await cora.agent.get('/api/v1/profile')).statusCode).toBe(200);
  });

  it('withdraws a pending couple invitation, and touches no one else', async () => {
    const solo = await t.signUpVerified({ name: 'Sol' });
    const other = await t.signUpVerified({ name: 'Oda' });
    const otherPhone = await signInAgain(other);
    expect((await other.agent.post('/api/v1/notifications/push-subscriptions', pushSub())).statusCode).toBe(201);
    expect((await solo.agent.post('/api/v1/couple/invites')).statusCode).toBe(201);
    expect((await other.agent.post('/api/v1/couple/invites')).statusCode).toBe(201);
    expect((await solo.agent.get('/api/v1/couple')).json().invite).toBeDefined();

    const res = await solo.agent.post(RESET, { confirm: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sessionsSignedOut: 0, partnerUnlinked: false, therapistSharesEnded: 0, devicesForgotten: 0 });
    expect((await solo.agent.get('/api/v1/couple')).json().invite).toBeUndefined();
    const rows = await t.ctx.database.db.select().from(coupleInvite).where(eq(coupleInvite.inviterId, solo.userId));
    expect(rows.every((r) => r.revokedAt !== null)).toBe(true);

    // Someone else's sessions, invitation and devices are untouched.
    expect((await otherPhone.get('/api/v1/profile')).statusCode).toBe(200);
    expect((await other.agent.get('/api/v1/couple')).json().invite).toBeDefined();
    expect((await other.agent.get('/api/v1/notifications/push-subscriptions')).json().items).toHaveLength(1);
  });

  it('forgets trusted two-factor devices: the next sign-in there asks for a code again', async () => {
    const p = await t.signUpVerified({ name: 'Tova' });
    const uri = await enableTwoFactor(p.agent, p.password);
    const trusted = t.agent();
    const first = await trusted.post('/api/auth/sign-in/email', { email: p.email, password: p.password });
    expect(first.json()).toMatchObject({ twoFactorRedirect: true });
    expect((await trusted.post('/api/auth/two-factor/verify-totp', { code: totpCode(uri), trustDevice: true })).statusCode).toBe(200);
    const records = async () => (await t.ctx.database.db.select().from(verification).where(eq(verification.value, p.userId))).filter((v) => v.identifier.startsWith('trust-device-'));
    expect(await records()).toHaveLength(1);
    // The trusted device signs out, then signs in again without a code.
    expect((await trusted.post('/api/auth/sign-out', {})).statusCode).toBe(200);
    const trustedAgain = await trusted.post('/api/auth/sign-in/email', { email: p.email, password: p.password });
    expect(trustedAgain.json().twoFactorRedirect).toBeUndefined();
    expect((await trusted.get('/api/v1/profile')).statusCode).toBe(200);

    const res = await p.agent.post(RESET, { confirm: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sessionsSignedOut: 1, devicesForgotten: 1 });
    expect(await records()).toHaveLength(0);
    expect((await trusted.get('/api/v1/profile')).statusCode).toBe(401);
    const after = await trusted.post('/api/auth/sign-in/email', { email: p.email, password: p.password });
    expect(after.json()).toMatchObject({ twoFactorRedirect: true });
    expect((await trusted.get('/api/v1/profile')).statusCode).toBe(401);
  });

  it('is all or nothing: when a late part fails, nothing earlier stays done', async () => {
    const p = await t.signUpVerified({ name: 'Ada' });
    const partner = await t.signUpVerified({ name: 'Bo' });
    const tablet = await signInAgain(p);
    await linkForTest(t, p, partner);
    const link = await linkWithTherapist(dana, p);
    expect((await p.agent.post('/api/v1/notifications/push-subscriptions', pushSub())).statusCode).toBe(201);
    const actor = { kind: 'user' as const, userId: p.userId, sessionId: (await p.agent.get('/api/auth/get-session')).json().session.id as string, emailVerified: true };
    const failing = new SafetyService({
      policy: t.ctx.policy,
      couple: t.ctx.services.couple,
      careSharing: t.ctx.services.careSharing,
      // The last part fails, after sessions, the couple and the links were changed in the transaction.
      notifications: { deleteAllSubscriptions: async () => Promise.reject(new Error('push store unavailable')) } as unknown as typeof t.ctx.services.notifications,
    });
    await expect(t.ctx.database.db.transaction((tx) => failing.emergencyReset(actor, tx as unknown as Db))).rejects.toThrow('push store unavailable');

    expect((await tablet.get('/api/v1/profile')).statusCode).toBe(200);
    expect((await p.agent.get('/api/v1/couple')).json().status).toBe('linked');
    expect((await partner.agent.get('/api/v1/couple')).json().status).toBe('linked');
    expect((await dana.agent.get(`/api/v1/practice/clients/${link}`)).json().effective).toEqual(expect.arrayContaining(['assessments']));
    expect((await p.agent.get('/api/v1/notifications/push-subscriptions')).json().items).toHaveLength(1);

    // Through the API it then does everything.
    const res = await p.agent.post(RESET, { confirm: true });
    expect(res.json()).toMatchObject({ sessionsSignedOut: 1, partnerUnlinked: true, therapistSharesEnded: 1, devicesForgotten: 1 });
  });

  it('logs counts only, never whose reset it was', async () => {
    const p = await t.signUpVerified({ name: 'Lev' });
    const session = (await p.agent.get('/api/auth/get-session')).json().session.id as string;
    const lines: unknown[] = [];
    const logged = new SafetyService({
      policy: t.ctx.policy,
      couple: t.ctx.services.couple,
      careSharing: t.ctx.services.careSharing,
      notifications: t.ctx.services.notifications,
      log: { info: (obj, msg) => void lines.push({ obj, msg }) },
    });
    const actor = { kind: 'user' as const, userId: p.userId, sessionId: session, emailVerified: true };
    await t.ctx.database.db.transaction((tx) => logged.emergencyReset(actor, tx as unknown as Db));
    expect(lines).toEqual([{ obj: { sessionsSignedOut: 0, partnerUnlinked: false, therapistSharesEnded: 0, devicesForgotten: 0 }, msg: expect.any(String) }]);
    const text = JSON.stringify(lines);
    for (const secret of [p.userId, session, p.email]) expect(text).not.toContain(secret);
  });

  it('is in the OpenAPI document with its body and answer', async () => {
    const doc = (await t.agent().get('/api/openapi.json')).json();
    const op = doc.paths['/api/v1/safety/emergency-reset'].post;
    expect(op.responses['200']).toBeDefined();
    expect(op.responses['422']).toBeDefined();
    const ref = (op.requestBody.content['application/json'].schema.$ref as string).split('/').at(-1)!;
    expect(doc.components.schemas[ref]).toMatchObject({ properties: { confirm: { const: true } }, required: ['confirm'] });
    const answer = (op.responses['200'].content['application/json'].schema.$ref as string | undefined)?.split('/').at(-1);
    const answerSchema = answer ? doc.components.schemas[answer] : op.responses['200'].content['application/json'].schema;
    expect(Object.keys(answerSchema.properties).sort()).toEqual(['at', 'devicesForgotten', 'partnerUnlinked', 'sessionsSignedOut', 'therapistSharesEnded']);
  });
});
