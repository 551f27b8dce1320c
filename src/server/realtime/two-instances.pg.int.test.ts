/**
 * Scale-out (PostgreSQL only — this file is in the postgres project alone): two Trellis instances,
 * each its own context, app, pool and listening port, on ONE PostgreSQL database. A person's page
 * is connected to instance 1; their partner acts through instance 2; the hint crosses over
 * through NOTIFY/LISTEN. Also: the listening connection comes back after it is cut.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { openEventStream, type SseStream } from '../testing/sse-client.ts';
import { listenPostgres } from '../db/client.ts';

let one: TestApp;
let two: TestApp;
let url1: string;
let url2: string;
const streams: SseStream[] = [];

beforeAll(async () => {
  // The instances share what a real deployment shares: the database and the server key.
  const env = { TRELLIS_SECRET_KEY: crypto.randomBytes(32).toString('base64') };
  one = await createTestApp(env);
  two = await createTestApp(env);
  url1 = await one.app.listen({ port: 0, host: '127.0.0.1' });
  url2 = await two.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  streams.forEach((s) => s.close());
  await one?.close();
  await two?.close();
});

describe('live updates across two server instances on one PostgreSQL', () => {
  it('runs on PostgreSQL, on two ports', () => {
    expect(one.ctx.database.kind).toBe('postgres');
    expect(two.ctx.database.kind).toBe('postgres');
    expect(url1).not.toBe(url2);
  });

  it("reaches a page on instance 1 when the partner joins and unlinks through instance 2", async () => {
    const a = await one.signUpVerified({ name: 'Avery' });
    const b = await two.signUpVerified({ name: 'Blake' });
    const stranger = await two.signUpVerified({ name: 'Sam' });
    const streamA = await openEventStream(url1, a.agent);
    const streamStranger = await openEventStream(url1, stranger.agent);
    streams.push(streamA, streamStranger);
    expect(streamA.status).toBe(200);
    // Instance 2 has no open stream at all: it only publishes.
    expect(two.ctx.realtime.localStreams).toBe(0);

    const code = (await a.agent.post('/api/v1/couple/invites')).json().code as string;
    const started = Date.now();
    const joined = await b.agent.post('/api/v1/couple/join', { code });
    expect(joined.statusCode).toBe(201);
    expect(await streamA.next(5_000)).toEqual({ type: 'couple' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await a.agent.get('/api/v1/couple')).json()).toMatchObject({ status: 'linked', partner: { displayName: 'Blake' } });

    expect((await b.agent.post('/api/v1/couple/unlink')).statusCode).toBe(200);
    expect(await streamA.next(5_000)).toEqual({ type: 'couple' });
    expect((await a.agent.get('/api/v1/couple')).json()).toMatchObject({ status: 'single' });

    expect(streamStranger.events).toEqual([]);
  });

  it('an instance-2 page hears an instance-1 action too (both directions)', async () => {
    const a = await one.signUpVerified({ name: 'Avery' });
    const b = await two.signUpVerified({ name: 'Blake' });
    const streamB = await openEventStream(url2, b.agent);
    streams.push(streamB);
    const code = (await b.agent.post('/api/v1/couple/invites')).json().code as string;
    expect((await a.agent.post('/api/v1/couple/join', { code })).statusCode).toBe(201);
    expect(await streamB.next(5_000)).toEqual({ type: 'couple' });
  });

  it('the listening connection reconnects after it is cut (telling the hub to resync) and carries hints again', async () => {
    const url = inject('postgresUrl');
    const channel = `trellis_test_${crypto.randomBytes(4).toString('hex')}`;
    const applicationName = `trellis-live-test-${crypto.randomBytes(4).toString('hex')}`;
    const received: string[] = [];
    let reconnects = 0;
    const stop = await listenPostgres(url, channel, (p) => received.push(p), { onReconnect: () => reconnects++, onError: () => {} }, { applicationName });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const until = async (check: () => boolean) => {
      const end = Date.now() + 10_000;
      while (!check()) {
        if (Date.now() > end) throw new Error('not in time');
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    try {
      await admin.query('select pg_notify($1, $2)', [channel, 'first']);
      await until(() => received.includes('first'));

      const cut = await admin.query('select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = $1', [applicationName]);
      expect(cut.rows).toEqual([{ ok: true }]);
      await until(() => reconnects === 1);

      await admin.query('select pg_notify($1, $2)', [channel, 'after']);
      await until(() => received.includes('after'));
      expect(received).toEqual(['first', 'after']);

      // Stopped means stopped: no connection is left behind, and it does not come back.
      await stop();
      await new Promise((r) => setTimeout(r, 300));
      const left = await admin.query('select count(*)::int as n from pg_stat_activity where application_name = $1', [applicationName]);
      expect(left.rows[0]).toEqual({ n: 0 });
    } finally {
      await stop();
      await admin.end();
    }
  });
});
