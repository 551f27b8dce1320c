/**
 * Authorization matrix (issue 9, item 5): every /api/v1 operation in the OpenAPI document must have
 * a row in docs/authorization.md (expected outcomes written from design.md's visibility rules), and
 * every row is tried by every kind of actor against fixture items, comparing the status class.
 * The expectations come from the document alone; this file only builds the world they describe.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/test-app.ts';
import { linkForTest, unlinkForTest } from './testing/couples.ts';
import { setUpPractice, twoFactorPerson, type Person, type Practice } from './testing/care.ts';
import { firstUrl } from './testing/smtp-capture.ts';
import type { Agent } from './http/inject-agent.ts';
import { listOperations, type OpenApiDocument } from './testing/openapi-fuzz.ts';
import { ACTORS, classify, coverage, idIn, itemKindOf, parsePolicyTable, pathParamsOf, type ActorKind, type Row } from './testing/authz-matrix.ts';
import { CARE_CATEGORIES } from '../core/schemas/care-sharing.ts';

const DOC = path.resolve(import.meta.dirname, '../../docs/authorization.md');

let t: TestApp;
let doc: OpenApiDocument;
let rows: Row[];
let agents: Record<ActorKind, Agent>;
let self: Person;
let partner: Person;
let formerCoupleId: string;
let p1: Practice;
let activityId: string;
let instrumentId: string;
let clientLinkId: string;
/**
 * Free consultation starts with the first therapist of P1, handed out one per booking from the latest:
 * the earliest pass the practice's minimum notice while the matrix runs (a CI run once failed on it).
 */
let freeSlots: string[] = [];

const engineName = () => process.env.TEST_DB ?? 'pglite';
const hourAgo = (h = 1) => new Date(Date.now() - h * 3600_000).toISOString();
const today = () => new Date().toISOString().slice(0, 10);
let ipCounter = 1;
const nextIp = () => `203.0.113.${(ipCounter++ % 250) + 1}`;

