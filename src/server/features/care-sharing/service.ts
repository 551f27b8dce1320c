/**
 * Care: client links, consent by category, the access log and the therapist workspace
 * (docs/decisions/027).
 *
 * - A therapist invites a client by email (a link with 24 random bytes, 14 days, its SHA-256
 *   stored; the address only as a keyed hash), or a client who booked links their account from the
 *   booking's private link. Either way only the signed-in account whose verified email matches
 *   can accept (anyone else: 404).
 * - The client grants and revokes categories; the therapist sees, at request time, only what is
 *   effective (core/care, asked through policy.careSharing). Nothing is cached: a revoke or an
 *   unlink counts on the next request.
 * - Every therapist read of client data writes its access-log rows in the same transaction, one
 *   per client and category shown. The log holds no client words.
 * - Homework: the therapist's title and note are sealed under the client's data key.
 */
import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { accessLogTargets, assessmentSeries, conversationSummary, entryText, entryTitle, grantable, ordered, partnerGrantsShown, revealedMoods, effectiveCategories } from '../../../core/care/index.ts';
import { addDays, localDay, parseRecurrence, weeklyRecord, type Outcome, type Schedule } from '../../../core/couple/commitments.ts';
import { instrumentById } from '../../../core/instruments/registry.ts';
import type { AccessLogPage, AccessView, CareCategory, CareInvitationInput, CareLink, ClientView, Homework, HomeworkInput, PracticeClient } from '../../../core/schemas/care-sharing.ts';
import { open } from '../../crypto/aead.ts';
import type { DataKeys } from '../../crypto/data-keys.ts';
import { deriveKey, type ServerKey } from '../../crypto/server-key.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { HttpProblem, notFound } from '../../http/problem.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { mailTemplates } from '../../mail/templates.ts';
import type { Actor, CareConsent, CareLinkRef, Policy } from '../../policy/index.ts';
import { relationsRepo } from '../../policy/relations-repo.ts';
import { hashManageToken } from '../care/service.ts';
import { careSharingRepo, type CareLinkRow, type HomeworkRow, type TherapistFacts } from './repo.ts';

const INVITATION_DAYS = 14;
/** How far back the full client view reaches for day-by-day data. */
const FULL_VIEW_DAYS = 90;
const FULL_VIEW_WEEKS = 8;

const problem = (status: number, slug: string, title: string, detail: string, path?: string) =>
  new HttpProblem(status, slug, detail, path ? [{ path, message: detail }] : undefined, { title });

export const careSharingProblems = {
  invitationNotFound: () => problem(404, 'invitation-not-found', 'Invitation not found', 'This invitation is not valid for the account you are signed in with, or it has expired. Please ask your therapist for a new one.'),
  bookingLinkInvalid: () => problem(404, 'booking-link-invalid', 'Link not recognised', 'This booking link is not valid for the account you are signed in with. Please sign in with the email you booked with.'),
  linkEnded: () => problem(409, 'link-ended', 'Link ended', 'This link with your therapist has ended, so nothing can be shared through it. Your therapist can invite you again.'),
  coupleCategory: () =>
    problem(422, 'couple-category-needs-couple-link', 'Shared as a couple only', 'Couple data (check-in moods, commitments, conversation summaries) can be shared only through a link you made as a couple.', 'category'),
  twoFactorRequired: () =>
    problem(409, 'two-factor-required', 'Two-factor needed', 'Therapists need two-factor sign-in turned on (Settings → Two-factor) before they can see clients.'),
};

export interface CareSharingServiceOptions {
  db: Db;
  policy: Policy;
  serverKey: ServerKey;
  dataKeys: DataKeys;
  mailer: Mailer;
  baseUrl: string;
  log?: { error(obj: object, msg: string): void };
  now?: () => number;
}

const hashInvitationToken = (token: string) => crypto.createHash('sha256').update(`trellis-care-invitation:${token}`).digest('hex');
const homeworkPurpose = (id: string) => `care-homework:${id}`;
const journalPurpose = (id: string) => `journal:${id}`;
const commitmentPurpose = (id: string) => `commitment:${id}`;

export class CareSharingService {
  private readonly emailKey: Buffer;
  private readonly bookingKey: Buffer;
  private readonly now: () => number;

