import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../../http/problem.ts';
import { Policy, type Actor } from '../../policy/index.ts';

/*
 * "Export all my data" (docs/decisions/030): a person's export is theirs alone. My partner, my
 * former partner, a therapist I share with and a stranger are all told 404 for my export; the
 * signed-out 401; background jobs may not export anyone.
 */
const user = (id: string): Actor => ({ kind: 'user', userId: id, sessionId: `s-${id}`, emailVerified: true });
const status = async (p: Promise<void>): Promise<number> => {
  try {
    await p;
    return 200;
  } catch (err) {
    if (err instanceof HttpProblem) return err.status;
    throw err;
  }
};

describe('policy: export.read', () => {
  const policy = new Policy();
  it('lets me export my own data', async () => expect(await status(policy.export.read(user('me'), 'me'))).toBe(200));
  it.each([['my partner'], ['my former partner'], ['my therapist'], ['a stranger']])('tells %s 404 for mine', async (who) =>
    expect(await status(policy.export.read(user(who), 'me'))).toBe(404),
  );
  it('answers a signed-out visitor with 401', async () => expect(await status(policy.export.read({ kind: 'anonymous' }, 'me'))).toBe(401));
  it('does not let background jobs export anyone', async () => expect(await status(policy.export.read({ kind: 'system', job: 'reminders' }, 'me'))).toBe(404));
});
