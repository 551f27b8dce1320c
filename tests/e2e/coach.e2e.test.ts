/**
 * The coach's practice page: typed by keyboard, an accusation is found (kind, quoted words, plain
 * explanation) and a rewrite offered; "Use this wording" puts it in the text box and the coach
 * then finds nothing. A crisis phrase shows the crisis resources. axe on every state, no sideways
 * scrolling at 375 px, no console errors. The coach's code is its own chunk, fetched only here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, expectNoSidewaysScroll, newPage, useBrowser, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

describe('the coach page', () => {
  let w: WatchedPage;
  const scripts: string[] = [];

  beforeAll(async () => {
    w = await newPage(env.browser, { width: 375, height: 800 });
    w.page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await signIn(w.context, env.base, await createVerifiedAccount(env.base, 'Alex'));
  });
  afterAll(async () => {
    await w.context.close();
  });

  it('finds an accusation typed by keyboard, offers a rewrite, and the rewrite reads clean', async () => {
    const { page } = w;
    await page.goto(`${env.base}/home`);
    await page.getByRole('heading', { name: 'Welcome, Alex' }).waitFor();
    await page.waitForLoadState('networkidle');
    const onHome = new Set(scripts);

    await page.getByRole('link', { name: 'Coach' }).click();
    await page.getByRole('heading', { name: 'Coach', level: 1 }).waitFor();
    await page.getByText('Nothing you write on this page is saved').waitFor();
    await expectNoAxeViolations(page, 'coach, empty');

    const box = page.getByRole('textbox', { name: 'Your message' });
    await box.focus();
    await page.keyboard.type('You ignored me at the party.');
    const findings = page.getByRole('region', { name: 'Things to look at' });
    await findings.getByText('Blame', { exact: true }).waitFor();
    expect(await findings.textContent()).toContain('ignored me');
    await page.getByText('I felt hurt when you ignored me at the party, because').waitFor();
    await expectNoAxeViolations(page, 'coach, with findings');
    await expectNoSidewaysScroll(page, 'coach, with findings');

    // The coach's code arrived with this page, not with the home page.
    const added = scripts.filter((s) => !onHome.has(s));
    expect(added.length).toBeGreaterThan(0);

    // Accept by keyboard.
    const use = page.getByRole('button', { name: 'Use this wording' });
    await use.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => box.inputValue()).toMatch(/^I felt hurt when you ignored me at the party, because .+\?$/);
    await page.getByText('Nothing to rework here').waitFor();
    expect(await page.getByRole('region', { name: 'Things to look at' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'coach, rewrite accepted');
  });

  it('checks apologies for excuses, and shows crisis resources for a crisis phrase', async () => {
    const { page } = w;
    await page.getByRole('radio', { name: 'A message' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'An apology' }).isChecked()).toBe(true);
    const box = page.getByRole('textbox', { name: 'Your message' });
    await box.fill('');
    await box.focus();
    await page.keyboard.type("I'm sorry if you were upset.");
    await page.getByText('An apology with a “but”').waitFor();

    await box.fill('');
    await page.keyboard.type('I want to kill myself.');
    await page.locator('.safety-panel').waitFor();
    await expectNoAxeViolations(page, 'coach, crisis resources');
    expect(w.errors).toEqual([]);
  });
});
