/**
 * Query budgets for the hottest writes (issue 9; docs/decisions/041): the statements PostgreSQL
 * receives for one journal entry and one check-in, counted at the driver. A budget that grows means
 * a repeated lookup crept back in (the check-in once made twelve).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { linkForTest } from '../testing/couples.ts';

let t: TestApp;
let statements: string[] = [];
let counting = false;
const query = pg.Client.prototype.query;

beforeAll(async () => {
  // Counted at the driver: every statement any pooled client sends while `counting` is on.
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    if (counting) statements.push((typeof q === 'string' ? q : (q.text ?? '')).replace(/\s+/g, ' ').slice(0, 200));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  t = await createTestApp();
});
afterAll(async () => {
  pg.Client.prototype.query = query;
  await t?.close();
});

async function counted<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  statements = [];
  counting = true;
  try {
    return { result: await fn(), statements };
  } finally {
    counting = false;
  }
}

describe('statements per write (PostgreSQL)', () => {
  it('a journal entry: the session and the insert (the data key is remembered from the first)', async () => {
    const ada = await t.signUpVerified({ name: 'Ada' });
    const body = () => ({ kind: 'quick_capture', occurredAt: new Date(Date.now() - 3600_000).toISOString(), timeZone: 'UTC', whatHappened: 'A small moment' });
    expect((await ada.agent.post('/api/v1/journal/entries', body())).statusCode).toBe(201);
    const { result, statements: sent } = await counted(() => ada.agent.post('/api/v1/journal/entries', body()));
    expect(result.statusCode).toBe(201);
    expect(sent, sent.join('\n')).toHaveLength(2);
    expect(sent[0]).toMatch(/from "session"/);
    expect(sent[1]).toMatch(/^insert into "journal_entry"/);
  });

  it('a check-in that reveals both answers: session, profile, couple, insert, partner’s answer, live hint', async () => {
    const kit = await t.signUpVerified({ name: 'Kit' });
    const jo = await t.signUpVerified({ name: 'Jo' });
    await linkForTest(t, kit, jo);
    for (const p of [kit, jo]) expect((await p.agent.patch('/api/v1/profile', { timeZone: 'UTC' })).statusCode).toBe(200);
    expect((await jo.agent.post('/api/v1/checkins', { mood: 2 })).statusCode).toBe(201);
    // Kit has a data key already (an earlier entry), not remembered: read from the key directory, not the database.
    expect((await kit.agent.post('/api/v1/journal/entries', { kind: 'quick_capture', occurredAt: new Date(Date.now() - 3600_000).toISOString(), timeZone: 'UTC', whatHappened: 'Earlier' })).statusCode).toBe(201);
    t.ctx.dataKeys.forgetRemembered();
    const { result, statements: sent } = await counted(() => kit.agent.post('/api/v1/checkins', { mood: 4, highPoint: 'A walk' }));
    expect(result.statusCode).toBe(201);
    expect((result.json() as { revealed: boolean }).revealed).toBe(true);
    expect(sent, sent.join('\n')).toHaveLength(6);
    expect(sent.filter((s) => /from "couple_member"/.test(s)), 'couple membership read once').toHaveLength(1);
    expect(sent.at(-1)).toMatch(/pg_notify/);
  });
});
