/**
 * Structured conversations (docs/decisions/024): the rules are the pure state machine in
 * core/conversation; this service asks the policy first, feeds the machine the stored state and
 * the server's clock, stores what comes back with a compare-and-set on `version` (two people
 * pressing at once: one wins, the other gets 409 'stale-version'), seals turn texts under their
 * author's key and tells both partners' open pages that something changed.
 */
import { v7 as uuidv7 } from 'uuid';
import {
  allowedTurnKinds,
  apply,
  listenerId,
  pauseLeftMs,
  settle,
  timeLeftMs,
  type Action,
  type ConversationState,
  type OutcomeKind,
  type Phase,
  type RefusalCode,
  type Step,
  type TurnKind,
} from '../../../core/conversation/machine.ts';
import { screenTexts } from '../../../core/safety/crisis-screening.ts';
import type { Conversation, ConversationCreate, ConversationFinish, ConversationFinished, ConversationList, ConversationSaved, TurnCreate } from '../../../core/schemas/conversations.ts';
import type { Screening } from '../../../core/schemas/reflect.ts';
import type { DataKeys, UserCipher } from '../../crypto/data-keys.ts';
import type { Db } from '../../db/client.ts';
import { HttpProblem, notFound } from '../../http/problem.ts';
import type { Actor, Policy, TalkItem } from '../../policy/index.ts';
import { noEvents, type EventPublisher } from '../../realtime/hub.ts';
import type { AgreementsService } from '../agreements/service.ts';
import type { CommitmentsService } from '../commitments/service.ts';
import { conversationsRepo, type ConversationChange, type ConversationRow } from './repo.ts';

const turnPurpose = (id: string) => `conversation-turn:${id}`;

/** A problem with its own plain title. */
export const problem = (status: number, slug: string, title: string, detail: string, path?: string) =>
  new HttpProblem(status, slug, detail, path ? [{ path, message: detail }] : undefined, { title });

const REFUSAL_TITLES: Record<RefusalCode, string> = {
  'not-a-participant': 'Not part of this conversation',
  'wrong-phase': 'Not at this stage of the conversation',
  'already-confirmed': 'Already confirmed',
  paused: 'You are on a break',
  'not-paused': 'There is no break right now',
  'not-your-turn': 'Not your turn yet',
  'wrong-kind': 'Not this kind of turn right now',
  'time-up': 'The time you agreed on is up',
};

const stale = () =>
  problem(409, 'stale-version', 'The conversation moved on', 'Your partner did something at the same moment; here is where things stand now — please look again before going on.', 'version');

type StepAction = 'pause' | 'ready' | 'close' | 'leave';

