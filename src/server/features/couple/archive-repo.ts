/**
 * Deleting one former member's own part of an ended couple (docs/decisions/022): hard deletes of
 * the rows they wrote in that couple, nothing of the other member's. Run inside one transaction.
 * SQL only: the policy (couple.deleteOwnArchive) has already decided.
 */
import { and, eq, inArray, ne, notExists, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  activityPlan,
  activityReflection,
  agreement,
  agreementAcceptance,
  agreementVersion,
  apology,
  boundary,
  checkin,
  commitment,
  commitmentOccurrence,
  conversation,
  conversationChecklist,
  conversationTurn,
  cycleSide,
  entryShare,
  repair,
} from '../../db/schema/index.ts';
import type { ArchiveKind } from '../../../core/schemas/couple.ts';

const count = (rows: unknown[]) => rows.length;

export const archiveRepo = {
  async deleteMine(db: Db, coupleId: string, userId: string): Promise<Record<ArchiveKind, number>> {
    const agreementsOfCouple = db.select({ id: agreement.id }).from(agreement).where(eq(agreement.coupleId, coupleId));
    const versionsOfCouple = db.select({ id: agreementVersion.id }).from(agreementVersion).where(inArray(agreementVersion.agreementId, agreementsOfCouple));
    const plansOfCouple = db.select({ id: activityPlan.id }).from(activityPlan).where(eq(activityPlan.coupleId, coupleId));
    const myCommitments = db.select({ id: commitment.id }).from(commitment).where(and(eq(commitment.coupleId, coupleId), eq(commitment.makerId, userId)));

    // Occurrences are counted before their commitments take them along (cascade).
    const commitmentOccurrences = count(await db.delete(commitmentOccurrence).where(inArray(commitmentOccurrence.commitmentId, myCommitments)).returning({ id: commitmentOccurrence.id }));
    const commitments = count(await db.delete(commitment).where(and(eq(commitment.coupleId, coupleId), eq(commitment.makerId, userId))).returning({ id: commitment.id }));
    const checkins = count(await db.delete(checkin).where(and(eq(checkin.coupleId, coupleId), eq(checkin.authorId, userId))).returning({ id: checkin.id }));

    // Agreements: my acceptances, and the versions I wrote (with anyone's acceptance of them — an
    // acceptance of words that are gone means nothing). An agreement left with no version goes.
    const agreementAcceptances = count(
      await db
        .delete(agreementAcceptance)
        .where(
          and(
            inArray(agreementAcceptance.versionId, versionsOfCouple),
            or(eq(agreementAcceptance.userId, userId), inArray(agreementAcceptance.versionId, db.select({ id: agreementVersion.id }).from(agreementVersion).where(eq(agreementVersion.authorId, userId)))),
          ),
        )
        .returning({ id: agreementAcceptance.versionId }),
    );
    const agreementVersions = count(
      await db
        .delete(agreementVersion)
        .where(and(inArray(agreementVersion.agreementId, agreementsOfCouple), eq(agreementVersion.authorId, userId)))
        .returning({ id: agreementVersion.id }),
    );
    const agreements = count(
      await db
        .delete(agreement)
        .where(and(eq(agreement.coupleId, coupleId), notExists(db.select({ one: sql`1` }).from(agreementVersion).where(eq(agreementVersion.agreementId, agreement.id)))))
        .returning({ id: agreement.id }),
    );

    const boundaries = count(await db.delete(boundary).where(and(eq(boundary.coupleId, coupleId), eq(boundary.ownerId, userId))).returning({ id: boundary.id }));

    // Activities: my reflections; the plans I made, unless my former partner reflected on one.
    const activityReflections = count(
      await db
        .delete(activityReflection)
        .where(and(inArray(activityReflection.planId, plansOfCouple), eq(activityReflection.authorId, userId)))
        .returning({ id: activityReflection.id }),
    );
    const activityPlans = count(
      await db
        .delete(activityPlan)
        .where(
          and(
            eq(activityPlan.coupleId, coupleId),
            eq(activityPlan.createdBy, userId),
            notExists(db.select({ one: sql`1` }).from(activityReflection).where(and(eq(activityReflection.planId, activityPlan.id), ne(activityReflection.authorId, userId)))),
          ),
        )
        .returning({ id: activityPlan.id }),
    );

    const repairs = count(await db.delete(repair).where(and(eq(repair.coupleId, coupleId), eq(repair.authorId, userId))).returning({ id: repair.id }));
    const cycleSides = count(await db.delete(cycleSide).where(and(eq(cycleSide.coupleId, coupleId), eq(cycleSide.authorId, userId))).returning({ id: cycleSide.id }));
    const entryShares = count(await db.delete(entryShare).where(and(eq(entryShare.coupleId, coupleId), eq(entryShare.ownerId, userId))).returning({ id: entryShare.entryId }));

    // Structured conversations: my turns and my checklist confirmations. A conversation row holds
    // no one's words; it goes once no turn of anyone's is left in it.
    const conversationsOfCouple = db.select({ id: conversation.id }).from(conversation).where(eq(conversation.coupleId, coupleId));
    const deletedTurns = await db
      .delete(conversationTurn)
      .where(and(inArray(conversationTurn.conversationId, conversationsOfCouple), eq(conversationTurn.authorId, userId)))
      .returning({ conversationId: conversationTurn.conversationId });
    const conversationTurns = deletedTurns.length;
    const emptiedByMe = [...new Set(deletedTurns.map((r) => r.conversationId))];
    const conversationChecklists = count(
      await db
        .delete(conversationChecklist)
        .where(and(inArray(conversationChecklist.conversationId, conversationsOfCouple), eq(conversationChecklist.userId, userId)))
        .returning({ id: conversationChecklist.conversationId }),
    );
    const conversations = count(
      await db
        .delete(conversation)
        .where(
          and(
            eq(conversation.coupleId, coupleId),
            notExists(db.select({ one: sql`1` }).from(conversationTurn).where(eq(conversationTurn.conversationId, conversation.id))),
            // Those I started, or that held my words: my former partner's untouched ones stay.
            emptiedByMe.length ? or(eq(conversation.startedBy, userId), inArray(conversation.id, emptiedByMe)) : eq(conversation.startedBy, userId),
          ),
        )
        .returning({ id: conversation.id }),
    );
    const apologies = count(await db.delete(apology).where(and(eq(apology.coupleId, coupleId), eq(apology.ownerId, userId))).returning({ id: apology.id }));

    return { checkins, commitments, commitmentOccurrences, agreementVersions, agreementAcceptances, agreements, boundaries, activityReflections, activityPlans, repairs, cycleSides, entryShares, conversationTurns, conversationChecklists, conversations, apologies };
  },
};
