/** The urge log for controlling impulses: the urge, the fear underneath, what I did instead. */
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { screenTexts } from '../../../core/safety/crisis-screening.ts';
import type { Screening, UrgeInput, urgePatchSchema, urgeSchema } from '../../../core/schemas/reflect.ts';
import type { DataKeys, UserCipher } from '../../crypto/data-keys.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { notFound } from '../../http/problem.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import { urgeRepo, type UrgeRow } from './repo.ts';

type Urge = z.infer<typeof urgeSchema>;
type Sealed = { urge: string; fear: string; insteadDid: string };
const purpose = (id: string) => `urge:${id}`;

export class UrgeService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly keys: DataKeys,
  ) {}

  async create(actor: Actor, input: UrgeInput, db: Db = this.db): Promise<{ item: Urge; screening: Screening }> {
    const me = this.policy.requireUser(actor);
    await this.policy.urges.create(actor, me.userId);
    const cipher = await this.keys.cipherFor(me.userId, db);
    const id = uuidv7();
    const sealed: Sealed = { urge: input.urge, fear: input.fear ?? '', insteadDid: input.insteadDid ?? '' };
    const row = await urgeRepo.insert(db, { id, ownerId: me.userId, occurredAt: new Date(input.occurredAt), actedOn: input.actedOn, content: cipher.sealJson(purpose(id), sealed) });
    return { item: toUrge(row, sealed), screening: screenTexts(Object.values(sealed)) };
  }

  async update(actor: Actor, id: string, patch: z.infer<typeof urgePatchSchema>): Promise<{ item: Urge; screening: Screening }> {
    const { row, cipher } = await this.load(actor, id, 'update');
    const sealed: Sealed = { ...cipher.openJson<Sealed>(purpose(id), row.content) };
    if (patch.urge !== undefined) sealed.urge = patch.urge;
    if (patch.fear !== undefined) sealed.fear = patch.fear;
    if (patch.insteadDid !== undefined) sealed.insteadDid = patch.insteadDid;
    const updated = await urgeRepo.update(this.db, id, {
      ...(patch.occurredAt !== undefined ? { occurredAt: new Date(patch.occurredAt) } : {}),
      ...(patch.actedOn !== undefined ? { actedOn: patch.actedOn } : {}),
      content: cipher.sealJson(purpose(id), sealed),
    });
    if (!updated) throw notFound();
    return { item: toUrge(updated, sealed), screening: screenTexts(Object.values(sealed)) };
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.load(actor, id, 'delete');
    await urgeRepo.delete(this.db, id);
  }

  async list(actor: Actor, q: { cursor?: string; limit: number }): Promise<{ items: Urge[]; nextCursor: string | null }> {
    const me = this.policy.requireUser(actor);
    await this.policy.urges.list(actor, me.userId);
    const cipher = await this.keys.cipherFor(me.userId);
    const after = q.cursor ? (({ sortKey, id }) => ({ occurredAt: new Date(sortKey), id }))(decodeCursor(q.cursor)) : undefined;
    const rows = await urgeRepo.list(this.db, me.userId, after, q.limit + 1);
    const items = rows.slice(0, q.limit).map((r) => toUrge(r, cipher.openJson<Sealed>(purpose(r.id), r.content)));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(last.occurredAt, last.id) : null };
  }

  private async load(actor: Actor, id: string, action: 'update' | 'delete'): Promise<{ row: UrgeRow; cipher: UserCipher }> {
    const row = await urgeRepo.findById(this.db, id);
    if (!row) {
      this.policy.requireUser(actor);
      throw notFound();
    }
    await this.policy.urges[action](actor, row.ownerId);
    return { row, cipher: await this.keys.cipherFor(row.ownerId) };
  }
}

function toUrge(row: UrgeRow, s: Sealed): Urge {
  return { id: row.id, occurredAt: row.occurredAt.toISOString(), actedOn: row.actedOn, urge: s.urge, fear: s.fear, insteadDid: s.insteadDid, createdAt: row.createdAt.toISOString() };
}
