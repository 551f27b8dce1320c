import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { userKey } from '../db/schema/index.ts';

export interface UserKeyRow {
  userId: string;
  serverKeyId: string;
  wrappedKey: Buffer;
}

export const userKeyRepo = {
  async find(db: Db, userId: string): Promise<UserKeyRow | undefined> {
    const rows = await db.select().from(userKey).where(eq(userKey.userId, userId)).limit(1);
    return rows[0];
  },
  /** Inserts unless a key exists; returns the stored row either way (safe under races). */
  async insertIfAbsent(db: Db, row: UserKeyRow): Promise<UserKeyRow> {
    await db.insert(userKey).values(row).onConflictDoNothing();
    const stored = await userKeyRepo.find(db, row.userId);
    if (!stored) throw new Error('user key missing after insert');
    return stored;
  },
  async delete(db: Db, userId: string): Promise<void> {
    await db.delete(userKey).where(eq(userKey.userId, userId));
  },
};