async function must(res: Promise<{ statusCode: number; body: string; json: () => unknown }>, status: number, what: string): Promise<any> {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`${what}: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return r.body ? r.json() : undefined;
}
async function made(res: Promise<{ statusCode: number; body: string; json: () => unknown }>, what: string): Promise<string> {
  const r = await res;
  if (r.statusCode !== 201 && r.statusCode !== 200) throw new Error(`${what} not made: ${r.statusCode} ${r.body.slice(0, 300)}`);
  const id = idIn(r.json());
  if (!id) throw new Error(`${what}: no id in ${r.body.slice(0, 300)}`);
  return id;
}

const journalBody = () => ({ kind: 'quick_capture', occurredAt: hourAgo(), timeZone: 'UTC', whatHappened: 'authz matrix entry' });
const urgeBody = () => ({ occurredAt: hourAgo(2), urge: 'Check the phone', fear: 'Being left', insteadDid: 'Went for a walk', actedOn: false });
const commitmentBody = () => ({ title: 'Text when I am running late', startDay: today(), recurrence: null, timeZone: 'UTC' });
const agreementBody = () => ({ topic: 'phones', title: 'Phones at dinner', text: 'We keep phones in the hall at dinner.' });
const bookingBody = (start: string) => ({
  therapistId: p1.therapists[0]!.therapistId,
  kind: 'individual',
  state: 'TX',
  timeZone: 'America/Chicago',
  start,
  name: 'Ada',
  email: self.email,
  safety: 'no',
  consentToContact: true,
});
const nextSlot = () => {
  const s = freeSlots.pop();
  if (!s) throw new Error('the matrix ran out of free slots');
  return s;
};

/** Fixture context handed to a body: the params made for this attempt plus extras (a conversation's version). */
type Made = Record<string, string>;

/** Minimal valid bodies for writes, by operation. */
const BODIES: Record<string, (m: Made) => unknown | Promise<unknown>> = {
  'PATCH /api/v1/profile': () => ({ timeZone: 'UTC' }),
  'POST /api/v1/coach/analyze': () => ({ text: 'I feel worried when plans change' }),
  'POST /api/v1/journal/entries': journalBody,
  'PATCH /api/v1/journal/entries/{id}': () => ({ whatHappened: 'changed by the matrix' }),
  'PATCH /api/v1/journal/entries/{id}/therapy': () => ({ forTherapy: true }),
  'POST /api/v1/urges': urgeBody,
  'PATCH /api/v1/urges/{id}': () => ({ insteadDid: 'changed by the matrix' }),
  'POST /api/v1/origins': () => ({ roots: [{ root: 'past_betrayal', resonates: true, notes: 'matrix' }] }),
  'POST /api/v1/self-worth': () => ({ kind: 'win', text: 'Asked for what I needed', day: today() }),
  'PATCH /api/v1/self-worth/{id}': () => ({ text: 'changed by the matrix' }),
  'POST /api/v1/assessments': () => ({ instrument: 'csi-4', responses: [3, 3, 3, 3] }),
  'POST /api/v1/checkins': () => ({ mood: 3, timeZone: 'UTC' }),
  'POST /api/v1/commitments': commitmentBody,
  'POST /api/v1/commitments/{id}/renegotiate': () => ({ title: 'Text when I am more than ten minutes late' }),
  'POST /api/v1/commitments/{id}/end': () => ({}),
  'PUT /api/v1/commitments/{id}/occurrences/{day}': () => ({ outcome: 'kept' }),
  'POST /api/v1/agreements': agreementBody,
  'POST /api/v1/agreements/{id}/versions': () => ({ title: 'Phones at dinner', text: 'Phones in the hall at dinner, except on call nights.' }),
  'POST /api/v1/boundaries': () => ({ text: 'I need an hour alone after work.' }),
  'PATCH /api/v1/boundaries/{id}': () => ({ text: 'I need half an hour alone after work.' }),
  'POST /api/v1/activity-plans': () => ({ activityId }),
  'PUT /api/v1/activity-plans/{id}/reflection': () => ({ howItWent: 'Gently', learned: 'We can slow down.' }),
  'POST /api/v1/repairs': () => ({ day: today(), rupture: 'A sharp word', attempt: 'I said sorry', helped: 'A hug' }),
  'PATCH /api/v1/repairs/{id}': () => ({ helped: 'Talking later' }),
  'PUT /api/v1/cycle/mine': () => ({ feel: 'Scared', tendTo: { choices: ['go-quiet'] } }),
  'POST /api/v1/conversations': () => ({ mode: 'couple', timeLimitMinutes: 20 }),
  'POST /api/v1/conversations/{id}/checklist': () => ({ calm: true, phonesAway: true, timeLimit: true }),
  'POST /api/v1/conversations/{id}/turns': (m) => ({ kind: 'message', text: 'I feel unsure when plans change late.', version: Number(m.version) }),
  'POST /api/v1/conversations/{id}/pause': (m) => ({ version: Number(m.version) }),
  'POST /api/v1/conversations/{id}/ready': (m) => ({ version: Number(m.version) }),
  'POST /api/v1/conversations/{id}/close': (m) => ({ version: Number(m.version) }),
  'POST /api/v1/conversations/{id}/leave': (m) => ({ version: Number(m.version) }),
  'POST /api/v1/conversations/{id}/finish': (m) => ({ version: Number(m.version), outcome: { kind: 'none' } }),
  'POST /api/v1/apologies': () => ({ what: 'I was late', impact: 'You waited alone', responsibility: 'That was on me', different: 'I will text ahead' }),
  'POST /api/v1/apologies/{id}/send': () => ({}),
  'POST /api/v1/apologies/{id}/commitment': commitmentBody,
  'PUT /api/v1/notifications/settings': () => ({ checkinReminder: false, reminderTime: '20:00', email: false, push: false }),
  'POST /api/v1/notifications/push-subscriptions': () => ({ endpoint: `https://push.example.com/${crypto.randomUUID()}`, keys: { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg' } }),
  'POST /api/v1/practices': () => ({ name: 'Matrix practice', slug: `matrix-${crypto.randomUUID().slice(0, 8)}`, timeZone: 'America/Chicago' }),
  'PUT /api/v1/practices/{id}/session-types/{kind}': () => ({ durationMinutes: 20, bufferMinutes: 10, minNoticeMinutes: 60, horizonDays: 14 }),
  'POST /api/v1/practices/{id}/therapists': async () => {
    const person = await twoFactorPerson(t, 'Nia');
    return { email: person.email, displayName: 'Nia N.', timeZone: 'America/Chicago', seesIndividuals: true, seesCouples: true, licences: [{ state: 'TX', expiresOn: '2099-12-31' }], windows: [] };
  },
  'POST /api/v1/public/practices/{slug}/bookings': () => bookingBody(nextSlot()),
  'POST /api/v1/public/bookings/{token}/reschedule': () => ({ start: nextSlot() }),
  'POST /api/v1/practice/bookings/{id}/decision': () => ({ decision: 'accept' }),
  'POST /api/v1/practice/invitations': () => ({ email: `invitee-${crypto.randomUUID().slice(0, 8)}@example.com`, kind: 'individual' }),
  'POST /api/v1/practice/clients/{linkId}/homework': () => ({ title: 'Write one thought record' }),
  'POST /api/v1/care/links/accept': (m) => ({ token: m.token }),
  'POST /api/v1/care/homework/{id}/complete': () => ({ done: true }),
  'POST /api/v1/couple/join': (m) => ({ code: m.code }),
  'POST /api/v1/safety/emergency-reset': () => ({ confirm: true }),
};

