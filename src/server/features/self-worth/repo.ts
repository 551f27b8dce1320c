import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { selfWorthItem } from '../../db/schema/index.ts';

export type SelfWorthRow = typeof selfWorthItem.$inferSelect;

export const selfWorthRepo = {
  async insert(db: Db, row: typeof selfWorthItem.$inferInsert): Promise<SelfWorthRow> {
    return (await db.insert(selfWorthItem).values(row).returning())[0]!;
  },
  async findById(db: Db, id: string): Promise<SelfWorthRow | undefined> {
    return (await db.select().from(selfWorthItem).where(eq(selfWorthItem.id, id)).limit(1))[0];
  },
  async update(db: Db, id: string, values: Partial<typeof selfWorthItem.$inferInsert>): Promise<SelfWorthRow | undefined> {
    return (await db.update(selfWorthItem).set({ ...values, updatedAt: new Date() }).where(eq(selfWorthItem.id, id)).returning())[0];
  },
  async delete(db: Db, id: string): Promise<void> {
    await db.delete(selfWorthItem).where(eq(selfWorthItem.id, id));
  },
  async list(db: Db, ownerId: string, kind: string | undefined, after: { day: string; id: string } | undefined, limit: number): Promise<SelfWorthRow[]> {
    const position = after ? or(lt(selfWorthItem.day, after.day), and(eq(selfWorthItem.day, after.day), sql`${selfWorthItem.id} < ${after.id}`)) : undefined;
    return db
      .select()
      .from(selfWorthItem)
      .where(and(eq(selfWorthItem.ownerId, ownerId), kind ? eq(selfWorthItem.kind, kind) : undefined, position))
      .orderBy(desc(selfWorthItem.day), desc(selfWorthItem.id))
      .limit(limit);
  },
};
