/**
 * Booking a consultation without an account (docs/decisions/026), in Chromium: a visitor books a
 * couples consultation from Texas by keyboard alone — one step per screen, axe clean on every
 * step; a time someone else takes meanwhile sends them back to choose another with what they wrote
 * kept — and sees the confirmation with the private link and the calendar file; the therapist
 * (two-factor on) accepts it on /practice, and sees a gentle flag on a request whose safety answer
 * was "yes"; the visitor's private link then says "Accepted", moves to another time and cancels.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, newPage, recordUserTexts, useBrowser, type WatchedPage } from './browser.ts';
import { createVerifiedAccount, signIn } from './session.ts';
import { enableTwoFactor, setUpWillowPractice } from './care-fixtures.ts';

/** The README's screenshots are refreshed with UPDATE_SCREENSHOTS=1; otherwise they go to the (ignored) artifacts folder. */
const SHOTS = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'tests/e2e/artifacts';
const env = useBrowser();

/** The step's heading has focus: each new step starts where a screen reader would read. */
async function expectFocusedHeading(page: Page, name: string): Promise<void> {
  const heading = page.getByRole('heading', { name, level: 2 });
  await heading.waitFor();
  await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
}

/** Opens a React Aria select from the keyboard and picks the option starting with `typed`. */
async function pickByKeyboard(page: Page, trigger: string, typed: string, option: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(trigger) }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('listbox').waitFor();
  await page.keyboard.type(typed);
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(option);
  await page.keyboard.press('Enter');
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

