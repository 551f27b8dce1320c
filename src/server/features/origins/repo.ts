import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { originsVersion } from '../../db/schema/index.ts';

export type OriginsRow = typeof originsVersion.$inferSelect;

export const originsRepo = {
  async insert(db: Db, row: { id: string; ownerId: string; content: Buffer }): Promise<OriginsRow> {
    const [created] = await db.insert(originsVersion).values(row).returning();
    return created!;
  },
  async findById(db: Db, id: string): Promise<OriginsRow | undefined> {
    return (await db.select().from(originsVersion).where(eq(originsVersion.id, id)).limit(1))[0];
  },
  async latest(db: Db, ownerId: string): Promise<OriginsRow | undefined> {
    return (await db.select().from(originsVersion).where(eq(originsVersion.ownerId, ownerId)).orderBy(desc(originsVersion.createdAt), desc(originsVersion.id)).limit(1))[0];
  },
  async history(db: Db, ownerId: string): Promise<Array<{ id: string; createdAt: Date }>> {
    return db
      .select({ id: originsVersion.id, createdAt: originsVersion.createdAt })
      .from(originsVersion)
      .where(eq(originsVersion.ownerId, ownerId))
      .orderBy(desc(originsVersion.createdAt), desc(originsVersion.id))
      .limit(200);
  },
};
