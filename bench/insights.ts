/**
 * Insights benchmark (part of `npm run bench`; alone: `npm run bench -- insights`).
 *
 * 1. computeInsights over two years of daily entries (~730) and a heavier 3-a-day history
 *    (~2,190), in a daylight-saving zone, against a baseline measured in the same run: a plain
 *    loop that only counts entries by topic — the cheapest possible pass over the same data.
 * 2. The full service path on PGlite — facts fetch (SQL), decrypting each entry's tags, and the
 *    computation — for the same two-year daily history written through JournalService.
 * Budget (design.md): insights for two years of entries in ≤ 30 ms.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { computeInsights } from '../src/core/patterns/insights.ts';
import { createScratchDatabase } from '../src/server/testing/scratch-postgres.ts';
import type { EntryFacts } from '../src/core/patterns/entry-facts.ts';
import { BODY_CUES, TOPICS, URGES, WOUND_OR_SIGNAL } from '../src/core/reflect/catalogs.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { createContext } from '../src/server/context.ts';
import { buildApp } from '../src/server/app.ts';
import { seededRandom as prng } from '../src/core/seeded-random.ts';

export const BUDGET_MS = 30;
export const TIME_ZONE = 'America/New_York';
const DAY_MS = 86_400_000;

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** `perDay` entries a day for `days` days ending at `end`, with every field filled the way people fill them. */
export function history(days: number, perDay: number, end: number, seed = 42): EntryFacts[] {
  const rand = prng(seed);
  const out: EntryFacts[] = [];
  for (let d = days - 1; d >= 0; d--) {
    for (let k = 0; k < perDay; k++) {
      const at = end - d * DAY_MS - Math.floor(rand() * DAY_MS);
      const urge = rand() < 0.6 ? pick(rand, URGES) : null;
      out.push({
        id: crypto.randomUUID(),
        kind: rand() < 0.7 ? 'thought_record' : rand() < 0.8 ? 'quick_capture' : 'reflection',
        occurredAt: new Date(at).toISOString(),
        topic: rand() < 0.9 ? pick(rand, TOPICS) : null,
        tags: rand() < 0.6 ? [pick(rand, ['dinner', 'texts', 'weekend', 'work', 'family visit', 'ex']), pick(rand, ['late', 'phone', 'plans'])] : [],
        bodyCues: Array.from({ length: Math.floor(rand() * 4) }, () => pick(rand, BODY_CUES)),
        intensityBefore: Math.floor(rand() * 101),
        intensityAfter: rand() < 0.7 ? Math.floor(rand() * 101) : null,
        urge,
        urgeActedOn: urge ? rand() < 0.4 : null,
        woundOrSignal: rand() < 0.8 ? pick(rand, WOUND_OR_SIGNAL) : null,
      });
    }
  }
  return out;
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { median: at(0.5), p99: at(0.99), n: s.length };
}

