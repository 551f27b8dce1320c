/**
 * Boundaries. SQL only; who may see or change what is the policy's decision, made in the
 * service before anything here is called.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { boundary } from '../../db/schema/index.ts';

export type BoundaryRow = typeof boundary.$inferSelect;

export const boundariesRepo = {
  async insert(db: Db, row: typeof boundary.$inferInsert): Promise<BoundaryRow> {
    const [created] = await db.insert(boundary).values(row).returning();
    return created!;
  },

  /** A boundary that was not removed. */
  async findById(db: Db, id: string): Promise<BoundaryRow | undefined> {
    const rows = await db
      .select()
      .from(boundary)
      .where(and(eq(boundary.id, id), eq(boundary.deleted, false)))
      .limit(1);
    return rows[0];
  },

  /** These couples' boundaries that were not removed, oldest first. */
  async listForCouples(db: Db, coupleIds: string[]): Promise<BoundaryRow[]> {
    if (coupleIds.length === 0) return [];
    return db
      .select()
      .from(boundary)
      .where(and(inArray(boundary.coupleId, coupleIds), eq(boundary.deleted, false)))
      .orderBy(asc(boundary.createdAt), asc(boundary.id));
  },

  async updateContent(db: Db, id: string, content: Buffer): Promise<BoundaryRow | undefined> {
    const [row] = await db
      .update(boundary)
      .set({ content, updatedAt: new Date() })
      .where(and(eq(boundary.id, id), eq(boundary.deleted, false)))
      .returning();
    return row;
  },

  /** Removes it from every list, its words replaced by the caller's sealed empty text. */
  async markDeleted(db: Db, id: string, emptied: Buffer): Promise<void> {
    await db.update(boundary).set({ deleted: true, content: emptied, updatedAt: new Date() }).where(eq(boundary.id, id));
  },
};
