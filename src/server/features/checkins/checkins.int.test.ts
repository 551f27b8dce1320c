import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { checkin } from '../../db/schema/index.ts';
import type { Actor } from '../../policy/index.ts';
import { linkForTest, unlinkForTest } from '../../testing/couples.ts';
import { createTestApp, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';
import { CheckinService } from './service.ts';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['signUpVerified']>>;
const person = () => t.signUpVerified();
const actorOf = (p: Person): Actor => ({ kind: 'user', userId: p.userId, sessionId: 'test', emailVerified: true });
const todayUtc = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const answerA = { mood: 4, highPoint: 'A slow walk along the canal', heavy: 'Work deadline on my mind', appreciation: 'Thank you for the soup', need: 'An early night together', timeZone: 'UTC' };
const answerB = { mood: 3, highPoint: 'Finished the bookshelf', appreciation: 'You listened on the phone', timeZone: 'UTC' };

describe(`daily check-ins (${engineName()})`, () => {
  let a: Person;
  let b: Person;
  let stranger: Person;
  let coupleId: string;
  beforeAll(async () => {
    [a, b, stranger] = [await person(), await person(), await person()];
    coupleId = await linkForTest(t, a, b);
  });

  it('keeps my answer to myself until my partner answers, then both see both', async () => {
    const before = await b.agent.get('/api/v1/checkins/today?timeZone=UTC');
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ day: todayUtc(), linked: true, mine: null, partner: null, revealed: false });

    const saved = await a.agent.post('/api/v1/checkins', answerA);
    expect(saved.statusCode).toBe(201);
    const body = saved.json();
    expect(body).toMatchObject({ day: todayUtc(), revealed: false, screening: { selfHarm: false, partnerDanger: false } });
    expect(body.answer).toMatchObject({ day: todayUtc(), mood: 4, highPoint: answerA.highPoint, heavy: answerA.heavy, appreciation: answerA.appreciation, need: answerA.need });

    // My partner, not yet answered, learns nothing — the response is the same as before I answered.
    expect((await b.agent.get('/api/v1/checkins/today?timeZone=UTC')).json()).toEqual(before.json());
    const mineOnly = (await a.agent.get('/api/v1/checkins/today?timeZone=UTC')).json();
    expect(mineOnly).toMatchObject({ linked: true, revealed: false, partner: null, mine: body.answer });
    expect((await a.agent.get('/api/v1/checkins')).json().items[0]).toMatchObject({ day: todayUtc(), revealed: false, partner: null, archived: false });

    const second = await b.agent.post('/api/v1/checkins', answerB);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ revealed: true, answer: { mood: 3, highPoint: answerB.highPoint, heavy: '', need: '' } });

    const aToday = (await a.agent.get('/api/v1/checkins/today?timeZone=UTC')).json();
    const bToday = (await b.agent.get('/api/v1/checkins/today?timeZone=UTC')).json();
    expect(aToday).toMatchObject({ revealed: true, mine: body.answer, partner: second.json().answer });
    expect(bToday).toMatchObject({ revealed: true, mine: second.json().answer, partner: body.answer });
    const aList = (await a.agent.get('/api/v1/checkins')).json();
    expect(aList.items[0]).toMatchObject({ revealed: true, archived: false, partner: { highPoint: answerB.highPoint } });
    const consistency = (await a.agent.get('/api/v1/checkins/consistency?timeZone=UTC')).json();
    expect(consistency).toMatchObject({ to: todayUtc(), answered: 1, together: 1 });
    expect(consistency.days).toHaveLength(28);
  });

  it('stores the words only encrypted', async () => {
    const rows = await t.ctx.database.db.select().from(checkin).where(eq(checkin.coupleId, coupleId));
    expect(rows).toHaveLength(2);
    const stored = rows.map((r) => JSON.stringify(r) + r.content.toString('latin1') + r.content.toString('utf8')).join('\n');
    for (const words of ['slow walk', 'deadline', 'soup', 'early night', 'bookshelf', 'listened']) expect(stored).not.toContain(words);
    expect(rows.map((r) => r.mood).sort()).toEqual([3, 4]);
  });

  it('takes one answer a day: a second one is a 409 and changes nothing', async () => {
    const again = await a.agent.post('/api/v1/checkins', { ...answerA, highPoint: 'changed my mind' });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({ type: 'urn:trellis:problem:already-answered', title: 'Already checked in today', status: 409 });
    expect((await b.agent.get('/api/v1/checkins/today?timeZone=UTC')).json().partner.highPoint).toBe(answerA.highPoint);
  });

  it('refuses a check-in when not linked, and shows a stranger nothing of ours', async () => {
    const res = await stranger.agent.post('/api/v1/checkins', answerA);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ type: 'urn:trellis:problem:not-linked', title: 'Not linked with a partner' });
    expect((await stranger.agent.get('/api/v1/checkins/today?timeZone=UTC')).json()).toEqual({ day: todayUtc(), linked: false, mine: null, partner: null, revealed: false });
    expect((await stranger.agent.get('/api/v1/checkins')).json()).toEqual({ items: [], nextCursor: null });
    expect((await stranger.agent.get('/api/v1/checkins/consistency?timeZone=UTC')).json()).toMatchObject({ answered: 0, together: 0 });
  });

  it('names the field for each kind of bad input, never a 500', async () => {
    const [c, d] = [await person(), await person()];
    await linkForTest(t, c, d);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ mood: 0, timeZone: 'UTC' }, 'mood'],
      [{ mood: 6, timeZone: 'UTC' }, 'mood'],
      [{ mood: 2.5, timeZone: 'UTC' }, 'mood'],
      [{ mood: 'fine', timeZone: 'UTC' }, 'mood'],
      [{ timeZone: 'UTC' }, 'mood'],
      [{ mood: 3, need: 'x'.repeat(2001), timeZone: 'UTC' }, 'need'],
      [{ mood: 3, heavy: 42, timeZone: 'UTC' }, 'heavy'],
      [{ mood: 3, timeZone: 'Mars/Base' }, 'timeZone'],
      [{ mood: 3, timeZone: 'UTC', streak: 5 }, 'streak'],
      // No time zone in the profile and none in the request: which day would it be?
      [{ mood: 3 }, 'timeZone'],
    ];
    for (const [body, path] of cases) {
      const res = await c.agent.post('/api/v1/checkins', body);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path), path).toContain(path);
    }
    expect((await c.agent.get('/api/v1/checkins/today?timeZone=UTC')).json().mine).toBeNull();
    expect((await c.agent.get('/api/v1/checkins/today')).statusCode).toBe(400);
    expect((await c.agent.get('/api/v1/checkins?cursor=garbage')).statusCode).toBe(400);
    expect((await c.agent.get('/api/v1/checkins?limit=0')).statusCode).toBe(400);
  });

  it('uses the time zone in my profile when I have chosen one', async () => {
    const [c, d] = [await person(), await person()];
    await linkForTest(t, c, d);
    expect((await c.agent.patch('/api/v1/profile', { timeZone: 'Pacific/Kiritimati' })).statusCode).toBe(200);
    const res = await c.agent.post('/api/v1/checkins', { mood: 5, timeZone: 'Pacific/Pago_Pago' });
    expect(res.statusCode).toBe(201);
    // Kiritimati is UTC+14: its date is today's UTC date or the next one, never Pago Pago's (UTC-11).
    const kiritimati = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Kiritimati' }).format(new Date());
    expect(res.json().day).toBe(kiritimati);
  });

  it('creates once for retries with the same Idempotency-Key', async () => {
    const [c, d] = [await person(), await person()];
    await linkForTest(t, c, d);
    const key = crypto.randomUUID();
    const responses = await Promise.all([1, 2, 3].map(() => c.agent.post('/api/v1/checkins', { mood: 2, timeZone: 'UTC' }, { 'idempotency-key': key })));
    for (const r of responses) expect(r.statusCode).toBe(201);
    expect(new Set(responses.map((r) => r.json().answer.id)).size).toBe(1);
    expect((await c.agent.get('/api/v1/checkins')).json().items).toHaveLength(1);
  });

  it('screens the words for crisis language and still saves', async () => {
    const [c, d] = [await person(), await person()];
    await linkForTest(t, c, d);
    const res = await c.agent.post('/api/v1/checkins', { mood: 1, heavy: 'I want to kill myself.', timeZone: 'UTC' });
    expect(res.statusCode).toBe(201);
    expect(res.json().screening).toEqual({ selfHarm: true, partnerDanger: false });
    const ok = await d.agent.post('/api/v1/checkins', { mood: 3, highPoint: 'This heat is killing me, honestly.', timeZone: 'UTC' });
    expect(ok.json().screening).toEqual({ selfHarm: false, partnerDanger: false });
  });

  it('answers the signed-out with 401 for every operation', async () => {
    const anon = t.agent();
    expect((await anon.post('/api/v1/checkins', answerA)).statusCode).toBe(401);
    expect((await anon.get('/api/v1/checkins/today?timeZone=UTC')).statusCode).toBe(401);
    expect((await anon.get('/api/v1/checkins')).statusCode).toBe(401);
    expect((await anon.get('/api/v1/checkins/consistency?timeZone=UTC')).statusCode).toBe(401);
  });

  it('after unlinking: both keep the archive read-only, nothing new is added, a later partner sees none of it', async () => {
    await unlinkForTest(t, coupleId);
    for (const p of [a, b]) {
      const list = (await p.agent.get('/api/v1/checkins')).json();
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({ archived: true, revealed: true });
      expect(list.items[0].partner.highPoint).toBe(p === a ? answerB.highPoint : answerA.highPoint);
      const res = await p.agent.post('/api/v1/checkins', { mood: 3, timeZone: 'UTC' });
      expect(res.statusCode).toBe(409);
      expect(res.json().type).toBe('urn:trellis:problem:not-linked');
      expect((await p.agent.get('/api/v1/checkins/today?timeZone=UTC')).json()).toMatchObject({ linked: false, mine: null, partner: null });
    }
    // a links with someone new: that person never sees the earlier couple's days.
    const later = await person();
    await linkForTest(t, a, later);
    expect((await later.agent.post('/api/v1/checkins', { mood: 4, highPoint: 'new start', timeZone: 'UTC' })).json().revealed).toBe(false);
    expect((await later.agent.get('/api/v1/checkins')).json().items[0].partner).toBeNull();
    const fresh = await a.agent.post('/api/v1/checkins', { mood: 4, timeZone: 'UTC' });
    expect(fresh.statusCode).toBe(201);
    expect(fresh.json().revealed).toBe(true);
    const laterToday = (await later.agent.get('/api/v1/checkins/today?timeZone=UTC')).json();
    expect(laterToday.partner.id).toBe(fresh.json().answer.id);
    expect(JSON.stringify((await later.agent.get('/api/v1/checkins')).json())).not.toContain(answerA.highPoint);
    const aList = (await a.agent.get('/api/v1/checkins')).json().items;
    expect(aList.map((d: { archived: boolean }) => d.archived)).toEqual([false, true]);
  });
});

