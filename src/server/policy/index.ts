/**
 * The one place that decides who may do what to which item (design.md, "Visibility rules").
 * Services call `policy.require*` before touching data; a denial is answered as 404 so that
 * the existence of someone else's item is never revealed.
 */
import { isAllowed, type Action, type Audience, type Relation } from '../../core/visibility/rules.ts';
import { effectiveCategories, type CoupleNow, type LinkFacts } from '../../core/care/consent.ts';
import { CARE_CATEGORIES, type CareCategory } from '../../core/schemas/care-sharing.ts';
import { HttpProblem, notFound, unauthorized } from '../http/problem.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from './actor.ts';
import { currentMembershipGeneration, relationsRepo } from './relations-repo.ts';

export type { Actor } from './actor.ts';

/** Facts about how the person asking relates to an item's owner (and, for couple items, the couple). */
export interface RelationFacts {
  /** `db`: the open transaction, when asked inside one (the embedded engine has one connection). */
  relationTo(actor: Actor, item: ItemRef, db?: Db): Promise<Relation>;
  /** The actor's active couple and partner, or undefined when not linked. */
  activeCouple(actor: Actor, db?: Db): Promise<{ coupleId: string; partnerId: string | null } | undefined>;
  /** Every couple the actor belongs or belonged to (none when not given: no couples without a database). */
  couplesOf?(actor: Actor, db?: Db): Promise<Array<{ coupleId: string; partnerId: string | null; active: boolean }>>;
  /** The actor's role in a practice ('owner', 'therapist', …), or undefined when not a member. */
  practiceRole?(actor: Actor, practiceId: string, db?: Db): Promise<string | undefined>;
}

/** Without a database: self or not (unit tests of private items). */
export const basicRelations: RelationFacts = {
  async relationTo(actor, item) {
    if (actor.kind === 'anonymous') return 'anonymous';
    if (actor.kind === 'system') return 'stranger';
    return actor.userId === item.ownerId ? 'owner' : 'stranger';
  },
  async activeCouple() {
    return undefined;
  },
};

/**
 * Relations read from the database. A couple item is judged against ITS couple: a member of that
 * couple other than the owner is its `partner` while the couple is linked and a `former-partner`
 * once it is unlinked (the archive) — someone's later partner never sees an earlier couple's items.
 * A private item never needs a lookup: only its owner may touch it.
 *
 * Within one request (one actor object) each couple fact is read once and remembered
 * (docs/decisions/041): the service's check and the policy's ask the same question. The memory
 * lasts at most RELATION_MEMORY_MS and is dropped by any write to couple membership in this
 * process, so a request that links or unlinks reads the new state; it is never shared between
 * requests, so nothing one person's request learnt is seen by another's.
 */
export const RELATION_MEMORY_MS = 1000;

