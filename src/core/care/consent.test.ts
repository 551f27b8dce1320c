import { describe, expect, it } from 'vitest';
import { CARE_CATEGORIES, COUPLE_CATEGORIES, type CareCategory } from '../schemas/care-sharing.ts';
import { accessLogTargets, effectiveCategories, grantable, isCoupleCategory, ordered, partnerGrantsShown, type LinkFacts } from './consent.ts';

const link = (over: Partial<LinkFacts> = {}): LinkFacts => ({ status: 'active', kind: 'couple', coupleId: 'c1', grants: [], ...over });

describe('effective categories', () => {
  it('shows a client’s own categories while the link is active and they grant them', () => {
    expect(effectiveCategories(link({ kind: 'individual', coupleId: null, grants: ['therapy-entries', 'assessments'] }), undefined, undefined)).toEqual(['assessments', 'therapy-entries']);
    expect(effectiveCategories(link({ status: 'ended', grants: ['assessments'] }), { coupleId: 'c1' }, undefined)).toEqual([]);
  });

  it('needs both partners, linked now in the couple the links were made in, for couple categories', () => {
    const both = effectiveCategories(link({ grants: ['commitments', 'checkin-moods'] }), { coupleId: 'c1' }, link({ grants: ['commitments'] }));
    expect(both).toEqual(['commitments']);
    // Unlinked (no couple now), or re-linked into another couple: nothing of the couple's.
    expect(effectiveCategories(link({ grants: ['commitments'] }), undefined, link({ grants: ['commitments'] }))).toEqual([]);
    expect(effectiveCategories(link({ grants: ['commitments'] }), { coupleId: 'c2' }, link({ grants: ['commitments'] }))).toEqual([]);
    // The partner has no link, or has ended theirs.
    expect(effectiveCategories(link({ grants: ['commitments'] }), { coupleId: 'c1' }, undefined)).toEqual([]);
    expect(effectiveCategories(link({ grants: ['commitments'] }), { coupleId: 'c1' }, link({ status: 'ended', grants: ['commitments'] }))).toEqual([]);
  });

  // Every combination, per category, against the rule written out plainly.
  const statuses = ['active', 'ended'] as const;
  const kinds = ['individual', 'couple'] as const;
  const couples = ['c1', 'c2', null] as const;
  const partners: Array<LinkFacts | undefined> = [undefined];
  for (const status of statuses) for (const kind of kinds) for (const coupleId of couples) for (const has of [false, true]) partners.push({ status, kind, coupleId, grants: has ? [...CARE_CATEGORIES] : [] });
  let cases = 0;
  it('agrees with the plain rule in every one of the combinations', () => {
    for (const category of CARE_CATEGORIES) {
      for (const status of statuses) for (const kind of kinds) for (const coupleId of couples) for (const has of [false, true]) {
        for (const coupleNow of [undefined, { coupleId: 'c1' }]) {
          for (const partner of partners) {
            const mine: LinkFacts = { status, kind, coupleId, grants: has ? [category] : [] };
            const got = effectiveCategories(mine, coupleNow, partner).includes(category);
            const ownOk = status === 'active' && has;
            const expected = COUPLE_CATEGORIES.includes(category as never)
              ? ownOk &&
                kind === 'couple' &&
                coupleNow !== undefined &&
                coupleId === coupleNow.coupleId &&
                partner !== undefined &&
                partner.status === 'active' &&
                partner.kind === 'couple' &&
                partner.coupleId === coupleNow.coupleId &&
                partner.grants.includes(category)
              : ownOk;
            expect(got, JSON.stringify({ category, mine, coupleNow, partner })).toBe(expected);
            cases++;
          }
        }
      }
    }
    expect(cases).toBe(5 * 2 * 2 * 3 * 2 * 2 * 25);
  });

  it('never shows what the client did not grant, whatever the partner grants', () => {
    for (let mask = 0; mask < 32; mask++) {
      const grants = CARE_CATEGORIES.filter((_, i) => mask & (1 << i));
      const got = effectiveCategories(link({ grants }), { coupleId: 'c1' }, link({ grants: [...CARE_CATEGORIES] }));
      expect(got).toEqual(grants);
      expect(got.every((c) => grants.includes(c))).toBe(true);
    }
  });
});

describe('the partner’s grants shown to a client', () => {
  it('are couple categories only, and only while both couple links are live in the couple linked now', () => {
    const partner = link({ grants: ['assessments', 'commitments', 'conversation-summaries'] });
    expect(partnerGrantsShown(link(), { coupleId: 'c1' }, partner)).toEqual(['commitments', 'conversation-summaries']);
    expect(partnerGrantsShown(link(), undefined, partner)).toEqual([]);
    expect(partnerGrantsShown(link({ kind: 'individual' }), { coupleId: 'c1' }, partner)).toEqual([]);
    expect(partnerGrantsShown(link(), { coupleId: 'c1' }, { ...partner, status: 'ended' })).toEqual([]);
    expect(partnerGrantsShown(link(), { coupleId: 'c1' }, undefined)).toEqual([]);
  });
});

describe('grantable and helpers', () => {
  it('lets couple categories be granted only on a couple link', () => {
    for (const c of CARE_CATEGORIES) {
      expect(grantable('couple', c)).toBe(true);
      expect(grantable('individual', c)).toBe(!isCoupleCategory(c));
    }
  });
  it('orders categories as shown and drops repeats', () => {
    expect(ordered(['therapy-entries', 'assessments', 'therapy-entries'] as CareCategory[])).toEqual(['assessments', 'therapy-entries']);
  });
  it('logs one row per category shown, and the partner too for couple data', () => {
    expect(accessLogTargets(['commitments', 'assessments'], 'a', 'b')).toEqual([
      { clientUserId: 'a', category: 'assessments' },
      { clientUserId: 'a', category: 'commitments' },
      { clientUserId: 'b', category: 'commitments' },
    ]);
    expect(accessLogTargets(['commitments'], 'a', null)).toEqual([{ clientUserId: 'a', category: 'commitments' }]);
    expect(accessLogTargets([], 'a', 'b')).toEqual([]);
  });
});
