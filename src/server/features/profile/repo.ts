import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { profile } from '../../db/schema/index.ts';
import type { Profile, ProfilePatch } from '../../../core/schemas/profile.ts';

type Row = typeof profile.$inferSelect;

const toProfile = (r: Row): Profile => ({
  displayName: r.displayName,
  timeZone: r.timeZone,
  usState: r.usState as Profile['usState'],
  language: r.language as Profile['language'],
});

export const profileRepo = {
  /** The profile, created from the account's name on first use. */
  async getOrCreate(db: Db, userId: string): Promise<Profile | undefined> {
    const found = await db.select().from(profile).where(eq(profile.userId, userId)).limit(1);
    if (found[0]) return toProfile(found[0]);
    await db.execute(sql`
      insert into profile (user_id, display_name)
      select id, left(name, 80) from "user" where id = ${userId}
      on conflict (user_id) do nothing`);
    const created = await db.select().from(profile).where(eq(profile.userId, userId)).limit(1);
    return created[0] ? toProfile(created[0]) : undefined;
  },

  async update(db: Db, userId: string, patch: ProfilePatch): Promise<Profile | undefined> {
    const rows = await db
      .update(profile)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(profile.userId, userId))
      .returning();
    return rows[0] ? toProfile(rows[0]) : undefined;
  },
};
