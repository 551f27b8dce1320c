/**
 * Login fixture: creates a verified account through the API and the dev outbox, and signs the
 * browser context in directly — no clicking through sign-up each time.
 *
 * The e2e server trusts one proxy hop, and each fixture account signs up and in as its own client
 * address (a loopback address in X-Forwarded-For): the per-client sign-in limits stay switched on
 * and are not used up by a whole suite sharing 127.0.0.1.
 */
import type { BrowserContext } from 'playwright-core';

const fixtureClients = new Map<string, string>();
function clientFor(email: string): Record<string, string> {
  let ip = fixtureClients.get(email);
  if (!ip) {
    ip = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 250)}`;
    fixtureClients.set(email, ip);
  }
  return { 'x-forwarded-for': ip };
}

export async function createVerifiedAccount(base: string, name = 'Jordan'): Promise<{ email: string; password: string }> {
  const email = `fixture-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  const password = 'fixture passphrase for tests';
  const up = await fetch(`${base}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...clientFor(email) },
    body: JSON.stringify({ email, password, name }),
  });
  if (!up.ok) throw new Error(`sign-up failed: ${up.status}`);
  for (let i = 0; i < 50; i++) {
    const list = await (await fetch(`${base}/dev/mail`)).text();
    const row = list.split('<li>').find((li) => li.includes(email));
    const id = row && /href="\/dev\/mail\/([0-9a-f-]{36})"/.exec(row)?.[1];
    if (id) {
      const page = await (await fetch(`${base}/dev/mail/${id}`)).text();
      const link = /href="([^"]*verify-email[^"]*)"/.exec(page)![1]!.replace(/&amp;/g, '&');
      const verify = await fetch(link, { redirect: 'manual' });
      if (verify.status !== 302) throw new Error(`verify failed: ${verify.status}`);
      return { email, password };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('verification mail never arrived');
}

export async function signIn(context: BrowserContext, base: string, account: { email: string; password: string }): Promise<void> {
  const res = await context.request.post(`${base}/api/auth/sign-in/email`, { data: account, headers: { origin: base, ...clientFor(account.email) } });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
}
