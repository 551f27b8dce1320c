/**
 * Consent by category (docs/decisions/027): what a therapist can see of a client now, worked out
 * from facts read at request time — never cached, so a revoke or an unlink counts at once.
 *
 * - The two individual categories (assessments, therapy entries) are the granter's own: effective
 *   while the link is active and the client grants them.
 * - The three couple categories are effective only while the couple is linked now, both partners
 *   have an active couple link made in THAT couple to the same therapist, and both grant it.
 *
 * @example
 *   effectiveCategories(
 *     { status: 'active', kind: 'couple', coupleId: 'c1', grants: ['commitments', 'assessments'] },
 *     { coupleId: 'c1' },
 *     { status: 'active', kind: 'couple', coupleId: 'c1', grants: ['commitments'] },
 *   ) // ['assessments', 'commitments']
 */
import { CARE_CATEGORIES, COUPLE_CATEGORIES, type CareCategory, type CareLinkKind } from '../schemas/care-sharing.ts';

export interface LinkFacts {
  status: 'active' | 'ended';
  kind: CareLinkKind;
  /** For a couple link: the couple it was made in. */
  coupleId: string | null;
  /** The client's active grants on this link. */
  grants: readonly CareCategory[];
}

/** The couple the client is linked in now, if any. */
export interface CoupleNow {
  coupleId: string;
}

export const isCoupleCategory = (c: CareCategory): boolean => (COUPLE_CATEGORIES as readonly CareCategory[]).includes(c);

/** Categories in the order they are shown, without repeats. */
export function ordered(categories: Iterable<CareCategory>): CareCategory[] {
  const set = new Set(categories);
  return CARE_CATEGORIES.filter((c) => set.has(c));
}

/** Whether this link, in the couple linked now, can carry couple data at all. */
function coupleLinkLive(link: LinkFacts | undefined, coupleNow: CoupleNow | undefined): boolean {
  return !!link && !!coupleNow && link.status === 'active' && link.kind === 'couple' && link.coupleId === coupleNow.coupleId;
}

/**
 * What the therapist can see through `mine` now. `partnerLink`: the client's current partner's
 * active link to the SAME therapist (undefined when there is none or the client is not linked).
 */
export function effectiveCategories(mine: LinkFacts, coupleNow: CoupleNow | undefined, partnerLink: LinkFacts | undefined): CareCategory[] {
  if (mine.status !== 'active') return [];
  const bothLive = coupleLinkLive(mine, coupleNow) && coupleLinkLive(partnerLink, coupleNow);
  return ordered(mine.grants.filter((c) => (isCoupleCategory(c) ? bothLive && partnerLink!.grants.includes(c) : true)));
}

/**
 * The partner's grants the client is shown on their link: couple categories only, and only when
 * the partner's link is to the same therapist in the couple linked now ([] otherwise).
 */
export function partnerGrantsShown(mine: LinkFacts, coupleNow: CoupleNow | undefined, partnerLink: LinkFacts | undefined): CareCategory[] {
  if (!coupleLinkLive(mine, coupleNow) || !coupleLinkLive(partnerLink, coupleNow)) return [];
  return ordered(partnerLink!.grants.filter(isCoupleCategory));
}

/** May this category be granted on a link of this kind? Couple data is shared only through a couple link. */
export function grantable(kind: CareLinkKind, category: CareCategory): boolean {
  return kind === 'couple' || !isCoupleCategory(category);
}

/**
 * The access-log rows one therapist view writes: one per category shown, for every client whose
 * data it shows — the client, and for couple categories also their partner.
 */
export function accessLogTargets(shown: readonly CareCategory[], clientUserId: string, partnerUserId: string | null): Array<{ clientUserId: string; category: CareCategory }> {
  const rows: Array<{ clientUserId: string; category: CareCategory }> = [];
  for (const category of ordered(shown)) {
    rows.push({ clientUserId, category });
    if (isCoupleCategory(category) && partnerUserId && partnerUserId !== clientUserId) rows.push({ clientUserId: partnerUserId, category });
  }
  return rows;
}