/** Query strings some reads need. */
const QUERIES: Record<string, string> = {
  'GET /api/v1/public/practices/{slug}/therapists': '?kind=individual&state=TX',
  'GET /api/v1/public/practices/{slug}/therapists/{id}/slots': '?kind=individual&state=TX&timeZone=America%2FChicago',
};

/** A conversation together that self started, moved on to a phase; returns its id and version. */
async function conversationIn(phase: 'checklist' | 'turns' | 'paused' | 'closing'): Promise<Made> {
  let c = await must(self.agent.post('/api/v1/conversations', { mode: 'couple', timeLimitMinutes: 20 }), 201, 'conversation');
  const id = c.id as string;
  if (phase !== 'checklist') {
    const ok = { calm: true, phonesAway: true, timeLimit: true };
    await must(self.agent.post(`/api/v1/conversations/${id}/checklist`, ok), 200, 'checklist (self)');
    c = await must(partner.agent.post(`/api/v1/conversations/${id}/checklist`, ok), 200, 'checklist (partner)');
  }
  if (phase === 'paused') c = await must(self.agent.post(`/api/v1/conversations/${id}/pause`, { version: c.version }), 200, 'pause');
  if (phase === 'closing') c = await must(self.agent.post(`/api/v1/conversations/${id}/close`, { version: c.version }), 200, 'close');
  return { id, version: String(c.version) };
}

/** A booking request of self's (through the public page) to P1's first therapist. */
async function booking(): Promise<{ token: string; id: string }> {
  const r = await t.agent().request({ method: 'POST', url: `/api/v1/public/practices/${p1.slug}/bookings`, payload: bookingBody(nextSlot()), remoteAddress: nextIp() });
  if (r.statusCode !== 201) throw new Error(`booking: ${r.statusCode} ${r.body.slice(0, 300)}`);
  const created = r.json() as { id?: string; manageUrl: string };
  const token = created.manageUrl.split('/').at(-1)!;
  const list = await must(p1.therapists[0]!.agent.get('/api/v1/practice/bookings'), 200, 'practice bookings');
  const items = (list.items ?? list.bookings ?? list) as Array<{ id: string; start: string; status?: string }>;
  const start = (r.json() as { start: string }).start;
  const mine = items.find((b) => b.start === start);
  if (!mine) throw new Error(`booking at ${start} not in the therapist's list: ${JSON.stringify(list).slice(0, 300)}`);
  return { token, id: mine.id };
}

/** A care invitation from P1's first therapist to an email; its token from the mail. */
async function invitationToken(email: string, kind: 'individual' | 'couple'): Promise<string> {
  await must(p1.therapists[0]!.agent.post('/api/v1/practice/invitations', { email, kind }), 201, 'invitation');
  const mail = await t.smtp.waitFor(email, /invited you/i);
  return new URL(firstUrl(mail.text)).searchParams.get('token')!;
}

