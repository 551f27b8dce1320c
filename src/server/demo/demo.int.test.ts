import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, Agent, BASE_URL, type TestApp } from '../testing/test-app.ts';
import { firstUrl } from '../testing/smtp-capture.ts';
import { engineName } from '../testing/test-db.ts';
import { DEMO_ACCOUNT, seedDemo } from './seed.ts';
import { DEMO_EXTRAS } from './extras.ts';

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
});
