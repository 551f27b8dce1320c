/**
 * Care: practices, therapists and consultation booking (docs/decisions/026).
 *
 * - A signed-in person with two-factor on creates a practice and is its owner; the owner sets the
 *   session types and adds therapists — each an account with two-factor on — with licences per US
 *   state and weekly availability in the therapist's own zone.
 * - Anyone, without an account, books a consultation: kind of client → state → (approach) →
 *   therapists with a current licence there who see that kind of client → free slots in the
 *   client's zone → a short intake → a held request, a private manage link, an email and an .ics.
 *   The database's exclusion constraint decides a race for one slot (409 'slot-taken').
 * - The assigned therapist accepts or declines; the client is told either way. The client cancels
 *   or reschedules with the private link.
 * - An accepted booking is reminded 24 hours and 1 hour before (reminders.ts), from the per-minute
 *   job; a move re-arms both reminders.
 *
 * The client's name, email and intake are sealed with a key derived from the server key. Emails
 * carry no client words. Who may do what is decided in the policy (`policy.care`).
 */
import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { screenText } from '../../../core/safety/crisis-screening.ts';
import { buildIcs, formatInZone, generateSlots, isBookableSlot, therapistMatches, type SlotInput } from '../../../core/booking/index.ts';
import type {
  BookingCreated,
  BookingInput,
  BookingView,
  CreatePracticeInput,
  SessionTypeInput,
  TherapistBooking,
  TherapistInput,
} from '../../../core/schemas/care.ts';
import { SESSION_KINDS } from '../../../core/schemas/care.ts';
import { open, seal } from '../../crypto/aead.ts';
import { deriveKey, type ServerKey } from '../../crypto/server-key.ts';
import type { Db } from '../../db/client.ts';
import { HttpProblem, databaseErrorCode, notFound, unauthorized } from '../../http/problem.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { mailTemplates, type BookingMailFacts } from '../../mail/templates.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import { sendBookingReminders, type ReminderSummary } from './reminders.ts';
import { careRepo, type BookingRow, type PracticeRow, type SessionTypeRow, type TherapistRow } from './repo.ts';

type SessionKind = (typeof SESSION_KINDS)[number];

const problem = (status: number, slug: string, title: string, detail: string, path?: string) =>
  new HttpProblem(status, slug, detail, path ? [{ path, message: detail }] : undefined, { title });

export const careProblems = {
  practiceNotFound: () => problem(404, 'practice-not-found', 'Practice not found', 'We could not find a practice at this address.'),
  slugTaken: () => problem(409, 'slug-taken', 'Address taken', 'Another practice already uses this booking-page address. Please choose another.', 'slug'),
  twoFactorRequired: (path?: string) =>
    problem(409, 'two-factor-required', 'Two-factor needed', 'Therapists and practice owners need two-factor sign-in turned on (Settings → Two-factor) before they can hold clients’ requests.', path),
  noAccount: () => problem(422, 'therapist-account-not-found', 'No such account', 'There is no verified Trellis account with this email. The therapist signs up first.', 'email'),
  noTherapistInState: (state: string) =>
    problem(
      404,
      'no-therapist-in-state',
      'No therapist licensed there',
      `No therapist at this practice holds a current licence in ${state} for this kind of session. Therapists can only see clients in states where they are licensed; a public directory such as the one at psychologytoday.com lists others.`,
      'state',
    ),
  therapistNotFound: () => problem(404, 'therapist-not-found', 'Therapist not found', 'We could not find this therapist at this practice.', 'therapistId'),
  notLicensed: () =>
    problem(422, 'not-licensed-in-state', 'Not licensed there', 'This therapist does not hold a current licence in that state, or does not see this kind of client. Please choose another therapist.', 'therapistId'),
  sessionTypeOff: () => problem(422, 'session-type-unavailable', 'Not offered', 'This practice does not offer this kind of session for booking.', 'session'),
  slot: (reason: string) => {
    const detail: Record<string, string> = {
      past: 'This time has already passed. Please choose one of the times offered.',
      'too-soon': 'This time is too soon for the practice to prepare. Please choose a later time.',
      'beyond-horizon': 'This time is further ahead than the practice takes bookings. Please choose an earlier time.',
      'outside-availability': 'The therapist is not available at this time. Please choose one of the times offered.',
      taken: 'Someone has just taken this time. Please choose another — the list has been refreshed.',
    };
    return reason === 'taken'
      ? problem(409, 'slot-taken', 'Time just taken', detail.taken!, 'start')
      : problem(422, `slot-${reason}`, 'Time not available', detail[reason] ?? detail['outside-availability']!, 'start');
  },
  linkInvalid: () => problem(404, 'booking-link-invalid', 'Link not recognised', 'This booking link is not valid. Please use the link from your confirmation email.'),
  notChangeable: () => problem(409, 'booking-not-changeable', 'Cannot be changed', 'This booking has ended, been declined or been cancelled, so it cannot be changed. You can book a new time.'),
  alreadyDecided: () => problem(409, 'booking-already-decided', 'Already decided', 'This request has already been accepted, declined or cancelled.'),
};

