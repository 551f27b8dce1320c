/**
 * The one place that decides who may do what to which item (design.md, "Visibility rules").
 * Services call `policy.require*` before touching data; a denial is answered as 404 so that
 * the existence of someone else's item is never revealed.
 */
import { isAllowed, type Action, type Audience, type Relation } from '../../core/visibility/rules.ts';
import { notFound, unauthorized } from '../http/problem.ts';
import type { Actor } from './actor.ts';

export type { Actor } from './actor.ts';

/** Facts about how two accounts relate. Grows with couples and therapists; today: self or not. */
export interface RelationFacts {
  relationTo(actor: Actor, ownerId: string): Promise<Relation>;
}

export const basicRelations: RelationFacts = {
  async relationTo(actor, ownerId) {
    if (actor.kind === 'anonymous') return 'anonymous';
    if (actor.kind === 'system') return 'stranger';
    return actor.userId === ownerId ? 'owner' : 'stranger';
  },
};

export interface ItemRef {
  ownerId: string;
  audience: Audience;
}

export class Policy {
  constructor(private readonly relations: RelationFacts = basicRelations) {}

  async can(actor: Actor, action: Action, item: ItemRef): Promise<boolean> {
    const relation = await this.relations.relationTo(actor, item.ownerId);
    return isAllowed(relation, item.audience, action);
  }

  /** Throws 401 for the signed-out and 404 for anyone else who may not. */
  async require(actor: Actor, action: Action, item: ItemRef): Promise<void> {
    if (await this.can(actor, action, item)) return;
    throw actor.kind === 'anonymous' ? unauthorized() : notFound();
  }

  /** The signed-in user, or 401. */
  requireUser(actor: Actor): Extract<Actor, { kind: 'user' }> {
    if (actor.kind !== 'user') throw unauthorized();
    return actor;
  }

  /** A person's profile is theirs alone. */
  profile = {
    read: (actor: Actor, ownerId: string) => this.require(actor, 'read', { ownerId, audience: 'private' }),
    update: (actor: Actor, ownerId: string) => this.require(actor, 'update', { ownerId, audience: 'private' }),
  };
}
