import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { activityPlan, activityReflection } from '../../db/schema/index.ts';
import type { Actor } from '../../policy/index.ts';
import { linkForTest, unlinkForTest } from '../../testing/couples.ts';
import { createTestApp, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['signUpVerified']>>;
const person = () => t.signUpVerified();
const actorOf = (p: Person): Actor => ({ kind: 'user', userId: p.userId, sessionId: 'test', emailVerified: true });
interface Reflection {
  author: string;
  howItWent: string;
  learned: string;
}
interface PlanBody {
  id: string;
  activityId: string;
  title: string | null;
  plannedDay: string | null;
  status: string;
  createdBy: string;
  mine: Reflection | null;
  partners: Reflection | null;
  canChange: boolean;
}
const plan = (agent: Agent, body: Record<string, unknown>, headers?: Record<string, string>) => agent.post('/api/v1/activity-plans', body, headers);
const done = (agent: Agent, id: string) => agent.post(`/api/v1/activity-plans/${id}/done`);
const reflect = (agent: Agent, id: string, body: unknown) => agent.request({ method: 'PUT', url: `/api/v1/activity-plans/${id}/reflection`, payload: body as object });
const list = async (agent: Agent) => {
  const res = await agent.get('/api/v1/activity-plans');
  expect(res.statusCode).toBe(200);
  return res.json() as { linked: boolean; items: PlanBody[] };
};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`the activity library (${engineName()})`, () => {
  it('is public content: no sign-in needed', async () => {
    const res = await t.agent().get('/api/v1/activities');
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as { items: Array<{ id: string; level: number; steps: string[] }> };
    expect(items.length).toBeGreaterThanOrEqual(12);
    expect(new Set(items.map((i) => i.level))).toEqual(new Set([1, 2, 3, 4]));
    expect(items.find((i) => i.id === 'three-appreciations')?.steps.length).toBeGreaterThan(1);
  });
});

