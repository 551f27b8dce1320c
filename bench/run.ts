/**
 * npm run bench — the authenticated write path against a bare baseline, measured in the same run,
 * then the insights benchmark (bench/insights.ts).
 *
 * Baseline: a bare node:http server doing the same database write (UPDATE profile …) with the same
 * driver and pool size. App: Trellis's PATCH /api/v1/profile with a real session cookie, so the
 * measurement includes session lookup, CSRF check, zod validation, policy and problem handling.
 * Both are loaded by autocannon over loopback. Results are ratios, not absolute numbers, so they
 * mean the same on any machine. Engine: PostgreSQL (BENCH_DATABASE_URL, default the local server);
 * The write bench runs on PostgreSQL and then on PGlite, and prints the embedded engine's share;
 * BENCH_ENGINE=pglite or =postgres runs one. `npm run bench -- scale` is the population bench (bench/scale.ts).
 */
import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createScratchDatabase } from '../src/server/testing/scratch-postgres.ts';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { createContext } from '../src/server/context.ts';
import { buildApp } from '../src/server/app.ts';
import { runInsightsBench } from './insights.ts';
import { runCoachBench } from './coach.ts';
import { runScaleBench } from './scale.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const POOL = 10;

async function openBenchDatabase(engine: 'postgres' | 'pglite'): Promise<{ database: Database; drop: () => Promise<void>; kind: string }> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-bench-'));
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    await database.migrate();
    return { database, kind: 'pglite', drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const scratch = await createScratchDatabase(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 'trellis_bench');
  const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: POOL });
  await database.migrate();
  return { database, kind: 'postgres', drop: scratch.drop };
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

/** autocannon in its own process, so the load generator never shares the server's event loop. */
async function load(url: string, headers: Record<string, string>, body: string) {
  const args = ['-j', '-c', String(CONNECTIONS), '-d', String(DURATION), '-m', 'PATCH', '-b', body];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('node_modules/.bin/autocannon', args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`autocannon exited ${code}`))));
  });
  const result = JSON.parse(out) as { requests: { average: number; total: number }; latency: { p99: number }; errors: number; non2xx: number };
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx, total: result.requests.total };
}

type LoadResult = Awaited<ReturnType<typeof load>>;

async function main(engine: 'postgres' | 'pglite'): Promise<{ kind: string; base: LoadResult; full: LoadResult }> {
  const { database, drop, kind } = await openBenchDatabase(engine);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-bench-data-'));
  const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, BASE_URL: 'http://127.0.0.1:1', LOG_LEVEL: 'silent', RATE_LIMIT: 'false' });
  const ctx = createContext(config, database, { serverKey: { id: 'bench', key: crypto.randomBytes(32) }, mailer: { send: async () => {}, close: () => {} } });
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appPort = (app.server.address() as { port: number }).port;

  // One person, signed in.
  const email = 'bench@example.com';
  const password = 'benchmark passphrase here';
  await app.inject({ method: 'POST', url: '/api/auth/sign-up/email', payload: { email, password, name: 'Bench' } });
  await database.db.execute(sql`update "user" set email_verified = true where email = ${email}`);
  const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email, password } });
  const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const userId = (signIn.json() as { user: { id: string } }).user.id;
  await app.inject({ method: 'GET', url: '/api/v1/profile', headers: { cookie } });

  // Baseline: the same write through the same driver and pool, nothing else.
  const baseline = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      try {
        const { displayName } = JSON.parse(body) as { displayName: string };
        await database.db.execute(sql`update profile set display_name = ${displayName}, updated_at = now() where user_id = ${userId}`);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ displayName }));
      } catch {
        res.writeHead(500);
        res.end();
      }
    });
  });
  const basePort = await listen(baseline);

  const bodyFor = JSON.stringify({ displayName: 'Bench write' });
  const headers = { 'content-type': 'application/json' };

  console.log(`Trellis bench — engine ${kind}, ${CONNECTIONS} connections, ${DURATION}s each, pool ${POOL}, ${os.cpus().length} cores`);
  // Warm both up, then measure.
  await load(`http://127.0.0.1:${basePort}/profile`, headers, bodyFor);
  const base = await load(`http://127.0.0.1:${basePort}/profile`, headers, bodyFor);
  const appHeaders = { ...headers, cookie, origin: 'http://127.0.0.1:1' };
  await load(`http://127.0.0.1:${appPort}/api/v1/profile`, appHeaders, bodyFor);
  const full = await load(`http://127.0.0.1:${appPort}/api/v1/profile`, appHeaders, bodyFor);

  const rows = [
    ['baseline (node:http + same write)', base],
    ['Trellis PATCH /api/v1/profile (authenticated)', full],
  ] as const;
  for (const [label, r] of rows) console.log(`${label.padEnd(48)} ${r.rps.toFixed(0).padStart(7)} req/s   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors}`);
  const ratio = full.rps / base.rps;
  console.log(`\nauthenticated write throughput: ${(ratio * 100).toFixed(0)}% of baseline (target ≥ 50%)`);

  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync(`bench/results/latest-${kind}.json`, JSON.stringify({ at: new Date().toISOString(), engine: kind, connections: CONNECTIONS, seconds: DURATION, baseline: base, app: full, ratio }, null, 2));

  await app.close();
  baseline.close();
  await database.close();
  await drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (full.errors > 0 || base.errors > 0) {
    console.error('errors during the run');
    process.exitCode = 1;
  }
  return { kind, base, full };
}

/** The write bench on PostgreSQL and then on PGlite (or the one BENCH_ENGINE names), and the embedded engine's share. */
async function writeBench() {
  const only = process.env.BENCH_ENGINE;
  if (only === 'pglite' || only === 'postgres') return void (await main(only));
  const pg = await main('postgres');
  const lite = await main('pglite');
  const share = lite.full.rps / pg.full.rps;
  console.log(`\nTrellis on PGlite: ${(share * 100).toFixed(0)}% of its throughput on PostgreSQL (target ≥ 40%)`);
  fs.writeFileSync('bench/results/engines-latest.json', JSON.stringify({ at: new Date().toISOString(), postgres: pg.full, pglite: lite.full, share }, null, 2));
}

/** `npm run bench` runs all; `npm run bench -- write`, `-- insights`, `-- coach` or `-- scale` runs one (bench/insights.ts, bench/coach.ts, bench/scale.ts). */
async function runAll() {
  const which = process.argv[2] ?? 'all';
  if (!['all', 'write', 'insights', 'coach', 'scale'].includes(which)) throw new Error(`unknown benchmark "${which}": use write, insights, coach, scale or nothing for all`);
  if (which === 'coach' || which === 'all') {
    const coach = runCoachBench();
    fs.mkdirSync('bench/results', { recursive: true });
    fs.writeFileSync('bench/results/coach-latest.json', JSON.stringify({ at: new Date().toISOString(), ...coach }, null, 2));
    if (!coach.withinBudget) process.exitCode = 1;
    if (which === 'coach') return;
  }
  if (which === 'scale' || which === 'all') {
    await runScaleBench();
    if (which === 'scale') return;
  }
  if (which !== 'insights') await writeBench();
  if (which !== 'write') {
    const insights = await runInsightsBench();
    fs.mkdirSync('bench/results', { recursive: true });
    fs.writeFileSync('bench/results/insights-latest.json', JSON.stringify({ at: new Date().toISOString(), ...insights }, null, 2));
    if (!insights.withinBudget) process.exitCode = 1;
  }
}

runAll().catch((err) => {
  console.error(err);
  process.exit(1);
});
