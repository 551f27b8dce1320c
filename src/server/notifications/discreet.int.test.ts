import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { DISCREET_MESSAGE, DISCREET_TITLE, WORDLESS_MESSAGE } from '../../core/schemas/notifications.ts';
import type { Actor } from '../policy/index.ts';
import { BASE_URL, createTestApp, type TestApp } from '../testing/test-app.ts';
import { engineName } from '../testing/test-db.ts';
import { NotificationsService } from './service.ts';

/*
 * Discreet mode (docs/decisions/031): a subscription registered from a device in discreet mode
 * gets a neutral title and no text; an account with discreet emails gets mail naming nothing.
 */

// http_ece (web-push's own dependency) has no types.
const ece = (await import('http_ece' as string)) as { default?: unknown; decrypt: (buf: Buffer, params: Record<string, unknown>) => Buffer };
const httpEce = ((ece as { default?: typeof ece }).default ?? ece) as typeof ece;

const tls = (() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-push-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  return { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) };
})();

let t: TestApp;
let service: NotificationsService;
let clock = Date.parse('2027-02-01T12:00:00Z');
const system: Actor = { kind: 'system', job: 'test' };
type Person = Awaited<ReturnType<TestApp['signUpVerified']>>;
const actorOf = (p: Person): Actor => ({ kind: 'user', userId: p.userId, sessionId: 's', emailVerified: true });
const textOf = (m: { text: string }) => m.text.replace(/\r\n/g, '\n').trim();
const mailsTo = (email: string) => t.smtp.messages.filter((m) => m.to.includes(email));
const setZone = async (p: Person, timeZone: string) => expect((await p.agent.request({ method: 'PATCH', url: '/api/v1/profile', payload: { timeZone } })).statusCode).toBe(200);

beforeAll(async () => {
  t = await createTestApp();
  const c = t.ctx;
  service = new NotificationsService(
    c.database.db,
    c.policy,
    c.serverKey,
    c.mailer,
    c.services.checkins,
    // Its own VAPID pair: on PostgreSQL the stored pair may be sealed under another test file's server key.
    { baseUrl: BASE_URL, mailFrom: c.config.MAIL_FROM, vapid: webpush.generateVAPIDKeys(), pushAgent: new https.Agent({ ca: tls.cert }) },
    () => clock,
  );
});
afterAll(async () => {
  await t.close();
});

