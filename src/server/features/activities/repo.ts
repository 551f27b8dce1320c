/**
 * Activity plans and reflections. SQL only; who may see or change what is the policy's
 * decision, made in the service before anything here is called.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { activityPlan, activityReflection } from '../../db/schema/index.ts';

export type PlanRow = typeof activityPlan.$inferSelect;
export type ReflectionRow = typeof activityReflection.$inferSelect;

export const activitiesRepo = {
  async insertPlan(db: Db, row: typeof activityPlan.$inferInsert): Promise<PlanRow> {
    const [created] = await db.insert(activityPlan).values(row).returning();
    return created!;
  },

  async findPlan(db: Db, id: string): Promise<PlanRow | undefined> {
    const rows = await db.select().from(activityPlan).where(eq(activityPlan.id, id)).limit(1);
    return rows[0];
  },

  /** Every plan of these couples, newest first. */
  async plansForCouples(db: Db, coupleIds: string[]): Promise<PlanRow[]> {
    if (coupleIds.length === 0) return [];
    return db.select().from(activityPlan).where(inArray(activityPlan.coupleId, coupleIds)).orderBy(desc(activityPlan.createdAt), desc(activityPlan.id));
  },

  async markDone(db: Db, id: string): Promise<void> {
    await db.update(activityPlan).set({ status: 'done', updatedAt: sql`now()` }).where(eq(activityPlan.id, id));
  },

  async reflectionsOf(db: Db, planIds: string[]): Promise<ReflectionRow[]> {
    if (planIds.length === 0) return [];
    return db.select().from(activityReflection).where(inArray(activityReflection.planId, planIds)).orderBy(asc(activityReflection.createdAt));
  },

  async findReflection(db: Db, planId: string, authorId: string): Promise<ReflectionRow | undefined> {
    const rows = await db
      .select()
      .from(activityReflection)
      .where(and(eq(activityReflection.planId, planId), eq(activityReflection.authorId, authorId)))
      .limit(1);
    return rows[0];
  },

  /** One reflection per plan and author: writing again replaces the words. */
  async upsertReflection(db: Db, row: typeof activityReflection.$inferInsert): Promise<void> {
    await db
      .insert(activityReflection)
      .values(row)
      .onConflictDoUpdate({ target: [activityReflection.planId, activityReflection.authorId], set: { content: row.content } });
  },
};