describe(`activity plans (${engineName()})`, () => {
  let a: Person;
  let b: Person;
  let stranger: Person;
  beforeAll(async () => {
    [a, b, stranger] = [await person(), await person(), await person()];
    await linkForTest(t, a, b);
  });

  it('plans an activity (a retry creates nothing), both see it, a stranger sees nothing', async () => {
    const key = { 'idempotency-key': 'plan-1' };
    const res = await plan(a.agent, { activityId: 'phone-free-walk', plannedDay: '2026-12-05' }, key);
    expect(res.statusCode).toBe(201);
    const p = res.json() as PlanBody;
    expect(p).toMatchObject({ activityId: 'phone-free-walk', title: 'A phone-free walk', plannedDay: '2026-12-05', status: 'planned', createdBy: 'me', mine: null, partners: null, canChange: true });
    const again = await plan(a.agent, { activityId: 'phone-free-walk', plannedDay: '2026-12-05' }, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(p.id);
    expect(await t.ctx.database.db.select().from(activityPlan).where(eq(activityPlan.createdBy, a.userId))).toHaveLength(1);

    expect((await list(b.agent)).items.find((i) => i.id === p.id)).toMatchObject({ createdBy: 'partner', canChange: true });
    expect(await list(stranger.agent)).toEqual({ linked: false, items: [] });
  });

  it('either partner marks it done; then each writes their own reflection, stored only encrypted, read by the other', async () => {
    const p = (await plan(b.agent, { activityId: 'three-appreciations' })).json() as PlanBody;
    expect(p.plannedDay).toBeNull();
    const early = await reflect(a.agent, p.id, { howItWent: 'Lovely', learned: 'Lots' });
    expect(early.statusCode).toBe(409);
    expect(early.json().type).toBe('urn:trellis:problem:not-done');

    expect((await done(stranger.agent, p.id)).statusCode).toBe(404);
    const marked = await done(a.agent, p.id);
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toMatchObject({ id: p.id, status: 'done' });
    expect((await done(b.agent, p.id)).json().status).toBe('done');

    const mine = await reflect(a.agent, p.id, { howItWent: 'We laughed about the burnt toast story.', learned: 'Small thanks matter to Sam.' });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().screening).toEqual({ selfHarm: false, partnerDanger: false });
    expect(mine.json().plan.mine).toMatchObject({ author: 'me', howItWent: 'We laughed about the burnt toast story.' });
    await reflect(b.agent, p.id, { howItWent: 'Felt shy at first.', learned: 'I like hearing what Alex noticed.' });

    const seenByA = (await list(a.agent)).items.find((i) => i.id === p.id)!;
    expect(seenByA.mine?.learned).toBe('Small thanks matter to Sam.');
    expect(seenByA.partners).toMatchObject({ author: 'partner', howItWent: 'Felt shy at first.', learned: 'I like hearing what Alex noticed.' });
    const seenByB = (await list(b.agent)).items.find((i) => i.id === p.id)!;
    expect(seenByB.mine?.howItWent).toBe('Felt shy at first.');
    expect(seenByB.partners?.howItWent).toBe('We laughed about the burnt toast story.');

    // Editable, still one each.
    expect((await reflect(a.agent, p.id, { howItWent: 'We laughed a lot.', learned: 'Small thanks matter.' })).json().plan.mine.howItWent).toBe('We laughed a lot.');
    const rows = await t.ctx.database.db.select().from(activityReflection).where(eq(activityReflection.planId, p.id));
    expect(rows).toHaveLength(2);
    const stored = JSON.stringify(rows) + rows.map((r) => r.content.toString('latin1')).join('');
    for (const words of ['laughed', 'shy', 'thanks', 'noticed']) expect(stored).not.toContain(words);

    // My partner cannot write mine; a stranger cannot reflect at all.
    expect((await reflect(stranger.agent, p.id, { howItWent: 'x', learned: 'y' })).statusCode).toBe(404);
    expect((await list(a.agent)).items.find((i) => i.id === p.id)?.mine?.howItWent).toBe('We laughed a lot.');
  });

  it('answers bad input with problems naming the field; screens reflections for crisis language', async () => {
    for (const [body, path] of [
      [{}, 'activityId'],
      [{ activityId: 'no-such-thing' }, 'activityId'],
      [{ activityId: 5 }, 'activityId'],
      [{ activityId: 'good-memory', plannedDay: '2026-13-40' }, 'plannedDay'],
      [{ activityId: 'good-memory', coupleId: 'x' }, 'coupleId'],
    ] as const) {
      const res = await plan(a.agent, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
    expect((await done(a.agent, 'not-a-uuid')).json().errors[0].path).toBe('id');
    const p = (await plan(a.agent, { activityId: 'small-fear' })).json() as PlanBody;
    await done(a.agent, p.id);
    for (const [body, path] of [
      [{ howItWent: '  ', learned: 'x' }, 'howItWent'],
      [{ howItWent: 'x', learned: 'y'.repeat(4001) }, 'learned'],
      [{ howItWent: 'x' }, 'learned'],
    ] as const) {
      const res = await reflect(a.agent, p.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
    const danger = await reflect(a.agent, p.id, { howItWent: 'Hard.', learned: 'Sometimes I want to kill myself.' });
    expect(danger.statusCode).toBe(200);
    expect(danger.json().screening.selfHarm).toBe(true);
  });

  it('signed out gets 401 for every personal operation', async () => {
    const p = (await plan(a.agent, { activityId: 'good-memory' })).json() as PlanBody;
    const anon = t.agent();
    expect((await anon.get('/api/v1/activity-plans')).statusCode).toBe(401);
    expect((await plan(anon, { activityId: 'good-memory' })).statusCode).toBe(401);
    expect((await done(anon, p.id)).statusCode).toBe(401);
    expect((await reflect(anon, p.id, { howItWent: 'x', learned: 'y' })).statusCode).toBe(401);
  });
});

describe(`activities without a couple, and after unlinking (${engineName()})`, () => {
  it('needs an active couple to plan one', async () => {
    const alone = await person();
    const res = await plan(alone.agent, { activityId: 'good-memory' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ type: 'urn:trellis:problem:not-linked', title: 'Not linked with a partner' });
    expect(await list(alone.agent)).toEqual({ linked: false, items: [] });
  });

  it('after unlinking both keep a read-only archive, and a later partner never sees it', async () => {
    const [a, b, later] = [await person(), await person(), await person()];
    const coupleId = await linkForTest(t, a, b);
    const p = (await plan(a.agent, { activityId: 'good-memory' })).json() as PlanBody;
    const open = (await plan(a.agent, { activityId: 'trust-moments' })).json() as PlanBody;
    await done(b.agent, p.id);
    await reflect(b.agent, p.id, { howItWent: 'Warm evening.', learned: 'We remember it differently.' });
    await unlinkForTest(t, coupleId);
    for (const who of [a, b]) {
      const seen = await list(who.agent);
      expect(seen.linked).toBe(false);
      expect(seen.items.map((i) => [i.id, i.canChange]).sort()).toEqual([[p.id, false], [open.id, false]].sort());
    }
    expect((await list(a.agent)).items.find((i) => i.id === p.id)?.partners?.howItWent).toBe('Warm evening.');
    for (const who of [a, b]) {
      const archived = await done(who.agent, open.id);
      expect(archived.statusCode).toBe(409);
      expect(archived.json().type).toBe('urn:trellis:problem:couple-archived');
      expect((await reflect(who.agent, p.id, { howItWent: 'x', learned: 'y' })).statusCode).toBe(409);
    }
    const ownOnly = await plan(a.agent, { activityId: 'good-memory' });
    expect(ownOnly.json().type).toBe('urn:trellis:problem:not-linked');

    await linkForTest(t, a, later);
    expect((await list(later.agent)).items).toEqual([]);
    expect((await done(later.agent, open.id)).statusCode).toBe(404);
    expect((await list(a.agent)).items.map((i) => i.id)).toContain(p.id);
  });
});

describe(`policy for activities: me, partner, former partner, stranger, signed out (${engineName()})`, () => {
  it('decides every operation', async () => {
    const [me, partner, former, stranger] = [await person(), await person(), await person(), await person()];
    const oldCouple = await linkForTest(t, me, former);
    await unlinkForTest(t, oldCouple);
    const coupleId = await linkForTest(t, me, partner);
    const policy = t.ctx.policy;
    const anon: Actor = { kind: 'anonymous' };
    const myPlan = { ownerId: me.userId, coupleId };
    const archived = { ownerId: me.userId, coupleId: oldCouple };
    const partnersReflection = { ownerId: partner.userId, coupleId };

    for (const [who, expected] of [[me, true], [partner, true], [former, false], [stranger, false]] as const) {
      expect(await policy.activities.canRead(actorOf(who), myPlan), 'read').toBe(expected);
      expect(await policy.activities.canComplete(actorOf(who), myPlan), 'complete').toBe(expected);
      expect(await policy.activities.canReadReflection(actorOf(who), partnersReflection), 'reflection').toBe(expected);
    }
    expect(await policy.activities.canRead(actorOf(former), archived)).toBe(true);
    expect(await policy.activities.canComplete(actorOf(former), archived)).toBe(false);
    expect(await policy.activities.canComplete(actorOf(me), archived)).toBe(false);

    await expect(policy.activities.plan(actorOf(me), myPlan)).resolves.toBeUndefined();
    await expect(policy.activities.plan(actorOf(partner), myPlan)).rejects.toMatchObject({ status: 404 });
    await expect(policy.activities.complete(actorOf(partner), myPlan)).resolves.toBeUndefined();
    await expect(policy.activities.complete(actorOf(stranger), myPlan)).rejects.toMatchObject({ status: 404 });
    await expect(policy.activities.complete(actorOf(former), archived)).rejects.toMatchObject({ status: 409 });
    await expect(policy.activities.reflect(actorOf(partner), myPlan, partnersReflection)).resolves.toBeUndefined();
    await expect(policy.activities.reflect(actorOf(me), myPlan, partnersReflection)).rejects.toMatchObject({ status: 404 });
    await expect(policy.activities.reflect(actorOf(stranger), myPlan, { ownerId: stranger.userId, coupleId })).rejects.toMatchObject({ status: 404 });
    await expect(policy.activities.reflect(actorOf(me), archived, archived)).rejects.toMatchObject({ status: 409 });
    expect(await policy.activities.canRead(anon, myPlan)).toBe(false);
    await expect(policy.activities.couples(anon)).rejects.toMatchObject({ status: 401 });
    await expect(policy.activities.complete(anon, myPlan)).rejects.toMatchObject({ status: 401 });
    await expect(policy.activities.reflect(anon, myPlan, myPlan)).rejects.toMatchObject({ status: 401 });
  });
});
