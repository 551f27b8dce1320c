/**
 * Agreements, their versions and acceptances. SQL only; who may see or change what is the
 * policy's decision, made in the service before anything here is called.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { agreement, agreementAcceptance, agreementVersion } from '../../db/schema/index.ts';

export type AgreementRow = typeof agreement.$inferSelect;
export type VersionRow = typeof agreementVersion.$inferSelect;
export type AcceptanceRow = typeof agreementAcceptance.$inferSelect;

export const agreementsRepo = {
  async insert(db: Db, row: typeof agreement.$inferInsert): Promise<AgreementRow> {
    const [created] = await db.insert(agreement).values(row).returning();
    return created!;
  },

  async findById(db: Db, id: string): Promise<AgreementRow | undefined> {
    const rows = await db.select().from(agreement).where(eq(agreement.id, id)).limit(1);
    return rows[0];
  },

  async setReviewDay(db: Db, id: string, reviewDay: string | null): Promise<void> {
    await db.update(agreement).set({ reviewDay }).where(eq(agreement.id, id));
  },

  /** Every agreement of these couples, newest first. */
  async listForCouples(db: Db, coupleIds: string[]): Promise<AgreementRow[]> {
    if (coupleIds.length === 0) return [];
    return db.select().from(agreement).where(inArray(agreement.coupleId, coupleIds)).orderBy(desc(agreement.createdAt), desc(agreement.id));
  },

  /** Inserts a version; a concurrent insert of the same number fails with a unique violation. */
  async insertVersion(db: Db, row: typeof agreementVersion.$inferInsert): Promise<VersionRow> {
    const [created] = await db.insert(agreementVersion).values(row).returning();
    return created!;
  },

  /** The versions of these agreements, oldest first. */
  async versionsOf(db: Db, agreementIds: string[]): Promise<VersionRow[]> {
    if (agreementIds.length === 0) return [];
    return db.select().from(agreementVersion).where(inArray(agreementVersion.agreementId, agreementIds)).orderBy(asc(agreementVersion.agreementId), asc(agreementVersion.number));
  },

  async acceptancesOf(db: Db, versionIds: string[]): Promise<AcceptanceRow[]> {
    if (versionIds.length === 0) return [];
    return db.select().from(agreementAcceptance).where(inArray(agreementAcceptance.versionId, versionIds)).orderBy(asc(agreementAcceptance.acceptedAt));
  },

  /** Records an acceptance once; accepting again changes nothing. */
  async accept(db: Db, versionId: string, userId: string): Promise<void> {
    await db.insert(agreementAcceptance).values({ versionId, userId }).onConflictDoNothing({ target: [agreementAcceptance.versionId, agreementAcceptance.userId] });
  },

};
