/**
 * Reflect in real Chromium against a real server process: a full thought record written through
 * the UI; then, offline, two quick captures that wait on the device and sync once the connection
 * is back — exactly three entries on the server, no duplicate. Also: every Reflect page passes
 * axe (desktop and 375 px, no sideways scrolling), quick capture works by keyboard alone, origins
 * / urges / self-worth round-trip, and no console errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, newPage, useBrowser, expectNoSidewaysScroll, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

/**
 * While the context is offline, Chromium logs failed API requests as console errors
 * ("Failed to load resource: net::ERR_INTERNET_DISCONNECTED"). Those — and only those, and only
 * while offline — are expected; anything else still fails the test.
 */
const OFFLINE_NETWORK_ERROR = /Failed to load resource: net::ERR_INTERNET_DISCONNECTED|net::ERR_INTERNET_DISCONNECTED/;

async function tabTo(page: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} by keyboard`);
}

async function entryCountOnServer(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const response = await fetch('/api/v1/journal/entries?limit=100', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const body = (await response.json()) as { items: unknown[] };
    return body.items.length;
  });
}

/** Sets a native range input with the keyboard, as a person would. */
async function rate(page: Page, label: string, value: number): Promise<void> {
  const slider = page.getByRole('slider', { name: label });
  await slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < value; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => slider.inputValue()).toBe(String(value));
}

async function pick(page: Page, selectLabel: string, option: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(selectLabel) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** React Aria's checkboxes and radios: the visible label is what a person clicks. */
async function choose(page: Page, group: string, option: string): Promise<void> {
  const container = page.getByRole('group', { name: group }).or(page.getByRole('radiogroup', { name: group }));
  await container.locator('label', { hasText: option }).first().click();
}

describe('Reflect', () => {
  let w: WatchedPage;
  let offlineFrom = -1;
  let offlineTo = -1;

  beforeAll(async () => {
    w = await newPage(env.browser);
    await signIn(w.context, env.base, await createVerifiedAccount(env.base, 'Robin'));
  });
  afterAll(() => w.context.close());

  it('links the journal from home and the navigation; the empty journal invites a first entry', async () => {
    const { page } = w;
    await page.goto(`${env.base}/home`);
    await page.getByRole('heading', { name: 'Welcome, Robin' }).waitFor();
    await page.getByRole('link', { name: 'Quick capture' }).waitFor();
    await page.getByRole('link', { name: 'Today’s reflection prompt' }).waitFor();
    await expectNoAxeViolations(page, 'home');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
    await page.getByRole('heading', { name: 'Your journal', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Nothing here yet' }).waitFor();
    await expectNoAxeViolations(page, 'journal (empty)');
  });

  it('writes a full thought record', async () => {
    const { page } = w;
    await page.getByRole('link', { name: 'Write a thought record' }).click();
    await page.getByRole('heading', { name: 'A thought record', level: 1 }).waitFor();
    await page.getByLabel('What happened?').waitFor();
    await expectNoAxeViolations(page, 'new thought record');

    await page.getByLabel('What happened?').fill('Dinner plans changed an hour before we were due to meet.');
    await page.getByLabel('Where were you?').fill('At home');
    await page.getByLabel('Who was there?').fill('Just me, on the phone with my partner');
    await pick(page, 'What was it about', 'Plans changing');
    await choose(page, 'How did the moment feel?', 'Tense');
    await choose(page, 'What did you notice?', 'Racing heart');
    await choose(page, 'What did you notice?', 'Knot in my stomach');
    await choose(page, 'Which feelings came up?', 'Anxious');
    await choose(page, 'Which feelings came up?', 'Hurt');
    await rate(page, 'How strong was “Anxious”?', 8);
    await rate(page, 'Overall, how strong was it at its peak?', 9);
    await pick(page, 'What did you feel like doing', 'Ask for reassurance');
    await choose(page, 'Did you act on it?', 'No');
    await page.getByLabel('What did you tell yourself it meant?').fill('That I am not a priority.');
    await page.getByLabel('What supports the story?').fill('It happened last month as well.');
    await page.getByLabel('What doesn’t fit the story?').fill('They called as soon as they knew and offered another evening.');
    await choose(page, 'Where does this feeling come from, mostly?', 'Mostly an old wound');
    await page.getByLabel('A balanced way to see it').fill('Plans changed; that is not the same as not caring.');
    await rate(page, 'How strong is the feeling now?', 3);
    await page.getByLabel('Tags', { exact: true }).fill('plans, evening');
    await expectNoAxeViolations(page, 'thought record, filled in');

    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByRole('heading', { name: 'Your journal', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Your entry is saved.' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Dinner plans changed an hour before we were due to meet.' }).waitFor();
    expect(await page.textContent('main')).toContain('Intensity 9 → 3');
    expect(await entryCountOnServer(page)).toBe(1);
    await expectNoAxeViolations(page, 'journal with one entry');
  });

  it('has the app shell and every page cached for offline use', async () => {
    const { page } = w;
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined), { timeout: 20_000 })
      .toBe(true);
    const cached = await page.evaluate(async () => {
      const manifest = (await (await fetch('/asset-manifest.json')).json()) as { assets: string[] };
      const cache = await caches.open('trellis-assets-v1');
      const keys = new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
      const apiCached = (await caches.keys()).length > 0 && (await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).filter((r) => new URL(r.url).pathname.startsWith('/api/')).length)));
      return { missing: manifest.assets.filter((path) => !keys.has(path)), apiCached };
    });
    expect(cached.missing).toEqual([]);
    expect(cached.apiCached).toEqual([0, 0]);
  });

  it('keeps two quick captures written offline on the device, waiting to sync', async () => {
    const { page, context } = w;
    offlineFrom = w.errors.length;
    await context.setOffline(true);

    for (const [index, text] of ['Their phone lit up with a name I didn’t know.', 'No reply for three hours after a short message.'].entries()) {
      await page.getByRole('link', { name: 'Quick capture', exact: true }).first().click();
      await page.getByRole('heading', { name: 'Quick capture', level: 1 }).waitFor();
      await page.getByLabel('What happened?').fill(text);
      await rate(page, 'How strong is the feeling?', 6);
      await choose(page, 'Anything in your body?', 'Tight chest');
      await page.getByRole('button', { name: 'Save it' }).click();
      await page.getByRole('heading', { name: 'Your journal', level: 1 }).waitFor();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved on this device — it will sync when you’re back online.' }).count()).toBe(1);
      const waiting = page.getByRole('region', { name: 'Waiting to sync' });
      await expect.poll(() => waiting.getByRole('listitem').count()).toBe(index + 1);
      await expect.poll(() => waiting.textContent()).toContain(text);
    }
    await expect.poll(() => page.getByText('Waiting to sync', { exact: true }).count()).toBeGreaterThanOrEqual(2);
    await expectNoAxeViolations(page, 'journal, offline, two waiting');
  });

  it('syncs them once back online — exactly three entries, no duplicate', async () => {
    const { page, context } = w;
    await context.setOffline(false);
    offlineTo = w.errors.length;
    await expect.poll(() => page.getByRole('region', { name: 'Waiting to sync' }).count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Everything you wrote offline is now saved.' }).count()).toBe(1);

    await page.reload();
    await page.getByRole('heading', { name: 'Your journal', level: 1 }).waitFor();
    const entries = page.getByRole('region', { name: 'Entries' }).locator('li.entry-card');
    await expect.poll(() => entries.count()).toBe(3);
    expect(await page.getByText('Waiting to sync', { exact: true }).count()).toBe(0);
    expect(await entryCountOnServer(page)).toBe(3);
    // The quick captures are not finished yet, and say so gently.
    expect(await page.getByRole('link', { name: /^Finish when you’re ready/ }).count()).toBe(2);
  });

  it('filters and searches the journal', async () => {
    const { page } = w;
    await page.getByRole('textbox', { name: 'Search your entries' }).fill('phone lit');
    await page.getByRole('button', { name: 'Show entries' }).click();
    const entries = page.getByRole('region', { name: 'Entries' }).locator('li.entry-card');
    await expect.poll(() => entries.count()).toBe(1);
    await page.getByRole('button', { name: 'Clear filters and search' }).click();
    await expect.poll(() => entries.count()).toBe(3);
    await page.getByText('Filters', { exact: true }).click();
    await pick(page, 'Kind of entry', 'Thought record');
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect.poll(() => entries.count()).toBe(1);
    await expectNoAxeViolations(page, 'journal, filtered');
    await page.getByRole('button', { name: 'Clear filters and search' }).click();
    await expect.poll(() => entries.count()).toBe(3);
  });

  it('finishes a quick capture later, from the journal', async () => {
    const { page } = w;
    await page.getByRole('link', { name: /^Finish when you’re ready: No reply/ }).click();
    await page.getByRole('heading', { name: 'Your entry', level: 1 }).waitFor();
    await page.getByLabel('What did you tell yourself it meant?').waitFor();
    await expectNoAxeViolations(page, 'edit entry (quick capture)');
    await page.getByLabel('What did you tell yourself it meant?').fill('That they were losing interest.');
    await page.getByLabel('A balanced way to see it').fill('They were in meetings all afternoon.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Your journal', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: /^Finish when you’re ready/ }).count()).toBe(1);
    expect(await entryCountOnServer(page)).toBe(3);
  });

  it('answers a reflection prompt', async () => {
    const { page } = w;
    await page.getByRole('link', { name: 'Reflection prompts' }).click();
    await page.getByRole('heading', { name: 'Reflection prompts', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Today’s prompt' }).waitFor();
    await expectNoAxeViolations(page, 'prompts');
    await page.getByRole('link', { name: /^Write about this: / }).click();
    await page.getByRole('heading', { name: 'A reflection prompt', level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'prompt answer');
    await page.getByLabel('Your answer').fill('It feels like being twelve again, waiting by the window.');
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.getByRole('heading', { name: 'Your journal', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Your answer is saved in your journal.' }).count()).toBe(1);
    expect(await entryCountOnServer(page)).toBe(4);
  });

  it('keeps a draft when the page is left, and offers it back', async () => {
    const { page } = w;
    await page.getByRole('link', { name: 'Write a thought record' }).click();
    await page.getByLabel('What happened?').fill('A draft I am not ready to save.');
    // Leave through the navigation before the autosave delay is over: leaving saves at once.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click();
    await page.getByRole('heading', { name: 'Your journal', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Continue: New thought record' }).click();
    await page.getByText(/^We kept your draft from /).waitFor();
    expect(await page.getByLabel('What happened?').inputValue()).toBe('A draft I am not ready to save.');
    await expectNoAxeViolations(page, 'thought record with a restored draft');
    await page.getByRole('button', { name: 'Discard draft' }).click();
    expect(await page.getByLabel('What happened?').inputValue()).toBe('');
  });

  it('deletes an entry after asking', async () => {
    const { page } = w;
    await page.goto(`${env.base}/journal`);
    await page.getByRole('link', { name: /^It feels like being twelve/ }).click();
    await page.getByRole('heading', { name: 'Your entry', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Delete this for good?').waitFor();
    await expectNoAxeViolations(page, 'delete confirmation');
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'The entry is deleted.' }).count()).toBe(1);
    expect(await entryCountOnServer(page)).toBe(3);
  });

  it('saves the origins map as versions and shows an earlier one read-only', async () => {
    const { page } = w;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Origins' }).click();
    await page.getByRole('heading', { name: 'Where the worry comes from', level: 1 }).waitFor();
    await page.getByText('You haven’t saved a map yet.').waitFor();
    await expectNoAxeViolations(page, 'origins');
    await page.locator('label.checkbox', { hasText: 'Being let down or betrayed before' }).click();
    await page.getByRole('textbox', { name: 'Notes – Being let down or betrayed before' }).fill('A friendship that ended badly at university.');
    await page.getByRole('button', { name: 'Save my map' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Your map is saved.' }).count()).toBe(1);
    await page.getByText(/^Last saved /).waitFor();
    await page.getByRole('textbox', { name: 'Notes – Family and growing up' }).fill('Plans often fell through when I was small.');
    await page.getByRole('button', { name: 'Save my map' }).click();
    await page.getByRole('link', { name: /^Saved / }).first().waitFor();
    await expectNoAxeViolations(page, 'origins with history');
    await page.getByRole('link', { name: /^Saved / }).first().click();
    await page.getByRole('heading', { name: /^Your map from / }).waitFor();
    await page.getByText('A friendship that ended badly at university.').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    await expectNoAxeViolations(page, 'origins version');
  });

  it('logs, edits and deletes an urge', async () => {
    const { page } = w;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Urges' }).click();
    await page.getByRole('heading', { name: 'Urge log', level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'urges');
    await page.getByLabel('The urge', { exact: true }).fill('Check who they were messaging');
    await page.getByLabel('The fear underneath').fill('That I am being replaced');
    await page.getByLabel('What I did instead').fill('Went for a walk and called my sister');
    await choose(page, 'Did you act on the urge?', 'No');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved to your urge log.' }).count()).toBe(1);
    await page.getByRole('heading', { name: 'Check who they were messaging' }).waitFor();
    await page.getByRole('button', { name: /^Edit the urge from / }).click();
    await page.getByRole('heading', { name: /^Edit the urge from / }).waitFor();
    await expectNoAxeViolations(page, 'urges, editing');
    await page.getByRole('listitem').getByLabel('What I did instead').fill('Went for a long walk');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Went for a long walk').waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByText('Nothing logged yet.', { exact: false }).waitFor();
  });

  it('adds, completes and deletes self-worth items for a day', async () => {
    const { page } = w;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Self-worth' }).click();
    await page.getByRole('heading', { name: 'Self-worth', level: 1 }).waitFor();
    await page.getByLabel('Add a small goal').waitFor();
    await expectNoAxeViolations(page, 'self-worth');
    await page.getByLabel('Add a small goal').fill('Drink a glass of water before coffee');
    await page.getByRole('button', { name: 'Add to Small goals' }).click();
    const goal = page.locator('label.checkbox', { hasText: 'Drink a glass of water before coffee' });
    await goal.waitFor();
    await goal.click();
    await expect.poll(() => goal.getAttribute('data-selected')).toBe('true');
    await page.getByLabel('Add a win').fill('Said what I needed calmly');
    await page.getByRole('button', { name: 'Add to Wins' }).click();
    await page.locator('label.checkbox', { hasText: 'Said what I needed calmly' }).waitFor();
    await page.reload();
    await expect.poll(() => page.locator('label.checkbox', { hasText: 'Drink a glass of water before coffee' }).getAttribute('data-selected')).toBe('true');
    await page.getByRole('button', { name: 'Delete: Said what I needed calmly' }).click();
    await expect.poll(() => page.locator('label.checkbox', { hasText: 'Said what I needed calmly' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'self-worth with items');
  });

  it('offers support after saving words that suggest danger, without blocking anything', async () => {
    const { page } = w;
    await page.goto(`${env.base}/journal/quick`);
    await page.getByLabel('What happened?').fill('He hit me again last night and I am scared to go home.');
    await page.getByRole('button', { name: 'Save it' }).click();
    await page.getByRole('heading', { name: 'Support, if you’d like it' }).waitFor();
    await expectNoAxeViolations(page, 'journal with support panel');
    expect(await entryCountOnServer(page)).toBe(4);
  });

  it('printed no console error (offline network errors aside, while offline only)', () => {
    expect(offlineFrom).toBeGreaterThanOrEqual(0);
    expect(offlineTo).toBeGreaterThanOrEqual(offlineFrom);
    const unexpected = w.errors.filter((error, index) => !(index >= offlineFrom && index < offlineTo && OFFLINE_NETWORK_ERROR.test(error)));
    expect(unexpected).toEqual([]);
  });
});

describe('Reflect by keyboard alone', () => {
  it('quick capture: type, rate, tick, save — no mouse', async () => {
    const w = await newPage(env.browser);
    await signIn(w.context, env.base, await createVerifiedAccount(env.base, 'Kai'));
    const { page } = w;
    await page.goto(`${env.base}/journal/quick`);
    await page.getByRole('heading', { name: 'Quick capture', level: 1 }).waitFor();
    await page.getByLabel('What happened?').waitFor();
    await tabTo(page, 'textarea[name="whatHappened"]');
    await page.keyboard.type('They cancelled our call at the last minute.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('range');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await tabTo(page, 'input[type="checkbox"][value="racing_heart"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your journal', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'They cancelled our call at the last minute.', exact: true }).waitFor();
    expect(await page.textContent('main')).toContain('Intensity 98');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe('Reflect at 375 px', () => {
  it('every Reflect page fits without sideways scrolling and passes axe', async () => {
    const w = await newPage(env.browser, { width: 375, height: 740 });
    await signIn(w.context, env.base, await createVerifiedAccount(env.base, 'Sam'));
    const { page } = w;
    const pages: Array<[string, string]> = [
      ['/journal', 'Your journal'],
      ['/journal/new', 'A thought record'],
      ['/journal/quick', 'Quick capture'],
      ['/journal/prompts', 'Reflection prompts'],
      ['/origins', 'Where the worry comes from'],
      ['/urges', 'Urge log'],
      ['/self-worth', 'Self-worth'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(`${env.base}${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.locator('#main form, #main .entry-list, #main .card').first().waitFor();
      await expectNoSidewaysScroll(page, path);
      await expect.poll(() => page.getByRole('button', { name: 'Quick exit' }).isVisible()).toBe(true);
      await expectNoAxeViolations(page, `${path} at 375px`);
    }
    await page.goto(`${env.base}/journal/prompts`);
    await page.getByRole('link', { name: /^Write about this: / }).click();
    await page.getByLabel('Your answer').waitFor();
    await expectNoSidewaysScroll(page, 'prompt answer');
    await expectNoAxeViolations(page, 'prompt answer at 375px');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
