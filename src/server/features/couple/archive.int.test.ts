/**
 * Deleting my own part of an ended couple (docs/decisions/022): every kind of thing I wrote in
 * that couple goes, for good, in one request; everything my former partner wrote stays and still
 * reads; a stranger gets 404, the signed-out 401, a couple still linked 409.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { localDay } from '../../../core/couple/commitments.ts';
import {
  activityPlan,
  activityReflection,
  agreement,
  agreementAcceptance,
  agreementVersion,
  apology,
  boundary,
  checkin,
  commitment,
  commitmentOccurrence,
  conversation,
  conversationChecklist,
  conversationTurn,
  cycleSide,
  entryShare,
  repair,
} from '../../db/schema/index.ts';
import { linkForTest, unlinkForTest } from '../../testing/couples.ts';
import { createTestApp, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['signUpVerified']>>;
const person = () => t.signUpVerified();
const today = () => localDay(Date.now(), 'UTC');
const put = (agent: Agent, url: string, body: unknown) => agent.request({ method: 'PUT', url, payload: body as object });
const deleteMine = (agent: Agent, coupleId: string) => agent.request({ method: 'DELETE', url: `/api/v1/couple/archive/${coupleId}/mine` });
const ok = async <T = any>(p: Promise<{ statusCode: number; json: () => any }>, status = 201): Promise<T> => {
  const res = await p;
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  return res.json() as T;
};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Everything one person writes into the couple: one of each kind. */
async function writeEverything(p: Person, label: string, other: { agreementId?: string; planId?: string } = {}) {
  const agent = p.agent;
  await ok(agent.post('/api/v1/checkins', { mood: 4, highPoint: `${label} high point`, timeZone: 'UTC' }));
  const { commitment: c } = await ok(agent.post('/api/v1/commitments', { title: `${label} promise`, startDay: today(), timeZone: 'UTC' }));
  await ok(put(agent, `/api/v1/commitments/${c.id}/occurrences/${today()}`, { outcome: 'kept', timeZone: 'UTC' }), 200);
  const { agreement: ag } = await ok(agent.post('/api/v1/agreements', { topic: 'phones', title: `${label} agreement`, text: `${label} wording`, timeZone: 'UTC' }));
  await ok(agent.post('/api/v1/boundaries', { text: `${label} boundary` }));
  const plan = await ok(agent.post('/api/v1/activity-plans', { activityId: 'phone-free-walk', plannedDay: '2026-12-05' }));
  await ok(agent.post('/api/v1/repairs', { day: '2026-11-28', rupture: `${label} rupture`, attempt: 'a pause', helped: 'a walk' }));
  await ok(put(agent, '/api/v1/cycle/mine', { feel: `${label} feel`, tendTo: { choices: ['go-quiet'] } }), 200);
  const entry = await ok(agent.post('/api/v1/journal/entries', { kind: 'quick_capture', occurredAt: new Date(Date.now() - 3600_000).toISOString(), timeZone: 'UTC', whatHappened: `${label} entry`, story: 'a story' }));
  await ok(agent.post(`/api/v1/journal/entries/${entry.entry.id}/share`), 200);
  // On the other's agreement: a new version and an acceptance; on the other's plan: a reflection.
  if (other.agreementId) {
    await ok(agent.post(`/api/v1/agreements/${other.agreementId}/versions`, { title: `${label} edit`, text: `${label} edited wording`, timeZone: 'UTC' }));
  }
  return { agreementId: ag.id as string, planId: plan.id as string };
}

