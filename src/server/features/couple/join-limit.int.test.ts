/**
 * The per-person limit on trying invitation codes (docs/decisions/022): 10 tries per 15 minutes,
 * counted in the database (so every instance sees the same count), wrong codes included; the 11th
 * is a 429 problem with Retry-After, even with a right code; other people are not affected; a new
 * window starts once the old one is over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { rateLimit } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';
import { JOIN_MAX, JOIN_WINDOW_MS, joinLimitRepo } from './join-limit.ts';
import { CoupleService } from './service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const WRONG = 'ZZZZZ-22222';

describe(`trying invitation codes, per person (${engineName()})`, () => {
  it('allows 10 tries in 15 minutes, then answers 429 with Retry-After — even for a right code', async () => {
    const [guesser, inviter, other] = [await t.signUpVerified(), await t.signUpVerified(), await t.signUpVerified()];
    for (let i = 0; i < JOIN_MAX; i++) {
      const res = await guesser.agent.post('/api/v1/couple/join', { code: WRONG });
      expect(res.statusCode, `try ${i + 1}`).toBe(404);
    }
    const code = (await inviter.agent.post('/api/v1/couple/invites')).json().code as string;
    const limited = await guesser.agent.post('/api/v1/couple/join', { code });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(JOIN_WINDOW_MS / 1000 - 60);
    expect(retryAfter).toBeLessThanOrEqual(JOIN_WINDOW_MS / 1000);
    expect(limited.json()).toMatchObject({ status: 429, type: expect.stringContaining('too-many-join-attempts'), retryAfter });
    // Nothing was linked, and the invitation is still usable by someone else.
    expect((await guesser.agent.get('/api/v1/couple')).json().status).toBe('single');
    expect((await other.agent.post('/api/v1/couple/join', { code })).statusCode).toBe(201);

    // The count lives in the database: a second instance's service sees the same attempts.
    const second = new CoupleService(t.ctx.database.db, t.ctx.policy, t.ctx.dataKeys, t.ctx.services.profile, 'http://localhost');
    await expect(second.noteJoinAttempt({ kind: 'user', userId: guesser.userId, sessionId: 's', emailVerified: true })).rejects.toMatchObject({ status: 429 });
    const [row] = await t.ctx.database.db.select().from(rateLimit).where(eq(rateLimit.key, `couple-join:${guesser.userId}`));
    expect(row!.count).toBe(JOIN_MAX + 2);
  });

  it('starts a new window once the old one is over, and counts the signed-out as 401', async () => {
    const db = t.ctx.database.db;
    const userId = `window-${crypto.randomUUID()}`;
    const start = Date.now();
    expect(await joinLimitRepo.count(db, userId, start)).toEqual({ attempts: 1, resetAt: start + JOIN_WINDOW_MS });
    expect(await joinLimitRepo.count(db, userId, start + 1000)).toEqual({ attempts: 2, resetAt: start + JOIN_WINDOW_MS });
    expect(await joinLimitRepo.count(db, userId, start + JOIN_WINDOW_MS - 1)).toMatchObject({ attempts: 3 });
    const later = start + JOIN_WINDOW_MS;
    expect(await joinLimitRepo.count(db, userId, later)).toEqual({ attempts: 1, resetAt: later + JOIN_WINDOW_MS });
    expect((await t.agent().post('/api/v1/couple/join', { code: WRONG })).statusCode).toBe(401);
  });
});
