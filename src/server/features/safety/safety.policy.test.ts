import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../../http/problem.ts';
import { Policy, type Actor } from '../../policy/index.ts';

/*
 * The emergency reset is a signed-in person's, on themselves only: the policy answers with the
 * actor's own id and session (there is no way to name anyone else); signed out, or background
 * work, 401.
 */
const statusOf = (fn: () => unknown): number => {
  try {
    fn();
    return 200;
  } catch (err) {
    if (err instanceof HttpProblem) return err.status;
    throw err;
  }
};

describe('policy: safety.reset', () => {
  const policy = new Policy();
  it('gives a signed-in person their own id and the session that stays', () => {
    const me: Actor = { kind: 'user', userId: 'u-1', sessionId: 's-1', emailVerified: true };
    expect(policy.safety.reset(me)).toEqual({ userId: 'u-1', sessionId: 's-1' });
  });
  it('answers a signed-out visitor with 401', () => expect(statusOf(() => policy.safety.reset({ kind: 'anonymous' }))).toBe(401));
  it('does not let background jobs reset anyone', () => expect(statusOf(() => policy.safety.reset({ kind: 'system', job: 'reminders' }))).toBe(401));
});
