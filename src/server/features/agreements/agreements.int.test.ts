import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addDays, localDay } from '../../../core/couple/commitments.ts';
import { agreement, agreementAcceptance, agreementVersion } from '../../db/schema/index.ts';
import type { Actor } from '../../policy/index.ts';
import { linkForTest, unlinkForTest } from '../../testing/couples.ts';
import { createTestApp, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['signUpVerified']>>;
const person = () => t.signUpVerified();
const actorOf = (p: Person): Actor => ({ kind: 'user', userId: p.userId, sessionId: 'test', emailVerified: true });
const today = () => localDay(Date.now(), 'UTC');

interface Version {
  number: number;
  author: string;
  title: string;
  text: string;
  acceptances: Array<{ who: string }>;
}
interface AgreementBody {
  id: string;
  topic: string;
  state: string;
  review: string;
  reviewDay: string | null;
  latest: Version;
  active: Version | null;
  canChange: boolean;
  versions?: Version[];
}

const propose = (agent: Agent, body: Record<string, unknown>, headers?: Record<string, string>) =>
  agent.post('/api/v1/agreements', { topic: 'phones', title: 'Phones at dinner', text: 'Both phones stay in the hall during dinner.', timeZone: 'UTC', ...body }, headers);
const edit = (agent: Agent, id: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  agent.post(`/api/v1/agreements/${id}/versions`, { title: 'Phones at dinner', text: 'Phones stay in the hall, except when a parent calls.', timeZone: 'UTC', ...body }, headers);
const accept = (agent: Agent, id: string, n: number | string) => agent.post(`/api/v1/agreements/${id}/versions/${n}/accept?timeZone=UTC`);
const list = async (agent: Agent) => {
  const res = await agent.get('/api/v1/agreements?timeZone=UTC');
  expect(res.statusCode).toBe(200);
  return res.json() as { linked: boolean; items: AgreementBody[] };
};
const detail = async (agent: Agent, id: string) => {
  const res = await agent.get(`/api/v1/agreements/${id}?timeZone=UTC`);
  expect(res.statusCode).toBe(200);
  return res.json() as AgreementBody;
};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`agreements (${engineName()})`, () => {
  let a: Person;
  let b: Person;
  let stranger: Person;
  beforeAll(async () => {
    [a, b, stranger] = [await person(), await person(), await person()];
    await linkForTest(t, a, b);
  });

  it('proposes version 1, accepted by me and waiting for my partner; its words are stored only encrypted; a retry creates nothing', async () => {
    const key = { 'idempotency-key': 'agree-1' };
    const res = await propose(a.agent, { topic: 'money', title: 'Big purchases', text: 'We talk before spending over 200 on one thing.' }, key);
    expect(res.statusCode).toBe(201);
    const { agreement: ag, screening } = res.json() as { agreement: AgreementBody; screening: unknown };
    expect(screening).toEqual({ selfHarm: false, partnerDanger: false });
    expect(ag).toMatchObject({ topic: 'money', state: 'waiting-for-partner', active: null, canChange: true, review: 'none', reviewDay: null });
    expect(ag.latest).toMatchObject({ number: 1, author: 'me', title: 'Big purchases', acceptances: [{ who: 'me' }] });
    expect(ag.versions).toHaveLength(1);

    const again = await propose(a.agent, { topic: 'money', title: 'Big purchases', text: 'We talk before spending over 200 on one thing.' }, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().agreement.id).toBe(ag.id);
    expect(await t.ctx.database.db.select().from(agreement).where(eq(agreement.createdBy, a.userId))).toHaveLength(1);

    const versions = await t.ctx.database.db.select().from(agreementVersion).where(eq(agreementVersion.agreementId, ag.id));
    const stored = JSON.stringify(versions) + versions.map((v) => v.content.toString('latin1')).join('');
    for (const words of ['Big purchases', 'spending', '200 on one']) expect(stored).not.toContain(words);

    const seenByB = (await list(b.agent)).items.find((i) => i.id === ag.id);
    expect(seenByB).toMatchObject({ state: 'waiting-for-me', active: null, canChange: true, latest: { author: 'partner', title: 'Big purchases' } });
    expect((await list(stranger.agent)).items).toEqual([]);
  });

  it('becomes active only when both accepted the exact version; accepting twice adds nothing', async () => {
    const ag = (await propose(a.agent, { topic: 'friendships' })).json().agreement as AgreementBody;
    const accepted = await accept(b.agent, ag.id, 1);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'active', active: { number: 1 }, latest: { number: 1 } });
    expect((await detail(a.agent, ag.id)).state).toBe('active');

    const twice = await accept(b.agent, ag.id, 1);
    expect(twice.statusCode).toBe(200);
    expect(twice.json().latest.acceptances).toHaveLength(2);
    const mine = await accept(a.agent, ag.id, 1);
    expect(mine.statusCode).toBe(200);
    const [v1] = await t.ctx.database.db.select().from(agreementVersion).where(eq(agreementVersion.agreementId, ag.id));
    expect(await t.ctx.database.db.select().from(agreementAcceptance).where(eq(agreementAcceptance.versionId, v1!.id))).toHaveLength(2);
  });

  it('an edit is a new version, pending until both accept it, while the old one stays in force; the old one cannot be accepted (409 stale-version)', async () => {
    const ag = (await propose(a.agent, {})).json().agreement as AgreementBody;
    expect((await accept(b.agent, ag.id, 1)).statusCode).toBe(200);

    const edited = await edit(b.agent, ag.id, { title: 'Phones at dinner, mostly' }, { 'idempotency-key': 'edit-1' });
    expect(edited.statusCode).toBe(201);
    expect(edited.json().agreement).toMatchObject({ state: 'waiting-for-partner', latest: { number: 2, author: 'me', title: 'Phones at dinner, mostly' }, active: { number: 1, title: 'Phones at dinner' } });
    const replay = await edit(b.agent, ag.id, { title: 'Phones at dinner, mostly' }, { 'idempotency-key': 'edit-1' });
    expect(replay.json().agreement.versions).toHaveLength(2);

    const seen = await detail(a.agent, ag.id);
    expect(seen).toMatchObject({ state: 'waiting-for-me', active: { number: 1, text: 'Both phones stay in the hall during dinner.' }, latest: { number: 2, author: 'partner' } });
    expect(seen.versions!.map((v) => v.number)).toEqual([2, 1]);

    const stale = await accept(a.agent, ag.id, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ type: 'urn:trellis:problem:stale-version', title: 'A newer version exists' });
    expect((await accept(a.agent, ag.id, 7)).statusCode).toBe(404);

    const now = await accept(a.agent, ag.id, 2);
    expect(now.json()).toMatchObject({ state: 'active', active: { number: 2 }, latest: { number: 2 } });
  });

  it('a review date is scheduled, and due once it comes; an edit may move or clear it', async () => {
    const ag = (await propose(a.agent, { topic: 'time_apart', reviewDay: addDays(today(), 30) })).json().agreement as AgreementBody;
    expect(ag).toMatchObject({ reviewDay: addDays(today(), 30), review: 'scheduled' });
    await t.ctx.database.db.update(agreement).set({ reviewDay: addDays(today(), -1) }).where(eq(agreement.id, ag.id));
    expect((await detail(b.agent, ag.id)).review).toBe('due');
    const moved = (await edit(a.agent, ag.id, { reviewDay: today() })).json().agreement as AgreementBody;
    expect(moved).toMatchObject({ reviewDay: today(), review: 'due' });
    const kept = (await edit(a.agent, ag.id, {})).json().agreement as AgreementBody;
    expect(kept.reviewDay).toBe(today());
    const cleared = (await edit(a.agent, ag.id, { reviewDay: null })).json().agreement as AgreementBody;
    expect(cleared).toMatchObject({ reviewDay: null, review: 'none' });
  });

  it('answers bad input with problems naming the field, never a 500', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ topic: 'chores' }, 'topic'],
      [{ title: '  ' }, 'title'],
      [{ text: '' }, 'text'],
      [{ text: 'x'.repeat(4001) }, 'text'],
      [{ reviewDay: '2026-02-30' }, 'reviewDay'],
      [{ reviewDay: addDays(today(), -3) }, 'reviewDay'],
      [{ reviewDay: addDays(today(), 4000) }, 'reviewDay'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ coupleId: '01900000-0000-7000-8000-000000000000' }, 'coupleId'],
    ];
    for (const [body, path] of cases) {
      const res = await propose(a.agent, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const ag = (await propose(a.agent, {})).json().agreement as AgreementBody;
    expect((await accept(a.agent, ag.id, 'one')).json().errors[0].path).toBe('number');
    expect((await accept(a.agent, ag.id, 0)).json().errors[0].path).toBe('number');
    expect((await accept(a.agent, 'not-a-uuid', 1)).json().errors[0].path).toBe('id');
    expect((await edit(a.agent, ag.id, { text: ' ' })).json().errors[0].path).toBe('text');
  });

  it('screens the words for crisis language without blocking the save', async () => {
    const res = await propose(a.agent, { text: 'He threatened to hurt me if I see my friends.' });
    expect(res.statusCode).toBe(201);
    expect(res.json().screening.partnerDanger).toBe(true);
    const ed = await edit(b.agent, res.json().agreement.id, { text: 'I want to kill myself when we fight.' });
    expect(ed.json().screening.selfHarm).toBe(true);
  });

  it('a stranger gets 404 for everything; signed out gets 401', async () => {
    const ag = (await propose(a.agent, {})).json().agreement as AgreementBody;
    expect((await stranger.agent.get(`/api/v1/agreements/${ag.id}`)).statusCode).toBe(404);
    expect((await edit(stranger.agent, ag.id, {})).statusCode).toBe(404);
    expect((await accept(stranger.agent, ag.id, 1)).statusCode).toBe(404);
    expect((await a.agent.get('/api/v1/agreements/01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await detail(a.agent, ag.id)).versions).toHaveLength(1);

    const anon = t.agent();
    expect((await anon.get('/api/v1/agreements')).statusCode).toBe(401);
    expect((await anon.get(`/api/v1/agreements/${ag.id}`)).statusCode).toBe(401);
    expect((await propose(anon, {})).statusCode).toBe(401);
    expect((await edit(anon, ag.id, {})).statusCode).toBe(401);
    expect((await accept(anon, ag.id, 1)).statusCode).toBe(401);
  });
});

describe(`agreements without a couple, and after unlinking (${engineName()})`, () => {
  it('needs an active couple to propose', async () => {
    const alone = await person();
    const res = await propose(alone.agent, {});
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ type: 'urn:trellis:problem:not-linked', title: 'Not linked with a partner' });
    expect(await list(alone.agent)).toEqual({ linked: false, items: [] });
  });

  it('after unlinking both keep a read-only archive, and a later partner never sees it', async () => {
    const [a, b, later] = [await person(), await person(), await person()];
    const coupleId = await linkForTest(t, a, b);
    const ag = (await propose(a.agent, {})).json().agreement as AgreementBody;
    await unlinkForTest(t, coupleId);

    for (const who of [a, b]) {
      const seen = await list(who.agent);
      expect(seen.linked).toBe(false);
      expect(seen.items.map((i) => [i.id, i.canChange])).toEqual([[ag.id, false]]);
      const archived = await accept(who.agent, ag.id, 1);
      expect(archived.statusCode).toBe(409);
      expect(archived.json().type).toBe('urn:trellis:problem:couple-archived');
      expect((await edit(who.agent, ag.id, {})).statusCode).toBe(409);
    }
    expect((await detail(b.agent, ag.id)).state).toBe('waiting-for-me');
    expect((await propose(a.agent, {})).json().type).toBe('urn:trellis:problem:not-linked');

    await linkForTest(t, a, later);
    expect((await list(later.agent)).items).toEqual([]);
    expect((await later.agent.get(`/api/v1/agreements/${ag.id}`)).statusCode).toBe(404);
    expect((await accept(later.agent, ag.id, 1)).statusCode).toBe(404);
    const aSees = await list(a.agent);
    expect(aSees.linked).toBe(true);
    expect(aSees.items.find((i) => i.id === ag.id)?.canChange).toBe(false);
  });
});

