/**
 * Commitments: small promises made by one partner, seen by both (design.md, "Connect and
 * rebuild"). Only the maker proposes, marks, renegotiates and ends one, and only while the couple
 * is linked; the partner reads; after unlinking both keep a read-only archive. Every decision is
 * the policy's (policy.commitments). Title and details are sealed under the maker's data key and
 * opened for the partner only after the policy allows the read.
 *
 * Days are calendar dates in a time zone: the maker's when marking or proposing, the viewer's
 * when listing (a partner cannot read the other's profile, docs/decisions/015).
 */
import { v7 as uuidv7 } from 'uuid';
import {
  addDays,
  isDue,
  localDay,
  nextDue,
  parseRecurrence,
  trackRecord,
  weeklyRecord,
  type Outcome,
  type Schedule,
} from '../../../core/couple/commitments.ts';
import { screenTexts } from '../../../core/safety/crisis-screening.ts';
import type { Commitment, CommitmentCreate, CommitmentList, CommitmentRenegotiate, CommitmentSaved, OccurrenceSaved } from '../../../core/schemas/commitments.ts';
import type { DataKeys, UserCipher } from '../../crypto/data-keys.ts';
import type { Db } from '../../db/client.ts';
import { HttpProblem, notFound } from '../../http/problem.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import type { ProfileService } from '../profile/service.ts';
import { commitmentsRepo, type CommitmentRow } from './repo.ts';
import { noEvents, type EventPublisher } from '../../realtime/hub.ts';

interface SealedContent {
  title: string;
  details: string;
}

const purpose = (id: string) => `commitment:${id}`;
/** The track record's window ("kept 27 of 30 in the last 30 days") and the chart's weeks. */
export const RECORD_DAYS = 30;
export const CHART_WEEKS = 8;
const MAX_START_AHEAD_DAYS = 366;

/** A problem with its own plain title (the status's generic title is not clear enough here). */
const problem = (status: number, slug: string, title: string, detail: string, path?: string) =>
  new HttpProblem(status, slug, detail, path ? [{ path, message: detail }] : undefined, { title });

