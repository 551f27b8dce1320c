/**
 * Fills a Trellis database with a demo person through the real HTTP API, in-process: sign-up, the
 * real verification link, sign-in, then 18 months of history. Nothing goes around validation,
 * policy or encryption. Running it again replaces the demo person with a fresh one.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { Agent } from '../http/inject-agent.ts';
import { DEMO_MONTHS, demoHistory } from './history.ts';

export const DEMO_ACCOUNT = {
  email: 'demo@trellis.local',
  password: 'demo passphrase for trellis',
  name: 'Avery',
  timeZone: 'America/Chicago',
  usState: 'IL',
} as const;

export interface DemoOptions {
  baseUrl: string;
  /** The verification link mailed to `email` (from the dev outbox, or a test's SMTP server). */
  verificationLink(email: string, after: Date): Promise<string>;
  now?: Date;
  /** How much history (default 18 months). */
  months?: number;
  /** Extra writes after the Reflect history (check-ups, the demo couple), one per area. */
  extras?: Array<(demo: DemoContext) => Promise<void>>;
  /** The app's context, for extras that backdate through services (a clock the API does not take). */
  ctx?: AppContext;
}

/** What an extra gets: the signed-in demo person, and a way to make more demo people. */
export interface DemoContext {
  agent: Agent;
  userId: string;
  now: Date;
  months: number;
  ctx?: AppContext;
  /** A verified, signed-in account (an earlier one with the same email is deleted first). */
  person(account: { email: string; password: string; name: string; timeZone: string }): Promise<{ agent: Agent; userId: string }>;
}

export interface DemoResult {
  email: string;
  password: string;
  counts: { entries: number; urges: number; selfWorth: number; origins: number };
}

async function ok(res: { statusCode: number; body: string }, what: string): Promise<void> {
  if (res.statusCode >= 300) throw new Error(`${what} failed with ${res.statusCode}: ${res.body.slice(0, 300)}`);
}

/** Makes demo people: a verified, signed-in account (an earlier one with the same email and password is deleted first). */
export function demoPeople(app: FastifyInstance, opts: Pick<DemoOptions, 'baseUrl' | 'verificationLink'>): DemoContext['person'] {
  return async (account) => {
    // A demo person from an earlier run is deleted first (their data key with them).
    const previous = new Agent(app, opts.baseUrl);
    if ((await previous.post('/api/auth/sign-in/email', { email: account.email, password: account.password })).statusCode === 200) {
      await ok(await previous.post('/api/auth/delete-user', { password: account.password }), 'deleting an earlier demo person');
    }
    const agent = new Agent(app, opts.baseUrl);
    const startedAt = new Date();
    await ok(await agent.post('/api/auth/sign-up/email', { email: account.email, password: account.password, name: account.name }), 'sign-up');
    const link = new URL(await opts.verificationLink(account.email, startedAt));
    const verify = await agent.get(link.pathname + link.search);
    if (verify.statusCode >= 400) throw new Error(`verification failed with ${verify.statusCode}`);
    const signIn = await agent.post('/api/auth/sign-in/email', { email: account.email, password: account.password });
    await ok(signIn, 'sign-in');
    await ok(await agent.patch('/api/v1/profile', { timeZone: account.timeZone }), 'profile');
    return { agent, userId: (signIn.json() as { user: { id: string } }).user.id };
  };
}

export async function seedDemo(app: FastifyInstance, opts: DemoOptions): Promise<DemoResult> {
  const now = opts.now ?? new Date();
  const { email, password, name } = DEMO_ACCOUNT;
  const person = demoPeople(app, opts);

  const { agent, userId } = await person({ email, password, name, timeZone: DEMO_ACCOUNT.timeZone });
  await ok(await agent.patch('/api/v1/profile', { usState: DEMO_ACCOUNT.usState }), 'profile');

  const history = demoHistory({ now, timeZone: DEMO_ACCOUNT.timeZone, months: opts.months });
  for (const entry of history.entries) await ok(await agent.post('/api/v1/journal/entries', entry), 'journal entry');
  for (const urge of history.urges) await ok(await agent.post('/api/v1/urges', urge), 'urge');
  for (const item of history.selfWorth) await ok(await agent.post('/api/v1/self-worth', item), 'self-worth item');
  await ok(
    await agent.post('/api/v1/origins', {
      roots: [{ root: 'past_betrayal', resonates: true, notes: 'An earlier partner kept a second relationship secret for a year.' }],
    }),
    'origins',
  );
  await ok(
    await agent.post('/api/v1/origins', {
      roots: [
        { root: 'past_betrayal', resonates: true, notes: 'An earlier partner kept a second relationship secret for a year.' },
        { root: 'family_childhood', resonates: true, notes: 'Dad often promised to come and then did not.' },
      ],
    }),
    'origins',
  );
  for (const extra of opts.extras ?? []) await extra({ agent, userId, now, months: opts.months ?? DEMO_MONTHS, ctx: opts.ctx, person });

  return { email, password, counts: { entries: history.entries.length, urges: history.urges.length, selfWorth: history.selfWorth.length, origins: 2 } };
}
