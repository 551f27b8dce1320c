/**
 * The short soak (docs/decisions/039): the real server process under ~45 s of mixed load from
 * verified, linked couples — journal, check-ins, insights, urges, self-worth, couple state, coach,
 * live-update streams, profile, the web page and a static asset. Every request must get the status
 * it should (no 5xx, no connection error, no other 4xx), the server must log no error, and its
 * memory (RSS and the JS heap after a full GC) must not grow from warm-up to the end by more
 * than 15 % — looser than the ten-minute run's 10 % (npm run soak), because so short a run is
 * noisy; the error criteria are as strict as in the long run.
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { formatSoak, memoryGrowth, runSoak } from './testing/soak.ts';
import { engineName } from './testing/test-db.ts';

const SECONDS = 45;
const SHORT_RUN_GROWTH_PCT = 15;

describe(`soak (${engineName()})`, () => {
  it('compares the median after warm-up with the median at the end', () => {
    const flat = Array.from({ length: 20 }, (_, i) => ({ atS: i, v: 100 }));
    expect(memoryGrowth(flat, 4, 5).pct).toBe(0);
    // Warm-up samples (before 4 s) are left out; growth shows at the end even with one outlier.
    const growing = Array.from({ length: 20 }, (_, i) => ({ atS: i, v: i < 4 ? 500 : i < 15 ? 100 : i === 17 ? 90 : 120 }));
    expect(memoryGrowth(growing, 4, 5)).toEqual({ warmKb: 100, endKb: 120, pct: 20 });
    expect(() => memoryGrowth(flat.slice(0, 12), 4, 5)).toThrow(/too few memory samples/);
  });

  it(`serves ${SECONDS} s of mixed load with no error, memory growth ≤ ${SHORT_RUN_GROWTH_PCT} % (short run; 10 % in npm run soak)`, async () => {
    const result = await runSoak({
      seconds: SECONDS,
      engine: engineName(),
      databaseUrl: engineName() === 'postgres' ? inject('postgresUrl') : undefined,
      maxGrowthPct: SHORT_RUN_GROWTH_PCT,
    });
    const summary = formatSoak(result);
    // Every kind of request ran, not only some.
    for (const kind of ['journal create', 'journal list', 'journal get', 'journal patch', 'check-in today', 'check-in list', 'insights', 'urges create', 'urges list', 'self-worth create', 'self-worth list', 'couple state', 'coach analyze', 'events stream', 'profile', 'web page']) {
      expect(result.requests[kind] ?? 0, `${kind}\n${summary}`).toBeGreaterThan(0);
    }
    expect(result.errorSamples, summary).toEqual([]);
    expect(result.errors, summary).toBe(0);
    expect(result.serverErrorLogs, summary).toBe(0);
    expect(result.heap, summary).not.toBeNull();
    expect(result.failures, summary).toEqual([]);
    expect(result.ok).toBe(true);
    process.stdout.write(`${summary.split('\n')[0]}; RSS ${result.rss.pct.toFixed(1)} %, heap ${result.heap!.pct.toFixed(1)} %\n`);
  }, 300_000);
});
