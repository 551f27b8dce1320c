/**
 * Live hints from the couple tools (docs/decisions/017, 022): boundaries, activities (planning,
 * marking done, reflections), the repair log and the cycle map each tell both partners' open
 * pages `{ type, coupleId }` — no words — and a stranger's stream hears nothing. Deleting my part
 * of an ended couple tells my former partner's page `{ type: 'couple' }`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkForTest, unlinkForTest } from '../testing/couples.ts';
import { createTestApp, type Agent, type TestApp } from '../testing/test-app.ts';
import { engineName } from '../testing/test-db.ts';
import { openEventStream, type SseStream } from '../testing/sse-client.ts';

let t: TestApp;
let url: string;
const streams: SseStream[] = [];
const open = async (agent: Agent) => {
  const s = await openEventStream(url, agent);
  expect(s.status).toBe(200);
  streams.push(s);
  return s;
};
const put = (agent: Agent, path: string, body: object) => agent.request({ method: 'PUT', url: path, payload: body });

beforeAll(async () => {
  t = await createTestApp();
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  streams.forEach((s) => s.close());
  await t.close();
});

describe(`live hints from the couple tools (${engineName()})`, () => {
  it('reach both partners for every write, and never a stranger', async () => {
    const [a, b, stranger] = [await t.signUpVerified(), await t.signUpVerified(), await t.signUpVerified()];
    const coupleId = await linkForTest(t, a, b);
    const [streamA, streamB, streamS] = [await open(a.agent), await open(b.agent), await open(stranger.agent)];
    const expectHint = async (type: string) => {
      expect(await streamB.next()).toEqual({ type, coupleId });
      expect(await streamA.next()).toEqual({ type, coupleId });
    };

    const bd = await a.agent.post('/api/v1/boundaries', { text: 'Quiet mornings, please.' });
    expect(bd.statusCode).toBe(201);
    await expectHint('boundary');
    expect((await a.agent.patch(`/api/v1/boundaries/${bd.json().boundary.id}`, { text: 'Quiet mornings.' })).statusCode).toBe(200);
    await expectHint('boundary');
    expect((await a.agent.request({ method: 'DELETE', url: `/api/v1/boundaries/${bd.json().boundary.id}` })).statusCode).toBe(204);
    await expectHint('boundary');

    const plan = await a.agent.post('/api/v1/activity-plans', { activityId: 'phone-free-walk', plannedDay: '2026-12-05' });
    expect(plan.statusCode).toBe(201);
    await expectHint('activity');
    expect((await b.agent.post(`/api/v1/activity-plans/${plan.json().id}/done`)).statusCode).toBe(200);
    await expectHint('activity');
    expect((await put(b.agent, `/api/v1/activity-plans/${plan.json().id}/reflection`, { howItWent: 'Lovely', learned: 'Slow down' })).statusCode).toBe(200);
    await expectHint('activity');

    const rp = await b.agent.post('/api/v1/repairs', { day: '2026-11-28', rupture: 'Sharp words', attempt: 'A pause', helped: 'A walk' });
    expect(rp.statusCode).toBe(201);
    await expectHint('repair');
    expect((await b.agent.patch(`/api/v1/repairs/${rp.json().repair.id}`, { helped: 'Tea' })).statusCode).toBe(200);
    await expectHint('repair');
    expect((await b.agent.request({ method: 'DELETE', url: `/api/v1/repairs/${rp.json().repair.id}` })).statusCode).toBe(204);
    await expectHint('repair');

    expect((await put(a.agent, '/api/v1/cycle/mine', { feel: 'unheard', tendTo: { choices: ['go-quiet'] } })).statusCode).toBe(200);
    await expectHint('cycle');

    // A refused write (after unlinking) sends nothing; deleting my part tells my former partner.
    await unlinkForTest(t, coupleId);
    expect((await a.agent.post('/api/v1/boundaries', { text: 'Too late' })).statusCode).toBe(409);
    const gone = await a.agent.request({ method: 'DELETE', url: `/api/v1/couple/archive/${coupleId}/mine` });
    expect(gone.statusCode).toBe(200);
    expect(await streamB.next()).toEqual({ type: 'couple', coupleId });
    expect(await streamA.next()).toEqual({ type: 'couple', coupleId });

    expect(streamA.events.map((e) => e.type)).toEqual(['boundary', 'boundary', 'boundary', 'activity', 'activity', 'activity', 'repair', 'repair', 'repair', 'cycle', 'couple']);
    expect(streamS.events).toEqual([]);
    // No words travel in a hint.
    expect(JSON.stringify(streamB.events)).not.toMatch(/Quiet|Lovely|Sharp|unheard/);
  });
});