describe(`days, time zones and paging (${engineName()})`, () => {
  const at = (iso: string) => {
    const ms = Date.parse(iso);
    return new CheckinService(t.ctx.database.db, t.ctx.policy, t.ctx.dataKeys, t.ctx.services.profile, () => ms);
  };

  it('reveals by each partner’s own calendar date: Los Angeles and Auckland', async () => {
    const [la, akl] = [await person(), await person()];
    await linkForTest(t, la, akl);
    // 2026-12-02T04:00Z is the evening of 1 December in Los Angeles, but 2 December in Auckland.
    const evening = at('2026-12-02T04:00:00Z');
    const mine = await evening.answer(actorOf(la), { mood: 4 }, await evening.dayFor(actorOf(la), 'America/Los_Angeles'));
    expect(mine.day).toBe('2026-12-01');
    const theirs = await evening.answer(actorOf(akl), { mood: 2 }, await evening.dayFor(actorOf(akl), 'Pacific/Auckland'));
    expect(theirs).toMatchObject({ day: '2026-12-02', revealed: false });
    expect((await evening.today(actorOf(la), 'America/Los_Angeles')).partner).toBeNull();

    // Auckland's own 1 December (hours earlier in absolute time) is the same date: revealed.
    const aucklandDec1 = at('2026-11-30T20:00:00Z');
    const earlier = await aucklandDec1.answer(actorOf(akl), { mood: 5, highPoint: 'Sunny lunch' }, await aucklandDec1.dayFor(actorOf(akl), 'Pacific/Auckland'));
    expect(earlier).toMatchObject({ day: '2026-12-01', revealed: true });
    const laToday = await evening.today(actorOf(la), 'America/Los_Angeles');
    expect(laToday).toMatchObject({ day: '2026-12-01', revealed: true, partner: { highPoint: 'Sunny lunch', mood: 5 } });
  });

  it('pages through days newest first and counts the last 28 days gently', async () => {
    const [f, g] = [await person(), await person()];
    await linkForTest(t, f, g);
    for (let i = 1; i <= 5; i++) {
      const svc = at(`2026-11-${String(20 + i).padStart(2, '0')}T12:00:00Z`);
      await svc.answer(actorOf(f), { mood: i, highPoint: `day ${i}` }, await svc.dayFor(actorOf(f), 'UTC'));
      if (i % 2 === 1) await svc.answer(actorOf(g), { mood: 3 }, await svc.dayFor(actorOf(g), 'UTC'));
    }
    const seen: Array<{ day: string; revealed: boolean; mine: { highPoint: string } }> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await f.agent.get(`/api/v1/checkins?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items);
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((d) => d.day)).toEqual(['2026-11-25', '2026-11-24', '2026-11-23', '2026-11-22', '2026-11-21']);
    expect(seen.map((d) => d.revealed)).toEqual([true, false, true, false, true]);
    expect(seen[0]!.mine.highPoint).toBe('day 5');

    const view = await at('2026-12-01T12:00:00Z').consistency(actorOf(f), 'UTC');
    expect(view).toMatchObject({ from: '2026-11-04', to: '2026-12-01', answered: 5, together: 3 });
    expect(view.days.find((d) => d.day === '2026-11-24')).toEqual({ day: '2026-11-24', mine: true, both: false });
    const later = await at('2026-12-20T12:00:00Z').consistency(actorOf(f), 'UTC');
    expect(later).toMatchObject({ from: '2026-11-23', answered: 3, together: 2 });
  });
});

describe(`policy for check-ins: me, partner, former partner, stranger, signed out (${engineName()})`, () => {
  it('decides every read and write', async () => {
    const [me, partner, former, stranger] = [await person(), await person(), await person(), await person()];
    const oldCouple = await linkForTest(t, me, former);
    await unlinkForTest(t, oldCouple);
    const coupleId = await linkForTest(t, me, partner);
    const policy = t.ctx.policy;
    const anon: Actor = { kind: 'anonymous' };

    const hidden = { ownerId: me.userId, coupleId, revealed: false };
    const revealed = { ownerId: me.userId, coupleId, revealed: true };
    const archived = { ownerId: me.userId, coupleId: oldCouple, revealed: true };
    const archivedHidden = { ownerId: me.userId, coupleId: oldCouple, revealed: false };
    const can = (who: Actor, ref: typeof hidden) => policy.checkins.canRead(who, ref);

    // Reading an answer.
    expect(await Promise.all([hidden, revealed, archived, archivedHidden].map((r) => can(actorOf(me), r)))).toEqual([true, true, true, true]);
    expect(await Promise.all([hidden, revealed, archived, archivedHidden].map((r) => can(actorOf(partner), r)))).toEqual([false, true, false, false]);
    expect(await Promise.all([hidden, revealed, archived, archivedHidden].map((r) => can(actorOf(former), r)))).toEqual([false, false, true, false]);
    expect(await Promise.all([hidden, revealed, archived, archivedHidden].map((r) => can(actorOf(stranger), r)))).toEqual([false, false, false, false]);
    expect(await can(anon, revealed)).toBe(false);
    await expect(policy.checkins.read(actorOf(stranger), revealed)).rejects.toMatchObject({ status: 404 });
    await expect(policy.checkins.read(actorOf(partner), hidden)).rejects.toMatchObject({ status: 404 });
    await expect(policy.checkins.read(anon, revealed)).rejects.toMatchObject({ status: 401 });
    await expect(policy.checkins.read(actorOf(partner), revealed)).resolves.toBeUndefined();

    // Writing an answer: only my own, only into my active couple.
    await expect(policy.checkins.write(actorOf(me), { ownerId: me.userId, coupleId })).resolves.toBeUndefined();
    await expect(policy.checkins.write(actorOf(me), { ownerId: me.userId, coupleId: oldCouple })).rejects.toMatchObject({ status: 404 });
    await expect(policy.checkins.write(actorOf(partner), { ownerId: me.userId, coupleId })).rejects.toMatchObject({ status: 404 });
    await expect(policy.checkins.write(actorOf(former), { ownerId: former.userId, coupleId: oldCouple })).rejects.toMatchObject({ status: 404 });
    await expect(policy.checkins.write(actorOf(stranger), { ownerId: stranger.userId, coupleId })).rejects.toMatchObject({ status: 404 });
    await expect(policy.checkins.write(anon, { ownerId: me.userId, coupleId })).rejects.toMatchObject({ status: 401 });
  });
});
