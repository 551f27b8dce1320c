/**
 * Daylight saving through the whole stack, on PGlite and PostgreSQL: a Chicago therapist's
 * 09:00–11:00 window across the 14 March 2027 change, booked by clients in Phoenix (no daylight
 * saving) and Honolulu. The service runs with its clock set to early March 2027; bookings go
 * through the real database, exclusion constraint included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../policy/index.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { engineName } from '../../testing/test-db.ts';
import { addTherapist, createPractice, twoFactorAccount } from './care-fixture.ts';
import { CareService } from './service.ts';

const NOW = Date.parse('2027-03-10T12:00:00Z'); // Wednesday; the clocks go forward on Sunday the 14th
const visitor: Actor = { kind: 'anonymous' };

let t: TestApp;
let care: CareService;
let slug: string;
let danaId: string;

beforeAll(async () => {
  t = await createTestApp();
  const ctx = t.ctx;
  care = new CareService({ db: ctx.database.db, policy: ctx.policy, serverKey: ctx.serverKey, mailer: ctx.mailer, baseUrl: ctx.config.baseUrl, now: () => NOW });
  const owner = await twoFactorAccount(t, 'Olive');
  const dana = await twoFactorAccount(t, 'Dana');
  slug = `dst-${Date.now().toString(36)}`;
  const practiceId = await createPractice(owner, { name: 'Willow Street Counselling', slug, timeZone: 'America/Chicago' });
  danaId = await addTherapist(owner, practiceId, dana, {
    displayName: 'Dana Reyes',
    licences: [{ state: 'TX', expiresOn: '2099-12-31' }],
    windows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '11:00' })),
  });
});
afterAll(() => t.close());

const q = (timeZone: string) => ({ kind: 'couple' as const, state: 'TX', timeZone, session: 'consultation' as const });

describe(`slots across a daylight-saving change (${engineName()})`, () => {
  it('keeps the therapist’s 09:00 as wall time: 15:00Z before the change, 14:00Z after', async () => {
    const { slots } = await care.slots(slug, danaId, q('America/Chicago'));
    const nineOClock = slots.filter((s) => s.time === '09:00').map((s) => s.start);
    expect(nineOClock).toContain('2027-03-13T15:00:00.000Z'); // Saturday, CST
    expect(nineOClock).toContain('2027-03-14T14:00:00.000Z'); // Sunday, CDT
    expect(nineOClock).toContain('2027-03-15T14:00:00.000Z');
    expect(slots.every((s) => s.time >= '09:00' && s.time < '11:00')).toBe(true);
  });

  it('labels the same instants for a client in Phoenix, whose clock does not move: 08:00, then 07:00', async () => {
    const chicago = await care.slots(slug, danaId, q('America/Chicago'));
    const phoenix = await care.slots(slug, danaId, q('America/Phoenix'));
    expect(phoenix.slots.map((s) => s.start)).toEqual(chicago.slots.map((s) => s.start));
    const at = (start: string) => phoenix.slots.find((s) => s.start === start)!;
    expect(at('2027-03-13T15:00:00.000Z')).toMatchObject({ date: '2027-03-13', time: '08:00' });
    expect(at('2027-03-14T14:00:00.000Z')).toMatchObject({ date: '2027-03-14', time: '07:00' });
    expect(at('2027-03-14T14:00:00.000Z').label).toMatch(/MST/);
    const honolulu = await care.slots(slug, danaId, q('Pacific/Honolulu'));
    expect(honolulu.slots.find((s) => s.start === '2027-03-14T14:00:00.000Z')).toMatchObject({ time: '04:00' });
  });

  it('books the first time after the change, and never the same instant twice', async () => {
    const body = {
      therapistId: danaId,
      kind: 'couple' as const,
      session: 'consultation' as const,
      state: 'TX',
      timeZone: 'America/Phoenix',
      start: '2027-03-14T14:00:00.000Z',
      name: 'Robin',
      email: 'robin.dst@example.com',
      whatBrings: '',
      partnerName: 'Alex',
      safety: 'no' as const,
      consentToContact: true as const,
    };
    const first = await care.book(slug, body);
    expect(first).toMatchObject({ status: 'requested', start: '2027-03-14T14:00:00.000Z' });
    expect(first.label).toMatch(/7:00\sAM MST/);
    await expect(care.book(slug, { ...body, email: 'other.dst@example.com' })).rejects.toMatchObject({ status: 409 });
    const view = await care.viewByToken(visitor, first.manageUrl.split('/').at(-1)!);
    expect(view).toMatchObject({ status: 'requested', timeZone: 'America/Phoenix' });
    const after = await care.slots(slug, danaId, q('America/Chicago'));
    expect(after.slots.map((s) => s.start)).not.toContain('2027-03-14T14:00:00.000Z');
  });
});
