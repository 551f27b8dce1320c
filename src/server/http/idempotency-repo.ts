import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { idempotencyKey } from '../db/schema/index.ts';

export interface IdempotencyRecord {
  requestHash: string;
  statusCode: number | null;
  responseBody: unknown;
}

export const idempotencyRepo = {
  /** Claims the key; false when it was claimed before (the caller then replays). */
  async claim(db: Db, r: { actorId: string; key: string; method: string; path: string; requestHash: string }): Promise<boolean> {
    const rows = await db.insert(idempotencyKey).values(r).onConflictDoNothing().returning({ key: idempotencyKey.key });
    return rows.length === 1;
  },
  async find(db: Db, actorId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const rows = await db
      .select({ requestHash: idempotencyKey.requestHash, statusCode: idempotencyKey.statusCode, responseBody: idempotencyKey.responseBody })
      .from(idempotencyKey)
      .where(and(eq(idempotencyKey.actorId, actorId), eq(idempotencyKey.key, key)))
      .limit(1);
    return rows[0];
  },
  async complete(db: Db, actorId: string, key: string, statusCode: number, responseBody: unknown): Promise<void> {
    await db
      .update(idempotencyKey)
      .set({ statusCode, responseBody })
      .where(and(eq(idempotencyKey.actorId, actorId), eq(idempotencyKey.key, key)));
  },
  async purgeOlderThan(db: Db, cutoff: Date): Promise<void> {
    await db.delete(idempotencyKey).where(lt(idempotencyKey.createdAt, cutoff));
  },
};