function time(fn: () => unknown, iterations: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** The cheapest pass over the same data: count by topic, nothing else. */
function baselineCount(entries: readonly EntryFacts[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const e of entries) if (e.topic) m.set(e.topic, (m.get(e.topic) ?? 0) + 1);
  return m;
}

const ms = (n: number) => `${n.toFixed(2).padStart(7)} ms`;

export interface InsightsBenchResult {
  core: Array<{ label: string; entries: number; insights: ReturnType<typeof stats>; baseline: ReturnType<typeof stats>; ratio: number }>;
  service: Array<{ engine: 'pglite' | 'postgres'; entries: number; stats: ReturnType<typeof stats> }>;
  withinBudget: boolean;
}

export async function runInsightsBench(opts: { service?: boolean } = {}): Promise<InsightsBenchResult> {
  const end = Date.parse('2026-12-01T00:00:00Z');
  const from = new Date(end - 730 * DAY_MS).toISOString();
  const to = new Date(end).toISOString();
  console.log(`\nInsights bench — computeInsights in ${TIME_ZONE}, two-year range, ${os.cpus().length} cores`);
  const core: InsightsBenchResult['core'] = [];
  for (const [label, perDay] of [
    ['2 years, 1 entry a day', 1],
    ['2 years, 3 entries a day', 3],
  ] as const) {
    const entries = history(730, perDay, end);
    const run = () => computeInsights(entries, { timeZone: TIME_ZONE, from, to });
    time(run, 30); // warm-up (JIT, formatter cache)
    time(() => baselineCount(entries), 200);
    const insights = stats(time(run, 300));
    const baseline = stats(time(() => baselineCount(entries), 3000));
    const ratio = insights.median / baseline.median;
    core.push({ label, entries: entries.length, insights, baseline, ratio });
    console.log(`${label.padEnd(28)} ${String(entries.length).padStart(5)} entries   insights median ${ms(insights.median)}  p99 ${ms(insights.p99)}   baseline median ${ms(baseline.median)}   ratio ${ratio.toFixed(0)}×`);
  }

  const service: InsightsBenchResult['service'] = [];
  if (opts.service !== false) {
    service.push(await serviceBench('pglite'));
    service.push(await serviceBench('postgres'));
  }

  const withinBudget = core.every((c) => c.insights.p99 <= BUDGET_MS) && service.every((x) => x.stats.median <= BUDGET_MS);
  console.log(`insights budget ≤ ${BUDGET_MS} ms: ${withinBudget ? 'met' : 'NOT met'}`);
  return { core, service, withinBudget };
}

/**
 * The whole path on either engine: a person with two years of daily entries, asked through
 * InsightsService. PostgreSQL: BENCH_DATABASE_URL, default the local server (a scratch database).
 */
async function serviceBench(engine: 'pglite' | 'postgres'): Promise<InsightsBenchResult['service'][number]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-bench-insights-'));
  const scratch = engine === 'postgres' ? await createScratchDatabase(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 'trellis_bench') : undefined;
  const database = scratch ? await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 4 }) : await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'db') });
  try {
    await database.migrate();
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, BASE_URL: 'http://127.0.0.1:1', LOG_LEVEL: 'silent', RATE_LIMIT: 'false' });
    const ctx = createContext(config, database, { serverKey: { id: 'bench', key: crypto.randomBytes(32) }, mailer: { send: async () => {}, close: () => {} } });
    const app = await buildApp(ctx);
    const email = 'insights-bench@example.com';
    const password = 'benchmark passphrase here';
    await app.inject({ method: 'POST', url: '/api/auth/sign-up/email', payload: { email, password, name: 'Bench' } });
    await database.db.execute(sql`update "user" set email_verified = true where email = ${email}`);
    const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email, password } });
    const userId = (signIn.json() as { user: { id: string } }).user.id;
    const actor = { kind: 'user', userId, sessionId: 'bench', emailVerified: true } as const;

    // Written relative to now (entries may not be in the future), two years back.
    const now = Date.now();
    const entries = history(730, 1, now).map((f) => ({ ...f, occurredAt: new Date(Math.min(Date.parse(f.occurredAt), now - 60_000)).toISOString() }));
    const t0 = performance.now();
    for (const f of entries) {
      await ctx.services.journal.create(actor, {
        kind: f.kind,
        occurredAt: f.occurredAt,
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
    console.log(`  (wrote ${entries.length} entries through JournalService in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    const query = { from: new Date(now - 730 * DAY_MS).toISOString(), timeZone: TIME_ZONE };
    for (let i = 0; i < 5; i++) await ctx.services.insights.forMe(actor, query);
    const samples: number[] = [];
    let seen = 0;
    for (let i = 0; i < 40; i++) {
      const s = performance.now();
      seen = (await ctx.services.insights.forMe(actor, query)).totals.entries;
      samples.push(performance.now() - s);
    }
    const st = stats(samples);
    console.log(`service path on ${(engine === 'pglite' ? 'PGlite' : 'PostgreSQL').padEnd(12)} ${String(seen).padStart(5)} entries   facts + decrypt + compute median ${ms(st.median)}  p99 ${ms(st.p99)}`);
    await app.close();
    return { engine, entries: seen, stats: st };
  } finally {
    await database.close();
    await scratch?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  runInsightsBench().then(
    (r) => {
      if (!r.withinBudget) process.exitCode = 1;
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
