/**
 * Boundaries: what each partner states they need, in their own words (design.md, "Connect and
 * rebuild"; docs/decisions/018). Each partner writes only their own, only while the couple is
 * linked; the other reads; after unlinking both keep a read-only archive. Every decision is the
 * policy's (policy.boundaries). The words are sealed under the owner's data key.
 */
import { v7 as uuidv7 } from 'uuid';
import { screenTexts } from '../../../core/safety/crisis-screening.ts';
import type { Boundary, BoundaryList, BoundarySaved, BoundaryWrite } from '../../../core/schemas/agreements.ts';
import type { DataKeys, UserCipher } from '../../crypto/data-keys.ts';
import type { Db } from '../../db/client.ts';
import { HttpProblem, notFound } from '../../http/problem.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import { boundariesRepo, type BoundaryRow } from './repo.ts';
import { noEvents, type EventPublisher } from '../../realtime/hub.ts';

interface SealedBoundary {
  text: string;
}

const purpose = (id: string) => `boundary:${id}`;

export class BoundariesService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly keys: DataKeys,
    /** Live hints to both partners' open pages (docs/decisions/017, 022): the kind only, never words. */
    private readonly events: EventPublisher = noEvents,
  ) {}

  async create(actor: Actor, input: BoundaryWrite): Promise<BoundarySaved> {
    const me = this.policy.requireUser(actor);
    const active = await this.policy.couple.active(actor);
    if (!active) {
      throw new HttpProblem(409, 'not-linked', 'Boundaries live in a shared couple space; link with your partner first.', undefined, { title: 'Not linked with a partner' });
    }
    await this.policy.boundaries.create(actor, { ownerId: me.userId, coupleId: active.coupleId });
    const id = uuidv7();
    const cipher = await this.keys.cipherFor(me.userId);
    const row = await boundariesRepo.insert(this.db, { id, coupleId: active.coupleId, ownerId: me.userId, content: cipher.sealJson(purpose(id), { text: input.text } satisfies SealedBoundary) });
    await this.events.publishToCouple(active.coupleId, { type: 'boundary' });
    const [boundary] = await this.present(actor, [row]);
    return { boundary: boundary!, screening: screenTexts([input.text]) };
  }

  /** Mine and my partner's, and my former couples' (read-only), oldest first. */
  async list(actor: Actor): Promise<BoundaryList> {
    const couples = await this.policy.boundaries.couples(actor);
    const rows = await boundariesRepo.listForCouples(
      this.db,
      couples.map((c) => c.coupleId),
    );
    return { linked: couples.some((c) => c.active), items: await this.present(actor, rows) };
  }

  async update(actor: Actor, id: string, input: BoundaryWrite): Promise<BoundarySaved> {
    const row = await this.load(actor, id);
    await this.policy.boundaries.update(actor, itemOf(row));
    const cipher = await this.keys.cipherFor(row.ownerId);
    const updated = await boundariesRepo.updateContent(this.db, row.id, cipher.sealJson(purpose(row.id), { text: input.text } satisfies SealedBoundary));
    if (!updated) throw notFound();
    await this.events.publishToCouple(row.coupleId, { type: 'boundary' });
    const [boundary] = await this.present(actor, [updated]);
    return { boundary: boundary!, screening: screenTexts([input.text]) };
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const row = await this.load(actor, id);
    await this.policy.boundaries.delete(actor, itemOf(row));
    const cipher = await this.keys.cipherFor(row.ownerId);
    await boundariesRepo.markDeleted(this.db, row.id, cipher.sealJson(purpose(row.id), { text: '' } satisfies SealedBoundary));
    await this.events.publishToCouple(row.coupleId, { type: 'boundary' });
  }

  /** The boundary, or 404 (missing and not-yours answer the same, after the sign-in check). */
  private async load(actor: Actor, id: string): Promise<BoundaryRow> {
    this.policy.requireUser(actor);
    const row = await boundariesRepo.findById(this.db, id);
    if (!row) throw notFound();
    return row;
  }

  private async present(actor: Actor, rows: BoundaryRow[]): Promise<Boundary[]> {
    const me = this.policy.requireUser(actor);
    const pairs = new Map<string, { ownerId: string; coupleId: string }>();
    for (const r of rows) pairs.set(`${r.ownerId}|${r.coupleId}`, itemOf(r));
    const readable = new Set<string>();
    const changeable = new Set<string>();
    for (const [key, item] of pairs) {
      if (await this.policy.boundaries.canRead(actor, item)) readable.add(key);
      if (await this.policy.boundaries.canUpdate(actor, item)) changeable.add(key);
    }
    const visible = rows.filter((r) => readable.has(`${r.ownerId}|${r.coupleId}`));
    const ciphers = new Map<string, UserCipher>();
    for (const ownerId of new Set(visible.map((r) => r.ownerId))) ciphers.set(ownerId, await this.keys.cipherFor(ownerId));
    return visible.map((row) => ({
      id: row.id,
      owner: row.ownerId === me.userId ? 'me' : 'partner',
      text: ciphers.get(row.ownerId)!.openJson<SealedBoundary>(purpose(row.id), row.content).text,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      canChange: changeable.has(`${row.ownerId}|${row.coupleId}`),
    }));
  }
}

const itemOf = (row: BoundaryRow) => ({ ownerId: row.ownerId, coupleId: row.coupleId });
