/**
 * npm run fuzz — the long OpenAPI fuzz (src/server/http/fuzz.int.test.ts): every operation gets
 * FUZZ_RUNS generated hostile requests (default 200) on PGlite, or on PostgreSQL with
 * FUZZ_PROJECT=postgres. The seed is printed first; FUZZ_SEED=<it> replays the same requests.
 *
 *   FUZZ_RUNS=50 npm run fuzz
 *   FUZZ_SEED=123456 npm run fuzz
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';

const runs = process.env.FUZZ_RUNS ?? '200';
const seed = process.env.FUZZ_SEED ?? String(crypto.randomInt(2 ** 31 - 1));
const project = process.env.FUZZ_PROJECT ?? 'integration';
if (!/^\d+$/.test(runs) || !/^\d+$/.test(seed)) {
  console.error('FUZZ_RUNS and FUZZ_SEED must be whole numbers.');
  process.exit(2);
}
console.log(`OpenAPI fuzz: ${runs} requests per operation on ${project}, FUZZ_SEED=${seed} (set it to replay this run)`);
const started = Date.now();
const r = spawnSync(path.join('node_modules', '.bin', 'vitest'), ['run', '--project', project, 'src/server/http/fuzz.int.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_LONG: '1', FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
console.log(`OpenAPI fuzz ${r.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s — FUZZ_SEED=${seed} FUZZ_RUNS=${runs}`);
process.exit(r.status ?? 1);
