import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { repair } from '../../db/schema/index.ts';
import type { Actor } from '../../policy/index.ts';
import { linkForTest, unlinkForTest } from '../../testing/couples.ts';
import { createTestApp, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['signUpVerified']>>;
const person = () => t.signUpVerified();
const actorOf = (p: Person): Actor => ({ kind: 'user', userId: p.userId, sessionId: 'test', emailVerified: true });
interface RepairBody {
  id: string;
  author: string;
  day: string;
  rupture: string;
  attempt: string;
  helped: string;
  canChange: boolean;
}
const entry = { day: '2026-11-28', rupture: 'We snapped at each other over the dishes.', attempt: 'I said sorry for my tone and asked for a pause.', helped: 'A short walk, then talking sitting down.' };
const add = (agent: Agent, body: Record<string, unknown> = entry) => agent.post('/api/v1/repairs', body);
const patch = (agent: Agent, id: string, body: Record<string, unknown>) => agent.patch(`/api/v1/repairs/${id}`, body);
const remove = (agent: Agent, id: string) => agent.request({ method: 'DELETE', url: `/api/v1/repairs/${id}` });
const list = async (agent: Agent) => {
  const res = await agent.get('/api/v1/repairs');
  expect(res.statusCode).toBe(200);
  return res.json() as { linked: boolean; items: RepairBody[] };
};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`the repair log (${engineName()})`, () => {
  let a: Person;
  let b: Person;
  let stranger: Person;
  beforeAll(async () => {
    [a, b, stranger] = [await person(), await person(), await person()];
    await linkForTest(t, a, b);
  });

  it('logs a repair, read by my partner, its words stored only encrypted', async () => {
    const res = await add(b.agent);
    expect(res.statusCode).toBe(201);
    const { repair: r, screening } = res.json() as { repair: RepairBody; screening: unknown };
    expect(screening).toEqual({ selfHarm: false, partnerDanger: false });
    expect(r).toMatchObject({ author: 'me', canChange: true, ...entry });

    const [row] = await t.ctx.database.db.select().from(repair).where(eq(repair.id, r.id));
    const stored = JSON.stringify(row) + row!.content.toString('latin1');
    for (const words of ['dishes', 'sorry', 'walk']) expect(stored).not.toContain(words);

    expect((await list(a.agent)).items.find((i) => i.id === r.id)).toMatchObject({ author: 'partner', canChange: false, rupture: entry.rupture, helped: entry.helped });
    expect(await list(stranger.agent)).toEqual({ linked: false, items: [] });
  });

  it('lists the latest day first', async () => {
    const older = (await add(a.agent, { ...entry, day: '2026-10-01' })).json().repair as RepairBody;
    const newer = (await add(a.agent, { ...entry, day: '2026-11-30' })).json().repair as RepairBody;
    const ids = (await list(a.agent)).items.map((i) => i.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
  });

  it('I change and remove my own; my partner and a stranger cannot (404), and nothing changes', async () => {
    const r = (await add(a.agent)).json().repair as RepairBody;
    for (const who of [b, stranger]) {
      expect((await patch(who.agent, r.id, { helped: 'Changed by someone else' })).statusCode).toBe(404);
      expect((await remove(who.agent, r.id)).statusCode).toBe(404);
    }
    expect((await list(b.agent)).items.find((i) => i.id === r.id)?.helped).toBe(entry.helped);

    const edited = await patch(a.agent, r.id, { helped: 'Hugging before talking.', day: '2026-11-27' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().repair).toMatchObject({ id: r.id, helped: 'Hugging before talking.', day: '2026-11-27', rupture: entry.rupture, attempt: entry.attempt });
    expect((await list(b.agent)).items.find((i) => i.id === r.id)?.helped).toBe('Hugging before talking.');

    expect((await remove(a.agent, r.id)).statusCode).toBe(204);
    expect((await list(b.agent)).items.find((i) => i.id === r.id)).toBeUndefined();
    expect((await patch(a.agent, r.id, { helped: 'x' })).statusCode).toBe(404);
    expect((await remove(a.agent, r.id)).statusCode).toBe(404);
    expect(await t.ctx.database.db.select().from(repair).where(eq(repair.id, r.id))).toEqual([]);
  });

  it('answers bad input with problems naming the field; screens for crisis language', async () => {
    for (const [body, path] of [
      [{ ...entry, rupture: '   ' }, 'rupture'],
      [{ ...entry, attempt: 'x'.repeat(4001) }, 'attempt'],
      [{ ...entry, helped: 5 }, 'helped'],
      [{ ...entry, day: 'yesterday' }, 'day'],
      [{ ...entry, day: '2099-01-01' }, 'day'],
      [{ ...entry, day: '2001-01-01' }, 'day'],
      [{ ...entry, timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ ...entry, authorId: b.userId }, 'authorId'],
    ] as const) {
      const res = await add(a.agent, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
    expect((await patch(a.agent, 'not-a-uuid', { helped: 'ok' })).json().errors[0].path).toBe('id');
    const danger = await add(a.agent, { ...entry, rupture: 'He said he would hurt me if I go out with my sister.' });
    expect(danger.statusCode).toBe(201);
    expect(danger.json().screening.partnerDanger).toBe(true);
  });

  it('signed out gets 401 for everything', async () => {
    const r = (await add(a.agent)).json().repair as RepairBody;
    const anon = t.agent();
    expect((await anon.get('/api/v1/repairs')).statusCode).toBe(401);
    expect((await add(anon)).statusCode).toBe(401);
    expect((await patch(anon, r.id, { helped: 'x' })).statusCode).toBe(401);
    expect((await remove(anon, r.id)).statusCode).toBe(401);
  });
});

describe(`repairs without a couple, and after unlinking (${engineName()})`, () => {
  it('needs an active couple to log one', async () => {
    const alone = await person();
    const res = await add(alone.agent);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ type: 'urn:trellis:problem:not-linked', title: 'Not linked with a partner' });
    expect(await list(alone.agent)).toEqual({ linked: false, items: [] });
  });

  it('after unlinking both keep a read-only archive, and a later partner never sees it', async () => {
    const [a, b, later] = [await person(), await person(), await person()];
    const coupleId = await linkForTest(t, a, b);
    const mine = (await add(a.agent)).json().repair as RepairBody;
    await unlinkForTest(t, coupleId);
    for (const who of [a, b]) {
      const seen = await list(who.agent);
      expect(seen.linked).toBe(false);
      expect(seen.items.map((i) => [i.id, i.canChange])).toEqual([[mine.id, false]]);
    }
    const archived = await patch(a.agent, mine.id, { helped: 'x' });
    expect(archived.statusCode).toBe(409);
    expect(archived.json().type).toBe('urn:trellis:problem:couple-archived');
    expect((await remove(a.agent, mine.id)).statusCode).toBe(409);
    expect((await patch(b.agent, mine.id, { helped: 'x' })).statusCode).toBe(404);

    await linkForTest(t, a, later);
    expect((await list(later.agent)).items).toEqual([]);
    expect((await patch(later.agent, mine.id, { helped: 'x' })).statusCode).toBe(404);
  });
});

describe(`policy for repairs: me, partner, former partner, stranger, signed out (${engineName()})`, () => {
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

    expect(await policy.repairs.canRead(actorOf(me), mine)).toBe(true);
    expect(await policy.repairs.canRead(actorOf(partner), mine)).toBe(true);
    expect(await policy.repairs.canRead(actorOf(former), archived)).toBe(true);
    expect(await policy.repairs.canRead(actorOf(former), mine)).toBe(false);
    expect(await policy.repairs.canRead(actorOf(stranger), mine)).toBe(false);
    expect(await policy.repairs.canRead(anon, mine)).toBe(false);
    for (const op of ['create', 'update', 'delete'] as const) {
      await expect(policy.repairs[op](actorOf(me), mine)).resolves.toBeUndefined();
      await expect(policy.repairs[op](actorOf(partner), mine)).rejects.toMatchObject({ status: 404 });
      await expect(policy.repairs[op](actorOf(me), archived)).rejects.toMatchObject({ status: 409, slug: 'couple-archived' });
      await expect(policy.repairs[op](actorOf(former), formersOwn)).rejects.toMatchObject({ status: 409 });
      await expect(policy.repairs[op](actorOf(former), archived)).rejects.toMatchObject({ status: 404 });
      await expect(policy.repairs[op](actorOf(stranger), mine)).rejects.toMatchObject({ status: 404 });
      await expect(policy.repairs[op](anon, mine)).rejects.toMatchObject({ status: 401 });
    }
    expect(await policy.repairs.canUpdate(actorOf(me), mine)).toBe(true);
    expect(await policy.repairs.canUpdate(actorOf(partner), mine)).toBe(false);
    expect(await policy.repairs.canUpdate(actorOf(me), archived)).toBe(false);
    await expect(policy.repairs.couples(anon)).rejects.toMatchObject({ status: 401 });
  });
});
