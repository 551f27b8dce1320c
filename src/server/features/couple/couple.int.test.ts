import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';
import { couple, coupleInvite, coupleMember, idempotencyKey } from '../../db/schema/index.ts';
import { normaliseInviteCode } from '../../../core/couple/invite-code.ts';
import { hashInviteCode } from './invite-hash.ts';
import { coupleRepo } from './repo.ts';
import { isUniqueViolation } from './service.ts';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['signUpVerified']>>;
const person = (name: string): Promise<Person> => t.signUpVerified({ name });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const status = async (a: Agent) => (await a.get('/api/v1/couple')).json();
const invite = (a: Agent, headers?: Record<string, string>) => a.post('/api/v1/couple/invites', undefined, headers);
const join = (a: Agent, code: string) => a.post('/api/v1/couple/join', { code });
const unlink = (a: Agent) => a.post('/api/v1/couple/unlink');
const withdraw = (a: Agent) => a.request({ method: 'DELETE', url: '/api/v1/couple/invites/current' });

/** Links two new people through the API; returns both and the couple id. */
async function linkedPair(aName = 'Avery', bName = 'Blake') {
  const a = await person(aName);
  const b = await person(bName);
  const code = (await invite(a.agent)).json().code as string;
  const joined = await join(b.agent, code);
  expect(joined.statusCode).toBe(201);
  return { a, b, coupleId: joined.json().coupleId as string };
}

function expectProblem(res: { statusCode: number; json(): unknown }, statusCode: number, slug: string) {
  expect(res.statusCode).toBe(statusCode);
  expect(res.json()).toMatchObject({ status: statusCode, type: `urn:trellis:problem:${slug}` });
  expect((res.json() as { title: string }).title.length).toBeGreaterThan(3);
}