/** How many rows of each kind a person has in a couple, straight from the database. */
async function rowsOf(userId: string, coupleId: string) {
  const db = t.ctx.database.db;
  const agreements = (await db.select({ id: agreement.id }).from(agreement).where(eq(agreement.coupleId, coupleId))).map((r) => r.id);
  const versions = agreements.length ? await db.select().from(agreementVersion).where(inArray(agreementVersion.agreementId, agreements)) : [];
  const plans = (await db.select({ id: activityPlan.id }).from(activityPlan).where(eq(activityPlan.coupleId, coupleId))).map((r) => r.id);
  const convs = (await db.select({ id: conversation.id }).from(conversation).where(eq(conversation.coupleId, coupleId))).map((r) => r.id);
  const myCommitments = (await db.select({ id: commitment.id }).from(commitment).where(and(eq(commitment.coupleId, coupleId), eq(commitment.makerId, userId)))).map((r) => r.id);
  return {
    checkins: (await db.select().from(checkin).where(and(eq(checkin.coupleId, coupleId), eq(checkin.authorId, userId)))).length,
    commitments: myCommitments.length,
    commitmentOccurrences: myCommitments.length ? (await db.select().from(commitmentOccurrence).where(inArray(commitmentOccurrence.commitmentId, myCommitments))).length : 0,
    agreementVersions: versions.filter((v) => v.authorId === userId).length,
    agreementAcceptances: versions.length
      ? (await db.select().from(agreementAcceptance).where(and(inArray(agreementAcceptance.versionId, versions.map((v) => v.id)), eq(agreementAcceptance.userId, userId)))).length
      : 0,
    boundaries: (await db.select().from(boundary).where(and(eq(boundary.coupleId, coupleId), eq(boundary.ownerId, userId)))).length,
    activityReflections: plans.length ? (await db.select().from(activityReflection).where(and(inArray(activityReflection.planId, plans), eq(activityReflection.authorId, userId)))).length : 0,
    activityPlans: (await db.select().from(activityPlan).where(and(eq(activityPlan.coupleId, coupleId), eq(activityPlan.createdBy, userId)))).length,
    repairs: (await db.select().from(repair).where(and(eq(repair.coupleId, coupleId), eq(repair.authorId, userId)))).length,
    cycleSides: (await db.select().from(cycleSide).where(and(eq(cycleSide.coupleId, coupleId), eq(cycleSide.authorId, userId)))).length,
    entryShares: (await db.select().from(entryShare).where(and(eq(entryShare.coupleId, coupleId), eq(entryShare.ownerId, userId)))).length,
    conversationTurns: convs.length ? (await db.select().from(conversationTurn).where(and(inArray(conversationTurn.conversationId, convs), eq(conversationTurn.authorId, userId)))).length : 0,
    conversationChecklists: convs.length
      ? (await db.select().from(conversationChecklist).where(and(inArray(conversationChecklist.conversationId, convs), eq(conversationChecklist.userId, userId)))).length
      : 0,
    conversations: (await db.select().from(conversation).where(and(eq(conversation.coupleId, coupleId), eq(conversation.startedBy, userId)))).length,
    apologies: (await db.select().from(apology).where(and(eq(apology.coupleId, coupleId), eq(apology.ownerId, userId)))).length,
  };
}

