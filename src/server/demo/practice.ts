/**
 * The demo practice: Willow Street Counselling (Chicago), its owner and two therapists — each an
 * account with two-factor on, as Care requires — licensed in different states (Texas and Oklahoma;
 * California and Oregon), with approaches, weekly availability in their own zones, the three
 * session types, and one accepted consultation from a couple in Texas. Everything goes through
 * the real API (sign-up, verification, two-factor enrolment, practice set-up, the public booking
 * request, the therapist's decision); only the cleanup of an earlier run reaches past it, because
 * an account with two-factor on cannot be signed in to without its authenticator.
 */
import { TOTP } from 'otpauth';
import { formatInZone } from '../../core/booking/index.ts';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { careRepo } from '../features/care/repo.ts';
import { Agent } from '../http/inject-agent.ts';
import type { DemoContext } from './seed.ts';

export const DEMO_PRACTICE = { name: 'Willow Street Counselling', slug: 'willow-street', timeZone: 'America/Chicago' } as const;
export const DEMO_PRACTICE_PASSWORD = 'demo passphrase for trellis';
export const DEMO_PRACTICE_OWNER = { email: 'demo-owner@trellis.local', name: 'Morgan', timeZone: 'America/Chicago' } as const;

const weekdays = (days: number[], start: string, end: string) => days.map((weekday) => ({ weekday, start, end }));

export const DEMO_THERAPISTS = [
  {
    email: 'demo-therapist-tx@trellis.local',
    name: 'Dana',
    displayName: 'Dana Reyes, LPC',
    bio: 'Dana works with couples finding their way back to trust, and with people who worry a lot in their relationships.',
    timeZone: 'America/Chicago',
    seesIndividuals: true,
    seesCouples: true,
    approaches: ['gottman', 'eft'],
    licences: [
      { state: 'TX', number: 'LPC 80412' },
      { state: 'OK', number: 'LPC 5521' },
    ],
    // Monday to Thursday 9–5, Friday mornings, Chicago time.
    windows: [...weekdays([1, 2, 3, 4], '09:00', '17:00'), ...weekdays([5], '09:00', '13:00')],
  },
  {
    email: 'demo-therapist-ca@trellis.local',
    name: 'Jordan',
    displayName: 'Jordan Ellis, LMFT',
    bio: 'Jordan sees individuals and couples, with a practical, skills-first approach.',
    timeZone: 'America/Los_Angeles',
    seesIndividuals: true,
    seesCouples: true,
    approaches: ['cbt', 'act', 'ifs'],
    licences: [
      { state: 'CA', number: 'LMFT 118204' },
      { state: 'OR', number: 'T1907' },
    ],
    // Tuesday to Friday 10–6, Saturday mornings, Los Angeles time.
    windows: [...weekdays([2, 3, 4, 5], '10:00', '18:00'), ...weekdays([6], '09:00', '12:00')],
  },
] as const;

/** The couple in Texas who booked a consultation (no account: booking needs none). */
export const DEMO_CLIENT = { name: 'Jamie', partnerName: 'Riley', email: 'demo-client@trellis.local', state: 'TX', timeZone: 'America/Chicago' } as const;

export const DEMO_SESSION_TYPES = {
  consultation: { durationMinutes: 20, bufferMinutes: 10, minNoticeMinutes: 120, horizonDays: 21 },
  individual: { durationMinutes: 50, bufferMinutes: 10, minNoticeMinutes: 24 * 60, horizonDays: 60 },
  couples: { durationMinutes: 80, bufferMinutes: 10, minNoticeMinutes: 24 * 60, horizonDays: 60 },
} as const;

export interface DemoTwoFactor {
  /** The base32 secret, for any authenticator app. */
  secret: string;
  totpURI: string;
  /** One of the ten one-time backup codes. */
  backupCode: string;
}

export interface DemoPracticeResult {
  name: string;
  slug: string;
  password: string;
  owner: { email: string } & DemoTwoFactor;
  therapists: Array<{ displayName: string; email: string; states: string[]; timeZone: string } & DemoTwoFactor>;
  consultation: { id: string; start: string; label: string; therapistName: string };
}

async function ok(res: { statusCode: number; body: string }, what: string): Promise<{ statusCode: number; body: string; json(): unknown }> {
  if (res.statusCode >= 300) throw new Error(`${what} failed with ${res.statusCode}: ${res.body.slice(0, 300)}`);
  return res as { statusCode: number; body: string; json(): unknown };
}

/** A current code for a base32 TOTP secret (what an authenticator app shows). */
export const totpNow = (secret: string, atMs = Date.now()) => new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: atMs });

/** Two-factor on, through better-auth's own endpoints: enable with the password, confirm with a code. */
async function enableTwoFactor(agent: Agent, password: string): Promise<DemoTwoFactor> {
  const enable = (await ok(await agent.post('/api/auth/two-factor/enable', { password }), 'two-factor enable')).json() as { totpURI: string; backupCodes: string[] };
  const secret = new URL(enable.totpURI).searchParams.get('secret')!;
  await ok(await agent.post('/api/auth/two-factor/verify-totp', { code: totpNow(secret) }), 'two-factor confirm');
  return { secret, totpURI: enable.totpURI, backupCode: enable.backupCodes[0]! };
}

