/**
 * Daily check-ins (docs/decisions/014). Each partner answers once a day, for their own calendar
 * day; an answer stays its author's alone until both answered the same date, then both see both.
 * Words are sealed under the author's data key and opened for the partner only when the policy
 * allows it. Before I have answered, nothing here tells me whether my partner has.
 */
import { v7 as uuidv7 } from 'uuid';
import { consistency, localDay, windowStart } from '../../../core/couple/checkins.ts';
import { screenTexts } from '../../../core/safety/crisis-screening.ts';
import type { CheckinAnswer, CheckinConsistency, CheckinCreate, CheckinList, CheckinListQuery, CheckinSaved, CheckinToday } from '../../../core/schemas/checkins.ts';
import type { DataKeys, UserCipher } from '../../crypto/data-keys.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { HttpProblem } from '../../http/problem.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import type { ProfileService } from '../profile/service.ts';
import { checkinRepo, type CheckinRow } from './repo.ts';
import { noEvents, type EventPublisher } from '../../realtime/hub.ts';

interface SealedAnswer {
  highPoint: string;
  heavy: string;
  appreciation: string;
  need: string;
}

const purpose = (id: string) => `checkin:${id}`;

export const notLinked = () =>
  new HttpProblem(409, 'not-linked', 'Check-ins are shared between linked partners, and you are not linked with anyone right now. Your earlier check-ins stay readable.', undefined, {
    title: 'Not linked with a partner',
  });
export const alreadyAnswered = () =>
  new HttpProblem(409, 'already-answered', 'You have already checked in today. A new check-in opens tomorrow, in your time zone.', undefined, {
    title: 'Already checked in today',
  });

