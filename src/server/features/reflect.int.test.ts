/** Origins map, urge log and self-worth: each private to its owner, encrypted, validated. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../testing/test-app.ts';
import { engineName } from '../testing/test-db.ts';
import { originsVersion, selfWorthItem, urgeLog } from '../db/schema/index.ts';

let t: TestApp;
let me: Agent;
let other: Agent;
let anon: Agent;
beforeAll(async () => {
  t = await createTestApp();
  me = (await t.signUpVerified()).agent;
  other = (await t.signUpVerified()).agent;
  anon = t.agent();
});
afterAll(() => t.close());

const del = (a: Agent, url: string) => a.request({ method: 'DELETE', url });
const paths = (res: { json(): { errors?: Array<{ path: string }> } }) => (res.json().errors ?? []).map((e) => e.path);

describe(`origins map (${engineName()})`, () => {
  it('saves versions, keeps history, and reads an earlier version', async () => {
    expect((await me.get('/api/v1/origins')).json()).toEqual({ current: null, history: [] });
    const first = await me.post('/api/v1/origins', {
      roots: [
        { root: 'past_betrayal', resonates: true, notes: 'An ex kept a second phone.' },
        { root: 'self_esteem', resonates: false, notes: '' },
      ],
    });
    expect(first.statusCode).toBe(201);
    const second = await me.post('/api/v1/origins', {
      roots: [
        { root: 'past_betrayal', resonates: true, notes: 'Less raw than before.' },
        { root: 'family_childhood', resonates: true, notes: 'Dad left when I was nine.' },
      ],
      otherLabel: '',
    });
    const now = (await me.get('/api/v1/origins')).json();
    expect(now.current.id).toBe(second.json().version.id);
    expect(now.current.roots[1]).toEqual({ root: 'family_childhood', resonates: true, notes: 'Dad left when I was nine.' });
    expect(now.history.map((h: { id: string }) => h.id)).toEqual([second.json().version.id, first.json().version.id]);
    const old = await me.get(`/api/v1/origins/versions/${first.json().version.id}`);
    expect(old.json().roots[0].notes).toBe('An ex kept a second phone.');

    const rows = await t.ctx.database.db.select().from(originsVersion);
    expect(rows.map((r) => r.content.toString('latin1')).join('')).not.toContain('second phone');
  });

  it('refuses unknown roots and overlong notes, naming the field', async () => {
    expect(paths(await me.post('/api/v1/origins', { roots: [{ root: 'astrology', resonates: true, notes: '' }] }))).toContain('roots.0.root');
    expect(paths(await me.post('/api/v1/origins', { roots: [{ root: 'other', resonates: true, notes: 'x'.repeat(4001) }] }))).toContain('roots.0.notes');
  });

  it('is mine alone', async () => {
    const { version } = (await me.post('/api/v1/origins', { roots: [{ root: 'other', resonates: true, notes: 'private' }] })).json();
    expect((await other.get(`/api/v1/origins/versions/${version.id}`)).statusCode).toBe(404);
    expect((await other.get('/api/v1/origins')).json().current?.id).not.toBe(version.id);
    expect((await anon.get('/api/v1/origins')).statusCode).toBe(401);
    expect((await anon.post('/api/v1/origins', { roots: [] })).statusCode).toBe(401);
    expect((await anon.get(`/api/v1/origins/versions/${version.id}`)).statusCode).toBe(401);
  });
});

describe(`urge log (${engineName()})`, () => {
  const urge = { occurredAt: new Date(Date.now() - 3600_000).toISOString(), urge: 'Look through their messages', fear: 'That I am being replaced', insteadDid: 'Went for a walk and called a friend', actedOn: false };

  it('logs, lists, changes and deletes urges, sealed at rest', async () => {
    const created = await me.post('/api/v1/urges', urge);
    expect(created.statusCode).toBe(201);
    const { item, screening } = created.json();
    expect(item).toMatchObject({ ...urge });
    expect(screening).toEqual({ selfHarm: false, partnerDanger: false });
    const changed = await me.patch(`/api/v1/urges/${item.id}`, { actedOn: true, insteadDid: '' });
    expect(changed.json().item).toMatchObject({ actedOn: true, insteadDid: '', fear: 'That I am being replaced' });
    expect((await me.get('/api/v1/urges')).json().items.map((u: { id: string }) => u.id)).toContain(item.id);
    const rows = await t.ctx.database.db.select().from(urgeLog);
    expect(rows.map((r) => r.content.toString('latin1')).join('')).not.toContain('replaced');
    expect((await del(me, `/api/v1/urges/${item.id}`)).statusCode).toBe(204);
    expect((await me.get('/api/v1/urges')).json().items.map((u: { id: string }) => u.id)).not.toContain(item.id);
  });

  it('pages with a cursor', async () => {
    const a = (await t.signUpVerified()).agent;
    for (let i = 0; i < 7; i++) await a.post('/api/v1/urges', { ...urge, occurredAt: new Date(Date.now() - (i + 1) * 3600_000).toISOString() });
    const first = (await a.get('/api/v1/urges?limit=5')).json();
    const second = (await a.get(`/api/v1/urges?limit=5&cursor=${first.nextCursor}`)).json();
    expect(first.items).toHaveLength(5);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
  });

  it('names the field for bad input', async () => {
    expect(paths(await me.post('/api/v1/urges', { ...urge, urge: '' }))).toContain('urge');
    expect(paths(await me.post('/api/v1/urges', { ...urge, actedOn: 'maybe' }))).toContain('actedOn');
    expect(paths(await me.post('/api/v1/urges', { ...urge, occurredAt: '2999-01-01T00:00:00Z' }))).toContain('occurredAt');
  });

  it('is mine alone', async () => {
    const { item } = (await me.post('/api/v1/urges', urge)).json();
    expect((await other.patch(`/api/v1/urges/${item.id}`, { actedOn: true })).statusCode).toBe(404);
    expect((await del(other, `/api/v1/urges/${item.id}`)).statusCode).toBe(404);
    expect((await other.get('/api/v1/urges')).json().items.map((u: { id: string }) => u.id)).not.toContain(item.id);
    expect((await anon.get('/api/v1/urges')).statusCode).toBe(401);
    expect((await anon.post('/api/v1/urges', urge)).statusCode).toBe(401);
    expect((await anon.patch(`/api/v1/urges/${item.id}`, { actedOn: true })).statusCode).toBe(401);
    expect((await del(anon, `/api/v1/urges/${item.id}`)).statusCode).toBe(401);
    expect((await me.get('/api/v1/urges')).json().items.find((u: { id: string }) => u.id === item.id).actedOn).toBe(false);
  });
});

describe(`self-worth (${engineName()})`, () => {
  it('adds goals, wins and self-care for a day, marks done, lists by kind, deletes', async () => {
    const goal = await me.post('/api/v1/self-worth', { kind: 'goal', text: 'Ask for what I need once today', day: '2026-11-20' });
    expect(goal.statusCode).toBe(201);
    expect(goal.json().item).toMatchObject({ kind: 'goal', done: false, day: '2026-11-20', text: 'Ask for what I need once today' });
    await me.post('/api/v1/self-worth', { kind: 'win', text: 'Said no kindly', day: '2026-11-21', done: true });
    const done = await me.patch(`/api/v1/self-worth/${goal.json().item.id}`, { done: true });
    expect(done.json().item.done).toBe(true);
    const goals = (await me.get('/api/v1/self-worth?kind=goal')).json().items;
    expect(goals.every((g: { kind: string }) => g.kind === 'goal')).toBe(true);
    const all = (await me.get('/api/v1/self-worth')).json().items as Array<{ day: string }>;
    expect(all[0]!.day).toBe('2026-11-21');
    const rows = await t.ctx.database.db.select().from(selfWorthItem);
    expect(rows.map((r) => r.content.toString('latin1')).join('')).not.toContain('Said no kindly');
    expect((await del(me, `/api/v1/self-worth/${goal.json().item.id}`)).statusCode).toBe(204);
  });

  it('names the field for bad input', async () => {
    expect(paths(await me.post('/api/v1/self-worth', { kind: 'trophy', text: 'x', day: '2026-11-20' }))).toContain('kind');
    expect(paths(await me.post('/api/v1/self-worth', { kind: 'win', text: '', day: '2026-11-20' }))).toContain('text');
    expect(paths(await me.post('/api/v1/self-worth', { kind: 'win', text: 'x', day: '20/11/2026' }))).toContain('day');
    expect((await me.get('/api/v1/self-worth?kind=trophy')).statusCode).toBe(400);
  });

  it('is mine alone', async () => {
    const { item } = (await me.post('/api/v1/self-worth', { kind: 'self_care', text: 'Bath', day: '2026-11-22' })).json();
    expect((await other.patch(`/api/v1/self-worth/${item.id}`, { done: true })).statusCode).toBe(404);
    expect((await del(other, `/api/v1/self-worth/${item.id}`)).statusCode).toBe(404);
    expect((await other.get('/api/v1/self-worth')).json().items.map((i: { id: string }) => i.id)).not.toContain(item.id);
    expect((await anon.get('/api/v1/self-worth')).statusCode).toBe(401);
    expect((await anon.post('/api/v1/self-worth', { kind: 'win', text: 'x', day: '2026-11-22' })).statusCode).toBe(401);
    expect((await anon.patch(`/api/v1/self-worth/${item.id}`, { done: true })).statusCode).toBe(401);
    expect((await del(anon, `/api/v1/self-worth/${item.id}`)).statusCode).toBe(401);
  });
});

describe(`account deletion shreds Reflect data (${engineName()})`, () => {
  it('removes every Reflect row of the person', async () => {
    const { agent, password, userId } = await t.signUpVerified();
    await agent.post('/api/v1/journal/entries', { kind: 'quick_capture', occurredAt: new Date().toISOString(), timeZone: 'UTC', whatHappened: 'gone soon' });
    await agent.post('/api/v1/urges', { occurredAt: new Date().toISOString(), urge: 'x', actedOn: false });
    await agent.post('/api/v1/self-worth', { kind: 'win', text: 'x', day: '2026-11-22' });
    await agent.post('/api/v1/origins', { roots: [] });
    expect((await agent.post('/api/auth/delete-user', { password })).statusCode).toBe(200);
    const db = t.ctx.database.db;
    for (const table of [urgeLog, selfWorthItem, originsVersion]) {
      expect((await db.select().from(table)).filter((r) => r.ownerId === userId)).toHaveLength(0);
    }
    expect(await t.ctx.dataKeys.existingKeyFor(userId)).toBeNull();
  });
});
