/**
 * SQL of the emergency reset (docs/decisions/029) over better-auth's own tables: sessions, and
 * the two-factor "trusted device" records (better-auth keeps each in `verification`, identifier
 * `trust-device-…`, value the user's id). No decisions here: the service asks the policy first.
 */
import { and, eq, like, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { session, verification } from '../../db/schema/index.ts';

/** The prefix better-auth's two-factor plugin gives a trusted device's record. */
export const TRUSTED_DEVICE_PREFIX = 'trust-device-';

export const safetyRepo = {
  /** Deletes every session of the person except `keepSessionId`; how many went. */
  async deleteOtherSessions(db: Db, userId: string, keepSessionId: string): Promise<number> {
    const rows = await db
      .delete(session)
      .where(and(eq(session.userId, userId), ne(session.id, keepSessionId)))
      .returning({ id: session.id });
    return rows.length;
  },

  /** Deletes the person's trusted-device records, so every device asks for a two-factor code again; how many went. */
  async deleteTrustedDevices(db: Db, userId: string): Promise<number> {
    const rows = await db
      .delete(verification)
      .where(and(like(verification.identifier, `${TRUSTED_DEVICE_PREFIX}%`), eq(verification.value, userId)))
      .returning({ id: verification.id });
    return rows.length;
  },
};