export class ConversationsService {
  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly keys: DataKeys,
    private readonly agreements: AgreementsService,
    private readonly commitments: CommitmentsService,
    /** The server's clock: pauses and time limits are measured by it, never the browser's. */
    private readonly now: () => number = Date.now,
    private readonly events: EventPublisher = noEvents,
  ) {}

  /** Starts a conversation with my partner (couple) or alone (practice). */
  async start(actor: Actor, input: ConversationCreate, db: Db = this.db): Promise<Conversation> {
    const me = this.policy.requireUser(actor);
    let coupleId: string | null = null;
    if (input.mode === 'couple') {
      const active = await this.policy.couple.active(actor, db);
      if (!active?.partnerId) {
        throw problem(409, 'not-linked', 'Not linked with a partner', 'A conversation together needs a partner you are linked with; you can practise alone at any time.', 'mode');
      }
      coupleId = active.coupleId;
    }
    await this.policy.conversations.start(actor, { ownerId: me.userId, coupleId }, db);
    const row = await conversationsRepo.insert(db, {
      id: uuidv7(),
      coupleId,
      startedBy: me.userId,
      timeLimitMinutes: input.timeLimitMinutes,
      phase: 'checklist',
      step: 'speak',
    });
    if (coupleId) await this.events.publishToCouple(coupleId, { type: 'conversation' }, db);
    return this.present(actor, row, db);
  }

  /** Conversations in my couple and my former ones (read-only), and those I practised alone. */
  async list(actor: Actor): Promise<ConversationList> {
    const me = this.policy.requireUser(actor);
    const couples = await this.policy.conversations.couples(actor);
    const rows = await conversationsRepo.listFor(
      this.db,
      me.userId,
      couples.map((c) => c.coupleId),
    );
    const items: ConversationList['items'] = [];
    for (const row of rows) {
      const item = itemOf(row);
      if (!(await this.policy.conversations.canRead(actor, item))) continue;
      const canAct = row.phase !== 'ended' && (await this.policy.conversations.canAct(actor, item));
      items.push({
        id: row.id,
        mode: row.coupleId ? 'couple' : 'practice',
        phase: phaseOf(row),
        startedBy: row.startedBy === me.userId ? 'me' : 'partner',
        rounds: row.rounds,
        canAct,
        createdAt: row.createdAt.toISOString(),
        endedAt: row.endedAt?.toISOString() ?? null,
      });
    }
    return { linked: couples.some((c) => c.active), items };
  }

  async get(actor: Actor, id: string): Promise<Conversation> {
    const row = await conversationsRepo.findById(this.db, id);
    if (!row) {
      this.policy.requireUser(actor);
      throw notFound();
    }
    await this.policy.conversations.read(actor, itemOf(row));
    return this.present(actor, row, this.db);
  }

  /** I confirm the safe-space checklist; the turns begin when everyone has. */
  confirmChecklist(actor: Actor, id: string, version?: number): Promise<Conversation> {
    return this.transact(actor, id, version, { type: 'confirm' }, async (tx, row, me) => {
      await conversationsRepo.confirm(tx, row.id, me);
    });
  }

  /** Adds my turn (message, summary, validation, confirmation, correction or imagined reply). */
  async addTurn(actor: Actor, id: string, input: TurnCreate, db?: Db): Promise<ConversationSaved> {
    const conversation = await this.transact(
      actor,
      id,
      input.version,
      { type: 'turn', kind: input.kind },
      async (tx, row, me) => {
        const turnId = uuidv7();
        const cipher = await this.keys.cipherFor(me, tx);
        await conversationsRepo.addTurn(tx, { id: turnId, conversationId: row.id, authorId: me, kind: input.kind, content: cipher.sealJson(turnPurpose(turnId), { text: input.text }) });
      },
      db,
    );
    return { conversation, screening: screenTexts([input.text]) };
  }

  /** Pause (a 20-minute break for both), ready to continue, move to closing, or leave. */
  step(actor: Actor, id: string, type: StepAction, version?: number): Promise<Conversation> {
    return this.transact(actor, id, version, { type });
  }

  /**
   * Finishes from the closing, with an optional agreement draft or commitment made through the
   * couple features (their own policy rules apply). `zone`: the day zone for the outcome.
   */
  async finish(actor: Actor, id: string, input: ConversationFinish, zone: string): Promise<ConversationFinished> {
    // The agreement or commitment written at the end is screened like every saved text.
    let screening: Screening = { selfHarm: false, partnerDanger: false };
    const conversation = await this.transact(actor, id, input.version, { type: 'finish' }, async (tx, row) => {
      const outcome = input.outcome;
      if (outcome.kind === 'none') return { outcomeKind: 'none' };
      if (!row.coupleId) {
        throw problem(400, 'outcome-needs-partner', 'Only for a conversation together', 'An agreement or commitment is made with a partner; a practice conversation ends without one.', 'outcome.kind');
      }
      if (outcome.kind === 'agreement') {
        const saved = await this.agreements.create(actor, { ...outcome.agreement }, zone, tx);
        screening = saved.screening;
        return { outcomeKind: 'agreement', outcomeId: saved.agreement.id };
      }
      const saved = await this.commitments.create(actor, outcome.commitment, zone, tx);
      screening = saved.screening;
      return { outcomeKind: 'commitment', outcomeId: saved.commitment.id };
    });
    return { ...conversation, screening };
  }

  /**
   * One change: lock the row, ask the policy, check the version, let the machine decide, store
   * with compare-and-set, do the extra work (a turn, a confirmation, an outcome) and tell the couple.
   */
  private async transact(
    actor: Actor,
    id: string,
    version: number | undefined,
    partial: DistributiveOmit<Action, 'by'>,
    extra?: (tx: Db, row: ConversationRow, me: string) => Promise<ConversationChange | void>,
    outer?: Db,
  ): Promise<Conversation> {
    const me = this.policy.requireUser(actor).userId;
    const work = async (tx: Db): Promise<Conversation> => {
      const row = await conversationsRepo.lockById(tx, id);
      if (!row) throw notFound();
      await this.policy.conversations.act(actor, itemOf(row), tx);
      if (version !== undefined && version !== row.version) throw stale();
      const participants = await this.participantsOf(actor, row, tx);
      const now = this.now();
      const before = stateOf(row, participants, await conversationsRepo.confirmations(tx, row.id));
      const result = apply(before, { ...partial, by: me } as Action, now);
      if (!result.ok) {
        throw problem(result.code === 'not-a-participant' ? 403 : 409, result.code, REFUSAL_TITLES[result.code], result.message, result.code === 'wrong-kind' ? 'kind' : undefined);
      }
      const after = result.state;
      const at = new Date(now);
      const extraChange = (await extra?.(tx, row, me)) ?? {};
      const change: ConversationChange = {
        phase: after.phase,
        speakerId: after.speakerId,
        step: after.step,
        rounds: after.rounds,
        turnsStartedAt: after.turnsStartedAt === null ? null : new Date(after.turnsStartedAt),
        pausedUntil: after.pausedUntil === null ? null : new Date(after.pausedUntil),
        pausedBy: after.pausedBy,
        resumeReady: JSON.stringify(after.resumeReady),
        endedAt: after.phase === 'ended' ? at : null,
        ...extraChange,
      };
      const saved = await conversationsRepo.updateIfVersion(tx, row.id, row.version, change, at);
      if (!saved) throw stale();
      if (saved.coupleId) await this.events.publishToCouple(saved.coupleId, { type: 'conversation' }, tx);
      return this.present(actor, saved, tx);
    };
    return outer ? work(outer) : this.db.transaction((tx) => work(tx as unknown as Db));
  }

  /**
   * The starter first, then the other member of the couple (none when practised alone). Read
   * through the policy's facts: the couples I belong or belonged to, with my partner in each.
   */
  private async participantsOf(actor: Actor, row: ConversationRow, db: Db): Promise<string[]> {
    const me = this.policy.requireUser(actor).userId;
    if (!row.coupleId) return [row.startedBy];
    if (row.startedBy !== me) return [row.startedBy, me];
    const couple = (await this.policy.conversations.couples(actor, db)).find((c) => c.coupleId === row.coupleId);
    // A partner who deleted their account leaves a placeholder: nobody can act as them.
    return [row.startedBy, couple?.partnerId ?? 'departed-partner'];
  }

  /** What a person sees: the state at the server's now, and the turns opened with their authors' keys. */
  private async present(actor: Actor, row: ConversationRow, db: Db): Promise<Conversation> {
    const me = this.policy.requireUser(actor).userId;
    const item = itemOf(row);
    const now = this.now();
    const participants = await this.participantsOf(actor, row, db);
    const confirmed = await conversationsRepo.confirmations(db, row.id);
    const state = settle(stateOf(row, participants, confirmed), now);
    const canAct = state.phase !== 'ended' && (await this.policy.conversations.canAct(actor, item, db));
    const partnerId = participants.find((p) => p !== me) ?? null;
    const couple = row.coupleId !== null;

    const ciphers = new Map<string, UserCipher>();
    const turns: Conversation['turns'] = [];
    for (const t of await conversationsRepo.turns(db, row.id)) {
      let cipher = ciphers.get(t.authorId);
      if (!cipher) ciphers.set(t.authorId, (cipher = await this.keys.cipherFor(t.authorId, db)));
      turns.push({
        id: t.id,
        seq: t.seq,
        author: t.authorId === me ? 'me' : 'partner',
        kind: t.kind as TurnKind,
        text: cipher.openJson<{ text: string }>(turnPurpose(t.id), t.content).text,
        createdAt: t.createdAt.toISOString(),
      });
    }
    const who = (id: string | null) => (id === null ? null : id === me ? ('me' as const) : ('partner' as const));
    const myRole = state.phase !== 'turns' ? null : state.speakerId === me ? 'speaker' : listenerId(state) === me ? 'listener' : null;
    return {
      id: row.id,
      mode: couple ? 'couple' : 'practice',
      phase: state.phase,
      step: state.step,
      version: row.version,
      rounds: state.rounds,
      timeLimitMinutes: state.timeLimitMinutes,
      startedBy: who(row.startedBy)!,
      speaker: who(state.speakerId),
      myRole,
      canWrite: canAct ? allowedTurnKinds(state, me, now) : [],
      canAct,
      checklist: { me: confirmed.includes(me), partner: couple ? partnerId !== null && confirmed.includes(partnerId) : null },
      pause:
        state.pausedUntil === null
          ? null
          : {
              until: new Date(state.pausedUntil).toISOString(),
              by: who(state.pausedBy) ?? 'partner',
              leftMs: pauseLeftMs(state, now),
              readyMe: state.resumeReady.includes(me),
              readyPartner: couple ? partnerId !== null && state.resumeReady.includes(partnerId) : null,
            },
      timeLeftMs: timeLeftMs(state, now),
      serverNow: new Date(now).toISOString(),
      turns,
      outcome: row.outcomeKind ? { kind: row.outcomeKind as OutcomeKind, id: row.outcomeId } : null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      endedAt: row.endedAt?.toISOString() ?? null,
    };
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const itemOf = (row: ConversationRow): TalkItem => ({ ownerId: row.startedBy, coupleId: row.coupleId });
const phaseOf = (row: ConversationRow): Phase => row.phase as Phase;

function stateOf(row: ConversationRow, participants: string[], confirmed: string[]): ConversationState {
  let resumeReady: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.resumeReady);
    if (Array.isArray(parsed)) resumeReady = parsed.filter((v): v is string => typeof v === 'string');
  } catch {
    resumeReady = [];
  }
  return {
    participants,
    phase: row.phase as Phase,
    speakerId: row.speakerId,
    step: row.step as Step,
    rounds: row.rounds,
    timeLimitMinutes: row.timeLimitMinutes,
    turnsStartedAt: row.turnsStartedAt?.getTime() ?? null,
    pausedUntil: row.pausedUntil?.getTime() ?? null,
    pausedBy: row.pausedBy,
    resumeReady,
    confirmed: confirmed.filter((c) => participants.includes(c)),
  };
}
