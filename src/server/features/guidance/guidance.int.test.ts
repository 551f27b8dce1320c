import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { createTestApp, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';

let t: TestApp;
let me: Agent;
let other: Agent;
beforeAll(async () => {
  t = await createTestApp({ THERAPIST_DIRECTORY_URL: 'https://directory.example.org/find' });
  me = (await t.signUpVerified()).agent;
  other = (await t.signUpVerified()).agent;
});
afterAll(() => t.close());

const PATH = '/api/v1/guidance/therapy';
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
const moneyEntry = (d: number) => ({ kind: 'quick_capture', occurredAt: daysAgo(d), timeZone: 'UTC', topic: 'money', whatHappened: 'Another talk about the rent went badly', intensityBefore: 40 });

describe(`therapy guidance (${engineName()})`, () => {
  it('starts empty: no suggestion, the directory link, no booking page yet', async () => {
    const res = await me.get(PATH);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      suggest: 'none',
      reasons: [],
      lookedAt: { recentEntries: 0, topTopic: null, scoreSeries: 0, deeperHurtReported: false, linkedPartner: false },
      thresholds: { recurringTopicWindowDays: 30, recurringTopicMinEntries: 5, worseningRun: 3, highIntensityMedian: 70 },
      directoryUrl: 'https://directory.example.org/find',
      bookingUrl: null,
    });
  });

  it('suggests individual therapy once the same topic recurs five times in 30 days (written through the journal API)', async () => {
    for (const d of [1, 3, 6, 10]) expect((await me.post('/api/v1/journal/entries', moneyEntry(d))).statusCode).toBe(201);
    // An older one is outside the window and does not count.
    expect((await me.post('/api/v1/journal/entries', moneyEntry(40))).statusCode).toBe(201);
    const four = (await me.get(PATH)).json();
    expect(four.suggest).toBe('none');
    expect(four.lookedAt).toMatchObject({ recentEntries: 4, topTopic: { topic: 'money', count: 4 } });

    expect((await me.post('/api/v1/journal/entries', moneyEntry(20))).statusCode).toBe(201);
    const res = await me.get(PATH);
    const body = res.json();
    expect(body.suggest).toBe('individual');
    expect(body.reasons).toEqual([{ rule: 'recurring-topic', pointsTo: 'individual', topic: 'money', count: 5, windowDays: 30, threshold: 5 }]);
    // Only facts: none of the person's words come back.
    expect(res.body).not.toContain('rent');
  });

  it('adds a worsening relationship score after three CSI-4 results, each lower than the last', async () => {
    for (const responses of [[4, 4, 4, 4], [3, 3, 3, 3], [2, 2, 2, 2]]) {
      expect((await me.post('/api/v1/assessments', { instrument: 'csi-4', responses })).statusCode).toBe(201);
    }
    const body = (await me.get(PATH)).json();
    expect(body.suggest).toBe('individual');
    const worsening = body.reasons.find((r: { rule: string }) => r.rule === 'worsening-score');
    expect(worsening).toMatchObject({ instrument: 'csi-4', higherIsWorse: false, pointsTo: 'individual' });
    expect(worsening.points.map((p: { value: number }) => p.value)).toEqual([16, 12, 8]);
    expect(body.lookedAt.seriesWithTrend).toBeGreaterThanOrEqual(1);
  });

  it('gives another account its own, empty result', async () => {
    const body = (await other.get(PATH)).json();
    expect(body).toMatchObject({ suggest: 'none', reasons: [], lookedAt: { recentEntries: 0, scoreSeries: 0 } });
  });

  it('answers 401 signed out, as a problem document', async () => {
    const res = await t.agent().get(PATH);
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.agent().get('/api/openapi.json')).json();
    expect(doc.paths[PATH].get.responses['200']).toBeDefined();
  });
});

describe('THERAPIST_DIRECTORY_URL', () => {
  it('defaults to a public directory and rejects a value that is not a URL, naming the setting', () => {
    expect(loadConfig({}).THERAPIST_DIRECTORY_URL).toBe('https://www.psychologytoday.com/us/therapists');
    expect(() => loadConfig({ THERAPIST_DIRECTORY_URL: 'not a url' })).toThrow(ConfigError);
    expect(() => loadConfig({ THERAPIST_DIRECTORY_URL: 'not a url' })).toThrow(/THERAPIST_DIRECTORY_URL/);
  });
});
