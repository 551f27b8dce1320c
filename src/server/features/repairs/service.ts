/**
 * The repair log (design.md, "Connect and rebuild"; docs/decisions/019): after a rough moment,
 * either partner notes what happened between them, what they tried, and what helped. Each
 * partner writes only their own entries, only while linked; the other reads; after unlinking
 * both keep a read-only archive. Every decision is the policy's (policy.repairs). The words are
 * sealed under the author's data key.
 */
import { v7 as uuidv7 } from 'uuid';
import { addDays, localDay } from '../../../core/couple/commitments.ts';
import { screenTexts } from '../../../core/safety/crisis-screening.ts';
import type { Repair, RepairCreate, RepairList, RepairSaved, RepairUpdate } from '../../../core/schemas/activities.ts';
import type { DataKeys, UserCipher } from '../../crypto/data-keys.ts';
import type { Db } from '../../db/client.ts';
import { HttpProblem, notFound } from '../../http/problem.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import type { ProfileService } from '../profile/service.ts';
import { repairsRepo, type RepairRow } from './repo.ts';
import { noEvents, type EventPublisher } from '../../realtime/hub.ts';

interface SealedRepair {
  rupture: string;
  attempt: string;
  helped: string;
}

const purpose = (id: string) => `repair:${id}`;
/** The latest time zone on Earth: no one's today is after its today. */
const LATEST_ZONE = 'Etc/GMT-14';
const MAX_DAYS_BACK = 3660;

const problem = (status: number, slug: string, title: string, detail: string, path?: string) =>
  new HttpProblem(status, slug, detail, path ? [{ path, message: detail }] : undefined, { title });

export class RepairsService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly keys: DataKeys,
    private readonly profile: ProfileService,
    /** Live hints to both partners' open pages (docs/decisions/017, 022): the kind only, never words. */
    private readonly events: EventPublisher = noEvents,
  ) {}

  async create(actor: Actor, input: RepairCreate): Promise<RepairSaved> {
    const me = this.policy.requireUser(actor);
    const active = await this.policy.couple.active(actor);
    if (!active) throw problem(409, 'not-linked', 'Not linked with a partner', 'The repair log lives in a shared couple space; link with your partner first.');
    await this.policy.repairs.create(actor, { ownerId: me.userId, coupleId: active.coupleId });
    checkDay(input.day, await this.zoneOf(actor, input.timeZone));
    const id = uuidv7();
    const cipher = await this.keys.cipherFor(me.userId);
    const content = { rupture: input.rupture, attempt: input.attempt, helped: input.helped } satisfies SealedRepair;
    const row = await repairsRepo.insert(this.db, { id, coupleId: active.coupleId, authorId: me.userId, day: input.day, content: cipher.sealJson(purpose(id), content) });
    await this.events.publishToCouple(active.coupleId, { type: 'repair' });
    const [saved] = await this.present(actor, [row]);
    return { repair: saved!, screening: screenTexts([input.rupture, input.attempt, input.helped]) };
  }

  /** Mine and my partner's, and my former couples' (read-only), the latest day first. */
  async list(actor: Actor): Promise<RepairList> {
    const couples = await this.policy.repairs.couples(actor);
    const rows = await repairsRepo.listForCouples(
      this.db,
      couples.map((c) => c.coupleId),
    );
    return { linked: couples.some((c) => c.active), items: await this.present(actor, rows) };
  }

  async update(actor: Actor, id: string, input: RepairUpdate): Promise<RepairSaved> {
    const row = await this.load(actor, id);
    await this.policy.repairs.update(actor, itemOf(row));
    if (input.day !== undefined) checkDay(input.day, await this.zoneOf(actor, input.timeZone));
    const cipher = await this.keys.cipherFor(row.authorId);
    const before = cipher.openJson<SealedRepair>(purpose(row.id), row.content);
    const after = { rupture: input.rupture ?? before.rupture, attempt: input.attempt ?? before.attempt, helped: input.helped ?? before.helped } satisfies SealedRepair;
    const updated = await repairsRepo.update(this.db, row.id, { day: input.day ?? row.day, content: cipher.sealJson(purpose(row.id), after) });
    if (!updated) throw notFound();
    await this.events.publishToCouple(row.coupleId, { type: 'repair' });
    const [saved] = await this.present(actor, [updated]);
    return { repair: saved!, screening: screenTexts([after.rupture, after.attempt, after.helped]) };
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const row = await this.load(actor, id);
    await this.policy.repairs.delete(actor, itemOf(row));
    await repairsRepo.delete(this.db, row.id);
    await this.events.publishToCouple(row.coupleId, { type: 'repair' });
  }

  /** My days are counted in my profile's time zone, else the request's, else the latest zone. */
  private async zoneOf(actor: Actor, fromRequest: string | undefined): Promise<string> {
    const me = this.policy.requireUser(actor);
    return (await this.profile.get(actor, me.userId)).timeZone ?? fromRequest ?? LATEST_ZONE;
  }

  /** The entry, or 404 (missing and not-yours answer the same, after the sign-in check). */
  private async load(actor: Actor, id: string): Promise<RepairRow> {
    this.policy.requireUser(actor);
    const row = await repairsRepo.findById(this.db, id);
    if (!row) throw notFound();
    return row;
  }

  private async present(actor: Actor, rows: RepairRow[]): Promise<Repair[]> {
    const me = this.policy.requireUser(actor);
    const pairs = new Map<string, { ownerId: string; coupleId: string }>();
    for (const r of rows) pairs.set(`${r.authorId}|${r.coupleId}`, itemOf(r));
    const readable = new Set<string>();
    const changeable = new Set<string>();
    for (const [key, item] of pairs) {
      if (await this.policy.repairs.canRead(actor, item)) readable.add(key);
      if (await this.policy.repairs.canUpdate(actor, item)) changeable.add(key);
    }
    const visible = rows.filter((r) => readable.has(`${r.authorId}|${r.coupleId}`));
    const ciphers = new Map<string, UserCipher>();
    for (const authorId of new Set(visible.map((r) => r.authorId))) ciphers.set(authorId, await this.keys.cipherFor(authorId));
    return visible.map((row) => {
      const c = ciphers.get(row.authorId)!.openJson<SealedRepair>(purpose(row.id), row.content);
      return {
        id: row.id,
        author: row.authorId === me.userId ? 'me' : 'partner',
        day: row.day,
        rupture: c.rupture,
        attempt: c.attempt,
        helped: c.helped,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        canChange: changeable.has(`${row.authorId}|${row.coupleId}`),
      } satisfies Repair;
    });
  }
}

const itemOf = (row: RepairRow) => ({ ownerId: row.authorId, coupleId: row.coupleId });

function checkDay(day: string, zone: string): void {
  const today = localDay(Date.now(), zone);
  if (day > today) throw problem(400, 'day-in-future', 'That day has not come yet', 'Please choose today or an earlier day.', 'day');
  if (day < addDays(today, -MAX_DAYS_BACK)) throw problem(400, 'day-too-far-back', 'That day is long ago', 'Please choose a day within the last ten years.', 'day');
}
