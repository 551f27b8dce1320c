/**
 * Couples and their members. Linking is one transaction: the couple row and both memberships; the
 * partial unique index on couple_member(user_id) where left_at is null refuses a second active
 * couple for either person, even when two accepts race. Every membership write tells the policy's
 * per-request memory of relations to read again (policy/relations-repo.ts).
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../db/client.ts';
import { couple, coupleInvite, coupleMember, user } from '../../db/schema/index.ts';
import { membershipChanged } from '../../policy/relations-repo.ts';

export type InviteRow = typeof coupleInvite.$inferSelect;

export const coupleRepo = {
  /** Links two people; throws the database's unique violation when either is already linked. */
  async link(db: Db, a: string, b: string, at: Date = new Date()): Promise<string> {
    const id = uuidv7();
    membershipChanged();
    try {
      await db.transaction(async (txRaw) => {
        const tx = txRaw as unknown as Db;
        await tx.insert(couple).values({ id, linkedAt: at });
        await tx.insert(coupleMember).values([
          { coupleId: id, userId: a, joinedAt: at },
          { coupleId: id, userId: b, joinedAt: at },
        ]);
      });
    } finally {
      membershipChanged();
    }
    return id;
  },

  /** Ends the couple for both members at once; their shared items become the archive. */
  async unlink(db: Db, coupleId: string, at: Date = new Date()): Promise<void> {
    membershipChanged();
    try {
      await db.update(couple).set({ unlinkedAt: at }).where(and(eq(couple.id, coupleId), isNull(couple.unlinkedAt)));
      await db.update(coupleMember).set({ leftAt: at }).where(and(eq(coupleMember.coupleId, coupleId), isNull(coupleMember.leftAt)));
    } finally {
      membershipChanged();
    }
  },

  /** Couples the person has been part of and that have ended, newest first. */
  async pastCouples(db: Db, userId: string): Promise<{ coupleId: string; linkedAt: Date; unlinkedAt: Date }[]> {
    const rows = await db
      .select({ coupleId: couple.id, linkedAt: couple.linkedAt, unlinkedAt: couple.unlinkedAt })
      .from(coupleMember)
      .innerJoin(couple, eq(couple.id, coupleMember.coupleId))
      .where(and(eq(coupleMember.userId, userId), isNotNull(couple.unlinkedAt)))
      .orderBy(desc(couple.unlinkedAt));
    return rows.flatMap((r) => (r.unlinkedAt ? [{ coupleId: r.coupleId, linkedAt: r.linkedAt, unlinkedAt: r.unlinkedAt }] : []));
  },

  async linkedAt(db: Db, coupleId: string): Promise<Date | undefined> {
    const [row] = await db.select({ linkedAt: couple.linkedAt }).from(couple).where(eq(couple.id, coupleId)).limit(1);
    return row?.linkedAt;
  },

  /** The person's active couples (at most one, by the unique index). */
  async activeCoupleIds(db: Db, userId: string): Promise<string[]> {
    const rows = await db
      .select({ coupleId: coupleMember.coupleId })
      .from(coupleMember)
      .where(and(eq(coupleMember.userId, userId), isNull(coupleMember.leftAt)));
    return rows.map((r) => r.coupleId);
  },

  /** The person's usable invitation, if any. */
  async pendingInvite(db: Db, inviterId: string, now: Date): Promise<InviteRow | undefined> {
    const [row] = await db
      .select()
      .from(coupleInvite)
      .where(and(eq(coupleInvite.inviterId, inviterId), isNull(coupleInvite.usedAt), isNull(coupleInvite.revokedAt), gt(coupleInvite.expiresAt, now)))
      .orderBy(desc(coupleInvite.createdAt))
      .limit(1);
    return row;
  },

  /** Withdraws every unused invitation of the person; how many were withdrawn. */
  async revokePending(db: Db, inviterId: string, at: Date): Promise<number> {
    const rows = await db
      .update(coupleInvite)
      .set({ revokedAt: at })
      .where(and(eq(coupleInvite.inviterId, inviterId), isNull(coupleInvite.usedAt), isNull(coupleInvite.revokedAt), gt(coupleInvite.expiresAt, at)))
      .returning({ id: coupleInvite.id });
    return rows.length;
  },

  async insertInvite(db: Db, row: { id: string; inviterId: string; codeHash: string; expiresAt: Date; createdAt: Date }): Promise<void> {
    await db.insert(coupleInvite).values(row);
  },

  async findInviteByHash(db: Db, codeHash: string): Promise<InviteRow | undefined> {
    const [row] = await db.select().from(coupleInvite).where(eq(coupleInvite.codeHash, codeHash)).limit(1);
    return row;
  },

  /**
   * Marks the invitation used, only if it still is usable: of two people racing for one code,
   * exactly one gets true (the row lock makes the second re-check and find it used).
   */
  /**
   * Locks both people's account rows, always in the same order, for the rest of the transaction.
   * Two joins that share a person (B joins A while A joins C) then run one after the other instead
   * of deadlocking on each other's invitations and memberships; the second sees the first's couple.
   */
  async lockPeople(db: Db, ids: string[]): Promise<void> {
    const sorted = [...new Set(ids)].sort();
    await db.select({ id: user.id }).from(user).where(inArray(user.id, sorted)).orderBy(asc(user.id)).for('update');
  },

  async claimInvite(db: Db, id: string, joinerId: string, at: Date): Promise<boolean> {
    const rows = await db
      .update(coupleInvite)
      .set({ usedAt: at })
      .where(and(eq(coupleInvite.id, id), ne(coupleInvite.inviterId, joinerId), isNull(coupleInvite.usedAt), isNull(coupleInvite.revokedAt), gt(coupleInvite.expiresAt, at)))
      .returning({ id: coupleInvite.id });
    return rows.length === 1;
  },
};