export function databaseRelations(defaultDb: Db, now: () => number = Date.now): RelationFacts {
  const memory = new WeakMap<Actor, { generation: number; since: number; facts: Map<string, Promise<unknown>> }>();
  const remembered = <T>(actor: Actor, key: string, read: () => Promise<T>): Promise<T> => {
    const generation = currentMembershipGeneration();
    let m = memory.get(actor);
    if (!m || m.generation !== generation || now() - m.since > RELATION_MEMORY_MS) {
      m = { generation, since: now(), facts: new Map() };
      memory.set(actor, m);
    }
    const known = m.facts.get(key) as Promise<T> | undefined;
    if (known) return known;
    const fresh = read();
    const facts = m.facts;
    facts.set(key, fresh);
    // A failed read (an aborted transaction) is not remembered.
    fresh.catch(() => {
      if (facts.get(key) === fresh) facts.delete(key);
    });
    return fresh;
  };
  return {
    async relationTo(actor, item, db = defaultDb) {
      const basic = await basicRelations.relationTo(actor, item);
      if (basic !== 'stranger' || actor.kind !== 'user' || item.audience === 'private') return basic;
      if (item.coupleId) {
        const coupleId = item.coupleId;
        // Most often the item belongs to my active couple, which this request usually knows already.
        const active = await remembered(actor, `active:${actor.userId}`, () => relationsRepo.activeCouple(db, actor.userId));
        if (active?.coupleId === coupleId) return active.partnerId !== null && active.partnerId === item.ownerId ? 'partner' : 'stranger';
        const members = await remembered(actor, `members:${coupleId}`, () => relationsRepo.members(db, coupleId));
        const me = members.find((m) => m.userId === actor.userId);
        if (!me || !members.some((m) => m.userId === item.ownerId)) return 'stranger';
        return me.unlinkedAt === null && me.leftAt === null ? 'partner' : 'former-partner';
      }
      // An item shared with "my partner" (no couple of its own): the owner's current partner.
      const current = await remembered(actor, `active:${item.ownerId}`, () => relationsRepo.activeCouple(db, item.ownerId));
      return current?.partnerId === actor.userId ? 'partner' : 'stranger';
    },
    async activeCouple(actor, db = defaultDb) {
      return actor.kind === 'user' ? remembered(actor, `active:${actor.userId}`, () => relationsRepo.activeCouple(db, actor.userId)) : undefined;
    },
    async couplesOf(actor, db = defaultDb) {
      return actor.kind === 'user' ? remembered(actor, 'couples', () => relationsRepo.couplesOf(db, actor.userId)) : [];
    },
    async practiceRole(actor, practiceId, db = defaultDb) {
      return actor.kind === 'user' ? relationsRepo.practiceRole(db, practiceId, actor.userId) : undefined;
    },
  };
}

/** What the policy needs to know about a booking. `linkVerified`: the request carried its private link's secret and it matched. */
export interface BookingFacts {
  practiceId: string;
  therapistUserId: string;
  linkVerified: boolean;
}

export interface ItemRef {
  ownerId: string;
  audience: Audience;
  /** For couple items: the couple it belongs to. */
  coupleId?: string;
}

export class Policy {
  constructor(private readonly relations: RelationFacts = basicRelations) {}

  async can(actor: Actor, action: Action, item: ItemRef, db?: Db): Promise<boolean> {
    const relation = await this.relations.relationTo(actor, item, db);
    return isAllowed(relation, item.audience, action);
  }

  /** Throws 401 for the signed-out and 404 for anyone else who may not. */
  async require(actor: Actor, action: Action, item: ItemRef, db?: Db): Promise<void> {
    if (await this.can(actor, action, item, db)) return;
    throw actor.kind === 'anonymous' ? unauthorized() : notFound();
  }

  /** The signed-in user, or 401. */
  requireUser(actor: Actor): Extract<Actor, { kind: 'user' }> {
    if (actor.kind !== 'user') throw unauthorized();
    return actor;
  }

  /** Rules for a kind of item whose audience is its owner alone (until sharing exists). */
  private privateItems() {
    const rule = (action: Action) => (actor: Actor, ownerId: string) => this.require(actor, action, { ownerId, audience: 'private' });
    return { create: rule('create'), read: rule('read'), list: rule('read'), update: rule('update'), delete: rule('delete') };
  }

