/**
 * Agreements: what a couple agrees on, topic by topic, with every version kept (design.md,
 * "Connect and rebuild"; docs/decisions/018). Either partner proposes an agreement or an edit (a
 * new version, which counts as its author's acceptance); a version is in force only when both
 * accepted that exact version; only the latest version can be accepted. Every decision is the
 * policy's (policy.agreements). Titles and texts are sealed under each version author's key and
 * opened for the partner only after the policy allows the read.
 */
import { v7 as uuidv7 } from 'uuid';
import { activeVersion, agreementState, checkAccept, latestVersion, nextVersionNumber, reviewStatus, type AgreementTopic } from '../../../core/couple/agreements.ts';
import { addDays, localDay } from '../../../core/couple/commitments.ts';
import { screenTexts } from '../../../core/safety/crisis-screening.ts';
import type { Agreement, AgreementCreate, AgreementDetail, AgreementList, AgreementSaved, AgreementVersion, AgreementVersionCreate } from '../../../core/schemas/agreements.ts';
import type { DataKeys, UserCipher } from '../../crypto/data-keys.ts';
import type { Db } from '../../db/client.ts';
import { HttpProblem, notFound } from '../../http/problem.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import { isUniqueViolation } from '../couple/service.ts';
import type { ProfileService } from '../profile/service.ts';
import { agreementsRepo, type AgreementRow, type VersionRow } from './repo.ts';
import { noEvents, type EventPublisher } from '../../realtime/hub.ts';

interface SealedVersion {
  title: string;
  text: string;
}

const purpose = (versionId: string) => `agreement-version:${versionId}`;
/** The earliest time zone on Earth: no one's today is before its today. */
const EARLIEST_ZONE = 'Etc/GMT+12';
const MAX_REVIEW_AHEAD_DAYS = 3660;

const problem = (status: number, slug: string, title: string, detail: string, path?: string) =>
  new HttpProblem(status, slug, detail, path ? [{ path, message: detail }] : undefined, { title });

const notLinked = () => problem(409, 'not-linked', 'Not linked with a partner', 'Agreements live in a shared couple space; link with your partner first.');