export class CheckinService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly keys: DataKeys,
    private readonly profile: ProfileService,
    private readonly now: () => number = Date.now,
    /** Live hints, sent only when an answer completes the day's reveal: before that, nothing may hint that I answered. */
    private readonly events: EventPublisher = noEvents,
  ) {}

  /**
   * Which calendar day "today" is for me: in my profile's time zone, or — when I have not chosen
   * one yet — in the zone the request names. Call it outside any transaction.
   */
  async dayFor(actor: Actor, timeZone?: string): Promise<string> {
    const me = this.policy.requireUser(actor);
    const zone = (await this.profile.get(actor, me.userId)).timeZone ?? timeZone;
    if (!zone) {
      throw new HttpProblem(400, 'validation', 'Please tell us your time zone, so the check-in counts for the right day.', [
        { path: 'timeZone', message: 'Please choose a time zone (for example America/Chicago).' },
      ]);
    }
    return localDay(this.now(), zone);
  }

  /** For reminders (background work only, via the policy): has this person answered for `day`? */
  async answeredOn(actor: Actor, userId: string, day: string, db: Db = this.db): Promise<boolean> {
    this.policy.notifications.deliver(actor, userId);
    return (await checkinRepo.daysByAuthor(db, userId, day)).some((d) => d.day === day);
  }

  /** My answer for `day` (from dayFor). Once a day, and only while linked. */
  async answer(actor: Actor, input: CheckinCreate, day: string, db: Db = this.db): Promise<CheckinSaved> {
    const me = this.policy.requireUser(actor);
    const active = await this.policy.couple.active(actor, db);
    if (!active) throw notLinked();
    await this.policy.checkins.write(actor, { ownerId: me.userId, coupleId: active.coupleId }, db);
    const content: SealedAnswer = {
      highPoint: input.highPoint ?? '',
      heavy: input.heavy ?? '',
      appreciation: input.appreciation ?? '',
      need: input.need ?? '',
    };
    const id = uuidv7();
    const cipher = await this.keys.cipherFor(me.userId, db);
    const row = await checkinRepo.insert(db, { id, coupleId: active.coupleId, authorId: me.userId, day, mood: input.mood, content: cipher.sealJson(purpose(id), content) });
    if (!row) throw alreadyAnswered();
    const [partner] = await this.partnerAnswers(actor, [row], db);
    // Both current members are known from the active couple: no need to read them again.
    if (partner) await this.events.publish(active.partnerId ? [me.userId, active.partnerId] : [me.userId], { type: 'checkin', coupleId: active.coupleId }, db);
    return { answer: toAnswer(row, content), day, revealed: Boolean(partner), screening: screenTexts(Object.values(content)) };
  }

  /** Today, for me: my answer, and my partner's only once both answered. */
  async today(actor: Actor, timeZone?: string): Promise<CheckinToday> {
    const me = this.policy.requireUser(actor);
    const day = await this.dayFor(actor, timeZone);
    const active = await this.policy.couple.active(actor);
    if (!active) return { day, linked: false, mine: null, partner: null, revealed: false };
    const row = await checkinRepo.find(this.db, active.coupleId, me.userId, day);
    // Not answered yet: say nothing about my partner, not even whether they answered.
    if (!row) return { day, linked: true, mine: null, partner: null, revealed: false };
    const mine = await this.open(actor, row, false);
    const [partner] = await this.partnerAnswers(actor, [row]);
    return { day, linked: true, mine, partner: partner ?? null, revealed: Boolean(partner) };
  }

  /** My past days, newest first, with my partner's answer where revealed; former couples' days are read-only archive. */
  async list(actor: Actor, q: CheckinListQuery): Promise<CheckinList> {
    const me = this.policy.requireUser(actor);
    const active = await this.policy.couple.active(actor);
    const after = q.cursor ? fromCursor(q.cursor) : undefined;
    const rows = await checkinRepo.listByAuthor(this.db, me.userId, after, q.limit + 1);
    const page = rows.slice(0, q.limit);
    const partners = await this.partnerAnswers(actor, page);
    // One key lookup for all of my own answers on the page, not one per answer.
    const mineCiphers = new Map<string, Promise<UserCipher>>();
    const items = await Promise.all(
      page.map(async (row, i) => {
        const partner = partners[i] ?? null;
        return { day: row.day, mine: await this.open(actor, row, partner !== null, this.db, mineCiphers), partner, revealed: partner !== null, archived: row.coupleId !== active?.coupleId };
      }),
    );
    const last = page.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(last.day, last.id) : null };
  }

  /** The gentle 28-day view: days I answered, days we both did. No streaks. */
  async consistency(actor: Actor, timeZone?: string): Promise<CheckinConsistency> {
    const me = this.policy.requireUser(actor);
    const today = await this.dayFor(actor, timeZone);
    const mine = await checkinRepo.daysByAuthor(this.db, me.userId, windowStart(today));
    const others = await checkinRepo.othersOn(this.db, me.userId, mine);
    const both: string[] = [];
    for (const o of others) {
      if (await this.policy.checkins.canRead(actor, { ownerId: o.authorId, coupleId: o.coupleId, revealed: true })) both.push(o.day);
    }
    return consistency(today, mine.map((m) => m.day), both);
  }

  /**
   * For each of my answers, my partner's answer for the same couple and date — which is then
   * revealed by definition — when the policy lets me read it; otherwise null.
   */
  private async partnerAnswers(actor: Actor, mine: CheckinRow[], db: Db = this.db): Promise<Array<CheckinAnswer | null>> {
    if (actor.kind !== 'user' || mine.length === 0) return mine.map(() => null);
    const others = await checkinRepo.othersOn(db, actor.userId, mine);
    const ciphers = new Map<string, Promise<UserCipher>>();
    return Promise.all(
      mine.map(async (row) => {
        const other = others.find((o) => o.coupleId === row.coupleId && o.day === row.day);
        if (!other) return null;
        if (!(await this.policy.checkins.canRead(actor, { ownerId: other.authorId, coupleId: other.coupleId, revealed: true }, db))) return null;
        return this.open(actor, other, true, db, ciphers);
      }),
    );
  }

  /** Opens an answer after the policy allowed reading it (with its author's key). */
  private async open(actor: Actor, row: CheckinRow, revealed: boolean, db: Db = this.db, ciphers = new Map<string, Promise<UserCipher>>()): Promise<CheckinAnswer> {
    await this.policy.checkins.read(actor, { ownerId: row.authorId, coupleId: row.coupleId, revealed }, db);
    // The promise is kept, so answers opened side by side share one key lookup.
    let cipher = ciphers.get(row.authorId);
    if (!cipher) {
      cipher = this.keys.cipherFor(row.authorId, db);
      ciphers.set(row.authorId, cipher);
    }
    return toAnswer(row, (await cipher).openJson<SealedAnswer>(purpose(row.id), row.content));
  }
}

function fromCursor(cursor: string): { day: string; id: string } {
  const { sortKey, id } = decodeCursor(cursor);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(sortKey)) decodeCursor('');
  return { day: sortKey, id };
}

function toAnswer(row: CheckinRow, c: SealedAnswer): CheckinAnswer {
  return {
    id: row.id,
    day: row.day,
    mood: row.mood,
    highPoint: c.highPoint,
    heavy: c.heavy,
    appreciation: c.appreciation,
    need: c.need,
    answeredAt: row.createdAt.toISOString(),
  };
}
