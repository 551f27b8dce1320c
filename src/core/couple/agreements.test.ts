import { describe, expect, it } from 'vitest';
import { activeVersion, agreementState, checkAccept, latestVersion, nextVersionNumber, reviewStatus, AGREEMENT_TOPICS } from './agreements.ts';

const members = { me: 'a', partner: 'b' };

describe('agreement versions', () => {
  it('a version is active only when both partners accepted that exact version', () => {
    const proposed = [{ number: 1, acceptedBy: ['a'] }];
    expect(activeVersion(proposed, members)).toBeUndefined();
    expect(agreementState(proposed, members)).toBe('waiting-for-partner');
    expect(agreementState(proposed, { me: 'b', partner: 'a' })).toBe('waiting-for-me');

    const accepted = [{ number: 1, acceptedBy: ['a', 'b'] }];
    expect(activeVersion(accepted, members)?.number).toBe(1);
    expect(agreementState(accepted, members)).toBe('active');
  });

  it('an edit is pending until both accept it, while the older accepted version stays in force', () => {
    const versions = [
      { number: 1, acceptedBy: ['a', 'b'] },
      { number: 2, acceptedBy: ['b'] },
    ];
    expect(activeVersion(versions, members)?.number).toBe(1);
    expect(latestVersion(versions)?.number).toBe(2);
    expect(agreementState(versions, members)).toBe('waiting-for-me');
    expect(agreementState(versions, { me: 'b', partner: 'a' })).toBe('waiting-for-partner');
    const both = [versions[0]!, { number: 2, acceptedBy: ['b', 'a'] }];
    expect(activeVersion(both, members)?.number).toBe(2);
    expect(agreementState(both, members)).toBe('active');
  });

  it('acceptances by someone outside the couple, or with no partner left, never make a version active', () => {
    expect(activeVersion([{ number: 1, acceptedBy: ['a', 'x'] }], members)).toBeUndefined();
    expect(activeVersion([{ number: 1, acceptedBy: ['a'] }], { me: 'a', partner: null })).toBeUndefined();
  });

  it('only the latest version can be accepted; accepting it again is noticed', () => {
    const versions = [
      { number: 1, acceptedBy: ['a'] },
      { number: 2, acceptedBy: ['a'] },
    ];
    expect(checkAccept(versions, 1, 'b')).toEqual({ ok: false, reason: 'stale-version' });
    expect(checkAccept(versions, 3, 'b')).toEqual({ ok: false, reason: 'no-such-version' });
    expect(checkAccept(versions, 2, 'b')).toEqual({ ok: true, already: false });
    expect(checkAccept(versions, 2, 'a')).toEqual({ ok: true, already: true });
    expect(nextVersionNumber(versions)).toBe(3);
    expect(nextVersionNumber([])).toBe(1);
  });

  it('an agreement with no versions is a programming error', () => {
    expect(() => agreementState([], members)).toThrow(RangeError);
  });
});

describe('review dates', () => {
  it('is due on the review day and after it, scheduled before, none without a date', () => {
    expect(reviewStatus(null, '2026-12-01')).toBe('none');
    expect(reviewStatus('2026-12-02', '2026-12-01')).toBe('scheduled');
    expect(reviewStatus('2026-12-01', '2026-12-01')).toBe('due');
    expect(reviewStatus('2026-11-30', '2026-12-01')).toBe('due');
  });

  it('has the nine topics', () => {
    expect(AGREEMENT_TOPICS).toEqual(['phones', 'social_media', 'friendships', 'money', 'time_apart', 'exes', 'family', 'intimacy', 'other']);
  });
});
