import type { Profile, ProfilePatch } from '../../../core/schemas/profile.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../http/problem.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import { profileRepo } from './repo.ts';

export class ProfileService {
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

  async update(actor: Actor, ownerId: string, patch: ProfilePatch): Promise<Profile> {
    await this.policy.profile.update(actor, ownerId);
    // Make sure the row exists, then change only the fields sent.
    await this.get(actor, ownerId);
    const updated = await profileRepo.update(this.db, ownerId, patch);
    if (!updated) throw notFound();
    return updated;
  }
}
