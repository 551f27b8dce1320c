/** The one query of the fast session read (src/server/auth/session.ts): a session and its user, by token. */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { session, user } from '../db/schema/index.ts';

export interface SessionFacts {
  sessionId: string;
  userId: string;
  emailVerified: boolean;
  expiresAt: Date;
}

/**
 * Built once per database and prepared (a named statement on PostgreSQL, parsed and planned once per
 * connection): it runs on every signed-in request, so neither the query builder nor the server's
 * parser should redo the work each time.
 */
const prepared = new WeakMap<Db, ReturnType<typeof build>>();
const build = (db: Db) =>
  db
    .select({ sessionId: session.id, userId: user.id, emailVerified: user.emailVerified, expiresAt: session.expiresAt })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(eq(session.token, sql.placeholder('token')))
    .limit(1)
    .prepare('trellis_session_by_token');

export const sessionRepo = {
  async byToken(db: Db, token: string): Promise<SessionFacts | undefined> {
    let query = prepared.get(db);
    if (!query) prepared.set(db, (query = build(db)));
    const [row] = await query.execute({ token });
    return row;
  },
};
