import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';
import { assessment } from '../../db/schema/index.ts';

let t: TestApp;
let me: Agent;
let meId: string;
let other: Agent;
let anon: Agent;
beforeAll(async () => {
  t = await createTestApp();
  const signedUp = await t.signUpVerified();
  me = signedUp.agent;
  meId = signedUp.userId;
  other = (await t.signUpVerified()).agent;
  anon = t.agent();
});
afterAll(() => t.close());

const del = (agent: Agent, url: string) => agent.request({ method: 'DELETE', url });
const paths = (res: { json: () => { errors?: Array<{ path: string }> } }) => (res.json().errors ?? []).map((e) => e.path);
const ECR_MIXED = [6, 5, 3, 2, 4, 7, 2, 3, 5];

describe(`instruments are public content (${engineName()})`, () => {
  it('lists every instrument, signed out too', async () => {
    const res = await anon.get('/api/v1/instruments');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { id: 'ecr-rs', title: expect.any(String), description: expect.any(String), itemCount: 9, validated: true },
      { id: 'csi-4', title: expect.any(String), description: expect.any(String), itemCount: 4, validated: true },
      { id: 'trust-pulse', title: expect.any(String), description: expect.any(String), itemCount: 6, validated: false },
      { id: 'trust-signs', title: expect.any(String), description: expect.any(String), itemCount: 10, validated: false },
    ]);
  });

  it('gives one whole instrument, and a 404 problem for an unknown id', async () => {
    const res = await anon.get('/api/v1/instruments/csi-4');
    expect(res.statusCode).toBe(200);
    const csi = res.json();
    expect(csi.items).toHaveLength(4);
    expect(csi.items[0].scale.max).toBe(6);
    expect(csi.subscales[0]).toMatchObject({ id: 'total', method: 'sum', higherIsWorse: false });
    expect(csi.citation).toMatch(/Funk/);
    const missing = await anon.get('/api/v1/instruments/mood-ring');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect((await anon.get(`/api/v1/instruments/${'x'.repeat(65)}`)).statusCode).toBe(400);
  });
});

