import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Agent, BASE_URL, type TestApp } from '../testing/test-app.ts';
import { firstUrl } from '../testing/smtp-capture.ts';
import { engineName } from '../testing/test-db.ts';
import { DEMO_ACCOUNT, demoPeople, seedDemo } from './seed.ts';
import { DEMO_EXTRAS } from './extras.ts';
import { DEMO_PRACTICE, DEMO_THERAPISTS, seedDemoPractice, totpNow } from './practice.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const verificationLink = async (email: string) => firstUrl((await t.smtp.waitFor(email, /confirm/i)).text);

async function countEntries(agent: Agent): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const page = (await agent.get(`/api/v1/journal/entries?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json() as { items: unknown[]; nextCursor: string | null };
    n += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return n;
}

describe(`npm run demo (${engineName()})`, () => {
  it('creates a verified demo person through the API, and a second run replaces them instead of adding to them', async () => {
    const first = await seedDemo(t.app, { baseUrl: BASE_URL, verificationLink, months: 2 });
    expect(first.counts.entries).toBeGreaterThan(20);
    const second = await seedDemo(t.app, { baseUrl: BASE_URL, verificationLink, months: 6, extras: DEMO_EXTRAS, ctx: t.ctx });

    const agent = new Agent(t.app);
    expect((await agent.post('/api/auth/sign-in/email', { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password })).statusCode).toBe(200);
    expect(await countEntries(agent)).toBe(second.counts.entries);
    expect((await agent.get('/api/v1/profile')).json()).toMatchObject({ timeZone: 'America/Chicago', usState: 'IL' });
    expect((await agent.get('/api/v1/origins')).json().history).toHaveLength(2);
    // Check-ups spread over the months, each taken more than once, so every chart has a line.
    for (const instrument of ['ecr-rs', 'csi-4', 'trust-pulse', 'trust-signs']) {
      const items = (await agent.get(`/api/v1/assessments?instrument=${instrument}&limit=100`)).json().items as Array<{ takenAt: string }>;
      expect(items.length, instrument).toBeGreaterThanOrEqual(2);
      expect(new Set(items.map((i) => i.takenAt.slice(0, 10))).size, instrument).toBe(items.length);
    }
    // The demo couple: linked with Sam, weeks of revealed check-ins, two commitments with a record.
    expect((await agent.get('/api/v1/couple')).json()).toMatchObject({ status: 'linked', partner: { displayName: 'Sam' } });
    const checkins = (await agent.get('/api/v1/checkins?limit=50')).json() as { items: Array<{ partner: unknown }> };
    expect(checkins.items.filter((c) => c.partner).length).toBeGreaterThan(20);
    const commitments = (await agent.get('/api/v1/commitments')).json() as { items: Array<{ record: { kept: number } }> };
    expect(commitments.items).toHaveLength(2);
    for (const c of commitments.items) expect(c.record.kept).toBeGreaterThan(5);
    const agreements = (await agent.get('/api/v1/agreements')).json() as { items: Array<{ active: unknown }> };
    expect(agreements.items).toHaveLength(1);
    expect(agreements.items[0]!.active).toBeTruthy();
    expect(((await agent.get('/api/v1/boundaries')).json() as { items: unknown[] }).items).toHaveLength(2);
  });

  it('creates the demo practice: two-factor therapists licensed in TX and OK, CA and OR, and an accepted consultation holding its slot', async () => {
    const person = demoPeople(t.app, { baseUrl: BASE_URL, verificationLink });
    await seedDemoPractice(t.app, { baseUrl: BASE_URL, ctx: t.ctx, person });
    // A second run replaces the practice and its accounts instead of failing on the taken address.
    const demo = await seedDemoPractice(t.app, { baseUrl: BASE_URL, ctx: t.ctx, person });

    const page = await new Agent(t.app).get(`/api/v1/public/practices/${DEMO_PRACTICE.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ name: 'Willow Street Counselling', timeZone: 'America/Chicago', states: ['CA', 'OK', 'OR', 'TX'] });
    expect(page.json().sessionTypes).toEqual(
      expect.arrayContaining([
        { kind: 'consultation', durationMinutes: 20 },
        { kind: 'individual', durationMinutes: 50 },
        { kind: 'couples', durationMinutes: 80 },
      ]),
    );
    const inState = async (state: string) => (await new Agent(t.app).get(`/api/v1/public/practices/${DEMO_PRACTICE.slug}/therapists?kind=couple&state=${state}`)).json() as Array<{ id: string; displayName: string }>;
    const [tx, or] = [await inState('TX'), await inState('OR')];
    expect(tx.map((x) => x.displayName)).toEqual([DEMO_THERAPISTS[0].displayName]);
    expect(or.map((x) => x.displayName)).toEqual([DEMO_THERAPISTS[1].displayName]);

    // The consultation holds its slot: it is no longer offered to anyone.
    const slots = (await new Agent(t.app).get(`/api/v1/public/practices/${DEMO_PRACTICE.slug}/therapists/${tx[0]!.id}/slots?kind=couple&state=TX&timeZone=America/Chicago`)).json() as { slots: Array<{ start: string }> };
    expect(slots.slots.length).toBeGreaterThan(5);
    expect(slots.slots.map((s) => s.start)).not.toContain(demo.consultation.start);

    // The printed sign-in works: password, then the code for the printed secret.
    const dana = demo.therapists[0]!;
    expect(dana).toMatchObject({ email: DEMO_THERAPISTS[0].email, states: ['TX', 'OK'] });
    const agent = new Agent(t.app);
    const first = await agent.post('/api/auth/sign-in/email', { email: dana.email, password: demo.password });
    expect(first.json()).toMatchObject({ twoFactorRedirect: true });
    expect((await agent.post('/api/auth/two-factor/verify-totp', { code: totpNow(dana.secret) })).statusCode).toBe(200);
    const mine = (await agent.get('/api/v1/practice/bookings')).json() as Array<{ id: string; status: string; start: string; kind: string; state: string }>;
    expect(mine).toEqual([expect.objectContaining({ id: demo.consultation.id, status: 'accepted', start: demo.consultation.start, kind: 'couple', state: 'TX' })]);
    // And the printed backup code, for the other therapist.
    const jordan = new Agent(t.app);
    await jordan.post('/api/auth/sign-in/email', { email: demo.therapists[1]!.email, password: demo.password });
    expect((await jordan.post('/api/auth/two-factor/verify-backup-code', { code: demo.therapists[1]!.backupCode })).statusCode).toBe(200);
    expect((await jordan.get('/api/v1/practice/bookings')).json()).toEqual([]);
  });
});
