/**
 * A whole Trellis app around a test database and a real in-process SMTP server, plus a small
 * cookie-keeping client that behaves like a browser tab (sends Origin on writes).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { TOTP } from 'otpauth';
import { loadConfig } from '../config.ts';
import { buildApp } from '../app.ts';
import { createContext, type AppContext } from '../context.ts';
import { openTestDatabase } from './test-db.ts';
import { SmtpCapture, firstUrl } from './smtp-capture.ts';

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

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const smtp = await new SmtpCapture().start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-test-'));
  const config = loadConfig({ NODE_ENV: 'test', BASE_URL, DATA_DIR: dataDir, SMTP_URL: smtp.url, LOG_LEVEL: 'silent', ...env });
  const database = await openTestDatabase();
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

/** Keeps cookies between requests like a browser tab, and sends Origin on writes. */
export class Agent {
  readonly cookies = new Map<string, string>();
  /** Each agent is its own device, with its own address (rate limits are per address). */
  readonly ip = `10.${crypto.randomInt(256)}.${crypto.randomInt(256)}.${crypto.randomInt(1, 255)}`;
  constructor(private readonly app: FastifyInstance) {}

  async request(opts: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (this.cookies.size && !('cookie' in headers)) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const method = (opts.method ?? 'GET').toString().toUpperCase();
    if (method !== 'GET' && method !== 'HEAD' && !('origin' in headers)) headers.origin = BASE_URL;
    const res = await this.app.inject({ remoteAddress: this.ip, ...opts, headers });
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires && c.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request({ method: 'GET', url, headers });
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'POST', url, payload: body === undefined ? undefined : (body as object), headers });
  }
  patch(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'PATCH', url, payload: body as object, headers });
  }
}