describe(`deleting my part of an ended couple (${engineName()})`, () => {
  it('removes everything I wrote in every area, keeps all my former partner wrote, and answers counts', async () => {
    const [a, b] = [await person(), await person()];
    const coupleId = await linkForTest(t, a, b);
    const mineA = await writeEverything(a, 'A');
    const mineB = await writeEverything(b, 'B', { agreementId: mineA.agreementId });
    // A accepts B's edit of A's agreement; B reflects on A's plan once done; A reflects on B's plan.
    await ok(a.agent.post(`/api/v1/agreements/${mineA.agreementId}/versions/2/accept?timeZone=UTC`), 200);
    // A second agreement of A's alone, which B accepted: it goes whole, B's acceptance with it.
    const { agreement: onlyA } = await ok(a.agent.post('/api/v1/agreements', { topic: 'money', title: 'A only', text: 'A only wording', timeZone: 'UTC' }));
    await ok(b.agent.post(`/api/v1/agreements/${onlyA.id}/versions/1/accept?timeZone=UTC`), 200);
    await ok(a.agent.post(`/api/v1/activity-plans/${mineA.planId}/done`), 200);
    await ok(b.agent.post(`/api/v1/activity-plans/${mineB.planId}/done`), 200);
    await ok(put(b.agent, `/api/v1/activity-plans/${mineA.planId}/reflection`, { howItWent: 'B on A plan', learned: 'B learned' }), 200);
    await ok(put(a.agent, `/api/v1/activity-plans/${mineB.planId}/reflection`, { howItWent: 'A on B plan', learned: 'A learned' }), 200);
    // A structured conversation A started: both confirm, A speaks, B summarises. Each sends an apology.
    const conv = await ok(a.agent.post('/api/v1/conversations', { mode: 'couple', timeLimitMinutes: 20 }));
    const checklist = { calm: true, phonesAway: true, timeLimit: true };
    await ok(a.agent.post(`/api/v1/conversations/${conv.id}/checklist`, checklist), 200);
    const ready = await ok(b.agent.post(`/api/v1/conversations/${conv.id}/checklist`, checklist), 200);
    const { conversation: spoken } = await ok(a.agent.post(`/api/v1/conversations/${conv.id}/turns`, { kind: 'message', text: 'A spoke', version: ready.version }));
    await ok(b.agent.post(`/api/v1/conversations/${conv.id}/turns`, { kind: 'summary', text: 'It sounds like B heard', version: spoken.version }));
    for (const [p, label] of [[a, 'A'], [b, 'B']] as const) {
      await ok(p.agent.post('/api/v1/apologies', { what: `${label} did`, impact: 'impact', responsibility: 'mine', different: 'next time', send: true }));
    }

    // While linked: refused (items are deleted one by one then).
    const live = await deleteMine(a.agent, coupleId);
    expect(live.statusCode).toBe(409);
    expect(live.json().type).toContain('couple-linked');

    const bBefore = await rowsOf(b.userId, coupleId);
    expect(Object.values(await rowsOf(a.userId, coupleId)).every((n) => n >= 1)).toBe(true);
    await unlinkForTest(t, coupleId);

    const res = await deleteMine(a.agent, coupleId);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.deleted).toEqual({
      checkins: 1,
      commitments: 1,
      commitmentOccurrences: 1,
      // Version 1 of each of A's two agreements (B's agreement has B's words only).
      agreementVersions: 2,
      // A's own acceptances (A's two v1s by proposing, B's v2 of A's first agreement), and B's
      // acceptance of A's "A only" v1, which means nothing once A's words are gone.
      agreementAcceptances: 4,
      // A's first agreement keeps B's version 2 for B; "A only" has no version left and goes.
      agreements: 1,
      boundaries: 1,
      activityReflections: 1,
      // A's plan carries B's reflection: it stays for B.
      activityPlans: 0,
      repairs: 1,
      cycleSides: 1,
      entryShares: 1,
      conversationTurns: 1,
      conversationChecklists: 1,
      // B's summary is still in it, so the conversation stays for B.
      conversations: 0,
      apologies: 1,
    });
    expect(body.total).toBe(18);

    // Nothing of A's left in this couple but the plan B reflected on.
    expect(await rowsOf(a.userId, coupleId)).toEqual({ ...Object.fromEntries(Object.keys(bBefore).map((k) => [k, 0])), activityPlans: 1, conversations: 1 });
    // B's own part: all of it, except B's acceptance of A's "A only" (A's words are gone).
    expect(await rowsOf(b.userId, coupleId)).toEqual({ ...bBefore, agreementAcceptances: bBefore.agreementAcceptances - 1 });

    // B's archive still reads through the API, without A's words.
    const commitments = await ok(b.agent.get('/api/v1/commitments'), 200);
    expect(JSON.stringify(commitments)).toContain('B promise');
    expect(JSON.stringify(commitments)).not.toContain('A promise');
    const agreements = await ok(b.agent.get('/api/v1/agreements?timeZone=UTC'), 200);
    expect(agreements.items).toHaveLength(2);
    expect(JSON.stringify(agreements)).not.toMatch(/A wording|A only/);
    expect(JSON.stringify(agreements)).toContain('B edited wording');
    const plans = await ok(b.agent.get('/api/v1/activity-plans'), 200);
    expect(plans.items).toHaveLength(2);
    expect(JSON.stringify(plans)).not.toContain('A on B plan');
    expect(JSON.stringify(plans)).toContain('B on A plan');
    for (const url of ['/api/v1/boundaries', '/api/v1/repairs', '/api/v1/cycle', '/api/v1/checkins']) {
      const text = JSON.stringify(await ok(b.agent.get(url), 200));
      expect(text, url).not.toMatch(/A (boundary|rupture|feel|high point)/);
    }
    expect(JSON.stringify(await ok(b.agent.get('/api/v1/boundaries'), 200))).toContain('B boundary');
    expect(JSON.stringify(await ok(b.agent.get('/api/v1/repairs'), 200))).toContain('B rupture');
    // A's own journal entry is A's and stays (only its sharing went).
    expect((await a.agent.get('/api/v1/journal/entries')).json().items.some((e: { whatHappened: string }) => e.whatHappened === 'A entry')).toBe(true);

    // Again: nothing more to delete.
    expect((await ok(deleteMine(a.agent, coupleId), 200)).total).toBe(0);

    // B deletes theirs too: A's plan (B reflected) and both agreements go now that they are empty.
    const second = await ok(deleteMine(b.agent, coupleId), 200);
    expect(second.deleted).toMatchObject({ agreementVersions: 2, agreements: 2, activityReflections: 1, activityPlans: 1, conversationTurns: 1, conversations: 1, apologies: 1 });
    expect(await rowsOf(b.userId, coupleId)).toEqual(Object.fromEntries(Object.keys(bBefore).map((k) => [k, 0])));
    // A's plan stays until A asks again (B's deletion touches only what B made).
    expect((await rowsOf(a.userId, coupleId)).activityPlans).toBe(1);
  });

  it('answers a stranger 404, the signed-out 401, an unknown or malformed couple 404/400', async () => {
    const [a, b, stranger] = [await person(), await person(), await person()];
    const coupleId = await linkForTest(t, a, b);
    await ok(b.agent.post('/api/v1/boundaries', { text: 'kept' }));
    await unlinkForTest(t, coupleId);
    expect((await deleteMine(stranger.agent, coupleId)).statusCode).toBe(404);
    expect((await deleteMine(t.agent(), coupleId)).statusCode).toBe(401);
    expect((await deleteMine(a.agent, '00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    const bad = await deleteMine(a.agent, 'not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect((await rowsOf(b.userId, coupleId)).boundaries).toBe(1);
  });
});
