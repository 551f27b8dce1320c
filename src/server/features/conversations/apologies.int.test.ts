import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { localDay } from '../../../core/couple/commitments.ts';
import { apology } from '../../db/schema/index.ts';
import { linkForTest, unlinkForTest } from '../../testing/couples.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';

let t: TestApp;
type Person = Awaited<ReturnType<TestApp['signUpVerified']>>;
const person = () => t.signUpVerified();
const today = () => localDay(Date.now(), 'UTC');
const PARTS = {
  what: 'I checked my phone through our whole dinner.',
  impact: 'You may have felt unimportant.',
  responsibility: 'That was my choice and I own it.',
  different: 'Phone in the hall during dinner.',
};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`apologies (${engineName()})`, () => {
  let a: Person;
  let b: Person;
  let stranger: Person;
  let coupleId: string;
  beforeAll(async () => {
    [a, b, stranger] = [await person(), await person(), await person()];
    coupleId = await linkForTest(t, a, b);
  });

  it('keeps an apology private until I send it; then my partner reads it; words stored only encrypted', async () => {
    const res = await a.agent.post('/api/v1/apologies', { ...PARTS, send: false });
    expect(res.statusCode, res.body).toBe(201);
    const { apology: ap, screening } = res.json();
    expect(screening).toEqual({ selfHarm: false, partnerDanger: false });
    expect(ap).toMatchObject({ ...PARTS, author: 'me', status: 'private', sentAt: null, canSend: true, commitmentId: null });
    expect((await b.agent.get(`/api/v1/apologies/${ap.id}`)).statusCode).toBe(404);
    expect((await b.agent.get('/api/v1/apologies')).json()).toMatchObject({ linked: true, received: [] });
    const [row] = await t.ctx.database.db.select().from(apology).where(eq(apology.id, ap.id));
    expect(row!.content.toString('latin1')).not.toContain('dinner');

    expect((await b.agent.post(`/api/v1/apologies/${ap.id}/send`)).statusCode).toBe(404);
    const sent = await a.agent.post(`/api/v1/apologies/${ap.id}/send`);
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'sent', sentAt: expect.any(String) });
    const again = await a.agent.post(`/api/v1/apologies/${ap.id}/send`);
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('urn:trellis:problem:already-sent');

    expect((await b.agent.get(`/api/v1/apologies/${ap.id}`)).json()).toMatchObject({ ...PARTS, author: 'partner', status: 'sent' });
    expect((await b.agent.get('/api/v1/apologies')).json().received).toEqual([expect.objectContaining({ id: ap.id })]);
    expect((await stranger.agent.get(`/api/v1/apologies/${ap.id}`)).statusCode).toBe(404);
    expect((await t.agent().get(`/api/v1/apologies/${ap.id}`)).statusCode).toBe(401);
    // Only the owner deletes it.
    expect((await b.agent.request({ method: 'DELETE', url: `/api/v1/apologies/${ap.id}` })).statusCode).toBe(404);
  });

  it('turns "what I will do differently" into a commitment my partner sees', async () => {
    const res = await a.agent.post('/api/v1/apologies', { ...PARTS, send: true, commitment: { title: 'Phone in the hall at dinner', startDay: today(), recurrence: 'FREQ=DAILY', timeZone: 'UTC' } });
    expect(res.statusCode, res.body).toBe(201);
    const ap = res.json().apology;
    expect(ap).toMatchObject({ status: 'sent', commitmentId: expect.any(String) });
    const list = (await b.agent.get('/api/v1/commitments?timeZone=UTC')).json() as { items: Array<{ id: string; maker: string; title: string }> };
    expect(list.items.find((c) => c.id === ap.commitmentId)).toMatchObject({ maker: 'partner', title: 'Phone in the hall at dinner' });
  });

  it('makes a kept apology a commitment later, once, and only for its owner', async () => {
    const kept = (await a.agent.post('/api/v1/apologies', PARTS)).json().apology;
    const body = { title: 'Wash up on the nights you cook', startDay: today(), timeZone: 'UTC' };
    expect((await b.agent.post(`/api/v1/apologies/${kept.id}/commitment`, body)).statusCode).toBe(404);
    const made = await a.agent.post(`/api/v1/apologies/${kept.id}/commitment`, body);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().apology).toMatchObject({ id: kept.id, status: 'private', commitmentId: expect.any(String) });
    expect((await a.agent.get(`/api/v1/apologies/${kept.id}`)).json().commitmentId).toBe(made.json().apology.commitmentId);
    const twice = await a.agent.post(`/api/v1/apologies/${kept.id}/commitment`, body);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().type).toBe('urn:trellis:problem:already-committed');
  });

  it('names the missing part, and refuses sending without a partner', async () => {
    const empty = await a.agent.post('/api/v1/apologies', { ...PARTS, impact: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([expect.objectContaining({ path: 'impact', message: expect.stringMatching(/affected/) })]);
    const huge = await a.agent.post('/api/v1/apologies', { ...PARTS, different: 'x'.repeat(2001) });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().errors[0].path).toBe('different');

    const solo = await person();
    const kept = await solo.agent.post('/api/v1/apologies', PARTS);
    expect(kept.statusCode).toBe(201);
    expect(kept.json().apology).toMatchObject({ status: 'private', canSend: false });
    const send = await solo.agent.post('/api/v1/apologies', { ...PARTS, send: true });
    expect(send.statusCode).toBe(409);
    expect(send.json()).toMatchObject({ type: 'urn:trellis:problem:not-linked', errors: [{ path: 'send' }] });
  });

  it('lets me delete my apology; after unlinking a sent one stays readable and nothing new is sent', async () => {
    const mine = (await a.agent.post('/api/v1/apologies', PARTS)).json().apology;
    expect((await a.agent.request({ method: 'DELETE', url: `/api/v1/apologies/${mine.id}` })).statusCode).toBe(204);
    expect((await a.agent.get(`/api/v1/apologies/${mine.id}`)).statusCode).toBe(404);

    const sent = (await a.agent.post('/api/v1/apologies', { ...PARTS, send: true })).json().apology;
    const kept = (await a.agent.post('/api/v1/apologies', PARTS)).json().apology;
    await unlinkForTest(t, coupleId);
    expect((await b.agent.get(`/api/v1/apologies/${sent.id}`)).statusCode).toBe(200);
    expect((await b.agent.get(`/api/v1/apologies/${kept.id}`)).statusCode).toBe(404);
    const late = await a.agent.post(`/api/v1/apologies/${kept.id}/send`);
    expect(late.statusCode).toBe(409);
    expect(late.json().type).toBe('urn:trellis:problem:not-linked');
  });

  it('creates once per Idempotency-Key', async () => {
    const [x, y] = [await person(), await person()];
    await linkForTest(t, x, y);
    const key = { 'idempotency-key': `apology-${Date.now()}` };
    const first = await x.agent.post('/api/v1/apologies', PARTS, key);
    const second = await x.agent.post('/api/v1/apologies', PARTS, key);
    expect(second.json().apology.id).toBe(first.json().apology.id);
    expect((await x.agent.get('/api/v1/apologies')).json().mine).toHaveLength(1);
  });
});
