/**
 * policy.couple.deleteOwnArchive (docs/decisions/022) over fake relation facts: for every actor
 * kind, in a couple that is linked and in one that has ended.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { Policy, basicRelations, type RelationFacts } from './index.ts';

const user = (userId: string): Actor => ({ kind: 'user', userId, sessionId: 's', emailVerified: true });
const me = user('me');
const partner = user('partner');
const stranger = user('stranger');

/** Couple "ab" between me and partner, linked or ended; the stranger belongs to no couple. */
const facts = (active: boolean): RelationFacts => ({
  ...basicRelations,
  couplesOf: async (actor) => {
    if (actor.kind !== 'user') return [];
    if (actor.userId === 'me') return [{ coupleId: 'ab', partnerId: 'partner', active }];
    if (actor.userId === 'partner') return [{ coupleId: 'ab', partnerId: 'me', active }];
    return [];
  },
});

const outcome = (policy: Policy, actor: Actor, coupleId = 'ab') =>
  policy.couple.deleteOwnArchive(actor, coupleId).then(
    (r) => r,
    (err: { status: number; slug: string }) => `${err.status} ${err.slug}`,
  );

describe('policy: deleting my own part of an ended couple', () => {
  it('after unlinking: me and my former partner, each for their own part; a stranger 404; signed out and system 401', async () => {
    const policy = new Policy(facts(false));
    expect(await outcome(policy, me)).toEqual({ userId: 'me', formerPartnerId: 'partner' });
    expect(await outcome(policy, partner)).toEqual({ userId: 'partner', formerPartnerId: 'me' });
    expect(await outcome(policy, stranger)).toBe('404 not-found');
    expect(await outcome(policy, { kind: 'anonymous' })).toBe('401 unauthenticated');
    expect(await outcome(policy, { kind: 'system', job: 'cleanup' })).toBe('401 unauthenticated');
    expect(await outcome(policy, me, 'another-couple')).toBe('404 not-found');
  });

  it('while linked: me and my partner 409 couple-linked; a stranger 404; signed out 401', async () => {
    const policy = new Policy(facts(true));
    expect(await outcome(policy, me)).toBe('409 couple-linked');
    expect(await outcome(policy, partner)).toBe('409 couple-linked');
    expect(await outcome(policy, stranger)).toBe('404 not-found');
    expect(await outcome(policy, { kind: 'anonymous' })).toBe('401 unauthenticated');
  });

  it('without couple facts (no database) nobody has a couple to clear', async () => {
    expect(await outcome(new Policy(), me)).toBe('404 not-found');
  });
});
