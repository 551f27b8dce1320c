/**
 * Idempotency under many retries (issue 9, item 3; docs/decisions/037), on PGlite and PostgreSQL:
 * people send N creating requests — journal entries and daily check-ins — with K distinct
 * Idempotency-Keys, each key sent ATTEMPTS times: all at once (Promise.all), one after another, or
 * once and then a burst; several keys are in flight together. The store must hold exactly K new
 * items, every attempt of a key must get the same answer (status, id and body), and exactly one
 * attempt per key is the original (the others say `Idempotent-Replayed: true`). The same key text
 * used by different people is different keys (keys are scoped to the person).
 *
 * N comes from IDEMPOTENCY_RETRIES: 200 in `npm test`, 1,000 in `npm run test:long`.
 */
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkin, journalEntry } from '../db/schema/index.ts';
import { linkForTest } from '../testing/couples.ts';
import { createTestApp, type Agent, type TestApp } from '../testing/test-app.ts';
import { engineName } from '../testing/test-db.ts';

const TOTAL_REQUESTS = (() => {
  const raw = process.env.IDEMPOTENCY_RETRIES;
  if (raw === undefined || raw === '') return 200;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 40) throw new Error(`IDEMPOTENCY_RETRIES must be a whole number of at least 40, not ${raw}`);
  return n;
})();
/** Each key is sent this many times. */
const ATTEMPTS = 5;
/** Keys in flight at the same time (each with its own attempts, some of them concurrent). */
const KEYS_AT_ONCE = 8;
const WRITERS = 4;
const COUPLES = 2;

type Person = Awaited<ReturnType<TestApp['signUpVerified']>>;
interface Attempt {
  status: number;
  id: string | undefined;
  replayed: boolean;
  body: string;
}
interface KeyJob {
  label: string;
  send: () => Promise<Attempt>;
  /** 0: all attempts at once; 1: one after another; 2: one, then the rest at once. */
  pattern: number;
}

let t: TestApp;
let writers: Person[];
let partners: Person[];

beforeAll(async () => {
  t = await createTestApp();
  writers = [];
  for (let i = 0; i < WRITERS; i++) writers.push(await t.signUpVerified({ name: `Writer ${i}` }));
  partners = [];
  for (let i = 0; i < COUPLES * 2; i++) partners.push(await t.signUpVerified({ name: `Partner ${i}` }));
  for (let i = 0; i < COUPLES; i++) await linkForTest(t, partners[2 * i]!, partners[2 * i + 1]!);
}, 120_000);
afterAll(() => t?.close());

async function attempt(agent: Agent, url: string, body: unknown, key: string, idOf: (json: Record<string, unknown>) => string | undefined): Promise<Attempt> {
  const res = await agent.post(url, body, { 'idempotency-key': key });
  const json = res.headers['content-type']?.toString().includes('json') ? (res.json() as Record<string, unknown>) : {};
  return { status: res.statusCode, id: idOf(json), replayed: res.headers['idempotent-replayed'] === 'true', body: res.body };
}

async function runKey(job: KeyJob): Promise<Attempt[]> {
  if (job.pattern === 0) return Promise.all(Array.from({ length: ATTEMPTS }, job.send));
  if (job.pattern === 1) {
    const out: Attempt[] = [];
    for (let i = 0; i < ATTEMPTS; i++) out.push(await job.send());
    return out;
  }
  const first = await job.send();
  return [first, ...(await Promise.all(Array.from({ length: ATTEMPTS - 1 }, job.send)))];
}

