/**
 * The couple relations the policy resolves from the database, for an item owned by A in couple AB:
 * A is its owner, B its partner (read only) while linked and its former partner (read only) after
 * unlinking; a stranger gets 404, A's later partner never reaches AB's items, the signed-out 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { engineName } from '../testing/test-db.ts';
import { linkForTest, unlinkForTest } from '../testing/couples.ts';
import type { Actor } from './actor.ts';
import type { CoupleItem } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const actorOf = (p: { userId: string }): Actor => ({ kind: 'user', userId: p.userId, sessionId: 'test', emailVerified: true });
const ACTIONS = ['read', 'create', 'update', 'delete'] as const;

/** What each action answers: 'ok' or the problem status. */
async function outcomes(actor: Actor, item: CoupleItem) {
  const out: Record<string, 'ok' | number> = {};
  for (const action of ACTIONS) {
    out[action] = await t.ctx.policy.couple[action](actor, item).then(
      () => 'ok' as const,
      (err: { status: number }) => err.status,
    );
  }
  return out;
}
const all = (v: 'ok' | number) => ({ read: v, create: v, update: v, delete: v });
const readOnly = { read: 'ok', create: 404, update: 404, delete: 404 };

describe(`couple relations in the policy (${engineName()})`, () => {
  it('judges an item of couple AB for its owner, partner, former partner, a stranger, a later partner and the signed-out', async () => {
    const [a, b, c, d] = [await t.signUpVerified(), await t.signUpVerified(), await t.signUpVerified(), await t.signUpVerified()];
    const ab = await linkForTest(t, a, b);
    const item: CoupleItem = { ownerId: a.userId, coupleId: ab };

    expect(await outcomes(actorOf(a), item)).toEqual(all('ok'));
    expect(await outcomes(actorOf(b), item)).toEqual(readOnly);
    expect(await outcomes(actorOf(c), item)).toEqual(all(404));
    expect(await outcomes({ kind: 'anonymous' }, item)).toEqual(all(401));
    expect(await t.ctx.policy.couple.active(actorOf(a))).toEqual({ userId: a.userId, coupleId: ab, partnerId: b.userId });
    expect(await t.ctx.policy.couple.active(actorOf(b))).toEqual({ userId: b.userId, coupleId: ab, partnerId: a.userId });
    expect(await t.ctx.policy.couple.active(actorOf(c))).toBeUndefined();
    await expect(t.ctx.policy.couple.active({ kind: 'anonymous' })).rejects.toMatchObject({ status: 401 });

    await unlinkForTest(t, ab);
    // The archive: both read, neither adds or changes anything — the owner is told why (409).
    expect(await outcomes(actorOf(b), item)).toEqual(readOnly);
    expect(await outcomes(actorOf(a), item)).toEqual({ read: 'ok', create: 409, update: 409, delete: 409 });
    expect(await t.ctx.policy.couple.active(actorOf(a))).toBeUndefined();
    expect(await t.ctx.policy.couple.active(actorOf(b))).toBeUndefined();

    // A's later partner D (couple AD) never reaches AB's items; D's items in AD are not B's.
    const ad = await linkForTest(t, a, d);
    expect(await outcomes(actorOf(d), item)).toEqual(all(404));
    expect(await outcomes(actorOf(b), item)).toEqual(readOnly);
    const adItem: CoupleItem = { ownerId: d.userId, coupleId: ad };
    expect(await outcomes(actorOf(a), adItem)).toEqual(readOnly);
    expect(await outcomes(actorOf(b), adItem)).toEqual(all(404));
    expect(await outcomes(actorOf(c), adItem)).toEqual(all(404));
    expect(await t.ctx.policy.couple.active(actorOf(a))).toEqual({ userId: a.userId, coupleId: ad, partnerId: d.userId });
  });

  it('never lets an item claim a couple its owner is not in', async () => {
    const [a, b, c] = [await t.signUpVerified(), await t.signUpVerified(), await t.signUpVerified()];
    const ab = await linkForTest(t, a, b);
    // C writes an item claiming couple AB: nobody in AB gets access through it, nor C.
    const forged: CoupleItem = { ownerId: c.userId, coupleId: ab };
    expect(await outcomes(actorOf(a), forged)).toEqual(all(404));
    expect(await outcomes(actorOf(b), forged)).toEqual(all(404));
    expect((await outcomes(actorOf(c), forged)).read).toBe('ok');
  });
});
