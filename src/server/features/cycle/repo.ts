/**
 * Cycle-map sides. SQL only; who may see or change what is the policy's decision, made in the
 * service before anything here is called.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { cycleSide } from '../../db/schema/index.ts';

export type CycleSideRow = typeof cycleSide.$inferSelect;

export const cycleRepo = {
  /** Writes my side of a couple's map (one per couple and author). */
  async upsert(db: Db, row: { id: string; coupleId: string; authorId: string; content: Buffer }): Promise<CycleSideRow> {
    const [saved] = await db
      .insert(cycleSide)
      .values(row)
      .onConflictDoUpdate({ target: [cycleSide.coupleId, cycleSide.authorId], set: { content: row.content, updatedAt: sql`now()` } })
      .returning();
    return saved!;
  },

  async sidesOf(db: Db, coupleIds: string[]): Promise<CycleSideRow[]> {
    if (coupleIds.length === 0) return [];
    return db.select().from(cycleSide).where(inArray(cycleSide.coupleId, coupleIds));
  },
};
