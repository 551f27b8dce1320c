import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';

let t: TestApp;
let me: Agent;
let meId: string;
let other: Agent;
let otherId: string;
beforeAll(async () => {
  t = await createTestApp();
  ({ agent: me, userId: meId } = await t.signUpVerified());
  ({ agent: other, userId: otherId } = await t.signUpVerified());
});
afterAll(() => t.close());

/** A local Chicago wall-clock time `daysAgo` days back, as a UTC instant (CST/CDT resolved by Intl). */
function chicagoAt(daysAgo: number, hour: number): string {
  const day = new Date(Date.now() - daysAgo * 86_400_000);
  const probe = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, 30);
  const offsetHours = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', timeZoneName: 'shortOffset' }).formatToParts(probe).find((p) => p.type === 'timeZoneName')!.value.replace('GMT', ''));
  return new Date(probe - offsetHours * 3600_000).toISOString();
}

const WORDS = 'My partner did not answer for hours and I spiralled.';

async function write(agent: Agent, body: Record<string, unknown>) {
  const res = await agent.post('/api/v1/journal/entries', { kind: 'thought_record', timeZone: 'America/Chicago', whatHappened: WORDS, story: 'they are pulling away', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().entry as { id: string; occurredAt: string };
}

describe(`insights over my own entries (${engineName()})`, () => {
  const written: Array<{ id: string; occurredAt: string }> = [];
  beforeAll(async () => {
    await me.patch('/api/v1/profile', { timeZone: 'America/Chicago' });
    written.push(await write(me, { occurredAt: chicagoAt(3, 20), topic: 'communication', tags: ['texts'], bodyCues: ['racing_heart', 'stomach_knot'], intensityBefore: 80, intensityAfter: 40, urge: 'check_phone', urgeActedOn: false, woundOrSignal: 'old_wound' }));
    written.push(await write(me, { occurredAt: chicagoAt(3, 21), topic: 'communication', tags: ['Texts', 'evening'], bodyCues: ['racing_heart'], intensityBefore: 60, intensityAfter: 30, urge: 'seek_reassurance', urgeActedOn: true, woundOrSignal: 'present_signal' }));
    written.push(await write(me, { kind: 'quick_capture', occurredAt: chicagoAt(10, 8), topic: 'money', intensityBefore: 50 }));
    written.push(await write(me, { kind: 'reflection', occurredAt: chicagoAt(1, 9), promptId: null }));
    written.push(await write(me, { occurredAt: chicagoAt(200, 20), topic: 'friends' })); // outside the default 90 days
    await write(other, { occurredAt: chicagoAt(2, 20), topic: 'jealousy', urge: 'accuse', urgeActedOn: true });
  });

  it('puts entries written through the API in the right buckets, in my profile time zone', async () => {
    const res = await me.get('/api/v1/insights');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.range.timeZone).toBe('America/Chicago');
    expect(r.totals).toEqual({ entries: 4, triggers: 3, reflections: 1 });
    expect(r.sparse).toBe(true);
    expect(r.empty).toBe(false);
    const weekday = (iso: string) => (new Date(new Date(iso).toLocaleString('en-US', { timeZone: 'America/Chicago' })).getDay() + 6) % 7;
    expect(r.heatmap.counts[weekday(written[0]!.occurredAt)][20]).toBe(1);
    expect(r.heatmap.counts[weekday(written[1]!.occurredAt)][21]).toBe(1);
    expect(r.heatmap.counts[weekday(written[2]!.occurredAt)][8]).toBe(1);
    expect(r.heatmap.busiest).toMatchObject({ partOfDay: 'evening', count: 2 });
    expect(r.topics.items).toEqual([
      { topic: 'communication', count: 2 },
      { topic: 'money', count: 1 },
    ]);
    expect(r.tags.items).toEqual([
      { tag: 'texts', count: 2 },
      { tag: 'evening', count: 1 },
    ]);
    expect(r.bodyCues.items).toEqual([
      { cue: 'racing_heart', count: 2 },
      { cue: 'stomach_knot', count: 1 },
    ]);
    expect(r.intensity.overall).toEqual({ entries: 2, meanBefore: 70, meanAfter: 35 });
    expect(r.urges).toMatchObject({ bucket: 'week', actedOn: 1, resisted: 1, unanswered: 0 });
    expect(r.woundOrSignal.counts).toEqual({ old_wound: 1, present_signal: 1, both: 0, unsure: 0 });
    expect(r.woundOrSignal.shares.old_wound).toBeCloseTo(0.5);
    expect(JSON.stringify(r)).not.toContain('spiralled');
  });

  it('takes a range and a time zone, with dates read in that zone', async () => {
    const wide = (await me.get(`/api/v1/insights?from=${chicagoAt(365, 0).slice(0, 10)}&to=${new Date().toISOString().slice(0, 10)}`)).json();
    expect(wide.totals.entries).toBe(5);
    expect(wide.urges.bucket).toBe('month');
    const utc = (await me.get('/api/v1/insights?timeZone=UTC')).json();
    expect(utc.range.timeZone).toBe('UTC');
    expect(utc.totals.triggers).toBe(3);
    // 20:30 in Chicago is 01:30 or 02:30 the next day in UTC.
    expect(utc.heatmap.counts.flat()[20]).toBe(0);
    const narrow = (await me.get(`/api/v1/insights?from=${encodeURIComponent(chicagoAt(4, 0))}&to=${encodeURIComponent(chicagoAt(2, 0))}`)).json();
    expect(narrow.totals.entries).toBe(2);
  });

  it('shows another account only its own entries, and a new account nothing', async () => {
    const theirs = (await other.get('/api/v1/insights')).json();
    expect(theirs.totals).toEqual({ entries: 1, triggers: 1, reflections: 0 });
    expect(theirs.topics.items).toEqual([{ topic: 'jealousy', count: 1 }]);
    const fresh = (await t.signUpVerified()).agent;
    const none = (await fresh.get('/api/v1/insights')).json();
    expect(none.empty).toBe(true);
    expect(none.totals.entries).toBe(0);
    expect(none.range.timeZone).toBe('UTC');
  });

  it('answers a bad query with a 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['from=yesterday', 'from'],
      ['to=2026-13-45', 'to'],
      ['from=2026-11-20&to=2026-11-01', 'from'],
      ['from=2020-01-01&to=2026-11-01', 'from'],
      ['from=2019-01-01', 'from'],
      ['timeZone=Mars/Base', 'timeZone'],
      ['color=blue', 'color'],
    ];
    for (const [query, path] of cases) {
      const res = await me.get(`/api/v1/insights?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path), query).toContain(path);
    }
  });

  it('asks a signed-out visitor to sign in', async () => {
    const res = await t.agent().get('/api/v1/insights');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.agent().get('/api/openapi.json')).json();
    expect(doc.paths['/api/v1/insights'].get.responses['200']).toBeDefined();
  });
});

describe(`journal facts for insights (${engineName()})`, () => {
  it('returns only my entries within the range, oldest first, with no free text', async () => {
    const actor = { kind: 'user', userId: meId, sessionId: 'test', emailVerified: true } as const;
    const from = new Date(Date.now() - 30 * 86_400_000);
    const facts = await t.ctx.services.journal.facts(actor, { from, to: new Date() });
    expect(facts).toHaveLength(4);
    const times = facts.map((f) => f.occurredAt);
    expect([...times].sort()).toEqual(times);
    for (const f of facts) expect(Date.parse(f.occurredAt)).toBeGreaterThanOrEqual(from.getTime());
    const text = JSON.stringify(facts);
    for (const words of ['spiralled', 'pulling away', 'did not answer']) expect(text).not.toContain(words);
    const keys = new Set(facts.flatMap((f) => Object.keys(f)));
    for (const free of ['whatHappened', 'story', 'evidenceFor', 'evidenceAgainst', 'reframe', 'place', 'people']) expect(keys.has(free)).toBe(false);
    expect(facts.some((f) => f.topic === 'jealousy')).toBe(false);
    // Tags come through the blind index, in the spelling first seen (they match case-insensitively).
    expect(facts.map((f) => f.tags).filter((tags) => tags.length > 0)).toEqual([['texts'], ['texts', 'evening']]);
    expect(facts.find((f) => f.topic === 'money')).toMatchObject({ kind: 'quick_capture', intensityBefore: 50, intensityAfter: null, tags: [] });

    const theirs = await t.ctx.services.journal.facts({ kind: 'user', userId: otherId, sessionId: 'test', emailVerified: true } as const, { from, to: new Date() });
    expect(theirs.map((f) => f.topic)).toEqual(['jealousy']);
    await expect(t.ctx.services.journal.facts({ kind: 'anonymous' })).rejects.toMatchObject({ status: 401 });
  });
});
