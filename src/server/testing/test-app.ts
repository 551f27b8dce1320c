/**
 * A whole Trellis app around a test database and a real in-process SMTP server, plus a small
 * cookie-keeping client that behaves like a browser tab (sends Origin on writes).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { TOTP } from 'otpauth';
import { loadConfig } from '../config.ts';
import { buildApp } from '../app.ts';
import { createContext, type AppContext } from '../context.ts';
import { openTestDatabase } from './test-db.ts';
import type { Database } from '../db/client.ts';
import { SmtpCapture, firstUrl } from './smtp-capture.ts';
import { Agent } from '../http/inject-agent.ts';

export const BASE_URL = 'http://localhost:3000';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  smtp: SmtpCapture;
  agent(): Agent;
  /** A new account, verified through the real mail link, signed in. */
  signUpVerified(opts?: { email?: string; password?: string; name?: string }): Promise<{ agent: Agent; email: string; password: string; userId: string }>;
  close(): Promise<void>;
}

/**
 * `opts.database`: a database of the test's own (e.g. a scratch PostgreSQL database that no other
 * test file's server works on); the app closes it with the rest.
 */
export async function createTestApp(env: Record<string, string> = {}, opts: { database?: Database } = {}): Promise<TestApp> {
  const smtp = await new SmtpCapture().start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-test-'));
  const config = loadConfig({ NODE_ENV: 'test', BASE_URL, DATA_DIR: dataDir, SMTP_URL: smtp.url, LOG_LEVEL: 'silent', ...env });
  const database = opts.database ?? (await openTestDatabase());
  const ctx = createContext(config, database);
  const app = await buildApp(ctx);
  await app.ready();

  const t: TestApp = {
    app,
    ctx,
    smtp,
    agent: () => new Agent(app),
    async signUpVerified(opts = {}) {
      const email = opts.email ?? uniqueEmail();
      const password = opts.password ?? 'a long unguessable phrase ' + crypto.randomBytes(4).toString('hex');
      const agent = new Agent(app);
      const up = await agent.post('/api/auth/sign-up/email', { email, password, name: opts.name ?? 'Robin' });
      if (up.statusCode !== 200) throw new Error(`sign-up failed: ${up.statusCode} ${up.body}`);
      const mail = await smtp.waitFor(email, /confirm/i);
      const verify = await agent.get(pathOf(firstUrl(mail.text)));
      if (verify.statusCode >= 400) throw new Error(`verify failed: ${verify.statusCode} ${verify.body}`);
      const signIn = await agent.post('/api/auth/sign-in/email', { email, password });
      if (signIn.statusCode !== 200) throw new Error(`sign-in failed: ${signIn.statusCode} ${signIn.body}`);
      return { agent, email, password, userId: (signIn.json() as { user: { id: string } }).user.id };
    },
    async close() {
      await app.close();
      ctx.mailer.close();
      await database.close();
      await smtp.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

export const uniqueEmail = () => `person-${crypto.randomUUID().slice(0, 12)}@example.com`;

/** The path and query of an absolute URL (mail links point at BASE_URL). */
export const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

/** A current TOTP code for an otpauth:// URI. */
export function totpCode(totpURI: string, offsetSteps = 0): string {
  const secret = new URL(totpURI).searchParams.get('secret')!;
  const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

export { Agent } from '../http/inject-agent.ts';

/** Turns on TOTP two-factor for a signed-in account, through the real endpoints (therapists need it). */
export async function enableTwoFactor(agent: Agent, password: string): Promise<string> {
  const enable = await agent.post('/api/auth/two-factor/enable', { password });
  if (enable.statusCode !== 200) throw new Error(`two-factor enable failed: ${enable.statusCode}`);
  const { totpURI } = enable.json() as { totpURI: string };
  const confirm = await agent.post('/api/auth/two-factor/verify-totp', { code: totpCode(totpURI) });
  if (confirm.statusCode !== 200) throw new Error(`two-factor confirm failed: ${confirm.statusCode}`);
  return totpURI;
}