/** An earlier run's practice and accounts go first (a practice's deletion cascades to its therapists and bookings). */
async function removeEarlier(ctx: AppContext): Promise<void> {
  const earlier = await careRepo.practiceBySlug(ctx.database.db, DEMO_PRACTICE.slug);
  if (earlier) await careRepo.deletePractice(ctx.database.db, earlier.id);
  const auth = await ctx.auth.$context;
  for (const email of [DEMO_PRACTICE_OWNER.email, ...DEMO_THERAPISTS.map((t) => t.email)]) {
    const found = await auth.internalAdapter.findUserByEmail(email);
    if (found) await auth.internalAdapter.deleteUser(found.user.id);
  }
}

export async function seedDemoPractice(app: FastifyInstance, demo: { baseUrl: string; ctx: AppContext; person: DemoContext['person']; now?: Date }): Promise<DemoPracticeResult> {
  const { ctx } = demo;
  const now = demo.now ?? new Date();
  await removeEarlier(ctx);
  const password = DEMO_PRACTICE_PASSWORD;
  // Licences current for two more years.
  const expiresOn = formatInZone(now.getTime() + 730 * 24 * 3600_000, DEMO_PRACTICE.timeZone).date;

  const owner = await demo.person({ ...DEMO_PRACTICE_OWNER, password });
  const ownerTwoFactor = await enableTwoFactor(owner.agent, password);
  const practice = (await ok(await owner.agent.post('/api/v1/practices', DEMO_PRACTICE), 'creating the demo practice')).json() as { id: string };
  for (const [kind, type] of Object.entries(DEMO_SESSION_TYPES)) {
    await ok(await owner.agent.put(`/api/v1/practices/${practice.id}/session-types/${kind}`, type), `session type ${kind}`);
  }

  const therapists: DemoPracticeResult['therapists'] = [];
  const agents: Array<{ agent: Agent; id: string }> = [];
  for (const t of DEMO_THERAPISTS) {
    const account = await demo.person({ email: t.email, password, name: t.name, timeZone: t.timeZone });
    const twoFactor = await enableTwoFactor(account.agent, password);
    const { email, displayName, bio, timeZone, seesIndividuals, seesCouples, approaches, licences, windows } = t;
    const added = (await ok(
      await owner.agent.post(`/api/v1/practices/${practice.id}/therapists`, {
        email,
        displayName,
        bio,
        timeZone,
        seesIndividuals,
        seesCouples,
        approaches,
        licences: licences.map((l) => ({ ...l, expiresOn })),
        windows,
      }),
      'adding a demo therapist',
    )).json() as { id: string };
    therapists.push({ displayName, email, states: licences.map((l) => l.state), timeZone, ...twoFactor });
    agents.push({ agent: account.agent, id: added.id });
  }

  // A couple in Texas books a consultation with Dana (licensed in Texas) two or more days ahead; Dana accepts.
  const dana = agents[0]!;
  const visitor = new Agent(app, demo.baseUrl);
  const slotsRes = (await ok(
    await visitor.get(`/api/v1/public/practices/${DEMO_PRACTICE.slug}/therapists/${dana.id}/slots?kind=couple&state=${DEMO_CLIENT.state}&timeZone=${encodeURIComponent(DEMO_CLIENT.timeZone)}`),
    'slots',
  )).json() as { slots: Array<{ start: string }> };
  const slot = slotsRes.slots.find((s) => Date.parse(s.start) >= now.getTime() + 2 * 24 * 3600_000) ?? slotsRes.slots.at(-1);
  if (!slot) throw new Error('The demo therapist has no free time to book.');
  const booked = (await ok(
    await visitor.post(`/api/v1/public/practices/${DEMO_PRACTICE.slug}/bookings`, {
      therapistId: dana.id,
      kind: 'couple',
      session: 'consultation',
      state: DEMO_CLIENT.state,
      timeZone: DEMO_CLIENT.timeZone,
      start: slot.start,
      name: DEMO_CLIENT.name,
      email: DEMO_CLIENT.email,
      partnerName: DEMO_CLIENT.partnerName,
      whatBrings: 'We have been arguing about phones and time apart, and we would like to feel like a team again.',
      safety: 'no',
      consentToContact: true,
    }),
    'booking the demo consultation',
  )).json() as { id: string; start: string; label: string; therapistName: string };
  await ok(await dana.agent.post(`/api/v1/practice/bookings/${booked.id}/decision`, { decision: 'accept' }), 'accepting the demo consultation');

  return {
    name: DEMO_PRACTICE.name,
    slug: DEMO_PRACTICE.slug,
    password,
    owner: { email: DEMO_PRACTICE_OWNER.email, ...ownerTwoFactor },
    therapists,
    consultation: { id: booked.id, start: booked.start, label: booked.label, therapistName: booked.therapistName },
  };
}
