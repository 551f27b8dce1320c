import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WORDLESS_MESSAGE } from '../../core/schemas/notifications.ts';
import { localDay } from '../../core/reminders/reminders.ts';
import { startJobs, type JobRunner } from '../jobs/runner.ts';
import type { Actor } from '../policy/index.ts';
import { linkForTest } from '../testing/couples.ts';
import { BASE_URL, createTestApp, type Agent, type TestApp } from '../testing/test-app.ts';
import { engineName } from '../testing/test-db.ts';
import { NotificationsService } from './service.ts';
import { notificationsRepo } from './repo.ts';
import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import { vapidKey } from '../db/schema/index.ts';
import { seal } from '../crypto/aead.ts';
import { deriveKey } from '../crypto/server-key.ts';

// http_ece (web-push's own dependency) has no types.
const ece = (await import('http_ece' as string)) as { default?: unknown; decrypt: (buf: Buffer, params: Record<string, unknown>) => Buffer };
const httpEce = ((ece as { default?: typeof ece }).default ?? ece) as typeof ece;

let t: TestApp;
/** A self-signed certificate for the in-process push service (web-push speaks only HTTPS). */
const tls = (() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-push-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  return { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) };
})();
const textOf = (m: { text: string }) => m.text.replace(/\r\n/g, '\n').trim();
let clock = Date.parse('2026-10-31T12:00:00Z');
let service: NotificationsService;
let jobs: JobRunner;
type Person = Awaited<ReturnType<TestApp['signUpVerified']>>;
const put = (agent: Agent, url: string, body: unknown) => agent.request({ method: 'PUT', url, payload: body as object });
const system: Actor = { kind: 'system', job: 'test' };
const wordless = `${WORDLESS_MESSAGE}\n\n${BASE_URL}/`;

const setZone = async (p: Person, timeZone: string) => expect((await p.agent.request({ method: 'PATCH', url: '/api/v1/profile', payload: { timeZone } })).statusCode).toBe(200);
const mailsTo = (email: string) => t.smtp.messages.filter((m) => m.to.includes(email));

beforeAll(async () => {
  t = await createTestApp();
  const c = t.ctx;
  service = new NotificationsService(
    c.database.db,
    c.policy,
    c.serverKey,
    c.mailer,
    c.services.checkins,
    { baseUrl: BASE_URL, mailFrom: c.config.MAIL_FROM, pushAgent: new https.Agent({ ca: tls.cert }) },
    () => clock,
  );
  jobs = await startJobs({
    database: c.database,
    databaseUrl: engineName() === 'postgres' ? inject('postgresUrl') : undefined,
    notifications: service,
    log: c.log,
    schedule: false,
  });
});
afterAll(async () => {
  await jobs.stop();
  await t.close();
});