describe(`taking a check-up (${engineName()})`, () => {
  it('scores and stores ECR-RS answers, answering 201 with scores and bands', async () => {
    const res = await me.post('/api/v1/assessments', { instrument: 'ecr-rs', responses: ECR_MIXED });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ instrument: 'ecr-rs', responses: ECR_MIXED, band: { anxiety: 'middle', avoidance: 'middle' } });
    expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(body.scores.avoidance).toBeCloseTo(4.5, 10);
    expect(body.scores.anxiety).toBeCloseTo(10 / 3, 10);
    expect(Math.abs(Date.parse(body.takenAt) - Date.now())).toBeLessThan(60_000);
    expect((await me.get(`/api/v1/assessments/${body.id}`)).json()).toEqual(body);
  });

  it('keeps the moment a result was taken when it is given, so earlier paper results can be added', async () => {
    const takenAt = '2026-03-14T15:00:00.000Z';
    const res = await me.post('/api/v1/assessments', { instrument: 'csi-4', responses: [3, 3, 3, 3], takenAt });
    expect(res.statusCode).toBe(201);
    expect(res.json().takenAt).toBe(takenAt);
    const history = (await me.get('/api/v1/assessments?instrument=csi-4&limit=100')).json().items as Array<{ id: string; takenAt: string }>;
    expect(history.at(-1)).toMatchObject({ id: res.json().id, takenAt });
  });

  it('scores CSI-4 either side of 13.5', async () => {
    const low = (await me.post('/api/v1/assessments', { instrument: 'csi-4', responses: [4, 3, 3, 3] })).json();
    const high = (await me.post('/api/v1/assessments', { instrument: 'csi-4', responses: [5, 3, 3, 3] })).json();
    expect([low.scores.total, low.band.total]).toEqual([13, 'support-may-help']);
    expect([high.scores.total, high.band.total]).toEqual([14, 'satisfied']);
  });

  it('names the item or field for each kind of bad input, and stores nothing', async () => {
    const before = (await me.get('/api/v1/assessments?limit=100')).json().items.length;
    const cases: Array<[unknown, string, number]> = [
      [{ instrument: 'ecr-rs', responses: [4, 4, 4, 4, 4, 4, 4, 4] }, 'responses.8', 400],
      [{ instrument: 'ecr-rs', responses: [4, 4, 4, 8, 4, 4, 4, 4, 4] }, 'responses.3', 400],
      [{ instrument: 'ecr-rs', responses: [4, 4, 4, 4, 4, 0, 4, 4, 4] }, 'responses.5', 400],
      [{ instrument: 'ecr-rs', responses: [4, 4.5, 4, 4, 4, 4, 4, 4, 4] }, 'responses.1', 400],
      [{ instrument: 'ecr-rs', responses: [4, 4, '4', 4, 4, 4, 4, 4, 4] }, 'responses.2', 400],
      [{ instrument: 'ecr-rs', responses: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4] }, 'responses', 400],
      [{ instrument: 'csi-4', responses: [6, 6, 5, 5] }, 'responses.1', 400],
      [{ instrument: 'mood-ring', responses: [1] }, 'instrument', 400],
      [{ responses: [1] }, 'instrument', 400],
      [{ instrument: 'csi-4' }, 'responses', 400],
      [{ instrument: 'csi-4', responses: [1, 1, 1, 1], note: 'hi' }, 'note', 400],
      [{ instrument: 'csi-4', responses: Array(201).fill(1) }, 'responses', 400],
      [{ instrument: 'csi-4', responses: [1, 1, 1, 1], takenAt: '2999-01-01T00:00:00Z' }, 'takenAt', 400],
      [{ instrument: 'csi-4', responses: [1, 1, 1, 1], takenAt: 'last spring' }, 'takenAt', 400],
    ];
    for (const [body, path, status] of cases) {
      const res = await me.post('/api/v1/assessments', body);
      expect(res.statusCode, path).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(paths(res), JSON.stringify(body)).toContain(path);
    }
    expect((await me.get('/api/v1/assessments?limit=100')).json().items.length).toBe(before);
    expect((await me.get('/api/v1/assessments?instrument=mood-ring')).statusCode).toBe(400);
    expect(paths(await me.get('/api/v1/assessments?instrument=mood-ring'))).toContain('instrument');
    expect((await me.get('/api/v1/assessments?cursor=garbage')).statusCode).toBe(400);
    expect((await me.get('/api/v1/assessments/not-a-uuid')).statusCode).toBe(400);
    expect((await me.get('/api/v1/assessments?limit=0')).statusCode).toBe(400);
  });

  it('creates once for retries with the same Idempotency-Key', async () => {
    const fresh = (await t.signUpVerified()).agent;
    const key = crypto.randomUUID();
    const body = { instrument: 'trust-pulse', responses: [2, 3, 5, 6, 4, 4] };
    const responses = await Promise.all([1, 2, 3].map(() => fresh.post('/api/v1/assessments', body, { 'idempotency-key': key })));
    for (const r of responses) expect(r.statusCode).toBe(201);
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(1);
    expect(responses[0]!.json().scores).toEqual({ predictability: 2.5, dependability: 5.5, faith: 4, total: 4 });
    expect((await fresh.get('/api/v1/assessments?limit=100')).json().items).toHaveLength(1);
    const reused = await fresh.post('/api/v1/assessments', { ...body, responses: [1, 1, 1, 1, 1, 1] }, { 'idempotency-key': key });
    expect(reused.statusCode).toBe(422);
  });
});

