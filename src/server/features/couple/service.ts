/**
 * Linking two accounts (docs/decisions/013). An invitation is a short code, shown once to its
 * maker and stored only hashed; joining with it links the two (the inviter consented by inviting,
 * the joiner by joining). Either person ends the couple alone, at once; what both wrote stays as a
 * read-only archive. One active couple per person is the database's rule (a partial unique index),
 * so a race between two joins ends with one couple and one 409.
 *
 * Who is linked to whom is read through the policy (`policy.couple.active`); the private
 * question about feeling afraid of one's partner is answered in the browser only and never sent.
 */
import { v7 as uuidv7 } from 'uuid';
import { INVITE_TTL_MS, formatInviteCode, generateInviteCode, normaliseInviteCode } from '../../../core/couple/invite-code.ts';
import type { ArchiveDeleted, CoupleStatus, InviteCreated, JoinInput } from '../../../core/schemas/couple.ts';
import type { DataKeys } from '../../crypto/data-keys.ts';
import type { Db } from '../../db/client.ts';
import { HttpProblem, databaseErrorCode } from '../../http/problem.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import type { ProfileService } from '../profile/service.ts';
import { noEvents, type EventPublisher } from '../../realtime/hub.ts';
import { hashInviteCode } from './invite-hash.ts';
import { archiveRepo } from './archive-repo.ts';
import { JOIN_MAX, joinLimitRepo } from './join-limit.ts';
import { coupleRepo } from './repo.ts';

/** A state conflict or gone invitation, with a title that says what happened. */
const problem = (status: number, slug: string, title: string, detail: string) => new HttpProblem(status, slug, detail, undefined, { title });

export const problems = {
  alreadyLinked: () =>
    problem(409, 'already-linked', 'Already linked', 'One of you is already linked with someone. A person can be linked with one partner at a time.'),
  notLinked: () => problem(409, 'not-linked', 'Not linked', 'You are not linked with anyone right now.'),
  unknownInvite: () =>
    new HttpProblem(404, 'invite-not-found', 'We could not find an invitation with this code. Please check it with the person who sent it.', [
      { path: 'code', message: 'No invitation has this code.' },
    ], { title: 'Invitation not found' }),
  expiredInvite: () =>
    new HttpProblem(410, 'invite-expired', 'This invitation has expired. The person who sent it can make a new one.', [{ path: 'code', message: 'This code has expired.' }], {
      title: 'Invitation expired',
    }),
  usedInvite: () =>
    new HttpProblem(409, 'invite-used', 'This invitation was already used or withdrawn. The person who sent it can make a new one.', [
      { path: 'code', message: 'This code can no longer be used.' },
    ], { title: 'Invitation no longer valid' }),
  selfInvite: () =>
    new HttpProblem(409, 'invite-self', 'This is your own invitation. Share it with your partner so they can join.', [{ path: 'code', message: 'This is your own code.' }], {
      title: 'This is your own invitation',
    }),
  noInvite: () => problem(404, 'no-pending-invite', 'No pending invitation', 'You have no invitation waiting to be used.'),
  tooManyJoins: (retryAfterSeconds: number) =>
    new HttpProblem(429, 'too-many-join-attempts', `That was a lot of tries with invitation codes. Please wait ${Math.ceil(retryAfterSeconds / 60)} minutes and try again, or ask your partner for a fresh code.`, undefined, {
      title: 'Please wait a little',
      retryAfter: retryAfterSeconds,
    }),
};

/** What the idempotency record keeps for a new invitation: the code only sealed under the inviter's key. */
export interface SealedInvite {
  inviteId: string;
  expiresAt: string;
  sealedCode: string;
}

const codePurpose = (inviteId: string) => `couple-invite:${inviteId}`;

