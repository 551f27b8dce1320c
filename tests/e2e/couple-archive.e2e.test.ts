/**
 * Deleting my part of an ended couple (docs/decisions/022), two people in two browser contexts:
 * they link, each writes a repair note and a boundary, Jo answers a check-in (the form sends an
 * Idempotency-Key), they unlink; Jo opens the couple page,
 * backs out of the confirmation once, then deletes what Jo wrote. Jo's words are gone from both
 * archives, Kit's stay for both. The dialog is keyboard-usable (Escape closes it, focus starts on
 * "Keep it"), axe clean, no sideways scroll at 320 px, no console errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, expectNoSidewaysScroll, newPage, postJson, useBrowser, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

describe('deleting what I wrote in an ended couple', () => {
  let jo: WatchedPage;
  let kit: WatchedPage;

  beforeAll(async () => {
    jo = await newPage(env.browser, { width: 320, height: 800 });
    kit = await newPage(env.browser);
    await signIn(jo.context, env.base, await createVerifiedAccount(env.base, 'Jo'));
    await signIn(kit.context, env.base, await createVerifiedAccount(env.base, 'Kit'));
  });
  afterAll(async () => {
    await jo.context.close();
    await kit.context.close();
  });

  it('links, both write, unlink; Jo deletes Jo’s part; both see only Kit’s words left', async () => {
    const invite = await postJson(jo, '/api/v1/couple/invites');
    expect(invite.status).toBe(201);
    expect((await postJson(kit, '/api/v1/couple/join', { code: invite.body.code })).status).toBe(201);
    const repair = (rupture: string) => ({ day: '2026-11-28', rupture, attempt: 'We took a pause.', helped: 'A cup of tea.' });
    expect((await postJson(jo, '/api/v1/repairs', repair('Jo noted: the missed train'))).status).toBe(201);
    expect((await postJson(kit, '/api/v1/repairs', repair('Kit noted: the loud evening'))).status).toBe(201);
    expect((await postJson(jo, '/api/v1/boundaries', { text: 'Jo asks: a quiet first hour' })).status).toBe(201);
    expect((await postJson(kit, '/api/v1/boundaries', { text: 'Kit asks: knock first' })).status).toBe(201);
    // Jo's check-in through the page: the form sends an Idempotency-Key (a UUID) with it.
    const j = jo.page;
    await j.goto(`${env.base}/couple/checkin`);
    await j.getByRole('radiogroup', { name: 'How are you feeling today?' }).locator('label', { hasText: 'Pretty good' }).click();
    await j.getByLabel('What was a bright spot today?').fill('Jo wrote: pancakes');
    const sent = j.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/checkins'));
    await j.getByRole('button', { name: 'Share my check-in' }).click();
    expect((await sent).headers()['idempotency-key']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await j.getByRole('heading', { name: 'Saved — waiting for both answers' }).waitFor();

    expect((await postJson(kit, '/api/v1/couple/unlink')).status).toBe(200);

    const k = kit.page;
    await k.goto(`${env.base}/couple/repairs`);
    await k.getByText('Jo noted: the missed train').waitFor();

    const a = jo.page;
    await a.goto(`${env.base}/couple`);
    await a.getByRole('heading', { name: 'Earlier links' }).waitFor();
    await expectNoAxeViolations(a, 'couple page, past couple');
    await expectNoSidewaysScroll(a, 'couple page, past couple, 320');

    // Opening the dialog, then backing out with Escape: nothing is deleted.
    const opener = a.getByRole('button', { name: 'Delete what I wrote in this shared space' });
    await opener.click();
    const dialog = a.getByRole('alertdialog', { name: 'Delete what you wrote here?' });
    await dialog.waitFor();
    expect(await a.evaluate(() => document.activeElement?.textContent)).toBe('Keep it');
    await expectNoAxeViolations(a, 'delete-my-part dialog');
    await expectNoSidewaysScroll(a, 'delete-my-part dialog, 320');
    await a.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await a.evaluate(() => document.activeElement?.textContent)).toBe('Delete what I wrote in this shared space');
    await k.reload();
    await k.getByText('Jo noted: the missed train').waitFor();

    // Now for real, with the keyboard: open, Tab back to the confirm button, Enter.
    await opener.focus();
    await a.keyboard.press('Enter');
    await dialog.waitFor();
    await a.keyboard.press('Shift+Tab');
    expect(await a.evaluate(() => document.activeElement?.textContent)).toBe('Yes, delete what I wrote');
    await a.keyboard.press('Enter');
    await a.getByText('Done. What you wrote in that shared space is gone (3 in all).').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await expectNoAxeViolations(a, 'couple page, after deleting my part');

    // Both archives: Kit's words stay, Jo's are gone.
    for (const page of [a, k]) {
      await page.goto(`${env.base}/couple/repairs`);
      await page.getByText('Kit noted: the loud evening').waitFor();
      expect(await page.textContent('main')).not.toContain('Jo noted');
    }
    await expectNoAxeViolations(k, 'repairs archive after Jo deleted Jo’s part');
    const left = await kit.context.request.get(`${env.base}/api/v1/boundaries`);
    const text = JSON.stringify(await left.json());
    expect(text).toContain('Kit asks: knock first');
    expect(text).not.toContain('Jo asks');
  });
});
