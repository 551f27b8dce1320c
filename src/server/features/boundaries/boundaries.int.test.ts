import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { boundary } from '../../db/schema/index.ts';
import type { Actor } from '../../policy/index.ts';
import { linkForTest, unlinkForTest } from '../../testing/couples.ts';
import { createTestApp, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['signUpVerified']>>;
const person = () => t.signUpVerified();
const actorOf = (p: Person): Actor => ({ kind: 'user', userId: p.userId, sessionId: 'test', emailVerified: true });
interface BoundaryBody {
  id: string;
  owner: string;
  text: string;
  canChange: boolean;
}
const add = (agent: Agent, text: string) => agent.post('/api/v1/boundaries', { text });
const patch = (agent: Agent, id: string, text: unknown) => agent.patch(`/api/v1/boundaries/${id}`, { text });
const remove = (agent: Agent, id: string) => agent.request({ method: 'DELETE', url: `/api/v1/boundaries/${id}` });
const list = async (agent: Agent) => {
  const res = await agent.get('/api/v1/boundaries');
  expect(res.statusCode).toBe(200);
  return res.json() as { linked: boolean; items: BoundaryBody[] };
};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`boundaries (${engineName()})`, () => {
  let a: Person;
  let b: Person;
  let stranger: Person;
  beforeAll(async () => {
    [a, b, stranger] = [await person(), await person(), await person()];
    await linkForTest(t, a, b);
  });

  it('states a boundary, read by my partner, its words stored only encrypted', async () => {
    const res = await add(b.agent, 'I need an hour to myself after work before we talk about plans.');
    expect(res.statusCode).toBe(201);
    const { boundary: bd, screening } = res.json() as { boundary: BoundaryBody; screening: unknown };
    expect(screening).toEqual({ selfHarm: false, partnerDanger: false });
    expect(bd).toMatchObject({ owner: 'me', canChange: true, text: 'I need an hour to myself after work before we talk about plans.' });

    const [row] = await t.ctx.database.db.select().from(boundary).where(eq(boundary.id, bd.id));
    const stored = JSON.stringify(row) + row!.content.toString('latin1');
    for (const words of ['an hour', 'after work', 'plans']) expect(stored).not.toContain(words);

    expect((await list(a.agent)).items.find((i) => i.id === bd.id)).toMatchObject({ owner: 'partner', canChange: false, text: bd.text });
    expect((await list(b.agent)).items.find((i) => i.id === bd.id)).toMatchObject({ owner: 'me', canChange: true });
    expect((await list(stranger.agent)).items).toEqual([]);
  });

  it('I reword and remove my own; my partner and a stranger cannot (404), and nothing changes', async () => {
    const bd = (await add(a.agent, 'Please knock before coming into the study.')).json().boundary as BoundaryBody;
    for (const who of [b, stranger]) {
      expect((await patch(who.agent, bd.id, 'Changed by someone else')).statusCode).toBe(404);
      expect((await remove(who.agent, bd.id)).statusCode).toBe(404);
    }
    expect((await list(a.agent)).items.find((i) => i.id === bd.id)?.text).toBe('Please knock before coming into the study.');

    const edited = await patch(a.agent, bd.id, 'Please knock before coming into the study after 9.');
    expect(edited.statusCode).toBe(200);
    expect(edited.json().boundary).toMatchObject({ id: bd.id, text: 'Please knock before coming into the study after 9.' });
    expect((await list(b.agent)).items.find((i) => i.id === bd.id)?.text).toBe('Please knock before coming into the study after 9.');

    expect((await remove(a.agent, bd.id)).statusCode).toBe(204);
    expect((await list(b.agent)).items.find((i) => i.id === bd.id)).toBeUndefined();
    expect((await list(a.agent)).items.find((i) => i.id === bd.id)).toBeUndefined();
    expect((await patch(a.agent, bd.id, 'Back again')).statusCode).toBe(404);
    expect((await remove(a.agent, bd.id)).statusCode).toBe(404);
    const [row] = await t.ctx.database.db.select().from(boundary).where(eq(boundary.id, bd.id));
    expect(row!.deleted).toBe(true);
    expect(row!.content.toString('latin1')).not.toContain('knock');
  });

  it('answers bad input with problems naming the field; screens for crisis language', async () => {
    for (const body of [{ text: '   ' }, { text: 'x'.repeat(2001) }, { text: 5 }, {}]) {
      const res = await a.agent.post('/api/v1/boundaries', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].path).toBe('text');
    }
    expect((await a.agent.post('/api/v1/boundaries', { text: 'ok', ownerId: b.userId })).json().errors[0].path).toBe('ownerId');
    expect((await patch(a.agent, 'not-a-uuid', 'ok')).json().errors[0].path).toBe('id');
    const danger = await add(a.agent, 'He said he would hurt me if I go out with my sister.');
    expect(danger.statusCode).toBe(201);
    expect(danger.json().screening.partnerDanger).toBe(true);
  });

  it('signed out gets 401 for everything', async () => {
    const bd = (await add(a.agent, 'No phones in bed.')).json().boundary as BoundaryBody;
    const anon = t.agent();
    expect((await anon.get('/api/v1/boundaries')).statusCode).toBe(401);
    expect((await add(anon, 'x')).statusCode).toBe(401);
    expect((await patch(anon, bd.id, 'x')).statusCode).toBe(401);
    expect((await remove(anon, bd.id)).statusCode).toBe(401);
  });
});

