/**
 * The facts the policy needs about couples, read from the database (the policy decides; this only
 * reads). Kept beside the policy so that every decision about couples comes through one place.
 */
import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { couple, coupleMember, member } from '../db/schema/index.ts';

export interface CoupleMembership {
  coupleId: string;
  userId: string;
  leftAt: Date | null;
  unlinkedAt: Date | null;
}

/**
 * Bumped by every write to couple membership in this process (features/couple/repo.ts), so that
 * relations remembered for a request are read again after it (policy/index.ts).
 */
let membershipGeneration = 0;
export const membershipChanged = (): void => {
  membershipGeneration++;
};
export const currentMembershipGeneration = (): number => membershipGeneration;

export const relationsRepo = {
  /** Both members of a couple (one, if the other deleted their account), with the couple's state. */
  async members(db: Db, coupleId: string): Promise<CoupleMembership[]> {
    return db
      .select({ coupleId: coupleMember.coupleId, userId: coupleMember.userId, leftAt: coupleMember.leftAt, unlinkedAt: couple.unlinkedAt })
      .from(coupleMember)
      .innerJoin(couple, eq(couple.id, coupleMember.coupleId))
      .where(eq(coupleMember.coupleId, coupleId));
  },

  /** Every couple the person belongs or belonged to (the active one and former ones), with the other member. */
  async couplesOf(db: Db, userId: string): Promise<Array<{ coupleId: string; partnerId: string | null; active: boolean }>> {
    const mine = await db
      .select({ coupleId: coupleMember.coupleId, leftAt: coupleMember.leftAt, unlinkedAt: couple.unlinkedAt })
      .from(coupleMember)
      .innerJoin(couple, eq(couple.id, coupleMember.coupleId))
      .where(eq(coupleMember.userId, userId))
      // The active couple first, then the most recently ended.
      .orderBy(sql`${couple.unlinkedAt} desc nulls first`, desc(couple.linkedAt));
    if (mine.length === 0) return [];
    const others = await db
      .select({ coupleId: coupleMember.coupleId, userId: coupleMember.userId })
      .from(coupleMember)
      .where(inArray(coupleMember.coupleId, mine.map((m) => m.coupleId)));
    return mine.map((m) => ({
      coupleId: m.coupleId,
      partnerId: others.find((o) => o.coupleId === m.coupleId && o.userId !== userId)?.userId ?? null,
      active: m.leftAt === null && m.unlinkedAt === null,
    }));
  },

  /** The person's active couple and partner, if linked (one query: my open membership and the other member). */
  async activeCouple(db: Db, userId: string): Promise<{ coupleId: string; partnerId: string | null } | undefined> {
    const other = alias(coupleMember, 'other');
    const [row] = await db
      .select({ coupleId: coupleMember.coupleId, partnerId: other.userId })
      .from(coupleMember)
      .leftJoin(other, and(eq(other.coupleId, coupleMember.coupleId), ne(other.userId, coupleMember.userId)))
      .where(and(eq(coupleMember.userId, userId), isNull(coupleMember.leftAt)))
      .limit(1);
    return row ? { coupleId: row.coupleId, partnerId: row.partnerId ?? null } : undefined;
  },

  /** A person's role in a practice (better-auth's member table), or undefined. */
  async practiceRole(db: Db, practiceId: string, userId: string): Promise<string | undefined> {
    const [row] = await db
      .select({ role: member.role })
      .from(member)
      .where(and(eq(member.organizationId, practiceId), eq(member.userId, userId)));
    return row?.role;
  },
};
