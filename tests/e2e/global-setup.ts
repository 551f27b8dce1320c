/**
 * Starts Trellis as a real process for the browser tests: the built web app, an embedded
 * database in a fresh folder, and the development outbox for mail (no SMTP server), exactly
 * what a newcomer gets from `npm start`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../src/server/testing/server-process.ts';
import { webRoot } from '../../src/server/app.ts';

export const NEUTRAL_URL = 'https://neutral.example/';

export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error('The web app is not built: run `npx vite build` first (npm test does).');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-e2e-'));
  const server = await startServer({ DATA_DIR: dataDir, QUICK_EXIT_URL: NEUTRAL_URL, LOG_LEVEL: 'info', TRUST_PROXY_HOPS: '1' });
  // Mail links must point at the address the browser uses.
  project.provide('e2eBaseUrl', server.url);
  return async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
