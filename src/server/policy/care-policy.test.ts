/**
 * `policy.care` (docs/decisions/026) for every Care operation against every kind of actor, with a
 * fake RelationFacts that says who holds which role in which practice. 200: allowed; 401: signed
 * out; 404: refused without revealing that the practice's item exists.
 */
import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../http/problem.ts';
import type { Actor } from './actor.ts';
import { Policy, type BookingFacts, type RelationFacts } from './index.ts';

const PRACTICE = 'practice-willow';
const OTHER_PRACTICE = 'practice-elsewhere';
const user = (userId: string): Actor => ({ kind: 'user', userId, sessionId: `s-${userId}`, emailVerified: true });

/** Who is a member of which practice, and as what. */
const roles: Record<string, Record<string, string>> = {
  [PRACTICE]: { 'owner-id': 'owner', 'dana-id': 'therapist', 'sam-id': 'therapist' },
  [OTHER_PRACTICE]: { 'other-owner-id': 'owner', 'lee-id': 'therapist' },
};
const facts: RelationFacts = {
  relationTo: async () => 'stranger',
  activeCouple: async () => undefined,
  practiceRole: async (actor, practiceId) => (actor.kind === 'user' ? roles[practiceId]?.[actor.userId] : undefined),
};
const policy = new Policy(facts);

/** The booking: Dana's, at Willow Street. */
const bookingFacts = (hasLink: boolean): BookingFacts => ({ practiceId: PRACTICE, therapistUserId: 'dana-id', linkVerified: hasLink });

interface Who {
  actor: Actor;
  /** Carries the booking's private link (and it matched). */
  hasLink: boolean;
}
const ACTORS = {
  /** The client, signed out, with the private link from their email. */
  client: { actor: { kind: 'anonymous' }, hasLink: true },
  /** The client's partner: signed in, without the link. */
  partner: { actor: user('partner-id'), hasLink: false },
  /** The therapist the booking is assigned to. */
  assigned: { actor: user('dana-id'), hasLink: false },
  /** The practice's other therapist. */
  otherTherapist: { actor: user('sam-id'), hasLink: false },
  /** A therapist of another practice. */
  otherPracticeTherapist: { actor: user('lee-id'), hasLink: false },
  owner: { actor: user('owner-id'), hasLink: false },
  stranger: { actor: user('stranger-id'), hasLink: false },
  visitor: { actor: { kind: 'anonymous' }, hasLink: false },
  system: { actor: { kind: 'system', job: 'reminders-minute' }, hasLink: false },
} satisfies Record<string, Who>;
type ActorName = keyof typeof ACTORS;

async function status(run: () => unknown): Promise<number> {
  try {
    return (await run()) === LEFT_OUT ? 404 : 200;
  } catch (err) {
    if (err instanceof HttpProblem) return err.status;
    throw err;
  }
}

/** A list leaves out what the actor may not see (no error: the booking is just not there). */
const LEFT_OUT = Symbol('left out of the list');

/** Each operation, as the service asks the policy. */
const OPERATIONS: Record<string, (w: Who) => unknown> = {
  'create a practice': (w) => policy.requireUser(w.actor),
  'set a session type': (w) => policy.care.managePractice(w.actor, PRACTICE),
  'add a therapist': (w) => policy.care.managePractice(w.actor, PRACTICE),
  'open the practice workspace': (w) => policy.care.memberOf(w.actor, PRACTICE),
  'view the booking / its calendar file by link': (w) => policy.care.booking(w.actor, 'read', bookingFacts(w.hasLink)),
  'cancel / reschedule by link': (w) => policy.care.booking(w.actor, 'update', bookingFacts(w.hasLink)),
  // The list keeps only the bookings whose relation is the assigned therapist's.
  'see it in my bookings list': async (w) => {
    policy.requireUser(w.actor);
    return (await policy.care.bookingRelation(w.actor, bookingFacts(false))) === 'practice-therapist' ? undefined : LEFT_OUT;
  },
  // A decision never carries the client's link.
  'accept or decline': (w) => policy.care.booking(w.actor, 'update', bookingFacts(false)),
  'delete the booking': (w) => policy.care.booking(w.actor, 'delete', bookingFacts(w.hasLink)),
  'send reminders': (w) => policy.care.remind(w.actor),
};

// operation → [client, partner, assigned, otherTherapist, otherPracticeTherapist, owner, stranger, visitor, system]
const ORDER: ActorName[] = ['client', 'partner', 'assigned', 'otherTherapist', 'otherPracticeTherapist', 'owner', 'stranger', 'visitor', 'system'];
const EXPECTED: Record<keyof typeof OPERATIONS, number[]> = {
  'create a practice': [401, 200, 200, 200, 200, 200, 200, 401, 401],
  'set a session type': [401, 404, 404, 404, 404, 200, 404, 401, 401],
  'add a therapist': [401, 404, 404, 404, 404, 200, 404, 401, 401],
  'open the practice workspace': [401, 404, 200, 200, 404, 200, 404, 401, 401],
  'view the booking / its calendar file by link': [200, 404, 200, 404, 404, 200, 404, 401, 404],
  'cancel / reschedule by link': [200, 404, 200, 404, 404, 404, 404, 401, 404],
  'see it in my bookings list': [401, 404, 200, 404, 404, 404, 404, 401, 401],
  'accept or decline': [401, 404, 200, 404, 404, 404, 404, 401, 404],
  'delete the booking': [404, 404, 404, 404, 404, 404, 404, 401, 404],
  'send reminders': [401, 404, 404, 404, 404, 404, 404, 401, 200],
};

describe('policy.care: every operation against every kind of actor', () => {
  for (const [operation, run] of Object.entries(OPERATIONS)) {
    for (const [i, name] of ORDER.entries()) {
      const expected = EXPECTED[operation]![i]!;
      it(`${operation}: ${name} → ${expected}`, async () => {
        expect(await status(() => run(ACTORS[name]))).toBe(expected);
      });
    }
  }

  it('covers every actor in every row', () => {
    for (const row of Object.values(EXPECTED)) expect(row).toHaveLength(ORDER.length);
    expect(Object.keys(ACTORS).sort()).toEqual([...ORDER].sort());
  });
});

describe('policy.care: the relation to a booking', () => {
  it('is the link holder’s whoever carries the link, signed in or not', async () => {
    expect(await policy.care.bookingRelation({ kind: 'anonymous' }, bookingFacts(true))).toBe('booking-link');
    expect(await policy.care.bookingRelation(user('partner-id'), bookingFacts(true))).toBe('booking-link');
  });

  it('tells the assigned therapist, the owner and everyone else apart', async () => {
    expect(await policy.care.bookingRelation(user('dana-id'), bookingFacts(false))).toBe('practice-therapist');
    expect(await policy.care.bookingRelation(user('owner-id'), bookingFacts(false))).toBe('practice-owner');
    expect(await policy.care.bookingRelation(user('sam-id'), bookingFacts(false))).toBe('stranger');
    // The owner of another practice is no one to this booking.
    expect(await policy.care.bookingRelation(user('other-owner-id'), bookingFacts(false))).toBe('stranger');
    expect(await policy.care.bookingRelation({ kind: 'anonymous' }, bookingFacts(false))).toBe('anonymous');
  });

  it('without relation facts for practices, no one manages a practice', async () => {
    const bare = new Policy({ relationTo: async () => 'stranger', activeCouple: async () => undefined });
    expect(await status(() => bare.care.managePractice(user('owner-id'), PRACTICE))).toBe(404);
    expect(await status(() => bare.care.booking(user('owner-id'), 'read', bookingFacts(false)))).toBe(404);
  });
});
