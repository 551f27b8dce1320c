/** SQL for reminders and notifications (docs/decisions/021). */
import { and, eq, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { agreement, notificationSent, notificationSettings, profile, pushSubscription, user, vapidKey } from '../db/schema/index.ts';

export type SettingsRow = typeof notificationSettings.$inferSelect;
export type PushRow = typeof pushSubscription.$inferSelect;

export const notificationsRepo = {
  async settings(db: Db, userId: string): Promise<SettingsRow | undefined> {
    const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
    return row;
  },

  async upsertSettings(db: Db, row: typeof notificationSettings.$inferInsert): Promise<SettingsRow> {
    const { userId, ...rest } = row;
    const [saved] = await db
      .insert(notificationSettings)
      .values(row)
      .onConflictDoUpdate({ target: notificationSettings.userId, set: { ...rest, updatedAt: new Date() } })
      .returning();
    return saved!;
  },

  async timeZone(db: Db, userId: string): Promise<string | null> {
    const [row] = await db.select({ timeZone: profile.timeZone }).from(profile).where(eq(profile.userId, userId));
    return row?.timeZone ?? null;
  },

  async email(db: Db, userId: string): Promise<string | undefined> {
    const [row] = await db.select({ email: user.email }).from(user).where(eq(user.id, userId));
    return row?.email;
  },

  /** Reminders on and due, with the owner's zone (oldest first, a batch at a time). */
  async due(db: Db, now: Date, limit = 200): Promise<Array<SettingsRow & { timeZone: string | null }>> {
    const rows = await db
      .select({ s: notificationSettings, timeZone: profile.timeZone })
      .from(notificationSettings)
      .leftJoin(profile, eq(profile.userId, notificationSettings.userId))
      .where(and(eq(notificationSettings.checkinReminder, true), isNotNull(notificationSettings.nextDueAt), lte(notificationSettings.nextDueAt, now)))
      .orderBy(notificationSettings.nextDueAt)
      .limit(limit);
    return rows.map((r) => ({ ...r.s, timeZone: r.timeZone }));
  },

  /** Moves next_due_at on, only if nobody else already did (two instances, a retried job). */
  async advance(db: Db, userId: string, from: Date, to: Date | null): Promise<boolean> {
    const rows = await db
      .update(notificationSettings)
      .set({ nextDueAt: to })
      .where(and(eq(notificationSettings.userId, userId), eq(notificationSettings.nextDueAt, from)))
      .returning({ userId: notificationSettings.userId });
    return rows.length === 1;
  },

  /** Claims (user, kind, reference) once; false when it was already claimed. */
  async claim(db: Db, userId: string, kind: string, reference: string): Promise<boolean> {
    const rows = await db.insert(notificationSent).values({ userId, kind, reference }).onConflictDoNothing().returning({ userId: notificationSent.userId });
    return rows.length === 1;
  },

  async agreementsWithReview(db: Db, fromDay: string, toDay: string): Promise<Array<{ id: string; coupleId: string; reviewDay: string }>> {
    const rows = await db
      .select({ id: agreement.id, coupleId: agreement.coupleId, reviewDay: agreement.reviewDay })
      .from(agreement)
      .where(and(isNotNull(agreement.reviewDay), sql`${agreement.reviewDay} between ${fromDay} and ${toDay}`));
    return rows.map((r) => ({ ...r, reviewDay: r.reviewDay! }));
  },

  async subscriptions(db: Db, userId: string): Promise<PushRow[]> {
    return db.select().from(pushSubscription).where(eq(pushSubscription.userId, userId)).orderBy(pushSubscription.createdAt);
  },

  async subscription(db: Db, id: string): Promise<PushRow | undefined> {
    const [row] = await db.select().from(pushSubscription).where(eq(pushSubscription.id, id));
    return row;
  },

  /** A re-subscribe of the same endpoint moves it to the new owner and keys. */
  async upsertSubscription(db: Db, row: typeof pushSubscription.$inferInsert): Promise<PushRow> {
    const [saved] = await db
      .insert(pushSubscription)
      .values(row)
      .onConflictDoUpdate({ target: pushSubscription.endpoint, set: { userId: row.userId, p256dh: row.p256dh, auth: row.auth, discreet: row.discreet ?? false } })
      .returning();
    return saved!;
  },

  async deleteSubscription(db: Db, id: string): Promise<void> {
    await db.delete(pushSubscription).where(eq(pushSubscription.id, id));
  },

  /** The pair stored under `id`: the server key's fingerprint, or 'default' for a pair from before pairs were per key. */
  async vapid(db: Db, id: string): Promise<typeof vapidKey.$inferSelect | undefined> {
    const [row] = await db.select().from(vapidKey).where(eq(vapidKey.id, id));
    return row;
  },

  /** First writer wins; every instance with the same server key then reads the same pair. */
  async insertVapid(db: Db, id: string, publicKey: string, privateKey: Buffer): Promise<void> {
    await db.insert(vapidKey).values({ id, publicKey, privateKey }).onConflictDoNothing();
  },
};
