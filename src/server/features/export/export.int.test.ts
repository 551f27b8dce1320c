/**
 * "Export all my data" (docs/decisions/030): every kind of thing I wrote comes back decrypted in one
 * documented JSON document; my partner's words never do; signed out is 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';
import { writeEverything, type Written } from './fixture.ts';
import { exportDocumentSchema, type ExportDocument } from '../../../core/schemas/export.ts';

let t: TestApp;
let w: Written;
beforeAll(async () => {
  t = await createTestApp();
  w = await writeEverything(t);
});
afterAll(() => t.close());

describe(`GET /api/v1/me/export (${engineName()})`, () => {
  it('gives every kind of thing I own, decrypted, in the documented format', async () => {
    const res = await w.me.agent.get('/api/v1/me/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBeUndefined();
    const doc = exportDocumentSchema.parse(res.json()) as ExportDocument;
    expect(doc.format).toBe('trellis-export');
    expect(doc.version).toBe(1);
    expect(Math.abs(Date.parse(doc.exportedAt) - Date.now())).toBeLessThan(60_000);
    expect(doc.account).toMatchObject({ id: w.me.userId, email: w.me.email, name: 'Robin', emailVerified: true });
    expect(doc.account.sessions.length).toBeGreaterThan(0);

    const [entry] = doc.journal;
    expect(entry).toMatchObject({ id: w.journalEntryId, kind: 'quick_capture', timeZone: 'UTC' });
    expect(entry!.text.whatHappened).toContain(w.mine.journal);
    expect(entry!.text.story).toContain(w.mine.story);
    expect(entry!.sharedWithPartnerAt).not.toBeNull();
    expect(doc.urges[0]).toMatchObject({ actedOn: false, insteadDid: 'Went for a walk' });
    expect(doc.urges[0]!.urge).toContain(w.mine.urge);
    expect(doc.urges[0]!.fear).toContain(w.mine.fear);
    expect(doc.origins[0]!.roots[0]).toMatchObject({ root: 'past_betrayal', resonates: true });
    expect(doc.origins[0]!.roots[0]!.notes).toContain(w.mine.origins);
    expect(doc.selfWorth[0]).toMatchObject({ kind: 'win', day: '2026-11-22' });
    expect(doc.selfWorth[0]!.text).toContain(w.mine.selfworth);
    expect(doc.checkups[0]).toMatchObject({ instrument: 'csi-4', responses: [3, 3, 3, 3] });
    expect(doc.reminders).toMatchObject({ checkinReminder: false, pushDevices: [] });

    const c = doc.couple;
    expect(c.links).toEqual([expect.objectContaining({ coupleId: w.coupleId, leftAt: null })]);
    expect(c.checkins).toHaveLength(1);
    expect(c.checkins[0]!.highPoint).toContain(w.mine.checkin);
    expect(c.commitments[0]!.title).toContain(w.mine.commitment);
    expect(c.commitments[0]!.record).toEqual([expect.objectContaining({ outcome: 'kept' })]);
    expect(c.agreements.started).toEqual([expect.objectContaining({ id: w.agreementId, topic: 'phones' })]);
    expect(c.agreements.versionsIWrote).toEqual([expect.objectContaining({ agreementId: w.agreementId, number: 1 })]);
    expect(c.agreements.versionsIWrote[0]!.text).toContain(w.mine.agreement);
    expect(c.agreements.acceptances).toEqual(
      expect.arrayContaining([expect.objectContaining({ number: 1, writtenBy: 'me' }), expect.objectContaining({ number: 2, writtenBy: 'partner' })]),
    );
    expect(c.boundaries).toHaveLength(1);
    expect(c.boundaries[0]!.text).toContain(w.mine.boundary);
    expect(c.activities.planned).toEqual([expect.objectContaining({ activityId: 'phone-free-walk', status: 'done' })]);
    expect(c.activities.reflections[0]!.howItWent).toContain(w.mine.reflection);
    expect(c.repairs[0]!.rupture).toContain(w.mine.repair);
    expect(c.cycleSides[0]!.feel).toContain(w.mine.cycle);
    expect(c.cycleSides[0]!.tendTo.choices).toEqual(['go-quiet']);
    const [conv] = c.conversations;
    expect(conv).toMatchObject({ id: w.conversationId, startedBy: 'me' });
    expect(conv!.checklistConfirmedAt).not.toBeNull();
    expect(conv!.myTurns).toEqual([expect.objectContaining({ seq: 1, kind: 'message' })]);
    expect(conv!.myTurns[0]!.text).toContain(w.mine.turn);
    expect(c.apologies[0]!.what).toContain(w.mine.apology);
    expect(c.apologies[0]!.status).toBe('sent');
    expect(doc.care).toEqual({ links: [], accessLog: [], bookings: [] });

    // Each of my marker words is in it; none of my partner's.
    const body = res.body;
    for (const word of Object.values(w.mine)) expect(body).toContain(word);
    for (const word of Object.values(w.theirs)) expect(body).not.toContain(word);
  });

  it('names my partner only as "partner": their export has their words and the conversation I started', async () => {
    const doc = (await w.partner.agent.get('/api/v1/me/export')).json() as ExportDocument;
    expect(doc.account.id).toBe(w.partner.userId);
    expect(doc.couple.checkins[0]!.highPoint).toContain(w.theirs.checkin);
    expect(doc.couple.conversations).toEqual([expect.objectContaining({ id: w.conversationId, startedBy: 'partner' })]);
    expect(doc.couple.conversations[0]!.myTurns.map((x) => x.seq)).toEqual([2]);
    const text = JSON.stringify(doc);
    for (const word of Object.values(w.mine)) expect(text).not.toContain(word);
  });

  it('answers as a file to save with ?download=1, and checks the query', async () => {
    const res = await w.me.agent.get('/api/v1/me/export?download=1');
    expect(res.statusCode).toBe(200);
    const day = (res.json() as ExportDocument).exportedAt.slice(0, 10);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="trellis-export-${day}.json"`);
    const bad = await w.me.agent.get('/api/v1/me/export?download=yes');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toContain('download');
  });

  it('is for the signed-in only', async () => {
    const res = await t.agent().get('/api/v1/me/export');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('is in the OpenAPI document', async () => {
    const spec = (await t.agent().get('/api/openapi.json')).json() as { paths: Record<string, { get?: unknown }> };
    expect(spec.paths['/api/v1/me/export']?.get).toBeDefined();
  });
});