  /** A person's profile is theirs alone. */
  profile = this.privateItems();
  /** The display name on a profile: its owner, and their current partner (shown on the couple page). */
  profileName = {
    read: (actor: Actor, ownerId: string, db?: Db) => this.require(actor, 'read', { ownerId, audience: 'partner-shared' }, db),
  };
  /** Journal entries (thought records, quick captures, prompt answers). */
  journal = this.privateItems();
  /** Origins-map versions. */
  origins = this.privateItems();
  /** The urge log. */
  urges = this.privateItems();
  /** Self-worth goals, wins and self-care. */
  selfWorth = this.privateItems();
  /** Insights computed over my own entries: mine alone, like the entries themselves. */
  insights = this.privateItems();
  /** Check-up (self-assessment) results. The instruments themselves are public content. */
  assessments = this.privateItems();
  /** "Is it time to talk to a therapist?": computed over my own data, for me alone. */
  guidance = this.privateItems();
  /** "Export all my data" (docs/decisions/030): only ever my own, for me alone. */
  export = this.privateItems();
  /**
   * Reminders and notifications (docs/decisions/021): my settings and my devices' push
   * subscriptions are mine alone. `deliver`: only background work (a system actor) sends
   * notifications and reads the facts needed for it (has this person checked in today?); a
   * signed-in person cannot make Trellis notify anyone. Signed out 401; anyone else 404.
   */
  notifications = {
    ...this.privateItems(),
    deliver: (actor: Actor, _recipientId: string): void => {
      if (actor.kind === 'system') return;
      throw actor.kind === 'anonymous' ? unauthorized() : notFound();
    },
  };
  /**
   * Care (docs/decisions/026). A practice is changed (settings, session types, therapists) by its
   * owner only. A booking is judged by the relation to it: its assigned therapist
   * (`practice-therapist`: read it, accept or decline), the practice's owner (`practice-owner`:
   * read its time and state only — the intake is the therapist's), the holder of its private link
   * (`booking-link`: read, cancel, reschedule). The practice's other therapists, other practices
   * and strangers are told 404; signed out without the link 401.
   */
  care = {
    managePractice: async (actor: Actor, practiceId: string, db?: Db): Promise<{ userId: string }> => {
      const me = this.requireUser(actor);
      if ((await this.relations.practiceRole?.(actor, practiceId, db)) !== 'owner') throw notFound();
      return { userId: me.userId };
    },
    /** Whether the actor is a member of the practice at all (its workspace). */
    memberOf: async (actor: Actor, practiceId: string, db?: Db): Promise<{ userId: string; role: string }> => {
      const me = this.requireUser(actor);
      const role = await this.relations.practiceRole?.(actor, practiceId, db);
      if (!role) throw notFound();
      return { userId: me.userId, role };
    },
    bookingRelation: async (actor: Actor, b: BookingFacts, db?: Db): Promise<Relation> => {
      if (b.linkVerified) return 'booking-link';
      if (actor.kind === 'anonymous') return 'anonymous';
      if (actor.kind !== 'user') return 'stranger';
      if (actor.userId === b.therapistUserId) return 'practice-therapist';
      return (await this.relations.practiceRole?.(actor, b.practiceId, db)) === 'owner' ? 'practice-owner' : 'stranger';
    },
    /** Throws 401 (signed out, no link) or 404 unless the relation allows the action; returns the relation. */
    booking: async (actor: Actor, action: Action, b: BookingFacts, db?: Db): Promise<Relation> => {
      const relation = await this.care.bookingRelation(actor, b, db);
      if (isAllowed(relation, 'booking', action)) return relation;
      throw relation === 'anonymous' ? unauthorized() : notFound();
    },
    /** Consultation reminders: only background work (a system actor) sends them. Signed out 401; anyone else 404. */
    remind: (actor: Actor): void => {
      if (actor.kind === 'system') return;
      throw actor.kind === 'anonymous' ? unauthorized() : notFound();
    },
  };

