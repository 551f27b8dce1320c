/**
 * Route preloads (docs/decisions/042): a page's HTML names its own code as modulepreload links, and
 * a signed-in page asked with a session cookie preloads its session check, which the page then
 * uses rather than asking again.
 */
import { describe, expect, it } from 'vitest';
import { newPage, useBrowser } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

describe('route preloads', () => {
  it("the journal's HTML preloads the journal's chunk; the page asks for the session once and loads nothing it did not name", async () => {
    const w = await newPage(env.browser);
    await signIn(w.context, env.base, await createVerifiedAccount(env.base, 'Robin'));
    const requested: string[] = [];
    w.page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const response = await w.page.goto(`${env.base}/journal`);
    const html = (await response!.text()) ?? '';
    const preloaded = [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map((m) => m[1]!);
    expect(preloaded.some((f) => /\/assets\/JournalList-[\w-]+\.js$/.test(f)), html).toBe(true);
    expect(html).toContain('<link rel="preload" href="/api/auth/get-session" as="fetch" crossorigin>');
    await w.page.getByRole('heading', { level: 1, name: 'Your journal' }).waitFor();
    await w.page.waitForLoadState('networkidle');
    expect(requested.filter((p) => p === '/api/auth/get-session'), 'the preloaded session answer was used').toHaveLength(1);
    const scripts = requested.filter((p) => p.endsWith('.js') && p.startsWith('/assets/'));
    const unnamed = scripts.filter((p) => !preloaded.includes(p) && !html.includes(p));
    expect(unnamed, 'scripts the HTML did not name').toEqual([]);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('signed out, the sign-in page preloads its own code and no session check', async () => {
    const w = await newPage(env.browser);
    const response = await w.page.goto(`${env.base}/sign-in`);
    const html = (await response!.text()) ?? '';
    expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/SignIn-[\w-]+\.js">/);
    expect(html).not.toContain('/api/auth/get-session');
    await w.page.getByRole('heading', { level: 1 }).waitFor();
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
