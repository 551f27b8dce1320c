import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { cycleSide, entryShare } from '../../db/schema/index.ts';
import type { Actor } from '../../policy/index.ts';
import { linkForTest, unlinkForTest } from '../../testing/couples.ts';
import { createTestApp, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['signUpVerified']>>;
const person = () => t.signUpVerified();
const actorOf = (p: Person): Actor => ({ kind: 'user', userId: p.userId, sessionId: 'test', emailVerified: true });
const anon: Actor = { kind: 'anonymous' };

const putSide = (agent: Agent, body: unknown) => agent.request({ method: 'PUT', url: '/api/v1/cycle/mine', payload: body as Record<string, unknown> });
const getMap = async (agent: Agent) => {
  const res = await agent.get('/api/v1/cycle');
  expect(res.statusCode).toBe(200);
  return res.json();
};
const writeEntry = async (agent: Agent, whatHappened: string) => {
  const res = await agent.post('/api/v1/journal/entries', { kind: 'quick_capture', occurredAt: new Date(Date.now() - 3600_000).toISOString(), timeZone: 'UTC', whatHappened, story: 'A story I told myself.' });
  expect(res.statusCode).toBe(201);
  return res.json().entry as { id: string; sharedWithPartner: boolean };
};
const share = (agent: Agent, id: string) => agent.post(`/api/v1/journal/entries/${id}/share`);
const unshare = (agent: Agent, id: string) => agent.request({ method: 'DELETE', url: `/api/v1/journal/entries/${id}/share` });
const sharedWithMe = async (agent: Agent) => {
  const res = await agent.get('/api/v1/shared-with-me');
  expect(res.statusCode).toBe(200);
  return res.json() as { linked: boolean; items: Array<{ sharedAt: string; entry: { id: string; whatHappened: string; story: string } }> };
};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`cycle map (${engineName()})`, () => {
  it('waits for both sides, then draws the loop; words stored only encrypted', async () => {
    const [a, b, stranger] = [await person(), await person(), await person()];
    const coupleId = await linkForTest(t, a, b);

    const first = await putSide(a.agent, { trigger: 'plans change at the last minute', feel: 'unimportant', tendTo: { choices: ['reach-out-more', 'ask-questions'], other: 'I send many messages' }, fear: 'being left out', need: 'a heads-up' });
    expect(first.statusCode).toBe(200);
    expect(first.json().screening).toEqual({ selfHarm: false, partnerDanger: false });
    expect(first.json().map).toMatchObject({ linked: true, canChange: true, partner: null, loop: null, mine: { feel: 'unimportant', need: 'a heads-up' } });
    expect(await getMap(b.agent)).toMatchObject({ linked: true, mine: null, partner: { feel: 'unimportant', fear: 'being left out' }, loop: null });

    await putSide(b.agent, { feel: 'cornered', tendTo: { choices: ['go-quiet'] } });
    const mapA = await getMap(a.agent);
    expect(mapA.loop.steps.map((s: { who: string; kind: string }) => `${s.who}:${s.kind}`)).toEqual(['me:feel', 'me:tendTo', 'partner:feel', 'partner:tendTo']);
    expect(mapA.loop.steps[2].text).toBe('cornered');
    expect(mapA.loop.patterns).toEqual(['pursue-withdraw']);
    const mapB = await getMap(b.agent);
    expect(mapB.loop.steps[0]).toMatchObject({ who: 'me', text: 'cornered' });
    expect(mapB.mine).toMatchObject({ trigger: '', fear: '', tendTo: { choices: ['go-quiet'], other: '' } });

    // Changing my side replaces it (one side each).
    await putSide(a.agent, { feel: 'worried', tendTo: { choices: ['criticise'] } });
    expect((await getMap(b.agent)).partner.feel).toBe('worried');
    const rows = await t.ctx.database.db.select().from(cycleSide).where(eq(cycleSide.coupleId, coupleId));
    expect(rows).toHaveLength(2);
    const stored = rows.map((r) => JSON.stringify(r) + r.content.toString('latin1')).join();
    for (const words of ['worried', 'cornered', 'heads-up', 'criticise']) expect(stored).not.toContain(words);

    expect(await getMap(stranger.agent)).toEqual({ linked: false, hasCouple: false, canChange: false, mine: null, partner: null, loop: null });
  });

  it('answers bad input with problems naming the field; screens for crisis language; signed out 401', async () => {
    const [a, b] = [await person(), await person()];
    await linkForTest(t, a, b);
    const cases: Array<[unknown, string]> = [
      [{ tendTo: { choices: ['go-quiet'] } }, 'feel'],
      [{ feel: '  ', tendTo: { choices: ['go-quiet'] } }, 'feel'],
      [{ feel: 'sad', tendTo: { choices: ['shout-forever'] } }, 'tendTo.choices.0'],
      [{ feel: 'sad', tendTo: {} }, 'tendTo.choices'],
      [{ feel: 'sad', tendTo: { choices: [] }, need: 'x'.repeat(1001) }, 'need'],
      [{ feel: 'sad', tendTo: { choices: ['go-quiet'] }, partnerId: b.userId }, 'partnerId'],
    ];
    for (const [body, path] of cases) {
      const res = await putSide(a.agent, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const danger = await putSide(a.agent, { feel: 'scared', tendTo: { choices: ['go-quiet'] }, fear: 'He said he would hurt me if I leave.' });
    expect(danger.statusCode).toBe(200);
    expect(danger.json().screening.partnerDanger).toBe(true);

    const out = t.agent();
    expect((await out.get('/api/v1/cycle')).statusCode).toBe(401);
    expect((await putSide(out, { feel: 'sad', tendTo: { choices: ['go-quiet'] } })).statusCode).toBe(401);
  });

  it('needs a couple to fill in; after unlinking both keep it read-only, and a later partner never sees it', async () => {
    const [a, b, later] = [await person(), await person(), await person()];
    const alone = await putSide(a.agent, { feel: 'sad', tendTo: { choices: ['go-quiet'] } });
    expect(alone.statusCode).toBe(409);
    expect(alone.json()).toMatchObject({ type: 'urn:trellis:problem:not-linked', title: 'Not linked with a partner' });

    const coupleId = await linkForTest(t, a, b);
    await putSide(a.agent, { feel: 'sad', tendTo: { choices: ['go-quiet'] } });
    await putSide(b.agent, { feel: 'lonely', tendTo: { choices: ['keep-talking'] } });
    await unlinkForTest(t, coupleId);
    for (const who of [a, b]) {
      const map = await getMap(who.agent);
      expect(map).toMatchObject({ linked: false, hasCouple: true, canChange: false });
      expect(map.loop.patterns).toEqual(['pursue-withdraw']);
    }
    expect((await putSide(b.agent, { feel: 'x', tendTo: { choices: ['go-quiet'] } })).statusCode).toBe(409);

    await linkForTest(t, a, later);
    const fresh = await getMap(later.agent);
    expect(fresh).toMatchObject({ linked: true, mine: null, partner: null, loop: null });
    expect(await getMap(a.agent)).toMatchObject({ linked: true, canChange: true, mine: null, partner: null });
  });

  it('policy: me, partner, former partner, stranger, signed out', async () => {
    const [me, partner, former, stranger] = [await person(), await person(), await person(), await person()];
    const oldCouple = await linkForTest(t, me, former);
    await unlinkForTest(t, oldCouple);
    const coupleId = await linkForTest(t, me, partner);
    const policy = t.ctx.policy;
    const mine = { ownerId: me.userId, coupleId };
    const archived = { ownerId: me.userId, coupleId: oldCouple };
    expect(await policy.cycle.canRead(actorOf(me), mine)).toBe(true);
    expect(await policy.cycle.canRead(actorOf(partner), mine)).toBe(true);
    expect(await policy.cycle.canRead(actorOf(former), archived)).toBe(true);
    expect(await policy.cycle.canRead(actorOf(former), mine)).toBe(false);
    expect(await policy.cycle.canRead(actorOf(stranger), mine)).toBe(false);
    expect(await policy.cycle.canRead(anon, mine)).toBe(false);
    await expect(policy.cycle.write(actorOf(me), mine)).resolves.toBeUndefined();
    await expect(policy.cycle.write(actorOf(partner), mine)).rejects.toMatchObject({ status: 404 });
    await expect(policy.cycle.write(actorOf(me), archived)).rejects.toMatchObject({ status: 409, slug: 'couple-archived' });
    await expect(policy.cycle.write(actorOf(former), { ownerId: former.userId, coupleId: oldCouple })).rejects.toMatchObject({ status: 409 });
    await expect(policy.cycle.write(actorOf(stranger), mine)).rejects.toMatchObject({ status: 404 });
    await expect(policy.cycle.write(anon, mine)).rejects.toMatchObject({ status: 401 });
    expect(await policy.cycle.canWrite(actorOf(me), mine)).toBe(true);
    expect(await policy.cycle.canWrite(actorOf(partner), mine)).toBe(false);
  });
});

describe(`sharing a journal entry with my partner (${engineName()})`, () => {
  it('share → partner reads; unshare → gone; the partner can never change it; words stay encrypted', async () => {
    const [a, b, stranger] = [await person(), await person(), await person()];
    const coupleId = await linkForTest(t, a, b);
    const entry = await writeEntry(a.agent, 'We argued about the holiday plans.');
    expect(entry.sharedWithPartner).toBe(false);
    expect(await sharedWithMe(b.agent)).toEqual({ linked: true, items: [] });

    const res = await share(a.agent, entry.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ sharedWithPartner: true });
    expect((await share(a.agent, entry.id)).json().sharedAt).toBe(res.json().sharedAt);
    expect((await a.agent.get(`/api/v1/journal/entries/${entry.id}`)).json().sharedWithPartner).toBe(true);
    expect((await a.agent.get('/api/v1/journal/entries')).json().items.find((e: { id: string }) => e.id === entry.id).sharedWithPartner).toBe(true);

    const seen = await sharedWithMe(b.agent);
    expect(seen.items.map((i) => [i.entry.id, i.entry.whatHappened, i.entry.story])).toEqual([[entry.id, 'We argued about the holiday plans.', 'A story I told myself.']]);
    expect((await sharedWithMe(a.agent)).items).toEqual([]);
    expect((await sharedWithMe(stranger.agent)).items).toEqual([]);

    // The partner reads only through "shared with me": never the entry itself, never a change.
    expect((await b.agent.get(`/api/v1/journal/entries/${entry.id}`)).statusCode).toBe(404);
    expect((await b.agent.patch(`/api/v1/journal/entries/${entry.id}`, { story: 'changed' })).statusCode).toBe(404);
    expect((await b.agent.request({ method: 'DELETE', url: `/api/v1/journal/entries/${entry.id}` })).statusCode).toBe(404);
    expect((await unshare(b.agent, entry.id)).statusCode).toBe(404);
    expect((await share(b.agent, entry.id)).statusCode).toBe(404);
    expect((await share(stranger.agent, entry.id)).statusCode).toBe(404);
    expect((await a.agent.get(`/api/v1/journal/entries/${entry.id}`)).json().story).toBe('A story I told myself.');

    const [row] = await t.ctx.database.db.select().from(entryShare).where(eq(entryShare.entryId, entry.id));
    expect(row).toMatchObject({ ownerId: a.userId, coupleId });
    expect(JSON.stringify(row)).not.toContain('holiday');

    const stop = await unshare(a.agent, entry.id);
    expect(stop.statusCode).toBe(200);
    expect(stop.json()).toEqual({ sharedWithPartner: false, sharedAt: null });
    expect((await sharedWithMe(b.agent)).items).toEqual([]);
    expect((await a.agent.get(`/api/v1/journal/entries/${entry.id}`)).json().sharedWithPartner).toBe(false);
    expect((await unshare(a.agent, entry.id)).statusCode).toBe(200);
  });

  it('needs a couple; unlinking hides it; a later partner never sees an earlier couple’s share', async () => {
    const [a, b, later] = [await person(), await person(), await person()];
    const lonely = await writeEntry(a.agent, 'Alone with my thoughts.');
    const notLinked = await share(a.agent, lonely.id);
    expect(notLinked.statusCode).toBe(409);
    expect(notLinked.json()).toMatchObject({ type: 'urn:trellis:problem:not-linked', title: 'Not linked with a partner' });
    expect(await sharedWithMe(a.agent)).toEqual({ linked: false, items: [] });

    const coupleId = await linkForTest(t, a, b);
    await share(a.agent, lonely.id);
    expect((await sharedWithMe(b.agent)).items).toHaveLength(1);
    await unlinkForTest(t, coupleId);
    expect(await sharedWithMe(b.agent)).toEqual({ linked: false, items: [] });
    expect(await t.ctx.policy.journalShare.canRead(actorOf(b), { ownerId: a.userId, coupleId })).toBe(false);
    expect((await a.agent.get(`/api/v1/journal/entries/${lonely.id}`)).json().sharedWithPartner).toBe(false);

    await linkForTest(t, a, later);
    expect((await sharedWithMe(later.agent)).items).toEqual([]);
    expect(await t.ctx.policy.journalShare.canRead(actorOf(later), { ownerId: a.userId, coupleId })).toBe(false);
    // Shared again into the new couple: only now does the later partner see it.
    await share(a.agent, lonely.id);
    expect((await sharedWithMe(later.agent)).items.map((i) => i.entry.id)).toEqual([lonely.id]);
    expect((await sharedWithMe(b.agent)).items).toEqual([]);
  });

  it('lists newest share first; bad ids name the field; signed out 401', async () => {
    const [a, b] = [await person(), await person()];
    await linkForTest(t, a, b);
    const one = await writeEntry(a.agent, 'First');
    const two = await writeEntry(a.agent, 'Second');
    await share(a.agent, two.id);
    await share(a.agent, one.id);
    expect((await sharedWithMe(b.agent)).items.map((i) => i.entry.id)).toEqual([one.id, two.id]);

    const bad = await share(a.agent, 'not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('id');
    expect((await share(a.agent, '0190a000-0000-7000-8000-000000000000')).statusCode).toBe(404);

    const out = t.agent();
    expect((await out.get('/api/v1/shared-with-me')).statusCode).toBe(401);
    expect((await share(out, one.id)).statusCode).toBe(401);
    expect((await unshare(out, one.id)).statusCode).toBe(401);
  });

  it('policy: me, partner, former partner, stranger, signed out', async () => {
    const [me, partner, former, stranger] = [await person(), await person(), await person(), await person()];
    const oldCouple = await linkForTest(t, me, former);
    await unlinkForTest(t, oldCouple);
    const coupleId = await linkForTest(t, me, partner);
    const p = t.ctx.policy.journalShare;
    const now = { ownerId: me.userId, coupleId };
    const old = { ownerId: me.userId, coupleId: oldCouple };
    expect(await p.canRead(actorOf(me), now)).toBe(true);
    expect(await p.canRead(actorOf(partner), now)).toBe(true);
    expect(await p.canRead(actorOf(former), old)).toBe(false);
    expect(await p.canRead(actorOf(former), now)).toBe(false);
    expect(await p.canRead(actorOf(stranger), now)).toBe(false);
    expect(await p.canRead(anon, now)).toBe(false);
    await expect(p.read(actorOf(former), old)).rejects.toMatchObject({ status: 404 });
    await expect(p.read(anon, now)).rejects.toMatchObject({ status: 401 });

    await expect(p.share(actorOf(me), now)).resolves.toBeUndefined();
    await expect(p.share(actorOf(me), old)).rejects.toMatchObject({ status: 409, slug: 'not-linked' });
    await expect(p.share(actorOf(partner), now)).rejects.toMatchObject({ status: 404 });
    await expect(p.share(actorOf(former), old)).rejects.toMatchObject({ status: 404 });
    await expect(p.share(actorOf(stranger), now)).rejects.toMatchObject({ status: 404 });
    await expect(p.share(anon, now)).rejects.toMatchObject({ status: 401 });
    await expect(p.unshare(actorOf(me), me.userId)).resolves.toBeUndefined();
    for (const who of [partner, former, stranger]) await expect(p.unshare(actorOf(who), me.userId)).rejects.toMatchObject({ status: 404 });
    await expect(p.unshare(anon, me.userId)).rejects.toMatchObject({ status: 401 });
  });
});