/** A fresh item of a kind (self's, or for care and practices the world's fixed ones), as path params and extras. */
const MAKERS: Record<string, () => Promise<Made>> = {
  'journal-entry': async () => ({ id: await made(self.agent.post('/api/v1/journal/entries', journalBody()), 'journal entry') }),
  'shared-journal-entry': async () => {
    const { id } = await MAKERS['journal-entry']!();
    await must(self.agent.post(`/api/v1/journal/entries/${id}/share`), 200, 'share');
    return { id: id! };
  },
  urge: async () => ({ id: await made(self.agent.post('/api/v1/urges', urgeBody()), 'urge') }),
  'origins-version': async () => ({ id: await made(self.agent.post('/api/v1/origins', BODIES['POST /api/v1/origins']!({})), 'origins version') }),
  'self-worth': async () => ({ id: await made(self.agent.post('/api/v1/self-worth', BODIES['POST /api/v1/self-worth']!({})), 'self-worth item') }),
  instrument: async () => ({ id: instrumentId }),
  assessment: async () => ({ id: await made(self.agent.post('/api/v1/assessments', BODIES['POST /api/v1/assessments']!({})), 'assessment') }),
  'former-couple': async () => ({ coupleId: formerCoupleId }),
  commitment: async () => ({ id: await made(self.agent.post('/api/v1/commitments', commitmentBody()), 'commitment') }),
  'commitment-occurrence': async () => ({ id: await made(self.agent.post('/api/v1/commitments', commitmentBody()), 'commitment'), day: today() }),
  agreement: async () => ({ id: await made(self.agent.post('/api/v1/agreements', agreementBody()), 'agreement') }),
  'agreement-version': async () => ({ id: await made(self.agent.post('/api/v1/agreements', agreementBody()), 'agreement'), number: '1' }),
  boundary: async () => ({ id: await made(self.agent.post('/api/v1/boundaries', BODIES['POST /api/v1/boundaries']!({})), 'boundary') }),
  repair: async () => ({ id: await made(self.agent.post('/api/v1/repairs', BODIES['POST /api/v1/repairs']!({})), 'repair') }),
  'activity-plan': async () => ({ id: await made(self.agent.post('/api/v1/activity-plans', { activityId }), 'activity plan') }),
  'done-activity-plan': async () => {
    const { id } = await MAKERS['activity-plan']!();
    await must(self.agent.post(`/api/v1/activity-plans/${id}/done`), 200, 'activity done');
    return { id: id! };
  },
  conversation: () => conversationIn('checklist'),
  'conversation-in-turns': () => conversationIn('turns'),
  'conversation-paused': () => conversationIn('paused'),
  'conversation-closing': () => conversationIn('closing'),
  apology: async () => ({ id: await made(self.agent.post('/api/v1/apologies', BODIES['POST /api/v1/apologies']!({})), 'apology') }),
  'push-subscription': async () => ({ id: await made(self.agent.post('/api/v1/notifications/push-subscriptions', BODIES['POST /api/v1/notifications/push-subscriptions']!({})), 'push subscription') }),
  practice: async () => ({ id: p1.id }),
  'practice-session-type': async () => ({ id: p1.id, kind: 'consultation' }),
  'practice-slug': async () => ({ slug: p1.slug }),
  'practice-therapist': async () => ({ slug: p1.slug, id: p1.therapists[0]!.therapistId }),
  'booking-token': async () => ({ token: (await booking()).token }),
  'booking-request': async () => ({ id: (await booking()).id }),
  'client-link': async () => ({ linkId: clientLinkId }),
  'care-grant': async () => ({ id: clientLinkId, category: 'assessments' }),
  'care-link': async () => ({ id: clientLinkId }),
  homework: async () => {
    await must(p1.therapists[0]!.agent.post(`/api/v1/practice/clients/${clientLinkId}/homework`, { title: 'Notice one trigger' }), 201, 'homework');
    const list = await must(self.agent.get('/api/v1/care/homework'), 200, 'homework list');
    const items = (list.items ?? list) as Array<{ id: string }>;
    return { id: items[0]!.id };
  },
};

/** Extras a body needs that are not path params (an invitation token, a couple code), made per attempt. */
const EXTRAS: Record<string, () => Promise<Made>> = {
  'POST /api/v1/care/links/accept': async () => ({ token: await invitationToken(self.email, 'couple') }),
  'POST /api/v1/couple/join': async () => {
    const someone = await t.signUpVerified({ name: 'Fay' });
    const invite = await must(someone.agent.post('/api/v1/couple/invites'), 201, 'couple invite');
    return { code: invite.code as string };
  },
};

