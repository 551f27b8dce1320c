import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { Agent } from '../../http/inject-agent.ts';
import { engineName, openTestDatabase } from '../../testing/test-db.ts';
import type { FastifyInstance } from 'fastify';

/*
 * The coach API on a real app and database, with the app's own logger writing into a buffer at
 * the most verbose level, so the test can prove that what is analysed never reaches a log line
 * and nothing is written to the database.
 */
let app: FastifyInstance;
let database: Database;
let dataDir: string;
let logged = '';
let me: Agent;

const SECRET_WORDS = 'You never listen to me about the zebra-quartz-4471 thing';

/** Rows of a raw query on either driver (PGlite and node-postgres shape results differently). */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows);

async function rowCounts(): Promise<Record<string, number>> {
  const tables = rowsOf<{ table_name: string }>(await database.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`));
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [first] = rowsOf<{ n: number }>(await database.db.execute(sql.raw(`select count(*)::int as n from "${table_name}"`)));
    counts[table_name] = Number(first!.n);
  }
  expect(Object.keys(counts).length).toBeGreaterThan(5);
  return counts;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-coach-'));
  const config = loadConfig({ NODE_ENV: 'test', BASE_URL: 'http://localhost:3000', DATA_DIR: dataDir, LOG_LEVEL: 'trace' });
  database = await openTestDatabase();
  const sink = new Writable({
    write(chunk, _enc, done) {
      logged += chunk.toString();
      done();
    },
  });
  const log = pino({ level: 'trace' }, sink);
  const ctx = createContext(config, database, { log, mailer: { send: async () => {}, close: () => {} }, serverKey: { id: 'test', key: crypto.randomBytes(32) } });
  app = await buildApp(ctx);
  await app.ready();

  me = new Agent(app);
  const email = `coach-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const password = 'a long unguessable phrase ' + crypto.randomBytes(4).toString('hex');
  expect((await me.post('/api/auth/sign-up/email', { email, password, name: 'Robin' })).statusCode).toBe(200);
  await database.db.execute(sql`update "user" set email_verified = true where email = ${email}`);
  expect((await me.post('/api/auth/sign-in/email', { email, password })).statusCode).toBe(200);
});

afterAll(async () => {
  await app.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe(`coach API (${engineName()})`, () => {
  it('analyses a message: findings with spans, a suggestion, no crisis', async () => {
    const text = 'You never tell me where you are.';
    const res = await me.post('/api/v1/coach/analyze', { text });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { findings: { kind: string; start: number; end: number; message: string }[]; crisis: unknown; suggestion: string | null };
    expect(Object.keys(body).sort()).toEqual(['crisis', 'findings', 'suggestion']);
    expect(body.findings.map((f) => f.kind).sort()).toEqual(['absolute', 'accusation']);
    for (const f of body.findings) {
      expect(Object.keys(f).sort()).toEqual(['end', 'kind', 'message', 'start']);
      expect(text.slice(f.start, f.end)).toMatch(/^you never/i);
      expect(f.message.length).toBeGreaterThan(20);
    }
    expect(body.crisis).toBeNull();
    expect(body.suggestion).toMatch(/^I feel .* when you don’t tell me where you are, because .*Could we .*\?$/);
  });

  it('defaults to "message" and checks apologies for excuses only when asked', async () => {
    const text = 'Sorry, but I had a long day.';
    const asMessage = (await me.post('/api/v1/coach/analyze', { text })).json() as { findings: { kind: string }[] };
    const asApology = (await me.post('/api/v1/coach/analyze', { text, context: 'apology' })).json() as { findings: { kind: string }[] };
    expect(asApology.findings.map((f) => f.kind)).toEqual(['excuse']);
    expect(asMessage.findings.map((f) => f.kind)).toEqual(['excuse']);
    const logistics = (await me.post('/api/v1/coach/analyze', { text: "Sorry, but I can't make Thursday.", context: 'message' })).json() as { findings: unknown[]; suggestion: unknown };
    expect(logistics).toMatchObject({ findings: [], suggestion: null });
  });

  it('reports a crisis from the same text', async () => {
    const self = (await me.post('/api/v1/coach/analyze', { text: 'I want to kill myself.' })).json() as { crisis: unknown };
    expect(self.crisis).toBe('self_harm');
    const danger = (await me.post('/api/v1/coach/analyze', { text: 'She hit me again last night.' })).json() as { crisis: unknown };
    expect(danger.crisis).toBe('partner_danger');
  });

  it('accepts up to 5,000 characters', async () => {
    const res = await me.post('/api/v1/coach/analyze', { text: 'a'.repeat(5000) });
    expect(res.statusCode).toBe(200);
  });

  it.each([
    ['empty text', { text: '' }, 'text'],
    ['oversize text', { text: 'a'.repeat(5001) }, 'text'],
    ['missing text', { context: 'message' }, 'text'],
    ['non-string text', { text: 42 }, 'text'],
    ['unknown context', { text: 'Hello', context: 'letter' }, 'context'],
    ['non-string context', { text: 'Hello', context: 1 }, 'context'],
  ])('400 problem naming the field for %s', async (_label, body, field) => {
    const res = await me.post('/api/v1/coach/analyze', body as Record<string, unknown>);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const problem = res.json() as { status: number; errors?: { path: string }[] };
    expect(problem.status).toBe(400);
    expect(problem.errors?.map((e) => e.path)).toContain(field);
  });

  it('401 for a signed-out visitor', async () => {
    const res = await new Agent(app).post('/api/v1/coach/analyze', { text: 'You never listen.' });
    expect(res.statusCode).toBe(401);
  });

  it('stores nothing and logs none of the words it analyses', async () => {
    const before = await rowCounts();
    const logStart = logged.length;
    for (const context of ['message', 'apology'] as const) {
      const res = await me.post('/api/v1/coach/analyze', { text: SECRET_WORDS, context });
      expect(res.statusCode).toBe(200);
    }
    const bad = await me.post('/api/v1/coach/analyze', { text: SECRET_WORDS, context: 'letter' });
    expect(bad.statusCode).toBe(400);
    expect(await rowCounts()).toEqual(before);
    const lines = logged.slice(logStart);
    expect(lines).toContain('/api/v1/coach/analyze'); // the log is really being captured
    expect(lines).not.toContain('zebra-quartz-4471');
    expect(lines.toLowerCase()).not.toContain('never listen');
  });
});
