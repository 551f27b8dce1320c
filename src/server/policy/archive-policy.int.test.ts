/**
 * policy.couple.deleteOwnArchive (docs/decisions/022), for couple AB against every actor kind:
 * while AB is linked, me and my partner are refused (409: delete items one by one); once AB has
 * ended, me and my former partner may each delete their own part; a stranger, and A's later
 * partner, 404; the signed-out 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { engineName } from '../testing/test-db.ts';
import { linkForTest, unlinkForTest } from '../testing/couples.ts';
import type { Actor } from './actor.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const actorOf = (p: { userId: string }): Actor => ({ kind: 'user', userId: p.userId, sessionId: 'test', emailVerified: true });
const outcome = (actor: Actor, coupleId: string) =>
  t.ctx.policy.couple.deleteOwnArchive(actor, coupleId).then(
    (r) => r,
    (err: { status: number; slug?: string }) => err.status,
  );

describe(`deleting my own part of a couple's archive, in the policy (${engineName()})`, () => {
  it('judges me, my partner, my former partner, a stranger, a later partner and the signed-out', async () => {
    const [a, b, stranger, later] = [await t.signUpVerified(), await t.signUpVerified(), await t.signUpVerified(), await t.signUpVerified()];
    const ab = await linkForTest(t, a, b);

    // Linked now: me and my partner 409, everyone else as before.
    expect(await outcome(actorOf(a), ab)).toBe(409);
    expect(await outcome(actorOf(b), ab)).toBe(409);
    expect(await outcome(actorOf(stranger), ab)).toBe(404);
    expect(await outcome({ kind: 'anonymous' }, ab)).toBe(401);
    expect(await outcome({ kind: 'system', job: 'test' }, ab)).toBe(401);

    await unlinkForTest(t, ab);
    // Ended: me and my former partner, each for their own part (the answer names whose part goes).
    expect(await outcome(actorOf(a), ab)).toEqual({ userId: a.userId, formerPartnerId: b.userId });
    expect(await outcome(actorOf(b), ab)).toEqual({ userId: b.userId, formerPartnerId: a.userId });
    expect(await outcome(actorOf(stranger), ab)).toBe(404);
    expect(await outcome({ kind: 'anonymous' }, ab)).toBe(401);

    // A links with someone new: AB's archive stays A's to clear; the new partner never reaches it,
    // and A's live couple is refused.
    const al = await linkForTest(t, a, later);
    expect(await outcome(actorOf(a), ab)).toEqual({ userId: a.userId, formerPartnerId: b.userId });
    expect(await outcome(actorOf(later), ab)).toBe(404);
    expect(await outcome(actorOf(a), al)).toBe(409);
    expect(await outcome(actorOf(b), al)).toBe(404);
    // A couple that does not exist answers like a stranger's.
    expect(await outcome(actorOf(a), '00000000-0000-7000-8000-000000000000')).toBe(404);
  });
});
