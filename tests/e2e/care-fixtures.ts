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
