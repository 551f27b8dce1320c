/**
 * Test fixture: a person who has written one of every kind of thing Trellis keeps — alone, in a
 * couple and with a therapist's homework left aside — each with its own unique marker word, and a
 * partner who wrote their own words beside them. Everything goes through the real API.
 */
import crypto from 'node:crypto';
import { expect } from 'vitest';
import { localDay } from '../../../core/couple/commitments.ts';
import { linkForTest } from '../../testing/couples.ts';
import type { Agent, TestApp } from '../../testing/test-app.ts';

export type Person = Awaited<ReturnType<TestApp['signUpVerified']>>;

const KINDS = ['journal', 'story', 'urge', 'fear', 'origins', 'selfworth', 'checkin', 'commitment', 'agreement', 'boundary', 'reflection', 'repair', 'cycle', 'turn', 'apology'] as const;
export type MarkerKind = (typeof KINDS)[number];

/** Unique words (letters only, so no tokenizer or JSON escaping splits them). */
export function markers(prefix: string): Record<MarkerKind, string> {
  const tag = crypto.randomBytes(6).toString('hex').replace(/[0-9]/g, (d) => 'ghijklmnop'[Number(d)]!);
  return Object.fromEntries(KINDS.map((k) => [k, `${prefix}${tag}${k}`])) as Record<MarkerKind, string>;
}

const put = (agent: Agent, url: string, body: unknown) => agent.request({ method: 'PUT', url, payload: body as object });
const ok = async <T = any>(p: Promise<{ statusCode: number; json: () => any }>, status = 201): Promise<T> => {
  const res = await p;
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  return res.json() as T;
};

export interface Written {
  me: Person;
  partner: Person;
  coupleId: string;
  mine: Record<MarkerKind, string>;
  theirs: Record<MarkerKind, string>;
  journalEntryId: string;
  conversationId: string;
  agreementId: string;
}

/**
 * `me` writes one of everything; `partner` writes a check-in, a version of my agreement, a
 * conversation turn and a boundary of their own. The check-ins are sent with an Idempotency-Key,
 * as the web form does.
 */
export async function writeEverything(t: TestApp): Promise<Written> {
  const [me, partner] = [await t.signUpVerified({ name: 'Robin' }), await t.signUpVerified({ name: 'Sam' })];
  const coupleId = await linkForTest(t, me, partner);
  const mine = markers('my');
  const theirs = markers('their');
  const a = me.agent;
  const b = partner.agent;
  const today = localDay(Date.now(), 'UTC');

  const entry = await ok(
    a.post('/api/v1/journal/entries', {
      kind: 'quick_capture',
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      timeZone: 'UTC',
      whatHappened: `They were late and I felt ${mine.journal}.`,
      story: `The story was ${mine.story}.`,
    }),
  );
  await ok(a.post(`/api/v1/journal/entries/${entry.entry.id}/share`), 200);
  await ok(a.post('/api/v1/urges', { occurredAt: new Date(Date.now() - 7200_000).toISOString(), urge: `Check the phone ${mine.urge}`, fear: `Being left ${mine.fear}`, insteadDid: 'Went for a walk', actedOn: false }));
  await ok(a.post('/api/v1/origins', { roots: [{ root: 'past_betrayal', resonates: true, notes: `An old hurt ${mine.origins}` }] }));
  await ok(a.post('/api/v1/self-worth', { kind: 'win', text: `Said no kindly ${mine.selfworth}`, day: '2026-11-22' }));
  await ok(a.post('/api/v1/assessments', { instrument: 'csi-4', responses: [3, 3, 3, 3] }));

  await ok(a.post('/api/v1/checkins', { mood: 4, highPoint: `A good morning ${mine.checkin}`, timeZone: 'UTC' }, { 'idempotency-key': crypto.randomUUID() }));
  await ok(b.post('/api/v1/checkins', { mood: 3, highPoint: `Coffee together ${theirs.checkin}`, timeZone: 'UTC' }, { 'idempotency-key': crypto.randomUUID() }));
  const { commitment: c } = await ok(a.post('/api/v1/commitments', { title: `Phone down at dinner ${mine.commitment}`, startDay: today, timeZone: 'UTC' }));
  await ok(put(a, `/api/v1/commitments/${c.id}/occurrences/${today}`, { outcome: 'kept', timeZone: 'UTC' }), 200);
  const { agreement: ag } = await ok(a.post('/api/v1/agreements', { topic: 'phones', title: 'Phones', text: `Phones stay in the hall ${mine.agreement}`, timeZone: 'UTC' }));
  await ok(b.post(`/api/v1/agreements/${ag.id}/versions`, { title: 'Phones', text: `Phones stay in a drawer ${theirs.agreement}`, timeZone: 'UTC' }));
  await ok(a.post(`/api/v1/agreements/${ag.id}/versions/2/accept?timeZone=UTC`), 200);
  await ok(a.post('/api/v1/boundaries', { text: `I need an hour alone after work ${mine.boundary}` }));
  await ok(b.post('/api/v1/boundaries', { text: `I need to sleep by eleven ${theirs.boundary}` }));
  const plan = await ok(a.post('/api/v1/activity-plans', { activityId: 'phone-free-walk', plannedDay: '2026-12-05' }));
  await ok(a.post(`/api/v1/activity-plans/${plan.id}/done`), 200);
  await ok(put(a, `/api/v1/activity-plans/${plan.id}/reflection`, { howItWent: `Quiet and warm ${mine.reflection}`, learned: 'Walking helps' }), 200);
  await ok(a.post('/api/v1/repairs', { day: '2026-11-28', rupture: `We snapped ${mine.repair}`, attempt: 'A pause', helped: 'A walk' }));
  await ok(put(a, '/api/v1/cycle/mine', { feel: `Unseen ${mine.cycle}`, tendTo: { choices: ['go-quiet'] } }), 200);

  const conv = await ok(a.post('/api/v1/conversations', { mode: 'couple', timeLimitMinutes: 20 }));
  const checklist = { calm: true, phonesAway: true, timeLimit: true };
  await ok(a.post(`/api/v1/conversations/${conv.id}/checklist`, checklist), 200);
  const ready = await ok(b.post(`/api/v1/conversations/${conv.id}/checklist`, checklist), 200);
  const { conversation: spoken } = await ok(a.post(`/api/v1/conversations/${conv.id}/turns`, { kind: 'message', text: `I feel far away ${mine.turn}`, version: ready.version }));
  await ok(b.post(`/api/v1/conversations/${conv.id}/turns`, { kind: 'summary', text: `It sounds like you feel far ${theirs.turn}`, version: spoken.version }));
  await ok(a.post('/api/v1/apologies', { what: `I checked my phone at dinner ${mine.apology}`, impact: 'You may have felt unimportant', responsibility: 'That was my choice', different: 'Phone in the hall', send: true }));

  return { me, partner, coupleId, mine, theirs, journalEntryId: entry.entry.id as string, conversationId: conv.id as string, agreementId: ag.id as string };
}
