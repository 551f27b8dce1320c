/**
 * Commitments and their marked occurrences. SQL only; who may see or change what is the
 * policy's decision, made in the service before anything here is called.
 */
import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { commitment, commitmentOccurrence } from '../../db/schema/index.ts';

export type CommitmentRow = typeof commitment.$inferSelect;
export type CommitmentInsert = typeof commitment.$inferInsert;
export type OccurrenceRow = typeof commitmentOccurrence.$inferSelect;

export const commitmentsRepo = {
  async insert(db: Db, row: CommitmentInsert): Promise<CommitmentRow> {
    const [created] = await db.insert(commitment).values(row).returning();
    return created!;
  },

  async findById(db: Db, id: string): Promise<CommitmentRow | undefined> {
    const rows = await db.select().from(commitment).where(eq(commitment.id, id)).limit(1);
    return rows[0];
  },

  /** Every commitment of these couples, newest first. */
  async listForCouples(db: Db, coupleIds: string[]): Promise<CommitmentRow[]> {
    if (coupleIds.length === 0) return [];
    return db.select().from(commitment).where(inArray(commitment.coupleId, coupleIds)).orderBy(desc(commitment.createdAt), desc(commitment.id));
  },

  /** The one that this one replaced (if any). */
  async predecessorsOf(db: Db, ids: string[]): Promise<Array<{ id: string; replacedBy: string | null }>> {
    if (ids.length === 0) return [];
    return db.select({ id: commitment.id, replacedBy: commitment.replacedBy }).from(commitment).where(inArray(commitment.replacedBy, ids));
  },

  /**
   * Moves an active commitment to a new status; only when it is still active, so two racing
   * renegotiations cannot both succeed. Returns undefined when it was no longer active.
   */
  async closeIfActive(db: Db, id: string, status: 'renegotiated' | 'ended', replacedBy: string | null, at: Date): Promise<CommitmentRow | undefined> {
    const [row] = await db
      .update(commitment)
      .set({ status, replacedBy, updatedAt: at })
      .where(and(eq(commitment.id, id), eq(commitment.status, 'active')))
      .returning();
    return row;
  },

  /** Marked occurrences of these commitments on or after a day, oldest first. */
  async occurrencesSince(db: Db, commitmentIds: string[], fromDay: string): Promise<OccurrenceRow[]> {
    if (commitmentIds.length === 0) return [];
    return db
      .select()
      .from(commitmentOccurrence)
      .where(and(inArray(commitmentOccurrence.commitmentId, commitmentIds), gte(commitmentOccurrence.day, fromDay)))
      .orderBy(asc(commitmentOccurrence.day));
  },

  /** Marks (or re-marks) one occurrence. */
  async upsertOccurrence(db: Db, row: { id: string; commitmentId: string; day: string; outcome: string }): Promise<OccurrenceRow> {
    const [saved] = await db
      .insert(commitmentOccurrence)
      .values(row)
      .onConflictDoUpdate({ target: [commitmentOccurrence.commitmentId, commitmentOccurrence.day], set: { outcome: row.outcome, markedAt: new Date() } })
      .returning();
    return saved!;
  },
};
