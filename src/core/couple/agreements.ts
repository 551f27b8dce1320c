/**
 * Agreements between partners: topics, versions and review dates. Pure — no I/O, no clock (the
 * caller passes "today" as a calendar date). See docs/decisions/018.
 *
 * Version rules:
 * - An agreement has versions numbered 1, 2, 3, …; editing never overwrites, it adds a version.
 * - Proposing a version counts as its author's acceptance.
 * - A version is in force (active) only when both partners accepted that exact version. The
 *   agreement's active version is the newest one both accepted; a newer, pending version does
 *   not displace it until both accept the newer one too.
 * - Only the latest version can be accepted: accepting a superseded one is refused as stale.
 */

export const AGREEMENT_TOPICS = ['phones', 'social_media', 'friendships', 'money', 'time_apart', 'exes', 'family', 'intimacy', 'other'] as const;
export type AgreementTopic = (typeof AGREEMENT_TOPICS)[number];

export interface VersionFacts {
  number: number;
  /** The people who accepted this exact version (the author among them). */
  acceptedBy: readonly string[];
}

/** The two members of the couple (the partner may be null once their account is gone). */
export interface Members {
  me: string;
  partner: string | null;
}

/** Has everyone in the couple accepted this version? (A missing partner never accepts.) */
export function acceptedByBoth(version: VersionFacts, members: Members): boolean {
  return members.partner !== null && version.acceptedBy.includes(members.me) && version.acceptedBy.includes(members.partner);
}

/** The newest version both partners accepted, or undefined when none is in force yet. */
export function activeVersion<V extends VersionFacts>(versions: readonly V[], members: Members): V | undefined {
  let best: V | undefined;
  for (const v of versions) if (acceptedByBoth(v, members) && (!best || v.number > best.number)) best = v;
  return best;
}

export function latestVersion<V extends { number: number }>(versions: readonly V[]): V | undefined {
  let best: V | undefined;
  for (const v of versions) if (!best || v.number > best.number) best = v;
  return best;
}

/**
 * Where the agreement stands, seen by `me`: in force as written (`active`), or its latest
 * version still waiting for my acceptance or for my partner's.
 */
export type AgreementState = 'active' | 'waiting-for-me' | 'waiting-for-partner';

export function agreementState(versions: readonly VersionFacts[], members: Members): AgreementState {
  const latest = latestVersion(versions);
  if (!latest) throw new RangeError('An agreement has at least one version.');
  if (acceptedByBoth(latest, members)) return 'active';
  return latest.acceptedBy.includes(members.me) ? 'waiting-for-partner' : 'waiting-for-me';
}

export type AcceptCheck = { ok: true; already: boolean } | { ok: false; reason: 'no-such-version' | 'stale-version' };

/** May `userId` accept version `number`? Only the latest; accepting it again changes nothing. */
export function checkAccept(versions: readonly VersionFacts[], number: number, userId: string): AcceptCheck {
  const target = versions.find((v) => v.number === number);
  if (!target) return { ok: false, reason: 'no-such-version' };
  if (target.number !== latestVersion(versions)!.number) return { ok: false, reason: 'stale-version' };
  return { ok: true, already: target.acceptedBy.includes(userId) };
}

/** The number the next version gets. */
export function nextVersionNumber(versions: ReadonlyArray<{ number: number }>): number {
  return (latestVersion(versions)?.number ?? 0) + 1;
}

export type ReviewStatus = 'none' | 'scheduled' | 'due';

/** A review date (YYYY-MM-DD) is due on that day and after it; both are calendar dates in one zone. */
export function reviewStatus(reviewDay: string | null, today: string): ReviewStatus {
  if (!reviewDay) return 'none';
  return reviewDay <= today ? 'due' : 'scheduled';
}