describe(`notification settings API (${engineName()})`, () => {
  it('starts off, saves a reminder time and computes the next due instant in my zone', async () => {
    const p = await t.signUpVerified();
    const first = await p.agent.get('/api/v1/notifications/settings');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ checkinReminder: false, reminderTime: '20:00', email: true, push: true, nextDueAt: null, timeZone: null });
    await setZone(p, 'America/Chicago');
    const saved = await put(p.agent, '/api/v1/notifications/settings', { checkinReminder: true, reminderTime: '09:00', email: true, push: false });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ checkinReminder: true, reminderTime: '09:00', push: false, timeZone: 'America/Chicago' });
    expect(Date.parse(saved.json().nextDueAt)).toBeGreaterThan(Date.now());
    expect((await p.agent.get('/api/v1/notifications/settings')).json()).toMatchObject({ checkinReminder: true, reminderTime: '09:00' });

    // Moving to another zone moves the reminder: 09:00 where I am now.
    await setZone(p, 'Asia/Tokyo');
    const moved = (await p.agent.get('/api/v1/notifications/settings')).json();
    expect(moved.timeZone).toBe('Asia/Tokyo');
    expect(new Date(moved.nextDueAt).getUTCHours()).toBe(0); // 09:00 in Tokyo (UTC+9, no DST)
    expect(Date.parse(moved.nextDueAt)).toBeGreaterThan(Date.now());
    expect(Date.parse(moved.nextDueAt) - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
  });

  it('answers bad input with a problem naming the field', async () => {
    const p = await t.signUpVerified();
    const res = await put(p.agent, '/api/v1/notifications/settings', { checkinReminder: true, reminderTime: '25:00', email: true, push: true });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('reminderTime');
  });

  it('is closed to the signed-out', async () => {
    expect((await t.agent().get('/api/v1/notifications/settings')).statusCode).toBe(401);
    expect((await put(t.agent(), '/api/v1/notifications/settings', { checkinReminder: true, reminderTime: '09:00', email: true, push: true })).statusCode).toBe(401);
    expect((await t.agent().get('/api/v1/notifications/vapid-public-key')).statusCode).toBe(401);
  });

  it('gives one VAPID public key, the same every time (stored, private key sealed)', async () => {
    const p = await t.signUpVerified();
    const a = (await p.agent.get('/api/v1/notifications/vapid-public-key')).json().publicKey as string;
    expect(a).toMatch(/^[A-Za-z0-9_-]{87}$/);
    const again = new NotificationsService(t.ctx.database.db, t.ctx.policy, t.ctx.serverKey, t.ctx.mailer, t.ctx.services.checkins, { baseUrl: BASE_URL, mailFrom: 'x@y.z' });
    expect((await again.vapid()).publicKey).toBe(a);
    const row = await notificationsRepo.vapid(t.ctx.database.db, `key:${t.ctx.serverKey.id}`);
    expect(row!.publicKey).toBe(a);
    expect(row!.privateKey.toString('utf8')).not.toContain((await again.vapid()).privateKey);
  });

  it('keeps one pair per server key: another key gets its own and never opens ours', async () => {
    const p = await t.signUpVerified();
    const a = (await p.agent.get('/api/v1/notifications/vapid-public-key')).json().publicKey as string;
    const otherKey = { id: `other-${crypto.randomUUID()}`, key: crypto.randomBytes(32) };
    const other = new NotificationsService(t.ctx.database.db, t.ctx.policy, otherKey, t.ctx.mailer, t.ctx.services.checkins, { baseUrl: BASE_URL, mailFrom: 'x@y.z' });
    const b = await other.vapidPublicKey();
    expect(b).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(b).not.toBe(a);
    expect((await other.vapid()).publicKey).toBe(b);
    // Ours is unchanged.
    expect((await p.agent.get('/api/v1/notifications/vapid-public-key')).json().publicKey).toBe(a);
  });

  it('adopts a pair stored before pairs were per key when this key sealed it, and ignores one it cannot open', async () => {
    const db = t.ctx.database.db;
    const mine = { id: `legacy-${crypto.randomUUID()}`, key: crypto.randomBytes(32) };
    const legacy = webpush.generateVAPIDKeys();
    await db.delete(vapidKey).where(eq(vapidKey.id, 'default'));
    await notificationsRepo.insertVapid(db, 'default', legacy.publicKey, seal(deriveKey(mine, 'vapid-private-key'), Buffer.from(legacy.privateKey, 'utf8'), 'vapid:default'));
    try {
      const service = new NotificationsService(db, t.ctx.policy, mine, t.ctx.mailer, t.ctx.services.checkins, { baseUrl: BASE_URL, mailFrom: 'x@y.z' });
      expect(await service.vapidPublicKey()).toBe(legacy.publicKey);
      expect((await service.vapid()).privateKey).toBe(legacy.privateKey);
      const stranger = new NotificationsService(db, t.ctx.policy, { id: `stranger-${crypto.randomUUID()}`, key: crypto.randomBytes(32) }, t.ctx.mailer, t.ctx.services.checkins, { baseUrl: BASE_URL, mailFrom: 'x@y.z' });
      expect(await stranger.vapidPublicKey()).not.toBe(legacy.publicKey);
    } finally {
      await db.delete(vapidKey).where(eq(vapidKey.id, 'default'));
    }
  });

  it('push subscriptions: mine only; a stranger cannot delete mine', async () => {
    const [p, stranger] = [await t.signUpVerified(), await t.signUpVerified()];
    const sub = { endpoint: `https://push.example/${crypto.randomUUID()}`, expirationTime: null, keys: { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) } };
    const created = await p.agent.post('/api/v1/notifications/push-subscriptions', sub);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await stranger.agent.get('/api/v1/notifications/push-subscriptions')).json().items).toEqual([]);
    expect((await stranger.agent.request({ method: 'DELETE', url: `/api/v1/notifications/push-subscriptions/${id}` })).statusCode).toBe(404);
    expect((await t.agent().request({ method: 'DELETE', url: `/api/v1/notifications/push-subscriptions/${id}` })).statusCode).toBe(401);
    expect((await p.agent.get('/api/v1/notifications/push-subscriptions')).json().items.map((s: { id: string }) => s.id)).toEqual([id]);
    const bad = await p.agent.post('/api/v1/notifications/push-subscriptions', { ...sub, endpoint: 'not a url' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('endpoint');
    expect((await p.agent.request({ method: 'DELETE', url: `/api/v1/notifications/push-subscriptions/${id}` })).statusCode).toBe(204);
    expect((await p.agent.get('/api/v1/notifications/push-subscriptions')).json().items).toEqual([]);
  });
});

