/**
 * policy.careSharing (docs/decisions/027) with a fake set of relation facts: every operation
 * against the client, her partner, her therapist (with and without the category, and after
 * leaving the practice), the practice's other therapist, another practice's therapist, the
 * practice's owner, a stranger, a background job and a signed-out visitor.
 */
import { describe, expect, it } from 'vitest';
import type { LinkFacts } from '../../core/care/consent.ts';
import { CARE_CATEGORIES } from '../../core/schemas/care-sharing.ts';
import { HttpProblem } from '../http/problem.ts';
import type { Actor } from './actor.ts';
import { Policy, basicRelations, type CareConsent, type CareLinkRef, type RelationFacts } from './index.ts';

const user = (userId: string): Actor => ({ kind: 'user', userId, sessionId: `s-${userId}`, emailVerified: true });
const actors = {
  client: user('cora'),
  partner: user('pete'),
  therapist: user('dana'),
  otherTherapist: user('sam'),
  otherPracticeTherapist: user('xena'),
  owner: user('olive'),
  stranger: user('stan'),
  system: { kind: 'system', job: 'reminders' } as Actor,
  anonymous: { kind: 'anonymous' } as Actor,
};

/** Who belongs to which practice, and in what role. */
function facts(members: Record<string, Record<string, string>>): RelationFacts {
  return { ...basicRelations, practiceRole: async (actor, practiceId) => (actor.kind === 'user' ? members[practiceId]?.[actor.userId] : undefined) };
}
const willow = { dana: 'therapist', sam: 'therapist', olive: 'owner' };
const policy = new Policy(facts({ willow, elm: { xena: 'therapist', quinn: 'owner' } }));
const link: CareLinkRef = { clientUserId: 'cora', therapistUserId: 'dana', practiceId: 'willow', status: 'active' };
const couple = (grants: LinkFacts['grants']): LinkFacts => ({ status: 'active', kind: 'couple', coupleId: 'c1', grants });
const consent: CareConsent = { mine: couple(['assessments', 'commitments', 'checkin-moods']), coupleNow: { coupleId: 'c1' }, partnerLink: couple(['commitments']) };

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (err) {
    if (err instanceof HttpProblem) return err.status;
    throw err;
  }
}

describe('policy.careSharing: the client’s own link', () => {
  it('lets only the client see, grant, revoke, end it and complete its homework', async () => {
    const expected: Record<keyof typeof actors, number> = {
      client: 200,
      partner: 404,
      therapist: 404,
      otherTherapist: 404,
      otherPracticeTherapist: 404,
      owner: 404,
      stranger: 404,
      system: 404,
      anonymous: 401,
    };
    for (const [who, actor] of Object.entries(actors) as Array<[keyof typeof actors, Actor]>) {
      expect(await status(policy.careSharing.client(actor, link)), who).toBe(expected[who]);
      expect(await status(policy.careSharing.completeHomework(actor, link)), who).toBe(expected[who]);
    }
  });

  it('gives every signed-in person their own access log, and the signed-out none', async () => {
    expect(await policy.careSharing.accessLog(actors.client)).toEqual({ userId: 'cora' });
    expect(await policy.careSharing.accessLog(actors.therapist)).toEqual({ userId: 'dana' });
    expect(await status(policy.careSharing.accessLog(actors.anonymous))).toBe(401);
    expect(await status(policy.careSharing.accessLog(actors.system))).toBe(401);
  });
});

describe('policy.careSharing: the therapist side', () => {
  it('lets only the link’s therapist, still in the practice, see the client and assign homework', async () => {
    const expected: Record<keyof typeof actors, number> = {
      client: 404,
      partner: 404,
      therapist: 200,
      otherTherapist: 404,
      otherPracticeTherapist: 404,
      owner: 404,
      stranger: 404,
      system: 401,
      anonymous: 401,
    };
    for (const [who, actor] of Object.entries(actors) as Array<[keyof typeof actors, Actor]>) {
      expect(await status(policy.careSharing.therapist(actor, link)), who).toBe(expected[who]);
      expect(await status(policy.careSharing.assignHomework(actor, link)), who).toBe(expected[who]);
      expect(await status(policy.careSharing.readable(actor, link, consent)), who).toBe(expected[who]);
    }
  });

  it('shows the therapist exactly the effective categories', async () => {
    expect(await policy.careSharing.readable(actors.therapist, link, consent)).toEqual(['assessments', 'commitments']);
    for (const c of CARE_CATEGORIES) {
      const relation = await policy.careSharing.therapistRelation(actors.therapist, link, consent, c);
      expect(relation, c).toBe(c === 'assessments' || c === 'commitments' ? 'therapist-with-share' : 'therapist-without-share');
      expect(await policy.careSharing.therapistRelation(actors.otherTherapist, link, consent, c)).toBe('stranger');
      expect(await policy.careSharing.therapistRelation(actors.owner, link, consent, c)).toBe('stranger');
      expect(await policy.careSharing.therapistRelation(actors.anonymous, link, consent, c)).toBe('anonymous');
      expect(await policy.careSharing.therapistRelation(actors.client, link, consent, c)).toBe('owner');
    }
  });

  it('takes it all away at once: revoked, the couple unlinked, the link ended, or the therapist gone from the practice', async () => {
    const revoked: CareConsent = { ...consent, partnerLink: couple([]) };
    expect(await policy.careSharing.readable(actors.therapist, link, revoked)).toEqual(['assessments']);
    const unlinked: CareConsent = { ...consent, coupleNow: undefined };
    expect(await policy.careSharing.readable(actors.therapist, link, unlinked)).toEqual(['assessments']);
    expect(await status(policy.careSharing.readable(actors.therapist, { ...link, status: 'ended' }, consent))).toBe(404);
    const gone = new Policy(facts({ willow: { sam: 'therapist', olive: 'owner' } }));
    expect(await status(gone.careSharing.therapist(actors.therapist, link))).toBe(404);
    expect(await gone.careSharing.therapistRelation(actors.therapist, link, consent, 'assessments')).toBe('stranger');
  });

  it('lets a therapist invite only as themselves, in a practice they belong to', async () => {
    const dana = { userId: 'dana', practiceId: 'willow' };
    expect(await status(policy.careSharing.invite(actors.therapist, dana))).toBe(200);
    expect(await status(policy.careSharing.invite(actors.otherTherapist, dana))).toBe(404);
    expect(await status(policy.careSharing.invite(actors.owner, dana))).toBe(404);
    expect(await status(policy.careSharing.invite(actors.stranger, dana))).toBe(404);
    expect(await status(policy.careSharing.invite(actors.anonymous, dana))).toBe(401);
    expect(await status(policy.careSharing.invite(actors.therapist, { userId: 'dana', practiceId: 'elm' }))).toBe(404);
  });
});
