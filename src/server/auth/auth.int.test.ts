import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, pathOf, totpCode, uniqueEmail, type TestApp } from '../testing/test-app.ts';
import { firstUrl } from '../testing/smtp-capture.ts';
import { rateLimit, twoFactor, user } from '../db/schema/index.ts';
import { engineName } from '../testing/test-db.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`accounts (${engineName()})`, () => {
  it('signs up, mails a verification link over SMTP, refuses sign-in until verified, then signs in', async () => {
    const email = uniqueEmail();
    const password = 'quiet river morning lantern';
    const a = t.agent();
    const up = await a.post('/api/auth/sign-up/email', { email, password, name: 'Sam' });
    expect(up.statusCode).toBe(200);
    expect(up.cookies).toHaveLength(0); // no session before verification

    const early = await a.post('/api/auth/sign-in/email', { email, password });
    expect(early.statusCode).toBe(403);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.json()).toMatchObject({ status: 403, code: 'EMAIL_NOT_VERIFIED' });

    const mail = await t.smtp.waitFor(email, /confirm/i);
    expect(mail.text).not.toContain('Sam'); // emails carry no words of the person, not even a name
    const link = firstUrl(mail.text);
    expect(link.startsWith('http://localhost:3000/api/auth/verify-email?token=')).toBe(true);
    const verified = await a.get(pathOf(link));
    expect(verified.statusCode).toBe(302);
    expect(verified.headers.location).toContain('/verified');

    const ok = await a.post('/api/auth/sign-in/email', { email, password });
    expect(ok.statusCode).toBe(200);
    const profile = await a.get('/api/v1/profile');
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toEqual({ displayName: 'Sam', timeZone: null, usState: null, language: 'en' });
  });

  it('refuses short, overlong and common passwords and accepts 64+ characters with no composition rules', async () => {
    const a = t.agent();
    const short = await a.post('/api/auth/sign-up/email', { email: uniqueEmail(), password: 'elevenchars', name: 'A' });
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('PASSWORD_TOO_SHORT');

    const long = await a.post('/api/auth/sign-up/email', { email: uniqueEmail(), password: 'x'.repeat(129), name: 'A' });
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('PASSWORD_TOO_LONG');

    for (const common of ['password1234', 'qwerty123456', 'iloveyou2024!', 'aaaaaaaaaaaaaaa']) {
      const res = await t.agent().post('/api/auth/sign-up/email', { email: uniqueEmail(), password: common, name: 'A' });
      expect(res.statusCode, common).toBe(400);
      expect(res.json().code).toBe('PASSWORD_TOO_COMMON');
    }

    const sixtyFour = 'all lowercase words and spaces are perfectly fine here, truly ok';
    expect(sixtyFour.length).toBe(64);
    const fine = await t.agent().post('/api/auth/sign-up/email', { email: uniqueEmail(), password: sixtyFour, name: 'A' });
    expect(fine.statusCode).toBe(200);
  });

  it('answers invalid sign-up fields with a problem naming the field', async () => {
    const res = await t.agent().post('/api/auth/sign-up/email', { email: 'not-an-email', password: 'long enough password here', name: 'A' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.type).toMatch(/^urn:trellis:problem:/);
    expect(body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'email' })]));
  });

  it('does not reveal whether an email already has an account, and tells the owner by mail', async () => {
    const { email } = await t.signUpVerified();
    const again = await t.agent().post('/api/auth/sign-up/email', { email, password: 'another long passphrase', name: 'X' });
    expect(again.statusCode).toBe(200);
    const notice = await t.smtp.waitFor(email, /sign-up attempt/i);
    expect(notice.text).toContain('/sign-in');
  });

  it('resets a forgotten password through the mailed link and signs out every session', async () => {
    const { agent: old, email } = await t.signUpVerified();
    const a = t.agent();
    const req = await a.post('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' });
    expect(req.statusCode).toBe(200);
    const mail = await t.smtp.waitFor(email, /reset/i);
    const follow = await a.get(pathOf(firstUrl(mail.text)));
    expect(follow.statusCode).toBe(302);
    const token = new URL(follow.headers.location as string, 'http://x').searchParams.get('token');
    expect(token).toBeTruthy();

    const reset = await a.post('/api/auth/reset-password', { newPassword: 'brand new secret phrase', token });
    expect(reset.statusCode).toBe(200);
    expect((await old.get('/api/v1/profile')).statusCode).toBe(401);
    expect((await a.post('/api/auth/sign-in/email', { email, password: 'brand new secret phrase' })).statusCode).toBe(200);
    const reused = await a.post('/api/auth/reset-password', { newPassword: 'yet another secret phrase', token });
    expect(reused.statusCode).toBe(400);
  });

  it('changes the password and can sign out the other sessions', async () => {
    const { agent: first, email, password } = await t.signUpVerified();
    const second = t.agent();
    expect((await second.post('/api/auth/sign-in/email', { email, password })).statusCode).toBe(200);
    const wrong = await first.post('/api/auth/change-password', { currentPassword: 'not my password at all', newPassword: 'a whole new phrase here', revokeOtherSessions: true });
    expect(wrong.statusCode).toBe(400);
    const res = await first.post('/api/auth/change-password', { currentPassword: password, newPassword: 'a whole new phrase here', revokeOtherSessions: true });
    expect(res.statusCode).toBe(200);
    expect((await first.get('/api/v1/profile')).statusCode).toBe(200);
    expect((await second.get('/api/v1/profile')).statusCode).toBe(401);
  });

  it('lists my sessions, revokes one, and signs out everywhere', async () => {
    const { agent: a, email, password } = await t.signUpVerified();
    const b = t.agent();
    const c = t.agent();
    await b.post('/api/auth/sign-in/email', { email, password });
    await c.post('/api/auth/sign-in/email', { email, password });
    const list = await a.get('/api/auth/list-sessions');
    expect(list.statusCode).toBe(200);
    const sessions = list.json() as Array<{ token: string; ipAddress: string | null }>;
    expect(sessions).toHaveLength(3);

    const bToken = b.cookies.get('trellis.session_token')!.split('.')[0];
    const revoke = await a.post('/api/auth/revoke-session', { token: bToken });
    expect(revoke.statusCode).toBe(200);
    expect((await b.get('/api/v1/profile')).statusCode).toBe(401);
    expect((await c.get('/api/v1/profile')).statusCode).toBe(200);

    expect((await a.post('/api/auth/revoke-sessions', {})).statusCode).toBe(200);
    expect((await a.get('/api/v1/profile')).statusCode).toBe(401);
    expect((await c.get('/api/v1/profile')).statusCode).toBe(401);
  });

  it('signs out', async () => {
    const { agent } = await t.signUpVerified();
    expect((await agent.post('/api/auth/sign-out', {})).statusCode).toBe(200);
    expect((await agent.get('/api/v1/profile')).statusCode).toBe(401);
  });

  it('turns on TOTP two-factor, then sign-in needs a code; backup codes are stored hashed and work once', async () => {
    const { agent, email, password, userId } = await t.signUpVerified();
    const enable = await agent.post('/api/auth/two-factor/enable', { password });
    expect(enable.statusCode).toBe(200);
    const { totpURI, backupCodes } = enable.json() as { totpURI: string; backupCodes: string[] };
    expect(totpURI).toMatch(/^otpauth:\/\/totp\/Trellis/);
    expect(backupCodes).toHaveLength(10);
    const confirm = await agent.post('/api/auth/two-factor/verify-totp', { code: totpCode(totpURI) });
    expect(confirm.statusCode).toBe(200);

    const db = t.ctx.database.db;
    const [row] = await db.select().from(twoFactor).where(eq(twoFactor.userId, userId));
    for (const code of backupCodes) expect(row!.backupCodes).not.toContain(code);
    const [u] = await db.select().from(user).where(eq(user.id, userId));
    expect(u!.twoFactorEnabled).toBe(true);

    const fresh = t.agent();
    const first = await fresh.post('/api/auth/sign-in/email', { email, password });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ twoFactorRedirect: true });
    expect((await fresh.get('/api/v1/profile')).statusCode).toBe(401);
    const bad = await fresh.post('/api/auth/two-factor/verify-totp', { code: '000000' === totpCode(totpURI) ? '111111' : '000000' });
    expect(bad.statusCode).toBe(401);
    const good = await fresh.post('/api/auth/two-factor/verify-totp', { code: totpCode(totpURI) });
    expect(good.statusCode).toBe(200);
    expect((await fresh.get('/api/v1/profile')).statusCode).toBe(200);

    // A backup code signs in once; the stored hash itself is not a code.
    const storedHash = (JSON.parse(row!.backupCodes) as string[])[1]!;
    const viaHash = t.agent();
    await viaHash.post('/api/auth/sign-in/email', { email, password });
    expect((await viaHash.post('/api/auth/two-factor/verify-backup-code', { code: storedHash })).statusCode).toBe(401);

    const viaBackup = t.agent();
    await viaBackup.post('/api/auth/sign-in/email', { email, password });
    expect((await viaBackup.post('/api/auth/two-factor/verify-backup-code', { code: backupCodes[0] })).statusCode).toBe(200);
    expect((await viaBackup.get('/api/v1/profile')).statusCode).toBe(200);
    const reuse = t.agent();
    await reuse.post('/api/auth/sign-in/email', { email, password });
    expect((await reuse.post('/api/auth/two-factor/verify-backup-code', { code: backupCodes[0] })).statusCode).toBe(401);
  });

  it('deletes the account with the password: rows gone, data key shredded', async () => {
    const { agent, password, userId } = await t.signUpVerified();
    const sealed = await t.ctx.dataKeys.encryptText(userId, 'test', 'words only I should read');
    expect(await t.ctx.dataKeys.decryptText(userId, 'test', sealed)).toBe('words only I should read');

    expect((await agent.post('/api/auth/delete-user', {})).statusCode).toBe(400);
    const del = await agent.post('/api/auth/delete-user', { password });
    expect(del.statusCode).toBe(200);
    const rows = await t.ctx.database.db.select().from(user).where(eq(user.id, userId));
    expect(rows).toHaveLength(0);
    expect(await t.ctx.dataKeys.existingKeyFor(userId)).toBeNull();
    expect(await t.ctx.dataKeys.decryptText(userId, 'test', sealed)).toBeNull();
    expect((await agent.get('/api/v1/profile')).statusCode).toBe(401);
  });
});

