import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nodeCrypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type Agent, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';
import { journalEntry } from '../../db/schema/index.ts';

let t: TestApp;
let me: Agent;
let other: Agent;
beforeAll(async () => {
  t = await createTestApp();
  me = (await t.signUpVerified()).agent;
  other = (await t.signUpVerified()).agent;
});
afterAll(() => t.close());

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
const fullRecord = {
  kind: 'thought_record',
  occurredAt: hoursAgo(3),
  timeZone: 'America/Chicago',
  whatHappened: 'My partner went quiet at dinner after checking a message.',
  place: 'Kitchen',
  people: 'Sam',
  topic: 'phone_social_media',
  topicOther: '',
  tone: 'tense',
  bodyCues: ['racing_heart', 'stomach_knot'],
  bodyCuesOther: 'cold hands',
  emotions: [
    { emotion: 'anxious', intensity: 80 },
    { emotion: 'jealous', intensity: 55 },
  ],
  intensityBefore: 85,
  urge: 'check_phone',
  urgeOther: '',
  urgeActedOn: false,
  story: 'The story I told myself: they are hiding something from me.',
  evidenceFor: 'They turned the screen away.',
  evidenceAgainst: 'They told me later it was their sister; they have been open before.',
  woundOrSignal: 'old_wound',
  reframe: 'This feels like last year, but today there is no sign of secrecy. I can ask calmly.',
  intensityAfter: 35,
  tags: ['dinner', 'Phone'],
  promptId: null,
};

