/**
 * Re-authentication (docs/decisions/033): changing the email address, the password or two-step
 * sign-in needs the current password in the same request — a signed-in session, or a phone
 * someone else picked up, is not enough.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, enableTwoFactor, pathOf, uniqueEmail, type TestApp } from '../testing/test-app.ts';
import { firstUrl } from '../testing/smtp-capture.ts';
import { engineName } from '../testing/test-db.ts';
import { PASSWORD_CONFIRMED_PATHS } from './auth.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const problem = (res: { statusCode: number; headers: Record<string, unknown>; json: () => any }) => {
  expect(res.headers['content-type']).toContain('application/problem+json');
  return res.json() as { status: number; code?: string; detail?: string };
};

describe(`re-authentication before changing how I sign in (${engineName()})`, () => {
  it('changing the email needs the current password: none or a wrong one is refused and nothing is sent', async () => {
    const me = await t.signUpVerified();
    const newEmail = uniqueEmail();
    const none = await me.agent.post('/api/auth/change-email', { newEmail });
    expect(none.statusCode).toBe(400);
    expect(problem(none).code).toBe('PASSWORD_REQUIRED');
    const wrong = await me.agent.post('/api/auth/change-email', { newEmail, currentPassword: 'not my password at all' });
    expect(wrong.statusCode).toBe(400);
    expect(problem(wrong).code).toBe('INVALID_PASSWORD');
    await expect(t.smtp.waitFor(newEmail, undefined, 800)).rejects.toThrow();
    const profile = await me.agent.get('/api/auth/get-session');
    expect(profile.json().user.email).toBe(me.email);
  });

  it('with the right password, a link goes to the new address only; opening it changes the address', async () => {
    const me = await t.signUpVerified();
    const newEmail = uniqueEmail();
    const ok = await me.agent.post('/api/auth/change-email', { newEmail, currentPassword: me.password });
    expect(ok.statusCode).toBe(200);
    const mail = await t.smtp.waitFor(newEmail, /confirm/i);
    expect(mail.text).not.toContain(me.email);
    // Until the link is opened, the old address still signs in.
    expect((await me.agent.get('/api/auth/get-session')).json().user.email).toBe(me.email);
    const verified = await me.agent.get(pathOf(firstUrl(mail.text)));
    expect(verified.statusCode).toBe(302);
    expect(verified.headers.location).toContain('/verified');
    const fresh = t.agent();
    expect((await fresh.post('/api/auth/sign-in/email', { email: newEmail, password: me.password })).statusCode).toBe(200);
    expect((await t.agent().post('/api/auth/sign-in/email', { email: me.email, password: me.password })).statusCode).toBe(401);
  });

  it('changing the password needs the current one', async () => {
    const me = await t.signUpVerified();
    const none = await me.agent.post('/api/auth/change-password', { newPassword: 'another long phrase for this test' });
    expect(none.statusCode).toBe(400);
    const wrong = await me.agent.post('/api/auth/change-password', { currentPassword: 'wrong password entirely', newPassword: 'another long phrase for this test' });
    expect(wrong.statusCode).toBe(400);
    expect(problem(wrong).code).toBe('INVALID_PASSWORD');
    const ok = await me.agent.post('/api/auth/change-password', { currentPassword: me.password, newPassword: 'another long phrase for this test' });
    expect(ok.statusCode).toBe(200);
  });

  it('turning two-step sign-in on or off, and new backup codes, need the password', async () => {
    const me = await t.signUpVerified();
    for (const path of ['/api/auth/two-factor/enable', '/api/auth/two-factor/get-totp-uri']) {
      const res = await me.agent.post(path, {});
      expect(res.statusCode, path).toBe(400);
      expect((await me.agent.post(path, { password: 'wrong password entirely' })).statusCode, path).toBeGreaterThanOrEqual(400);
    }
    await enableTwoFactor(me.agent, me.password);
    for (const path of ['/api/auth/two-factor/disable', '/api/auth/two-factor/generate-backup-codes']) {
      expect((await me.agent.post(path, {})).statusCode, path).toBe(400);
      const wrong = await me.agent.post(path, { password: 'wrong password entirely' });
      expect(wrong.statusCode, path).toBe(400);
      expect(problem(wrong).code, path).toBe('INVALID_PASSWORD');
    }
    const codes = await me.agent.post('/api/auth/two-factor/generate-backup-codes', { password: me.password });
    expect(codes.statusCode).toBe(200);
    expect((await me.agent.post('/api/auth/two-factor/disable', { password: me.password })).statusCode).toBe(200);
  });

  it('deleting the account needs the password, and every path on the list is one of these', async () => {
    const me = await t.signUpVerified();
    expect((await me.agent.post('/api/auth/delete-user', {})).statusCode).toBe(400);
    expect((await me.agent.post('/api/auth/delete-user', { password: 'wrong password entirely' })).statusCode).toBe(400);
    expect(PASSWORD_CONFIRMED_PATHS.sort()).toEqual(
      ['/change-email', '/change-password', '/delete-user', '/two-factor/disable', '/two-factor/enable', '/two-factor/generate-backup-codes', '/two-factor/get-totp-uri'].sort(),
    );
  });

  it('the list of my devices works however long ago I signed in', async () => {
    const me = await t.signUpVerified();
    const { eq } = await import('drizzle-orm');
    const { session } = await import('../db/schema/index.ts');
    await t.ctx.database.db.update(session).set({ createdAt: new Date(Date.now() - 2 * 60 * 60 * 1000) }).where(eq(session.userId, me.userId));
    const list = await me.agent.get('/api/auth/list-sessions');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(1);
  });
});

describe(`signing in again (${engineName()})`, () => {
  it('ends the session the browser already had, so an earlier copy of its cookie no longer works', async () => {
    const me = await t.signUpVerified();
    const copy = t.agent();
    for (const [k, v] of me.agent.cookies) copy.cookies.set(k, v);
    expect((await copy.get('/api/v1/profile')).statusCode).toBe(200);
    const again = await me.agent.post('/api/auth/sign-in/email', { email: me.email, password: me.password });
    expect(again.statusCode).toBe(200);
    expect((await me.agent.get('/api/v1/profile')).statusCode).toBe(200);
    expect((await copy.get('/api/v1/profile')).statusCode).toBe(401);
  });
});
