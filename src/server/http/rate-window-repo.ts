/**
 * Our own fixed-window counters, in better-auth's `rate_limit` table under keys of our own
 * (`couple-join:<userId>`, `booking:<address>`), so a limit holds across instances and restarts.
 * One atomic upsert counts an attempt: a window starts with the first attempt after the last one
 * ended (`last_request` is the window's start here).
 */
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/client.ts';
import { rateLimit } from '../db/schema/index.ts';

export const rateWindowRepo = {
  /** Counts one attempt under `key`; returns the attempts in the current window and when it ends. */
  async count(db: Db, key: string, now: number, windowMs: number): Promise<{ attempts: number; resetAt: number }> {
    const expired = sql`${rateLimit.lastRequest} <= ${now - windowMs}`;
    const [row] = await db
      .insert(rateLimit)
      .values({ id: uuidv7(), key, count: 1, lastRequest: now })
      .onConflictDoUpdate({
        target: rateLimit.key,
        set: {
          count: sql`case when ${expired} then 1 else ${rateLimit.count} + 1 end`,
          lastRequest: sql`case when ${expired} then ${now} else ${rateLimit.lastRequest} end`,
        },
      })
      .returning({ count: rateLimit.count, lastRequest: rateLimit.lastRequest });
    return { attempts: row!.count, resetAt: Number(row!.lastRequest) + windowMs };
  },
};
