/**
 * Starts Trellis as a real process for the browser tests: the built web app, an embedded
 * database in a fresh folder, and the development outbox for mail (no SMTP server), exactly
 * what a newcomer gets from `npm start`.
 *
 * The leak scan (docs/decisions/032): pages record the free text they send (browser.ts), a stand-in
 * push service receives and decrypts every push, and at the end every email in the outbox and
 * every push is searched for those words. Any match fails the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../src/server/testing/server-process.ts';
import { webRoot } from '../../src/server/app.ts';
import { findLeaks, readableMail } from '../../src/server/testing/leak-scan.ts';
import { PushCapture } from './push-capture.ts';

export const NEUTRAL_URL = 'https://neutral.example/';

export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error('The web app is not built: run `npx vite build` first (npm test does).');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-e2e-'));
  const push = await new PushCapture().start();
  const server = await startServer({ DATA_DIR: dataDir, QUICK_EXIT_URL: NEUTRAL_URL, LOG_LEVEL: 'info', TRUST_PROXY_HOPS: '1', NODE_EXTRA_CA_CERTS: push.caFile });
  const wordsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-e2e-words-')), 'words.jsonl');
  fs.writeFileSync(wordsFile, '');
  // Mail links must point at the address the browser uses.
  project.provide('e2eBaseUrl', server.url);
  project.provide('leakWordsFile', wordsFile);
  project.provide('pushCaptureUrl', push.url);
  return async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await push.stop();
    try {
      scanForLeaks(path.join(dataDir, 'mail'), push, wordsFile);
    } catch (err) {
      // Vitest reports an error in teardown but still exits 0: make the run fail.
      process.exitCode = 1;
      throw err;
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(path.dirname(wordsFile), { recursive: true, force: true });
    }
  };
}

function scanForLeaks(outboxDir: string, push: PushCapture, wordsFile: string): void {
  const words = new Set(
    fs
      .readFileSync(wordsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as string),
  );
  const mails = fs.existsSync(outboxDir) ? fs.readdirSync(outboxDir).filter((f) => f.endsWith('.eml')) : [];
  const messages = [
    ...mails.map((f) => ({ where: `mail ${f}`, text: readableMail(fs.readFileSync(path.join(outboxDir, f), 'utf8')) })),
    ...push.pushes.map((p, i) => ({ where: `push #${i + 1}`, text: p.payload })),
  ];
  console.log(`leak scan: ${mails.length} mails, ${push.pushes.length} pushes, ${words.size} user texts`);
  // A scan of nothing proves nothing: the whole suite (npm test sets LEAK_SCAN_WHOLE_SUITE) sends
  // mail (sign-up, invitations, bookings) and a push (the reminder in notifications.e2e).
  if (process.env.LEAK_SCAN_WHOLE_SUITE === '1' && (mails.length === 0 || push.pushes.length === 0 || words.size === 0)) {
    throw new Error(`leak scan: nothing to scan (${mails.length} mails, ${push.pushes.length} pushes, ${words.size} user texts)`);
  }
  const leaks = findLeaks(messages, words);
  if (leaks.length > 0) {
    // Name where and a short part of the phrase, never the whole message.
    throw new Error(`leak scan: user words found in ${leaks.length} message(s):\n${leaks.map((l) => `  ${l.where}: "${l.phrase.slice(0, 40)}…"`).join('\n')}`);
  }
  console.log('leak scan: no user words found');
}