/** Before each attempt of these operations: the world the row's text describes. */
const relinkSelfAndPartner = async () => {
  const state = await must(self.agent.get('/api/v1/couple'), 200, 'couple state');
  if (state.status !== 'linked') await linkForTest(t, self, partner);
};
const BEFORE_EACH: Record<string, () => Promise<void>> = {
  'POST /api/v1/couple/unlink': relinkSelfAndPartner,
  'POST /api/v1/couple/join': relinkSelfAndPartner,
};

/**
 * Ids of the items self made, by audience: 'private' (self only: unshared entries, urges, origins,
 * self-worth, results, apology drafts, devices) or 'couple' (self and partner). Every 2xx answer to
 * anyone but self is searched for them (see docs/authorization.md).
 */
const PRIVATE_KINDS = new Set(['journal-entry', 'urge', 'origins-version', 'self-worth', 'assessment', 'apology', 'push-subscription']);
const COUPLE_KINDS = new Set(['shared-journal-entry', 'commitment', 'commitment-occurrence', 'agreement', 'agreement-version', 'boundary', 'repair', 'activity-plan', 'done-activity-plan', 'conversation', 'conversation-in-turns', 'conversation-paused', 'conversation-closing', 'homework']);
const audienceOf = new Map<string, 'private' | 'couple'>();
const OUTSIDERS = new Set<ActorKind>(['former', 'stranger', 'therapist-unshared', 'other-practice', 'owner', 'signed-out']);

/** The tracked ids an answer to this actor must not contain but does. */
function leakedIds(actor: ActorKind, body: string): string[] {
  if (actor === 'self' || actor === 'therapist-shared') return [];
  const leaked: string[] = [];
  for (const [id, audience] of audienceOf) {
    if ((OUTSIDERS.has(actor) || audience === 'private') && body.includes(id)) leaked.push(`${audience} ${id}`);
  }
  return leaked;
}

beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.app.inject('/api/openapi.json')).json() as OpenApiDocument;
  rows = parsePolicyTable(fs.readFileSync(DOC, 'utf8'));
  self = await t.signUpVerified({ name: 'Ada' });
  partner = await t.signUpVerified({ name: 'Ben' });
  const former = await t.signUpVerified({ name: 'Cleo' });
  const stranger = await t.signUpVerified({ name: 'Dev' });
  formerCoupleId = await linkForTest(t, self, former);
  await must(self.agent.post('/api/v1/journal/entries', journalBody()), 201, 'an entry while linked with the former partner');
  await unlinkForTest(t, formerCoupleId);
  await linkForTest(t, self, partner);
  p1 = await setUpPractice(t, { name: 'Matrix One', therapists: [{ name: 'Tia', displayName: 'Tia T.' }, { name: 'Tom', displayName: 'Tom T.' }] });
  const p2 = await setUpPractice(t, { name: 'Matrix Two', ownerName: 'Quinn', therapists: [{ name: 'Tess', displayName: 'Tess T.' }] });
  // therapist-shared: Tia holds a couple link with self and with partner, every category granted by both.
  const accepted = await must(self.agent.post('/api/v1/care/links/accept', { token: await invitationToken(self.email, 'couple') }), 200, 'self accepts');
  clientLinkId = accepted.id;
  const partnerLink = await must(partner.agent.post('/api/v1/care/links/accept', { token: await invitationToken(partner.email, 'couple') }), 200, 'partner accepts');
  for (const category of CARE_CATEGORIES) {
    await must(self.agent.put(`/api/v1/care/links/${clientLinkId}/grants/${category}`), 200, `grant ${category}`);
    await must(partner.agent.put(`/api/v1/care/links/${partnerLink.id}/grants/${category}`), 200, `partner grant ${category}`);
  }
  const library = await must(self.agent.get('/api/v1/activities'), 200, 'activities');
  activityId = ((library.activities ?? library.items ?? library) as Array<{ id: string }>)[0]!.id;
  const instruments = await must(self.agent.get('/api/v1/instruments'), 200, 'instruments');
  instrumentId = ((instruments.instruments ?? instruments.items ?? instruments) as Array<{ id: string }>)[0]!.id;
  const slots = await must(t.agent().get(`/api/v1/public/practices/${p1.slug}/therapists/${p1.therapists[0]!.therapistId}/slots${QUERIES['GET /api/v1/public/practices/{slug}/therapists/{id}/slots']}`), 200, 'slots');
  freeSlots = (slots.slots as Array<{ start: string }>).map((s) => s.start);
  agents = {
    self: self.agent,
    partner: partner.agent,
    former: former.agent,
    stranger: stranger.agent,
    'therapist-shared': p1.therapists[0]!.agent,
    'therapist-unshared': p1.therapists[1]!.agent,
    'other-practice': p2.therapists[0]!.agent,
    owner: p1.owner.agent,
    'signed-out': t.agent(),
  };
}, 300_000);
afterAll(() => t?.close());