describe(`boundaries without a couple, and after unlinking (${engineName()})`, () => {
  it('needs an active couple to state one', async () => {
    const alone = await person();
    const res = await add(alone.agent, 'Quiet mornings.');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ type: 'urn:trellis:problem:not-linked', title: 'Not linked with a partner' });
    expect(await list(alone.agent)).toEqual({ linked: false, items: [] });
  });

  it('after unlinking both keep a read-only archive, and a later partner never sees it', async () => {
    const [a, b, later] = [await person(), await person(), await person()];
    const coupleId = await linkForTest(t, a, b);
    const mine = (await add(a.agent, 'Ask before sharing photos of me.')).json().boundary as BoundaryBody;
    await unlinkForTest(t, coupleId);
    for (const who of [a, b]) {
      const seen = await list(who.agent);
      expect(seen.linked).toBe(false);
      expect(seen.items.map((i) => [i.id, i.canChange])).toEqual([[mine.id, false]]);
    }
    const archived = await patch(a.agent, mine.id, 'x');
    expect(archived.statusCode).toBe(409);
    expect(archived.json().type).toBe('urn:trellis:problem:couple-archived');
    expect((await remove(a.agent, mine.id)).statusCode).toBe(409);
    expect((await patch(b.agent, mine.id, 'x')).statusCode).toBe(404);

    await linkForTest(t, a, later);
    expect((await list(later.agent)).items).toEqual([]);
    expect((await patch(later.agent, mine.id, 'x')).statusCode).toBe(404);
  });
});

describe(`policy for boundaries: me, partner, former partner, stranger, signed out (${engineName()})`, () => {
  it('decides every operation', async () => {
    const [me, partner, former, stranger] = [await person(), await person(), await person(), await person()];
    const oldCouple = await linkForTest(t, me, former);
    await unlinkForTest(t, oldCouple);
    const coupleId = await linkForTest(t, me, partner);
    const policy = t.ctx.policy;
    const anon: Actor = { kind: 'anonymous' };
    const mine = { ownerId: me.userId, coupleId };
    const archived = { ownerId: me.userId, coupleId: oldCouple };
    const formersOwn = { ownerId: former.userId, coupleId: oldCouple };

    expect(await policy.boundaries.canRead(actorOf(me), mine)).toBe(true);
    expect(await policy.boundaries.canRead(actorOf(partner), mine)).toBe(true);
    expect(await policy.boundaries.canRead(actorOf(former), archived)).toBe(true);
    expect(await policy.boundaries.canRead(actorOf(former), mine)).toBe(false);
    expect(await policy.boundaries.canRead(actorOf(stranger), mine)).toBe(false);
    expect(await policy.boundaries.canRead(anon, mine)).toBe(false);

    for (const op of ['create', 'update', 'delete'] as const) {
      await expect(policy.boundaries[op](actorOf(me), mine)).resolves.toBeUndefined();
      await expect(policy.boundaries[op](actorOf(partner), mine)).rejects.toMatchObject({ status: 404 });
      await expect(policy.boundaries[op](actorOf(me), archived)).rejects.toMatchObject({ status: 409, slug: 'couple-archived' });
      await expect(policy.boundaries[op](actorOf(former), formersOwn)).rejects.toMatchObject({ status: 409 });
      await expect(policy.boundaries[op](actorOf(former), archived)).rejects.toMatchObject({ status: 404 });
      await expect(policy.boundaries[op](actorOf(stranger), mine)).rejects.toMatchObject({ status: 404 });
      await expect(policy.boundaries[op](anon, mine)).rejects.toMatchObject({ status: 401 });
    }
    expect(await policy.boundaries.canUpdate(actorOf(me), mine)).toBe(true);
    expect(await policy.boundaries.canUpdate(actorOf(partner), mine)).toBe(false);
    expect(await policy.boundaries.canUpdate(actorOf(me), archived)).toBe(false);
    await expect(policy.boundaries.couples(anon)).rejects.toMatchObject({ status: 401 });
  });
});