describe(`Idempotency-Key under ${TOTAL_REQUESTS} retried creating requests (${engineName()})`, () => {
  it('creates exactly one item per key, and every retry of a key gets the same answer', async () => {
    const jobs: KeyJob[] = [];
    // Check-ins: once a day per person, so each partner has one key (retried ATTEMPTS times).
    partners.forEach((p, i) => {
      const key = 'checkin-today';
      jobs.push({
        label: `checkin:${i}`,
        pattern: i % 3,
        send: () => attempt(p.agent, '/api/v1/checkins', { mood: (i % 5) + 1, timeZone: 'UTC' }, key, (j) => (j.answer as { id?: string } | undefined)?.id),
      });
    });
    // Journal entries: the rest of the requests, spread over the writers. Every writer uses the
    // same key texts (retry-0, retry-1, …): scoped to the person, they must not collide.
    const journalKeys = Math.floor((TOTAL_REQUESTS - jobs.length * ATTEMPTS) / ATTEMPTS);
    const perWriter = new Map<number, number>();
    for (let k = 0; k < journalKeys; k++) {
      const w = k % WRITERS;
      const j = Math.floor(k / WRITERS);
      perWriter.set(w, (perWriter.get(w) ?? 0) + 1);
      const body = { kind: 'quick_capture', occurredAt: new Date(Date.now() - (k + 1) * 60_000).toISOString(), timeZone: 'UTC', whatHappened: `retried entry ${w}-${j}` };
      jobs.push({
        label: `journal:${w}:${j}`,
        pattern: (k + j) % 3,
        send: () => attempt(writers[w]!.agent, '/api/v1/journal/entries', body, `retry-${j}`, (json) => (json.entry as { id?: string } | undefined)?.id),
      });
    }
    const totalRequests = jobs.length * ATTEMPTS;

    const started = Date.now();
    const results = new Map<string, Attempt[]>();
    let next = 0;
    await Promise.all(
      Array.from({ length: KEYS_AT_ONCE }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++]!;
          results.set(job.label, await runKey(job));
        }
      }),
    );
    const elapsed = Date.now() - started;

    // Every attempt of a key: 201, the same id and the same body; exactly one is the original.
    const wrong: string[] = [];
    for (const [label, attempts] of results) {
      const statuses = attempts.map((a) => a.status);
      if (statuses.some((s) => s !== 201)) wrong.push(`${label}: statuses ${statuses.join(',')}`);
      if (new Set(attempts.map((a) => a.id)).size !== 1 || !attempts[0]!.id) wrong.push(`${label}: ids ${attempts.map((a) => a.id).join(',')}`);
      if (new Set(attempts.map((a) => a.body)).size !== 1) wrong.push(`${label}: the bodies differ`);
      const originals = attempts.filter((a) => !a.replayed).length;
      if (originals !== 1) wrong.push(`${label}: ${originals} originals`);
    }
    expect(wrong).toEqual([]);
    expect([...results.values()].flat()).toHaveLength(totalRequests);

    // The store: exactly one journal entry per key and one check-in per partner, and they are the ones answered.
    const db = t.ctx.database.db;
    const answeredEntries = [...results].filter(([l]) => l.startsWith('journal:')).map(([, a]) => a[0]!.id!);
    expect(new Set(answeredEntries).size).toBe(journalKeys);
    for (let w = 0; w < WRITERS; w++) {
      const [row] = await db.select({ n: count() }).from(journalEntry).where(eq(journalEntry.ownerId, writers[w]!.userId));
      expect(row!.n).toBe(perWriter.get(w) ?? 0);
    }
    const stored = await db.select({ id: journalEntry.id }).from(journalEntry).where(inArray(journalEntry.ownerId, writers.map((w) => w.userId)));
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(answeredEntries));
    const checkins = await db.select({ id: checkin.id }).from(checkin).where(inArray(checkin.authorId, partners.map((p) => p.userId)));
    expect(new Set(checkins.map((r) => r.id))).toEqual(new Set([...results].filter(([l]) => l.startsWith('checkin:')).map(([, a]) => a[0]!.id!)));
    expect(checkins).toHaveLength(partners.length);

    // A figure for the report (counts and time only).
    process.stdout.write(
      `idempotency (${engineName()}): ${totalRequests} requests, ${results.size} keys (${journalKeys} journal, ${partners.length} check-in), ${elapsed} ms\n`,
    );
  }, 60_000 + TOTAL_REQUESTS * 150);
});
