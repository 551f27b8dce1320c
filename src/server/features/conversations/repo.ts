/**
 * Conversations, their checklist confirmations and turns, and apologies. SQL only; who may see
 * or change what is the policy's decision, made in the service before anything here is called.
 */
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { apology, conversation, conversationChecklist, conversationTurn } from '../../db/schema/index.ts';

export type ConversationRow = typeof conversation.$inferSelect;
export type ConversationInsert = typeof conversation.$inferInsert;
export type TurnRow = typeof conversationTurn.$inferSelect;
export type ApologyRow = typeof apology.$inferSelect;
export type ApologyInsert = typeof apology.$inferInsert;

/** The parts of a conversation's state that a step changes. */
export type ConversationChange = Partial<
  Pick<ConversationRow, 'phase' | 'speakerId' | 'step' | 'rounds' | 'turnsStartedAt' | 'pausedUntil' | 'pausedBy' | 'resumeReady' | 'outcomeKind' | 'outcomeId' | 'endedAt'>
>;

export const conversationsRepo = {
  async insert(db: Db, row: ConversationInsert): Promise<ConversationRow> {
    const [created] = await db.insert(conversation).values(row).returning();
    return created!;
  },

  async findById(db: Db, id: string): Promise<ConversationRow | undefined> {
    const rows = await db.select().from(conversation).where(eq(conversation.id, id)).limit(1);
    return rows[0];
  },

  /**
   * The row, locked for the rest of the transaction on PostgreSQL (PGlite has one connection,
   * so transactions never overlap there), so that two people pressing at once are serialised.
   */
  async lockById(db: Db, id: string): Promise<ConversationRow | undefined> {
    const rows = await db.select().from(conversation).where(eq(conversation.id, id)).limit(1).for('update');
    return rows[0];
  },

  /**
   * Writes a change only when the version is still the one read (compare-and-set) and bumps it.
   * Undefined when someone else changed it first.
   */
  async updateIfVersion(db: Db, id: string, version: number, change: ConversationChange, at: Date): Promise<ConversationRow | undefined> {
    const [row] = await db
      .update(conversation)
      .set({ ...change, version: sql`${conversation.version} + 1`, updatedAt: at })
      .where(and(eq(conversation.id, id), eq(conversation.version, version)))
      .returning();
    return row;
  },

  /** Conversations of these couples, and those I practised alone, newest first. */
  async listFor(db: Db, userId: string, coupleIds: string[]): Promise<ConversationRow[]> {
    const alone = and(isNull(conversation.coupleId), eq(conversation.startedBy, userId));
    const where = coupleIds.length > 0 ? or(alone, inArray(conversation.coupleId, coupleIds)) : alone;
    return db.select().from(conversation).where(where).orderBy(desc(conversation.createdAt), desc(conversation.id)).limit(100);
  },

  async confirmations(db: Db, conversationId: string): Promise<string[]> {
    const rows = await db.select({ userId: conversationChecklist.userId }).from(conversationChecklist).where(eq(conversationChecklist.conversationId, conversationId));
    return rows.map((r) => r.userId);
  },

  async confirm(db: Db, conversationId: string, userId: string): Promise<void> {
    await db.insert(conversationChecklist).values({ conversationId, userId }).onConflictDoNothing();
  },

  async turns(db: Db, conversationId: string): Promise<TurnRow[]> {
    return db.select().from(conversationTurn).where(eq(conversationTurn.conversationId, conversationId)).orderBy(asc(conversationTurn.seq));
  },

  async addTurn(db: Db, row: { id: string; conversationId: string; authorId: string; kind: string; content: Buffer }): Promise<TurnRow> {
    const [last] = await db
      .select({ seq: sql<number>`coalesce(max(${conversationTurn.seq}), 0)` })
      .from(conversationTurn)
      .where(eq(conversationTurn.conversationId, row.conversationId));
    const [created] = await db
      .insert(conversationTurn)
      .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
      .returning();
    return created!;
  },
};

export const apologiesRepo = {
  async insert(db: Db, row: ApologyInsert): Promise<ApologyRow> {
    const [created] = await db.insert(apology).values(row).returning();
    return created!;
  },

  async findById(db: Db, id: string): Promise<ApologyRow | undefined> {
    const rows = await db.select().from(apology).where(eq(apology.id, id)).limit(1);
    return rows[0];
  },

  /** Mine (any), and those sent in these couples, newest first. */
  async listFor(db: Db, userId: string, coupleIds: string[]): Promise<ApologyRow[]> {
    const mine = eq(apology.ownerId, userId);
    const where = coupleIds.length > 0 ? or(mine, and(eq(apology.status, 'sent'), inArray(apology.coupleId, coupleIds))) : mine;
    return db.select().from(apology).where(where).orderBy(desc(apology.createdAt), desc(apology.id)).limit(200);
  },

  /** Marks a private apology sent into a couple; undefined when it was already sent. */
  async markSent(db: Db, id: string, coupleId: string, at: Date): Promise<ApologyRow | undefined> {
    const [row] = await db
      .update(apology)
      .set({ status: 'sent', coupleId, sentAt: at })
      .where(and(eq(apology.id, id), eq(apology.status, 'private')))
      .returning();
    return row;
  },

  async setCommitment(db: Db, id: string, commitmentId: string): Promise<void> {
    await db.update(apology).set({ commitmentId }).where(eq(apology.id, id));
  },

  async delete(db: Db, id: string): Promise<void> {
    await db.delete(apology).where(eq(apology.id, id));
  },
};
