/**
 * npm run bench -- scale: Trellis on PostgreSQL with a generated population, against bare
 * baselines measured in the same run (docs/performance.md).
 *
 * 1. Two real people (Ada and Ben, linked) get a year of check-ins and two years of journal entries
 *    through the services, so their pages decrypt real data.
 * 2. A population of BENCH_COUPLES / 10 couples (default 1,000), each with a year of daily check-ins
 *    and two journal entries a week, is written by SQL (sealed-size byte strings: the rows are never
 *    opened). Ada's pages are timed (one connection, sequential requests).
 * 3. The population grows tenfold (default 10,000 couples: 20,000 people, 7.3 million check-ins,
 *    2 million journal entries) and the same pages are timed again: flat means ≤ 1.25×.
 * 4. At full size: journal writes (Ada) and check-in writes (one population member per request,
 *    each once a day, as the product allows) at full load against a bare node:http server doing the
 *    same INSERT with the same driver and pool; then the app at half the baseline's maximum rate,
 *    for its p99; insights over Ada's two years.
 *
 * Load comes from autocannon in its own process (bench/load.mjs) over loopback.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { createScratchDatabase } from '../src/server/testing/scratch-postgres.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { createContext } from '../src/server/context.ts';
import { buildApp } from '../src/server/app.ts';
import { deriveKey } from '../src/server/crypto/server-key.ts';
import { SESSION_IDLE_DEFAULT } from '../src/server/auth/auth.ts';
import { coupleRepo } from '../src/server/features/couple/repo.ts';
import { history, TIME_ZONE, BUDGET_MS } from './insights.ts';

const COUPLES = Number(process.env.BENCH_COUPLES ?? 10_000);
const SMALL = Math.max(10, Math.round(COUPLES / 10));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const POOL = 10;
const DAY_MS = 86_400_000;
const COOKIE = 'trellis.session_token';

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
  statusCodes: Record<string, { count: number }>;
}

function load(spec: { url: string; method: string; connections: number; duration?: number; amount?: number; overallRate?: number; headers: Array<Record<string, string>>; body?: string; bodies?: string[] }): Promise<Load> {
  return new Promise((resolve, reject) => {
    // The spec can hold thousands of cookies: too long for an argument list, so it goes in a file.
    const file = path.join(os.tmpdir(), `trellis-load-${process.pid}-${crypto.randomUUID()}.json`);
    fs.writeFileSync(file, JSON.stringify(spec));
    const child = spawn(process.execPath, ['bench/load.mjs', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('exit', () => fs.rmSync(file, { force: true }));
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Load) : reject(new Error(`load generator exited ${code}`))));
  });
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

/** better-auth's signed cookie: "<token>.<base64 HMAC-SHA256(secret, token)>", URI-encoded. */
const signedCookie = (token: string, secret: string) => `${COOKIE}=${encodeURIComponent(`${token}.${crypto.createHmac('sha256', secret).update(token).digest('base64')}`)}`;

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

