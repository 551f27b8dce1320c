import { describe, expect, it } from 'vitest';
import { Policy, type RelationFacts } from './index.ts';
import type { Actor } from './actor.ts';
import { HttpProblem } from '../http/problem.ts';
import type { Relation } from '../../core/visibility/rules.ts';
import { RELATIONS } from '../../core/visibility/rules.ts';

const owner: Actor = { kind: 'user', userId: 'owner-id', sessionId: 's1', emailVerified: true };
const other: Actor = { kind: 'user', userId: 'other-id', sessionId: 's2', emailVerified: true };

async function status(p: Promise<void>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (err) {
    if (err instanceof HttpProblem) return err.status;
    throw err;
  }
}

describe('policy: profile', () => {
  const policy = new Policy();

  it('lets the owner read and update their profile', async () => {
    expect(await status(policy.profile.read(owner, 'owner-id'))).toBe(200);
    expect(await status(policy.profile.update(owner, 'owner-id'))).toBe(200);
  });

  it('answers the signed-out with 401', async () => {
    expect(await status(policy.profile.read({ kind: 'anonymous' }, 'owner-id'))).toBe(401);
    expect(await status(policy.profile.update({ kind: 'anonymous' }, 'owner-id'))).toBe(401);
  });

  it('answers another account with 404, never revealing the profile exists', async () => {
    expect(await status(policy.profile.read(other, 'owner-id'))).toBe(404);
    expect(await status(policy.profile.update(other, 'owner-id'))).toBe(404);
  });

  it('denies system jobs a person\'s profile', async () => {
    expect(await status(policy.profile.read({ kind: 'system', job: 'reminders' }, 'owner-id'))).toBe(404);
  });

  // Every kind of actor the product will have, via a relation source that says what they are.
  for (const relation of RELATIONS) {
    it(`profile is visible to ${relation} only if owner`, async () => {
      const facts: RelationFacts = { relationTo: async () => relation as Relation, activeCouple: async () => undefined };
      const p = new Policy(facts);
      const allowed = relation === 'owner';
      expect(await p.can(other, 'read', { ownerId: 'owner-id', audience: 'private' })).toBe(allowed);
      expect(await p.can(other, 'update', { ownerId: 'owner-id', audience: 'private' })).toBe(allowed);
    });
  }

  it('requireUser refuses the signed-out', () => {
    expect(() => policy.requireUser({ kind: 'anonymous' })).toThrow(HttpProblem);
    expect(policy.requireUser(owner)).toBe(owner);
  });
});

describe('policy: private items (Reflect, check-ups, insights, guidance) are their owner\'s alone', () => {
  const policy = new Policy();
  const areas = ['journal', 'origins', 'urges', 'selfWorth', 'assessments', 'insights', 'guidance'] as const;
  const actions = ['create', 'read', 'list', 'update', 'delete'] as const;
  for (const area of areas) {
    for (const action of actions) {
      it(`${area}.${action}: owner 200, other account 404, signed out 401, system 404`, async () => {
        const rule = policy[area][action];
        expect(await status(rule(owner, 'owner-id'))).toBe(200);
        expect(await status(rule(other, 'owner-id'))).toBe(404);
        expect(await status(rule({ kind: 'anonymous' }, 'owner-id'))).toBe(401);
        expect(await status(rule({ kind: 'system', job: 'reminders' }, 'owner-id'))).toBe(404);
      });
    }
  }
});

describe('policy: couple items are written only into a couple that is linked now', () => {
  const facts = (active: string | undefined): RelationFacts => ({
    relationTo: async (actor, item) => (actor.kind === 'user' && actor.userId === item.ownerId ? 'owner' : actor.kind === 'anonymous' ? 'anonymous' : 'partner'),
    activeCouple: async () => (active ? { coupleId: active, partnerId: 'partner-id' } : undefined),
  });
  const mine = { ownerId: 'owner-id', coupleId: 'couple-1' };
  for (const action of ['create', 'update', 'delete'] as const) {
    it(`couple.${action}: allowed while linked, 409 in the archive, 404 for the partner, 401 signed out`, async () => {
      expect(await status(new Policy(facts('couple-1')).couple[action](owner, mine))).toBe(200);
      expect(await status(new Policy(facts(undefined)).couple[action](owner, mine))).toBe(409);
      expect(await status(new Policy(facts('couple-2')).couple[action](owner, mine))).toBe(409);
      expect(await status(new Policy(facts('couple-1')).couple[action](other, mine))).toBe(404);
      expect(await status(new Policy(facts('couple-1')).couple[action]({ kind: 'anonymous' }, mine))).toBe(401);
    });
  }
  it('couple.read: the partner may read', async () => {
    expect(await status(new Policy(facts('couple-1')).couple.read(other, mine))).toBe(200);
  });
});
