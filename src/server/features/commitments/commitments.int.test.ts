import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addDays, localDay } from '../../../core/couple/commitments.ts';
import { commitment, commitmentOccurrence } from '../../db/schema/index.ts';
import type { Actor } from '../../policy/index.ts';
import { linkForTest, unlinkForTest } from '../../testing/couples.ts';
import { createTestApp, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['signUpVerified']>>;
const person = () => t.signUpVerified();
const actorOf = (p: Person): Actor => ({ kind: 'user', userId: p.userId, sessionId: 'test', emailVerified: true });
const today = () => localDay(Date.now(), 'UTC');
const put = (agent: Agent, url: string, body: unknown) => agent.request({ method: 'PUT', url, payload: body as object });
const mark = (agent: Agent, id: string, day: string, outcome: 'kept' | 'missed', timeZone = 'UTC') =>
  put(agent, `/api/v1/commitments/${id}/occurrences/${day}`, { outcome, timeZone });
const propose = (agent: Agent, body: Record<string, unknown>, headers?: Record<string, string>) =>
  agent.post('/api/v1/commitments', { startDay: today(), timeZone: 'UTC', ...body }, headers);
const list = async (agent: Agent) => {
  const res = await agent.get('/api/v1/commitments?timeZone=UTC');
  expect(res.statusCode).toBe(200);
  return res.json() as { linked: boolean; items: Array<Record<string, unknown> & { id: string; record: Record<string, number> }> };
};
/** Moves a commitment's start into the past (the API only accepts today or later). */
const startedDaysAgo = (id: string, days: number) => t.ctx.database.db.update(commitment).set({ startDay: addDays(today(), -days) }).where(eq(commitment.id, id));

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`commitments (${engineName()})`, () => {
  let a: Person;
  let b: Person;
  let stranger: Person;
  beforeAll(async () => {
    [a, b, stranger] = [await person(), await person(), await person()];
    await linkForTest(t, a, b);
  });

  it('proposes a commitment I make, seen by both, its words stored only encrypted; a retry creates nothing', async () => {
    const key = { 'idempotency-key': 'commit-1' };
    const res = await propose(a.agent, { title: 'Phone away at dinner', details: 'Face down in the hall drawer', recurrence: 'RRULE:freq=daily' }, key);
    expect(res.statusCode).toBe(201);
    const { commitment: c, screening } = res.json();
    expect(screening).toEqual({ selfHarm: false, partnerDanger: false });
    expect(c).toMatchObject({
      maker: 'me',
      status: 'active',
      title: 'Phone away at dinner',
      details: 'Face down in the hall drawer',
      startDay: today(),
      recurrence: 'FREQ=DAILY',
      canChange: true,
      replacedBy: null,
      replaces: null,
      today: { day: today(), due: true, outcome: null },
      nextDue: [today(), addDays(today(), 1), addDays(today(), 2)],
      record: { days: 30, due: 1, kept: 0, missed: 0, unmarked: 1 },
    });
    expect(c.weeks).toHaveLength(8);

    const again = await propose(a.agent, { title: 'Phone away at dinner', details: 'Face down in the hall drawer', recurrence: 'RRULE:freq=daily' }, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().commitment.id).toBe(c.id);

    const [row] = await t.ctx.database.db.select().from(commitment).where(eq(commitment.id, c.id));
    const stored = JSON.stringify(row) + row!.content.toString('latin1');
    for (const words of ['Phone away', 'dinner', 'hall drawer']) expect(stored).not.toContain(words);

    const seenByB = (await list(b.agent)).items.find((i) => i.id === c.id);
    expect(seenByB).toMatchObject({ maker: 'partner', title: 'Phone away at dinner', canChange: false });
    expect((await list(a.agent)).items.filter((i) => i.id === c.id)).toHaveLength(1);
    expect((await list(stranger.agent)).items).toEqual([]);
  });

  it('marks today kept, and the partner sees "kept 1 of 1"; the partner and a stranger cannot mark, renegotiate or end it', async () => {
    const c = (await propose(a.agent, { title: 'Say goodnight before bed', recurrence: 'FREQ=DAILY' })).json().commitment;
    const kept = await mark(a.agent, c.id, today(), 'kept');
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({ day: today(), outcome: 'kept', repair: false, commitment: { today: { outcome: 'kept' }, record: { due: 1, kept: 1 } } });
    expect((await list(b.agent)).items.find((i) => i.id === c.id)?.record).toMatchObject({ due: 1, kept: 1, missed: 0, unmarked: 0 });

    for (const who of [b, stranger]) {
      expect((await mark(who.agent, c.id, today(), 'missed')).statusCode).toBe(404);
      expect((await who.agent.post(`/api/v1/commitments/${c.id}/renegotiate`, { title: 'Changed', timeZone: 'UTC' })).statusCode).toBe(404);
      expect((await who.agent.post(`/api/v1/commitments/${c.id}/end`, { timeZone: 'UTC' })).statusCode).toBe(404);
    }
    // Unchanged by their attempts.
    expect((await list(a.agent)).items.find((i) => i.id === c.id)).toMatchObject({ status: 'active', record: { kept: 1, missed: 0 } });

    const anon = t.agent();
    expect((await anon.get('/api/v1/commitments')).statusCode).toBe(401);
    expect((await anon.post('/api/v1/commitments', { title: 'x', startDay: today(), timeZone: 'UTC' })).statusCode).toBe(401);
    expect((await mark(anon, c.id, today(), 'kept')).statusCode).toBe(401);
    expect((await anon.post(`/api/v1/commitments/${c.id}/renegotiate`, { timeZone: 'UTC' })).statusCode).toBe(401);
    expect((await anon.post(`/api/v1/commitments/${c.id}/end`, { timeZone: 'UTC' })).statusCode).toBe(401);
    // A commitment that does not exist answers like someone else's.
    expect((await mark(a.agent, '01900000-0000-7000-8000-000000000000', today(), 'kept')).statusCode).toBe(404);
  });

  it('a miss offers a repair prompt; a re-mark replaces the outcome; counts over the last 30 days', async () => {
    const c = (await propose(a.agent, { title: 'Walk together', recurrence: 'FREQ=DAILY' })).json().commitment;
    await startedDaysAgo(c.id, 40);
    for (let i = 0; i < 30; i++) expect((await mark(a.agent, c.id, addDays(today(), -i), i === 3 || i === 9 ? 'missed' : 'kept')).statusCode).toBe(200);
    const missed = await mark(a.agent, c.id, addDays(today(), -12), 'missed');
    expect(missed.json()).toMatchObject({ outcome: 'missed', repair: true });
    const remarked = await mark(a.agent, c.id, addDays(today(), -12), 'kept');
    expect(remarked.json().commitment.record).toEqual({ days: 30, from: addDays(today(), -29), to: today(), due: 30, kept: 28, missed: 2, unmarked: 0 });
    const rows = await t.ctx.database.db.select().from(commitmentOccurrence).where(eq(commitmentOccurrence.commitmentId, c.id));
    expect(rows).toHaveLength(30);
    expect(remarked.json().commitment.recent[0]).toEqual({ day: today(), outcome: 'kept' });
  });

  it('refuses a future day, a day it is not due, and days are counted in the maker’s time zone', async () => {
    const c = (await propose(a.agent, { title: 'Weekend breakfast', recurrence: 'FREQ=WEEKLY;BYDAY=SA' })).json().commitment;
    await startedDaysAgo(c.id, 14);
    const future = await mark(a.agent, c.id, addDays(today(), 7), 'kept');
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ type: 'urn:trellis:problem:day-in-future', title: 'That day has not come yet', errors: [{ path: 'day' }] });
    const lastSaturday = [1, 2, 3, 4, 5, 6, 7].map((i) => addDays(today(), -i)).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6)!;
    const notDue = await mark(a.agent, c.id, addDays(lastSaturday, -1), 'kept');
    expect(notDue.statusCode).toBe(400);
    expect(notDue.json()).toMatchObject({ type: 'urn:trellis:problem:not-due', errors: [{ path: 'day' }] });
    expect((await mark(a.agent, c.id, lastSaturday, 'kept')).statusCode).toBe(200);
    expect((await mark(a.agent, c.id, '2026-02-30', 'kept')).json()).toMatchObject({ status: 400, errors: [{ path: 'day' }] });

    // Kiritimati (UTC+14) is always a calendar day ahead of Pago Pago (UTC−11).
    const kiritimatiToday = localDay(Date.now(), 'Pacific/Kiritimati');
    const ahead = (await propose(a.agent, { title: 'Call my sister', startDay: kiritimatiToday, timeZone: 'Pacific/Kiritimati' })).json().commitment;
    expect(ahead.recurrence).toBeNull();
    expect((await mark(a.agent, ahead.id, kiritimatiToday, 'kept', 'Pacific/Pago_Pago')).json().type).toBe('urn:trellis:problem:day-in-future');
    expect((await mark(a.agent, ahead.id, kiritimatiToday, 'kept', 'Pacific/Kiritimati')).statusCode).toBe(200);
  });

  it('answers bad input with problems naming the field, never a 500', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: 'x', recurrence: 'FREQ=MONTHLY' }, 'recurrence'],
      [{ title: 'x', recurrence: 'FREQ=DAILY;UNTIL=20200101' }, 'recurrence'],
      [{ title: '   ' }, 'title'],
      [{ title: 'x', startDay: addDays(today(), -2) }, 'startDay'],
      [{ title: 'x', startDay: '2026-13-01' }, 'startDay'],
      [{ title: 'x', startDay: addDays(today(), 400) }, 'startDay'],
      [{ title: 'x', timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ title: 'x', maker: b.userId }, 'maker'],
    ];
    for (const [body, path] of cases) {
      const res = await propose(a.agent, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const noZone = await a.agent.post('/api/v1/commitments', { title: 'x', startDay: today() });
    expect(noZone.json()).toMatchObject({ status: 400, type: 'urn:trellis:problem:time-zone-needed', errors: [{ path: 'timeZone' }] });
    expect((await mark(a.agent, 'not-a-uuid', today(), 'kept')).json().errors[0].path).toBe('id');
    const c = (await propose(a.agent, { title: 'x' })).json().commitment;
    expect((await put(a.agent, `/api/v1/commitments/${c.id}/occurrences/${today()}`, { outcome: 'sort-of', timeZone: 'UTC' })).json().errors[0].path).toBe('outcome');
  });

  it('screens the words for crisis language without blocking the save', async () => {
    const res = await propose(a.agent, { title: 'Stay calm', details: 'He threatened to hurt me if I leave.' });
    expect(res.statusCode).toBe(201);
    expect(res.json().screening.partnerDanger).toBe(true);
  });

  it('renegotiates instead of dropping: the old version points at the new one and can no longer be marked', async () => {
    const old = (await propose(a.agent, { title: 'Text when running late', details: 'Before 6pm', recurrence: 'FREQ=DAILY' })).json().commitment;
    await startedDaysAgo(old.id, 5);
    expect((await mark(a.agent, old.id, addDays(today(), -1), 'kept')).statusCode).toBe(200);
    const res = await a.agent.post(`/api/v1/commitments/${old.id}/renegotiate`, { recurrence: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', timeZone: 'UTC' });
    expect(res.statusCode).toBe(201);
    const next = res.json().commitment;
    expect(next).toMatchObject({ title: 'Text when running late', details: 'Before 6pm', recurrence: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', startDay: today(), replaces: old.id, status: 'active' });

    const seen = (await list(b.agent)).items;
    expect(seen.find((i) => i.id === old.id)).toMatchObject({ status: 'renegotiated', replacedBy: next.id, record: { kept: 1 } });
    expect(seen.find((i) => i.id === next.id)).toMatchObject({ status: 'active', maker: 'partner' });
    const stale = await mark(a.agent, old.id, addDays(today(), -2), 'kept');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().type).toBe('urn:trellis:problem:commitment-not-active');
    expect((await a.agent.post(`/api/v1/commitments/${old.id}/renegotiate`, { title: 'again', timeZone: 'UTC' })).statusCode).toBe(409);
  });

  it('ends a commitment: both still see it, as ended; it can no longer be marked', async () => {
    const c = (await propose(a.agent, { title: 'Plan a date night', recurrence: 'FREQ=WEEKLY' })).json().commitment;
    const ended = await a.agent.post(`/api/v1/commitments/${c.id}/end`, { timeZone: 'UTC' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', canChange: false, nextDue: [] });
    expect((await list(b.agent)).items.find((i) => i.id === c.id)).toMatchObject({ status: 'ended', title: 'Plan a date night' });
    expect((await mark(a.agent, c.id, today(), 'kept')).statusCode).toBe(409);
    expect((await a.agent.post(`/api/v1/commitments/${c.id}/end`, { timeZone: 'UTC' })).statusCode).toBe(409);
    // Ending needs no body at all.
    const other = (await propose(a.agent, { title: 'Another' })).json().commitment;
    const bare = await a.agent.post(`/api/v1/commitments/${other.id}/end`);
    expect(bare.json()).toMatchObject({ id: other.id, status: 'ended' });
  });
});

describe(`commitments without a couple, and after unlinking (${engineName()})`, () => {
  it('needs an active couple to propose', async () => {
    const alone = await person();
    const res = await propose(alone.agent, { title: 'Drink more water' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ type: 'urn:trellis:problem:not-linked', title: 'Not linked with a partner' });
    expect(await list(alone.agent)).toEqual({ linked: false, items: [] });
  });

  it('after unlinking both keep a read-only archive, and a later partner never sees it', async () => {
    const [a, b, later] = [await person(), await person(), await person()];
    const coupleId = await linkForTest(t, a, b);
    const mine = (await propose(a.agent, { title: 'Ask before borrowing the car', recurrence: 'FREQ=DAILY' })).json().commitment;
    const theirs = (await propose(b.agent, { title: 'Cook on Sundays', recurrence: 'FREQ=WEEKLY;BYDAY=SU' })).json().commitment;
    expect((await mark(a.agent, mine.id, today(), 'kept')).statusCode).toBe(200);
    await unlinkForTest(t, coupleId);

    for (const who of [a, b]) {
      const seen = await list(who.agent);
      expect(seen.linked).toBe(false);
      expect(seen.items.map((i) => i.id).sort()).toEqual([mine.id, theirs.id].sort());
      expect(seen.items.every((i) => i.canChange === false)).toBe(true);
    }
    const archived = await mark(a.agent, mine.id, today(), 'missed');
    expect(archived.statusCode).toBe(409);
    expect(archived.json().type).toBe('urn:trellis:problem:couple-archived');
    expect((await a.agent.post(`/api/v1/commitments/${mine.id}/end`, { timeZone: 'UTC' })).statusCode).toBe(409);
    expect((await a.agent.post(`/api/v1/commitments/${mine.id}/renegotiate`, { title: 'x', timeZone: 'UTC' })).statusCode).toBe(409);
    // The former partner: not theirs to change (404).
    expect((await mark(b.agent, mine.id, today(), 'missed')).statusCode).toBe(404);
    expect((await b.agent.post(`/api/v1/commitments/${mine.id}/end`, { timeZone: 'UTC' })).statusCode).toBe(404);
    expect((await propose(a.agent, { title: 'New one' })).json().type).toBe('urn:trellis:problem:not-linked');
    expect((await list(a.agent)).items.find((i) => i.id === mine.id)).toMatchObject({ record: { kept: 1 } });

    await linkForTest(t, a, later);
    const laterSees = await list(later.agent);
    expect(laterSees.items).toEqual([]);
    const aSees = await list(a.agent);
    expect(aSees.linked).toBe(true);
    expect(aSees.items.map((i) => i.id)).toContain(mine.id);
    expect(aSees.items.find((i) => i.id === mine.id)?.canChange).toBe(false);
  });
});

describe(`policy for commitments: me, partner, former partner, stranger, signed out (${engineName()})`, () => {
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

    // Read.
    await expect(policy.commitments.read(actorOf(me), mine)).resolves.toBeUndefined();
    await expect(policy.commitments.read(actorOf(partner), mine)).resolves.toBeUndefined();
    await expect(policy.commitments.read(actorOf(former), archived)).resolves.toBeUndefined();
    await expect(policy.commitments.read(actorOf(me), formersOwn)).resolves.toBeUndefined();
    await expect(policy.commitments.read(actorOf(former), mine)).rejects.toMatchObject({ status: 404 });
    await expect(policy.commitments.read(actorOf(partner), archived)).rejects.toMatchObject({ status: 404 });
    await expect(policy.commitments.read(actorOf(stranger), mine)).rejects.toMatchObject({ status: 404 });
    await expect(policy.commitments.read(anon, mine)).rejects.toMatchObject({ status: 401 });

    // Create and update (propose, mark, renegotiate, end): the maker only, in a linked couple only.
    for (const op of ['create', 'update'] as const) {
      await expect(policy.commitments[op](actorOf(me), mine)).resolves.toBeUndefined();
      await expect(policy.commitments[op](actorOf(partner), mine)).rejects.toMatchObject({ status: 404 });
      await expect(policy.commitments[op](actorOf(me), archived)).rejects.toMatchObject({ status: 409, slug: 'couple-archived' });
      await expect(policy.commitments[op](actorOf(former), formersOwn)).rejects.toMatchObject({ status: 409 });
      await expect(policy.commitments[op](actorOf(former), archived)).rejects.toMatchObject({ status: 404 });
      await expect(policy.commitments[op](actorOf(stranger), mine)).rejects.toMatchObject({ status: 404 });
      await expect(policy.commitments[op](anon, mine)).rejects.toMatchObject({ status: 401 });
    }
    expect(await policy.commitments.canUpdate(actorOf(me), mine)).toBe(true);
    expect(await policy.commitments.canUpdate(actorOf(me), archived)).toBe(false);
    expect(await policy.commitments.canUpdate(actorOf(partner), mine)).toBe(false);

    // The couples whose commitments I may list.
    expect((await policy.commitments.couples(actorOf(me))).map((c) => [c.coupleId, c.active]).sort()).toEqual([[coupleId, true], [oldCouple, false]].sort());
    expect(await policy.commitments.couples(actorOf(stranger))).toEqual([]);
    await expect(policy.commitments.couples(anon)).rejects.toMatchObject({ status: 401 });
  });
});