describe(`my history (${engineName()})`, () => {
  it('lists newest first, filters by instrument, and pages with a cursor', async () => {
    const { agent } = await t.signUpVerified();
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push((await agent.post('/api/v1/assessments', { instrument: 'ecr-rs', responses: Array(9).fill(i) })).json().id);
    await agent.post('/api/v1/assessments', { instrument: 'csi-4', responses: [1, 1, 1, 1] });
    const all = (await agent.get('/api/v1/assessments?limit=100')).json();
    expect(all.items).toHaveLength(6);
    expect(all.items[0].instrument).toBe('csi-4');
    const first = (await agent.get('/api/v1/assessments?instrument=ecr-rs&limit=2')).json();
    expect(first.items.map((a: { id: string }) => a.id)).toEqual([ids[4], ids[3]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await agent.get(`/api/v1/assessments?instrument=ecr-rs&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((a: { id: string }) => a.id)).toEqual([ids[2], ids[1]]);
    const third = (await agent.get(`/api/v1/assessments?instrument=ecr-rs&limit=2&cursor=${second.nextCursor}`)).json();
    expect(third.items.map((a: { id: string }) => a.id)).toEqual([ids[0]]);
    expect(third.nextCursor).toBeNull();
  });

  it('deletes one of my results', async () => {
    const created = (await me.post('/api/v1/assessments', { instrument: 'trust-signs', responses: Array(10).fill(0) })).json();
    expect((await del(me, `/api/v1/assessments/${created.id}`)).statusCode).toBe(204);
    expect((await me.get(`/api/v1/assessments/${created.id}`)).statusCode).toBe(404);
    expect((await del(me, `/api/v1/assessments/${created.id}`)).statusCode).toBe(404);
  });
});

describe(`results are mine alone (${engineName()})`, () => {
  it('answers another account 404 on read and delete, and leaves my results out of their list', async () => {
    const mine = (await me.post('/api/v1/assessments', { instrument: 'ecr-rs', responses: ECR_MIXED })).json();
    const read = await other.get(`/api/v1/assessments/${mine.id}`);
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain('ecr-rs');
    expect((await del(other, `/api/v1/assessments/${mine.id}`)).statusCode).toBe(404);
    expect((await other.get('/api/v1/assessments?limit=100')).json().items.map((a: { id: string }) => a.id)).not.toContain(mine.id);
    expect((await other.get('/api/v1/assessments?instrument=ecr-rs')).json().items).toEqual([]);
    expect((await me.get(`/api/v1/assessments/${mine.id}`)).statusCode).toBe(200);
  });

  it('answers the signed-out 401 on every result operation', async () => {
    const mine = (await me.post('/api/v1/assessments', { instrument: 'csi-4', responses: [1, 2, 3, 4] })).json();
    expect((await anon.get('/api/v1/assessments')).statusCode).toBe(401);
    expect((await anon.get(`/api/v1/assessments/${mine.id}`)).statusCode).toBe(401);
    expect((await del(anon, `/api/v1/assessments/${mine.id}`)).statusCode).toBe(401);
    expect((await anon.post('/api/v1/assessments', { instrument: 'csi-4', responses: [1, 2, 3, 4] })).statusCode).toBe(401);
    expect((await me.get(`/api/v1/assessments/${mine.id}`)).statusCode).toBe(200);
  });
});

describe(`guidance facts (${engineName()})`, () => {
  it('gives each subscale oldest first, and the deeper-hurt flag from the LATEST trust-signs result', async () => {
    const { agent, userId } = await t.signUpVerified();
    const actor = { kind: 'user' as const, userId, sessionId: 's', emailVerified: true };
    const service = t.ctx.services.assessments;
    expect(await service.guidanceFacts(actor)).toEqual({ series: [], deeperHurtReported: false });

    await agent.post('/api/v1/assessments', { instrument: 'csi-4', responses: [5, 5, 5, 5] });
    await agent.post('/api/v1/assessments', { instrument: 'csi-4', responses: [2, 2, 2, 2] });
    const flashbacks = [0, 0, 0, 0, 0, 0, 0, 0, 1, 0];
    await agent.post('/api/v1/assessments', { instrument: 'trust-signs', responses: flashbacks });
    let facts = await service.guidanceFacts(actor);
    expect(facts.deeperHurtReported).toBe(true);
    const csi = facts.series.find((s) => s.instrument === 'csi-4' && s.subscale === 'total');
    expect(csi).toEqual({ instrument: 'csi-4', subscale: 'total', higherIsWorse: false, points: [{ takenAt: expect.any(String), value: 20 }, { takenAt: expect.any(String), value: 8 }] });
    expect(Date.parse(csi!.points[0]!.takenAt)).toBeLessThanOrEqual(Date.parse(csi!.points[1]!.takenAt));
    expect(facts.series.find((s) => s.instrument === 'trust-signs')).toEqual({ instrument: 'trust-signs', subscale: 'total', higherIsWorse: true, points: [{ takenAt: expect.any(String), value: 1 }] });
    expect(facts.series.some((s) => s.instrument === 'ecr-rs')).toBe(false);

    // A later checklist without the deeper-hurt items answered yes clears the flag.
    await agent.post('/api/v1/assessments', { instrument: 'trust-signs', responses: [1, 1, 1, 1, 1, 1, 1, 1, 0, 0] });
    facts = await service.guidanceFacts(actor);
    expect(facts.deeperHurtReported).toBe(false);
    expect(facts.series.find((s) => s.instrument === 'trust-signs')!.points.map((p) => p.value)).toEqual([1, 8]);

    // Someone else's results never appear, and the signed-out are refused.
    const otherFacts = await service.guidanceFacts({ kind: 'user', userId: 'someone-else', sessionId: 's', emailVerified: true });
    expect(otherFacts).toEqual({ series: [], deeperHurtReported: false });
    await expect(service.guidanceFacts({ kind: 'anonymous' })).rejects.toMatchObject({ status: 401 });
  });
});

describe(`account deletion removes check-up results (${engineName()})`, () => {
  it('cascades from the user', async () => {
    const { agent, password, userId } = await t.signUpVerified();
    await agent.post('/api/v1/assessments', { instrument: 'csi-4', responses: [1, 1, 1, 1] });
    await agent.post('/api/v1/assessments', { instrument: 'ecr-rs', responses: ECR_MIXED });
    const db = t.ctx.database.db;
    expect(await db.select().from(assessment).where(eq(assessment.ownerId, userId))).toHaveLength(2);
    expect((await agent.post('/api/auth/delete-user', { password })).statusCode).toBe(200);
    expect(await db.select().from(assessment).where(eq(assessment.ownerId, userId))).toHaveLength(0);
    expect((await db.select().from(assessment).where(eq(assessment.ownerId, meId))).length).toBeGreaterThan(0);
  });
});
