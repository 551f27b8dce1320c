import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { urgeLog } from '../../db/schema/index.ts';

export type UrgeRow = typeof urgeLog.$inferSelect;

export const urgeRepo = {
  async insert(db: Db, row: typeof urgeLog.$inferInsert): Promise<UrgeRow> {
    return (await db.insert(urgeLog).values(row).returning())[0]!;
  },
  async findById(db: Db, id: string): Promise<UrgeRow | undefined> {
    return (await db.select().from(urgeLog).where(eq(urgeLog.id, id)).limit(1))[0];
  },
  async update(db: Db, id: string, values: Partial<typeof urgeLog.$inferInsert>): Promise<UrgeRow | undefined> {
    return (await db.update(urgeLog).set({ ...values, updatedAt: new Date() }).where(eq(urgeLog.id, id)).returning())[0];
  },
  async delete(db: Db, id: string): Promise<void> {
    await db.delete(urgeLog).where(eq(urgeLog.id, id));
  },
  async list(db: Db, ownerId: string, after: { occurredAt: Date; id: string } | undefined, limit: number): Promise<UrgeRow[]> {
    const position = after ? or(lt(urgeLog.occurredAt, after.occurredAt), and(eq(urgeLog.occurredAt, after.occurredAt), sql`${urgeLog.id} < ${after.id}`)) : undefined;
    return db
      .select()
      .from(urgeLog)
      .where(and(eq(urgeLog.ownerId, ownerId), position))
      .orderBy(desc(urgeLog.occurredAt), desc(urgeLog.id))
      .limit(limit);
  },
};
