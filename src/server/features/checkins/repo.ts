/**
 * Check-in answers. SQL only; who may see what is decided by the policy, in the service.
 */
import { and, desc, eq, gte, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { checkin } from '../../db/schema/index.ts';

export type CheckinRow = typeof checkin.$inferSelect;
export type CheckinInsert = typeof checkin.$inferInsert;

export const checkinRepo = {
  /** Inserts the answer, or returns undefined when the author already answered that day (also under a race). */
  async insert(db: Db, row: CheckinInsert): Promise<CheckinRow | undefined> {
    const [created] = await db.insert(checkin).values(row).onConflictDoNothing().returning();
    return created;
  },

  async find(db: Db, coupleId: string, authorId: string, day: string): Promise<CheckinRow | undefined> {
    const rows = await db
      .select()
      .from(checkin)
      .where(and(eq(checkin.coupleId, coupleId), eq(checkin.authorId, authorId), eq(checkin.day, day)))
      .limit(1);
    return rows[0];
  },

  /** The other member's answers for the given (couple, day) pairs. */
  async othersOn(db: Db, authorId: string, pairs: ReadonlyArray<{ coupleId: string; day: string }>): Promise<CheckinRow[]> {
    if (pairs.length === 0) return [];
    const match = or(...pairs.map((p) => and(eq(checkin.coupleId, p.coupleId), eq(checkin.day, p.day))));
    return db
      .select()
      .from(checkin)
      .where(and(ne(checkin.authorId, authorId), match));
  },

  /** The author's answers, newest day first, strictly after the cursor position (day, id) when given. */
  async listByAuthor(db: Db, authorId: string, after: { day: string; id: string } | undefined, limit: number): Promise<CheckinRow[]> {
    const where: SQL[] = [eq(checkin.authorId, authorId)];
    if (after) where.push(or(lt(checkin.day, after.day), and(eq(checkin.day, after.day), sql`${checkin.id} < ${after.id}`))!);
    return db
      .select()
      .from(checkin)
      .where(and(...where))
      .orderBy(desc(checkin.day), desc(checkin.id))
      .limit(limit);
  },

  /** The (couple, day) of each of the author's answers from `fromDay` on — no content. */
  async daysByAuthor(db: Db, authorId: string, fromDay: string): Promise<Array<{ coupleId: string; day: string }>> {
    return db
      .select({ coupleId: checkin.coupleId, day: checkin.day })
      .from(checkin)
      .where(and(eq(checkin.authorId, authorId), gte(checkin.day, fromDay)));
  },
};