  /**
   * Client links and consent by category (docs/decisions/027). A link is its client's: only they
   * see it, grant, revoke, end it and complete its homework. Its therapist — still a member of the
   * practice — sees the client in the workspace, assigns homework and reads a category only while
   * it is effective (core/care: granted; for couple data granted by both partners, both linked to
   * this therapist, the couple still linked) — worked out from facts read in this request. The
   * partner, the practice's other therapists and owner, other practices and strangers get 404;
   * the signed-out 401.
   */
  careSharing = {
    /** A link seen, granted, revoked or ended by its client. */
    client: (actor: Actor, link: CareLinkRef, db?: Db) => this.require(actor, 'update', { ownerId: link.clientUserId, audience: 'therapist-shared' }, db),
    /** The relation of the actor to a client's data in one category, through one link. */
    therapistRelation: async (actor: Actor, link: CareLinkRef, consent: CareConsent, category: CareCategory, db?: Db): Promise<Relation> => {
      if (actor.kind === 'anonymous') return 'anonymous';
      if (actor.kind !== 'user') return 'stranger';
      if (actor.userId === link.clientUserId) return 'owner';
      if (actor.userId !== link.therapistUserId || !(await this.relations.practiceRole?.(actor, link.practiceId, db))) return 'stranger';
      return effectiveCategories(consent.mine, consent.coupleNow, consent.partnerLink).includes(category) ? 'therapist-with-share' : 'therapist-without-share';
    },
    /** The link's therapist, still in the practice, sees the client (name, kind, effective categories, homework). */
    therapist: async (actor: Actor, link: CareLinkRef, db?: Db): Promise<{ userId: string }> => {
      const me = this.requireUser(actor);
      if (me.userId !== link.therapistUserId || link.status !== 'active' || !(await this.relations.practiceRole?.(actor, link.practiceId, db))) throw notFound();
      return { userId: me.userId };
    },
    /** Of these categories, the ones the actor may read now (a therapist view shows only these). */
    readable: async (actor: Actor, link: CareLinkRef, consent: CareConsent, db?: Db): Promise<CareCategory[]> => {
      await this.careSharing.therapist(actor, link, db);
      const out: CareCategory[] = [];
      for (const c of CARE_CATEGORIES) if (isAllowed(await this.careSharing.therapistRelation(actor, link, consent, c, db), 'therapist-shared', 'read')) out.push(c);
      return out;
    },
    /** Invite a client as this therapist (the actor is the therapist, a member of its practice). */
    invite: async (actor: Actor, t: { userId: string; practiceId: string }, db?: Db): Promise<void> => {
      const me = this.requireUser(actor);
      if (me.userId !== t.userId || !(await this.relations.practiceRole?.(actor, t.practiceId, db))) throw notFound();
    },
    /** Assign homework on an active link: its therapist only. */
    assignHomework: (actor: Actor, link: CareLinkRef, db?: Db) => this.careSharing.therapist(actor, link, db).then(() => undefined),
    /** Mark homework done or not done: the link's client only. */
    completeHomework: (actor: Actor, link: CareLinkRef, db?: Db) => this.careSharing.client(actor, link, db),
    /** My access log: mine alone (each row is about me). Returns whose log to read. */
    accessLog: async (actor: Actor, db?: Db): Promise<{ userId: string }> => {
      const me = this.requireUser(actor);
      await this.require(actor, 'read', { ownerId: me.userId, audience: 'therapist-shared' }, db);
      return { userId: me.userId };
    },
  };

  /** The I-statement coach: any signed-in person; it reads no one's data and stores nothing. */
  coach = {
    analyze: (actor: Actor): void => {
      this.requireUser(actor);
    },
  };

  /**
   * The emergency reset (docs/decisions/029): a signed-in person, on themselves only — there is
   * no way to name anyone else. Returns whose reset it is and the session that stays signed in.
   * Signed out 401.
   */
  safety = {
    reset: (actor: Actor): { userId: string; sessionId: string } => {
      const me = this.requireUser(actor);
      return { userId: me.userId, sessionId: me.sessionId };
    },
  };

  /**
   * The couple space. Who is linked is a fact only the policy reads. Couple items (commitments,
   * check-ins once revealed, …): each partner writes only their own contributions; the other
   * reads; after unlinking both keep a read-only archive.
   */
  couple = {
    /** The signed-in person's active couple and partner, or undefined when not linked (401 when signed out). */
    active: async (actor: Actor, db?: Db): Promise<{ userId: string; coupleId: string; partnerId: string | null } | undefined> => {
      const me = this.requireUser(actor);
      const active = await this.relations.activeCouple(actor, db);
      return active ? { userId: me.userId, ...active } : undefined;
    },
    read: (actor: Actor, item: CoupleItem, db?: Db) => this.require(actor, 'read', { ...item, audience: 'couple' }, db),
    // Writes only into a couple that is linked now: an unlinked couple is a read-only archive.
    create: (actor: Actor, item: CoupleItem, db?: Db) => this.requireLiveCoupleWrite(actor, 'create', item, db),
    update: (actor: Actor, item: CoupleItem, db?: Db) => this.requireLiveCoupleWrite(actor, 'update', item, db),
    delete: (actor: Actor, item: CoupleItem, db?: Db) => this.requireLiveCoupleWrite(actor, 'delete', item, db),
    /** The same decision without throwing (e.g. to filter a list). */
    can: (actor: Actor, action: Action, item: CoupleItem, db?: Db) => this.can(actor, action, { ...item, audience: 'couple' }, db),
    /**
     * Delete everything I contributed to a couple that has ended (docs/decisions/022): a former
     * member only, for their own part (the service deletes only rows they authored). Signed out
     * 401; not a member of that couple 404; that couple still linked 409 'couple-linked' (then
     * items are deleted one by one, as usual). Returns me, the one whose part goes, and the other member.
     */
    deleteOwnArchive: async (actor: Actor, coupleId: string, db?: Db): Promise<{ userId: string; formerPartnerId: string | null }> => {
      const me = this.requireUser(actor);
      const mine = ((await this.relations.couplesOf?.(actor, db)) ?? []).find((c) => c.coupleId === coupleId);
      if (!mine) throw notFound();
      if (mine.active) {
        throw new HttpProblem(409, 'couple-linked', 'You are still linked in this couple: you can delete your own items one by one.', undefined, { title: 'Still linked' });
      }
      return { userId: me.userId, formerPartnerId: mine.partnerId };
    },
  };

