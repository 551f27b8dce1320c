/**
 * The fast session read (src/server/auth/session.ts, docs/decisions/040): a fresh, validly signed
 * session is answered from one query without better-auth's getSession; everything else still goes
 * through better-auth, which refuses, deletes or refreshes exactly as before.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { session as sessionTable } from '../db/schema/index.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { engineName } from '../testing/test-db.ts';
import { sessionUpdateAge } from './auth.ts';
import { cookieValue, verifiedToken } from './session.ts';

const HOUR = 3600_000;
const IDLE = 72 * HOUR;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SESSION_IDLE_HOURS: '72', SESSION_MAX_DAYS: '30' });
});
afterAll(() => t.close());

const sessionOf = async (userId: string) => (await t.ctx.database.db.select().from(sessionTable).where(eq(sessionTable.userId, userId)))[0];

describe(`the fast session read (${engineName()})`, () => {
  it('answers a fresh session without better-auth, and a revoked one stops on its next request', async () => {
    const me = await t.signUpVerified();
    const spy = vi.spyOn(t.ctx.auth.api, 'getSession');
    try {
      const res = await me.agent.get('/api/v1/profile');
      expect(res.statusCode).toBe(200);
      expect(spy).not.toHaveBeenCalled();
      await t.ctx.database.db.delete(sessionTable).where(eq(sessionTable.userId, me.userId));
      expect((await me.agent.get('/api/v1/profile')).statusCode).toBe(401);
    } finally {
      spy.mockRestore();
    }
  });

  it('sends a tampered signature to better-auth, which refuses it', async () => {
    const me = await t.signUpVerified();
    const [name, value] = [...me.agent.cookies].find(([n]) => n.includes('session_token'))!;
    const decoded = decodeURIComponent(value);
    // A character well inside the signature (the last one before "=" carries two padding bits).
    const i = decoded.length - 10;
    const tampered = `${decoded.slice(0, i)}${decoded[i] === 'A' ? 'B' : 'A'}${decoded.slice(i + 1)}`;
    const spy = vi.spyOn(t.ctx.auth.api, 'getSession');
    try {
      const res = await t.agent().get('/api/v1/profile', { cookie: `${name}=${encodeURIComponent(tampered)}` });
      expect(res.statusCode).toBe(401);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('leaves an expired session to better-auth, which refuses and deletes it', async () => {
    const me = await t.signUpVerified();
    await t.ctx.database.db.update(sessionTable).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(sessionTable.userId, me.userId));
    expect((await me.agent.get('/api/v1/profile')).statusCode).toBe(401);
    expect(await sessionOf(me.userId)).toBeUndefined();
  });

  it('leaves a session due for its sliding refresh to better-auth, which moves its end forward', async () => {
    const me = await t.signUpVerified();
    // Due: expiresAt − idle + updateAge ≤ now. Put the end two update periods earlier than a fresh one.
    const dueEnd = new Date(Date.now() + IDLE - 2 * sessionUpdateAge(IDLE / 1000) * 1000);
    await t.ctx.database.db.update(sessionTable).set({ expiresAt: dueEnd }).where(eq(sessionTable.userId, me.userId));
    const spy = vi.spyOn(t.ctx.auth.api, 'getSession');
    try {
      expect((await me.agent.get('/api/v1/profile')).statusCode).toBe(200);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
    expect((await sessionOf(me.userId))!.expiresAt.getTime()).toBeGreaterThan(dueEnd.getTime() + 60_000);
  });
});

describe('cookieValue and verifiedToken', () => {
  it('finds one cookie among several and decodes it', () => {
    expect(cookieValue('a=1; trellis.session_token=x%2By.z; b=2', 'trellis.session_token')).toBe('x+y.z');
    expect(cookieValue('a=1', 'trellis.session_token')).toBeUndefined();
    expect(cookieValue('trellis.session_token=%E0%A4%A', 'trellis.session_token')).toBeUndefined();
  });
  it('accepts only the signature better-call makes', async () => {
    const crypto = await import('node:crypto');
    const sig = crypto.createHmac('sha256', 'secret').update('tok').digest('base64');
    expect(verifiedToken(`tok.${sig}`, 'secret')).toBe('tok');
    expect(verifiedToken(`tok.${sig}`, 'other secret')).toBeUndefined();
    expect(verifiedToken(`tok2.${sig}`, 'secret')).toBeUndefined();
    expect(verifiedToken('tok', 'secret')).toBeUndefined();
    expect(verifiedToken(`.${sig}`, 'secret')).toBeUndefined();
  });
});
