/**
 * SQL for client links, grants, the access log, homework and the "for therapy" flag
 * (docs/decisions/027). No decisions here: the service asks the policy first.
 *
 * The therapist view reads the client's own tables (assessments, check-ins, commitments,
 * conversations, journal) read-only, through the functions at the end, once the policy has
 * allowed each category.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { CareCategory } from '../../../core/schemas/care-sharing.ts';
import type { Db } from '../../db/client.ts';
import {
  assessment,
  booking,
  careAccessLog,
  careGrant,
  careHomework,
  careInvitation,
  careLink,
  careTherapyEntry,
  checkin,
  commitment,
  commitmentOccurrence,
  conversation,
  journalEntry,
  organization,
  profile,
  therapist,
  user,
} from '../../db/schema/index.ts';

export type CareLinkRow = typeof careLink.$inferSelect;
export type InvitationRow = typeof careInvitation.$inferSelect;
export type HomeworkRow = typeof careHomework.$inferSelect;
export type AccessLogRow = typeof careAccessLog.$inferSelect;
export interface TherapistFacts {
  id: string;
  userId: string;
  organizationId: string;
  displayName: string;
  practiceName: string;
}

const therapistColumns = { id: therapist.id, userId: therapist.userId, organizationId: therapist.organizationId, displayName: therapist.displayName, practiceName: organization.name };

export const careSharingRepo = {
  // ——— accounts and therapists ———

  async account(db: Db, userId: string): Promise<{ email: string; emailVerified: boolean; twoFactor: boolean; name: string } | undefined> {
    const [row] = await db
      .select({ email: user.email, emailVerified: user.emailVerified, twoFactor: user.twoFactorEnabled, name: sql<string>`coalesce(${profile.displayName}, ${user.name})` })
      .from(user)
      .leftJoin(profile, eq(profile.userId, user.id))
      .where(eq(user.id, userId));
    return row;
  },

  async names(db: Db, userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await db
      .select({ id: user.id, name: sql<string>`coalesce(${profile.displayName}, ${user.name})` })
      .from(user)
      .leftJoin(profile, eq(profile.userId, user.id))
      .where(inArray(user.id, userIds));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  async therapistsOfUser(db: Db, userId: string): Promise<TherapistFacts[]> {
    return db.select(therapistColumns).from(therapist).innerJoin(organization, eq(organization.id, therapist.organizationId)).where(eq(therapist.userId, userId)).orderBy(asc(therapist.createdAt));
  },

  async therapistsByIds(db: Db, ids: string[]): Promise<Map<string, TherapistFacts>> {
    if (ids.length === 0) return new Map();
    const rows = await db.select(therapistColumns).from(therapist).innerJoin(organization, eq(organization.id, therapist.organizationId)).where(inArray(therapist.id, ids));
    return new Map(rows.map((r) => [r.id, r]));
  },

  // ——— invitations ———

  async insertInvitation(db: Db, row: typeof careInvitation.$inferInsert): Promise<InvitationRow> {
    return (await db.insert(careInvitation).values(row).returning())[0]!;
  },

  async invitationByTokenHash(db: Db, tokenHash: string): Promise<InvitationRow | undefined> {
    return (await db.select().from(careInvitation).where(eq(careInvitation.tokenHash, tokenHash)))[0];
  },

  /** Claims an open invitation once (a second accept, or an expired one, gets nothing). */
  async claimInvitation(db: Db, id: string, at: Date): Promise<boolean> {
    const rows = await db
      .update(careInvitation)
      .set({ acceptedAt: at })
      .where(and(eq(careInvitation.id, id), isNull(careInvitation.acceptedAt), sql`${careInvitation.expiresAt} > ${at}`))
      .returning({ id: careInvitation.id });
    return rows.length === 1;
  },

  // ——— bookings (a booked client links their account) ———

  async bookingByTokenHash(db: Db, tokenHash: string) {
    return (await db.select().from(booking).where(eq(booking.manageTokenHash, tokenHash)))[0];
  },

  async setBookingClient(db: Db, bookingId: string, userId: string): Promise<void> {
    await db.update(booking).set({ clientUserId: userId, updatedAt: new Date() }).where(eq(booking.id, bookingId));
  },

  // ——— links ———

  async insertLinkOrExisting(db: Db, row: typeof careLink.$inferInsert): Promise<CareLinkRow> {
    const inserted = await db
      .insert(careLink)
      .values(row)
      .onConflictDoNothing({ target: [careLink.therapistId, careLink.clientUserId], where: sql`${careLink.status} = 'active'` })
      .returning();
    if (inserted[0]) return inserted[0];
    return (await careSharingRepo.activeLink(db, row.therapistId, row.clientUserId))!;
  },

  async linkById(db: Db, id: string): Promise<CareLinkRow | undefined> {
    return (await db.select().from(careLink).where(eq(careLink.id, id)))[0];
  },

  async activeLink(db: Db, therapistId: string, clientUserId: string): Promise<CareLinkRow | undefined> {
    return (await db.select().from(careLink).where(and(eq(careLink.therapistId, therapistId), eq(careLink.clientUserId, clientUserId), eq(careLink.status, 'active'))))[0];
  },

  async linksOfClient(db: Db, clientUserId: string): Promise<CareLinkRow[]> {
    return db.select().from(careLink).where(eq(careLink.clientUserId, clientUserId)).orderBy(desc(careLink.createdAt), desc(careLink.id));
  },

  async activeLinksOfTherapists(db: Db, therapistIds: string[]): Promise<CareLinkRow[]> {
    if (therapistIds.length === 0) return [];
    return db.select().from(careLink).where(and(inArray(careLink.therapistId, therapistIds), eq(careLink.status, 'active'))).orderBy(asc(careLink.createdAt), asc(careLink.id));
  },

  async endLink(db: Db, id: string, at: Date): Promise<CareLinkRow | undefined> {
    await db.update(careGrant).set({ revokedAt: at }).where(and(eq(careGrant.linkId, id), isNull(careGrant.revokedAt)));
    const [row] = await db.update(careLink).set({ status: 'ended', endedAt: at }).where(and(eq(careLink.id, id), eq(careLink.status, 'active'))).returning();
    return row;
  },

  // ——— grants ———

  async activeGrants(db: Db, linkIds: string[]): Promise<Map<string, CareCategory[]>> {
    const out = new Map<string, CareCategory[]>(linkIds.map((id) => [id, []]));
    if (linkIds.length === 0) return out;
    const rows = await db.select({ linkId: careGrant.linkId, category: careGrant.category }).from(careGrant).where(and(inArray(careGrant.linkId, linkIds), isNull(careGrant.revokedAt)));
    for (const r of rows) out.get(r.linkId)!.push(r.category as CareCategory);
    return out;
  },

  async grant(db: Db, row: { id: string; linkId: string; category: CareCategory }): Promise<void> {
    await db
      .insert(careGrant)
      .values(row)
      .onConflictDoNothing({ target: [careGrant.linkId, careGrant.category], where: sql`${careGrant.revokedAt} is null` });
  },

  async revoke(db: Db, linkId: string, category: CareCategory, at: Date): Promise<void> {
    await db.update(careGrant).set({ revokedAt: at }).where(and(eq(careGrant.linkId, linkId), eq(careGrant.category, category), isNull(careGrant.revokedAt)));
  },

  // ——— the access log ———

  async logAccess(db: Db, rows: Array<typeof careAccessLog.$inferInsert>): Promise<void> {
    if (rows.length > 0) await db.insert(careAccessLog).values(rows);
  },

  /** Newest first by (at, id), strictly after the cursor position when given. */
  async accessLog(db: Db, clientUserId: string, after: { at: Date; id: string } | undefined, limit: number): Promise<AccessLogRow[]> {
    const where: SQL[] = [eq(careAccessLog.clientUserId, clientUserId)];
    if (after) where.push(or(lt(careAccessLog.at, after.at), and(eq(careAccessLog.at, after.at), sql`${careAccessLog.id} < ${after.id}`))!);
    return db
      .select()
      .from(careAccessLog)
      .where(and(...where))
      .orderBy(desc(careAccessLog.at), desc(careAccessLog.id))
      .limit(limit);
  },

  // ——— homework ———

  async insertHomework(db: Db, row: typeof careHomework.$inferInsert): Promise<HomeworkRow> {
    return (await db.insert(careHomework).values(row).returning())[0]!;
  },

  async homeworkById(db: Db, id: string): Promise<HomeworkRow | undefined> {
    return (await db.select().from(careHomework).where(eq(careHomework.id, id)))[0];
  },

  async homeworkOfLinks(db: Db, linkIds: string[]): Promise<HomeworkRow[]> {
    if (linkIds.length === 0) return [];
    return db.select().from(careHomework).where(inArray(careHomework.linkId, linkIds)).orderBy(desc(careHomework.createdAt), desc(careHomework.id));
  },

  async setHomeworkDone(db: Db, id: string, completedAt: Date | null): Promise<HomeworkRow> {
    return (await db.update(careHomework).set({ completedAt }).where(eq(careHomework.id, id)).returning())[0]!;
  },

  // ——— the "for therapy" flag on journal entries ———

  async setForTherapy(db: Db, entryId: string, ownerId: string, forTherapy: boolean): Promise<void> {
    if (forTherapy) await db.insert(careTherapyEntry).values({ entryId, ownerId }).onConflictDoNothing();
    else await db.delete(careTherapyEntry).where(eq(careTherapyEntry.entryId, entryId));
  },

  async forTherapyOf(db: Db, entryIds: string[]): Promise<Set<string>> {
    if (entryIds.length === 0) return new Set();
    const rows = await db.select({ id: careTherapyEntry.entryId }).from(careTherapyEntry).where(inArray(careTherapyEntry.entryId, entryIds));
    return new Set(rows.map((r) => r.id));
  },

  // ——— the client's data, read for a therapist view (after the policy allowed each category) ———

  async assessmentsOf(db: Db, ownerId: string, from: Date | undefined) {
    const where: SQL[] = [eq(assessment.ownerId, ownerId)];
    if (from) where.push(gte(assessment.takenAt, from));
    return db
      .select({ id: assessment.id, instrument: assessment.instrument, takenAt: assessment.takenAt, scores: assessment.scores })
      .from(assessment)
      .where(and(...where))
      .orderBy(asc(assessment.takenAt), asc(assessment.id));
  },

  /** Check-ins of a couple on or after a day (both partners'), oldest first: moods only. */
  async checkinMoods(db: Db, coupleId: string, fromDay: string) {
    return db
      .select({ authorId: checkin.authorId, day: checkin.day, mood: checkin.mood })
      .from(checkin)
      .where(and(eq(checkin.coupleId, coupleId), gte(checkin.day, fromDay)))
      .orderBy(asc(checkin.day));
  },

  async commitmentsOf(db: Db, coupleId: string) {
    return db.select().from(commitment).where(eq(commitment.coupleId, coupleId)).orderBy(asc(commitment.createdAt), asc(commitment.id));
  },

  async occurrencesSince(db: Db, commitmentIds: string[], fromDay: string) {
    if (commitmentIds.length === 0) return [];
    return db
      .select({ commitmentId: commitmentOccurrence.commitmentId, day: commitmentOccurrence.day, outcome: commitmentOccurrence.outcome })
      .from(commitmentOccurrence)
      .where(and(inArray(commitmentOccurrence.commitmentId, commitmentIds), gte(commitmentOccurrence.day, fromDay)));
  },

  /** The couple's finished conversations, newest first. */
  async endedConversations(db: Db, coupleId: string, from: Date | undefined) {
    const where: SQL[] = [eq(conversation.coupleId, coupleId), eq(conversation.phase, 'ended')];
    if (from) where.push(gte(conversation.endedAt, from));
    return db
      .select({ id: conversation.id, createdAt: conversation.createdAt, endedAt: conversation.endedAt, turnsStartedAt: conversation.turnsStartedAt, rounds: conversation.rounds, outcomeKind: conversation.outcomeKind })
      .from(conversation)
      .where(and(...where))
      .orderBy(desc(conversation.endedAt), desc(conversation.id))
      .limit(100);
  },

  /** The owner's entries marked for therapy, newest first. */
  async therapyEntries(db: Db, ownerId: string, from: Date | undefined) {
    const where: SQL[] = [eq(careTherapyEntry.ownerId, ownerId), eq(journalEntry.ownerId, ownerId)];
    if (from) where.push(gte(journalEntry.occurredAt, from));
    return db
      .select({ id: journalEntry.id, kind: journalEntry.kind, topic: journalEntry.topic, occurredAt: journalEntry.occurredAt, content: journalEntry.content })
      .from(careTherapyEntry)
      .innerJoin(journalEntry, eq(journalEntry.id, careTherapyEntry.entryId))
      .where(and(...where))
      .orderBy(desc(journalEntry.occurredAt), desc(journalEntry.id))
      .limit(200);
  },

  async timeZoneOf(db: Db, userId: string): Promise<string | null> {
    return (await db.select({ tz: profile.timeZone }).from(profile).where(eq(profile.userId, userId)))[0]?.tz ?? null;
  },
};