  /**
   * Commitments are couple items with one more rule: only their maker changes them (propose,
   * mark, renegotiate, end), and only while that couple is linked — after unlinking, both keep a
   * read-only archive, the maker included (the maker is told 409 'couple-archived'; anyone else
   * who may not gets 404, signed out 401).
   */
  commitments = {
    /** The couples whose commitments I may read: my active one and my former ones. */
    couples: async (actor: Actor, db?: Db): Promise<Array<{ coupleId: string; partnerId: string | null; active: boolean }>> => {
      this.requireUser(actor);
      return (await this.relations.couplesOf?.(actor, db)) ?? [];
    },
    read: (actor: Actor, item: CoupleItem, db?: Db) => this.couple.read(actor, item, db),
    canRead: (actor: Actor, item: CoupleItem, db?: Db) => this.couple.can(actor, 'read', item, db),
    create: (actor: Actor, item: CoupleItem, db?: Db) => this.requireLiveCoupleWrite(actor, 'create', item, db),
    update: (actor: Actor, item: CoupleItem, db?: Db) => this.requireLiveCoupleWrite(actor, 'update', item, db),
    /** The same decision as update, without throwing. */
    canUpdate: async (actor: Actor, item: CoupleItem, db?: Db): Promise<boolean> => {
      if (!(await this.couple.can(actor, 'update', item, db))) return false;
      return (await this.relations.activeCouple(actor, db))?.coupleId === item.coupleId;
    },
  };

  /**
   * Agreements are the couple's together: either partner proposes one, proposes an edit (a new
   * version) or accepts the latest version — only while that couple is linked. Both read; after
   * unlinking both keep a read-only archive (409 'couple-archived' to a former member; anyone
   * else 404, signed out 401). The item is the agreement, owned by whoever first proposed it.
   */
  agreements = {
    couples: (actor: Actor, db?: Db) => this.commitments.couples(actor, db),
    read: (actor: Actor, item: CoupleItem, db?: Db) => this.couple.read(actor, item, db),
    canRead: (actor: Actor, item: CoupleItem, db?: Db) => this.couple.can(actor, 'read', item, db),
    /** A new agreement in my couple (item.ownerId: me). */
    create: (actor: Actor, item: CoupleItem, db?: Db) => this.requireLiveCoupleWrite(actor, 'create', item, db),
    /** Propose a version of, or accept, an agreement I may read, as its co-author. */
    amend: async (actor: Actor, item: CoupleItem, db?: Db): Promise<void> => {
      await this.couple.read(actor, item, db);
      await this.requireLiveCoupleWrite(actor, 'update', { ownerId: this.requireUser(actor).userId, coupleId: item.coupleId }, db);
    },
    canAmend: async (actor: Actor, item: CoupleItem, db?: Db): Promise<boolean> => {
      if (!(await this.couple.can(actor, 'read', item, db))) return false;
      return (await this.relations.activeCouple(actor, db))?.coupleId === item.coupleId;
    },
  };