describe(`journal entries (${engineName()})`, () => {
  it('saves a full thought record, returns it whole, and stores the words only encrypted', async () => {
    const res = await me.post('/api/v1/journal/entries', fullRecord);
    expect(res.statusCode).toBe(201);
    const { entry, screening } = res.json();
    expect(screening).toEqual({ selfHarm: false, partnerDanger: false });
    expect(entry).toMatchObject({ ...fullRecord, occurredAt: new Date(fullRecord.occurredAt).toISOString(), complete: true });
    expect(entry.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);

    const [row] = await t.ctx.database.db.select().from(journalEntry).where(eq(journalEntry.id, entry.id));
    const stored = JSON.stringify(row) + row!.content.toString('latin1');
    for (const words of ['went quiet at dinner', 'hiding something', 'Kitchen', 'their sister', 'dinner', 'cold hands']) expect(stored).not.toContain(words);
    expect((await me.get(`/api/v1/journal/entries/${entry.id}`)).json()).toEqual(entry);
  });

  it('screens every save for crisis language and never blocks it', async () => {
    const res = await me.post('/api/v1/journal/entries', { kind: 'quick_capture', occurredAt: hoursAgo(1), timeZone: 'UTC', whatHappened: 'I want to kill myself.', intensityBefore: 95 });
    expect(res.statusCode).toBe(201);
    expect(res.json().screening).toEqual({ selfHarm: true, partnerDanger: false });
    const danger = await me.patch(`/api/v1/journal/entries/${res.json().entry.id}`, { story: 'He threatened to hurt me if I leave.' });
    expect(danger.json().screening.partnerDanger).toBe(true);
    const idiom = await me.post('/api/v1/journal/entries', { kind: 'quick_capture', occurredAt: hoursAgo(1), timeZone: 'UTC', whatHappened: 'This wait is killing me, honestly.' });
    expect(idiom.json().screening).toEqual({ selfHarm: false, partnerDanger: false });
  });

  it('keeps a quick capture incomplete until the story or reframe is written', async () => {
    const quick = await me.post('/api/v1/journal/entries', { kind: 'quick_capture', occurredAt: hoursAgo(2), timeZone: 'UTC', whatHappened: 'Saw a photo', intensityBefore: 60, bodyCues: ['tight_chest'] });
    expect(quick.json().entry).toMatchObject({ complete: false, story: '', reframe: '', tags: [], emotions: [] });
    const done = await me.patch(`/api/v1/journal/entries/${quick.json().entry.id}`, { story: 'I assumed the worst.' });
    expect(done.statusCode).toBe(200);
    expect(done.json().entry).toMatchObject({ complete: true, whatHappened: 'Saw a photo', intensityBefore: 60, bodyCues: ['tight_chest'] });
  });

  it('names the field for each kind of bad input and saves nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...fullRecord, whatHappened: 'x'.repeat(10_001) }, 'whatHappened'],
      [{ ...fullRecord, topic: 'astrology' }, 'topic'],
      [{ ...fullRecord, intensityBefore: 150 }, 'intensityBefore'],
      [{ ...fullRecord, intensityAfter: 12.5 }, 'intensityAfter'],
      [{ ...fullRecord, emotions: [{ emotion: 'anxious', intensity: -1 }] }, 'emotions.0.intensity'],
      [{ ...fullRecord, bodyCues: ['glowing'] }, 'bodyCues.0'],
      [{ ...fullRecord, occurredAt: new Date(Date.now() + 365 * 86400_000).toISOString() }, 'occurredAt'],
      [{ ...fullRecord, occurredAt: 'yesterday' }, 'occurredAt'],
      [{ ...fullRecord, timeZone: 'Mars/Base' }, 'timeZone'],
      [{ ...fullRecord, kind: 'diary' }, 'kind'],
      [{ ...fullRecord, mood: 'fine' }, 'mood'],
    ];
    const before = (await me.get('/api/v1/journal/entries?limit=100')).json().items.length;
    for (const [body, path] of cases) {
      const res = await me.post('/api/v1/journal/entries', body);
      expect(res.statusCode, path).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path), path).toContain(path);
    }
    expect((await me.get('/api/v1/journal/entries?limit=100')).json().items.length).toBe(before);
    const bad = await me.patch(`/api/v1/journal/entries/${(await me.get('/api/v1/journal/entries?limit=1')).json().items[0].id}`, { intensityAfter: 101 });
    expect(bad.statusCode).toBe(400);
    expect((await me.get('/api/v1/journal/entries/not-a-uuid')).statusCode).toBe(400);
    expect((await me.get('/api/v1/journal/entries?cursor=garbage')).statusCode).toBe(400);
  });

  it('creates once for retries with the same Idempotency-Key', async () => {
    const body = { kind: 'quick_capture', occurredAt: hoursAgo(5), timeZone: 'UTC', whatHappened: 'idempotent words' };
    const key = crypto.randomUUID();
    const responses = await Promise.all([1, 2, 3].map(() => me.post('/api/v1/journal/entries', body, { 'idempotency-key': key })));
    for (const r of responses) expect(r.statusCode).toBe(201);
    expect(new Set(responses.map((r) => r.json().entry.id)).size).toBe(1);
    const found = (await me.get('/api/v1/journal/entries?q=idempotent&limit=100')).json().items;
    expect(found).toHaveLength(1);
  });

  it('keeps the stored response sealed: the words are not in the idempotency table, and a later retry still gets them back', async () => {
    const words = `sealedreply${nodeCrypto.randomBytes(4).toString('hex')}`;
    const body = { kind: 'quick_capture', occurredAt: hoursAgo(5), timeZone: 'UTC', whatHappened: `about ${words}` };
    const key = crypto.randomUUID();
    const first = await me.post('/api/v1/journal/entries', body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    const rows = (await t.ctx.database.db.execute(sql`select request_hash, response_body::text as body from idempotency_key where key = ${key}`)) as unknown as {
      rows: Array<{ request_hash: string; body: string }>;
    };
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]!.body).not.toContain(words);
    expect(rows.rows[0]!.body).toContain('sealed');
    // A keyed hash: not the plain SHA-256 of the request that a copy of the database could test guesses against.
    const plain = nodeCrypto.createHash('sha256').update(`POST /api/v1/journal/entries\n${JSON.stringify(body)}`).digest('hex');
    expect(rows.rows[0]!.request_hash).not.toBe(plain);
    const retry = await me.post('/api/v1/journal/entries', body, { 'idempotency-key': key });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    const other = await me.post('/api/v1/journal/entries', { ...body, whatHappened: 'something else' }, { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
  });
});

