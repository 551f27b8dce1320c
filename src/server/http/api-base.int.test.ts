import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { engineName } from '../testing/test-db.ts';
import { idempotent } from './idempotency.ts';
import { rateLimit } from '../db/schema/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT: '2048' });
});
afterAll(() => t.close());

const isProblem = (res: { headers: Record<string, unknown>; json(): unknown }) => {
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const body = res.json() as Record<string, unknown>;
  expect(body).toEqual(expect.objectContaining({ type: expect.any(String), title: expect.any(String), status: expect.any(Number) }));
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/); // never a stack trace
  return body;
};

describe(`API base (${engineName()})`, () => {
  it('serves a valid OpenAPI 3.1 document and readable docs', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/profile', '/healthz', '/readyz']));
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const res = await t.app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    isProblem(res);
  });

  it('answers malformed JSON, a wrong content type and an oversize body with problems naming the body', async () => {
    const { agent } = await t.signUpVerified();
    const bad = await agent.request({ method: 'PATCH', url: '/api/v1/profile', payload: '{"displayName": ', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(isProblem(bad).errors).toEqual([{ path: '(body)', message: 'Not valid JSON' }]);

    const form = await agent.request({ method: 'PATCH', url: '/api/v1/profile', payload: 'displayName=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(415);
    expect(isProblem(form).errors).toEqual([expect.objectContaining({ path: 'content-type' })]);

    const big = await agent.patch('/api/v1/profile', { displayName: 'x'.repeat(5000) });
    expect(big.statusCode).toBe(413);
    isProblem(big);

    // Nothing was half-written.
    expect((await agent.get('/api/v1/profile')).json().displayName).toBe('Robin');
  });

  it('validates profile fields and names each bad one', async () => {
    const { agent } = await t.signUpVerified();
    const res = await agent.patch('/api/v1/profile', { displayName: '', timeZone: 'Mars/Olympus', usState: 'ZZ', language: 'xx' });
    expect(res.statusCode).toBe(400);
    const body = isProblem(res);
    const paths = (body.errors as Array<{ path: string }>).map((e) => e.path).sort();
    expect(paths).toEqual(['displayName', 'language', 'timeZone', 'usState']);

    const unknown = await agent.patch('/api/v1/profile', { favouriteColour: 'green' });
    expect(unknown.statusCode).toBe(400);
    expect((isProblem(unknown).errors as Array<{ path: string }>)[0]!.path).toBe('favouriteColour');

    const wrongType = await agent.patch('/api/v1/profile', ['not', 'an', 'object']);
    expect(wrongType.statusCode).toBe(400);
    isProblem(wrongType);

    const ok = await agent.patch('/api/v1/profile', { timeZone: 'America/Chicago', usState: 'IL' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ displayName: 'Robin', timeZone: 'America/Chicago', usState: 'IL', language: 'en' });
    const cleared = await agent.patch('/api/v1/profile', { usState: null });
    expect(cleared.json().usState).toBeNull();
    expect(cleared.json().timeZone).toBe('America/Chicago');
  });

  it('requires sign-in for the profile', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/profile', payload: { displayName: 'x' } });
    expect(res.statusCode).toBe(401);
    isProblem(res);
  });

  it('refuses cookie-authenticated writes from another origin (CSRF)', async () => {
    const { agent } = await t.signUpVerified();
    const evil = await agent.patch('/api/v1/profile', { displayName: 'Hacked' }, { origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(isProblem(evil).errors).toEqual([expect.objectContaining({ path: 'origin' })]);
    const noOrigin = await agent.request({ method: 'PATCH', url: '/api/v1/profile', payload: { displayName: 'Hacked' }, headers: { origin: 'null' } });
    expect(noOrigin.statusCode).toBe(403);
    const sameSite = await agent.request({ method: 'PATCH', url: '/api/v1/profile', payload: { displayName: 'Kept' }, headers: { origin: '', 'sec-fetch-site': 'same-origin' } });
    expect(sameSite.statusCode).toBe(200);
    expect((await agent.get('/api/v1/profile')).json().displayName).toBe('Kept');
  });

  it('sends security headers: CSP without inline script, no framing, no referrer, no-store on the API', async () => {
    const res = await t.app.inject('/api/v1/client-config');
    expect(res.json()).toEqual({ quickExitUrl: expect.stringMatching(/^https?:\/\//), crisisRegion: 'US' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('reports liveness and readiness', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready' });
  });
});

describe(`Idempotency-Key (${engineName()})`, () => {
  let calls = 0;

  it('returns the first result for a retry, creates once, and refuses a reused key for another body', async () => {
    const app = (await import('../app.ts')).buildApp;
    const ctx = t.ctx;
    const fresh = await app(ctx);
    // A creating route of the kind later features add: writes a row and returns it.
    fresh.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/test-things',
      { schema: { body: z.object({ label: z.string() }) } },
      (request, reply) =>
        idempotent(ctx.database.db, request, reply, 201, async (tx) => {
          calls++;
          const key = `test-thing:${(request.actor as { userId: string }).userId}:${request.body.label}`;
          await tx.insert(rateLimit).values({ id: key, key, count: 1, lastRequest: Date.now() }).onConflictDoNothing();
          return { created: calls };
        }),
    );
    await fresh.ready();
    const { agent } = await t.signUpVerified();
    const send = (label: string, key?: string) =>
      fresh.inject({
        method: 'POST',
        url: '/api/v1/test-things',
        payload: { label },
        headers: { cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '), origin: 'http://localhost:3000', ...(key ? { 'idempotency-key': key } : {}) },
      });
    const first = await send('a', 'key-1');
    expect(first.statusCode).toBe(201);
    const retries = await Promise.all([send('a', 'key-1'), send('a', 'key-1'), send('a', 'key-1')]);
    for (const r of retries) {
      expect(r.statusCode).toBe(201);
      expect(r.json()).toEqual(first.json());
      expect(r.headers['idempotent-replayed']).toBe('true');
    }
    expect(calls).toBe(1);
    const reused = await send('b', 'key-1');
    expect(reused.statusCode).toBe(422);
    expect(isProblem(reused).errors).toEqual([expect.objectContaining({ path: 'idempotency-key' })]);
    const badKey = await send('a', 'has spaces in it');
    expect(badKey.statusCode).toBe(400);
    expect(calls).toBe(1);
    await fresh.close();
  });
});