  constructor(private readonly opts: CareSharingServiceOptions) {
    this.emailKey = deriveKey(opts.serverKey, 'care-invitation-email');
    // The booking's sealed client facts (features/care): read here only to match the booking's email.
    this.bookingKey = deriveKey(opts.serverKey, 'booking-client');
    this.now = opts.now ?? Date.now;
  }

  private get db() {
    return this.opts.db;
  }

  private hashEmail(email: string): string {
    return crypto.createHmac('sha256', this.emailKey).update(email.trim().toLowerCase()).digest('hex');
  }

  // ——— The client ———

  async links(actor: Actor): Promise<CareLink[]> {
    const me = this.opts.policy.requireUser(actor);
    const rows = await careSharingRepo.linksOfClient(this.db, me.userId);
    const therapists = await careSharingRepo.therapistsByIds(this.db, [...new Set(rows.map((r) => r.therapistId))]);
    const out: CareLink[] = [];
    for (const row of rows) {
      const t = therapists.get(row.therapistId)!;
      await this.opts.policy.careSharing.client(actor, refOf(row, t));
      out.push(await this.present(row, t, this.db));
    }
    return out;
  }

  async acceptInvitation(actor: Actor, token: string): Promise<CareLink> {
    const me = this.opts.policy.requireUser(actor);
    const inv = await careSharingRepo.invitationByTokenHash(this.db, hashInvitationToken(token));
    const account = await careSharingRepo.account(this.db, me.userId);
    if (!inv || !account?.emailVerified || this.hashEmail(account.email) !== inv.emailHash) throw careSharingProblems.invitationNotFound();
    const t = (await careSharingRepo.therapistsByIds(this.db, [inv.therapistId])).get(inv.therapistId);
    if (!t || t.userId === me.userId) throw careSharingProblems.invitationNotFound();
    const row = await this.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      if (!(await careSharingRepo.claimInvitation(tx, inv.id, new Date(this.now())))) {
        // Opened twice by the same person: the link it made is the answer.
        const existing = inv.acceptedAt ? await careSharingRepo.activeLink(tx, t.id, me.userId) : undefined;
        if (!existing) throw careSharingProblems.invitationNotFound();
        return existing;
      }
      return this.createLink(tx, t, me.userId, inv.kind, null);
    });
    return this.present(row, t, this.db);
  }

  /** A client who booked links their account to the booking's therapist (signed in with the booking's email). */
  async linkBooking(actor: Actor, token: string): Promise<CareLink> {
    const me = this.opts.policy.requireUser(actor);
    const b = /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await careSharingRepo.bookingByTokenHash(this.db, hashManageToken(token)) : undefined;
    const account = await careSharingRepo.account(this.db, me.userId);
    if (!b || !account?.emailVerified || b.status === 'declined' || b.status === 'cancelled') throw careSharingProblems.bookingLinkInvalid();
    const booked = JSON.parse(open(this.bookingKey, b.sealedClient, `booking:${b.id}`).toString('utf8')) as { email: string };
    if (booked.email.trim().toLowerCase() !== account.email.trim().toLowerCase()) throw careSharingProblems.bookingLinkInvalid();
    if (b.clientUserId && b.clientUserId !== me.userId) throw careSharingProblems.bookingLinkInvalid();
    const t = (await careSharingRepo.therapistsByIds(this.db, [b.therapistId])).get(b.therapistId);
    if (!t || t.userId === me.userId) throw careSharingProblems.bookingLinkInvalid();
    const row = await this.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      await careSharingRepo.setBookingClient(tx, b.id, me.userId);
      return this.createLink(tx, t, me.userId, b.clientKind, b.id);
    });
    return this.present(row, t, this.db);
  }

  async setGrant(actor: Actor, linkId: string, category: CareCategory, granted: boolean): Promise<CareLink> {
    const { row, t } = await this.ownLink(actor, linkId);
    if (granted) {
      if (row.status !== 'active') throw careSharingProblems.linkEnded();
      if (!grantable(row.kind, category)) throw careSharingProblems.coupleCategory();
      await careSharingRepo.grant(this.db, { id: uuidv7(), linkId: row.id, category });
    } else {
      // Taking something back is always allowed, and at once.
      await careSharingRepo.revoke(this.db, row.id, category, new Date(this.now()));
    }
    return this.present(row, t, this.db);
  }

  async endLink(actor: Actor, linkId: string): Promise<CareLink> {
    const { row, t } = await this.ownLink(actor, linkId);
    const ended = row.status === 'active' ? ((await careSharingRepo.endLink(this.db, row.id, new Date(this.now()))) ?? (await careSharingRepo.linkById(this.db, row.id))!) : row;
    return this.present(ended, t, this.db);
  }

  /**
   * Ends every active link of mine, each as `endLink` does (every grant revoked), in `db` — the
   * emergency reset's open transaction (docs/decisions/029). Answers how many ended.
   */
  async endAllLinks(actor: Actor, db: Db = this.db): Promise<number> {
    const me = this.opts.policy.requireUser(actor);
    const rows = (await careSharingRepo.linksOfClient(db, me.userId)).filter((r) => r.status === 'active');
    const therapists = await careSharingRepo.therapistsByIds(db, [...new Set(rows.map((r) => r.therapistId))]);
    const at = new Date(this.now());
    let ended = 0;
    for (const row of rows) {
      await this.opts.policy.careSharing.client(actor, refOf(row, therapists.get(row.therapistId)!), db);
      if (await careSharingRepo.endLink(db, row.id, at)) ended++;
    }
    return ended;
  }

  async accessLog(actor: Actor, q: { cursor?: string; limit: number }): Promise<AccessLogPage> {
    const me = await this.opts.policy.careSharing.accessLog(actor);
    let after: { at: Date; id: string } | undefined;
    if (q.cursor) {
      const { sortKey, id } = decodeCursor(q.cursor);
      const at = new Date(sortKey);
      if (Number.isNaN(at.getTime())) decodeCursor('');
      after = { at, id };
    }
    const rows = await careSharingRepo.accessLog(this.db, me.userId, after, q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({ id: r.id, at: r.at.toISOString(), therapistName: r.therapistName, category: r.category as CareCategory, view: r.view })),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.at.toISOString(), last.id) : null,
    };
  }

  async myHomework(actor: Actor): Promise<Homework[]> {
    const me = this.opts.policy.requireUser(actor);
    const links = await careSharingRepo.linksOfClient(this.db, me.userId);
    const therapists = await careSharingRepo.therapistsByIds(this.db, [...new Set(links.map((l) => l.therapistId))]);
    for (const l of links) await this.opts.policy.careSharing.client(actor, refOf(l, therapists.get(l.therapistId)!));
    const rows = await careSharingRepo.homeworkOfLinks(this.db, links.map((l) => l.id));
    const names = new Map(links.map((l) => [l.id, therapists.get(l.therapistId)!.displayName]));
    return this.presentHomework(rows, me.userId, (linkId) => names.get(linkId) ?? '', this.db);
  }

  async completeHomework(actor: Actor, id: string, done: boolean): Promise<Homework> {
    const hw = await careSharingRepo.homeworkById(this.db, id);
    if (!hw) {
      this.opts.policy.requireUser(actor);
      throw notFound();
    }
    const { row, t } = await this.ownLink(actor, hw.linkId);
    await this.opts.policy.careSharing.completeHomework(actor, refOf(row, t));
    const saved = done === (hw.completedAt !== null) ? hw : await careSharingRepo.setHomeworkDone(this.db, hw.id, done ? new Date(this.now()) : null);
    return (await this.presentHomework([saved], row.clientUserId, () => t.displayName, this.db))[0]!;
  }

  // ——— The therapist ———

  /** `db`: the open transaction when called under an Idempotency-Key. */
  async invite(actor: Actor, input: CareInvitationInput, db: Db = this.db): Promise<{ id: string; email: string; expiresAt: string }> {
    const me = this.opts.policy.requireUser(actor);
    const [t] = await careSharingRepo.therapistsOfUser(db, me.userId);
    if (!t) throw notFound();
    await this.opts.policy.careSharing.invite(actor, { userId: t.userId, practiceId: t.organizationId }, db);
    await this.requireTwoFactor(me.userId, db);
    const token = crypto.randomBytes(24).toString('base64url');
    const expiresAt = new Date(this.now() + INVITATION_DAYS * 24 * 3600_000);
    const inv = await careSharingRepo.insertInvitation(db, {
      id: uuidv7(),
      organizationId: t.organizationId,
      therapistId: t.id,
      emailHash: this.hashEmail(input.email),
      kind: input.kind,
      tokenHash: hashInvitationToken(token),
      expiresAt,
    });
    const acceptUrl = `${this.opts.baseUrl}/care/accept?token=${token}`;
    this.opts.mailer
      .send(mailTemplates.careInvitation(input.email, { therapistName: t.displayName, practiceName: t.practiceName, acceptUrl }))
      .catch((err: unknown) => this.opts.log?.error({ kind: 'care-invitation', err: err instanceof Error ? err.name : 'unknown' }, 'mail not sent'));
    return { id: inv.id, email: input.email, expiresAt: expiresAt.toISOString() };
  }

  /** My clients (every practice I see clients in), with what each lets me see now. */
  async clients(actor: Actor): Promise<PracticeClient[]> {
    const me = this.opts.policy.requireUser(actor);
    const mine = await careSharingRepo.therapistsOfUser(this.db, me.userId);
    if (mine.length === 0) return [];
    await this.requireTwoFactor(me.userId);
    const byId = new Map(mine.map((t) => [t.id, t]));
    const rows = await careSharingRepo.activeLinksOfTherapists(this.db, mine.map((t) => t.id));
    const names = await careSharingRepo.names(this.db, [...new Set(rows.map((r) => r.clientUserId))]);
    const out: PracticeClient[] = [];
    for (const row of rows) {
      const ref = refOf(row, byId.get(row.therapistId)!);
      try {
        await this.opts.policy.careSharing.therapist(actor, ref);
      } catch (err) {
        // Not theirs to see (e.g. no longer a member of that practice): left out of the list.
        if (err instanceof HttpProblem) continue;
        throw err;
      }
      const { consent } = await this.consent(row, this.db);
      const effective = await this.opts.policy.careSharing.readable(actor, ref, consent);
      out.push({ linkId: row.id, clientName: names.get(row.clientUserId) ?? '', kind: row.kind, since: row.createdAt.toISOString(), effective });
    }
    return out;
  }

  /**
   * One client, as their therapist may see them now: a section per effective category. The
   * access-log rows (one per client and category shown) are written in the same transaction.
   */
  async clientView(actor: Actor, linkId: string, view: AccessView, days?: number): Promise<ClientView> {
    const { row, t, ref } = await this.therapistLink(actor, linkId);
    return this.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const { consent, partnerId, coupleId } = await this.consent(row, tx);
      const shown = await this.opts.policy.careSharing.readable(actor, ref, consent, tx);
      const nowMs = this.now();
      const zone = (await careSharingRepo.timeZoneOf(tx, row.clientUserId)) ?? 'UTC';
      const fromMs = view === 'summary' ? nowMs - (days ?? 14) * 24 * 3600_000 : undefined;
      const fromDay = localDay(fromMs ?? nowMs - FULL_VIEW_DAYS * 24 * 3600_000, zone);
      const from = fromMs === undefined ? undefined : new Date(fromMs);
      const clientName = (await careSharingRepo.names(tx, [row.clientUserId])).get(row.clientUserId) ?? '';
      const out: ClientView = { linkId: row.id, clientName, kind: row.kind, effective: shown, homework: [] };
      if (view === 'summary') out.from = fromDay;
      const has = (c: CareCategory) => shown.includes(c);

      if (has('assessments')) {
        out.assessments = assessmentSeries(await careSharingRepo.assessmentsOf(tx, row.clientUserId, from), instrumentById);
      }
      if (has('checkin-moods') && coupleId) {
        out.checkinMoods = revealedMoods(await careSharingRepo.checkinMoods(tx, coupleId, fromDay), row.clientUserId, partnerId);
      }
      if (has('commitments') && coupleId) {
        const weeks = view === 'summary' ? Math.max(1, Math.ceil((days ?? 14) / 7) + 1) : FULL_VIEW_WEEKS;
        out.commitments = await this.commitmentWeeks(tx, coupleId, localDay(nowMs, zone), zone, weeks, fromDay);
      }
      if (has('therapy-entries')) {
        const entries = await careSharingRepo.therapyEntries(tx, row.clientUserId, from);
        const cipher = entries.length ? await this.opts.dataKeys.cipherFor(row.clientUserId, tx) : undefined;
        out.therapyEntries = entries.map((e) => ({ id: e.id, at: e.occurredAt.toISOString(), title: entryTitle(e.kind, e.topic), text: entryText(cipher!.openJson<Record<string, unknown>>(journalPurpose(e.id), e.content)) }));
      }
      if (has('conversation-summaries') && coupleId) {
        out.conversationSummaries = (await careSharingRepo.endedConversations(tx, coupleId, from)).map(conversationSummary);
      }
      out.homework = await this.presentHomework(await careSharingRepo.homeworkOfLinks(tx, [row.id]), row.clientUserId, () => t.displayName, tx);

      const at = new Date(nowMs);
      await careSharingRepo.logAccess(
        tx,
        accessLogTargets(shown, row.clientUserId, partnerId).map((x) => ({ id: uuidv7(), clientUserId: x.clientUserId, therapistId: t.id, therapistName: t.displayName, linkId: row.id, category: x.category, view, at })),
      );
      return out;
    });
  }

  /** `db`: the open transaction when called under an Idempotency-Key. */
  async assignHomework(actor: Actor, linkId: string, input: HomeworkInput, db: Db = this.db): Promise<Homework> {
    const { row, t, ref } = await this.therapistLink(actor, linkId, db);
    await this.opts.policy.careSharing.assignHomework(actor, ref, db);
    const id = uuidv7();
    const cipher = await this.opts.dataKeys.cipherFor(row.clientUserId, db);
    const saved = await careSharingRepo.insertHomework(db, {
      id,
      linkId: row.id,
      content: cipher.sealJson(homeworkPurpose(id), { title: input.title, note: input.note }),
      dueOn: input.dueOn ?? null,
    });
    return (await this.presentHomework([saved], row.clientUserId, () => t.displayName, db))[0]!;
  }

  // ——— helpers ———

  private async createLink(tx: Db, t: TherapistFacts, clientUserId: string, kind: 'individual' | 'couple', bookingId: string | null): Promise<CareLinkRow> {
    const couple = kind === 'couple' ? await relationsRepo.activeCouple(tx, clientUserId) : undefined;
    return careSharingRepo.insertLinkOrExisting(tx, { id: uuidv7(), organizationId: t.organizationId, therapistId: t.id, clientUserId, kind, coupleId: couple?.coupleId ?? null, bookingId });
  }

  /** A link of mine as its client (404 for anyone else, 401 signed out). */
  private async ownLink(actor: Actor, linkId: string): Promise<{ row: CareLinkRow; t: TherapistFacts }> {
    const row = await careSharingRepo.linkById(this.db, linkId);
    if (!row) {
      this.opts.policy.requireUser(actor);
      throw notFound();
    }
    const t = (await careSharingRepo.therapistsByIds(this.db, [row.therapistId])).get(row.therapistId)!;
    await this.opts.policy.careSharing.client(actor, refOf(row, t));
    return { row, t };
  }

  /** A link I am the therapist of (404 for anyone else, 401 signed out; 409 without two-factor). */
  private async therapistLink(actor: Actor, linkId: string, db: Db = this.db): Promise<{ row: CareLinkRow; t: TherapistFacts; ref: CareLinkRef }> {
    const row = await careSharingRepo.linkById(db, linkId);
    if (!row) {
      this.opts.policy.requireUser(actor);
      throw notFound();
    }
    const t = (await careSharingRepo.therapistsByIds(db, [row.therapistId])).get(row.therapistId)!;
    const ref = refOf(row, t);
    const me = await this.opts.policy.careSharing.therapist(actor, ref, db);
    await this.requireTwoFactor(me.userId, db);
    return { row, t, ref };
  }

  private async requireTwoFactor(userId: string, db: Db = this.db): Promise<void> {
    if (!(await careSharingRepo.account(db, userId))?.twoFactor) throw careSharingProblems.twoFactorRequired();
  }

  /** The consent facts of a link, read now: its grants, the client's couple, the partner's link to the same therapist. */
  private async consent(row: CareLinkRow, db: Db): Promise<{ consent: CareConsent; partnerId: string | null; coupleId: string | null }> {
    const coupleNow = await relationsRepo.activeCouple(db, row.clientUserId);
    const partnerId = coupleNow?.partnerId ?? null;
    const partnerRow = partnerId ? await careSharingRepo.activeLink(db, row.therapistId, partnerId) : undefined;
    const grants = await careSharingRepo.activeGrants(db, [row.id, ...(partnerRow ? [partnerRow.id] : [])]);
    const facts = (r: CareLinkRow) => ({ status: r.status, kind: r.kind, coupleId: r.coupleId, grants: grants.get(r.id) ?? [] });
    return {
      consent: { mine: facts(row), coupleNow: coupleNow ? { coupleId: coupleNow.coupleId } : undefined, partnerLink: partnerRow ? facts(partnerRow) : undefined },
      partnerId,
      coupleId: coupleNow && row.kind === 'couple' && row.coupleId === coupleNow.coupleId ? coupleNow.coupleId : null,
    };
  }

  private async present(row: CareLinkRow, t: TherapistFacts, db: Db): Promise<CareLink> {
    const { consent } = await this.consent(row, db);
    return {
      id: row.id,
      therapistName: t.displayName,
      practiceName: t.practiceName,
      kind: row.kind,
      status: row.status,
      since: row.createdAt.toISOString(),
      grants: ordered(consent.mine.grants),
      partnerGrants: partnerGrantsShown(consent.mine, consent.coupleNow, consent.partnerLink),
      effective: effectiveCategories(consent.mine, consent.coupleNow, consent.partnerLink),
    };
  }

  private async presentHomework(rows: HomeworkRow[], clientUserId: string, therapistName: (linkId: string) => string, db: Db): Promise<Homework[]> {
    if (rows.length === 0) return [];
    const cipher = await this.opts.dataKeys.cipherFor(clientUserId, db);
    return rows.map((r) => {
      const c = cipher.openJson<{ title: string; note: string }>(homeworkPurpose(r.id), r.content);
      return { id: r.id, linkId: r.linkId, therapistName: therapistName(r.linkId), title: c.title, note: c.note, dueOn: r.dueOn, completedAt: r.completedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() };
    });
  }

  /** Per commitment and week: how many were planned (due) and kept, oldest week first; weeks with nothing due are left out. */
  private async commitmentWeeks(db: Db, coupleId: string, today: string, zone: string, weeks: number, fromDay: string) {
    const rows = await careSharingRepo.commitmentsOf(db, coupleId);
    if (rows.length === 0) return [];
    const since = addDays(today, -(7 * weeks + 7));
    const outcomes = new Map<string, Map<string, Outcome>>();
    for (const o of await careSharingRepo.occurrencesSince(db, rows.map((r) => r.id), since)) {
      const m = outcomes.get(o.commitmentId) ?? new Map<string, Outcome>();
      m.set(o.day, o.outcome === 'missed' ? 'missed' : 'kept');
      outcomes.set(o.commitmentId, m);
    }
    const ciphers = new Map<string, Awaited<ReturnType<DataKeys['cipherFor']>>>();
    for (const maker of new Set(rows.map((r) => r.makerId))) ciphers.set(maker, await this.opts.dataKeys.cipherFor(maker, db));
    const out: Array<{ title: string; week: string; kept: number; planned: number }> = [];
    for (const row of rows) {
      const parsed = row.recurrence ? parseRecurrence(row.recurrence) : undefined;
      const schedule: Schedule = { startDay: row.startDay, rule: parsed?.ok ? parsed.rule : null };
      if (row.status !== 'active') schedule.lastDay = addDays(localDay(row.updatedAt.getTime(), zone), -1);
      const title = ciphers.get(row.makerId)!.openJson<{ title: string }>(commitmentPurpose(row.id), row.content).title;
      for (const w of weeklyRecord(schedule, outcomes.get(row.id) ?? new Map(), today, weeks)) {
        if (w.due > 0 && addDays(w.weekStart, 6) >= fromDay) out.push({ title, week: w.weekStart, kept: w.kept, planned: w.due });
      }
    }
    return out.sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
  }
}

function refOf(row: CareLinkRow, t: TherapistFacts): CareLinkRef {
  return { clientUserId: row.clientUserId, therapistUserId: t.userId, practiceId: row.organizationId, status: row.status };
}
