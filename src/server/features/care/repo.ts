/** SQL for practices, therapists and bookings (docs/decisions/026). */
import { and, asc, eq, gt, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  booking,
  member,
  organization,
  practiceSessionType,
  practiceSettings,
  therapist,
  therapistAvailability,
  therapistAvailabilityException,
  therapistLicence,
  user,
} from '../../db/schema/index.ts';

export type PracticeRow = typeof organization.$inferSelect & { timeZone: string };
export type SessionTypeRow = typeof practiceSessionType.$inferSelect;
export type TherapistRow = typeof therapist.$inferSelect;
export type LicenceRow = typeof therapistLicence.$inferSelect;
export type WindowRow = typeof therapistAvailability.$inferSelect;
export type ExceptionRow = typeof therapistAvailabilityException.$inferSelect;
export type BookingRow = typeof booking.$inferSelect;

/** Live bookings hold their time; declined and cancelled ones free it. */
export const LIVE_STATUSES = ['requested', 'accepted'] as const;

export const careRepo = {
  async insertPractice(db: Db, p: { id: string; name: string; slug: string; timeZone: string; ownerMemberId: string; ownerUserId: string }): Promise<void> {
    await db.insert(organization).values({ id: p.id, name: p.name, slug: p.slug });
    await db.insert(practiceSettings).values({ organizationId: p.id, timeZone: p.timeZone });
    await db.insert(member).values({ id: p.ownerMemberId, organizationId: p.id, userId: p.ownerUserId, role: 'owner' });
  },

  async practiceBySlug(db: Db, slug: string): Promise<PracticeRow | undefined> {
    const [row] = await db
      .select({ o: organization, timeZone: practiceSettings.timeZone })
      .from(organization)
      .innerJoin(practiceSettings, eq(practiceSettings.organizationId, organization.id))
      .where(eq(organization.slug, slug));
    return row ? { ...row.o, timeZone: row.timeZone } : undefined;
  },

  async practiceById(db: Db, id: string): Promise<PracticeRow | undefined> {
    const [row] = await db
      .select({ o: organization, timeZone: practiceSettings.timeZone })
      .from(organization)
      .innerJoin(practiceSettings, eq(practiceSettings.organizationId, organization.id))
      .where(eq(organization.id, id));
    return row ? { ...row.o, timeZone: row.timeZone } : undefined;
  },

  async insertMember(db: Db, m: typeof member.$inferInsert): Promise<void> {
    await db.insert(member).values(m).onConflictDoNothing();
  },

  async upsertSessionType(db: Db, t: typeof practiceSessionType.$inferInsert): Promise<SessionTypeRow> {
    const { id: _id, organizationId: _org, kind: _kind, ...rest } = t;
    const [row] = await db
      .insert(practiceSessionType)
      .values(t)
      .onConflictDoUpdate({ target: [practiceSessionType.organizationId, practiceSessionType.kind], set: rest })
      .returning();
    return row!;
  },

  async sessionTypes(db: Db, organizationId: string): Promise<SessionTypeRow[]> {
    return db.select().from(practiceSessionType).where(eq(practiceSessionType.organizationId, organizationId)).orderBy(asc(practiceSessionType.kind));
  },

  async insertTherapist(db: Db, t: typeof therapist.$inferInsert): Promise<TherapistRow> {
    const [row] = await db.insert(therapist).values(t).returning();
    return row!;
  },

  async therapistById(db: Db, id: string): Promise<TherapistRow | undefined> {
    const [row] = await db.select().from(therapist).where(eq(therapist.id, id));
    return row;
  },

  async therapists(db: Db, organizationId: string): Promise<TherapistRow[]> {
    return db.select().from(therapist).where(eq(therapist.organizationId, organizationId)).orderBy(asc(therapist.displayName));
  },

  async replaceLicences(db: Db, therapistId: string, rows: Array<typeof therapistLicence.$inferInsert>): Promise<void> {
    await db.delete(therapistLicence).where(eq(therapistLicence.therapistId, therapistId));
    if (rows.length) await db.insert(therapistLicence).values(rows);
  },

  async licences(db: Db, therapistIds: string[]): Promise<LicenceRow[]> {
    if (!therapistIds.length) return [];
    return db.select().from(therapistLicence).where(inArray(therapistLicence.therapistId, therapistIds));
  },

  async replaceAvailability(db: Db, therapistId: string, windows: Array<typeof therapistAvailability.$inferInsert>, exceptions: Array<typeof therapistAvailabilityException.$inferInsert>): Promise<void> {
    await db.delete(therapistAvailability).where(eq(therapistAvailability.therapistId, therapistId));
    await db.delete(therapistAvailabilityException).where(eq(therapistAvailabilityException.therapistId, therapistId));
    if (windows.length) await db.insert(therapistAvailability).values(windows);
    if (exceptions.length) await db.insert(therapistAvailabilityException).values(exceptions);
  },

  async availability(db: Db, therapistId: string): Promise<{ windows: WindowRow[]; exceptions: ExceptionRow[] }> {
    const windows = await db.select().from(therapistAvailability).where(eq(therapistAvailability.therapistId, therapistId));
    const exceptions = await db.select().from(therapistAvailabilityException).where(eq(therapistAvailabilityException.therapistId, therapistId));
    return { windows, exceptions };
  },

  /** The therapist's live bookings that touch [from, to). */
  async busy(db: Db, therapistId: string, from: Date, to: Date): Promise<Array<{ id: string; startsAt: Date; endsAt: Date; blockedUntil: Date }>> {
    return db
      .select({ id: booking.id, startsAt: booking.startsAt, endsAt: booking.endsAt, blockedUntil: booking.blockedUntil })
      .from(booking)
      .where(and(eq(booking.therapistId, therapistId), inArray(booking.status, [...LIVE_STATUSES]), lt(booking.startsAt, to), gt(booking.blockedUntil, from)));
  },

  /** Inserts a booking; the exclusion constraint `booking_no_overlap` refuses an overlap (23P01). */
  async insertBooking(db: Db, b: Omit<typeof booking.$inferInsert, 'blocked'>): Promise<BookingRow> {
    const [row] = await db.insert(booking).values(b).returning();
    return row!;
  },

  async bookingById(db: Db, id: string): Promise<BookingRow | undefined> {
    const [row] = await db.select().from(booking).where(eq(booking.id, id));
    return row;
  },

  async bookingByTokenHash(db: Db, hash: string): Promise<BookingRow | undefined> {
    const [row] = await db.select().from(booking).where(eq(booking.manageTokenHash, hash));
    return row;
  },

  async setBookingStatus(db: Db, id: string, status: BookingRow['status'], from: readonly BookingRow['status'][]): Promise<BookingRow | undefined> {
    const [row] = await db
      .update(booking)
      .set({ status, updatedAt: new Date() })
      .where(and(eq(booking.id, id), inArray(booking.status, [...from])))
      .returning();
    return row;
  },

  /** Moves a live booking; undefined when it is no longer live. The new time gets its reminders afresh. */
  async moveBooking(db: Db, id: string, times: { startsAt: Date; endsAt: Date; blockedUntil: Date }): Promise<BookingRow | undefined> {
    const [row] = await db
      .update(booking)
      .set({ ...times, updatedAt: new Date(), reminded24hAt: null, reminded1hAt: null })
      .where(and(eq(booking.id, id), inArray(booking.status, [...LIVE_STATUSES])))
      .returning();
    return row;
  },

  async therapistsOfUser(db: Db, userId: string): Promise<TherapistRow[]> {
    return db.select().from(therapist).where(eq(therapist.userId, userId));
  },

  async accountByEmail(db: Db, email: string): Promise<{ id: string; verified: boolean; twoFactor: boolean } | undefined> {
    const [row] = await db.select({ id: user.id, verified: user.emailVerified, twoFactor: user.twoFactorEnabled }).from(user).where(eq(user.email, email));
    return row;
  },

  async account(db: Db, userId: string): Promise<{ email: string; twoFactor: boolean } | undefined> {
    const [row] = await db.select({ email: user.email, twoFactor: user.twoFactorEnabled }).from(user).where(eq(user.id, userId));
    return row;
  },

  async bookingsForTherapist(db: Db, therapistId: string, from: Date): Promise<BookingRow[]> {
    return db.select().from(booking).where(and(eq(booking.therapistId, therapistId), gt(booking.blockedUntil, from))).orderBy(asc(booking.startsAt));
  },

  /** Accepted bookings starting in (from, to] with a reminder still unsent (the partial index booking_upcoming_idx). */
  async acceptedStartingBetween(db: Db, from: Date, to: Date): Promise<BookingRow[]> {
    return db
      .select()
      .from(booking)
      .where(and(eq(booking.status, 'accepted'), gt(booking.startsAt, from), lte(booking.startsAt, to), or(isNull(booking.reminded24hAt), isNull(booking.reminded1hAt))))
      .orderBy(asc(booking.startsAt));
  },

  /**
   * Claims one reminder of one booking: true for exactly one caller. Only while the booking is
   * still accepted at the time it was read, so a cancel or a move in between claims nothing.
   */
  async claimReminder(db: Db, id: string, kind: '24h' | '1h', startsAt: Date, at: Date): Promise<boolean> {
    const column = kind === '24h' ? booking.reminded24hAt : booking.reminded1hAt;
    const rows = await db
      .update(booking)
      .set(kind === '24h' ? { reminded24hAt: at } : { reminded1hAt: at })
      .where(and(eq(booking.id, id), isNull(column), eq(booking.status, 'accepted'), eq(booking.startsAt, startsAt)))
      .returning({ id: booking.id });
    return rows.length === 1;
  },

  /** Deletes a practice and, by cascade, its settings, session types, members, therapists and bookings (the demo's re-run). */
  async deletePractice(db: Db, id: string): Promise<void> {
    await db.delete(organization).where(eq(organization.id, id));
  },
};
