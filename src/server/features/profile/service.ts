import type { Profile, ProfilePatch } from '../../../core/schemas/profile.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../http/problem.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import { profileRepo } from './repo.ts';

export class ProfileService {
  private readonly zoneListeners: Array<(userId: string) => Promise<void>> = [];

  /** Called after a person's time zone changed (reminders are due in their own zone). */
  onTimeZoneChange(listener: (userId: string) => Promise<void>): void {
    this.zoneListeners.push(listener);
  }

  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
  ) {}

  async get(actor: Actor, ownerId: string): Promise<Profile> {
    await this.policy.profile.read(actor, ownerId);
    const found = await profileRepo.getOrCreate(this.db, ownerId);
    if (!found) throw notFound();
    return found;
  }

  /** Only the display name, for the person's current partner (the couple page); the rest stays private. */
  async nameForPartner(actor: Actor, ownerId: string, db: Db = this.db): Promise<string> {
    await this.policy.profileName.read(actor, ownerId, db);
    const found = await profileRepo.getOrCreate(db, ownerId);
    if (!found) throw notFound();
    return found.displayName;
  }

  async update(actor: Actor, ownerId: string, patch: ProfilePatch): Promise<Profile> {
    await this.policy.profile.update(actor, ownerId);
    // One statement in the usual case; the first change ever creates the row first.
    const updated = (await profileRepo.update(this.db, ownerId, patch)) ?? (await this.createThenUpdate(ownerId, patch));
    if (!updated) throw notFound();
    if (patch.timeZone !== undefined) for (const listener of this.zoneListeners) await listener(ownerId);
    return updated;
  }

  private async createThenUpdate(ownerId: string, patch: ProfilePatch): Promise<Profile | undefined> {
    await profileRepo.getOrCreate(this.db, ownerId);
    return profileRepo.update(this.db, ownerId, patch);
  }
}
