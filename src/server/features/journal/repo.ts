import { and, arrayContains, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { entryShare, journalEntry } from '../../db/schema/index.ts';

export type JournalRow = typeof journalEntry.$inferSelect;
export type JournalInsert = typeof journalEntry.$inferInsert;
export type ShareRow = typeof entryShare.$inferSelect;

/** The plain columns of an entry (no sealed content): what facts are built from. */
const factColumns = {
  id: journalEntry.id,
  kind: journalEntry.kind,
  occurredAt: journalEntry.occurredAt,
  topic: journalEntry.topic,
  bodyCues: journalEntry.bodyCues,
  intensityBefore: journalEntry.intensityBefore,
  intensityAfter: journalEntry.intensityAfter,
  urge: journalEntry.urge,
  urgeActedOn: journalEntry.urgeActedOn,
  woundOrSignal: journalEntry.woundOrSignal,
  tagIndex: journalEntry.tagIndex,
};
export type JournalFactRow = Pick<JournalRow, keyof typeof factColumns>;

export interface JournalFilters {
  from?: Date;
  to?: Date;
  topic?: string;
  tagHash?: string;
  kind?: string;
  minIntensity?: number;
  maxIntensity?: number;
  urgeActedOn?: boolean;
}

export const journalRepo = {
  async insert(db: Db, row: JournalInsert): Promise<JournalRow> {
    const [created] = await db.insert(journalEntry).values(row).returning();
    return created!;
  },

  async findById(db: Db, id: string): Promise<JournalRow | undefined> {
    const rows = await db.select().from(journalEntry).where(eq(journalEntry.id, id)).limit(1);
    return rows[0];
  },

  async update(db: Db, id: string, values: Partial<JournalInsert>): Promise<JournalRow | undefined> {
    const [row] = await db
      .update(journalEntry)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(journalEntry.id, id))
      .returning();
    return row;
  },

  async delete(db: Db, id: string): Promise<void> {
    await db.delete(journalEntry).where(eq(journalEntry.id, id));
  },

  /** The plain columns of every entry of the owner in [from, to], oldest first — for insights and guidance. */
  async factsInRange(db: Db, ownerId: string, from: Date | undefined, to: Date | undefined): Promise<JournalFactRow[]> {
    const where: SQL[] = [eq(journalEntry.ownerId, ownerId)];
    if (from) where.push(gte(journalEntry.occurredAt, from));
    if (to) where.push(lte(journalEntry.occurredAt, to));
    return db.select(factColumns).from(journalEntry).where(and(...where)).orderBy(journalEntry.occurredAt, journalEntry.id);
  },

  /** The sealed content of some of the owner's entries. */
  async contentOf(db: Db, ownerId: string, ids: string[]): Promise<Array<{ id: string; content: Buffer }>> {
    if (ids.length === 0) return [];
    return db.select({ id: journalEntry.id, content: journalEntry.content }).from(journalEntry).where(and(eq(journalEntry.ownerId, ownerId), inArray(journalEntry.id, ids)));
  },

  /** Shares an entry into a couple (again: into this couple, shared now). One share per entry. */
  async share(db: Db, row: { entryId: string; ownerId: string; coupleId: string }): Promise<ShareRow> {
    const [saved] = await db
      .insert(entryShare)
      .values(row)
      .onConflictDoUpdate({ target: entryShare.entryId, set: { coupleId: row.coupleId, sharedAt: sql`case when ${entryShare.coupleId} = ${row.coupleId} then ${entryShare.sharedAt} else now() end` } })
      .returning();
    return saved!;
  },

  async unshare(db: Db, entryId: string): Promise<void> {
    await db.delete(entryShare).where(eq(entryShare.entryId, entryId));
  },

  /** The shares of these entries. */
  async sharesOf(db: Db, entryIds: string[]): Promise<ShareRow[]> {
    if (entryIds.length === 0) return [];
    return db.select().from(entryShare).where(inArray(entryShare.entryId, entryIds));
  },

  /** Entries one owner shared into one couple, newest share first, with the entries themselves. */
  async sharedInto(db: Db, coupleId: string, ownerId: string): Promise<Array<{ share: ShareRow; entry: JournalRow }>> {
    return db
      .select({ share: entryShare, entry: journalEntry })
      .from(entryShare)
      .innerJoin(journalEntry, eq(journalEntry.id, entryShare.entryId))
      .where(and(eq(entryShare.coupleId, coupleId), eq(entryShare.ownerId, ownerId), eq(journalEntry.ownerId, ownerId)))
      .orderBy(desc(entryShare.sharedAt), desc(entryShare.entryId));
  },

  /** Newest first by (occurredAt, id), strictly after the cursor position when given. */
  async list(db: Db, ownerId: string, f: JournalFilters, after: { occurredAt: Date; id: string } | undefined, limit: number): Promise<JournalRow[]> {
    const where: SQL[] = [eq(journalEntry.ownerId, ownerId)];
    if (f.from) where.push(gte(journalEntry.occurredAt, f.from));
    if (f.to) where.push(lte(journalEntry.occurredAt, f.to));
    if (f.topic) where.push(eq(journalEntry.topic, f.topic));
    if (f.kind) where.push(eq(journalEntry.kind, f.kind));
    if (f.tagHash) where.push(arrayContains(journalEntry.tagIndex, [f.tagHash]));
    if (f.minIntensity !== undefined) where.push(gte(journalEntry.intensityBefore, f.minIntensity));
    if (f.maxIntensity !== undefined) where.push(lte(journalEntry.intensityBefore, f.maxIntensity));
    if (f.urgeActedOn !== undefined) where.push(eq(journalEntry.urgeActedOn, f.urgeActedOn));
    if (after) {
      where.push(or(lt(journalEntry.occurredAt, after.occurredAt), and(eq(journalEntry.occurredAt, after.occurredAt), sql`${journalEntry.id} < ${after.id}`))!);
    }
    return db
      .select()
      .from(journalEntry)
      .where(and(...where))
      .orderBy(desc(journalEntry.occurredAt), desc(journalEntry.id))
      .limit(limit);
  },
};
