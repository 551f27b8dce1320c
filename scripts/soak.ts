/**
 * npm run soak — ten minutes of mixed load on the real server process, with its memory sampled
 * every 10 s (src/server/testing/soak.ts, docs/decisions/039). Passes when no request fails, the
 * server logs no error, and neither RSS nor the JS heap after GC grows more than 10 % from the
 * warm baseline (median of 5 samples after the first 20 % of the run) to the end (median of the
 * last 5).
 *
 *   npm run soak                                   # PGlite (no DATABASE_URL), 600 s
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run soak   # PostgreSQL
 *   SOAK_ENGINE=pglite SOAK_SECONDS=120 npm run soak
 *
 * On PostgreSQL the soak makes a scratch database on the server DATABASE_URL names and drops it
 * afterwards: it never fills the database itself. SOAK_COUPLES (default 4) and SOAK_THINK_MS
 * (default 60) set the number of linked couples (one worker per person) and each worker's pause.
 */
import fs from 'node:fs';
import { createScratchDatabase } from '../src/server/testing/scratch-postgres.ts';
import { formatSoak, runSoak } from '../src/server/testing/soak.ts';

const wholeNumber = (name: string, fallback: number, min: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    console.error(`${name} must be a whole number of at least ${min}, not ${raw}`);
    process.exit(2);
  }
  return n;
};

const seconds = wholeNumber('SOAK_SECONDS', 600, 30);
const couples = wholeNumber('SOAK_COUPLES', 4, 1);
const thinkMs = wholeNumber('SOAK_THINK_MS', 60, 0);
const engine = (process.env.SOAK_ENGINE || (process.env.DATABASE_URL ? 'postgres' : 'pglite')) as 'pglite' | 'postgres';
if (engine !== 'pglite' && engine !== 'postgres') {
  console.error(`SOAK_ENGINE must be pglite or postgres, not ${engine}`);
  process.exit(2);
}

async function main() {
  const scratch = engine === 'postgres' ? await createScratchDatabase(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres', 'trellis_soak') : null;
  console.log(`Trellis soak — ${engine}, ${seconds} s, ${couples * 2} people (${couples} linked couples), memory every ${Math.min(10, seconds / 30).toFixed(1)} s`);
  try {
    const result = await runSoak({ seconds, engine, databaseUrl: scratch?.url, couples, thinkMs, log: (line) => console.log(line) });
    console.log(`\n${formatSoak(result)}`);
    fs.mkdirSync('bench/results', { recursive: true });
    fs.writeFileSync(`bench/results/soak-${engine}-latest.json`, JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2));
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await scratch?.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