export class CommitmentsService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly keys: DataKeys,
    private readonly profile: ProfileService,
    /** The clock ("today" in the maker's zone); the demo backdates with it. */
    private readonly now: () => number = Date.now,
    /** Live hints to both partners' open pages (no words: they re-fetch). */
    private readonly events: EventPublisher = noEvents,
  ) {}

  /**
   * The time zone my days are counted in: my profile's, else the one the request sends. Read
   * before any transaction is opened (the profile service uses the default connection).
   */
  async zoneOf(actor: Actor, fromRequest: string | undefined, required = true): Promise<string> {
    const me = this.policy.requireUser(actor);
    const zone = (await this.profile.get(actor, me.userId)).timeZone ?? fromRequest;
    if (zone) return zone;
    if (!required) return 'UTC';
    throw problem(400, 'time-zone-needed', 'Time zone needed', 'Please choose your time zone in settings (or send timeZone), so that days are counted where you are.', 'timeZone');
  }

  /** Proposes a commitment: the maker is always the person asking. */
  async create(actor: Actor, input: CommitmentCreate, zone: string, db: Db = this.db): Promise<CommitmentSaved> {
    const me = this.policy.requireUser(actor);
    const active = await this.policy.couple.active(actor, db);
    if (!active) throw problem(409, 'not-linked', 'Not linked with a partner', 'Commitments live in a shared couple space; link with your partner first.');
    await this.policy.commitments.create(actor, { ownerId: me.userId, coupleId: active.coupleId }, db);
    const today = localDay(this.now(), zone);
    if (input.startDay < today) throw problem(400, 'start-in-past', 'The start day has passed', 'Please start today or on a later day.', 'startDay');
    if (input.startDay > addDays(today, MAX_START_AHEAD_DAYS)) throw problem(400, 'start-too-far', 'The start day is far away', 'Please start within the next year.', 'startDay');
    const recurrence = input.recurrence ?? null;
    checkUntil(recurrence, input.startDay);

    const id = uuidv7();
    const content: SealedContent = { title: input.title, details: input.details ?? '' };
    const cipher = await this.keys.cipherFor(me.userId, db);
    const row = await commitmentsRepo.insert(db, {
      id,
      coupleId: active.coupleId,
      makerId: me.userId,
      content: cipher.sealJson(purpose(id), content),
      startDay: input.startDay,
      recurrence,
      status: 'active',
    });
    const [commitment] = await this.present(actor, [row], zone, db);
    await this.events.publishToCouple(active.coupleId, { type: 'commitment' }, db);
    return { commitment: commitment!, screening: screenTexts([content.title, content.details]) };
  }

  /** Both partners' commitments in my couple, and my former couples' (read-only), newest first. */
  async list(actor: Actor, zone: string): Promise<CommitmentList> {
    const couples = await this.policy.commitments.couples(actor);
    const rows = await commitmentsRepo.listForCouples(
      this.db,
      couples.map((c) => c.coupleId),
    );
    return { linked: couples.some((c) => c.active), items: await this.present(actor, rows, zone) };
  }

  /** Marks one due, not-future occurrence kept or missed (again, if it was marked before). */
  async mark(actor: Actor, id: string, day: string, outcome: Outcome, zone: string): Promise<OccurrenceSaved> {
    const row = await this.loadForChange(actor, id, this.db);
    const today = localDay(this.now(), zone);
    if (day > today) throw problem(400, 'day-in-future', 'That day has not come yet', 'An occurrence can be marked on its day or afterwards.', 'day');
    if (!isDue(scheduleOf(row, zone), day)) throw problem(400, 'not-due', 'Not a day this commitment is due', 'This commitment does not fall on that day.', 'day');
    await commitmentsRepo.upsertOccurrence(this.db, { id: uuidv7(), commitmentId: row.id, day, outcome });
    await this.events.publishToCouple(row.coupleId, { type: 'commitment' });
    const [commitment] = await this.present(actor, [row], zone);
    return { day, outcome, repair: outcome === 'missed', commitment: commitment! };
  }

  /**
   * Replaces an active commitment with a new version (never silently dropped): the old one
   * becomes 'renegotiated' and points at the new one, which starts today (or at the old start,
   * if that is later) and keeps what was not changed.
   */
  async renegotiate(actor: Actor, id: string, input: CommitmentRenegotiate, zone: string, db: Db = this.db): Promise<CommitmentSaved> {
    const old = await this.loadForChange(actor, id, db);
    const cipher = await this.keys.cipherFor(old.makerId, db);
    const before = cipher.openJson<SealedContent>(purpose(old.id), old.content);
    const content: SealedContent = { title: input.title ?? before.title, details: input.details ?? before.details };
    const today = localDay(this.now(), zone);
    const startDay = old.startDay > today ? old.startDay : today;
    const recurrence = input.recurrence === undefined ? old.recurrence : input.recurrence;
    checkUntil(recurrence, startDay);

    const newId = uuidv7();
    if (!(await commitmentsRepo.closeIfActive(db, old.id, 'renegotiated', newId, new Date(this.now())))) throw notActive();
    const row = await commitmentsRepo.insert(db, {
      id: newId,
      coupleId: old.coupleId,
      makerId: old.makerId,
      content: cipher.sealJson(purpose(newId), content),
      startDay,
      recurrence,
      status: 'active',
    });
    const [commitment] = await this.present(actor, [row], zone, db);
    await this.events.publishToCouple(old.coupleId, { type: 'commitment' }, db);
    return { commitment: commitment!, screening: screenTexts([content.title, content.details]) };
  }

  /** Ends an active commitment; both still see it, as ended, with its record. */
  async end(actor: Actor, id: string, zone: string): Promise<Commitment> {
    const row = await this.loadForChange(actor, id, this.db);
    const ended = await commitmentsRepo.closeIfActive(this.db, row.id, 'ended', null, new Date(this.now()));
    if (!ended) throw notActive();
    await this.events.publishToCouple(row.coupleId, { type: 'commitment' });
    const [commitment] = await this.present(actor, [ended], zone);
    return commitment!;
  }

  /** The commitment, when I may change it (its maker, couple linked) and it is still active. */
  private async loadForChange(actor: Actor, id: string, db: Db): Promise<CommitmentRow> {
    const row = await commitmentsRepo.findById(db, id);
    // Missing and not-yours answer the same (404), so existence is never revealed.
    if (!row) {
      this.policy.requireUser(actor);
      throw notFound();
    }
    await this.policy.commitments.update(actor, { ownerId: row.makerId, coupleId: row.coupleId }, db);
    if (row.status !== 'active') throw notActive();
    return row;
  }

  /**
   * What a person sees of commitments: each checked against the policy (once per maker and
   * couple, not once per item), opened with its maker's key, with its due days and record.
   */
  private async present(actor: Actor, rows: CommitmentRow[], zone: string, db: Db = this.db): Promise<Commitment[]> {
    const me = this.policy.requireUser(actor);
    const pairs = new Map<string, { ownerId: string; coupleId: string }>();
    for (const r of rows) pairs.set(`${r.makerId}|${r.coupleId}`, { ownerId: r.makerId, coupleId: r.coupleId });
    const readable = new Set<string>();
    const changeable = new Set<string>();
    for (const [key, item] of pairs) {
      if (await this.policy.commitments.canRead(actor, item, db)) readable.add(key);
      if (await this.policy.commitments.canUpdate(actor, item, db)) changeable.add(key);
    }
    const visible = rows.filter((r) => readable.has(`${r.makerId}|${r.coupleId}`));
    if (visible.length === 0) return [];

    const today = localDay(this.now(), zone);
    const chartFrom = addDays(today, -(7 * CHART_WEEKS + 7));
    const since = [addDays(today, -(RECORD_DAYS - 1)), chartFrom].sort()[0]!;
    const ids = visible.map((r) => r.id);
    const outcomesById = new Map<string, Map<string, Outcome>>();
    for (const o of await commitmentsRepo.occurrencesSince(db, ids, since)) {
      const m = outcomesById.get(o.commitmentId) ?? new Map<string, Outcome>();
      m.set(o.day, o.outcome === 'missed' ? 'missed' : 'kept');
      outcomesById.set(o.commitmentId, m);
    }
    const replaces = new Map((await commitmentsRepo.predecessorsOf(db, ids)).map((p) => [p.replacedBy, p.id]));
    const ciphers = new Map<string, UserCipher>();
    for (const makerId of new Set(visible.map((r) => r.makerId))) ciphers.set(makerId, await this.keys.cipherFor(makerId, db));

    return visible.map((row) => {
      const content = ciphers.get(row.makerId)!.openJson<SealedContent>(purpose(row.id), row.content);
      const schedule = scheduleOf(row, zone);
      const outcomes = outcomesById.get(row.id) ?? new Map<string, Outcome>();
      const recordFrom = addDays(today, -(RECORD_DAYS - 1));
      return {
        id: row.id,
        maker: row.makerId === me.userId ? 'me' : 'partner',
        status: row.status === 'ended' ? 'ended' : row.status === 'renegotiated' ? 'renegotiated' : 'active',
        title: content.title,
        details: content.details,
        startDay: row.startDay,
        recurrence: row.recurrence,
        replacedBy: row.replacedBy,
        replaces: replaces.get(row.id) ?? null,
        canChange: row.status === 'active' && changeable.has(`${row.makerId}|${row.coupleId}`),
        today: { day: today, due: isDue(schedule, today), outcome: outcomes.get(today) ?? null },
        nextDue: nextDue(schedule, today, 3),
        recent: [...outcomes]
          .filter(([day]) => day >= recordFrom && day <= today)
          .sort(([a], [b]) => (a < b ? 1 : -1))
          .map(([day, outcome]) => ({ day, outcome })),
        record: trackRecord(schedule, outcomes, today, RECORD_DAYS),
        weeks: weeklyRecord(schedule, outcomes, today, CHART_WEEKS),
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      } satisfies Commitment;
    });
  }
}

const notActive = () =>
  problem(409, 'commitment-not-active', 'This commitment is no longer active', 'It was ended or renegotiated; its newer version (if any) can be marked instead.');

/** When it is due. An ended or renegotiated one is due up to the day before it changed. */
function scheduleOf(row: CommitmentRow, zone: string): Schedule {
  const parsed = row.recurrence ? parseRecurrence(row.recurrence) : undefined;
  const rule = parsed?.ok ? parsed.rule : null;
  const schedule: Schedule = { startDay: row.startDay, rule };
  if (row.status !== 'active') schedule.lastDay = addDays(localDay(row.updatedAt.getTime(), zone), -1);
  return schedule;
}

function checkUntil(recurrence: string | null, startDay: string): void {
  if (!recurrence) return;
  const parsed = parseRecurrence(recurrence);
  if (parsed.ok && parsed.rule.until !== undefined && parsed.rule.until < startDay) {
    throw problem(400, 'until-before-start', 'The repeat ends before it starts', 'Please choose an end date on or after the start day.', 'recurrence');
  }
}
