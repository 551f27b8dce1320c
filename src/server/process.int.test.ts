/**
 * The server as a process: it refuses bad settings and a data folder already in use, finishes
 * requests in flight on SIGTERM, and loses no acknowledged write when killed with SIGKILL.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { runServerExpectingExit, startServer, type ServerProcess } from './testing/server-process.ts';
import { engineName } from './testing/test-db.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-proc-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Engine settings for the child: a data folder always (key file, mail), plus DATABASE_URL on postgres. */
function engineEnv(dataDir: string): Record<string, string> {
  return engineName() === 'postgres' ? { DATA_DIR: dataDir, DATABASE_URL: inject('postgresUrl') } : { DATA_DIR: dataDir };
}

/**
 * Each test starts real server processes (migrations included), which on a busy 2-core machine can
 * take well over the default 30 s: these tests wait for behaviour, not for a clock.
 */
const PROCESS_TEST_TIMEOUT = 180_000;

/**
 * How many times the durability test kills the server: 3 in `npm test`, 20 in `npm run test:long`
 * (docs/decisions/037). Each round waits for writes to be acknowledged, so it takes what the machine needs.
 */
const DURABILITY_ROUNDS = (() => {
  const raw = process.env.DURABILITY_ROUNDS;
  if (raw === undefined || raw === '') return 3;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`DURABILITY_ROUNDS must be a whole number of at least 1, not ${raw}`);
  return n;
})();

describe(`server process (${engineName()})`, () => {
  it('stops at start with a message naming a bad setting', async () => {
    const { code, output } = await runServerExpectingExit({ DATA_DIR: tempDir(), PORT: '99999', LOG_LEVEL: 'chatty' });
    expect(code).toBe(1);
    expect(output).toContain('PORT');
    expect(output).toContain('LOG_LEVEL');
  });

  it(
    engineName() === 'pglite'
      ? 'refuses a second process on the same data folder'
      : 'lets a second instance run beside the first on the same PostgreSQL (scale-out)',
    async () => {
      const dir = tempDir();
      const first = await startServer(engineEnv(dir));
      try {
        if (engineName() === 'pglite') {
          const second = await runServerExpectingExit(engineEnv(dir));
          expect(second.code).toBe(1);
          expect(second.output).toMatch(/already in use by another Trellis process/);
        } else {
          const second = await startServer(engineEnv(tempDir()));
          expect((await fetch(`${second.url}/readyz`)).status).toBe(200);
          second.child.kill('SIGTERM');
          expect(await second.exited).toBe(0);
        }
        expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
      } finally {
        first.child.kill('SIGTERM');
        await first.exited;
      }
    },
    PROCESS_TEST_TIMEOUT,
  );

  it('finishes a request in flight on SIGTERM, then exits cleanly', async () => {
    const server = await startServer(engineEnv(tempDir()));
    const { port } = new URL(server.url);
    const body = JSON.stringify({ email: 'in-flight@example.com', password: 'a long enough passphrase', name: 'In flight' });
    const response = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST /api/auth/sign-up/email HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
        );
        socket.write(body.slice(0, 10));
        // The request is now in flight; ask the server to stop, then finish sending.
        setTimeout(() => {
          server.child.kill('SIGTERM');
          setTimeout(() => socket.write(body.slice(10)), 300);
        }, 200);
      });
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('shutting down');
  }, PROCESS_TEST_TIMEOUT);

  it(`keeps every acknowledged write across ${DURABILITY_ROUNDS} SIGKILLs during write load`, async () => {
    const dir = tempDir();
    const env = { ...engineEnv(dir), RATE_LIMIT: 'false', LOG_LEVEL: 'warn' };
    const acknowledged: string[] = [];
    const rounds = DURABILITY_ROUNDS;
    const started = Date.now();
    let server: ServerProcess | undefined;
    for (let round = 0; round < rounds; round++) {
      server = await startServer({ ...env, LOG_LEVEL: 'info' });
      const url = server.url;
      let stop = false;
      const writer = async (w: number) => {
        for (let i = 0; !stop; i++) {
          const email = `kill-${round}-${w}-${i}-${Date.now()}@example.com`;
          try {
            const res = await fetch(`${url}/api/auth/sign-up/email`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ email, password: 'durable passphrase here', name: 'D' }),
            });
            if (res.status === 200) acknowledged.push(email);
          } catch {
            return; // connection reset by the kill: not acknowledged
          }
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      // Kill in the middle of the load: once this round has had at least 5 writes acknowledged
      // (on a busy machine hashing passwords is slow, so a fixed pause may see almost none).
      const before = acknowledged.length;
      const deadline = Date.now() + 30_000;
      await new Promise((r) => setTimeout(r, 500));
      while (acknowledged.length - before < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      server.child.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
      await server.exited;
    }
    expect(acknowledged.length).toBeGreaterThan(10);

    // Restart and ask for each acknowledged account: an unverified account answers 403, a missing one 401.
    server = await startServer({ ...env, LOG_LEVEL: 'info' });
    try {
      const missing: string[] = [];
      for (const email of acknowledged) {
        const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: 'durable passphrase here' }),
        });
        if (res.status !== 403) missing.push(`${email}: ${res.status}`);
      }
      expect(missing).toEqual([]);
      // A figure for the long run's report (npm run test:long); counts only.
      process.stdout.write(`durability (${engineName()}): ${rounds} SIGKILLs, ${acknowledged.length} acknowledged writes checked, ${Math.round((Date.now() - started) / 1000)} s\n`);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 120_000 + DURABILITY_ROUNDS * 60_000);
});
