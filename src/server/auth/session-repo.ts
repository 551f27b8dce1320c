/** The one query of the fast session read (src/server/auth/session.ts): a session and its user, by token. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { session, user } from '../db/schema/index.ts';

export interface SessionFacts {
  sessionId: string;
  userId: string;
  emailVerified: boolean;
  expiresAt: Date;
}

export const sessionRepo = {
  async byToken(db: Db, token: string): Promise<SessionFacts | undefined> {
    const [row] = await db
      .select({ sessionId: session.id, userId: user.id, emailVerified: user.emailVerified, expiresAt: session.expiresAt })
      .from(session)
      .innerJoin(user, eq(user.id, session.userId))
      .where(eq(session.token, token))
      .limit(1);
    return row;
  },
};
