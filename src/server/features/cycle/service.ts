/**
 * The cycle map (design.md, "Connect and rebuild"; docs/decisions/020): each partner fills in
 * their side ("when I feel …, I tend to …"), sealed under their own key; Trellis draws the shared
 * loop once both sides are there. Each writes only their own side and only while linked; the
 * other reads; after unlinking both keep a read-only archive. Every decision is the policy's
 * (policy.cycle).
 */
import { v7 as uuidv7 } from 'uuid';
import { buildLoop, type CycleSideInput } from '../../../core/couple/cycle.ts';
import { screenTexts } from '../../../core/safety/crisis-screening.ts';
import type { CycleMap, CycleSaved, CycleSide, CycleSideWrite } from '../../../core/schemas/cycle.ts';
import type { DataKeys } from '../../crypto/data-keys.ts';
import type { Db } from '../../db/client.ts';
import { HttpProblem } from '../../http/problem.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import { cycleRepo, type CycleSideRow } from './repo.ts';
import { noEvents, type EventPublisher } from '../../realtime/hub.ts';

/** The purpose binds the sealed side to its couple and author (one side each). */
const purpose = (coupleId: string, authorId: string) => `cycle-side:${coupleId}:${authorId}`;

export class CycleService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly keys: DataKeys,
    /** Live hints to both partners' open pages (docs/decisions/017, 022): the kind only, never words. */
    private readonly events: EventPublisher = noEvents,
  ) {}

  /** My couple's map; when not linked, my most recent former couple's, read-only. */
  async get(actor: Actor): Promise<CycleMap> {
    const me = this.policy.requireUser(actor);
    const couples = await this.policy.cycle.couples(actor);
    const active = couples.find((c) => c.active);
    const shown = active ?? couples.at(-1);
    if (!shown) return { linked: false, hasCouple: false, canChange: false, mine: null, partner: null, loop: null };
    const rows = await cycleRepo.sidesOf(this.db, [shown.coupleId]);
    const mine = rows.find((r) => r.authorId === me.userId);
    const theirs = shown.partnerId ? rows.find((r) => r.authorId === shown.partnerId) : undefined;
    const mineOpen = mine && (await this.policy.cycle.canRead(actor, itemOf(mine))) ? await this.open(mine) : undefined;
    const theirsOpen = theirs && (await this.policy.cycle.canRead(actor, itemOf(theirs))) ? await this.open(theirs) : undefined;
    const loop = buildLoop(mineOpen?.input, theirsOpen?.input);
    return {
      linked: active !== undefined,
      hasCouple: true,
      canChange: await this.policy.cycle.canWrite(actor, { ownerId: me.userId, coupleId: shown.coupleId }),
      mine: mineOpen?.view ?? null,
      partner: theirsOpen?.view ?? null,
      loop: loop ?? null,
    };
  }

  /** Writes my side into my couple linked now. */
  async putMine(actor: Actor, input: CycleSideWrite): Promise<CycleSaved> {
    const me = this.policy.requireUser(actor);
    const active = await this.policy.couple.active(actor);
    if (!active) {
      throw new HttpProblem(409, 'not-linked', 'The cycle map lives in a shared couple space; link with your partner first.', undefined, { title: 'Not linked with a partner' });
    }
    await this.policy.cycle.write(actor, { ownerId: me.userId, coupleId: active.coupleId });
    const side: CycleSideInput = { trigger: input.trigger, feel: input.feel, tendTo: { choices: [...new Set(input.tendTo.choices)], other: input.tendTo.other }, fear: input.fear, need: input.need };
    const cipher = await this.keys.cipherFor(me.userId);
    await cycleRepo.upsert(this.db, { id: uuidv7(), coupleId: active.coupleId, authorId: me.userId, content: cipher.sealJson(purpose(active.coupleId, me.userId), side) });
    await this.events.publishToCouple(active.coupleId, { type: 'cycle' });
    return { map: await this.get(actor), screening: screenTexts([side.trigger, side.feel, side.tendTo.other, side.fear, side.need]) };
  }

  private async open(row: CycleSideRow): Promise<{ input: CycleSideInput; view: CycleSide }> {
    const cipher = await this.keys.cipherFor(row.authorId);
    const input = cipher.openJson<CycleSideInput>(purpose(row.coupleId, row.authorId), row.content);
    return { input, view: { ...input, updatedAt: row.updatedAt.toISOString() } };
  }
}

const itemOf = (row: CycleSideRow) => ({ ownerId: row.authorId, coupleId: row.coupleId });
