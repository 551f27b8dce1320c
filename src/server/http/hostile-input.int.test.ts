/**
 * What the OpenAPI fuzz (fuzz.int.test.ts) found, kept as plain regression tests: each was a 5xx
 * or a 4xx that was not a problem document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { engineName } from '../testing/test-db.ts';
import { deepJson } from '../testing/openapi-fuzz.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const problem = (res: { statusCode: number; headers: Record<string, unknown>; body: string }) => {
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const body = JSON.parse(res.body) as { type: string; status: number; errors?: Array<{ path: string }> };
  expect(body.status).toBe(res.statusCode);
  return body;
};

describe(`hostile input found by the fuzz (${engineName()})`, () => {
  it('answers a URL whose percent-encoding cannot be decoded with a problem that does not quote it', async () => {
    const res = await t.app.inject('/api/v1/journal/entries/%E0%A4%A?secret=x');
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors).toEqual([expect.objectContaining({ path: 'url' })]);
    expect(res.body).not.toContain('secret');
    expect(res.headers['content-security-policy']).toBeDefined();
  });

  it('refuses a body nested thousands deep (it overflowed the Idempotency-Key hash: a 500)', async () => {
    const { agent } = await t.signUpVerified();
    const res = await agent.request({ method: 'POST', url: '/api/v1/couple/invites', payload: deepJson(5000), headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1' } });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors).toEqual([expect.objectContaining({ path: '(body)' })]);
    const ok = await agent.request({ method: 'POST', url: '/api/v1/couple/invites', payload: deepJson(10), headers: { 'content-type': 'application/json', 'idempotency-key': 'k-2' } });
    expect(ok.statusCode).toBeLessThan(300);
  });

  it('refuses a NUL character in any body field, naming it (PostgreSQL text cannot hold one: a 500)', async () => {
    const { agent } = await t.signUpVerified();
    const res = await agent.patch('/api/v1/profile', { displayName: 'Ro\u0000bin' });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors).toEqual([expect.objectContaining({ path: 'displayName' })]);
    const nested = await agent.post('/api/v1/origins', { roots: [{ root: 'past_betrayal', resonates: true, notes: '\u0000' }] });
    expect(nested.statusCode).toBe(400);
    expect(problem(nested).errors).toEqual([expect.objectContaining({ path: 'roots.0.notes' })]);
    expect((await agent.get('/api/v1/profile')).json().displayName).toBe('Robin');
  });

  it('refuses a NUL character in a practice id', async () => {
    const { agent } = await t.signUpVerified();
    const res = await agent.put('/api/v1/practices/%00/session-types/consultation', { durationMinutes: 20, horizonDays: 14 });
    expect(res.statusCode).toBe(400);
    problem(res);
  });
});
