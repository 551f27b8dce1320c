import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../http/problem.ts';
import { Policy, type RelationFacts } from '../policy/index.ts';
import type { Actor } from '../policy/actor.ts';
import type { Relation } from '../../core/visibility/rules.ts';

const asker: Actor = { kind: 'user', userId: 'asker', sessionId: 's', emailVerified: true };
const anonymous: Actor = { kind: 'anonymous' };
const system: Actor = { kind: 'system', job: 'reminders-minute' };

/** Relations as the database would report them, fixed per case (partner, former partner, stranger). */
const facts = (relation: Relation): RelationFacts => ({
  relationTo: async (actor, item) => (actor.kind === 'anonymous' ? 'anonymous' : actor.kind === 'user' && actor.userId === item.ownerId ? 'owner' : relation),
  activeCouple: async () => undefined,
});

async function status(run: () => Promise<void> | void): Promise<number> {
  try {
    await run();
    return 200;
  } catch (err) {
    if (err instanceof HttpProblem) return err.status;
    throw err;
  }
}

const ops = ['read', 'update', 'create', 'list', 'delete'] as const;

describe('policy: notifications (settings and push subscriptions are their owner’s alone)', () => {
  it.each(ops)('%s: the owner may', async (op) => {
    expect(await status(() => new Policy(facts('stranger')).notifications[op](asker, 'asker'))).toBe(200);
  });

  it.each([
    ['my partner', 'partner'],
    ['my former partner', 'former-partner'],
    ['a stranger', 'stranger'],
  ] as const)('%s may not (404) for any operation', async (_who, relation) => {
    const policy = new Policy(facts(relation));
    for (const op of ops) expect(await status(() => policy.notifications[op](asker, 'owner'))).toBe(404);
  });

  it('the signed-out get 401 for every operation', async () => {
    const policy = new Policy(facts('stranger'));
    for (const op of ops) expect(await status(() => policy.notifications[op](anonymous, 'owner'))).toBe(401);
  });

  it('deliver: only background work may notify someone; no person can, not even for themselves', async () => {
    for (const relation of ['partner', 'former-partner', 'stranger'] as const) {
      const policy = new Policy(facts(relation));
      expect(await status(() => policy.notifications.deliver(system, 'owner'))).toBe(200);
      expect(await status(() => policy.notifications.deliver(asker, 'owner'))).toBe(404);
      expect(await status(() => policy.notifications.deliver(asker, 'asker'))).toBe(404);
      expect(await status(() => policy.notifications.deliver(anonymous, 'owner'))).toBe(401);
    }
  });

  it('background work cannot read or change anyone’s settings', async () => {
    const policy = new Policy(facts('stranger'));
    for (const op of ops) expect(await status(() => policy.notifications[op](system, 'owner'))).toBe(404);
  });
});
