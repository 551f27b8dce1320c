/** The origins map: which roots resonate, with notes. Each save is a new version; history is kept. */
import { v7 as uuidv7 } from 'uuid';
import { screenTexts } from '../../../core/safety/crisis-screening.ts';
import type { OriginsInput, Screening } from '../../../core/schemas/reflect.ts';
import type { DataKeys } from '../../crypto/data-keys.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../http/problem.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import { originsRepo, type OriginsRow } from './repo.ts';

type Version = OriginsInput & { id: string; createdAt: string };
const purpose = (id: string) => `origins:${id}`;

export class OriginsService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly keys: DataKeys,
  ) {}

  async current(actor: Actor): Promise<{ current: Version | null; history: Array<{ id: string; createdAt: string }> }> {
    const me = this.policy.requireUser(actor);
    await this.policy.origins.read(actor, me.userId);
    const latest = await originsRepo.latest(this.db, me.userId);
    const history = await originsRepo.history(this.db, me.userId);
    return {
      current: latest ? await this.open(latest) : null,
      history: history.map((h) => ({ id: h.id, createdAt: h.createdAt.toISOString() })),
    };
  }

  async save(actor: Actor, input: OriginsInput, db: Db = this.db): Promise<{ version: Version; screening: Screening }> {
    const me = this.policy.requireUser(actor);
    await this.policy.origins.create(actor, me.userId);
    const cipher = await this.keys.cipherFor(me.userId, db);
    const id = uuidv7();
    // One entry per root, the last one sent winning.
    const roots = [...new Map(input.roots.map((r) => [r.root, r])).values()];
    const value: OriginsInput = { roots, otherLabel: input.otherLabel ?? '' };
    const row = await originsRepo.insert(db, { id, ownerId: me.userId, content: cipher.sealJson(purpose(id), value) });
    return {
      version: { ...value, id, createdAt: row.createdAt.toISOString() },
      screening: screenTexts([value.otherLabel, ...roots.map((r) => r.notes)]),
    };
  }

  async version(actor: Actor, id: string): Promise<Version> {
    const row = await originsRepo.findById(this.db, id);
    if (!row) {
      this.policy.requireUser(actor);
      throw notFound();
    }
    await this.policy.origins.read(actor, row.ownerId);
    return this.open(row);
  }

  private async open(row: OriginsRow): Promise<Version> {
    const cipher = await this.keys.cipherFor(row.ownerId);
    return { ...cipher.openJson<OriginsInput>(purpose(row.id), row.content), id: row.id, createdAt: row.createdAt.toISOString() };
  }
}
