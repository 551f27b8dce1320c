/**
 * A practice with its owner and therapists, set up through the real API (two-factor accounts,
 * session types, licences, availability), for tests of the Care features.
 */
import { createTestApp, enableTwoFactor, type Agent, type TestApp } from './test-app.ts';

export { createTestApp };

export interface Person {
  agent: Agent;
  email: string;
  password: string;
  userId: string;
}
export interface TherapistPerson extends Person {
  therapistId: string;
}

export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '20:00' }));
export const FAR_FUTURE = '2099-12-31';

export interface TherapistSpec {
  /** The account's name (sign-up). */
  name: string;
  displayName: string;
  timeZone?: string;
  seesIndividuals?: boolean;
  seesCouples?: boolean;
  approaches?: string[];
  licences?: Array<{ state: string; number?: string; expiresOn: string }>;
  windows?: Array<{ weekday: number; start: string; end: string }>;
}

export interface PracticeSpec {
  name: string;
  ownerName?: string;
  slug?: string;
  timeZone?: string;
  consultation?: { durationMinutes: number; bufferMinutes?: number; minNoticeMinutes?: number; horizonDays: number };
  therapists: TherapistSpec[];
}

export interface Practice {
  id: string;
  slug: string;
  owner: Person;
  /** In the order given. */
  therapists: TherapistPerson[];
}

/** A verified, signed-in account with two-factor on. */
export async function twoFactorPerson(t: TestApp, name: string): Promise<Person> {
  const p = await t.signUpVerified({ name });
  await enableTwoFactor(p.agent, p.password);
  return p;
}

/** Creates a practice through the API: its owner (two-factor on), the consultation session type, and its therapists. */
export async function setUpPractice(t: TestApp, spec: PracticeSpec): Promise<Practice> {
  const owner = await twoFactorPerson(t, spec.ownerName ?? 'Olive');
  const slug = spec.slug ?? `practice-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const created = await owner.agent.post('/api/v1/practices', { name: spec.name, slug, timeZone: spec.timeZone ?? 'America/Chicago' });
  if (created.statusCode !== 201) throw new Error(`practice not created: ${created.statusCode} ${created.body}`);
  const id = (created.json() as { id: string }).id;
  const type = await owner.agent.put(`/api/v1/practices/${id}/session-types/consultation`, spec.consultation ?? { durationMinutes: 20, bufferMinutes: 10, minNoticeMinutes: 60, horizonDays: 14 });
  if (type.statusCode !== 200) throw new Error(`session type not set: ${type.statusCode} ${type.body}`);
  const therapists: TherapistPerson[] = [];
  for (const s of spec.therapists) {
    const person = await twoFactorPerson(t, s.name);
    const added = await owner.agent.post(`/api/v1/practices/${id}/therapists`, {
      email: person.email,
      displayName: s.displayName,
      timeZone: s.timeZone ?? 'America/Chicago',
      seesIndividuals: s.seesIndividuals ?? true,
      seesCouples: s.seesCouples ?? true,
      approaches: s.approaches ?? [],
      licences: s.licences ?? [{ state: 'TX', expiresOn: FAR_FUTURE }],
      windows: s.windows ?? EVERY_DAY,
    });
    if (added.statusCode !== 201) throw new Error(`therapist not added: ${added.statusCode} ${added.body}`);
    therapists.push({ ...person, therapistId: (added.json() as { id: string }).id });
  }
  return { id, slug, owner, therapists };
}