export class AgreementsService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly keys: DataKeys,
    private readonly profile: ProfileService,
    /** Live hints to both partners' open pages (no words: they re-fetch). */
    private readonly events: EventPublisher = noEvents,
  ) {}

  /**
   * The time zone my days are counted in: my profile's, else the request's, else the fallback.
   * Read before any transaction is opened (the profile service uses the default connection).
   */
  async zoneOf(actor: Actor, fromRequest: string | undefined, fallback = 'UTC'): Promise<string> {
    const me = this.policy.requireUser(actor);
    return (await this.profile.get(actor, me.userId)).timeZone ?? fromRequest ?? fallback;
  }

  /** The zone to check a review day against: without one, any day that is today somewhere. */
  reviewZoneOf(actor: Actor, fromRequest: string | undefined): Promise<string> {
    return this.zoneOf(actor, fromRequest, EARLIEST_ZONE);
  }

  /** Proposes a new agreement: version 1, accepted by me. */
  async create(actor: Actor, input: AgreementCreate, zone: string, db: Db = this.db): Promise<AgreementSaved> {
    const me = this.policy.requireUser(actor);
    const active = await this.policy.couple.active(actor, db);
    if (!active) throw notLinked();
    await this.policy.agreements.create(actor, { ownerId: me.userId, coupleId: active.coupleId }, db);
    const reviewDay = input.reviewDay ?? null;
    checkReviewDay(reviewDay, zone);

    const row = await agreementsRepo.insert(db, { id: uuidv7(), coupleId: active.coupleId, topic: input.topic, reviewDay, createdBy: me.userId });
    await this.addVersion(db, row.id, 1, me.userId, { title: input.title, text: input.text });
    await this.events.publishToCouple(active.coupleId, { type: 'agreement' }, db);
    return { agreement: await this.detailOf(actor, row.id, zone, db), screening: screenTexts([input.title, input.text]) };
  }

  /** My couple's agreements, and my former couples' (read-only), newest first. */
  async list(actor: Actor, zone: string): Promise<AgreementList> {
    const couples = await this.policy.agreements.couples(actor);
    const rows = await agreementsRepo.listForCouples(
      this.db,
      couples.map((c) => c.coupleId),
    );
    const items = await this.present(actor, rows, zone, this.db);
    return { linked: couples.some((c) => c.active), items: items.map(({ versions: _versions, ...summary }) => summary satisfies Agreement) };
  }

  /** One agreement with its whole history. */
  async get(actor: Actor, id: string, zone: string): Promise<AgreementDetail> {
    const row = await this.load(actor, id, this.db);
    await this.policy.agreements.read(actor, itemOf(row));
    return this.detailOf(actor, row.id, zone, this.db);
  }

  /** Proposes an edit: a new latest version, accepted by me, pending until my partner accepts it. */
  async propose(actor: Actor, id: string, input: AgreementVersionCreate, zone: string, db: Db = this.db): Promise<AgreementSaved> {
    const me = this.policy.requireUser(actor);
    const row = await this.load(actor, id, db);
    await this.policy.agreements.amend(actor, itemOf(row), db);
    if (input.reviewDay !== undefined) checkReviewDay(input.reviewDay, zone);
    const versions = await agreementsRepo.versionsOf(db, [row.id]);
    await this.addVersion(db, row.id, nextVersionNumber(versions), me.userId, { title: input.title, text: input.text });
    if (input.reviewDay !== undefined) await agreementsRepo.setReviewDay(db, row.id, input.reviewDay);
    await this.events.publishToCouple(row.coupleId, { type: 'agreement' }, db);
    return { agreement: await this.detailOf(actor, row.id, zone, db), screening: screenTexts([input.title, input.text]) };
  }

  /** Accepts the latest version (again: nothing changes). A superseded version: 409 'stale-version'. */
  async accept(actor: Actor, id: string, number: number, zone: string): Promise<AgreementDetail> {
    const me = this.policy.requireUser(actor);
    const row = await this.load(actor, id, this.db);
    await this.policy.agreements.amend(actor, itemOf(row));
    const versions = await agreementsRepo.versionsOf(this.db, [row.id]);
    const acceptances = await agreementsRepo.acceptancesOf(
      this.db,
      versions.map((v) => v.id),
    );
    const facts = versions.map((v) => ({ number: v.number, acceptedBy: acceptances.filter((a) => a.versionId === v.id).map((a) => a.userId) }));
    const check = checkAccept(facts, number, me.userId);
    if (!check.ok && check.reason === 'no-such-version') throw notFound('This agreement has no version with that number.');
    if (!check.ok) {
      throw problem(409, 'stale-version', 'A newer version exists', `Version ${number} has been replaced by version ${latestVersion(facts)!.number}; please read the latest version and accept that one instead.`, 'number');
    }
    if (!check.already) {
      await agreementsRepo.accept(this.db, versions.find((v) => v.number === number)!.id, me.userId);
      await this.events.publishToCouple(row.coupleId, { type: 'agreement' });
    }
    return this.detailOf(actor, row.id, zone, this.db);
  }

  private async addVersion(db: Db, agreementId: string, number: number, authorId: string, content: SealedVersion): Promise<void> {
    const id = uuidv7();
    const cipher = await this.keys.cipherFor(authorId, db);
    try {
      await agreementsRepo.insertVersion(db, { id, agreementId, number, authorId, content: cipher.sealJson(purpose(id), content) });
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw problem(409, 'stale-version', 'A newer version exists', 'Your partner proposed an edit at the same moment; please read it and propose yours again if you still wish to.');
      }
      throw e;
    }
    await agreementsRepo.accept(db, id, authorId);
  }

  /** The agreement, or 404 (missing and not-yours answer the same, after the sign-in check). */
  private async load(actor: Actor, id: string, db: Db): Promise<AgreementRow> {
    this.policy.requireUser(actor);
    const row = await agreementsRepo.findById(db, id);
    if (!row) throw notFound();
    return row;
  }

  private async detailOf(actor: Actor, id: string, zone: string, db: Db): Promise<AgreementDetail> {
    const row = await agreementsRepo.findById(db, id);
    const [detail] = row ? await this.present(actor, [row], zone, db) : [];
    if (!detail) throw notFound();
    return detail;
  }

  /** What a person sees: each agreement checked against the policy (once per couple), opened with each author's key. */
  private async present(actor: Actor, rows: AgreementRow[], zone: string, db: Db): Promise<AgreementDetail[]> {
    const me = this.policy.requireUser(actor);
    const couples = new Map((await this.policy.agreements.couples(actor, db)).map((c) => [c.coupleId, c]));
    const readable = new Set<string>();
    const changeable = new Set<string>();
    const firstOfCouple = new Map<string, AgreementRow>();
    for (const r of rows) if (!firstOfCouple.has(r.coupleId)) firstOfCouple.set(r.coupleId, r);
    for (const [coupleId, r] of firstOfCouple) {
      if (await this.policy.agreements.canRead(actor, itemOf(r), db)) readable.add(coupleId);
      if (await this.policy.agreements.canAmend(actor, itemOf(r), db)) changeable.add(coupleId);
    }
    const visible = rows.filter((r) => readable.has(r.coupleId) && couples.has(r.coupleId));
    if (visible.length === 0) return [];

    const versions = await agreementsRepo.versionsOf(
      db,
      visible.map((r) => r.id),
    );
    const acceptances = await agreementsRepo.acceptancesOf(
      db,
      versions.map((v) => v.id),
    );
    const ciphers = new Map<string, UserCipher>();
    for (const authorId of new Set(versions.map((v) => v.authorId))) ciphers.set(authorId, await this.keys.cipherFor(authorId, db));
    const whoIs = (userId: string) => (userId === me.userId ? 'me' : 'partner') as 'me' | 'partner';
    const today = localDay(Date.now(), zone);

    return visible.map((row) => {
      const members = { me: me.userId, partner: couples.get(row.coupleId)!.partnerId };
      const own = versions.filter((v) => v.agreementId === row.id);
      const shown = own.map((v) => {
        const accepted = acceptances.filter((a) => a.versionId === v.id && (a.userId === members.me || a.userId === members.partner));
        return { row: v, number: v.number, acceptedBy: accepted.map((a) => a.userId), view: versionView(v, ciphers.get(v.authorId)!, accepted, whoIs) };
      });
      const latest = latestVersion(shown)!;
      const inForce = activeVersion(shown, members);
      return {
        id: row.id,
        topic: row.topic as AgreementTopic,
        createdBy: whoIs(row.createdBy),
        createdAt: row.createdAt.toISOString(),
        reviewDay: row.reviewDay,
        review: reviewStatus(row.reviewDay, today),
        state: agreementState(shown, members),
        latest: latest.view,
        active: inForce?.view ?? null,
        canChange: changeable.has(row.coupleId),
        versions: shown.map((s) => s.view).reverse(),
      } satisfies AgreementDetail;
    });
  }
}

const itemOf = (row: AgreementRow) => ({ ownerId: row.createdBy, coupleId: row.coupleId });

function versionView(v: VersionRow, cipher: UserCipher, accepted: Array<{ userId: string; acceptedAt: Date }>, whoIs: (id: string) => 'me' | 'partner'): AgreementVersion {
  const content = cipher.openJson<SealedVersion>(purpose(v.id), v.content);
  return {
    number: v.number,
    author: whoIs(v.authorId),
    title: content.title,
    text: content.text,
    createdAt: v.createdAt.toISOString(),
    acceptances: accepted.map((a) => ({ who: whoIs(a.userId), acceptedAt: a.acceptedAt.toISOString() })),
  };
}

function checkReviewDay(reviewDay: string | null, zone: string): void {
  if (reviewDay === null) return;
  const today = localDay(Date.now(), zone);
  if (reviewDay < today) throw problem(400, 'review-in-past', 'The review date has passed', 'Please choose today or a later day to look at this again.', 'reviewDay');
  if (reviewDay > addDays(today, MAX_REVIEW_AHEAD_DAYS)) throw problem(400, 'review-too-far', 'The review date is far away', 'Please choose a day within the next ten years.', 'reviewDay');
}
