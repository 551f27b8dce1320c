/**
 * A structured conversation as a pure state machine (docs/decisions/024). No I/O: the server
 * feeds it the stored state, an action and its own clock, and stores what comes back; the web
 * uses the same functions to know which buttons to offer.
 *
 * Phases: checklist → turns → closing → ended.
 * - checklist: every participant confirms the safe-space checklist (calm, phones away, the time
 *   limit). When the last one confirms, turns begin and the starter speaks first.
 * - turns, one round at a time: the speaker writes (message) → the listener summarises
 *   ("It sounds like…", summary) → the listener validates (validation) → the speaker confirms
 *   (confirmation: the round is done and the roles swap) or corrects (correction: the listener
 *   summarises again). Practising alone: the person writes (message) and then an imagined reply
 *   (imagined); there is no one to swap with.
 * - a pause: either person, at any point of the turns, starts a break of PAUSE_MINUTES for both.
 *   Nothing can be written during it. It ends on its own after PAUSE_MINUTES (by the server's
 *   clock), or earlier once EVERY participant has said "ready to continue" — one person can never
 *   cut the other's break short. Paused time does not count against the time limit.
 * - the time limit: once it has passed, no new round starts (the round under way may finish);
 *   the couple moves on to closing. Either person may move to closing, or leave, at any time.
 * - closing: either person finishes, with an optional agreement draft or commitment made by the
 *   server through the couple features.
 */

export const PAUSE_MINUTES = 20;
export const PAUSE_MS = PAUSE_MINUTES * 60_000;
export const TIME_LIMIT_CHOICES = [10, 15, 20, 30, 45, 60] as const;
export const MIN_TIME_LIMIT = 5;
export const MAX_TIME_LIMIT = 90;