describe('booking a consultation', () => {
  let dana: WatchedPage;
  let visitor: WatchedPage;
  let slug: string;
  let manageUrl: string;

  beforeAll(async () => {
    dana = await newPage(env.browser);
    const account = await createVerifiedAccount(env.base, 'Dana');
    await signIn(dana.context, env.base, account);
    await enableTwoFactor(dana, account.password);
    ({ slug } = await setUpWillowPractice(dana, env.base, account.email, { slugPrefix: 'willow', licenceStates: ['TX', 'CA'] }));

    // The visitor's browser is in Chicago: times are shown there, whatever this machine's zone.
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 860 }, timezoneId: 'America/Chicago' });
    recordUserTexts(context); // the intake's words are searched for in every mail (leak scan)
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    visitor = { page, context, errors };
  });
  afterAll(async () => {
    await dana?.context.close();
    await visitor?.context.close();
  });

  it('lets a visitor book a couples consultation from Texas by keyboard, axe clean on every step', async () => {
    const { page } = visitor;
    await page.goto(`${env.base}/p/${slug}`);
    await page.getByRole('heading', { name: 'Book a consultation with Willow Street Counselling', level: 1 }).waitFor();
    expect(await page.textContent('main')).toContain('Trellis is a wellness and skills-practice tool');
    expect(await page.textContent('main')).toContain('Step 1 of 7');
    await expectNoAxeViolations(page, 'booking: who it is for');

    // 1. Who: arrows choose, Enter on Continue goes on.
    await page.getByRole('radio', { name: 'Just me' }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'The two of us' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    // 2. Where: a state the practice doesn't cover is answered plainly; Texas is.
    await expectFocusedHeading(page, 'Where will you be during sessions?');
    expect(await page.locator('[aria-current="step"]').textContent()).toBe('Where you’ll be');
    await pickByKeyboard(page, 'The state you’ll be in', 'My', 'My state isn’t listed');
    await page.getByText('No therapist here holds a licence for that state yet.').waitFor();
    await expectNoAxeViolations(page, 'booking: state not covered');
    await pickByKeyboard(page, 'The state you’ll be in', 'Tex', 'Texas');
    await page.getByRole('button', { name: 'Continue' }).focus();
    await page.keyboard.press('Enter');

    // 3. Approach: optional, "No preference" already chosen.
    await expectFocusedHeading(page, 'Is there an approach you’d prefer?');
    expect(await page.getByRole('radio', { name: 'No preference' }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'booking: approach');
    await page.getByRole('button', { name: 'Continue' }).focus();
    await page.keyboard.press('Enter');

    // 4. Therapists licensed in Texas who see couples.
    await expectFocusedHeading(page, 'Therapists who can see you in Texas');
    await page.getByRole('heading', { name: 'Dana Reyes', level: 3 }).waitFor();
    expect(await page.textContent('main')).toContain('Gottman Method');
    await expectNoAxeViolations(page, 'booking: therapists');
    // Back keeps the answers, and forward again.
    await page.getByRole('button', { name: 'Back' }).focus();
    await page.keyboard.press('Enter');
    await expectFocusedHeading(page, 'Is there an approach you’d prefer?');
    await page.getByRole('button', { name: 'Continue' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'See times with Dana Reyes' }).focus();
    await page.keyboard.press('Enter');

    // 5. Free times, by day, in the browser's zone (Chicago).
    await expectFocusedHeading(page, 'Choose a time with Dana Reyes');
    expect(await page.getByRole('button', { name: /Show times in/ }).textContent()).toContain('America / Chicago');
    const firstDay = page.getByRole('radiogroup').first();
    await firstDay.getByRole('radio').first().focus();
    await page.keyboard.press('ArrowRight');
    const chosen = firstDay.getByRole('radio', { checked: true });
    let label = (await chosen.getAttribute('aria-label'))!;
    const takenStart = await chosen.getAttribute('value');
    expect(label).toMatch(/C[SD]T$/);
    await expectNoAxeViolations(page, 'booking: times');
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'booking.png') });
    await page.getByRole('button', { name: 'Continue' }).focus();
    await page.keyboard.press('Enter');

    // 6. Intake, typed; consent is required and said so next to the box.
    await expectFocusedHeading(page, 'A little about you');
    expect(await page.textContent('main')).toContain(`Your time: ${label} with Dana Reyes.`);
    const honeypot = page.locator('input[name="website"]');
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await honeypot.getAttribute('autocomplete')).toBe('off');
    expect(await page.locator('.honeypot').getAttribute('aria-hidden')).toBe('true');
    await page.getByLabel('Your name').focus();
    await page.keyboard.type('Robin');
    await page.keyboard.press('Tab');
    await page.keyboard.type('robin.booking@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Alex');
    expect(await page.getByLabel('Your partner’s name (optional)').inputValue()).toBe('Alex');
    await page.keyboard.press('Tab');
    await page.keyboard.type('We keep circling the same argument about trust.');
    await page.getByRole('radio', { name: 'No', exact: true }).focus();
    await page.keyboard.press('Space');
    expect(await page.getByText('This answer is private: only the therapist you choose sees it').count()).toBe(1);
    await page.getByRole('button', { name: 'Send my request' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('We need your permission to contact you about this booking.').waitFor();
    const consent = page.getByRole('checkbox', { name: /may contact me/ });
    expect(await consent.getAttribute('aria-invalid')).toBe('true');
    expect(await consent.getAttribute('aria-describedby')).toContain('consent-error');
    await expectNoAxeViolations(page, 'booking: intake with a missing consent');
    await page.getByRole('checkbox', { name: /may contact me/ }).focus();
    await page.keyboard.press('Space');

    // Meanwhile someone else requests the same time: the visitor is sent back to choose another,
    // and what they wrote is kept.
    const [danaTherapist] = (await (await fetch(`${env.base}/api/v1/public/practices/${slug}/therapists?kind=couple&state=TX`)).json()) as Array<{ id: string }>;
    const other = await fetch(`${env.base}/api/v1/public/practices/${slug}/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: env.base },
      body: JSON.stringify({ therapistId: danaTherapist!.id, kind: 'couple', state: 'TX', timeZone: 'America/Chicago', start: takenStart, name: 'Kit', email: 'kit.booking@example.com', safety: 'no', consentToContact: true }),
    });
    expect(other.status).toBe(201);
    await page.getByRole('button', { name: 'Send my request' }).focus();
    await page.keyboard.press('Enter');
    await expectFocusedHeading(page, 'Choose a time with Dana Reyes');
    await page.getByRole('alert').filter({ hasText: 'Someone has just taken that time. Please choose another' }).waitFor();
    expect(await page.locator(`input[value="${takenStart}"]`).count()).toBe(0);
    await expectNoAxeViolations(page, 'booking: that time was just taken');
    // Chromium logs the refused request (409) itself; that one line, and nothing else, is expected.
    expect(visitor.errors).toEqual(['console.error: Failed to load resource: the server responded with a status of 409 (Conflict)']);
    visitor.errors.length = 0;
    const day = page.getByRole('radiogroup').first();
    await day.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    label = (await day.getByRole('radio', { checked: true }).getAttribute('aria-label'))!;
    await page.getByRole('button', { name: 'Continue' }).focus();
    await page.keyboard.press('Enter');
    await expectFocusedHeading(page, 'A little about you');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Robin');
    expect(await page.getByRole('checkbox', { name: /may contact me/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Send my request' }).focus();
    await page.keyboard.press('Enter');

    // 7. The confirmation: the time in their zone, a request not a promise, the link, the .ics.
    await expectFocusedHeading(page, 'Your request is on its way');
    const main = (await page.textContent('main'))!;
    expect(main).toContain(`${label} with Dana Reyes`);
    expect(main).toContain('This is a request: Dana Reyes will confirm it');
    expect(main).toContain('not a promise');
    expect(main).not.toContain('Support, if you need it');
    manageUrl = (await page.locator('.manage-url').textContent())!;
    expect(manageUrl).toMatch(/\/booking\/[A-Za-z0-9_-]{20,}$/);
    const ics = await visitor.context.request.get(`${env.base}${await page.getByRole('link', { name: 'Add to my calendar (.ics)' }).getAttribute('href')}`);
    expect(ics.status()).toBe(200);
    expect(ics.headers()['content-type']).toMatch(/text\/calendar/);
    expect(await ics.text()).toContain('Consultation with Willow Street Counselling');
    await expectNoAxeViolations(page, 'booking: confirmation');
    expect(visitor.errors).toEqual([]);
  });

  it('lets the therapist accept it, with a gentle flag on a request whose safety answer was yes', async () => {
    // A second request, through the API, whose private answer was "yes".
    const slots = await (await fetch(`${env.base}/api/v1/public/practices/${slug}/therapists`)).status;
    expect(slots).toBe(400); // kind and state are required
    const match = (await (await fetch(`${env.base}/api/v1/public/practices/${slug}/therapists?kind=individual&state=CA`)).json()) as Array<{ id: string }>;
    const free = (await (await fetch(`${env.base}/api/v1/public/practices/${slug}/therapists/${match[0]!.id}/slots?kind=individual&state=CA&timeZone=America/Los_Angeles`)).json()) as { slots: Array<{ start: string }> };
    const afraid = await fetch(`${env.base}/api/v1/public/practices/${slug}/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: env.base },
      body: JSON.stringify({ therapistId: match[0]!.id, kind: 'individual', state: 'CA', timeZone: 'America/Los_Angeles', start: free.slots.at(-1)!.start, name: 'Jamie', email: 'jamie.booking@example.com', safety: 'yes', consentToContact: true }),
    });
    expect(afraid.status).toBe(201);
    expect(((await afraid.json()) as { showSafetyResources: boolean }).showSafetyResources).toBe(true);

    const { page } = dana;
    await page.goto(`${env.base}/practice`);
    await page.getByRole('heading', { name: 'Practice', level: 1 }).waitFor();
    const robin = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Robin', level: 3 }) });
    await robin.waitFor();
    const robinText = (await robin.textContent())!;
    expect(robinText).toContain('Couple');
    expect(robinText).toContain('We keep circling the same argument about trust.');
    expect(robinText).toContain('Alex');
    expect(await robin.getByRole('note').count()).toBe(0);
    const jamie = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Jamie', level: 3 }) });
    expect(await jamie.getByRole('note', { name: 'A note about safety' }).textContent()).toContain('afraid of your partner');
    await expectNoAxeViolations(page, 'practice: requests');

    await robin.getByRole('button', { name: 'Accept' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Accepted. Robin has been told.' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Robin', level: 3 }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Accepted consultations' }).textContent()).toContain('Robin');
    await expectNoAxeViolations(page, 'practice: after accepting');
    expect(dana.errors).toEqual([]);
  });

  it('shows the visitor "Accepted" on the private link, and moves and cancels from it', async () => {
    const { page } = visitor;
    await page.goto(manageUrl);
    await page.getByRole('heading', { name: 'Your consultation', level: 1 }).waitFor();
    const summary = page.getByRole('region', { name: 'Consultation with Willow Street Counselling' });
    await summary.getByText('Accepted', { exact: true }).waitFor();
    expect(await summary.textContent()).toContain('Dana Reyes has accepted.');
    await expectNoAxeViolations(page, 'private link: accepted');

    // Another time of the same therapist, by keyboard.
    await page.getByRole('button', { name: 'Choose another time' }).focus();
    await page.keyboard.press('Enter');
    await expectFocusedHeading(page, 'Another time with Dana Reyes');
    const day = page.getByRole('radiogroup').nth(1);
    await day.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    const newLabel = (await day.getByRole('radio', { checked: true }).getAttribute('aria-label'))!;
    await expectNoAxeViolations(page, 'private link: choosing another time');
    await page.getByRole('button', { name: 'Move my consultation' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `Moved to ${newLabel}.` }).waitFor();
    expect(await summary.textContent()).toContain(`${newLabel} with Dana Reyes`);

    // Cancelling asks first.
    await page.getByRole('button', { name: 'Cancel this consultation' }).focus();
    await page.keyboard.press('Enter');
    await expectFocusedHeading(page, 'Cancel this consultation?');
    await expectNoAxeViolations(page, 'private link: confirm cancelling');
    await page.getByRole('button', { name: 'Yes, cancel it' }).focus();
    await page.keyboard.press('Enter');
    await summary.getByText('Cancelled', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Cancel this consultation' }).count()).toBe(0);
    await page.reload();
    await page.getByRole('region', { name: 'Consultation with Willow Street Counselling' }).getByText('Cancelled', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'private link: cancelled');
    expect(visitor.errors).toEqual([]);
  });
});
