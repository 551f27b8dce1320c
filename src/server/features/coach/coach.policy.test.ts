import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../../http/problem.ts';
import { Policy, type Actor } from '../../policy/index.ts';

/*
 * The coach reads no one's data: it analyses only what the caller sends, and stores nothing. So
 * every signed-in person may use it, whatever their relation to anyone (me, my partner, my former
 * partner, a stranger are all simply signed-in users here), and the signed-out get 401.
 */
const user = (id: string): Actor => ({ kind: 'user', userId: id, sessionId: `s-${id}`, emailVerified: true });
const status = (fn: () => void): number => {
  try {
    fn();
    return 200;
  } catch (err) {
    if (err instanceof HttpProblem) return err.status;
    throw err;
  }
};

describe('policy: coach.analyze', () => {
  const policy = new Policy();
  it.each([
    ['me', user('me')],
    ['my partner', user('partner')],
    ['my former partner', user('former')],
    ['a stranger', user('stranger')],
  ])('allows %s (signed in)', (_who, actor) => expect(status(() => policy.coach.analyze(actor))).toBe(200));
  it('answers a signed-out visitor with 401', () => expect(status(() => policy.coach.analyze({ kind: 'anonymous' }))).toBe(401));
  it('does not let background jobs analyse text', () => expect(status(() => policy.coach.analyze({ kind: 'system', job: 'reminders' }))).toBe(401));
});
