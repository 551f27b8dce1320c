/**
 * The `conversations` and `apologies` rule sets against every relation the product knows, from
 * a relation source that says what each actor is (the database version is talk-policy.int.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { RELATIONS, type Relation } from '../../../core/visibility/rules.ts';
import { Policy, type Actor, type RelationFacts } from '../../policy/index.ts';

const COUPLE = '00000000-0000-4000-8000-000000000001';
const owner: Actor = { kind: 'user', userId: 'owner-id', sessionId: 's1', emailVerified: true };
const otherUser: Actor = { kind: 'user', userId: 'other-id', sessionId: 's2', emailVerified: true };
const other = otherUser;

/** A policy where `other` relates to every item as `relation`, and is linked in COUPLE only when `linked`. */
function policyFor(relation: Relation, linked: boolean) {
  const facts: RelationFacts = {
    relationTo: async (actor, item) => (actor.kind === 'anonymous' ? 'anonymous' : actor.kind === 'user' && actor.userId === item.ownerId ? 'owner' : relation),
    activeCouple: async () => (linked ? { coupleId: COUPLE, partnerId: 'owner-id' } : undefined),
    couplesOf: async () => [{ coupleId: COUPLE, partnerId: 'owner-id', active: linked }],
  };
  return new Policy(facts);
}
const status = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: { status: number }) => e.status,
  );

describe('policy: conversations and apologies, every relation', () => {
  for (const relation of RELATIONS) {
    it(`a couple conversation and a sent apology, for ${relation}`, async () => {
      const p = policyFor(relation, true);
      const other: Actor = relation === 'anonymous' ? { kind: 'anonymous' } : otherUser;
      const item = { ownerId: 'owner-id', coupleId: COUPLE };
      const readable = relation === 'owner' || relation === 'partner' || relation === 'former-partner';
      const expectRead = relation === 'anonymous' ? 401 : readable ? 200 : 404;
      expect(await status(p.conversations.read(other, item))).toBe(expectRead);
      expect(await p.conversations.canRead(other, item)).toBe(readable);
      expect(await status(p.apologies.read(other, { ...item, sent: true }))).toBe(expectRead);
      // Kept private: the owner's alone.
      expect(await status(p.apologies.read(other, { ...item, sent: false }))).toBe(relation === 'owner' ? 200 : relation === 'anonymous' ? 401 : 404);
      // Practice alone: the owner's alone.
      expect(await p.conversations.canRead(other, { ownerId: 'owner-id', coupleId: null })).toBe(relation === 'owner');
      expect(await p.conversations.canAct(other, { ownerId: 'owner-id', coupleId: null })).toBe(relation === 'owner');
    });
  }

  it('lets a linked member take part and tells an unlinked one the couple is archived', async () => {
    const item = { ownerId: 'owner-id', coupleId: COUPLE };
    expect(await status(policyFor('partner', true).conversations.act(other, item))).toBe(200);
    expect(await status(policyFor('former-partner', false).conversations.act(other, item))).toBe(409);
    expect(await policyFor('former-partner', false).conversations.canAct(other, item)).toBe(false);
    expect(await status(policyFor('stranger', true).conversations.act(other, item))).toBe(404);
    expect(await status(policyFor('owner', false).apologies.send(owner, item))).toBe(409);
    expect(await status(policyFor('owner', true).apologies.send(owner, item))).toBe(200);
  });

  it('refuses system jobs and the signed-out everything', async () => {
    const p = policyFor('stranger', true);
    const system: Actor = { kind: 'system', job: 'reminders' };
    const item = { ownerId: 'owner-id', coupleId: COUPLE };
    expect(await status(new Policy().conversations.read(system, { ownerId: 'owner-id', coupleId: null }))).toBe(404);
    expect(await status(p.conversations.start({ kind: 'anonymous' }, item))).toBe(401);
    expect(await status(p.apologies.create({ kind: 'anonymous' }, 'owner-id'))).toBe(401);
    expect(await status(p.apologies.delete(other, 'owner-id'))).toBe(404);
  });
});
