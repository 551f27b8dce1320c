import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, pathOf, uniqueEmail, type TestApp } from '../testing/test-app.ts';
import { engineName } from '../testing/test-db.ts';

describe(`development outbox (${engineName()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SMTP_URL: '' });
  });
  afterAll(() => t.close());

  it('writes each message as an .eml file and lists it at /dev/mail, so sign-up needs no mail server', async () => {
    const email = uniqueEmail();
    const a = t.agent();
    await a.post('/api/auth/sign-up/email', { email, password: 'outbox passphrase here', name: 'Outbox' });
    const outbox = t.ctx.mailer.outbox!;
    let entry;
    for (let i = 0; i < 50 && !entry; i++) {
      entry = outbox.list().find((m) => m.to === email);
      if (!entry) await new Promise((r) => setTimeout(r, 50));
    }
    expect(entry).toBeDefined();
    const eml = fs.readFileSync(path.join(outbox.dir, `${entry!.id}.eml`), 'utf8');
    expect(eml).toMatch(/^Subject: Confirm your email for Trellis/m);
    expect(eml).toContain(`To: ${email}`);

    const list = await a.get('/dev/mail');
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toContain('text/html');
    expect(list.body).toContain(`/dev/mail/${entry!.id}`);
    const page = await a.get(`/dev/mail/${entry!.id}`);
    const link = /href="(http:\/\/localhost:3000\/api\/auth\/verify-email[^"]+)"/.exec(page.body)?.[1];
    expect(link).toBeDefined();
    const verify = await a.get(pathOf(link!.replace(/&amp;/g, '&')));
    expect(verify.statusCode).toBe(302);
    expect((await a.post('/api/auth/sign-in/email', { email, password: 'outbox passphrase here' })).statusCode).toBe(200);
    expect((await a.get(`/dev/mail/${entry!.id}/raw`)).headers['content-type']).toContain('message/rfc822');
    expect((await a.get('/dev/mail/not-an-id')).statusCode).toBe(404);
  });
});

describe(`production mode (${engineName()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SMTP_URL: '', NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('does not serve the development outbox', async () => {
    const res = await t.app.inject({ url: '/dev/mail', headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(404);
  });
});
