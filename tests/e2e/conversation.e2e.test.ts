/**
 * A whole structured conversation between two people in two browser contexts, all through the
 * pages and live (no reloads): both confirm the checklist; Jo speaks, Kit summarises and
 * acknowledges, Jo confirms and the roles swap; Kit presses pause and Jo's open page shows the
 * break; both say they are ready and the break ends; they close with a commitment. axe on every
 * state, no sideways scroll on the phone-sized page, no console errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, expectNoSidewaysScroll, newPage, postJson, useBrowser, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';

const env = useBrowser();

async function confirmChecklist(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Before you begin' }).waitFor();
  await page.getByText('I feel calm enough to listen as well as to speak.').click();
  await page.getByText('My phone and other distractions are put away.').click();
  await page.getByText('I agree to a limit of 20 minutes.').click();
  await page.getByRole('button', { name: 'I’m ready' }).click();
}

async function writeTurn(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByRole('textbox', { name: label });
  await field.waitFor({ timeout: 10_000 });
  await field.fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

describe('a structured conversation, live for both', () => {
  let jo: WatchedPage;
  let kit: WatchedPage;
  let url: string;

  beforeAll(async () => {
    jo = await newPage(env.browser);
    kit = await newPage(env.browser, { width: 375, height: 800 });
    await signIn(jo.context, env.base, await createVerifiedAccount(env.base, 'Jo'));
    await signIn(kit.context, env.base, await createVerifiedAccount(env.base, 'Kit'));
    const invite = await postJson(jo, '/api/v1/couple/invites');
    const joined = await postJson(kit, '/api/v1/couple/join', { code: invite.body.code });
    expect(joined.status).toBe(201);
  });
  afterAll(async () => {
    await jo.context.close();
    await kit.context.close();
  });

  it('starts from the Talk hub and both confirm the safe-space checklist', async () => {
    const a = jo.page;
    await a.goto(`${env.base}/talk`);
    await a.getByRole('heading', { name: 'Start a conversation' }).waitFor();
    await expectNoAxeViolations(a, 'talk hub');
    await a.getByRole('button', { name: 'Start with my partner' }).click();
    await a.waitForURL(/\/talk\/conversations\//);
    url = a.url();
    await expectNoAxeViolations(a, 'checklist');

    const b = kit.page;
    await b.goto(url);
    await confirmChecklist(b);
    await b.getByText('You are ready.').waitFor();
    await b.getByText('Waiting for your partner to confirm.').waitFor();
    await a.getByText('Your partner is ready.').waitFor({ timeout: 10_000 });
    await confirmChecklist(a);
    await a.getByRole('heading', { name: /You are speaking/ }).waitFor();
    await b.getByRole('heading', { name: /You are listening/ }).waitFor({ timeout: 10_000 });
    await expectNoAxeViolations(a, 'speaker, first turn');
    await expectNoAxeViolations(b, 'listener, first turn');
    await expectNoSidewaysScroll(b, 'listener on a phone');
  });

  it('goes speaker → summary → acknowledgement → confirmation, and the roles swap', async () => {
    const [a, b] = [jo.page, kit.page];
    await writeTurn(a, 'What I want to say', 'I feel lonely when the evenings go by without us talking.');
    // Kit's open page follows: the summary field appears, starting with "It sounds like".
    const summary = b.getByRole('textbox', { name: 'What I heard' });
    await summary.waitFor({ timeout: 10_000 });
    expect(await summary.inputValue()).toBe('It sounds like ');
    expect(await b.textContent('main')).toContain('I feel lonely when the evenings go by');
    await writeTurn(b, 'What I heard', 'It sounds like the quiet evenings leave you feeling alone.');
    await writeTurn(b, 'What makes sense about it', 'That makes sense; we have both been tired.');

    await a.getByRole('button', { name: 'Yes, that’s it' }).waitFor({ timeout: 10_000 });
    await expectNoAxeViolations(a, 'confirm or correct');
    await a.getByRole('button', { name: 'Yes, that’s it' }).click();
    await a.getByRole('heading', { name: /You are listening/ }).waitFor();
    await b.getByRole('heading', { name: /You are speaking/ }).waitFor({ timeout: 10_000 });
    await b.getByRole('textbox', { name: 'What I want to say' }).waitFor();
  });

  it('pauses for both: the other person’s open page shows the break, which ends when both are ready', async () => {
    const [a, b] = [jo.page, kit.page];
    await a.evaluate(() => Object.assign(window, { __stillThisPage: true }));
    // Kit had started writing: the draft waits through the break.
    await b.getByRole('textbox', { name: 'What I want to say' }).fill('Half a thought');
    await b.getByRole('button', { name: 'Pause for 20 minutes' }).click();
    await b.getByRole('heading', { name: 'Taking a break' }).waitFor();
    await b.getByText('You asked for a break.').waitFor();
    await a.getByRole('heading', { name: 'Taking a break' }).waitFor({ timeout: 10_000 });
    await a.getByText('Your partner asked for a break.').waitFor();
    expect(await a.getByRole('timer').textContent()).toMatch(/About (20|19) min left in the break/);
    expect(await a.evaluate(() => (window as unknown as { __stillThisPage?: boolean }).__stillThisPage)).toBe(true);
    // Nothing can be written during the break.
    expect(await a.getByRole('textbox').count()).toBe(0);
    await expectNoAxeViolations(a, 'break (live)');
    await expectNoAxeViolations(b, 'break (mine)');

    await a.getByRole('button', { name: 'I’m ready to continue' }).click();
    await a.getByText('You are ready to continue.').waitFor();
    await b.getByText('Your partner is ready to continue.').waitFor({ timeout: 10_000 });
    await b.getByRole('button', { name: 'I’m ready to continue' }).click();
    await b.getByRole('textbox', { name: 'What I want to say' }).waitFor();
    expect(await b.getByRole('textbox', { name: 'What I want to say' }).inputValue()).toBe('Half a thought');
    await a.getByRole('heading', { name: /You are listening/ }).waitFor({ timeout: 10_000 });
    expect(await a.getByRole('heading', { name: 'Taking a break' }).count()).toBe(0);
  });

  it('closes with a commitment, and both see the conversation finished', async () => {
    const [a, b] = [jo.page, kit.page];
    await b.getByRole('button', { name: 'Move on to closing' }).click();
    await b.getByRole('heading', { name: 'Closing' }).waitFor();
    await a.getByRole('heading', { name: 'Closing' }).waitFor({ timeout: 10_000 });
    await a.getByRole('radiogroup', { name: 'How would you like to finish?' }).locator('label', { hasText: 'Make a commitment' }).click();
    await a.getByRole('textbox', { name: 'What I will do' }).fill('Ask about your day before screens go on');
    await expectNoAxeViolations(a, 'closing with a commitment');
    await a.getByRole('button', { name: 'Finish' }).click();
    await a.getByRole('heading', { name: 'Finished' }).waitFor();
    await b.getByRole('heading', { name: 'Finished' }).waitFor({ timeout: 10_000 });
    expect(await b.textContent('main')).toContain('A commitment was made');
    await expectNoAxeViolations(b, 'finished (live)');

    await b.goto(`${env.base}/couple/commitments`);
    await b.getByText('Ask about your day before screens go on').first().waitFor();
  });

  it('sends an apology that appears on the partner’s open page, and makes it a commitment', async () => {
    const [a, b] = [jo.page, kit.page];
    await b.goto(`${env.base}/talk/apology`);
    await b.getByRole('heading', { name: 'Apologies to me' }).waitFor();

    await a.goto(`${env.base}/talk/apology`);
    await a.getByRole('textbox', { name: 'What I did' }).fill('I looked at my phone while you were talking.');
    await a.getByRole('textbox', { name: 'Its impact on you' }).fill('You may have felt unheard.');
    await a.getByRole('textbox', { name: 'I take responsibility' }).fill('I own that.');
    await a.getByRole('textbox', { name: 'What I will do differently' }).fill('Phone face down when we talk');
    await a.getByRole('radiogroup', { name: 'What happens next' }).locator('label', { hasText: 'Send it to my partner' }).click();
    await expectNoAxeViolations(a, 'apology builder, linked');
    await a.getByRole('button', { name: 'Save apology' }).click();
    await a.getByText('Your apology was sent.').waitFor();

    const received = b.getByRole('region', { name: 'Apologies to me' });
    await received.getByText('You may have felt unheard.').waitFor({ timeout: 10_000 });
    await expectNoAxeViolations(b, 'apology received (live)');

    await a.getByRole('button', { name: 'Make it a commitment' }).click();
    await a.getByText('Became a commitment.').first().waitFor();
    await b.goto(`${env.base}/couple/commitments`);
    await b.getByText('Phone face down when we talk').first().waitFor();
  });
});
