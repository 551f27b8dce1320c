/**
 * "Export all my data" in real Chromium (docs/decisions/030): linked from Settings; the page shows
 * my words under a heading per area; "Download as a file (JSON)" saves trellis-export-<day>.json
 * holding the documented format; the print view hides the header, navigation and quick exit;
 * axe passes.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, newPage, postJson, useBrowser, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();
const MARK = 'lanternquietharbour';

describe('export my data', () => {
  let me: WatchedPage;

  beforeAll(async () => {
    me = await newPage(env.browser);
    await signIn(me.context, env.base, await createVerifiedAccount(env.base, 'Rowan'));
    const saved = await postJson(me, '/api/v1/urges', { occurredAt: new Date(Date.now() - 3600_000).toISOString(), urge: `Check the phone ${MARK}`, fear: 'Being left', insteadDid: 'A walk', actedOn: false });
    expect(saved.status).toBe(201);
  });
  afterAll(async () => {
    await me.context.close();
  });

  it('is linked from Settings and shows my words, readable, with no axe violations', async () => {
    const { page } = me;
    await page.goto(`${env.base}/settings`);
    await page.getByRole('link', { name: 'Go to export' }).click();
    await page.getByRole('heading', { level: 1, name: 'Export my data' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Urge log' }).waitFor();
    await page.getByText(`Check the phone ${MARK}`).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Journal entries' }).waitFor();
    expect(await page.getByRole('button', { name: 'Quick exit' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'export');
    expect(me.errors).toEqual([]);
  });

  it('downloads the JSON file in the documented format', async () => {
    const { page } = me;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as a file (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^trellis-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string; version: number; urges: Array<{ urge: string }> };
    expect(doc.format).toBe('trellis-export');
    expect(doc.version).toBe(1);
    expect(doc.urges[0]!.urge).toContain(MARK);
  });

  it('prints my data without the header, navigation, quick exit or buttons', async () => {
    const { page } = me;
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByText(`Check the phone ${MARK}`).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Quick exit' }).isVisible()).toBe(false);
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print this page' }).isVisible()).toBe(false);
      expect(await page.getByRole('link', { name: 'Download as a file (JSON)' }).isVisible()).toBe(false);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(await page.getByRole('button', { name: 'Print this page' }).isEnabled()).toBe(true);
  });
});
