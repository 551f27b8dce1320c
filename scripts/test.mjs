#!/usr/bin/env node
/**
 * npm test — everything, in order: type-check, build the web app, unit + integration tests on
 * PGlite and on PostgreSQL, then end-to-end tests in Chromium. Prints one closing line
 * "vitest: N passed, N failed" and exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bin = (name) => path.join('node_modules', '.bin', name);
const results = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-results-'));
let passed = 0;
let failed = 0;
/** The failing tests' names, repeated at the very end so the last lines of a CI log say what failed. */
const failures = [];

function step(title, cmd, args) {
  process.stdout.write(`\n▶ ${title}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function vitest(title, projects, file) {
  const out = path.join(results, file);
  const ok = step(title, bin('vitest'), ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const failuresBefore = failures.length;
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    try {
      for (const file of r.testResults ?? []) {
        if (file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed')) {
          failures.push(`${title}: ${path.relative(process.cwd(), file.name)} (${(file.message ?? 'failed to run').split('\n')[0]})`);
        }
        for (const a of file.assertionResults ?? []) {
          if (a.status === 'failed') failures.push(`${title}: ${path.relative(process.cwd(), file.name)} > ${a.fullName}: ${(a.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300)}`);
        }
      }
    } catch {
      failures.push(`${title}: see the log above`); // the summary must never hide the result
    }
    if (r.numTotalTests === 0) {
      process.stdout.write(`${title}: ran no test\n`);
      return false;
    }
  } else failed += 1;
  // Every test passed but vitest failed: a global set-up or teardown check (the e2e leak scan).
  if (!ok && failures.length === failuresBefore) failures.push(`${title}: vitest exited with an error outside the tests (set-up or teardown, e.g. the leak scan; see the log above)`);
  return ok;
}

const typed = step('Type-check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
if (!typed) failures.push('Type-check: tsc reported errors (above)');
const built = step('Build the web app', bin('vite'), ['build', '--logLevel', 'warn']);
if (!built) failures.push('Build the web app: vite build failed (above)');
let ok = typed && built;
ok = vitest('Unit and integration tests (PGlite)', ['unit', 'integration'], 'unit.json') && ok;
ok = vitest('Integration tests (PostgreSQL)', ['postgres'], 'postgres.json') && ok;
// The whole browser suite: its leak scan must also find mails, a push and words to check (ADR 032).
process.env.LEAK_SCAN_WHOLE_SUITE = '1';
ok = vitest('End-to-end tests (Chromium)', ['e2e'], 'e2e.json') && ok;

fs.rmSync(results, { recursive: true, force: true });
if (failures.length) process.stdout.write(`\nFailed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}\n`);
process.stdout.write(`\nvitest: ${passed} passed, ${failed} failed\n`);
process.exit(ok && failed === 0 ? 0 : 1);