export class CoupleService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly keys: DataKeys,
    private readonly profiles: ProfileService,
    private readonly baseUrl: string,
    /** Live hints to both people's open pages (docs/decisions/017): `{ type: 'couple' }`, nothing more. */
    private readonly events: EventPublisher = noEvents,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** My status: linked or not, my pending invitation (without its code), and the archive of past couples. */
  async status(actor: Actor, db: Db = this.db): Promise<CoupleStatus> {
    const me = this.policy.requireUser(actor);
    const active = await this.policy.couple.active(actor, db);
    const past = (await coupleRepo.pastCouples(db, me.userId)).map((p) => ({
      coupleId: p.coupleId,
      linkedAt: p.linkedAt.toISOString(),
      unlinkedAt: p.unlinkedAt.toISOString(),
    }));
    if (active) {
      const linkedAt = await coupleRepo.linkedAt(db, active.coupleId);
      const partnerName = active.partnerId ? await this.profiles.nameForPartner(actor, active.partnerId, db) : undefined;
      return {
        status: 'linked',
        coupleId: active.coupleId,
        ...(linkedAt ? { linkedAt: linkedAt.toISOString() } : {}),
        ...(partnerName !== undefined ? { partner: { displayName: partnerName } } : {}),
        past,
      };
    }
    const invite = await coupleRepo.pendingInvite(db, me.userId, this.now());
    return { status: 'single', ...(invite ? { invite: { expiresAt: invite.expiresAt.toISOString() } } : {}), past };
  }

  /**
   * A new invitation (revoking my previous unused one). Returns the code sealed, so that an
   * Idempotency-Key replay can show it again without the code ever being stored readable.
   */
  async createInvite(actor: Actor, db: Db): Promise<SealedInvite> {
    const me = this.policy.requireUser(actor);
    if (await this.policy.couple.active(actor, db)) throw problems.alreadyLinked();
    const now = this.now();
    await coupleRepo.revokePending(db, me.userId, now);
    const code = generateInviteCode();
    const id = uuidv7();
    const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
    await coupleRepo.insertInvite(db, { id, inviterId: me.userId, codeHash: hashInviteCode(code), expiresAt, createdAt: now });
    const cipher = await this.keys.cipherFor(me.userId, db);
    return { inviteId: id, expiresAt: expiresAt.toISOString(), sealedCode: cipher.sealJson(codePurpose(id), code).toString('base64') };
  }

  /** The invitation as shown to its maker: the code, the link, when it expires. */
  async revealInvite(actor: Actor, sealed: SealedInvite): Promise<InviteCreated> {
    const me = this.policy.requireUser(actor);
    const cipher = await this.keys.cipherFor(me.userId);
    const code = cipher.openJson<string>(codePurpose(sealed.inviteId), Buffer.from(sealed.sealedCode, 'base64'));
    const shown = formatInviteCode(code);
    return { code: shown, link: `${this.baseUrl}/couple/join?code=${encodeURIComponent(shown)}`, expiresAt: sealed.expiresAt };
  }

  /** Withdraws my pending invitation. */
  async withdrawInvite(actor: Actor, db: Db = this.db): Promise<void> {
    const me = this.policy.requireUser(actor);
    if ((await coupleRepo.revokePending(db, me.userId, this.now())) === 0) throw problems.noInvite();
  }

  /**
   * Counts one attempt to join with a code (before the join's own transaction, so a wrong code
   * counts too): more than JOIN_MAX in the window is a 429 whose `retryAfter` says when to retry.
   */
  async noteJoinAttempt(actor: Actor): Promise<void> {
    const me = this.policy.requireUser(actor);
    const now = this.now().getTime();
    const { attempts, resetAt } = await joinLimitRepo.count(this.db, me.userId, now);
    if (attempts > JOIN_MAX) throw problems.tooManyJoins(Math.max(1, Math.ceil((resetAt - now) / 1000)));
  }

  /** Joins the inviter with the code: both linked in this one transaction, the invitation used. */
  async join(actor: Actor, input: JoinInput, db: Db): Promise<CoupleStatus> {
    const me = this.policy.requireUser(actor);
    const code = normaliseInviteCode(input.code);
    const invite = code ? await coupleRepo.findInviteByHash(db, hashInviteCode(code)) : undefined;
    if (!invite) throw problems.unknownInvite();
    if (invite.inviterId === me.userId) throw problems.selfInvite();
    // From here on, any other join involving either of us waits for this one to finish.
    await coupleRepo.lockPeople(db, [invite.inviterId, me.userId]);
    const now = this.now();
    if (invite.usedAt || invite.revokedAt) throw problems.usedInvite();
    if (invite.expiresAt.getTime() <= now.getTime()) throw problems.expiredInvite();
    if (await this.policy.couple.active(actor, db)) throw problems.alreadyLinked();
    if ((await coupleRepo.activeCoupleIds(db, invite.inviterId)).length > 0) throw problems.alreadyLinked();
    if (!(await coupleRepo.claimInvite(db, invite.id, me.userId, now))) throw problems.usedInvite();
    try {
      await coupleRepo.link(db, invite.inviterId, me.userId, now);
    } catch (err) {
      // Someone linked one of us in the meantime: the unique index refused a second couple.
      if (isUniqueViolation(err)) throw problems.alreadyLinked();
      throw err;
    }
    await coupleRepo.revokePending(db, invite.inviterId, now);
    await coupleRepo.revokePending(db, me.userId, now);
    // Sent with the transaction: the inviter's open page hears of it only once the link is real.
    await this.events.publish([invite.inviterId, me.userId], { type: 'couple' }, db);
    return this.status(actor, db);
  }

  /** Ends my couple at once, alone. The partner learns only that it ended. */
  async unlink(actor: Actor, db: Db = this.db): Promise<CoupleStatus> {
    const active = await this.policy.couple.active(actor, db);
    if (!active) throw problems.notLinked();
    await coupleRepo.unlink(db, active.coupleId, this.now());
    // Both pages reload their status; the hint says only that the couple changed.
    await this.events.publish(active.partnerId ? [active.userId, active.partnerId] : [active.userId], { type: 'couple' }, db);
    return this.status(actor, db);
  }

  /**
   * Deletes everything I contributed to a couple that has ended (docs/decisions/022), in one
   * transaction, for good; what my former partner wrote stays in their archive. Answers how many
   * of each kind went. Still linked: 409 'couple-linked'; not my couple: 404.
   */
  async deleteMyArchive(actor: Actor, coupleId: string): Promise<ArchiveDeleted> {
    return this.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const me = await this.policy.couple.deleteOwnArchive(actor, coupleId, tx);
      const deleted = await archiveRepo.deleteMine(tx, coupleId, me.userId);
      // The former partner's open archive re-reads; the hint carries no words.
      await this.events.publish(me.formerPartnerId ? [me.userId, me.formerPartnerId] : [me.userId], { type: 'couple', coupleId }, tx);
      return { coupleId, deleted, total: Object.values(deleted).reduce((a, b) => a + b, 0) };
    });
  }

  /** For therapy guidance: whether the person is linked right now (no more than that). */
  async hasLinkedPartner(actor: Actor): Promise<boolean> {
    return (await this.policy.couple.active(actor)) !== undefined;
  }

  /**
   * Before an account is deleted: its couple ends (so the partner is free to link again and keeps
   * the archive of what they wrote), and its invitations go with it. Also the seam for the
   * emergency reset ("unlink my partner").
   */
  async endEverythingFor(userId: string, db: Db = this.db): Promise<void> {
    const now = this.now();
    for (const coupleId of await coupleRepo.activeCoupleIds(db, userId)) {
      await db.transaction(async (txRaw) => {
        const tx = txRaw as unknown as Db;
        // Addressed to the members while still linked; sent when the transaction commits.
        await this.events.publishToCouple(coupleId, { type: 'couple' }, tx);
        await coupleRepo.unlink(tx, coupleId, now);
      });
    }
    await coupleRepo.revokePending(db, userId, now);
  }
}

/** PostgreSQL's unique_violation (23505), also when wrapped by the driver or the ORM. */
export function isUniqueViolation(err: unknown): boolean {
  return databaseErrorCode(err) === '23505';
}
