/**
 * Reading everything one person owns, table by table, for the export (docs/decisions/030), and
 * removing what account deletion's foreign-key cascade cannot reach.
 *
 * Every query is keyed by the person's own id in the column that names the author or owner, so a
 * partner's rows (their check-ins, their versions of an agreement, their turns) are never read.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  activityPlan,
  activityReflection,
  agreement,
  agreementAcceptance,
  agreementVersion,
  apology,
  assessment,
  booking,
  boundary,
  careAccessLog,
  careGrant,
  careHomework,
  careLink,
  careTherapyEntry,
  checkin,
  commitment,
  commitmentOccurrence,
  conversation,
  conversationChecklist,
  conversationTurn,
  couple,
  coupleInvite,
  coupleMember,
  cycleSide,
  entryShare,
  idempotencyKey,
  journalEntry,
  notificationSettings,
  organization,
  originsVersion,
  profile,
  pushSubscription,
  rateLimit,
  repair,
  selfWorthItem,
  session,
  therapist,
  urgeLog,
  user,
} from '../../db/schema/index.ts';

export const exportRepo = {
  async account(db: Db, userId: string) {
    const [u] = await db
      .select({ id: user.id, name: user.name, email: user.email, emailVerified: user.emailVerified, twoFactorEnabled: user.twoFactorEnabled, createdAt: user.createdAt })
      .from(user)
      .where(eq(user.id, userId));
    const [p] = await db.select().from(profile).where(eq(profile.userId, userId));
    const sessions = await db
      .select({ createdAt: session.createdAt, expiresAt: session.expiresAt, ipAddress: session.ipAddress, userAgent: session.userAgent })
      .from(session)
      .where(eq(session.userId, userId))
      .orderBy(asc(session.createdAt));
    return { user: u, profile: p, sessions };
  },

  async reflect(db: Db, userId: string) {
    const [entries, shares, forTherapy, origins, urges, selfWorth, assessments] = await Promise.all([
      db.select().from(journalEntry).where(eq(journalEntry.ownerId, userId)).orderBy(asc(journalEntry.occurredAt), asc(journalEntry.id)),
      db.select().from(entryShare).where(eq(entryShare.ownerId, userId)),
      db.select().from(careTherapyEntry).where(eq(careTherapyEntry.ownerId, userId)),
      db.select().from(originsVersion).where(eq(originsVersion.ownerId, userId)).orderBy(asc(originsVersion.createdAt), asc(originsVersion.id)),
      db.select().from(urgeLog).where(eq(urgeLog.ownerId, userId)).orderBy(asc(urgeLog.occurredAt), asc(urgeLog.id)),
      db.select().from(selfWorthItem).where(eq(selfWorthItem.ownerId, userId)).orderBy(asc(selfWorthItem.day), asc(selfWorthItem.id)),
      db.select().from(assessment).where(eq(assessment.ownerId, userId)).orderBy(asc(assessment.takenAt), asc(assessment.id)),
    ]);
    return { entries, shares, forTherapy, origins, urges, selfWorth, assessments };
  },

  async notifications(db: Db, userId: string) {
    const [settings] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
    const devices = await db.select({ endpoint: pushSubscription.endpoint, createdAt: pushSubscription.createdAt }).from(pushSubscription).where(eq(pushSubscription.userId, userId));
    return { settings, devices };
  },

  async couple(db: Db, userId: string) {
    const memberships = await db
      .select({ coupleId: coupleMember.coupleId, joinedAt: coupleMember.joinedAt, leftAt: coupleMember.leftAt, linkedAt: couple.linkedAt, unlinkedAt: couple.unlinkedAt })
      .from(coupleMember)
      .innerJoin(couple, eq(couple.id, coupleMember.coupleId))
      .where(eq(coupleMember.userId, userId))
      .orderBy(asc(coupleMember.joinedAt));
    const [invites, checkins, commitments, versions, acceptances, agreementsMade, boundaries, plans, reflections, repairs, cycleSides, conversationsStarted, checklists, turns, apologies] = await Promise.all([
      db.select({ createdAt: coupleInvite.createdAt, expiresAt: coupleInvite.expiresAt, usedAt: coupleInvite.usedAt, revokedAt: coupleInvite.revokedAt }).from(coupleInvite).where(eq(coupleInvite.inviterId, userId)).orderBy(asc(coupleInvite.createdAt)),
      db.select().from(checkin).where(eq(checkin.authorId, userId)).orderBy(asc(checkin.day)),
      db.select().from(commitment).where(eq(commitment.makerId, userId)).orderBy(asc(commitment.createdAt)),
      db
        .select({ id: agreementVersion.id, agreementId: agreementVersion.agreementId, number: agreementVersion.number, content: agreementVersion.content, createdAt: agreementVersion.createdAt, coupleId: agreement.coupleId, topic: agreement.topic })
        .from(agreementVersion)
        .innerJoin(agreement, eq(agreement.id, agreementVersion.agreementId))
        .where(eq(agreementVersion.authorId, userId))
        .orderBy(asc(agreementVersion.createdAt)),
      db
        .select({ agreementId: agreementVersion.agreementId, number: agreementVersion.number, authorId: agreementVersion.authorId, acceptedAt: agreementAcceptance.acceptedAt })
        .from(agreementAcceptance)
        .innerJoin(agreementVersion, eq(agreementVersion.id, agreementAcceptance.versionId))
        .where(eq(agreementAcceptance.userId, userId))
        .orderBy(asc(agreementAcceptance.acceptedAt)),
      db.select({ id: agreement.id, coupleId: agreement.coupleId, topic: agreement.topic, reviewDay: agreement.reviewDay, createdAt: agreement.createdAt }).from(agreement).where(eq(agreement.createdBy, userId)),
      db.select().from(boundary).where(eq(boundary.ownerId, userId)).orderBy(asc(boundary.createdAt)),
      db.select().from(activityPlan).where(eq(activityPlan.createdBy, userId)).orderBy(asc(activityPlan.createdAt)),
      db
        .select({ planId: activityReflection.planId, content: activityReflection.content, createdAt: activityReflection.createdAt, coupleId: activityPlan.coupleId, activityId: activityPlan.activityId })
        .from(activityReflection)
        .innerJoin(activityPlan, eq(activityPlan.id, activityReflection.planId))
        .where(eq(activityReflection.authorId, userId))
        .orderBy(asc(activityReflection.createdAt)),
      db.select().from(repair).where(eq(repair.authorId, userId)).orderBy(asc(repair.day), asc(repair.createdAt)),
      db.select().from(cycleSide).where(eq(cycleSide.authorId, userId)),
      db.select().from(conversation).where(eq(conversation.startedBy, userId)).orderBy(asc(conversation.createdAt)),
      db.select().from(conversationChecklist).where(eq(conversationChecklist.userId, userId)),
      db.select().from(conversationTurn).where(eq(conversationTurn.authorId, userId)).orderBy(asc(conversationTurn.conversationId), asc(conversationTurn.seq)),
      db.select().from(apology).where(eq(apology.ownerId, userId)).orderBy(asc(apology.createdAt)),
    ]);
    const commitmentIds = commitments.map((c) => c.id);
    const occurrences = commitmentIds.length
      ? await db.select().from(commitmentOccurrence).where(inArray(commitmentOccurrence.commitmentId, commitmentIds)).orderBy(asc(commitmentOccurrence.day))
      : [];
    // Conversations I spoke in or confirmed the checklist of, though my partner started them: the frame (no words).
    const spokenIn = [...new Set([...turns.map((t) => t.conversationId), ...checklists.map((c) => c.conversationId)])].filter((id) => !conversationsStarted.some((c) => c.id === id));
    const conversationsJoined = spokenIn.length ? await db.select().from(conversation).where(inArray(conversation.id, spokenIn)) : [];
    return { memberships, invites, checkins, commitments, occurrences, versions, acceptances, agreementsMade, boundaries, plans, reflections, repairs, cycleSides, conversations: [...conversationsStarted, ...conversationsJoined], checklists, turns, apologies };
  },

  async care(db: Db, userId: string) {
    const links = await db
      .select({ id: careLink.id, kind: careLink.kind, status: careLink.status, createdAt: careLink.createdAt, endedAt: careLink.endedAt, therapistName: therapist.displayName, practiceName: organization.name })
      .from(careLink)
      .innerJoin(therapist, eq(therapist.id, careLink.therapistId))
      .innerJoin(organization, eq(organization.id, careLink.organizationId))
      .where(eq(careLink.clientUserId, userId))
      .orderBy(asc(careLink.createdAt));
    const linkIds = links.map((l) => l.id);
    const [grants, homework, accessLog, bookings] = await Promise.all([
      linkIds.length ? db.select().from(careGrant).where(inArray(careGrant.linkId, linkIds)).orderBy(asc(careGrant.grantedAt)) : [],
      linkIds.length ? db.select().from(careHomework).where(inArray(careHomework.linkId, linkIds)).orderBy(asc(careHomework.createdAt)) : [],
      db.select().from(careAccessLog).where(eq(careAccessLog.clientUserId, userId)).orderBy(asc(careAccessLog.at), asc(careAccessLog.id)),
      db
        .select({ id: booking.id, clientKind: booking.clientKind, clientState: booking.clientState, startsAt: booking.startsAt, endsAt: booking.endsAt, status: booking.status, practiceName: organization.name })
        .from(booking)
        .innerJoin(organization, eq(organization.id, booking.organizationId))
        .where(eq(booking.clientUserId, userId))
        .orderBy(asc(booking.startsAt)),
    ]);
    return { links, grants, homework, accessLog, bookings };
  },

  /**
   * Rows account deletion's cascade cannot reach because they have no foreign key to the account:
   * stored responses to my creating POSTs (which hold my decrypted words for up to 24 hours) and
   * my couple-join counter. Run before better-auth deletes the user.
   */
  async deleteLeftovers(db: Db, userId: string): Promise<void> {
    await db.delete(idempotencyKey).where(eq(idempotencyKey.actorId, userId));
    await db.delete(rateLimit).where(and(eq(rateLimit.key, `couple-join:${userId}`)));
  },
};
