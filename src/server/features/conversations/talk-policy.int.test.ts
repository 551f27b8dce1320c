/**
 * The policy's rule sets `conversations` and `apologies`, every operation against every kind of
 * actor: me, my partner, my former partner (after unlinking), a stranger, a signed-out visitor —
 * with the couple relations read from the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../policy/index.ts';
import { linkForTest, unlinkForTest } from '../../testing/couples.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const actorOf = (p: { userId: string }): Actor => ({ kind: 'user', userId: p.userId, sessionId: 'test', emailVerified: true });
const anon: Actor = { kind: 'anonymous' };
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok' as const,
    (err: { status: number }) => err.status,
  );

describe(`policy: conversations and apologies (${engineName()})`, () => {
  it('judges every conversation operation for me, my partner, my former partner, a stranger and the signed-out', async () => {
    const [a, b, c] = [await t.signUpVerified(), await t.signUpVerified(), await t.signUpVerified()];
    const ab = await linkForTest(t, a, b);
    const p = t.ctx.policy.conversations;
    const together = { ownerId: a.userId, coupleId: ab };
    const alone = { ownerId: a.userId, coupleId: null };
    const [me, partner, stranger] = [actorOf(a), actorOf(b), actorOf(c)];

    const table = async () => ({
      startTogether: {
        me: await outcome(p.start(me, together)),
        partner: await outcome(p.start(partner, { ownerId: b.userId, coupleId: ab })),
        stranger: await outcome(p.start(stranger, { ownerId: c.userId, coupleId: ab })),
        anon: await outcome(p.start(anon, together)),
      },
      readTogether: {
        me: await outcome(p.read(me, together)),
        partner: await outcome(p.read(partner, together)),
        stranger: await outcome(p.read(stranger, together)),
        anon: await outcome(p.read(anon, together)),
      },
      actTogether: {
        me: await outcome(p.act(me, together)),
        partner: await outcome(p.act(partner, together)),
        stranger: await outcome(p.act(stranger, together)),
        anon: await outcome(p.act(anon, together)),
      },
      startAlone: { me: await outcome(p.start(me, alone)), partner: await outcome(p.start(partner, alone)), stranger: await outcome(p.start(stranger, alone)), anon: await outcome(p.start(anon, alone)) },
      readAlone: { me: await outcome(p.read(me, alone)), partner: await outcome(p.read(partner, alone)), stranger: await outcome(p.read(stranger, alone)), anon: await outcome(p.read(anon, alone)) },
      actAlone: { me: await outcome(p.act(me, alone)), partner: await outcome(p.act(partner, alone)), stranger: await outcome(p.act(stranger, alone)), anon: await outcome(p.act(anon, alone)) },
      can: {
        readPartner: await p.canRead(partner, together),
        actPartner: await p.canAct(partner, together),
        readStranger: await p.canRead(stranger, together),
        readAlonePartner: await p.canRead(partner, alone),
        actAloneMe: await p.canAct(me, alone),
      },
    });

    expect(await table()).toEqual({
      startTogether: { me: 'ok', partner: 'ok', stranger: 404, anon: 401 },
      readTogether: { me: 'ok', partner: 'ok', stranger: 404, anon: 401 },
      actTogether: { me: 'ok', partner: 'ok', stranger: 404, anon: 401 },
      startAlone: { me: 'ok', partner: 404, stranger: 404, anon: 401 },
      readAlone: { me: 'ok', partner: 404, stranger: 404, anon: 401 },
      actAlone: { me: 'ok', partner: 404, stranger: 404, anon: 401 },
      can: { readPartner: true, actPartner: true, readStranger: false, readAlonePartner: false, actAloneMe: true },
    });

    // After unlinking, B is my former partner: both read the archive, neither takes part (409).
    await unlinkForTest(t, ab);
    expect(await table()).toEqual({
      startTogether: { me: 409, partner: 409, stranger: 404, anon: 401 },
      readTogether: { me: 'ok', partner: 'ok', stranger: 404, anon: 401 },
      actTogether: { me: 409, partner: 409, stranger: 404, anon: 401 },
      startAlone: { me: 'ok', partner: 404, stranger: 404, anon: 401 },
      readAlone: { me: 'ok', partner: 404, stranger: 404, anon: 401 },
      actAlone: { me: 'ok', partner: 404, stranger: 404, anon: 401 },
      can: { readPartner: true, actPartner: false, readStranger: false, readAlonePartner: false, actAloneMe: true },
    });
    const archived = await p.act(partner, together).catch((e: { slug?: string; type?: string }) => e);
    expect(JSON.stringify(archived)).toContain('couple-archived');
  });

  it('judges every apology operation for me, my partner, my former partner, a stranger and the signed-out', async () => {
    const [a, b, c] = [await t.signUpVerified(), await t.signUpVerified(), await t.signUpVerified()];
    const ab = await linkForTest(t, a, b);
    const p = t.ctx.policy.apologies;
    const kept = { ownerId: a.userId, coupleId: ab, sent: false };
    const sent = { ownerId: a.userId, coupleId: ab, sent: true };
    const [me, partner, stranger] = [actorOf(a), actorOf(b), actorOf(c)];
    const all = async (f: (actor: Actor) => Promise<unknown>) => ({
      me: await outcome(f(me)),
      partner: await outcome(f(partner)),
      stranger: await outcome(f(stranger)),
      anon: await outcome(f(anon)),
    });
    const table = async () => ({
      create: await all((x) => p.create(x, a.userId)),
      readKept: await all((x) => p.read(x, kept)),
      readSent: await all((x) => p.read(x, sent)),
      send: await all((x) => p.send(x, { ownerId: a.userId, coupleId: ab })),
      delete: await all((x) => p.delete(x, a.userId)),
      canReadSent: { partner: await p.canRead(partner, sent), stranger: await p.canRead(stranger, sent) },
      canReadKept: { partner: await p.canRead(partner, kept) },
    });

    expect(await table()).toEqual({
      create: { me: 'ok', partner: 404, stranger: 404, anon: 401 },
      readKept: { me: 'ok', partner: 404, stranger: 404, anon: 401 },
      readSent: { me: 'ok', partner: 'ok', stranger: 404, anon: 401 },
      send: { me: 'ok', partner: 404, stranger: 404, anon: 401 },
      delete: { me: 'ok', partner: 404, stranger: 404, anon: 401 },
      canReadSent: { partner: true, stranger: false },
      canReadKept: { partner: false },
    });

    await unlinkForTest(t, ab);
    expect(await table()).toEqual({
      create: { me: 'ok', partner: 404, stranger: 404, anon: 401 },
      readKept: { me: 'ok', partner: 404, stranger: 404, anon: 401 },
      // A sent apology stays in the archive for my former partner too.
      readSent: { me: 'ok', partner: 'ok', stranger: 404, anon: 401 },
      send: { me: 409, partner: 404, stranger: 404, anon: 401 },
      delete: { me: 'ok', partner: 404, stranger: 404, anon: 401 },
      canReadSent: { partner: true, stranger: false },
      canReadKept: { partner: false },
    });
  });
});
