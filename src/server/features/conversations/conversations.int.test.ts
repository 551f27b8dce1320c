import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { localDay } from '../../../core/couple/commitments.ts';
import { PAUSE_MS } from '../../../core/conversation/machine.ts';
import { conversation, conversationTurn } from '../../db/schema/index.ts';
import { linkForTest, unlinkForTest } from '../../testing/couples.ts';
import { openEventStream, type SseStream } from '../../testing/sse-client.ts';
import { createTestApp, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';

let t: TestApp;
let url: string;
const streams: SseStream[] = [];
type Person = Awaited<ReturnType<TestApp['signUpVerified']>>;
const person = () => t.signUpVerified();
const today = () => localDay(Date.now(), 'UTC');
type Conv = {
  id: string;
  version: number;
  phase: string;
  step: string;
  speaker: string | null;
  myRole: string | null;
  canWrite: string[];
  canAct: boolean;
  rounds: number;
  checklist: { me: boolean; partner: boolean | null };
  pause: null | { until: string; by: string; leftMs: number; readyMe: boolean; readyPartner: boolean | null };
  timeLeftMs: number | null;
  turns: Array<{ author: string; kind: string; text: string; seq: number }>;
  outcome: null | { kind: string; id: string | null };
};

const CHECKLIST = { calm: true, phonesAway: true, timeLimit: true };
const start = async (agent: Agent, body: Record<string, unknown> = { mode: 'couple', timeLimitMinutes: 20 }, headers?: Record<string, string>) => {
  const res = await agent.post('/api/v1/conversations', body, headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Conv;
};
const get = async (agent: Agent, id: string) => {
  const res = await agent.get(`/api/v1/conversations/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Conv;
};
const confirm = (agent: Agent, id: string) => agent.post(`/api/v1/conversations/${id}/checklist`, CHECKLIST);
const turn = (agent: Agent, c: { id: string; version: number }, kind: string, text: string, headers?: Record<string, string>) =>
  agent.post(`/api/v1/conversations/${c.id}/turns`, { kind, text, version: c.version }, headers);
const okTurn = async (agent: Agent, c: { id: string; version: number }, kind: string, text: string) => {
  const res = await turn(agent, c, kind, text);
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { conversation: Conv }).conversation;
};
const stepOf = (agent: Agent, id: string, step: string, body: unknown = {}) => agent.post(`/api/v1/conversations/${id}/${step}`, body as object);

/** A couple conversation with both checklists confirmed, as seen by its starter. */
async function talking(a: Person, b: Person, limit = 20): Promise<Conv> {
  const c = await start(a.agent, { mode: 'couple', timeLimitMinutes: limit });
  expect((await confirm(a.agent, c.id)).statusCode).toBe(200);
  const res = await confirm(b.agent, c.id);
  expect(res.statusCode).toBe(200);
  return get(a.agent, c.id);
}

beforeAll(async () => {
  t = await createTestApp();
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  streams.forEach((s) => s.close());
  await t.close();
});

describe(`structured conversations (${engineName()})`, () => {
  let a: Person;
  let b: Person;
  let stranger: Person;
  beforeAll(async () => {
    [a, b, stranger] = [await person(), await person(), await person()];
    await linkForTest(t, a, b);
  });

  it('goes through the checklist, a full round, a swap and a correction; texts are stored only encrypted', async () => {
    const created = await start(a.agent);
    expect(created).toMatchObject({ phase: 'checklist', canAct: true, checklist: { me: false, partner: false }, speaker: null, canWrite: [] });
    const one = (await confirm(b.agent, created.id)).json() as Conv;
    expect(one).toMatchObject({ phase: 'checklist', checklist: { me: true, partner: false }, startedBy: 'partner' });
    const again = await confirm(b.agent, created.id);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ type: 'urn:trellis:problem:already-confirmed', title: 'Already confirmed' });

    let c = (await confirm(a.agent, created.id)).json() as Conv;
    expect(c).toMatchObject({ phase: 'turns', speaker: 'me', myRole: 'speaker', canWrite: ['message'], timeLeftMs: expect.any(Number) });
    expect(c.timeLeftMs!).toBeGreaterThan(19 * 60_000);

    c = await okTurn(a.agent, c, 'message', 'I felt alone on Saturday.');
    const seenByB = await get(b.agent, c.id);
    expect(seenByB).toMatchObject({ myRole: 'listener', speaker: 'partner', canWrite: ['summary'] });
    expect(seenByB.turns).toEqual([expect.objectContaining({ author: 'partner', kind: 'message', text: 'I felt alone on Saturday.' })]);

    let bc = await okTurn(b.agent, seenByB, 'summary', 'It sounds like Saturday felt lonely.');
    bc = await okTurn(b.agent, bc, 'validation', 'That makes sense, given how the week went.');
    c = await get(a.agent, c.id);
    expect(c.canWrite).toEqual(['confirmation', 'correction']);
    c = await okTurn(a.agent, c, 'correction', 'Lonely, and a bit forgotten.');
    expect(c.step).toBe('summarise');
    bc = await okTurn(b.agent, await get(b.agent, c.id), 'summary', 'It sounds like you felt forgotten too.');
    bc = await okTurn(b.agent, bc, 'validation', 'I can see why.');
    c = await okTurn(a.agent, await get(a.agent, c.id), 'confirmation', 'Yes, that is it.');
    expect(c).toMatchObject({ rounds: 1, speaker: 'partner', myRole: 'listener', canWrite: [] });
    expect((await get(b.agent, c.id)).canWrite).toEqual(['message']);
    expect(c.turns.map((x) => x.kind)).toEqual(['message', 'summary', 'validation', 'correction', 'summary', 'validation', 'confirmation']);
    expect(c.turns.map((x) => x.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const stored = await t.ctx.database.db.select().from(conversationTurn).where(eq(conversationTurn.conversationId, c.id));
    for (const row of stored) expect(row.content.toString('latin1')).not.toContain('Saturday');
  });

  it('refuses a turn out of order, the wrong kind and a stale version with clear problems', async () => {
    const c = await talking(a, b);
    const outOfOrder = await turn(b.agent, await get(b.agent, c.id), 'message', 'Me first');
    expect(outOfOrder.statusCode).toBe(409);
    expect(outOfOrder.json()).toMatchObject({ type: 'urn:trellis:problem:not-your-turn', title: 'Not your turn yet' });
    const wrongKind = await turn(a.agent, c, 'summary', 'It sounds like…');
    expect(wrongKind.statusCode).toBe(409);
    expect(wrongKind.json()).toMatchObject({ type: 'urn:trellis:problem:wrong-kind', errors: [{ path: 'kind' }] });

    const moved = await okTurn(a.agent, c, 'message', 'First words');
    // Two people pressing at once: the one holding the old version is told the conversation moved on.
    const staleRes = await turn(a.agent, c, 'message', 'Second words');
    expect(staleRes.statusCode).toBe(409);
    expect(staleRes.json()).toMatchObject({ type: 'urn:trellis:problem:stale-version', title: 'The conversation moved on', errors: [{ path: 'version' }] });
    expect((await get(a.agent, c.id)).version).toBe(moved.version);
  });

  it('lets only one of two simultaneous turns win', async () => {
    const c = await talking(a, b);
    const bView = await get(b.agent, c.id);
    const results = await Promise.all([turn(a.agent, c, 'message', 'Mine'), turn(b.agent, bView, 'message', 'Mine too')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await get(a.agent, c.id)).turns).toHaveLength(1);
  });

  it('names the field for empty and oversize text and a bad body, never a 500', async () => {
    const c = await talking(a, b);
    const empty = await turn(a.agent, c, 'message', '   ');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([expect.objectContaining({ path: 'text' })]);
    const huge = await turn(a.agent, c, 'message', 'x'.repeat(4001));
    expect(huge.statusCode).toBe(400);
    expect(huge.json().errors).toEqual([expect.objectContaining({ path: 'text' })]);
    const kind = await a.agent.post(`/api/v1/conversations/${c.id}/turns`, { kind: 'shout', text: 'hi', version: c.version });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().errors[0].path).toBe('kind');
    const limit = await a.agent.post('/api/v1/conversations', { mode: 'couple', timeLimitMinutes: 500 });
    expect(limit.statusCode).toBe(400);
    expect(limit.json().errors[0].path).toBe('timeLimitMinutes');
    const unchecked = await a.agent.post(`/api/v1/conversations/${c.id}/checklist`, { calm: true, phonesAway: false, timeLimit: true });
    expect(unchecked.statusCode).toBe(400);
    expect(unchecked.json().errors[0].path).toBe('phonesAway');
  });

  it('pauses for both for 20 minutes; nobody writes in the break; it ends early only when both are ready', async () => {
    const c = await talking(a, b);
    const paused = (await stepOf(b.agent, c.id, 'pause')).json() as Conv;
    expect(paused.pause).toMatchObject({ by: 'me', readyMe: false, readyPartner: false });
    expect(paused.pause!.leftMs).toBeGreaterThan(PAUSE_MS - 10_000);
    expect(paused.canWrite).toEqual([]);
    const seenByA = await get(a.agent, c.id);
    expect(seenByA.pause).toMatchObject({ by: 'partner' });

    const during = await turn(a.agent, seenByA, 'message', 'Can I just say');
    expect(during.statusCode).toBe(409);
    expect(during.json()).toMatchObject({ type: 'urn:trellis:problem:paused', title: 'You are on a break' });

    const readyA = (await stepOf(a.agent, c.id, 'ready')).json() as Conv;
    expect(readyA.pause).toMatchObject({ readyMe: true, readyPartner: false });
    const readyB = (await stepOf(b.agent, c.id, 'ready')).json() as Conv;
    expect(readyB.pause).toBeNull();
    expect(readyB.canWrite).toEqual([]);
    expect((await get(a.agent, c.id)).canWrite).toEqual(['message']);
    const notPaused = await stepOf(a.agent, c.id, 'ready');
    expect(notPaused.statusCode).toBe(409);
    expect(notPaused.json().type).toBe('urn:trellis:problem:not-paused');
  });

  it('ends a break on its own once its 20 minutes have passed by the server clock', async () => {
    const c = await talking(a, b);
    expect((await stepOf(a.agent, c.id, 'pause')).statusCode).toBe(200);
    await t.ctx.database.db
      .update(conversation)
      .set({ pausedUntil: new Date(Date.now() - 1000) })
      .where(eq(conversation.id, c.id));
    const after = await get(a.agent, c.id);
    expect(after.pause).toBeNull();
    expect(after.canWrite).toEqual(['message']);
    expect((await turn(a.agent, after, 'message', 'Back again')).statusCode).toBe(201);
  });

  it('starts no new round once the agreed time is up (by the server clock), but lets them close', async () => {
    const c = await talking(a, b, 10);
    await t.ctx.database.db
      .update(conversation)
      .set({ turnsStartedAt: new Date(Date.now() - 11 * 60_000) })
      .where(eq(conversation.id, c.id));
    const late = await get(a.agent, c.id);
    expect(late).toMatchObject({ timeLeftMs: 0, canWrite: [] });
    const res = await turn(a.agent, late, 'message', 'One more thing');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ type: 'urn:trellis:problem:time-up', title: 'The time you agreed on is up' });
    expect((await stepOf(a.agent, c.id, 'close')).statusCode).toBe(200);
  });

  it('closes with a commitment made through the commitments feature, seen by both', async () => {
    const c = await talking(a, b);
    const closing = (await stepOf(b.agent, c.id, 'close')).json() as Conv;
    expect(closing.phase).toBe('closing');
    const res = await a.agent.post(`/api/v1/conversations/${c.id}/finish`, {
      outcome: { kind: 'commitment', commitment: { title: 'A walk on Sunday', startDay: today(), timeZone: 'UTC' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const ended = res.json() as Conv;
    expect(ended).toMatchObject({ phase: 'ended', canAct: false, outcome: { kind: 'commitment', id: expect.any(String) } });
    const commitments = (await b.agent.get('/api/v1/commitments?timeZone=UTC')).json() as { items: Array<{ id: string; title: string; maker: string }> };
    expect(commitments.items.find((x) => x.id === ended.outcome!.id)).toMatchObject({ title: 'A walk on Sunday', maker: 'partner' });
    const afterEnd = await stepOf(b.agent, c.id, 'pause');
    expect(afterEnd.statusCode).toBe(409);
  });

  it('closes with an agreement draft, or with nothing; either may leave at any time', async () => {
    const c = await talking(a, b);
    await stepOf(a.agent, c.id, 'close');
    const res = await b.agent.post(`/api/v1/conversations/${c.id}/finish`, {
      outcome: { kind: 'agreement', agreement: { topic: 'phones', title: 'Phones down at dinner', text: 'We both leave phones in the hall.' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const agreementId = (res.json() as Conv).outcome!.id!;
    expect((await a.agent.get(`/api/v1/agreements/${agreementId}`)).statusCode).toBe(200);

    const d = await talking(a, b);
    const left = (await stepOf(b.agent, d.id, 'leave')).json() as Conv;
    expect(left.phase).toBe('ended');
    const tooEarly = await talking(a, b);
    const finish = await a.agent.post(`/api/v1/conversations/${tooEarly.id}/finish`, { outcome: { kind: 'none' } });
    expect(finish.statusCode).toBe(409);
    expect(finish.json().type).toBe('urn:trellis:problem:wrong-phase');
  });

  it('practises alone with an imagined reply, private to me; no partner needed', async () => {
    const solo = await person();
    const c = await start(solo.agent, { mode: 'practice', timeLimitMinutes: 10 });
    expect(c).toMatchObject({ mode: 'practice', checklist: { me: false, partner: null } });
    let s = (await confirm(solo.agent, c.id)).json() as Conv;
    expect(s).toMatchObject({ phase: 'turns', canWrite: ['message'] });
    s = await okTurn(solo.agent, s, 'message', 'I want to talk about chores.');
    expect(s.canWrite).toEqual(['imagined']);
    s = await okTurn(solo.agent, s, 'imagined', 'They might say they had not noticed.');
    expect(s).toMatchObject({ rounds: 1, canWrite: ['message'] });
    expect((await stranger.agent.get(`/api/v1/conversations/${c.id}`)).statusCode).toBe(404);
    expect((await solo.agent.get('/api/v1/conversations')).json()).toMatchObject({ linked: false, items: [{ id: c.id, mode: 'practice' }] });
    await stepOf(solo.agent, c.id, 'close');
    const withCommitment = await solo.agent.post(`/api/v1/conversations/${c.id}/finish`, {
      outcome: { kind: 'commitment', commitment: { title: 'x', startDay: today(), timeZone: 'UTC' } },
    });
    expect(withCommitment.statusCode).toBe(400);
    expect(withCommitment.json().errors[0].path).toBe('outcome.kind');
    const none = await solo.agent.post(`/api/v1/conversations/${c.id}/finish`, { outcome: { kind: 'none' } });
    expect(none.json()).toMatchObject({ phase: 'ended', outcome: { kind: 'none', id: null } });
  });

  it('refuses a conversation together without a partner, and says why', async () => {
    const solo = await person();
    const res = await solo.agent.post('/api/v1/conversations', { mode: 'couple', timeLimitMinutes: 20 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ type: 'urn:trellis:problem:not-linked', errors: [{ path: 'mode' }] });
  });

  it('starts once per Idempotency-Key and adds a turn once per key', async () => {
    const key = { 'idempotency-key': `talk-${Date.now()}` };
    const first = await start(a.agent, { mode: 'couple', timeLimitMinutes: 15 }, key);
    const second = await a.agent.post('/api/v1/conversations', { mode: 'couple', timeLimitMinutes: 15 }, key);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.id);
    await confirm(a.agent, first.id);
    await confirm(b.agent, first.id);
    const c = await get(a.agent, first.id);
    const tkey = { 'idempotency-key': `turn-${Date.now()}` };
    expect((await turn(a.agent, c, 'message', 'Once', tkey)).statusCode).toBe(201);
    const replay = await turn(a.agent, c, 'message', 'Once', tkey);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect((await get(a.agent, c.id)).turns).toHaveLength(1);
  });

  it("sends a live hint to the partner's open page (no words) and nothing to a stranger", async () => {
    const streamB = await openEventStream(url, b.agent);
    const streamS = await openEventStream(url, stranger.agent);
    streams.push(streamB, streamS);
    const c = await start(a.agent);
    expect(await streamB.next()).toMatchObject({ type: 'conversation' });
    await confirm(a.agent, c.id);
    expect(await streamB.next()).toMatchObject({ type: 'conversation' });
    await stepOf(a.agent, c.id, 'leave');
    expect(await streamB.next()).toMatchObject({ type: 'conversation' });
    expect(streamS.events).toEqual([]);
  });

  it('keeps an unlinked couple’s conversation as a read-only archive', async () => {
    const [x, y] = [await person(), await person()];
    const coupleId = await linkForTest(t, x, y);
    const c = await talking(x, y);
    await okTurn(x.agent, c, 'message', 'Something kept');
    await unlinkForTest(t, coupleId);
    const seen = await get(y.agent, c.id);
    expect(seen).toMatchObject({ canAct: false, canWrite: [] });
    expect(seen.turns[0]!.text).toBe('Something kept');
    const pause = await stepOf(x.agent, c.id, 'pause');
    expect(pause.statusCode).toBe(409);
    expect(pause.json().type).toBe('urn:trellis:problem:couple-archived');
    expect((await x.agent.get('/api/v1/conversations')).json()).toMatchObject({ linked: false, items: [{ id: c.id, canAct: false }] });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.agent().get('/api/openapi.json')).json() as { paths: Record<string, Record<string, { summary?: string }>> };
    expect(doc.paths['/api/v1/conversations']?.post?.summary).toMatch(/Start a structured conversation/);
    expect(doc.paths['/api/v1/conversations/{id}/pause']?.post?.summary).toMatch(/20-minute break/);
    expect(doc.paths['/api/v1/apologies']?.post?.summary).toMatch(/apology/);
  });
});