describe(`authorization matrix (${engineName()})`, () => {
  it('has a row in docs/authorization.md for every /api/v1 operation, and no stale rows', () => {
    const ops = listOperations(doc, { prefixes: ['/api/v1/'] }).map((o) => o.id);
    const { missing, stale } = coverage(ops, rows);
    expect(stale, 'rows naming operations that no longer exist').toEqual([]);
    expect(missing, `${missing.length} of ${ops.length} operations have no row in docs/authorization.md:\n  ${missing.join('\n  ')}`).toEqual([]);
  });

  it('answers every tabled operation for every actor as the table says', async () => {
    const ops = new Map(listOperations(doc, { prefixes: ['/api/v1/'] }).map((o) => [o.id, o]));
    const counts: Record<string, number> = {};
    const disagreements: string[] = [];
    let attempts = 0;
    let leakChecks = 0;
    for (const row of rows) {
      const op = ops.get(row.operation);
      if (!op) continue; // reported by the coverage test
      const params = pathParamsOf(op.path);
      const kind = itemKindOf(row.operation);
      if (params.length && !kind) {
        disagreements.push(`${row.operation}: no item kind mapped for ${op.path} in authz-matrix.ts`);
        continue;
      }
      // The allowed owner goes last, so a state-changing attempt cannot spoil the others.
      const order = [...ACTORS.filter((a) => a !== 'self'), 'self' as const];
      for (const actor of order) {
        const cell = row.cells[actor];
        if (cell.outcome === 'n/a') {
          counts['n/a'] = (counts['n/a'] ?? 0) + 1;
          continue;
        }
        await BEFORE_EACH[row.operation]?.();
        // A fresh item per attempt: one actor's allowed write (delete, share) cannot change another's expectation.
        const m: Made = { ...(kind ? await MAKERS[kind]!() : {}), ...((await EXTRAS[row.operation]?.()) ?? {}) };
        if (kind && m.id && (PRIVATE_KINDS.has(kind) || COUPLE_KINDS.has(kind))) audienceOf.set(m.id, PRIVATE_KINDS.has(kind) ? 'private' : 'couple');
        let url = op.path;
        for (const p of params) {
          if (m[p] === undefined) throw new Error(`the ${kind} maker gave no ${p}`);
          url = url.replace(`{${p}}`, encodeURIComponent(m[p]!));
        }
        url += QUERIES[row.operation] ?? '';
        const body = await BODIES[row.operation]?.(m);
        const res = await agents[actor].request({ method: op.method, url, remoteAddress: nextIp(), ...(body === undefined ? {} : { payload: body as object }) });
        attempts++;
        const got = classify(res.statusCode);
        counts[got] = (counts[got] ?? 0) + 1;
        if (got !== cell.outcome) disagreements.push(`${row.operation} as ${actor}: expected ${cell.outcome}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
        if (got === 'allow') {
          const leaked = leakedIds(actor, res.body);
          if (leaked.length) disagreements.push(`${row.operation} as ${actor}: the answer holds self's ${leaked.join(', ')}`);
          leakChecks++;
        }
        // Self shared this entry with the partner: from now on the partner may see it.
        if (actor === 'self' && got === 'allow' && row.operation === 'POST /api/v1/journal/entries/{id}/share') audienceOf.set(m.id!, 'couple');
      }
    }
    console.log(`authz matrix: ${rows.length} operations × ${ACTORS.length} actors, ${attempts} attempts; outcomes ${JSON.stringify(counts)}; ${leakChecks} answers searched for ${audienceOf.size} of self's item ids`);
    expect(audienceOf.size, 'the leak search had ids to look for').toBeGreaterThan(100);
    expect(disagreements, `${disagreements.length} cells disagree with docs/authorization.md:\n  ${disagreements.join('\n  ')}`).toEqual([]);
  }, 900_000);
});