describe(`rate limits (${engineName()})`, () => {
  it('limits sign-in attempts per client and keeps the counters in the database', async () => {
    const a = t.agent();
    const email = uniqueEmail();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await a.request({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email, password: 'wrong password attempt' }, remoteAddress: '203.0.113.9' });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const rows = await t.ctx.database.db.select().from(rateLimit);
    expect(rows.some((r) => r.key.includes('203.0.113.9') && r.key.includes('/sign-in/email'))).toBe(true);
    // Another client is not affected.
    const other = await a.request({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email, password: 'wrong password attempt' }, remoteAddress: '203.0.113.10' });
    expect(other.statusCode).toBe(401);
  });

  it('never limits the session check that every page load makes, even from one shared address', async () => {
    const a = t.agent();
    const statuses = new Set<number>();
    for (let i = 0; i < 110; i++) {
      const res = await a.request({ method: 'GET', url: '/api/auth/get-session', remoteAddress: '203.0.113.20' });
      statuses.add(res.statusCode);
    }
    expect([...statuses]).toEqual([200]);
    // The general limit still holds for other auth paths from that address.
    const other: number[] = [];
    for (let i = 0; i < 101; i++) {
      const res = await a.request({ method: 'GET', url: '/api/auth/list-sessions', remoteAddress: '203.0.113.21' });
      other.push(res.statusCode);
    }
    expect(other.at(-1)).toBe(429);
  });
});
