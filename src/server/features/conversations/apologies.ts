/**
 * The apology builder (docs/decisions/024): what I did, its impact on you, that I take
 * responsibility, what I will do differently — sealed under the owner's key. Kept private it is
 * the owner's alone; sent (only while linked) the partner reads it. "What I will do differently"
 * can become a commitment, made through the commitments feature and its own rules.
 */
import { v7 as uuidv7 } from 'uuid';
import { screenTexts } from '../../../core/safety/crisis-screening.ts';
import type { Apology, ApologyCreate, ApologyList, ApologyParts } from '../../../core/schemas/conversations.ts';
import type { DataKeys } from '../../crypto/data-keys.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../http/problem.ts';
import type { Actor, ApologyRef, Policy } from '../../policy/index.ts';
import { noEvents, type EventPublisher } from '../../realtime/hub.ts';
import type { CommitmentsService } from '../commitments/service.ts';
import type { CommitmentCreate } from '../../../core/schemas/commitments.ts';
import { apologiesRepo, type ApologyRow } from './repo.ts';
import { problem } from './service.ts';

const purpose = (id: string) => `apology:${id}`;
const notLinked = () =>
  problem(409, 'not-linked', 'Not linked with a partner', 'Sending an apology or making a commitment needs a partner you are linked with now; you can keep it private.', 'send');

export class ApologiesService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly keys: DataKeys,
    private readonly commitments: CommitmentsService,
    private readonly now: () => number = Date.now,
    private readonly events: EventPublisher = noEvents,
  ) {}

  /** Writes my apology; sends it and/or makes the commitment when asked. `zone`: for the commitment's days. */
  async create(actor: Actor, input: ApologyCreate, zone: string, db: Db = this.db): Promise<{ apology: Apology; screening: ReturnType<typeof screenTexts> }> {
    const me = this.policy.requireUser(actor);
    await this.policy.apologies.create(actor, me.userId, db);
    const active = await this.policy.couple.active(actor, db);
    if ((input.send || input.commitment) && !active?.partnerId) throw notLinked();
    if (input.send && active) await this.policy.apologies.send(actor, { ownerId: me.userId, coupleId: active.coupleId }, db);

    const commitmentId = input.commitment ? (await this.commitments.create(actor, input.commitment, zone, db)).commitment.id : null;
    const id = uuidv7();
    const parts: ApologyParts = { what: input.what, impact: input.impact, responsibility: input.responsibility, different: input.different };
    const cipher = await this.keys.cipherFor(me.userId, db);
    const row = await apologiesRepo.insert(db, {
      id,
      ownerId: me.userId,
      coupleId: active?.coupleId ?? null,
      content: cipher.sealJson(purpose(id), parts),
      status: input.send ? 'sent' : 'private',
      sentAt: input.send ? new Date(this.now()) : null,
      commitmentId,
    });
    if (input.send && row.coupleId) await this.events.publishToCouple(row.coupleId, { type: 'apology' }, db);
    return { apology: await this.present(actor, row, db), screening: screenTexts(Object.values(parts)) };
  }

  /** Mine (private and sent), and those my partner (or a former partner) sent me. */
  async list(actor: Actor): Promise<ApologyList> {
    const me = this.policy.requireUser(actor);
    const couples = await this.policy.apologies.couples(actor);
    const rows = await apologiesRepo.listFor(
      this.db,
      me.userId,
      couples.map((c) => c.coupleId),
    );
    const mine: Apology[] = [];
    const received: Apology[] = [];
    for (const row of rows) {
      if (!(await this.policy.apologies.canRead(actor, refOf(row)))) continue;
      (row.ownerId === me.userId ? mine : received).push(await this.present(actor, row, this.db));
    }
    return { linked: couples.some((c) => c.active), mine, received };
  }

  async get(actor: Actor, id: string): Promise<Apology> {
    const row = await this.load(actor, id);
    await this.policy.apologies.read(actor, refOf(row));
    return this.present(actor, row, this.db);
  }

  /** Sends my private apology to my partner, linked now. */
  async send(actor: Actor, id: string): Promise<Apology> {
    const row = await this.load(actor, id);
    // Only its owner sends it (anyone else: 404, as if it did not exist).
    await this.policy.apologies.read(actor, { ...refOf(row), sent: false });
    if (row.status === 'sent') throw problem(409, 'already-sent', 'Already sent', 'This apology was already sent to your partner.');
    const active = await this.policy.couple.active(actor);
    if (!active?.partnerId) throw notLinked();
    await this.policy.apologies.send(actor, { ownerId: row.ownerId, coupleId: active.coupleId });
    const sent = await apologiesRepo.markSent(this.db, row.id, active.coupleId, new Date(this.now()));
    if (!sent) throw problem(409, 'already-sent', 'Already sent', 'This apology was already sent to your partner.');
    await this.events.publishToCouple(active.coupleId, { type: 'apology' });
    return this.present(actor, sent, this.db);
  }

  /** Makes "what I will do differently" of my apology a commitment, once (in my couple linked now). */
  async makeCommitment(actor: Actor, id: string, input: CommitmentCreate, zone: string, db: Db = this.db): Promise<{ apology: Apology; screening: ReturnType<typeof screenTexts> }> {
    this.policy.requireUser(actor);
    const row = await apologiesRepo.findById(db, id);
    if (!row) throw notFound();
    // Only its owner (anyone else: 404, as if it did not exist).
    await this.policy.apologies.read(actor, { ...refOf(row), sent: false }, db);
    if (row.commitmentId) throw problem(409, 'already-committed', 'Already a commitment', 'This apology already became a commitment.');
    const saved = await this.commitments.create(actor, input, zone, db);
    await apologiesRepo.setCommitment(db, row.id, saved.commitment.id);
    return { apology: await this.present(actor, { ...row, commitmentId: saved.commitment.id }, db), screening: saved.screening };
  }

  /** Deletes my apology (taking something back is always allowed). */
  async delete(actor: Actor, id: string): Promise<void> {
    const row = await this.load(actor, id);
    await this.policy.apologies.delete(actor, row.ownerId);
    await apologiesRepo.delete(this.db, row.id);
    if (row.status === 'sent' && row.coupleId) await this.events.publishToCouple(row.coupleId, { type: 'apology' });
  }

  private async load(actor: Actor, id: string): Promise<ApologyRow> {
    this.policy.requireUser(actor);
    const row = await apologiesRepo.findById(this.db, id);
    if (!row) throw notFound();
    return row;
  }

  private async present(actor: Actor, row: ApologyRow, db: Db): Promise<Apology> {
    const me = this.policy.requireUser(actor).userId;
    const parts = (await this.keys.cipherFor(row.ownerId, db)).openJson<ApologyParts>(purpose(row.id), row.content);
    const active = row.ownerId === me && row.status === 'private' ? await this.policy.couple.active(actor, db) : undefined;
    return {
      id: row.id,
      author: row.ownerId === me ? 'me' : 'partner',
      ...parts,
      status: row.status === 'sent' ? 'sent' : 'private',
      sentAt: row.sentAt?.toISOString() ?? null,
      commitmentId: row.commitmentId,
      canSend: Boolean(active?.partnerId),
      createdAt: row.createdAt.toISOString(),
    };
  }
}

const refOf = (row: ApologyRow): ApologyRef => ({ ownerId: row.ownerId, coupleId: row.coupleId, sent: row.status === 'sent' });