describe(`browsing my entries (${engineName()})`, () => {
  let a: Agent;
  beforeAll(async () => {
    a = (await t.signUpVerified()).agent;
    for (let i = 0; i < 25; i++) {
      const res = await a.post('/api/v1/journal/entries', {
        kind: i % 5 === 0 ? 'quick_capture' : 'thought_record',
        occurredAt: hoursAgo(i * 24 + 1),
        timeZone: 'Europe/Berlin',
        whatHappened: i === 7 ? 'Wir haben über das Café gesprochen' : `Day ${i} ordinary moment`,
        topic: i % 2 === 0 ? 'friends' : 'money',
        intensityBefore: i * 4,
        urgeActedOn: i % 3 === 0,
        tags: i % 4 === 0 ? ['Weekend'] : ['work'],
        story: i === 3 ? 'A familiar FEAR of being left' : '',
      });
      expect(res.statusCode).toBe(201);
    }
  });

  it('pages newest first with a cursor, with nothing missed or repeated', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await a.get(`/api/v1/journal/entries?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      const body = res.json() as { items: Array<{ id: string; occurredAt: string }>; nextCursor: string | null };
      seen.push(...body.items.map((e) => e.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const all = (await a.get('/api/v1/journal/entries?limit=100')).json().items as Array<{ occurredAt: string }>;
    expect(all.map((e) => e.occurredAt)).toEqual([...all.map((e) => e.occurredAt)].sort().reverse());
  });

  it('filters by topic, tag, kind, intensity, acted-on urge and dates', async () => {
    const count = async (qs: string) => (await a.get(`/api/v1/journal/entries?limit=100&${qs}`)).json().items.length;
    expect(await count('topic=friends')).toBe(13);
    expect(await count('tag=weekend')).toBe(7);
    expect(await count('kind=quick_capture')).toBe(5);
    expect(await count('minIntensity=40&maxIntensity=60')).toBe(6);
    expect(await count('urgeActedOn=true')).toBe(9);
    expect(await count(`from=${encodeURIComponent(hoursAgo(24 * 5))}`)).toBe(5);
    expect(await count(`to=${encodeURIComponent(hoursAgo(24 * 20))}`)).toBe(5);
    expect((await a.get('/api/v1/journal/entries?topic=astrology')).statusCode).toBe(400);
  });

  it('searches my own words, ignoring case and accents, across pages', async () => {
    const cafe = (await a.get('/api/v1/journal/entries?q=cafe')).json().items;
    expect(cafe).toHaveLength(1);
    expect(cafe[0].whatHappened).toContain('Café');
    expect((await a.get('/api/v1/journal/entries?q=familiar%20fear')).json().items).toHaveLength(1);
    const paged = await a.get('/api/v1/journal/entries?q=ordinary&limit=10');
    expect(paged.json().items).toHaveLength(10);
    const next = await a.get(`/api/v1/journal/entries?q=ordinary&limit=50&cursor=${paged.json().nextCursor}`);
    expect(next.json().items).toHaveLength(14);
    expect((await a.get('/api/v1/journal/entries?q=ordinary&topic=money&limit=50')).json().items.length).toBe(11);
    // Someone else's words are never found.
    expect((await other.get('/api/v1/journal/entries?q=cafe')).json().items).toHaveLength(0);
  });
});

describe(`nobody else can reach my entries (${engineName()})`, () => {
  it('answers another account with 404 for read, change and delete, and leaves the entry as it was', async () => {
    const { entry } = (await me.post('/api/v1/journal/entries', fullRecord)).json();
    const url = `/api/v1/journal/entries/${entry.id}`;
    expect((await other.get(url)).statusCode).toBe(404);
    expect((await other.patch(url, { story: 'changed by someone else' })).statusCode).toBe(404);
    expect((await other.request({ method: 'DELETE', url })).statusCode).toBe(404);
    expect((await other.get('/api/v1/journal/entries?limit=100')).json().items.map((e: { id: string }) => e.id)).not.toContain(entry.id);
    // The same answer as for an id that does not exist.
    expect((await other.get(`/api/v1/journal/entries/${crypto.randomUUID()}`)).json()).toEqual((await other.get(url)).json());
    expect((await me.get(url)).json()).toEqual(entry);
  });

  it('answers the signed-out with 401 for every operation', async () => {
    const { entry } = (await me.post('/api/v1/journal/entries', fullRecord)).json();
    const anon = t.agent();
    const url = `/api/v1/journal/entries/${entry.id}`;
    expect((await anon.get('/api/v1/journal/entries')).statusCode).toBe(401);
    expect((await anon.post('/api/v1/journal/entries', fullRecord)).statusCode).toBe(401);
    expect((await anon.get(url)).statusCode).toBe(401);
    expect((await anon.patch(url, { story: 'x' })).statusCode).toBe(401);
    expect((await anon.request({ method: 'DELETE', url })).statusCode).toBe(401);
  });

  it('lets me delete my entry', async () => {
    const { entry } = (await me.post('/api/v1/journal/entries', fullRecord)).json();
    expect((await me.request({ method: 'DELETE', url: `/api/v1/journal/entries/${entry.id}` })).statusCode).toBe(204);
    expect((await me.get(`/api/v1/journal/entries/${entry.id}`)).statusCode).toBe(404);
  });
});