  /**
   * Boundaries: each partner writes only their own (create, update, delete), only while linked;
   * the other reads; after unlinking both keep a read-only archive.
   */
  boundaries = {
    couples: (actor: Actor, db?: Db) => this.commitments.couples(actor, db),
    canRead: (actor: Actor, item: CoupleItem, db?: Db) => this.couple.can(actor, 'read', item, db),
    create: (actor: Actor, item: CoupleItem, db?: Db) => this.requireLiveCoupleWrite(actor, 'create', item, db),
    update: (actor: Actor, item: CoupleItem, db?: Db) => this.requireLiveCoupleWrite(actor, 'update', item, db),
    delete: (actor: Actor, item: CoupleItem, db?: Db) => this.requireLiveCoupleWrite(actor, 'delete', item, db),
    canUpdate: (actor: Actor, item: CoupleItem, db?: Db) => this.commitments.canUpdate(actor, item, db),
  };

  /**
   * Activity plans are the couple's together: either partner plans one or marks it done, only
   * while linked (the item is the plan, owned by whoever planned it). A reflection on a plan is
   * its author's own: only they write it, the partner reads it. After unlinking both keep a
   * read-only archive (409 'couple-archived' to a former member; anyone else 404; signed out 401).
   */
  activities = {
    couples: (actor: Actor, db?: Db) => this.commitments.couples(actor, db),
    canRead: (actor: Actor, item: CoupleItem, db?: Db) => this.couple.can(actor, 'read', item, db),
    /** A new plan in my couple (item.ownerId: me). */
    plan: (actor: Actor, item: CoupleItem, db?: Db) => this.requireLiveCoupleWrite(actor, 'create', item, db),
    /** Mark a plan I may read as done, as its co-owner. */
    complete: (actor: Actor, plan: CoupleItem, db?: Db) => this.agreements.amend(actor, plan, db),
    canComplete: (actor: Actor, plan: CoupleItem, db?: Db) => this.agreements.canAmend(actor, plan, db),
    /** Write my own reflection on a plan I may read (reflection.ownerId: its author, me). */
    reflect: async (actor: Actor, plan: CoupleItem, reflection: CoupleItem, db?: Db): Promise<void> => {
      await this.couple.read(actor, plan, db);
      await this.requireLiveCoupleWrite(actor, 'update', reflection, db);
    },
    /** A reflection: its author and their partner (or former partner) read it. */
    canReadReflection: (actor: Actor, reflection: CoupleItem, db?: Db) => this.couple.can(actor, 'read', reflection, db),
  };

  /**
   * The repair log: each partner writes only their own entries (create, update, delete), only
   * while linked; the other reads; after unlinking both keep a read-only archive.
   */
  repairs = {
    couples: (actor: Actor, db?: Db) => this.commitments.couples(actor, db),
    canRead: (actor: Actor, item: CoupleItem, db?: Db) => this.couple.can(actor, 'read', item, db),
    create: (actor: Actor, item: CoupleItem, db?: Db) => this.requireLiveCoupleWrite(actor, 'create', item, db),
    update: (actor: Actor, item: CoupleItem, db?: Db) => this.requireLiveCoupleWrite(actor, 'update', item, db),
    delete: (actor: Actor, item: CoupleItem, db?: Db) => this.requireLiveCoupleWrite(actor, 'delete', item, db),
    canUpdate: (actor: Actor, item: CoupleItem, db?: Db) => this.commitments.canUpdate(actor, item, db),
  };

  /**
   * The cycle map: each partner writes only their own side, only while linked; the other reads;
   * after unlinking both keep a read-only archive (docs/decisions/020).
   */
  cycle = {
    couples: (actor: Actor, db?: Db) => this.commitments.couples(actor, db),
    canRead: (actor: Actor, item: CoupleItem, db?: Db) => this.couple.can(actor, 'read', item, db),
    write: (actor: Actor, item: CoupleItem, db?: Db) => this.requireLiveCoupleWrite(actor, 'update', item, db),
    canWrite: (actor: Actor, item: CoupleItem, db?: Db) => this.commitments.canUpdate(actor, item, db),
  };

