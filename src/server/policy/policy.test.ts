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
      const facts: RelationFacts = { relationTo: async () => relation as Relation };
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
