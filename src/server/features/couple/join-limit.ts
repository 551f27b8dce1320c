/**
 * How often one person may try an invitation code (docs/decisions/022): JOIN_MAX attempts per
 * JOIN_WINDOW_MS, counted in the database (better-auth's rate_limit table, under a key of our own:
 * `couple-join:<userId>`) so the limit holds across instances and restarts. One atomic upsert
 * counts the attempt: a fixed window that starts with the first attempt after the last one ended
 * (`last_request` is the window's start here). Counted outside the join's transaction, so a wrong
 * code — which rolls the join back — still counts.
 */
import type { Db } from '../../db/client.ts';
import { rateWindowRepo } from '../../http/rate-window-repo.ts';

export const JOIN_MAX = 10;
export const JOIN_WINDOW_MS = 15 * 60_000;

export const joinLimitRepo = {
  /** Counts one attempt; returns the attempts in the current window and when that window ends. */
  async count(db: Db, userId: string, now: number, windowMs = JOIN_WINDOW_MS): Promise<{ attempts: number; resetAt: number }> {
    return rateWindowRepo.count(db, `couple-join:${userId}`, now, windowMs);
  },
};
