/**
 * The apology builder by keyboard alone (for someone without a partner: kept private, never
 * pushed to link), and naming the fear from a complaint. axe on each page, no console errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, expectNoSidewaysScroll, newPage, useBrowser, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

/** Presses Tab until the focused element matches, like a keyboard user moving through the form. */
async function tabTo(page: Page, matches: (el: { tag: string; label: string; text: string }) => boolean, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      const id = a?.id;
      const label = (id && document.querySelector(`label[for="${id}"]`)?.textContent) || a?.getAttribute('aria-label') || '';
      return { tag: a?.tagName.toLowerCase() ?? '', label: label.trim(), text: (a?.textContent ?? '').trim() };
    });
    if (matches(el)) return;
  }
  throw new Error('never reached the element by Tab');
}

describe('the apology builder and naming the fear', () => {
  let sam: WatchedPage;
  beforeAll(async () => {
    sam = await newPage(env.browser, { width: 375, height: 800 });
    await signIn(sam.context, env.base, await createVerifiedAccount(env.base, 'Sam'));
  });
  afterAll(() => sam.context.close());

  it('writes and saves an apology using only the keyboard', async () => {
    const p = sam.page;
    await p.goto(`${env.base}/talk/apology`);
    await p.getByRole('heading', { name: 'Build an apology' }).first().waitFor();
    await p.getByRole('heading', { name: 'My apologies' }).waitFor();
    // No partner: nothing to send, and no push to link.
    expect(await p.getByText('Send it to my partner').count()).toBe(0);
    await expectNoAxeViolations(p, 'apology builder');

    const parts: Array<[string, string]> = [
      ['What I did', 'I left the washing-up for you three nights running.'],
      ['Its impact on you', 'You may have felt taken for granted.'],
      ['I take responsibility', 'That was on me.'],
      ['What I will do differently', 'I will wash up on the nights you cook.'],
    ];
    await p.getByRole('textbox', { name: parts[0]![0] }).focus();
    await p.keyboard.type(parts[0]![1]);
    for (const [label, text] of parts.slice(1)) {
      await tabTo(p, (el) => el.tag === 'textarea' && el.label.startsWith(label));
      await p.keyboard.type(text);
    }
    await tabTo(p, (el) => el.tag === 'button' && el.text === 'Save apology');
    await p.keyboard.press('Enter');
    await p.getByText('Your apology is saved.').waitFor();
    const mine = p.getByRole('region', { name: 'My apologies' });
    await mine.getByText('I will wash up on the nights you cook.').waitFor();
    expect(await mine.textContent()).toContain('private');
    await expectNoAxeViolations(p, 'apology saved');
    await expectNoSidewaysScroll(p, 'apology on a phone');
  });

  it('practises a conversation alone, with an imagined reply, without being pushed to link', async () => {
    const p = sam.page;
    await p.goto(`${env.base}/talk`);
    await p.getByRole('heading', { name: 'Start a conversation' }).waitFor();
    expect(await p.getByRole('button', { name: 'Start with my partner' }).count()).toBe(0);
    expect(await p.getByRole('link', { name: /link/i }).count()).toBe(0);
    await p.getByRole('button', { name: 'Practise alone' }).click();
    await p.waitForURL(/\/talk\/conversations\//);
    await p.getByRole('heading', { name: 'Practice conversation' }).waitFor();
    await p.getByText('I feel calm enough to listen as well as to speak.').click();
    await p.getByText('My phone and other distractions are put away.').click();
    await p.getByText('I agree to a limit of 20 minutes.').click();
    await p.getByRole('button', { name: 'I’m ready' }).click();
    await p.getByRole('textbox', { name: 'What I want to say' }).fill('I would like us to share the cooking.');
    await p.getByRole('button', { name: 'Send', exact: true }).click();
    await p.getByRole('textbox', { name: 'How it might be heard' }).fill('It sounds like the cooking feels one-sided.');
    await p.getByRole('button', { name: 'Send', exact: true }).click();
    await p.getByRole('textbox', { name: 'What I want to say' }).waitFor();
    const transcript = p.getByRole('region', { name: 'So far' });
    expect(await transcript.textContent()).toContain('imagined reply');
    await expectNoAxeViolations(p, 'practice conversation');
  });

  it('offers a fear underneath a complaint and puts the words together', async () => {
    const p = sam.page;
    await p.goto(`${env.base}/talk/fear`);
    await p.getByRole('heading', { name: 'Name the fear' }).waitFor();
    await p.getByRole('textbox', { name: 'What is the complaint, in the words that come first?' }).fill('You never make time for me');
    await p.getByText('Words like “never” can sound like an accusation', { exact: false }).waitFor();
    const use = p.getByRole('button', { name: /Use this: I’m afraid you’re losing interest in us\./ });
    await use.focus();
    await p.keyboard.press('Enter');
    await p.getByRole('textbox', { name: 'What do you feel when this happens?' }).fill('lonely');
    const result = p.getByRole('region', { name: 'What you might say' });
    await result.getByText('When this happens I feel lonely. I’m afraid you’re losing interest in us.').waitFor();
    await expectNoAxeViolations(p, 'naming the fear');
  });
});
