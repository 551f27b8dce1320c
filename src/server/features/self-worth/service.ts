/** Self-worth: small goals, wins and self-care, each for a day in the person's own calendar. */
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { screenTexts } from '../../../core/safety/crisis-screening.ts';
import type { Screening, SelfWorthInput, selfWorthPatchSchema, selfWorthSchema } from '../../../core/schemas/reflect.ts';
import type { DataKeys, UserCipher } from '../../crypto/data-keys.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { notFound } from '../../http/problem.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import { selfWorthRepo, type SelfWorthRow } from './repo.ts';

type Item = z.infer<typeof selfWorthSchema>;
type Sealed = { text: string };
const purpose = (id: string) => `self-worth:${id}`;

export class SelfWorthService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly keys: DataKeys,
  ) {}

  async create(actor: Actor, input: SelfWorthInput, db: Db = this.db): Promise<{ item: Item; screening: Screening }> {
    const me = this.policy.requireUser(actor);
    await this.policy.selfWorth.create(actor, me.userId);
    const cipher = await this.keys.cipherFor(me.userId, db);
    const id = uuidv7();
    const row = await selfWorthRepo.insert(db, { id, ownerId: me.userId, kind: input.kind, day: input.day, done: input.done, content: cipher.sealJson(purpose(id), { text: input.text }) });
    return { item: toItem(row, { text: input.text }), screening: screenTexts([input.text]) };
  }

  async update(actor: Actor, id: string, patch: z.infer<typeof selfWorthPatchSchema>): Promise<{ item: Item; screening: Screening }> {
    const { row, cipher } = await this.load(actor, id, 'update');
    const sealed: Sealed = patch.text !== undefined ? { text: patch.text } : cipher.openJson<Sealed>(purpose(id), row.content);
    const updated = await selfWorthRepo.update(this.db, id, {
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.day !== undefined ? { day: patch.day } : {}),
      ...(patch.done !== undefined ? { done: patch.done } : {}),
      content: cipher.sealJson(purpose(id), sealed),
    });
    if (!updated) throw notFound();
    return { item: toItem(updated, sealed), screening: screenTexts([sealed.text]) };
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.load(actor, id, 'delete');
    await selfWorthRepo.delete(this.db, id);
  }

  async list(actor: Actor, q: { kind?: string; cursor?: string; limit: number }): Promise<{ items: Item[]; nextCursor: string | null }> {
    const me = this.policy.requireUser(actor);
    await this.policy.selfWorth.list(actor, me.userId);
    const cipher = await this.keys.cipherFor(me.userId);
    const after = q.cursor ? (({ sortKey, id }) => ({ day: sortKey, id }))(decodeCursor(q.cursor)) : undefined;
    const rows = await selfWorthRepo.list(this.db, me.userId, q.kind, after, q.limit + 1);
    const items = rows.slice(0, q.limit).map((r) => toItem(r, cipher.openJson<Sealed>(purpose(r.id), r.content)));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(last.day, last.id) : null };
  }

  private async load(actor: Actor, id: string, action: 'update' | 'delete'): Promise<{ row: SelfWorthRow; cipher: UserCipher }> {
    const row = await selfWorthRepo.findById(this.db, id);
    if (!row) {
      this.policy.requireUser(actor);
      throw notFound();
    }
    await this.policy.selfWorth[action](actor, row.ownerId);
    return { row, cipher: await this.keys.cipherFor(row.ownerId) };
  }
}

function toItem(row: SelfWorthRow, s: Sealed): Item {
  return { id: row.id, kind: row.kind as Item['kind'], day: row.day, done: row.done, text: s.text, createdAt: row.createdAt.toISOString() };
}
