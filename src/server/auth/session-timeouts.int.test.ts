/**
 * Session limits (docs/decisions/033): a session unused for the idle limit ends; every session
 * ends at the absolute limit after sign-in, however active; refreshing never moves its end past
 * that limit. Time is moved by rewriting the session row, as the clock would have.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { session as sessionTable } from '../db/schema/index.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { engineName } from '../testing/test-db.ts';
import { loadConfig, ConfigError } from '../config.ts';
import { sessionUpdateAge } from './auth.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SESSION_IDLE_HOURS: '72', SESSION_MAX_DAYS: '30' });
});
afterAll(() => t.close());

async function sessionOf(userId: string) {
  const rows = await t.ctx.database.db.select().from(sessionTable).where(eq(sessionTable.userId, userId));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** Moves the session back in time: signed in `ageMs` ago, last refreshed `idleMs` ago. */
async function age(userId: string, ageMs: number, idleMs: number) {
  const now = Date.now();
  await t.ctx.database.db
    .update(sessionTable)
    .set({ createdAt: new Date(now - ageMs), updatedAt: new Date(now - idleMs), expiresAt: new Date(now - idleMs + 72 * HOUR) })
    .where(eq(sessionTable.userId, userId));
}

describe(`session limits (${engineName()})`, () => {
  it('a new session ends after the idle limit at the latest, never later than the absolute one', async () => {
    const me = await t.signUpVerified();
    const s = await sessionOf(me.userId);
    const left = s.expiresAt.getTime() - s.createdAt.getTime();
    expect(left).toBeGreaterThan(72 * HOUR - 60_000);
    expect(left).toBeLessThanOrEqual(72 * HOUR + 60_000);
  });

  it('a session unused for longer than the idle limit gets 401 on the API and no session from get-session', async () => {
    const me = await t.signUpVerified();
    expect((await me.agent.get('/api/v1/profile')).statusCode).toBe(200);
    await age(me.userId, 4 * DAY, 73 * HOUR);
    const res = await me.agent.get('/api/v1/profile');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const check = await me.agent.get('/api/auth/get-session');
    expect(check.statusCode).toBe(200);
    expect(check.json()).toBeNull();
  });

  it('activity within the idle window keeps the session alive and moves its end forward', async () => {
    const me = await t.signUpVerified();
    await age(me.userId, 2 * DAY, 70 * HOUR); // two hours left
    const before = (await sessionOf(me.userId)).expiresAt.getTime();
    expect((await me.agent.get('/api/auth/get-session')).json()).not.toBeNull();
    expect((await me.agent.get('/api/v1/profile')).statusCode).toBe(200);
    const after = (await sessionOf(me.userId)).expiresAt.getTime();
    expect(after).toBeGreaterThan(before + 60 * HOUR);
  });

  it('refreshing never moves the end past the absolute limit, and past it the session is over however recently it was used', async () => {
    const me = await t.signUpVerified();
    // Signed in 29 days and 23 hours ago, used an hour ago: a refresh may give it one more hour, not three days.
    await age(me.userId, 30 * DAY - HOUR, 2 * HOUR);
    expect((await me.agent.get('/api/auth/get-session')).json()).not.toBeNull();
    const s = await sessionOf(me.userId);
    expect(s.expiresAt.getTime()).toBeLessThanOrEqual(s.createdAt.getTime() + 30 * DAY);
    expect(s.expiresAt.getTime()).toBeGreaterThan(Date.now());
    // An hour and a minute later it is past 30 days: over, although used a minute ago.
    await t.ctx.database.db
      .update(sessionTable)
      .set({ createdAt: new Date(Date.now() - 30 * DAY - 60_000), updatedAt: new Date(Date.now() - 60_000), expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(sessionTable.userId, me.userId));
    expect((await me.agent.get('/api/v1/profile')).statusCode).toBe(401);
  });

  it('the limits are settings, checked at start', () => {
    expect(loadConfig({ SESSION_IDLE_HOURS: '12', SESSION_MAX_DAYS: '7' })).toMatchObject({ SESSION_IDLE_HOURS: 12, SESSION_MAX_DAYS: 7 });
    expect(loadConfig({})).toMatchObject({ SESSION_IDLE_HOURS: 72, SESSION_MAX_DAYS: 30 });
    expect(() => loadConfig({ SESSION_IDLE_HOURS: '0' })).toThrow(/SESSION_IDLE_HOURS/);
    expect(() => loadConfig({ SESSION_IDLE_HOURS: '200', SESSION_MAX_DAYS: '2' })).toThrow(ConfigError);
    expect(sessionUpdateAge(72 * 3600)).toBe(3600);
    expect(sessionUpdateAge(3600)).toBe(900);
  });
});
