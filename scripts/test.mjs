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

function step(title, cmd, args) {
  process.stdout.write(`\n▶ ${title}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function vitest(title, projects, file) {
  const out = path.join(results, file);
  const ok = step(title, bin('vitest'), ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    if (r.numTotalTests === 0) {
      process.stdout.write(`${title}: ran no test\n`);
      return false;
    }
  } else failed += 1;
  return ok;
}

let ok = step('Type-check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
ok = step('Build the web app', bin('vite'), ['build', '--logLevel', 'warn']) && ok;
ok = vitest('Unit and integration tests (PGlite)', ['unit', 'integration'], 'unit.json') && ok;
ok = vitest('Integration tests (PostgreSQL)', ['postgres'], 'postgres.json') && ok;
ok = vitest('End-to-end tests (Chromium)', ['e2e'], 'e2e.json') && ok;

fs.rmSync(results, { recursive: true, force: true });
process.stdout.write(`\nvitest: ${passed} passed, ${failed} failed\n`);
process.exit(ok && failed === 0 ? 0 : 1);