describe(`reminder job (${engineName()})`, () => {
  it('09:00 America/Chicago is due at 14:00Z before Nov 1 2026 and 15:00Z after; one wordless email each, none on re-run', async () => {
    const p = await t.signUpVerified();
    await setZone(p, 'America/Chicago');
    clock = Date.parse('2026-10-31T12:00:00Z');
    const saved = await service.putSettings({ kind: 'user', userId: p.userId, sessionId: 's', emailVerified: true }, p.userId, { checkinReminder: true, reminderTime: '09:00', email: true, push: true });
    expect(saved.nextDueAt).toBe('2026-10-31T14:00:00.000Z');

    clock = Date.parse('2026-10-31T13:59:00Z');
    await jobs.runOnce();
    expect(mailsTo(p.email)).toHaveLength(0);

    clock = Date.parse('2026-10-31T14:00:20Z');
    await jobs.runOnce();
    await jobs.runOnce();
    const mails = mailsTo(p.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(WORDLESS_MESSAGE);
    expect(textOf(mails[0]!)).toBe(wordless);
    expect((await notificationsRepo.settings(t.ctx.database.db, p.userId))!.nextDueAt!.toISOString()).toBe('2026-11-01T15:00:00.000Z');

    clock = Date.parse('2026-11-01T14:00:30Z');
    await jobs.runOnce();
    expect(mailsTo(p.email)).toHaveLength(1);
    clock = Date.parse('2026-11-01T15:00:30Z');
    await jobs.runOnce();
    await jobs.runOnce();
    expect(mailsTo(p.email)).toHaveLength(2);
    expect((await notificationsRepo.settings(t.ctx.database.db, p.userId))!.nextDueAt!.toISOString()).toBe('2026-11-02T15:00:00.000Z');
  });

  it('a person who already answered today gets no reminder', async () => {
    const [a, b] = [await t.signUpVerified(), await t.signUpVerified()];
    await linkForTest(t, a, b);
    await setZone(a, 'UTC');
    const answer = await a.agent.post('/api/v1/checkins', { mood: 3 });
    expect(answer.statusCode).toBe(201);
    const today = localDay(Date.now(), 'UTC');
    clock = Date.parse(`${today}T00:00:00Z`);
    await service.putSettings({ kind: 'user', userId: a.userId, sessionId: 's', emailVerified: true }, a.userId, { checkinReminder: true, reminderTime: '23:59', email: true, push: true });
    clock = Date.parse(`${today}T23:59:30Z`);
    const summary = await service.runDueReminders(system);
    expect(summary.skippedAnswered).toBeGreaterThanOrEqual(1);
    expect(mailsTo(a.email)).toHaveLength(0);
  });

  it('a signed-in person cannot run the job (policy)', async () => {
    const p = await t.signUpVerified();
    // With something due, the policy refuses anyone but background work.
    await setZone(p, 'UTC');
    clock = Date.parse('2027-01-01T00:00:00Z');
    await service.putSettings({ kind: 'user', userId: p.userId, sessionId: 's', emailVerified: true }, p.userId, { checkinReminder: true, reminderTime: '08:00', email: true, push: false });
    clock = Date.parse('2027-01-01T08:00:10Z');
    await expect(service.runDueReminders({ kind: 'user', userId: p.userId, sessionId: 's', emailVerified: true })).rejects.toMatchObject({ status: 404 });
    await service.runDueReminders(system);
  });
});

describe(`web push delivery (${engineName()})`, () => {
  it('sends an aes128gcm body that decrypts to only the wordless payload; a 410 removes the subscription', async () => {
    const received: Array<{ headers: import('node:http').IncomingHttpHeaders; body: Buffer }> = [];
    let answer = 201;
    const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const ecdh = crypto.createECDH('prime256v1');
      ecdh.generateKeys();
      const authSecret = crypto.randomBytes(16);
      const p = await t.signUpVerified();
      await setZone(p, 'Europe/Berlin');
      const created = await p.agent.post('/api/v1/notifications/push-subscriptions', {
        endpoint: `https://127.0.0.1:${port}/push/${crypto.randomUUID()}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') },
      });
      expect(created.statusCode).toBe(201);
      const me: Actor = { kind: 'user', userId: p.userId, sessionId: 's', emailVerified: true };
      clock = Date.parse('2026-10-24T12:00:00Z');
      const s = await service.putSettings(me, p.userId, { checkinReminder: true, reminderTime: '20:00', email: false, push: true });
      expect(s.nextDueAt).toBe('2026-10-24T18:00:00.000Z');
      clock = Date.parse('2026-10-24T18:00:05Z');
      await jobs.runOnce();
      expect(received).toHaveLength(1);
      expect(received[0]!.headers['content-encoding']).toBe('aes128gcm');
      expect(String(received[0]!.headers.authorization)).toMatch(/^vapid t=/);
      const plain = httpEce.decrypt(received[0]!.body, { version: 'aes128gcm', privateKey: ecdh, authSecret: authSecret.toString('base64url') });
      expect(JSON.parse(plain.toString('utf8'))).toEqual({ title: 'Trellis', body: WORDLESS_MESSAGE, url: '/' });
      expect(mailsTo(p.email)).toHaveLength(0);

      answer = 410;
      clock = Date.parse('2026-10-25T19:00:05Z'); // after the European change: 20:00 CET is 19:00Z
      await jobs.runOnce();
      expect(received).toHaveLength(2);
      expect(await notificationsRepo.subscriptions(t.ctx.database.db, p.userId)).toEqual([]);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe(`agreement review (${engineName()})`, () => {
  it('tells both members once, from 09:00 on the review day in each one’s zone', async () => {
    const [a, b] = [await t.signUpVerified(), await t.signUpVerified()];
    await linkForTest(t, a, b);
    await setZone(a, 'America/Chicago');
    await setZone(b, 'Europe/Berlin');
    const created = await a.agent.post('/api/v1/agreements', { topic: 'phones', title: 'Phones away at dinner', text: 'We put phones in the basket.', reviewDay: '2027-03-10' });
    expect(created.statusCode).toBe(201);
    clock = Date.parse('2027-03-10T07:30:00Z'); // 08:30 in Berlin, 01:30 in Chicago
    expect(await service.runAgreementReviews(system)).toBe(0);
    clock = Date.parse('2027-03-10T08:00:00Z'); // 09:00 in Berlin
    expect(await service.runAgreementReviews(system)).toBe(1);
    expect(mailsTo(b.email)).toHaveLength(1);
    expect(mailsTo(a.email)).toHaveLength(0);
    clock = Date.parse('2027-03-10T15:00:00Z'); // 09:00 in Chicago (CST until Mar 14 2027)
    expect(await service.runAgreementReviews(system)).toBe(1);
    expect(await service.runAgreementReviews(system)).toBe(0);
    expect(mailsTo(a.email).map(textOf)).toEqual([wordless]);
    expect(mailsTo(b.email).map((m) => m.subject)).toEqual([WORDLESS_MESSAGE]);
  });
});