  /**
   * Sharing one private journal entry with my partner (docs/decisions/020). The owner shares it
   * into the couple linked now (only while linked) and may stop sharing at any time. The partner
   * reads a shared entry only while that couple is linked: 'partner-shared' with the share's
   * couple answers 'partner' only for a member of that couple while linked — a former partner,
   * or the owner's later partner, gets nothing (404). No one but the owner changes the entry.
   */
  journalShare = {
    /** Share into my couple linked now (item.coupleId: that couple). */
    share: async (actor: Actor, item: CoupleItem, db?: Db): Promise<void> => {
      await this.require(actor, 'update', { ownerId: item.ownerId, audience: 'private' }, db);
      await this.require(actor, 'update', { ...item, audience: 'partner-shared' }, db);
      if ((await this.relations.activeCouple(actor, db))?.coupleId !== item.coupleId) {
        throw new HttpProblem(409, 'not-linked', 'Sharing an entry needs a partner you are linked with now.', undefined, { title: 'Not linked with a partner' });
      }
    },
    /** Stop sharing: the owner alone, at any time (taking something back is always allowed). */
    unshare: (actor: Actor, ownerId: string, db?: Db) => this.require(actor, 'update', { ownerId, audience: 'private' }, db),
    read: (actor: Actor, share: CoupleItem, db?: Db) => this.require(actor, 'read', { ...share, audience: 'partner-shared' }, db),
    canRead: (actor: Actor, share: CoupleItem, db?: Db) => this.can(actor, 'read', { ...share, audience: 'partner-shared' }, db),
    /** My couple linked now and my partner, whose shares I may be shown (401 when signed out). */
    active: (actor: Actor, db?: Db) => this.couple.active(actor, db),
  };

  /**
   * Structured conversations (docs/decisions/024). One in a couple (coupleId set) is the couple's
   * together: either partner starts one and takes part (checklist, turns, pause, closing) only
   * while that couple is linked; both read it; after unlinking both keep a read-only archive
   * (409 'couple-archived' to a former member; anyone else 404; signed out 401). One practised
   * alone (coupleId null) is its starter's alone, like a journal entry.
   */
  conversations = {
    couples: (actor: Actor, db?: Db) => this.commitments.couples(actor, db),
    /** Start one (item.ownerId: me): in my couple linked now, or alone. */
    start: async (actor: Actor, item: TalkItem, db?: Db): Promise<void> => {
      if (!item.coupleId) return this.require(actor, 'create', { ownerId: item.ownerId, audience: 'private' }, db);
      await this.require(actor, 'create', { ownerId: item.ownerId, coupleId: item.coupleId, audience: 'couple' }, db);
      // Only into a couple I am (or was) a member of: claiming someone else's couple reveals nothing.
      if (!((await this.relations.couplesOf?.(actor, db)) ?? []).some((c) => c.coupleId === item.coupleId)) throw notFound();
      await this.requireLiveCoupleWrite(actor, 'create', { ownerId: item.ownerId, coupleId: item.coupleId }, db);
    },
    read: (actor: Actor, item: TalkItem, db?: Db): Promise<void> =>
      item.coupleId ? this.couple.read(actor, { ownerId: item.ownerId, coupleId: item.coupleId }, db) : this.require(actor, 'read', { ownerId: item.ownerId, audience: 'private' }, db),
    canRead: (actor: Actor, item: TalkItem, db?: Db): Promise<boolean> =>
      item.coupleId ? this.couple.can(actor, 'read', { ownerId: item.ownerId, coupleId: item.coupleId }, db) : this.can(actor, 'read', { ownerId: item.ownerId, audience: 'private' }, db),
    /** Take part in it (item.ownerId: its starter). */
    act: (actor: Actor, item: TalkItem, db?: Db): Promise<void> =>
      item.coupleId ? this.agreements.amend(actor, { ownerId: item.ownerId, coupleId: item.coupleId }, db) : this.require(actor, 'update', { ownerId: item.ownerId, audience: 'private' }, db),
    canAct: (actor: Actor, item: TalkItem, db?: Db): Promise<boolean> =>
      item.coupleId ? this.agreements.canAmend(actor, { ownerId: item.ownerId, coupleId: item.coupleId }, db) : this.can(actor, 'update', { ownerId: item.ownerId, audience: 'private' }, db),
  };

