import { and, asc, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assessment } from '../../db/schema/index.ts';

export type AssessmentRow = typeof assessment.$inferSelect;

export const assessmentRepo = {
  async insert(db: Db, row: typeof assessment.$inferInsert): Promise<AssessmentRow> {
    return (await db.insert(assessment).values(row).returning())[0]!;
  },
  async findById(db: Db, id: string): Promise<AssessmentRow | undefined> {
    return (await db.select().from(assessment).where(eq(assessment.id, id)).limit(1))[0];
  },
  async delete(db: Db, id: string): Promise<void> {
    await db.delete(assessment).where(eq(assessment.id, id));
  },
  /** Newest first by (takenAt, id), strictly after the cursor position when given. */
  async list(db: Db, ownerId: string, instrument: string | undefined, after: { takenAt: Date; id: string } | undefined, limit: number): Promise<AssessmentRow[]> {
    const where: SQL[] = [eq(assessment.ownerId, ownerId)];
    if (instrument) where.push(eq(assessment.instrument, instrument));
    if (after) where.push(or(lt(assessment.takenAt, after.takenAt), and(eq(assessment.takenAt, after.takenAt), sql`${assessment.id} < ${after.id}`))!);
    return db
      .select()
      .from(assessment)
      .where(and(...where))
      .orderBy(desc(assessment.takenAt), desc(assessment.id))
      .limit(limit);
  },
  /** Every result of the owner, oldest first (for guidance). */
  async allOldestFirst(db: Db, ownerId: string): Promise<AssessmentRow[]> {
    return db.select().from(assessment).where(eq(assessment.ownerId, ownerId)).orderBy(asc(assessment.takenAt), asc(assessment.id));
  },
};
