/** Set-up shared by the Care browser tests: a therapist's two-factor, and availability all day. */
import { TOTP } from 'otpauth';
import { expect } from 'vitest';
import { postJson, type WatchedPage } from './browser.ts';

/** Every day, nearly all day: a free time exists whenever the suite runs. */
export const ALL_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:40' }));

/** Turns on TOTP two-factor for the signed-in context, through the real endpoints. */
export async function enableTwoFactor(w: WatchedPage, password: string): Promise<void> {
  const enable = await postJson(w, '/api/auth/two-factor/enable', { password });
  expect(enable.status).toBe(200);
  const secret = new URL(String(enable.body.totpURI)).searchParams.get('secret')!;
  const code = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate();
  expect((await postJson(w, '/api/auth/two-factor/verify-totp', { code })).status).toBe(200);
}

/**
 * Willow Street Counselling with a free consultation type and its signed-in owner (`w`, two-factor
 * on) as therapist Dana Reyes, licensed in `licenceStates` and free all day: the public booking
 * page's slug. Shared by the booking, Lighthouse and web-vitals tests.
 */
export async function setUpWillowPractice(w: WatchedPage, base: string, email: string, opts: { slugPrefix: string; licenceStates?: string[] }): Promise<{ slug: string; practiceId: string }> {
  const slug = `${opts.slugPrefix}-${Date.now().toString(36)}`;
  const practice = await postJson(w, '/api/v1/practices', { name: 'Willow Street Counselling', slug, timeZone: 'America/Chicago' });
  expect(practice.status).toBe(201);
  const practiceId = String(practice.body.id);
  const session = await w.context.request.put(`${base}/api/v1/practices/${practiceId}/session-types/consultation`, {
    data: { durationMinutes: 30, bufferMinutes: 0, minNoticeMinutes: 60, horizonDays: 14 },
    headers: { origin: base },
  });
  expect(session.status()).toBe(200);
  const therapist = await postJson(w, `/api/v1/practices/${practiceId}/therapists`, {
    email,
    displayName: 'Dana Reyes',
    bio: 'I work with couples rebuilding trust after a hard season.',
    timeZone: 'America/Chicago',
    seesIndividuals: true,
    seesCouples: true,
    approaches: ['gottman', 'eft'],
    licences: (opts.licenceStates ?? ['TX']).map((state) => ({ state, expiresOn: '2099-12-31' })),
    windows: ALL_DAY,
  });
  expect(therapist.status).toBe(201);
  return { slug, practiceId };
}