describe(`policy for agreements: me, partner, former partner, stranger, signed out (${engineName()})`, () => {
  it('decides every operation', async () => {
    const [me, partner, former, stranger] = [await person(), await person(), await person(), await person()];
    const oldCouple = await linkForTest(t, me, former);
    await unlinkForTest(t, oldCouple);
    const coupleId = await linkForTest(t, me, partner);
    const policy = t.ctx.policy;
    const anon: Actor = { kind: 'anonymous' };
    const mine = { ownerId: me.userId, coupleId };
    const archived = { ownerId: me.userId, coupleId: oldCouple };

    await expect(policy.agreements.read(actorOf(me), mine)).resolves.toBeUndefined();
    await expect(policy.agreements.read(actorOf(partner), mine)).resolves.toBeUndefined();
    await expect(policy.agreements.read(actorOf(former), archived)).resolves.toBeUndefined();
    await expect(policy.agreements.read(actorOf(former), mine)).rejects.toMatchObject({ status: 404 });
    await expect(policy.agreements.read(actorOf(partner), archived)).rejects.toMatchObject({ status: 404 });
    await expect(policy.agreements.read(actorOf(stranger), mine)).rejects.toMatchObject({ status: 404 });
    await expect(policy.agreements.read(anon, mine)).rejects.toMatchObject({ status: 401 });

    // Create: into my own active couple only.
    await expect(policy.agreements.create(actorOf(me), mine)).resolves.toBeUndefined();
    await expect(policy.agreements.create(actorOf(partner), mine)).rejects.toMatchObject({ status: 404 });
    await expect(policy.agreements.create(anon, mine)).rejects.toMatchObject({ status: 401 });

    // Amend (propose a version, accept): either partner, while linked.
    await expect(policy.agreements.amend(actorOf(me), mine)).resolves.toBeUndefined();
    await expect(policy.agreements.amend(actorOf(partner), mine)).resolves.toBeUndefined();
    await expect(policy.agreements.amend(actorOf(me), archived)).rejects.toMatchObject({ status: 409, slug: 'couple-archived' });
    await expect(policy.agreements.amend(actorOf(former), archived)).rejects.toMatchObject({ status: 409, slug: 'couple-archived' });
    await expect(policy.agreements.amend(actorOf(former), mine)).rejects.toMatchObject({ status: 404 });
    await expect(policy.agreements.amend(actorOf(stranger), mine)).rejects.toMatchObject({ status: 404 });
    await expect(policy.agreements.amend(anon, mine)).rejects.toMatchObject({ status: 401 });
    expect(await policy.agreements.canAmend(actorOf(partner), mine)).toBe(true);
    expect(await policy.agreements.canAmend(actorOf(former), archived)).toBe(false);
    expect(await policy.agreements.canAmend(actorOf(stranger), mine)).toBe(false);
  });
});