export const PHASES = ['checklist', 'turns', 'closing', 'ended'] as const;
export type Phase = (typeof PHASES)[number];
export const STEPS = ['speak', 'summarise', 'validate', 'confirm', 'imagine'] as const;
export type Step = (typeof STEPS)[number];
export const TURN_KINDS = ['message', 'summary', 'validation', 'confirmation', 'correction', 'imagined'] as const;
export type TurnKind = (typeof TURN_KINDS)[number];
export const OUTCOME_KINDS = ['none', 'agreement', 'commitment'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export interface ConversationState {
  /** The starter first; one person when practising alone. */
  participants: readonly string[];
  phase: Phase;
  /** Whose turn it is to speak (null before the turns). */
  speakerId: string | null;
  step: Step;
  /** Completed rounds. */
  rounds: number;
  timeLimitMinutes: number;
  /** When the turns began (ms), moved later by each pause so paused time does not count. */
  turnsStartedAt: number | null;
  pausedUntil: number | null;
  pausedBy: string | null;
  /** Who has said "ready to continue" during the current pause. */
  resumeReady: readonly string[];
  /** Who has confirmed the checklist. */
  confirmed: readonly string[];
}

export type Action =
  | { type: 'confirm'; by: string }
  | { type: 'turn'; by: string; kind: TurnKind }
  | { type: 'pause'; by: string }
  | { type: 'ready'; by: string }
  | { type: 'close'; by: string }
  | { type: 'finish'; by: string }
  | { type: 'leave'; by: string };

export type RefusalCode =
  | 'not-a-participant'
  | 'wrong-phase'
  | 'already-confirmed'
  | 'paused'
  | 'not-paused'
  | 'not-your-turn'
  | 'wrong-kind'
  | 'time-up';

export type Result = { ok: true; state: ConversationState } | { ok: false; code: RefusalCode; message: string };

export function isPractice(s: Pick<ConversationState, 'participants'>): boolean {
  return s.participants.length === 1;
}

/** A new conversation, waiting for the checklist. */
export function start(participants: readonly string[], timeLimitMinutes: number): ConversationState {
  if (participants.length < 1 || participants.length > 2 || new Set(participants).size !== participants.length) {
    throw new Error('A conversation has one (practice) or two different participants.');
  }
  if (!Number.isInteger(timeLimitMinutes) || timeLimitMinutes < MIN_TIME_LIMIT || timeLimitMinutes > MAX_TIME_LIMIT) {
    throw new Error(`The time limit is a whole number of minutes from ${MIN_TIME_LIMIT} to ${MAX_TIME_LIMIT}.`);
  }
  return {
    participants: [...participants],
    phase: 'checklist',
    speakerId: null,
    step: 'speak',
    rounds: 0,
    timeLimitMinutes,
    turnsStartedAt: null,
    pausedUntil: null,
    pausedBy: null,
    resumeReady: [],
    confirmed: [],
  };
}

/** The state as it is at `now`: a break whose 20 minutes are over has ended on its own. */
export function settle(s: ConversationState, now: number): ConversationState {
  if (s.pausedUntil === null || now < s.pausedUntil) return s;
  return endPause(s, s.pausedUntil);
}

function endPause(s: ConversationState, at: number): ConversationState {
  const pausedAt = (s.pausedUntil ?? at) - PAUSE_MS;
  const paused = Math.max(0, Math.min(at, s.pausedUntil ?? at) - pausedAt);
  return {
    ...s,
    pausedUntil: null,
    pausedBy: null,
    resumeReady: [],
    turnsStartedAt: s.turnsStartedAt === null ? null : s.turnsStartedAt + paused,
  };
}

export function isPaused(s: ConversationState, now: number): boolean {
  return settle(s, now).pausedUntil !== null;
}

/** Milliseconds of the break left (0 when not paused). */
export function pauseLeftMs(s: ConversationState, now: number): number {
  const t = settle(s, now);
  return t.pausedUntil === null ? 0 : t.pausedUntil - now;
}

/** Milliseconds of talking time left (null before the turns; paused time not counted). */
export function timeLeftMs(s: ConversationState, now: number): number | null {
  const t = settle(s, now);
  if (t.turnsStartedAt === null) return null;
  // During a pause the clock stands still at the moment the pause began.
  const effectiveNow = t.pausedUntil === null ? now : Math.min(now, t.pausedUntil - PAUSE_MS);
  return Math.max(0, t.turnsStartedAt + t.timeLimitMinutes * 60_000 - effectiveNow);
}

/** The other participant (null when practising alone). */
export function otherOf(s: ConversationState, userId: string): string | null {
  return s.participants.find((p) => p !== userId) ?? null;
}

/** The listener of the current round (the speaker themself when practising alone). */
export function listenerId(s: ConversationState): string | null {
  if (s.speakerId === null) return null;
  return otherOf(s, s.speakerId) ?? s.speakerId;
}

/** The turn kinds this person may write right now (empty when none). */
export function allowedTurnKinds(s0: ConversationState, userId: string, now: number): TurnKind[] {
  const s = settle(s0, now);
  if (s.phase !== 'turns' || s.pausedUntil !== null || !s.participants.includes(userId)) return [];
  const speaker = s.speakerId === userId;
  const listener = listenerId(s) === userId;
  switch (s.step) {
    case 'speak':
      return speaker && (timeLeftMs(s, now) ?? 1) > 0 ? ['message'] : [];
    case 'imagine':
      return speaker ? ['imagined'] : [];
    case 'summarise':
      return listener ? ['summary'] : [];
    case 'validate':
      return listener ? ['validation'] : [];
    case 'confirm':
      return speaker ? ['confirmation', 'correction'] : [];
  }
}

const refuse = (code: RefusalCode, message: string): Result => ({ ok: false, code, message });

/** Applies one action at `now` (the server's clock). */
export function apply(s0: ConversationState, action: Action, now: number): Result {
  const s = settle(s0, now);
  if (!s.participants.includes(action.by)) return refuse('not-a-participant', 'Only the people in this conversation can take part in it.');
  if (s.phase === 'ended') return refuse('wrong-phase', 'This conversation has ended.');

  switch (action.type) {
    case 'confirm': {
      if (s.phase !== 'checklist') return refuse('wrong-phase', 'The checklist is already done.');
      if (s.confirmed.includes(action.by)) return refuse('already-confirmed', 'You have already confirmed the checklist.');
      const confirmed = [...s.confirmed, action.by];
      const everyone = s.participants.every((p) => confirmed.includes(p));
      if (!everyone) return { ok: true, state: { ...s, confirmed } };
      return { ok: true, state: { ...s, confirmed, phase: 'turns', speakerId: s.participants[0]!, step: 'speak', turnsStartedAt: now } };
    }

    case 'turn': {
      if (s.phase !== 'turns') return refuse('wrong-phase', s.phase === 'checklist' ? 'The turns begin once everyone has confirmed the checklist.' : 'The turns are over.');
      if (s.pausedUntil !== null) return refuse('paused', 'You are on a break; writing waits until it ends.');
      const allowed = allowedTurnKinds(s, action.by, now);
      if (!allowed.includes(action.kind)) {
        if (s.step === 'speak' && s.speakerId === action.by && action.kind === 'message') {
          return refuse('time-up', 'The time you agreed on is up, so a new round does not start; you can move on to closing.');
        }
        if (allowed.length === 0) return refuse('not-your-turn', 'It is not your turn yet.');
        return refuse('wrong-kind', `Right now you can add: ${allowed.join(' or ')}.`);
      }
      return { ok: true, state: advance(s, action.kind) };
    }

    case 'pause': {
      if (s.phase !== 'turns') return refuse('wrong-phase', 'A break can be taken during the turns.');
      if (s.pausedUntil !== null) return refuse('paused', 'You are already on a break.');
      return { ok: true, state: { ...s, pausedUntil: now + PAUSE_MS, pausedBy: action.by, resumeReady: [] } };
    }

    case 'ready': {
      if (s.pausedUntil === null) return refuse('not-paused', 'There is no break to end.');
      const resumeReady = s.resumeReady.includes(action.by) ? [...s.resumeReady] : [...s.resumeReady, action.by];
      const everyone = s.participants.every((p) => resumeReady.includes(p));
      return { ok: true, state: everyone ? endPause({ ...s, resumeReady }, now) : { ...s, resumeReady } };
    }

    case 'close': {
      if (s.phase !== 'turns') return refuse('wrong-phase', 'Closing follows the turns.');
      if (s.pausedUntil !== null) return refuse('paused', 'You are on a break; closing waits until it ends.');
      return { ok: true, state: { ...s, phase: 'closing' } };
    }

    case 'finish': {
      if (s.phase !== 'closing') return refuse('wrong-phase', 'Finishing comes after the turns.');
      return { ok: true, state: { ...s, phase: 'ended', pausedUntil: null, pausedBy: null, resumeReady: [] } };
    }

    case 'leave':
      // Anyone may stop at any time, break or not: stepping away is always allowed.
      return { ok: true, state: { ...s, phase: 'ended', pausedUntil: null, pausedBy: null, resumeReady: [] } };
  }
}

function advance(s: ConversationState, kind: TurnKind): ConversationState {
  switch (kind) {
    case 'message':
      return { ...s, step: isPractice(s) ? 'imagine' : 'summarise' };
    case 'imagined':
      return { ...s, step: 'speak', rounds: s.rounds + 1 };
    case 'summary':
      return { ...s, step: 'validate' };
    case 'validation':
      return { ...s, step: 'confirm' };
    case 'correction':
      return { ...s, step: 'summarise' };
    case 'confirmation':
      return { ...s, step: 'speak', rounds: s.rounds + 1, speakerId: otherOf(s, s.speakerId!) ?? s.speakerId };
  }
}
