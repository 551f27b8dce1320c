/**
 * Scale-out (PostgreSQL only — this file is in the postgres project alone): two Trellis instances,
 * each its own context, app, pool and listening port, on ONE PostgreSQL database. A person's page
 * is connected to instance 1; their partner acts through instance 2; the hint crosses over
 * through NOTIFY/LISTEN. Also: the listening connection comes back after it is cut; rate limits
 * count across both instances (their counters are rows in the database); and two people booking
 * one consultation slot at the same moment, one through each instance, get one booking and one
 * 409 problem, never a 500 (docs/decisions/037). Jobs across instances: jobs/two-instances.pg.int.test.ts.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { openEventStream, type SseStream } from '../testing/sse-client.ts';
import { listenPostgres } from '../db/client.ts';
import { setUpPractice } from '../testing/care.ts';
import { BOOKINGS_PER_ADDRESS } from '../features/care/routes.ts';

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

/** An address no other test file uses (the counters of the whole run share one database). */
const freshAddress = () => `198.18.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;
/** Instance 1, then 2, then 1…: the attempt number's instance. */
const instanceFor = (i: number) => (i % 2 === 0 ? one : two);

describe('rate limits across two server instances on one PostgreSQL', () => {
  it('refuses the sixth sign-in attempt from one address whichever instance the attempts go to', async () => {
    const address = freshAddress();
    const email = `nobody-${crypto.randomBytes(4).toString('hex')}@example.com`;
    const statuses: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await instanceFor(i).app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email, password: 'wrong password attempt' }, headers: { origin: 'http://localhost:3000' }, remoteAddress: address });
      statuses.push(`${i % 2 === 0 ? 1 : 2}:${res.statusCode}`);
    }
    // Five attempts a minute per address (auth.ts): three went to instance 1 and two to instance 2,
    // so a per-process counter would still let both through.
    expect(statuses).toEqual(['1:401', '2:401', '1:401', '2:401', '1:401', '2:429', '1:429', '2:429']);
    // Another address is not affected, on either instance.
    const other = await two.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email, password: 'wrong password attempt' }, headers: { origin: 'http://localhost:3000' }, remoteAddress: freshAddress() });
    expect(other.statusCode).toBe(401);
  });

  it(`refuses booking request ${BOOKINGS_PER_ADDRESS + 1} from one address in an hour, counted across both instances`, async () => {
    const practice = await setUpPractice(one, { name: 'Shared Limits Counselling', therapists: [{ name: 'Dana', displayName: 'Dana Reyes' }] });
    const therapistId = practice.therapists[0]!.therapistId;
    // Not the first free times: one may pass the practice's minimum notice while the test runs.
    const slots = (await freeSlots(two, practice.slug, therapistId)).slice(2);
    expect(slots.length).toBeGreaterThan(BOOKINGS_PER_ADDRESS + 2);
    const address = freshAddress();
    const statuses: string[] = [];
    let refusal: { type?: string; status?: number } | undefined;
    for (let i = 0; i < BOOKINGS_PER_ADDRESS + 2; i++) {
      const res = await bookThrough(instanceFor(i), practice.slug, therapistId, slots[i]!.start, address);
      statuses.push(`${i % 2 === 0 ? 1 : 2}:${res.statusCode}`);
      if (res.statusCode === 429) {
        expect(res.headers['content-type']).toContain('application/problem+json');
        refusal = res.json();
      }
    }
    const expected = Array.from({ length: BOOKINGS_PER_ADDRESS + 2 }, (_, i) => `${i % 2 === 0 ? 1 : 2}:${i < BOOKINGS_PER_ADDRESS ? 201 : 429}`);
    expect(statuses).toEqual(expected);
    expect(refusal).toMatchObject({ status: 429, type: expect.stringMatching(/too-many-bookings$/) });
  });
});

describe('booking uniqueness across two server instances on one PostgreSQL', () => {
  it('gives one slot to exactly one of two people booking it at the same moment through different instances; the other gets a 409 problem', async () => {
    const practice = await setUpPractice(two, { name: 'Two Doors Counselling', therapists: [{ name: 'Dana', displayName: 'Dana Reyes' }] });
    const therapistId = practice.therapists[0]!.therapistId;
    const slots = await freeSlots(one, practice.slug, therapistId);
    // Not the first free times: one may pass the practice's minimum notice while the test runs.
    const contested = slots.slice(2, 10);
    expect(contested).toHaveLength(8);
    const outcomes: string[] = [];
    for (const slot of contested) {
      // Both requests are in flight together; a fresh address each, so no limit is involved.
      const [viaOne, viaTwo] = await Promise.all([
        bookThrough(one, practice.slug, therapistId, slot.start, freshAddress(), 'first.person@example.com'),
        bookThrough(two, practice.slug, therapistId, slot.start, freshAddress(), 'second.person@example.com'),
      ]);
      const codes = [viaOne.statusCode, viaTwo.statusCode].sort();
      outcomes.push(codes.join('+'));
      const refused = viaOne.statusCode === 409 ? viaOne : viaTwo;
      if (refused.statusCode === 409) {
        expect(refused.headers['content-type']).toContain('application/problem+json');
        expect(refused.json()).toMatchObject({ status: 409, type: expect.stringMatching(/slot-taken$/) });
      }
    }
    expect(outcomes).toEqual(contested.map(() => '201+409'));
    // Each contested time is gone from the free times, seen from either instance.
    const after = new Set((await freeSlots(two, practice.slug, therapistId)).map((s) => s.start));
    for (const slot of contested) expect(after.has(slot.start)).toBe(false);
  });
});

async function freeSlots(t: TestApp, slug: string, therapistId: string): Promise<Array<{ start: string }>> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/practices/${slug}/therapists/${therapistId}/slots?kind=couple&state=TX&timeZone=America%2FChicago` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { slots: Array<{ start: string }> }).slots;
}

function bookThrough(t: TestApp, slug: string, therapistId: string, start: string, address: string, email = 'robin.client@example.com') {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/public/practices/${slug}/bookings`,
    headers: { origin: 'http://localhost:3000' },
    remoteAddress: address,
    payload: {
      therapistId,
      kind: 'couple',
      state: 'TX',
      timeZone: 'America/Chicago',
      start,
      name: 'Robin',
      email,
      whatBrings: 'We keep arguing about plans.',
      partnerName: 'Alex',
      safety: 'no',
      consentToContact: true,
    },
  });
}
