/**
 * Live updates over real HTTP (app.inject cannot stream): a listening app, fetch with the
 * session cookie, and the couple feature publishing `{ type: 'couple' }` on join and unlink.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../testing/test-app.ts';
import { engineName } from '../testing/test-db.ts';
import { openEventStream, type SseStream } from '../testing/sse-client.ts';
import { CSP } from '../http/security.ts';
import { RETRY_MS } from './routes.ts';

let t: TestApp;
let url: string;
const streams: SseStream[] = [];
const open = async (agent?: Agent) => {
  const s = await openEventStream(url, agent);
  streams.push(s);
  return s;
};

beforeAll(async () => {
  t = await createTestApp();
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  streams.forEach((s) => s.close());
  await t.close();
});

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe(`live updates over Server-Sent Events (${engineName()})`, () => {
  it('refuses a signed-out visitor with a 401 problem', async () => {
    const s = await open();
    expect(s.status).toBe(401);
    expect(s.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(s.body)).toMatchObject({ status: 401 });
  });

  it('streams with SSE headers, no-store and the CSP, and a retry hint', async () => {
    const a = await t.signUpVerified({ name: 'Avery' });
    const s = await open(a.agent);
    expect(s.status).toBe(200);
    expect(s.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(s.headers['cache-control']).toBe('no-store');
    expect(s.headers['content-security-policy']).toBe(CSP);
    expect(s.headers['x-content-type-options']).toBe('nosniff');
    expect(s.headers['content-encoding']).toBeUndefined();
    expect(s.retry).toBe(RETRY_MS);
    s.close();
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.agent().get('/api/openapi.json')).json() as { paths: Record<string, { get?: { summary?: string; description?: string } }> };
    expect(doc.paths['/api/v1/events']?.get?.summary).toMatch(/Server-Sent Events/);
    expect(doc.paths['/api/v1/events']?.get?.description).toMatch(/no content/);
  });

  it("tells a person's open page when the partner joins and when the partner unlinks — and a stranger nothing", async () => {
    const a = await t.signUpVerified({ name: 'Avery' });
    const b = await t.signUpVerified({ name: 'Blake' });
    const stranger = await t.signUpVerified({ name: 'Sam' });
    const streamA = await open(a.agent);
    const streamStranger = await open(stranger.agent);

    const code = (await a.agent.post('/api/v1/couple/invites')).json().code as string;
    // Making an invitation changes nothing anyone else should hear about.
    const joined = await b.agent.post('/api/v1/couple/join', { code });
    expect(joined.statusCode).toBe(201);
    const coupleId = joined.json().coupleId as string;

    expect(await streamA.next()).toEqual({ type: 'couple' });
    // The hint carries no words and nothing about the other person: the page re-fetches.
    const status = (await a.agent.get('/api/v1/couple')).json();
    expect(status).toMatchObject({ status: 'linked', coupleId });

    expect((await b.agent.post('/api/v1/couple/unlink')).statusCode).toBe(200);
    expect(await streamA.next()).toEqual({ type: 'couple' });
    expect((await a.agent.get('/api/v1/couple')).json()).toMatchObject({ status: 'single' });

    // The stranger's stream is open and alive, yet heard nothing of either.
    expect(streamStranger.status).toBe(200);
    expect(streamStranger.events).toEqual([]);
    expect(streamA.events).toHaveLength(2);
  });

  it('publishToCouple reaches both current members only, and a rolled-back change announces nothing', async () => {
    const a = await t.signUpVerified({ name: 'Avery' });
    const b = await t.signUpVerified({ name: 'Blake' });
    const code = (await a.agent.post('/api/v1/couple/invites')).json().code as string;
    const coupleId = (await b.agent.post('/api/v1/couple/join', { code })).json().coupleId as string;
    const streamA = await open(a.agent);
    const streamB = await open(b.agent);

    await t.ctx.database.db
      .transaction(async (tx) => {
        await t.ctx.realtime.publishToCouple(coupleId, { type: 'checkin' }, tx as unknown as typeof t.ctx.database.db);
        throw new Error('roll back');
      })
      .catch(() => {});
    await t.ctx.realtime.publishToCouple(coupleId, { type: 'checkin' });
    expect(await streamA.next()).toEqual({ type: 'checkin', coupleId });
    expect(await streamB.next()).toEqual({ type: 'checkin', coupleId });
    await new Promise((r) => setTimeout(r, 200));
    expect(streamA.events).toHaveLength(1);

    // After unlinking, nothing new flows to either.
    await b.agent.post('/api/v1/couple/unlink');
    await streamA.next();
    await streamB.next();
    await t.ctx.realtime.publishToCouple(coupleId, { type: 'checkin' });
    await new Promise((r) => setTimeout(r, 300));
    expect(streamA.events.map((e) => e.type)).toEqual(['checkin', 'couple']);
  });

  it('forgets a stream when the browser goes away', async () => {
    const a = await t.signUpVerified({ name: 'Avery' });
    const before = t.ctx.realtime.localStreams;
    const s = await open(a.agent);
    await until(() => t.ctx.realtime.localStreams === before + 1);
    s.close();
    await until(() => t.ctx.realtime.localStreams === before);
  });

  it('ends open streams when the app closes, so shutdown is not held up', async () => {
    const a = await t.signUpVerified({ name: 'Avery' });
    const s = await open(a.agent);
    const started = Date.now();
    await t.app.close();
    await s.ended;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(t.ctx.realtime.localStreams).toBe(0);
  });
});