describe(`linking two accounts (${engineName()})`, () => {
  it('invites, joins, shows both linked, unlinks alone, and keeps the past couple for both', async () => {
    const a = await person('Avery');
    const b = await person('Blake');
    expect(await status(a.agent)).toEqual({ status: 'single', past: [] });

    const inv = await invite(a.agent);
    expect(inv.statusCode).toBe(201);
    const { code, link, expiresAt } = inv.json();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(link).toBe(`http://localhost:3000/couple/join?code=${code}`);
    const hours = (new Date(expiresAt).getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    // My status shows the pending invitation, never its code.
    const pending = await status(a.agent);
    expect(pending).toEqual({ status: 'single', invite: { expiresAt }, past: [] });

    // Only the hash is stored.
    const rows = await t.ctx.database.db.select().from(coupleInvite).where(eq(coupleInvite.inviterId, a.userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.codeHash).toBe(hashInviteCode(normaliseInviteCode(code)!));
    expect(JSON.stringify(rows)).not.toContain(code.replace('-', ''));

    // Typed sloppily, it still works.
    const joined = await join(b.agent, ` ${code.toLowerCase().replace('-', ' ')} `);
    expect(joined.statusCode).toBe(201);
    const coupleId = joined.json().coupleId;
    expect(joined.json()).toMatchObject({ status: 'linked', partner: { displayName: 'Avery' }, past: [] });
    const aLinked = await status(a.agent);
    expect(aLinked).toEqual({ status: 'linked', coupleId, partner: { displayName: 'Blake' }, linkedAt: aLinked.linkedAt, past: [] });
    expect(Math.abs(new Date(aLinked.linkedAt).getTime() - Date.now())).toBeLessThan(60_000);
    const [used] = await t.ctx.database.db.select().from(coupleInvite).where(eq(coupleInvite.inviterId, a.userId));
    expect(used!.usedAt).not.toBeNull();

    // B unlinks alone; A learns only that it ended.
    const ended = await unlink(b.agent);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'single', past: [{ coupleId }] });
    const aAfter = await status(a.agent);
    expect(aAfter).toEqual({ status: 'single', past: [{ coupleId, linkedAt: aLinked.linkedAt, unlinkedAt: aAfter.past[0].unlinkedAt }] });
    expect(aAfter.partner).toBeUndefined();
    expect(await t.ctx.policy.couple.active({ kind: 'user', userId: a.userId, sessionId: 's', emailVerified: true })).toBeUndefined();

    // After unlinking, a new invitation works (and so does linking again, with anyone).
    const again = await invite(a.agent);
    expect(again.statusCode).toBe(201);
    const relinked = await join(b.agent, again.json().code);
    expect(relinked.statusCode).toBe(201);
    expect(relinked.json().coupleId).not.toBe(coupleId);
    expect(relinked.json().past).toHaveLength(1);
  });

  it('refuses an unknown, malformed, used, withdrawn, expired or own code with clear problems', async () => {
    const a = await person('Avery');
    const b = await person('Blake');
    const c = await person('Casey');

    expectProblem(await join(b.agent, 'ZZZZZ-ZZZZZ'), 404, 'invite-not-found');
    const malformed = await join(b.agent, 'not a code');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors).toEqual([expect.objectContaining({ path: 'code' })]);
    const missing = await b.agent.post('/api/v1/couple/join', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('code');
    const extra = await b.agent.post('/api/v1/couple/join', { code: 'ZZZZZ-ZZZZZ', partner: 'x' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0].path).toBe('partner');
    expect((await b.agent.post('/api/v1/couple/join', { code: 42 })).statusCode).toBe(400);

    const own = (await invite(a.agent)).json().code;
    expectProblem(await join(a.agent, own), 409, 'invite-self');

    // A new invitation replaces the previous one, which can no longer be used.
    const replacement = (await invite(a.agent)).json().code;
    expectProblem(await join(b.agent, own), 409, 'invite-used');

    // Withdrawn.
    expect((await withdraw(a.agent)).statusCode).toBe(204);
    expect(await status(a.agent)).toEqual({ status: 'single', past: [] });
    expectProblem(await join(b.agent, replacement), 409, 'invite-used');
    expectProblem(await withdraw(a.agent), 404, 'no-pending-invite');

    // Expired.
    const late = (await invite(a.agent)).json().code;
    await t.ctx.database.db
      .update(coupleInvite)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(coupleInvite.codeHash, hashInviteCode(normaliseInviteCode(late)!)));
    expectProblem(await join(b.agent, late), 410, 'invite-expired');
    expect((await status(a.agent)).invite).toBeUndefined();

    // Used: once B joined, C cannot use the same code.
    const good = (await invite(a.agent)).json().code;
    expect((await join(b.agent, good)).statusCode).toBe(201);
    expectProblem(await join(c.agent, good), 409, 'invite-used');
  });

  it('allows one active couple per person: no inviting or joining while linked', async () => {
    const { a, b } = await linkedPair();
    const c = await person('Casey');
    expectProblem(await invite(a.agent), 409, 'already-linked');
    expectProblem(await invite(b.agent), 409, 'already-linked');
    const cCode = (await invite(c.agent)).json().code;
    expectProblem(await join(a.agent, cCode), 409, 'already-linked');
    expectProblem(await unlink(c.agent), 409, 'not-linked');
    expect((await status(c.agent)).status).toBe('single');
    // The database enforces it too, whatever the service does.
    const direct = coupleRepo.link(t.ctx.database.db, a.userId, c.userId).then(
      () => 'linked',
      (err: unknown) => (isUniqueViolation(err) ? 'unique-violation' : 'other'),
    );
    expect(await direct).toBe('unique-violation');
    expect((await status(c.agent)).status).toBe('single');
  });

  it('links exactly one couple when two people race to join one code', async () => {
    const a = await person('Avery');
    const [b, c] = await Promise.all([person('Blake'), person('Casey')]);
    const code = (await invite(a.agent)).json().code;
    const results = await Promise.all([join(b.agent, code), join(c.agent, code)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(loser.json().type).toMatch(/invite-used|already-linked/);
    const memberships = await t.ctx.database.db.select().from(coupleMember).where(eq(coupleMember.userId, a.userId));
    expect(memberships).toHaveLength(1);
    const statuses = [await status(b.agent), await status(c.agent)].map((s) => s.status).sort();
    expect(statuses).toEqual(['linked', 'single']);
  });

  it('links one couple when a person joins while someone joins their own code at the same moment', async () => {
    // Several rounds: on PostgreSQL the two transactions interleave differently each time, and an
    // unlucky order once deadlocked (a 500) before both people's rows were locked up front.
    for (let round = 0; round < 6; round++) {
      const [a, b, c] = await Promise.all([person('Avery'), person('Blake'), person('Casey')]);
      const aCode = (await invite(a.agent)).json().code;
      const cCode = (await invite(c.agent)).json().code;
      // B joins A's code while A joins C's code: A may end up in only one couple.
      const results = await Promise.all([join(b.agent, aCode), join(a.agent, cCode)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const active = await t.ctx.database.db.select().from(coupleMember).where(eq(coupleMember.userId, a.userId));
      expect(active.filter((m) => m.leftAt === null)).toHaveLength(1);
    }
  });

  it('replays an invitation for the same Idempotency-Key without storing its code readable', async () => {
    const a = await person('Avery');
    const first = await invite(a.agent, { 'idempotency-key': 'invite-1' });
    const replay = await invite(a.agent, { 'idempotency-key': 'invite-1' });
    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    const code = first.json().code.replace('-', '');
    const rows = await t.ctx.database.db.select().from(idempotencyKey).where(eq(idempotencyKey.actorId, a.userId));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(await t.ctx.database.db.select().from(coupleInvite).where(eq(coupleInvite.inviterId, a.userId))).toHaveLength(1);
  });

  it('ends the couple when a linked person deletes their account, freeing the partner', async () => {
    const { a, b, coupleId } = await linkedPair();
    expect((await a.agent.post('/api/auth/delete-user', { password: a.password })).statusCode).toBe(200);
    const bNow = await status(b.agent);
    expect(bNow).toMatchObject({ status: 'single', past: [{ coupleId }] });
    const [row] = await t.ctx.database.db.select().from(couple).where(eq(couple.id, coupleId));
    expect(row!.unlinkedAt).not.toBeNull();
    const d = await person('Devon');
    const code = (await invite(b.agent)).json().code;
    expect((await join(d.agent, code)).statusCode).toBe(201);
  });

  it('withdraws a deleted account’s pending invitation', async () => {
    const a = await person('Avery');
    const b = await person('Blake');
    const code = (await invite(a.agent)).json().code;
    expect((await a.agent.post('/api/auth/delete-user', { password: a.password })).statusCode).toBe(200);
    expectProblem(await join(b.agent, code), 404, 'invite-not-found');
  });

  it('tells therapy guidance only whether I am linked', async () => {
    const { a, b } = await linkedPair();
    expect((await a.agent.get('/api/v1/guidance/therapy')).json().lookedAt.linkedPartner).toBe(true);
    await unlink(a.agent);
    expect((await b.agent.get('/api/v1/guidance/therapy')).json().lookedAt.linkedPartner).toBe(false);
  });

  describe('access to every linking operation', () => {
    it('answers 401 to a signed-out visitor for every operation', async () => {
      const anon = t.agent();
      expectProblem(await anon.get('/api/v1/couple'), 401, 'unauthenticated');
      expectProblem(await invite(anon), 401, 'unauthenticated');
      expectProblem(await withdraw(anon), 401, 'unauthenticated');
      expectProblem(await join(anon, 'ZZZZZ-ZZZZZ'), 401, 'unauthenticated');
      expectProblem(await unlink(anon), 401, 'unauthenticated');
    });

    it('lets only me withdraw my invitation; my partner, former partner and strangers touch nothing of mine', async () => {
      const { a, b, coupleId } = await linkedPair();
      const stranger = await person('Sam');
      // A stranger sees only their own status, never mine.
      expect(await status(stranger.agent)).toEqual({ status: 'single', past: [] });
      // My partner's and a stranger's withdraw act on their own (absent) invitation only.
      expectProblem(await withdraw(b.agent), 404, 'no-pending-invite');
      expectProblem(await unlink(stranger.agent), 409, 'not-linked');
      expect((await status(a.agent)).status).toBe('linked');

      // My partner may unlink (alone); then, as a former partner, they cannot reach my new invitation.
      expect((await unlink(b.agent)).statusCode).toBe(200);
      const mine = (await invite(a.agent)).json();
      expectProblem(await withdraw(b.agent), 404, 'no-pending-invite');
      expectProblem(await withdraw(stranger.agent), 404, 'no-pending-invite');
      expect((await status(a.agent)).invite).toEqual({ expiresAt: mine.expiresAt });
      // The former partner sees the past couple but not my pending invitation or anything new.
      const bStatus = await status(b.agent);
      expect(bStatus).toEqual({ status: 'single', past: [expect.objectContaining({ coupleId })] });
      // A former partner can be invited again like anyone (both consent again).
      expect((await join(b.agent, mine.code)).statusCode).toBe(201);
    });

    it('shows my name to my partner only while linked', async () => {
      const { a, b } = await linkedPair('Avery', 'Blake');
      const stranger = await person('Sam');
      const actor = (p: Person) => ({ kind: 'user' as const, userId: p.userId, sessionId: 's', emailVerified: true });
      await expect(t.ctx.services.profile.nameForPartner(actor(b), a.userId)).resolves.toBe('Avery');
      await expect(t.ctx.services.profile.nameForPartner(actor(stranger), a.userId)).rejects.toMatchObject({ status: 404 });
      await expect(t.ctx.services.profile.nameForPartner({ kind: 'anonymous' }, a.userId)).rejects.toMatchObject({ status: 401 });
      await unlink(a.agent);
      await expect(t.ctx.services.profile.nameForPartner(actor(b), a.userId)).rejects.toMatchObject({ status: 404 });
    });
  });
});
