/**
 * The repair log. SQL only; who may see or change what is the policy's decision, made in the
 * service before anything here is called.
 */
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { repair } from '../../db/schema/index.ts';

export type RepairRow = typeof repair.$inferSelect;

export const repairsRepo = {
  async insert(db: Db, row: typeof repair.$inferInsert): Promise<RepairRow> {
    const [created] = await db.insert(repair).values(row).returning();
    return created!;
  },

  async findById(db: Db, id: string): Promise<RepairRow | undefined> {
    const rows = await db.select().from(repair).where(eq(repair.id, id)).limit(1);
    return rows[0];
  },

  /** Every entry of these couples, the latest day first. */
  async listForCouples(db: Db, coupleIds: string[]): Promise<RepairRow[]> {
    if (coupleIds.length === 0) return [];
    return db.select().from(repair).where(inArray(repair.coupleId, coupleIds)).orderBy(desc(repair.day), desc(repair.createdAt), desc(repair.id));
  },

  async update(db: Db, id: string, set: { day: string; content: Buffer }): Promise<RepairRow | undefined> {
    const [updated] = await db.update(repair).set({ ...set, updatedAt: sql`now()` }).where(eq(repair.id, id)).returning();
    return updated;
  },

  async delete(db: Db, id: string): Promise<void> {
    await db.delete(repair).where(eq(repair.id, id));
  },
};