  /**
   * Apologies (docs/decisions/024): written by their owner alone. Kept private, one is the
   * owner's only; once sent into a couple (only while linked), the partner reads it — and, after
   * unlinking, both keep it in the read-only archive. Only the owner deletes it.
   */
  apologies = {
    couples: (actor: Actor, db?: Db) => this.commitments.couples(actor, db),
    create: (actor: Actor, ownerId: string, db?: Db) => this.require(actor, 'create', { ownerId, audience: 'private' }, db),
    read: (actor: Actor, item: ApologyRef, db?: Db): Promise<void> =>
      item.sent && item.coupleId ? this.couple.read(actor, { ownerId: item.ownerId, coupleId: item.coupleId }, db) : this.require(actor, 'read', { ownerId: item.ownerId, audience: 'private' }, db),
    canRead: (actor: Actor, item: ApologyRef, db?: Db): Promise<boolean> =>
      item.sent && item.coupleId ? this.couple.can(actor, 'read', { ownerId: item.ownerId, coupleId: item.coupleId }, db) : this.can(actor, 'read', { ownerId: item.ownerId, audience: 'private' }, db),
    /** Send my apology to my partner in my couple linked now (item.coupleId: that couple). */
    send: async (actor: Actor, item: CoupleItem, db?: Db): Promise<void> => {
      await this.require(actor, 'update', { ownerId: item.ownerId, audience: 'private' }, db);
      await this.requireLiveCoupleWrite(actor, 'update', item, db);
    },
    delete: (actor: Actor, ownerId: string, db?: Db) => this.require(actor, 'delete', { ownerId, audience: 'private' }, db),
  };

  private async requireLiveCoupleWrite(actor: Actor, action: Action, item: CoupleItem, db?: Db): Promise<void> {
    await this.require(actor, action, { ...item, audience: 'couple' }, db);
    const active = await this.relations.activeCouple(actor, db);
    if (active?.coupleId !== item.coupleId) {
      throw new HttpProblem(409, 'couple-archived', 'This couple space has been unlinked; what was shared stays readable as an archive, but nothing new can be added or changed.');
    }
  }

  /**
   * Daily check-ins: an answer is its author's alone (private) until both partners answered that
   * day; then it is a couple item, which the partner may read (and, after unlinking, both keep).
   */
  checkins = {
    read: (actor: Actor, answer: CheckinRef, db?: Db) => this.require(actor, 'read', checkinItem(answer), db),
    canRead: (actor: Actor, answer: CheckinRef, db?: Db) => this.can(actor, 'read', checkinItem(answer), db),
    /** Only for myself, and only into my active couple (an unlinked couple's days are a read-only archive). */
    write: async (actor: Actor, answer: CoupleItem, db?: Db): Promise<void> => {
      await this.require(actor, 'create', { ...answer, audience: 'private' }, db);
      if ((await this.relations.activeCouple(actor, db))?.coupleId !== answer.coupleId) throw notFound();
    },
  };
}

/** What the policy needs to know about a client link. */
export interface CareLinkRef {
  clientUserId: string;
  therapistUserId: string;
  practiceId: string;
  status: 'active' | 'ended';
}
/** The consent facts of one link, read in this request: its grants, the couple linked now, the partner's link to the same therapist. */
export interface CareConsent {
  mine: LinkFacts;
  coupleNow: CoupleNow | undefined;
  partnerLink: LinkFacts | undefined;
}

/** A couple item: who contributed it, and which couple it belongs to. */
export interface CoupleItem {
  ownerId: string;
  coupleId: string;
}
export interface CheckinRef extends CoupleItem {
  revealed: boolean;
}
const checkinItem = (a: CheckinRef): ItemRef => ({ ownerId: a.ownerId, coupleId: a.coupleId, audience: a.revealed ? 'couple' : 'private' });
/** A conversation: its starter, and its couple (null when practised alone). */
export interface TalkItem {
  ownerId: string;
  coupleId: string | null;
}
/** An apology: its owner, the couple it was written in (if any), and whether it was sent. */
export interface ApologyRef extends TalkItem {
  sent: boolean;
}