describe(`discreet push (${engineName()})`, () => {
  it('a subscription registered in discreet mode gets a neutral title and no text; another device keeps the usual words', async () => {
    const received: Array<{ url: string; body: Buffer }> = [];
    const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ url: req.url ?? '', body: Buffer.concat(chunks) });
        res.writeHead(201).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const p = await t.signUpVerified();
    try {
      await setZone(p, 'UTC');
      const devices = [true, false].map((discreet) => {
        const ecdh = crypto.createECDH('prime256v1');
        ecdh.generateKeys();
        return { discreet, ecdh, authSecret: crypto.randomBytes(16), path: `/push/${crypto.randomUUID()}` };
      });
      for (const d of devices) {
        const created = await p.agent.post('/api/v1/notifications/push-subscriptions', {
          endpoint: `https://127.0.0.1:${port}${d.path}`,
          keys: { p256dh: d.ecdh.getPublicKey().toString('base64url'), auth: d.authSecret.toString('base64url') },
          ...(d.discreet ? { discreet: true } : {}),
        });
        expect(created.statusCode).toBe(201);
        expect(created.json().discreet).toBe(d.discreet);
      }
      expect((await p.agent.get('/api/v1/notifications/push-subscriptions')).json().items.map((s: { discreet: boolean }) => s.discreet).sort()).toEqual([false, true]);

      clock = Date.parse('2027-02-01T12:00:00Z');
      await service.putSettings(actorOf(p), p.userId, { checkinReminder: true, reminderTime: '20:00', email: false, push: true });
      clock = Date.parse('2027-02-01T20:00:05Z');
      expect((await service.runDueReminders(system)).sent).toBeGreaterThanOrEqual(1);
      expect(received).toHaveLength(2);
      for (const d of devices) {
        const got = received.find((r) => r.url === d.path)!;
        const plain = httpEce.decrypt(got.body, { version: 'aes128gcm', privateKey: d.ecdh, authSecret: d.authSecret.toString('base64url') }).toString('utf8');
        if (d.discreet) {
          expect(JSON.parse(plain)).toEqual({ title: DISCREET_TITLE, body: '', url: '/', discreet: true });
          expect(plain).not.toMatch(/trellis/i);
        } else {
          expect(JSON.parse(plain)).toEqual({ title: 'Trellis', body: WORDLESS_MESSAGE, url: '/' });
        }
      }
    } finally {
      // Done with this person: no more reminders once the push service is gone.
      await service.putSettings(actorOf(p), p.userId, { checkinReminder: false, reminderTime: '20:00', email: false, push: false });
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe(`discreet emails (${engineName()})`, () => {
  it('off by default; on, the subject and body name neither Trellis nor what it is for; leaving it out keeps it', async () => {
    const p = await t.signUpVerified();
    await setZone(p, 'UTC');
    expect((await p.agent.get('/api/v1/notifications/settings')).json().discreetEmail).toBe(false);

    clock = Date.parse('2027-03-01T00:00:00Z');
    await service.putSettings(actorOf(p), p.userId, { checkinReminder: true, reminderTime: '08:00', email: true, push: false });
    clock = Date.parse('2027-03-01T08:00:10Z');
    await service.runDueReminders(system);
    expect(mailsTo(p.email).map((m) => m.subject)).toEqual([WORDLESS_MESSAGE]);

    const on = await p.agent.request({ method: 'PUT', url: '/api/v1/notifications/settings', payload: { checkinReminder: true, reminderTime: '08:00', email: true, push: false, discreetEmail: true } });
    expect(on.statusCode).toBe(200);
    expect(on.json().discreetEmail).toBe(true);
    // A client that does not know the setting leaves it as it was.
    const kept = await p.agent.request({ method: 'PUT', url: '/api/v1/notifications/settings', payload: { checkinReminder: true, reminderTime: '08:00', email: true, push: false } });
    expect(kept.json().discreetEmail).toBe(true);

    clock = Date.parse('2027-03-02T08:00:10Z');
    await service.runDueReminders(system);
    const mails = mailsTo(p.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.subject).toBe(DISCREET_MESSAGE);
    expect(textOf(mails[1]!)).toBe(`${DISCREET_MESSAGE}\n\n${BASE_URL}/`);
    expect(`${mails[1]!.subject} ${mails[1]!.text}`).not.toMatch(/trellis|check-in|reminder|relationship|partner/i);

    const bad = await p.agent.request({ method: 'PUT', url: '/api/v1/notifications/settings', payload: { checkinReminder: true, reminderTime: '08:00', email: true, push: false, discreetEmail: 'yes' } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('discreetEmail');
  });
});

describe(`no words in reminders (${engineName()})`, () => {
  it('a marker planted in a journal entry reaches neither the reminder email nor the push (issue 8)', async () => {
    const marker = `zebracorn ${crypto.randomUUID()} my private words`;
    const received: Buffer[] = [];
    const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(Buffer.concat(chunks));
        res.writeHead(201).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const p = await t.signUpVerified();
    try {
      await setZone(p, 'UTC');
      clock = Date.parse('2027-03-01T12:00:00Z');
      const entry = await p.agent.post('/api/v1/journal/entries', { kind: 'quick_capture', occurredAt: new Date(Date.now() - 3600_000).toISOString(), timeZone: 'UTC', whatHappened: marker });
      expect(entry.statusCode, entry.body).toBe(201);
      const ecdh = crypto.createECDH('prime256v1');
      ecdh.generateKeys();
      const authSecret = crypto.randomBytes(16);
      const sub = await p.agent.post('/api/v1/notifications/push-subscriptions', {
        endpoint: `https://127.0.0.1:${port}/push/${crypto.randomUUID()}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') },
      });
      expect(sub.statusCode).toBe(201);
      const before = mailsTo(p.email).length;
      await service.putSettings(actorOf(p), p.userId, { checkinReminder: true, reminderTime: '20:00', email: true, push: true });
      clock = Date.parse('2027-03-01T20:00:05Z');
      expect((await service.runDueReminders(system)).sent).toBeGreaterThanOrEqual(1);
      const mails = mailsTo(p.email).slice(before);
      expect(mails.length).toBeGreaterThanOrEqual(1);
      expect(received.length).toBeGreaterThanOrEqual(1);
      for (const m of mails) expect(JSON.stringify(m).toLowerCase()).not.toContain('zebracorn');
      for (const body of received) {
        const plain = httpEce.decrypt(body, { version: 'aes128gcm', privateKey: ecdh, authSecret: authSecret.toString('base64url') }).toString('utf8');
        expect(plain.toLowerCase()).not.toContain('zebracorn');
      }
    } finally {
      await service.putSettings(actorOf(p), p.userId, { checkinReminder: false, reminderTime: '20:00', email: false, push: false });
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