/** The sealed part of a booking. */
interface ClientFacts {
  name: string;
  email: string;
  whatBrings: string;
  partnerName?: string;
  safety: 'no' | 'yes' | 'prefer-not-to-say';
}

export const hashManageToken = (token: string): string => crypto.createHash('sha256').update(`trellis-booking:${token}`).digest('hex');

export interface CareServiceOptions {
  db: Db;
  policy: Policy;
  serverKey: ServerKey;
  mailer: Mailer;
  baseUrl: string;
  log?: { error(obj: object, msg: string): void };
  now?: () => number;
}

export class CareService {
  private readonly key: Buffer;
  private readonly now: () => number;

  constructor(private readonly opts: CareServiceOptions) {
    this.key = deriveKey(opts.serverKey, 'booking-client');
    this.now = opts.now ?? Date.now;
  }

  private get db() {
    return this.opts.db;
  }

  // ——— Practices (owner) ———

  async createPractice(actor: Actor, input: CreatePracticeInput): Promise<{ id: string; slug: string; name: string; timeZone: string }> {
    const me = this.opts.policy.requireUser(actor);
    await this.requireTwoFactor(me.userId);
    const id = uuidv7();
    try {
      await this.db.transaction(async (tx) => {
        await careRepo.insertPractice(tx as unknown as Db, { id, name: input.name, slug: input.slug, timeZone: input.timeZone, ownerMemberId: uuidv7(), ownerUserId: me.userId });
      });
    } catch (err) {
      if (databaseErrorCode(err) === '23505') throw careProblems.slugTaken();
      throw err;
    }
    return { id, slug: input.slug, name: input.name, timeZone: input.timeZone };
  }

  async setSessionType(actor: Actor, practiceId: string, kind: SessionKind, input: SessionTypeInput): Promise<SessionTypeRow> {
    await this.opts.policy.care.managePractice(actor, practiceId);
    return careRepo.upsertSessionType(this.db, { id: uuidv7(), organizationId: practiceId, kind, ...input });
  }