async function main() {
  const scratch = await createScratchDatabase(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 'trellis_scale');
  const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: POOL });
  await database.migrate();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-scale-'));
  const serverKey = { id: 'bench', key: crypto.randomBytes(32) };
  const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, BASE_URL: 'http://127.0.0.1:1', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent', RATE_LIMIT: 'false' });
  const ctx = createContext(config, database, { serverKey, mailer: { send: async () => {}, close: () => {} } });
  const secret = config.AUTH_SECRET ?? deriveKey(serverKey, 'auth-secret').toString('base64');
  const app = await buildApp(ctx);
  try {
    await run();
  } finally {
    await app.close();
    await database.close();
    await scratch.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  async function run() {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const db = database.db;
  const report: Record<string, unknown> = { at: new Date().toISOString(), couples: COUPLES, small: SMALL, seconds: SECONDS, connections: CONNECTIONS, cores: os.cpus().length };
  console.log(`\nScale bench — PostgreSQL, population ${fmt(SMALL)} → ${fmt(COUPLES)} couples, ${SECONDS}s per measurement, ${os.cpus().length} cores`);

  // 1. Ada and Ben, real accounts with real, sealed data.
  const person = async (name: string) => {
    const email = `${name.toLowerCase()}-scale@example.com`;
    const password = 'benchmark passphrase here';
    await app.inject({ method: 'POST', url: '/api/auth/sign-up/email', payload: { email, password, name } });
    await db.execute(sql`update "user" set email_verified = true where email = ${email}`);
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email, password } });
    const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const userId = (signIn.json() as { user: { id: string } }).user.id;
    await app.inject({ method: 'PATCH', url: '/api/v1/profile', headers: { cookie, origin: config.baseUrl }, payload: { timeZone: TIME_ZONE } });
    return { userId, cookie, actor: { kind: 'user', userId, sessionId: 'bench', emailVerified: true } as const };
  };
  const ada = await person('Ada');
  const ben = await person('Ben');
  await coupleRepo.link(db, ada.userId, ben.userId, new Date(Date.now() - 400 * DAY_MS));
  const now = Date.now();
  const t0 = performance.now();
  for (const f of history(730, 1, now)) {
    await ctx.services.journal.create(ada.actor, {
      kind: f.kind,
      occurredAt: new Date(Math.min(Date.parse(f.occurredAt), now - 60_000)).toISOString(),
      timeZone: TIME_ZONE,
      topic: f.topic,
      tags: f.tags,
      bodyCues: f.bodyCues,
      intensityBefore: f.intensityBefore,
      intensityAfter: f.intensityAfter,
      urge: f.urge,
      urgeActedOn: f.urgeActedOn,
      woundOrSignal: f.woundOrSignal,
      whatHappened: 'Some words that stay encrypted.',
    });
  }
  for (let d = 365; d >= 1; d--) {
    const day = new Date(now - d * DAY_MS).toISOString().slice(0, 10);
    for (const p of [ada, ben]) await ctx.services.checkins.answer(p.actor, { mood: 1 + (d % 5), highPoint: 'A walk', heavy: '', appreciation: 'Dinner', need: '' }, day);
  }
  console.log(`  Ada and Ben: 730 journal entries and 2 × 365 check-ins through the services in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // 2–3. The population, written in batches of 500 couples. Ids are version-7-shaped uuids made from
  // a hash (the app checks the shape of every id it answers with).
  await db.execute(sql.raw(`create function bench_uuid(t text) returns uuid language sql immutable as $$ select (substr(md5(t), 1, 12) || '7' || substr(md5(t), 14, 3) || '8' || substr(md5(t), 18, 15))::uuid $$`));
  const checkinBlob = crypto.randomBytes(120);
  const entryBlob = crypto.randomBytes(420);
  const populate = async (from: number, to: number) => {
    const started = performance.now();
    for (let a = from; a < to; a += 500) {
      const b = Math.min(to, a + 500) - 1;
      await db.transaction(async (tx) => {
        // Generated rows that satisfy every constraint by construction: skip the per-row foreign-key
        // triggers while loading (the indexes are still maintained, as in production).
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`insert into "user"(id, name, email, email_verified) select bench_uuid('u' || g)::text, 'B' || g, bench_uuid('u' || g)::text || '@bench.example', true from generate_series(${a * 2}::int, ${b * 2 + 1}::int) g`);
        await tx.execute(sql`insert into profile(user_id, display_name, time_zone) select bench_uuid('u' || g)::text, 'B' || g, 'UTC' from generate_series(${a * 2}::int, ${b * 2 + 1}::int) g`);
        await tx.execute(sql`insert into couple(id, linked_at) select bench_uuid('c' || c), now() - interval '400 days' from generate_series(${a}::int, ${b}::int) c`);
        await tx.execute(sql`insert into couple_member(couple_id, user_id, joined_at) select bench_uuid('c' || c), bench_uuid('u' || (c * 2 + m))::text, now() - interval '400 days' from generate_series(${a}::int, ${b}::int) c, generate_series(0, 1) m`);
        await tx.execute(sql`insert into checkin(id, couple_id, author_id, day, mood, content, created_at)
          select bench_uuid('k' || c || '-' || m || '-' || d), bench_uuid('c' || c), bench_uuid('u' || (c * 2 + m))::text, current_date - d - 1, 1 + (c + d) % 5, ${checkinBlob}, now() - (d + 1) * interval '1 day'
          from generate_series(${a}::int, ${b}::int) c, generate_series(0, 1) m, generate_series(0, 364) d`);
        await tx.execute(sql`insert into journal_entry(id, owner_id, kind, occurred_at, time_zone, complete, content, intensity_before)
          select bench_uuid('j' || u || '-' || k), bench_uuid('u' || u)::text, 'thought_record', now() - (k * 3.5 + 1) * interval '1 day', 'UTC', true, ${entryBlob}, 10 + (u + k) % 90
          from generate_series(${a * 2}::int, ${b * 2 + 1}::int) u, generate_series(0, 103) k`);
      });
    }
    await db.execute(sql`analyze`);
    const s = (performance.now() - started) / 1000;
    const counts = (await db.execute(sql`select (select count(*) from "user") as users, (select count(*) from checkin) as checkins, (select count(*) from journal_entry) as entries`)) as unknown as { rows?: Array<Record<string, string>> } | Array<Record<string, string>>;
    const row = (Array.isArray(counts) ? counts[0] : counts.rows?.[0])!;
    console.log(`  population ${fmt(to)} couples: ${fmt(Number(row.users))} people, ${fmt(Number(row.checkins))} check-ins, ${fmt(Number(row.entries))} journal entries (written in ${s.toFixed(0)} s)`);
    return { users: Number(row.users), checkins: Number(row.checkins), entries: Number(row.entries), seconds: s };
  };

  const from = new Date(now - 730 * DAY_MS).toISOString();
  const PAGES: Array<[string, string]> = [
    ['journal list', '/api/v1/journal/entries?limit=20'],
    ['check-in history', '/api/v1/checkins?limit=30'],
    ['check-in today', '/api/v1/checkins/today'],
    ['couple', '/api/v1/couple'],
    ['insights, 2 years', `/api/v1/insights?from=${encodeURIComponent(from)}&timeZone=${encodeURIComponent(TIME_ZONE)}`],
  ];
  const pages = async () => {
    const out: Record<string, Load> = {};
    for (const [label, url] of PAGES) {
      await load({ url: base + url, method: 'GET', connections: 1, duration: 1, headers: [{ cookie: ada.cookie }] });
      out[label] = await load({ url: base + url, method: 'GET', connections: 1, duration: SECONDS, headers: [{ cookie: ada.cookie }] });
      if (out[label]!.non2xx || out[label]!.errors) throw new Error(`${label}: ${JSON.stringify(out[label]!.statusCodes)}`);
    }
    return out;
  };

  // BENCH_PAGES=0 skips the page timings (to iterate on the writes alone).
  const timePages = process.env.BENCH_PAGES !== '0';
  report.populationSmall = await populate(0, SMALL);
  const small = timePages ? await pages() : {};
  report.populationLarge = await populate(SMALL, COUPLES);
  const large = timePages ? await pages() : {};
  if (timePages) {
    console.log(`\n  Ada's pages, one connection (median / p99), at ${fmt(SMALL)} and ${fmt(COUPLES)} couples:`);
    const flat: Record<string, { small: Load; large: Load; ratio: number }> = {};
    for (const [label] of PAGES) {
      const ratio = large[label]!.p50 / Math.max(small[label]!.p50, 0.5);
      flat[label] = { small: small[label]!, large: large[label]!, ratio };
      console.log(`  ${label.padEnd(20)} ${String(small[label]!.p50).padStart(4)} / ${String(small[label]!.p99).padStart(4)} ms   →   ${String(large[label]!.p50).padStart(4)} / ${String(large[label]!.p99).padStart(4)} ms   ${ratio.toFixed(2)}× ${ratio <= 1.25 ? '(flat)' : '(NOT flat)'}`);
    }
    report.pages = flat;
    const insights = large['insights, 2 years']!;
    console.log(`  insights over 2 years (730 entries) at ${fmt(COUPLES)} couples: median ${insights.p50} ms, p99 ${insights.p99} ms (budget ${BUDGET_MS} ms)`);
  }

  // 4. Writes at full size, against bare baselines doing the same INSERT.
  const writes: Record<string, unknown> = {};
  const adaHeaders = { cookie: ada.cookie, origin: config.baseUrl, 'content-type': 'application/json' };
  const journalBody = JSON.stringify({ kind: 'quick_capture', occurredAt: new Date(now - 3600_000).toISOString(), timeZone: TIME_ZONE, whatHappened: 'A short note that stays encrypted.' });
  const sealedSize = (await db.execute(sql`select octet_length(content) as n from journal_entry where owner_id = ${ada.userId} limit 1`)) as unknown as Array<{ n: number }> | { rows: Array<{ n: number }> };
  const blobLen = Number((Array.isArray(sealedSize) ? sealedSize[0] : sealedSize.rows[0])!.n);
  const journalBaselineBlob = crypto.randomBytes(blobLen);
  const journalBaseline = http.createServer((req, res) => {
    req.resume();
    req.on('end', async () => {
      try {
        await db.execute(sql`insert into journal_entry(id, owner_id, kind, occurred_at, time_zone, complete, content) values (${uuidv7()}, ${ada.userId}, 'quick_capture', now(), ${TIME_ZONE}, false, ${journalBaselineBlob})`);
        res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
      } catch {
        res.writeHead(500).end();
      }
    });
  });
  const jPort = await listen(journalBaseline);

  // Check-in writers: population members, one request each (a person answers once a day).
  const writers = Math.min(COUPLES * 2 - 2, Number(process.env.BENCH_CHECKIN_PEOPLE ?? 16_000));
  // Sessions as an active person's look: refreshed within the last hour (better-auth slides the
  // expiry to now + the idle limit at most once per update age), so not due for a refresh write.
  await db.execute(sql`insert into session(id, token, user_id, expires_at, created_at, updated_at) select 'bs-' || g, md5('t' || g || random()::text), bench_uuid('u' || g)::text, now() + make_interval(secs => ${SESSION_IDLE_DEFAULT}) - interval '1 minute', now() - interval '1 minute', now() - interval '1 minute' from generate_series(0, ${writers - 1}::int) g`);
  const sessions = (await db.execute(sql`select s.token, s.user_id, m.couple_id from session s join couple_member m on m.user_id = s.user_id and m.left_at is null where s.id like 'bs-%' order by s.id`)) as unknown as Array<{ token: string; user_id: string; couple_id: string }> | { rows: Array<{ token: string; user_id: string; couple_id: string }> };
  const writerRows = Array.isArray(sessions) ? sessions : sessions.rows;
  const keyStart = performance.now();
  for (let i = 0; i < writerRows.length; i += 50) await Promise.all(writerRows.slice(i, i + 50).map((w) => ctx.dataKeys.keyFor(w.user_id)));
  // Made, not remembered: each check-in below reads and unwraps its writer's key, as a person's first request does.
  ctx.dataKeys.forgetRemembered();
  console.log(`\n  ${fmt(writerRows.length)} check-in writers: sessions and data keys ready (${((performance.now() - keyStart) / 1000).toFixed(0)} s)`);
  const probe = await fetch(`${base}/api/v1/profile`, { headers: { cookie: signedCookie(writerRows[0]!.token, secret) } });
  if (probe.status !== 200) throw new Error(`a generated session was not accepted (${probe.status}); the cookie format changed`);
  if (probe.headers.get('set-cookie')) throw new Error('a generated session was due for its refresh; the session settings changed');
  const cookies = writerRows.map((w) => ({ cookie: signedCookie(w.token, secret), origin: config.baseUrl, 'content-type': 'application/json' }));
  let nextWriter = 0;
  const writerSlice = (n: number) => {
    const s = cookies.slice(nextWriter, nextWriter + n);
    nextWriter += n;
    return s;
  };
  let baselineDay = 0;
  const checkinBaseline = http.createServer((req, res) => {
    req.resume();
    req.on('end', async () => {
      const n = baselineDay++;
      const w = writerRows[n % writerRows.length]!;
      const day = new Date(now + (2 + Math.floor(n / writerRows.length)) * DAY_MS).toISOString().slice(0, 10);
      try {
        await db.execute(sql`insert into checkin(id, couple_id, author_id, day, mood, content) values (${uuidv7()}, ${w.couple_id}, ${w.user_id}, ${day}, 3, ${checkinBlob}) on conflict do nothing`);
        res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
      } catch {
        res.writeHead(500).end();
      }
    });
  });
  const cPort = await listen(checkinBaseline);

  const runWrite = async (label: string, baselineUrl: string, appUrl: string, appHeaders: () => Array<Record<string, string>>, body: string, appAmount?: (rps: number) => number) => {
    await load({ url: baselineUrl, method: 'POST', connections: CONNECTIONS, duration: 2, headers: [{ 'content-type': 'application/json' }], body });
    const b = await load({ url: baselineUrl, method: 'POST', connections: CONNECTIONS, duration: SECONDS, headers: [{ 'content-type': 'application/json' }], body });
    await load({ url: appUrl, method: 'POST', connections: CONNECTIONS, amount: appAmount ? 1000 : undefined, duration: appAmount ? undefined : 2, headers: appHeaders(), body });
    const full = await load({ url: appUrl, method: 'POST', connections: CONNECTIONS, duration: SECONDS, headers: appHeaders(), body });
    const half = await load({ url: appUrl, method: 'POST', connections: CONNECTIONS, duration: SECONDS, overallRate: Math.max(1, Math.floor(b.rps / 2)), headers: appHeaders(), body });
    const ratio = full.rps / b.rps;
    console.log(`  ${label.padEnd(18)} baseline ${fmt(b.rps).padStart(6)} req/s (p99 ${b.p99} ms)   Trellis ${fmt(full.rps).padStart(6)} req/s (p99 ${full.p99} ms)   ratio ${(ratio * 100).toFixed(0)}% (target ≥ 50%)`);
    console.log(`  ${''.padEnd(18)} Trellis at half the baseline's maximum (${fmt(Math.floor(b.rps / 2))} req/s): achieved ${fmt(half.rps)} req/s, p99 ${half.p99} ms (target ≤ 25 ms)`);
    for (const [what, r] of [['baseline', b], ['Trellis', full], ['Trellis at half rate', half]] as const) if (r.errors || r.non2xx) console.log(`    ${what}: ${r.errors} errors, ${r.non2xx} non-2xx ${JSON.stringify(r.statusCodes)}`);
    writes[label] = { baseline: b, app: full, halfRate: half, ratio };
  };
  await runWrite('journal write', `http://127.0.0.1:${jPort}/`, `${base}/api/v1/journal/entries`, () => [adaHeaders], journalBody);
  // Each check-in request needs a person who has not answered today: hand every run its own people.
  const perRun = Math.floor(writerRows.length / 3);
  await runWrite('check-in write', `http://127.0.0.1:${cPort}/`, `${base}/api/v1/checkins`, () => writerSlice(perRun), JSON.stringify({ mood: 3 }), () => 1000);
  report.writes = writes;

  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync('bench/results/scale-latest.json', JSON.stringify(report, null, 2));
  journalBaseline.close();
  checkinBaseline.close();
  }
}

export async function runScaleBench(): Promise<void> {
  await main();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runScaleBench().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
