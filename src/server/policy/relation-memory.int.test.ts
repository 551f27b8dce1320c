/**
 * The policy remembers couple facts for one request (docs/decisions/041): asked twice by the same
 * actor, the database is read once; a membership write, another actor, or RELATION_MEMORY_MS later
 * reads again; a failed read is not remembered.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { linkForTest, unlinkForTest } from '../testing/couples.ts';
import { databaseRelations, RELATION_MEMORY_MS, type Actor } from './index.ts';
import { relationsRepo } from './relations-repo.ts';

let t: TestApp;
let a: { userId: string };
let b: { userId: string };
let clock = 0;
const actorOf = (userId: string): Actor => ({ kind: 'user', userId, sessionId: 's', emailVerified: true });

beforeAll(async () => {
  t = await createTestApp();
  a = await t.signUpVerified({ name: 'Ada' });
  b = await t.signUpVerified({ name: 'Ben' });
});
afterAll(() => t?.close());
afterEach(() => vi.restoreAllMocks());

describe('relations remembered for one request', () => {
  it('reads the active couple once for one actor, and again for another actor', async () => {
    const coupleId = await linkForTest(t, a, b);
    const relations = databaseRelations(t.ctx.database.db, () => clock);
    const reads = vi.spyOn(relationsRepo, 'activeCouple');
    const me = actorOf(a.userId);
    expect(await relations.activeCouple(me)).toEqual({ coupleId, partnerId: b.userId });
    expect(await relations.activeCouple(me)).toEqual({ coupleId, partnerId: b.userId });
    expect(reads).toHaveBeenCalledTimes(1);
    await relations.activeCouple(actorOf(a.userId));
    expect(reads).toHaveBeenCalledTimes(2);
    await unlinkForTest(t, coupleId);
  });

  it('reads again after a membership write in this process, so unlinking is seen at once', async () => {
    const coupleId = await linkForTest(t, a, b);
    const relations = databaseRelations(t.ctx.database.db, () => clock);
    const me = actorOf(a.userId);
    const item = { ownerId: b.userId, audience: 'couple' as const, coupleId };
    expect(await relations.activeCouple(me)).toMatchObject({ coupleId });
    expect(await relations.relationTo(me, item)).toBe('partner');
    await unlinkForTest(t, coupleId);
    expect(await relations.activeCouple(me)).toBeUndefined();
    expect(await relations.relationTo(me, item)).toBe('former-partner');
  });

  it(`forgets after ${RELATION_MEMORY_MS} ms (a long-lived request, such as the live channel, reads again)`, async () => {
    const coupleId = await linkForTest(t, a, b);
    const relations = databaseRelations(t.ctx.database.db, () => clock);
    const reads = vi.spyOn(relationsRepo, 'activeCouple');
    const me = actorOf(a.userId);
    const item = { ownerId: b.userId, audience: 'couple' as const, coupleId };
    expect(await relations.relationTo(me, item)).toBe('partner');
    clock += RELATION_MEMORY_MS;
    await relations.activeCouple(me);
    expect(reads).toHaveBeenCalledTimes(1);
    clock += 1;
    await relations.relationTo(me, item);
    expect(reads).toHaveBeenCalledTimes(2);
    await unlinkForTest(t, coupleId);
  });

  it("judges an item of my active couple from the couple already read, and a former couple's from its members", async () => {
    const former = await linkForTest(t, a, b);
    await unlinkForTest(t, former);
    const current = await linkForTest(t, a, await t.signUpVerified({ name: 'Cai' }));
    const relations = databaseRelations(t.ctx.database.db, () => clock);
    const members = vi.spyOn(relationsRepo, 'members');
    const me = actorOf(a.userId);
    await relations.activeCouple(me);
    // Ben's item in the former couple: the archive, judged from that couple's members.
    expect(await relations.relationTo(me, { ownerId: b.userId, audience: 'couple', coupleId: former })).toBe('former-partner');
    expect(members).toHaveBeenCalledTimes(1);
    // Ben claiming my current couple: not a member of it.
    expect(await relations.relationTo(me, { ownerId: b.userId, audience: 'couple', coupleId: current })).toBe('stranger');
    expect(members).toHaveBeenCalledTimes(1);
    await unlinkForTest(t, current);
  });

  it('does not remember a failed read', async () => {
    const relations = databaseRelations(t.ctx.database.db, () => clock);
    const me = actorOf(a.userId);
    vi.spyOn(relationsRepo, 'couplesOf').mockRejectedValueOnce(new Error('connection lost'));
    await expect(relations.couplesOf!(me)).rejects.toThrow('connection lost');
    expect(Array.isArray(await relations.couplesOf!(me))).toBe(true);
  });
});