  async addTherapist(actor: Actor, practiceId: string, input: TherapistInput): Promise<TherapistRow> {
    await this.opts.policy.care.managePractice(actor, practiceId);
    const account = await careRepo.accountByEmail(this.db, input.email.toLowerCase());
    if (!account?.verified) throw careProblems.noAccount();
    if (!account.twoFactor) throw careProblems.twoFactorRequired('email');
    return this.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      // An owner who also sees clients keeps the owner role (one membership per person).
      await careRepo.insertMember(tx, { id: uuidv7(), organizationId: practiceId, userId: account.id, role: 'therapist' });
      const t = await careRepo.insertTherapist(tx, {
        id: uuidv7(),
        organizationId: practiceId,
        userId: account.id,
        displayName: input.displayName,
        bio: input.bio,
        timeZone: input.timeZone,
        seesIndividuals: input.seesIndividuals,
        seesCouples: input.seesCouples,
        approaches: input.approaches,
      });
      await careRepo.replaceLicences(
        tx,
        t.id,
        input.licences.map((l) => ({ id: uuidv7(), therapistId: t.id, state: l.state, number: l.number, expiresOn: l.expiresOn })),
      );
      await careRepo.replaceAvailability(
        tx,
        t.id,
        input.windows.map((w) => ({ id: uuidv7(), therapistId: t.id, weekday: w.weekday, startTime: w.start, endTime: w.end })),
        input.exceptions.map((e) => ({ id: uuidv7(), therapistId: t.id, onDate: e.date, kind: e.kind, startTime: e.kind === 'extra' ? e.start : null, endTime: e.kind === 'extra' ? e.end : null })),
      );
      return t;
    });
  }

  // ——— The public booking page ———

  private async practice(slug: string): Promise<PracticeRow> {
    const p = await careRepo.practiceBySlug(this.db, slug);
    if (!p) throw careProblems.practiceNotFound();
    return p;
  }

  private today(timeZone: string): string {
    return formatInZone(this.now(), timeZone).date;
  }

  async publicPractice(slug: string) {
    const p = await this.practice(slug);
    const types = (await careRepo.sessionTypes(this.db, p.id)).filter((t) => t.active);
    const therapists = await careRepo.therapists(this.db, p.id);
    const licences = await careRepo.licences(this.db, therapists.map((t) => t.id));
    const today = this.today(p.timeZone);
    const states = [...new Set(licences.filter((l) => l.expiresOn >= today).map((l) => l.state))].sort();
    const approaches = [...new Set(therapists.flatMap((t) => t.approaches))].sort();
    return { name: p.name, slug: p.slug, timeZone: p.timeZone, sessionTypes: types.map((t) => ({ kind: t.kind, durationMinutes: t.durationMinutes })), states, approaches };
  }

  /** Therapists of the practice with a current licence in the state who see that kind of client. */
  async matchTherapists(slug: string, q: { kind: 'individual' | 'couple'; state: string; approach?: string }) {
    const p = await this.practice(slug);
    const matches = await this.matching(p, q);
    if (!matches.length) throw careProblems.noTherapistInState(q.state);
    return matches.map(({ t, states }) => ({ id: t.id, displayName: t.displayName, bio: t.bio, approaches: t.approaches, seesIndividuals: t.seesIndividuals, seesCouples: t.seesCouples, states }));
  }

  private async matching(p: PracticeRow, q: { kind: 'individual' | 'couple'; state: string; approach?: string }) {
    const therapists = await careRepo.therapists(this.db, p.id);
    const licences = await careRepo.licences(this.db, therapists.map((t) => t.id));
    const today = this.today(p.timeZone);
    return therapists
      .map((t) => ({ t, licences: licences.filter((l) => l.therapistId === t.id) }))
      .filter(({ t, licences: ls }) =>
        therapistMatches(
          { licences: ls.map((l) => ({ state: l.state, number: l.number, expiresOn: l.expiresOn })), seesIndividuals: t.seesIndividuals, seesCouples: t.seesCouples, approaches: t.approaches },
          { state: q.state, kind: q.kind, approach: q.approach, onDate: today },
        ),
      )
      .map(({ t, licences: ls }) => ({ t, states: ls.filter((l) => l.expiresOn >= today).map((l) => l.state).sort() }));
  }

  private async sessionType(p: PracticeRow, kind: SessionKind): Promise<SessionTypeRow> {
    const type = (await careRepo.sessionTypes(this.db, p.id)).find((t) => t.kind === kind && t.active);
    if (!type) throw careProblems.sessionTypeOff();
    return type;
  }

  private async matchedTherapist(p: PracticeRow, therapistId: string, q: { kind: 'individual' | 'couple'; state: string }): Promise<TherapistRow> {
    const t = await careRepo.therapistById(this.db, therapistId);
    if (!t || t.organizationId !== p.id) throw careProblems.therapistNotFound();
    if (!(await this.matching(p, q)).some((m) => m.t.id === t.id)) throw careProblems.notLicensed();
    return t;
  }

  private async slotInput(db: Db, t: TherapistRow, type: SessionTypeRow, excludeBookingId?: string): Promise<SlotInput> {
    const nowMs = this.now();
    const { windows, exceptions } = await careRepo.availability(db, t.id);
    const busy = await careRepo.busy(db, t.id, new Date(nowMs - 24 * 3600_000), new Date(nowMs + (type.horizonDays + 1) * 24 * 3600_000));
    return {
      timeZone: t.timeZone,
      windows: windows.map((w) => ({ weekday: w.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7, start: w.startTime, end: w.endTime })),
      exceptions: exceptions.map((e) => (e.kind === 'off' ? { date: e.onDate, kind: 'off' as const } : { date: e.onDate, kind: 'extra' as const, start: e.startTime!, end: e.endTime! })),
      durationMinutes: type.durationMinutes,
      bufferMinutes: type.bufferMinutes,
      minNoticeMinutes: type.minNoticeMinutes,
      horizonDays: type.horizonDays,
      nowMs,
      busy: busy.filter((b) => b.id !== excludeBookingId).map((b) => ({ startMs: b.startsAt.getTime(), endMs: b.endsAt.getTime() })),
    };
  }

  async slots(slug: string, therapistId: string, q: { kind: 'individual' | 'couple'; state: string; timeZone: string; session: SessionKind }) {
    const p = await this.practice(slug);
    const type = await this.sessionType(p, q.session);
    const t = await this.matchedTherapist(p, therapistId, q);
    const slots = generateSlots(await this.slotInput(this.db, t, type));
    return {
      timeZone: q.timeZone,
      slots: slots.map((s) => {
        const f = formatInZone(s.startMs, q.timeZone);
        return { start: new Date(s.startMs).toISOString(), end: new Date(s.endMs).toISOString(), date: f.date, time: f.time, label: f.label };
      }),
    };
  }

  /** Books a requested consultation. A filled honeypot gets the same answer shape with nothing saved. */
  async book(slug: string, input: BookingInput): Promise<BookingCreated & { ics: string }> {
    const p = await this.practice(slug);
    const type = await this.sessionType(p, input.session);
    const t = await this.matchedTherapist(p, input.therapistId, input);
    const startMs = Date.parse(input.start);
    const token = crypto.randomBytes(24).toString('base64url');
    const id = uuidv7();
    const manageUrl = `${this.opts.baseUrl}/booking/${token}`;

    let row: BookingRow;
    try {
      row = await this.db.transaction(async (txRaw) => {
        const tx = txRaw as unknown as Db;
        const checked = isBookableSlot(await this.slotInput(tx, t, type), startMs);
        if (!checked.ok) throw careProblems.slot(checked.reason);
        const client: ClientFacts = { name: input.name, email: input.email, whatBrings: input.whatBrings, partnerName: input.kind === 'couple' ? input.partnerName : undefined, safety: input.safety };
        return careRepo.insertBooking(tx, {
          id,
          organizationId: p.id,
          therapistId: t.id,
          sessionTypeId: type.id,
          clientKind: input.kind,
          clientState: input.state,
          clientTimeZone: input.timeZone,
          startsAt: new Date(checked.slot.startMs),
          endsAt: new Date(checked.slot.endMs),
          blockedUntil: new Date(checked.slot.endMs + type.bufferMinutes * 60_000),
          sealedClient: seal(this.key, Buffer.from(JSON.stringify(client), 'utf8'), `booking:${id}`),
          manageTokenHash: hashManageToken(token),
        });
      });
    } catch (err) {
      if (databaseErrorCode(err) === '23P01') throw careProblems.slot('taken');
      throw err;
    }
    const ics = this.ics(row, p, t, 'REQUEST');
    const when = formatInZone(row.startsAt.getTime(), row.clientTimeZone).label;
    this.sendInBackground('booking-requested', mailTemplates.bookingRequested(input.email, { ...this.mailFacts(p, t, row, manageUrl), ics }));
    const therapistEmail = await this.emailOf(t.userId);
    if (therapistEmail) {
      this.sendInBackground('booking-for-therapist', mailTemplates.bookingForTherapist(therapistEmail, { practiceName: p.name, when: formatInZone(row.startsAt.getTime(), t.timeZone).label, workspaceUrl: `${this.opts.baseUrl}/practice` }));
    }
    return {
      id: row.id,
      status: row.status,
      start: row.startsAt.toISOString(),
      end: row.endsAt.toISOString(),
      label: when,
      therapistName: t.displayName,
      practiceName: p.name,
      manageUrl,
      // The private safety answer, or what they wrote about what brings them (the same screening
      // as every other text in Trellis): resources are shown, nobody is told.
      showSafetyResources: input.safety === 'yes' || Object.values(screenText(input.whatBrings)).some(Boolean),
      ics,
    };
  }

  // ——— The client's private link ———

  private async byToken(actor: Actor, token: string, action: 'read' | 'update') {
    const row = /^[A-Za-z0-9_-]{20,64}$/.test(token) ? await careRepo.bookingByTokenHash(this.db, hashManageToken(token)) : undefined;
    if (!row) throw careProblems.linkInvalid();
    const t = (await careRepo.therapistById(this.db, row.therapistId))!;
    await this.opts.policy.care.booking(actor, action, { practiceId: row.organizationId, therapistUserId: t.userId, linkVerified: true });
    const p = (await careRepo.practiceById(this.db, row.organizationId))!;
    return { row, t, p };
  }

  async viewByToken(actor: Actor, token: string): Promise<BookingView> {
    const { row, t, p } = await this.byToken(actor, token, 'read');
    return this.view(row, t, p);
  }

  async icsByToken(actor: Actor, token: string): Promise<string> {
    const { row, t, p } = await this.byToken(actor, token, 'read');
    return this.ics(row, p, t, row.status === 'cancelled' || row.status === 'declined' ? 'CANCEL' : 'REQUEST');
  }

  async cancelByToken(actor: Actor, token: string): Promise<BookingView> {
    const { row, t, p } = await this.byToken(actor, token, 'update');
    const done = await careRepo.setBookingStatus(this.db, row.id, 'cancelled', ['requested', 'accepted']);
    if (!done) throw careProblems.notChangeable();
    const client = this.client(done);
    this.sendInBackground('booking-cancelled', mailTemplates.bookingCancelled(client.email, { ...this.mailFacts(p, t, done, `${this.opts.baseUrl}/booking/${token}`), ics: this.ics(done, p, t, 'CANCEL') }));
    return this.view(done, t, p);
  }

  /** Moves a live booking to another free time of the same therapist, atomically: the old time is freed only if the new one is taken. */
  async rescheduleByToken(actor: Actor, token: string, start: string): Promise<BookingView> {
    const { row, t, p } = await this.byToken(actor, token, 'update');
    if (row.status !== 'requested' && row.status !== 'accepted') throw careProblems.notChangeable();
    const type = (await careRepo.sessionTypes(this.db, p.id)).find((x) => x.id === row.sessionTypeId);
    if (!type) throw careProblems.sessionTypeOff();
    let moved: BookingRow | undefined;
    try {
      moved = await this.db.transaction(async (txRaw) => {
        const tx = txRaw as unknown as Db;
        const checked = isBookableSlot(await this.slotInput(tx, t, type, row.id), Date.parse(start));
        if (!checked.ok) throw careProblems.slot(checked.reason);
        return careRepo.moveBooking(tx, row.id, {
          startsAt: new Date(checked.slot.startMs),
          endsAt: new Date(checked.slot.endMs),
          blockedUntil: new Date(checked.slot.endMs + type.bufferMinutes * 60_000),
        });
      });
    } catch (err) {
      if (databaseErrorCode(err) === '23P01') throw careProblems.slot('taken');
      throw err;
    }
    if (!moved) throw careProblems.notChangeable();
    const client = this.client(moved);
    this.sendInBackground('booking-moved', mailTemplates.bookingRequested(client.email, { ...this.mailFacts(p, t, moved, `${this.opts.baseUrl}/booking/${token}`), ics: this.ics(moved, p, t, 'REQUEST') }));
    return this.view(moved, t, p);
  }

  // ——— The therapist ———

  /** The therapist's bookings from now on, with the intake (theirs to read). */
  async myBookings(actor: Actor): Promise<TherapistBooking[]> {
    const me = this.opts.policy.requireUser(actor);
    const mine = await careRepo.therapistsOfUser(this.db, me.userId);
    const out: TherapistBooking[] = [];
    for (const t of mine) {
      const p = (await careRepo.practiceById(this.db, t.organizationId))!;
      for (const row of await careRepo.bookingsForTherapist(this.db, t.id, new Date(this.now() - 24 * 3600_000))) {
        const relation = await this.opts.policy.care.bookingRelation(actor, { practiceId: row.organizationId, therapistUserId: t.userId, linkVerified: false });
        if (relation !== 'practice-therapist') continue;
        const c = this.client(row);
        out.push({ ...this.view(row, t, p), clientName: c.name, clientEmail: c.email, whatBrings: c.whatBrings, partnerName: c.partnerName, safety: c.safety });
      }
    }
    return out;
  }

  async decide(actor: Actor, bookingId: string, decision: 'accept' | 'decline'): Promise<BookingView> {
    const row = await careRepo.bookingById(this.db, bookingId);
    // An unknown id is answered exactly as a refused one (401 signed out, 404 otherwise): no existence is revealed.
    if (!row) throw actor.kind === 'anonymous' ? unauthorized() : notFound();
    const t = (await careRepo.therapistById(this.db, row.therapistId))!;
    await this.opts.policy.care.booking(actor, 'update', { practiceId: row.organizationId, therapistUserId: t.userId, linkVerified: false });
    await this.requireTwoFactor(t.userId);
    const done = await careRepo.setBookingStatus(this.db, row.id, decision === 'accept' ? 'accepted' : 'declined', ['requested']);
    if (!done) throw careProblems.alreadyDecided();
    const p = (await careRepo.practiceById(this.db, row.organizationId))!;
    const c = this.client(done);
    // The manage link's secret is not kept, so this mail points at the booking page for a new time.
    const facts = this.mailFacts(p, t, done, `${this.opts.baseUrl}/p/${p.slug}`);
    this.sendInBackground(
      `booking-${decision}`,
      decision === 'accept' ? mailTemplates.bookingAccepted(c.email, { ...facts, ics: this.ics(done, p, t, 'REQUEST') }) : mailTemplates.bookingDeclined(c.email, facts),
    );
    return this.view(done, t, p);
  }

  // ——— Reminders (the per-minute job) ———

  /** Sends the consultation reminders due at `nowMs` (24 hours and 1 hour before; a system actor only). */
  async sendDueReminders(actor: Actor, nowMs: number = this.now()): Promise<ReminderSummary> {
    return sendBookingReminders(
      { db: this.db, policy: this.opts.policy, mailer: this.opts.mailer, baseUrl: this.opts.baseUrl, clientEmail: (row) => this.client(row).email, log: this.opts.log },
      actor,
      nowMs,
    );
  }

  // ——— helpers ———

  private async requireTwoFactor(userId: string): Promise<void> {
    if (!(await careRepo.account(this.db, userId))?.twoFactor) throw careProblems.twoFactorRequired();
  }

  private async emailOf(userId: string): Promise<string | undefined> {
    return (await careRepo.account(this.db, userId))?.email;
  }

  private client(row: BookingRow): ClientFacts {
    return JSON.parse(open(this.key, row.sealedClient, `booking:${row.id}`).toString('utf8')) as ClientFacts;
  }

  private view(row: BookingRow, t: TherapistRow, p: PracticeRow): BookingView {
    return {
      id: row.id,
      status: row.status,
      start: row.startsAt.toISOString(),
      end: row.endsAt.toISOString(),
      label: formatInZone(row.startsAt.getTime(), row.clientTimeZone).label,
      timeZone: row.clientTimeZone,
      kind: row.clientKind,
      therapistName: t.displayName,
      therapistId: t.id,
      practiceName: p.name,
      practiceSlug: p.slug,
      state: row.clientState,
    };
  }

  private mailFacts(p: PracticeRow, t: TherapistRow, row: BookingRow, manageUrl: string): BookingMailFacts {
    return {
      practiceName: p.name,
      therapistName: t.displayName,
      when: formatInZone(row.startsAt.getTime(), row.clientTimeZone).label,
      manageUrl,
      bookingPageUrl: `${this.opts.baseUrl}/p/${p.slug}`,
    };
  }

  private ics(row: BookingRow, p: PracticeRow, t: TherapistRow, method: 'REQUEST' | 'CANCEL'): string {
    return buildIcs({
      uid: `${row.id}@trellis`,
      startMs: row.startsAt.getTime(),
      endMs: row.endsAt.getTime(),
      summary: `Consultation with ${p.name}`,
      description: `With ${t.displayName}. To move or cancel, use the private link in your email.`,
      method,
      sequence: Math.floor(row.updatedAt.getTime() / 1000) - Math.floor(row.createdAt.getTime() / 1000),
      stampMs: row.updatedAt.getTime(),
    });
  }

  private sendInBackground(kind: string, message: Parameters<Mailer['send']>[0]): void {
    this.opts.mailer.send(message).catch((err: unknown) => this.opts.log?.error({ kind, err: err instanceof Error ? err.name : 'unknown' }, 'mail not sent'));
  }
}
