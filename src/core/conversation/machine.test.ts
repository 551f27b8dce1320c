import { describe, expect, it } from 'vitest';
import {
  PAUSE_MS,
  allowedTurnKinds,
  apply,
  isPaused,
  listenerId,
  pauseLeftMs,
  settle,
  start,
  timeLeftMs,
  type Action,
  type ConversationState,
  type TurnKind,
} from './machine.ts';

const A = 'a';
const B = 'b';
const T0 = Date.UTC(2026, 11, 2, 18, 0);
const MIN = 60_000;

function must(s: ConversationState, action: Action, now = T0): ConversationState {
  const r = apply(s, action, now);
  if (!r.ok) throw new Error(`refused ${r.code}: ${r.message}`);
  return r.state;
}
function code(s: ConversationState, action: Action, now = T0): string {
  const r = apply(s, action, now);
  return r.ok ? 'ok' : r.code;
}
const talking = (limit = 20) => must(must(start([A, B], limit), { type: 'confirm', by: A }), { type: 'confirm', by: B });
const turn = (by: string, kind: TurnKind): Action => ({ type: 'turn', by, kind });

describe('conversation: starting and the checklist', () => {
  it('starts in the checklist with nobody confirmed', () => {
    const s = start([A, B], 20);
    expect(s).toMatchObject({ phase: 'checklist', speakerId: null, confirmed: [], rounds: 0, pausedUntil: null });
  });

  it('refuses bad participants and time limits', () => {
    expect(() => start([], 20)).toThrow();
    expect(() => start([A, A], 20)).toThrow();
    expect(() => start([A, B, 'c'], 20)).toThrow();
    expect(() => start([A, B], 4)).toThrow();
    expect(() => start([A, B], 91)).toThrow();
    expect(() => start([A, B], 10.5)).toThrow();
    expect(start([A, B], 5).timeLimitMinutes).toBe(5);
    expect(start([A, B], 90).timeLimitMinutes).toBe(90);
  });

  it('begins the turns only when both confirmed, the starter speaking first', () => {
    const one = must(start([A, B], 20), { type: 'confirm', by: B });
    expect(one.phase).toBe('checklist');
    expect(code(one, { type: 'confirm', by: B })).toBe('already-confirmed');
    expect(code(one, turn(A, 'message'))).toBe('wrong-phase');
    const both = must(one, { type: 'confirm', by: A }, T0 + 5);
    expect(both).toMatchObject({ phase: 'turns', speakerId: A, step: 'speak', turnsStartedAt: T0 + 5 });
    expect(listenerId(both)).toBe(B);
    expect(code(both, { type: 'confirm', by: A })).toBe('wrong-phase');
  });

  it('refuses anyone who is not in the conversation', () => {
    const s = start([A, B], 20);
    for (const type of ['confirm', 'pause', 'ready', 'close', 'finish', 'leave'] as const) {
      expect(code(s, { type, by: 'stranger' } as Action)).toBe('not-a-participant');
    }
  });

  it('offers nothing to write before the turns', () => {
    expect(allowedTurnKinds(start([A, B], 20), A, T0)).toEqual([]);
    expect(listenerId(start([A, B], 20))).toBeNull();
    expect(timeLeftMs(start([A, B], 20), T0)).toBeNull();
  });
});

describe('conversation: a round of turns', () => {
  it('goes speaker → summary → validation → confirmation and swaps the roles', () => {
    let s = talking();
    expect(allowedTurnKinds(s, A, T0)).toEqual(['message']);
    expect(allowedTurnKinds(s, B, T0)).toEqual([]);
    s = must(s, turn(A, 'message'));
    expect(s.step).toBe('summarise');
    expect(allowedTurnKinds(s, A, T0)).toEqual([]);
    expect(allowedTurnKinds(s, B, T0)).toEqual(['summary']);
    s = must(s, turn(B, 'summary'));
    expect(allowedTurnKinds(s, B, T0)).toEqual(['validation']);
    s = must(s, turn(B, 'validation'));
    expect(allowedTurnKinds(s, A, T0)).toEqual(['confirmation', 'correction']);
    s = must(s, turn(A, 'confirmation'));
    expect(s).toMatchObject({ step: 'speak', speakerId: B, rounds: 1 });
    expect(listenerId(s)).toBe(A);
    expect(allowedTurnKinds(s, B, T0)).toEqual(['message']);
  });

  it('sends a correction back to the listener to summarise again', () => {
    let s = must(must(must(talking(), turn(A, 'message')), turn(B, 'summary')), turn(B, 'validation'));
    s = must(s, turn(A, 'correction'));
    expect(s).toMatchObject({ step: 'summarise', speakerId: A, rounds: 0 });
    expect(allowedTurnKinds(s, B, T0)).toEqual(['summary']);
  });

  it('refuses a turn out of order, naming what the person can do', () => {
    const s = talking();
    expect(code(s, turn(B, 'message'))).toBe('not-your-turn');
    expect(code(s, turn(B, 'summary'))).toBe('not-your-turn');
    expect(code(s, turn(A, 'summary'))).toBe('wrong-kind');
    const r = apply(s, turn(A, 'confirmation'), T0);
    expect(r.ok === false && r.message).toContain('message');
    const after = must(s, turn(A, 'message'));
    expect(code(after, turn(A, 'message'))).toBe('not-your-turn');
    expect(code(after, turn(B, 'validation'))).toBe('wrong-kind');
    expect(code(after, turn(B, 'imagined'))).toBe('wrong-kind');
  });
});

describe('conversation: practising alone', () => {
  it('alternates my message with an imagined reply, never swapping', () => {
    let s = must(start([A], 15), { type: 'confirm', by: A });
    expect(s).toMatchObject({ phase: 'turns', speakerId: A });
    expect(listenerId(s)).toBe(A);
    s = must(s, turn(A, 'message'));
    expect(s.step).toBe('imagine');
    expect(allowedTurnKinds(s, A, T0)).toEqual(['imagined']);
    expect(code(s, turn(A, 'summary'))).toBe('wrong-kind');
    s = must(s, turn(A, 'imagined'));
    expect(s).toMatchObject({ step: 'speak', speakerId: A, rounds: 1 });
  });

  it('ends a break as soon as the one person is ready', () => {
    let s = must(must(start([A], 15), { type: 'confirm', by: A }), { type: 'pause', by: A });
    s = must(s, { type: 'ready', by: A }, T0 + MIN);
    expect(isPaused(s, T0 + MIN)).toBe(false);
  });
});

describe('conversation: the pause', () => {
  it('starts a 20-minute break for both; nobody writes or closes during it', () => {
    const s = must(talking(), { type: 'pause', by: B }, T0 + MIN);
    expect(s).toMatchObject({ pausedUntil: T0 + MIN + PAUSE_MS, pausedBy: B });
    expect(isPaused(s, T0 + 2 * MIN)).toBe(true);
    expect(pauseLeftMs(s, T0 + 2 * MIN)).toBe(PAUSE_MS - MIN);
    expect(allowedTurnKinds(s, A, T0 + 2 * MIN)).toEqual([]);
    expect(code(s, turn(A, 'message'), T0 + 2 * MIN)).toBe('paused');
    expect(code(s, { type: 'pause', by: A }, T0 + 2 * MIN)).toBe('paused');
    expect(code(s, { type: 'close', by: A }, T0 + 2 * MIN)).toBe('paused');
  });

  it('can be paused only during the turns', () => {
    expect(code(start([A, B], 20), { type: 'pause', by: A })).toBe('wrong-phase');
    const closing = must(talking(), { type: 'close', by: A });
    expect(code(closing, { type: 'pause', by: A })).toBe('wrong-phase');
  });

  it('ends on its own after 20 minutes by the clock', () => {
    const s = must(talking(), { type: 'pause', by: A }, T0);
    expect(isPaused(s, T0 + PAUSE_MS - 1)).toBe(true);
    expect(isPaused(s, T0 + PAUSE_MS)).toBe(false);
    expect(pauseLeftMs(s, T0 + PAUSE_MS + 5)).toBe(0);
    expect(settle(s, T0 + PAUSE_MS)).toMatchObject({ pausedUntil: null, pausedBy: null, resumeReady: [] });
    expect(code(s, turn(A, 'message'), T0 + PAUSE_MS)).toBe('ok');
  });

  it('ends early only when BOTH are ready to continue', () => {
    let s = must(talking(), { type: 'pause', by: A }, T0);
    s = must(s, { type: 'ready', by: A }, T0 + MIN);
    expect(isPaused(s, T0 + MIN)).toBe(true);
    expect(s.resumeReady).toEqual([A]);
    s = must(s, { type: 'ready', by: A }, T0 + MIN); // saying it twice changes nothing
    expect(s.resumeReady).toEqual([A]);
    s = must(s, { type: 'ready', by: B }, T0 + 3 * MIN);
    expect(isPaused(s, T0 + 3 * MIN)).toBe(false);
    expect(s.pausedBy).toBeNull();
    expect(code(s, { type: 'ready', by: B }, T0 + 3 * MIN)).toBe('not-paused');
  });

  it('does not count paused time against the time limit', () => {
    let s = talking(10);
    expect(timeLeftMs(s, T0 + 2 * MIN)).toBe(8 * MIN);
    s = must(s, { type: 'pause', by: A }, T0 + 2 * MIN);
    expect(timeLeftMs(s, T0 + 7 * MIN)).toBe(8 * MIN); // the clock stands still in the break
    s = must(must(s, { type: 'ready', by: A }, T0 + 7 * MIN), { type: 'ready', by: B }, T0 + 7 * MIN);
    expect(timeLeftMs(s, T0 + 7 * MIN)).toBe(8 * MIN);
    // A full break that runs out on its own adds its 20 minutes.
    const full = must(talking(10), { type: 'pause', by: B }, T0);
    expect(timeLeftMs(full, T0 + PAUSE_MS + MIN)).toBe(9 * MIN);
  });
});

describe('conversation: the time limit', () => {
  it('starts no new round once the time is up, but lets the round under way finish', () => {
    let s = must(talking(10), turn(A, 'message'), T0 + 9 * MIN);
    const late = T0 + 11 * MIN;
    expect(timeLeftMs(s, late)).toBe(0);
    s = must(s, turn(B, 'summary'), late);
    s = must(s, turn(B, 'validation'), late);
    s = must(s, turn(A, 'confirmation'), late);
    expect(allowedTurnKinds(s, B, late)).toEqual([]);
    expect(code(s, turn(B, 'message'), late)).toBe('time-up');
    expect(code(s, { type: 'close', by: A }, late)).toBe('ok');
  });
});

describe('conversation: closing and leaving', () => {
  it('moves to closing from the turns, then ends with finish', () => {
    const closing = must(talking(), { type: 'close', by: B });
    expect(closing.phase).toBe('closing');
    expect(code(closing, turn(A, 'message'))).toBe('wrong-phase');
    expect(code(closing, { type: 'close', by: A })).toBe('wrong-phase');
    const ended = must(closing, { type: 'finish', by: A });
    expect(ended.phase).toBe('ended');
    for (const type of ['confirm', 'pause', 'ready', 'close', 'finish', 'leave'] as const) {
      expect(code(ended, { type, by: A } as Action)).toBe('wrong-phase');
    }
  });

  it('refuses to finish before closing', () => {
    expect(code(talking(), { type: 'finish', by: A })).toBe('wrong-phase');
    expect(code(start([A, B], 20), { type: 'close', by: A })).toBe('wrong-phase');
  });

  it('lets either person leave at any time, even during a break', () => {
    expect(must(start([A, B], 20), { type: 'leave', by: B }).phase).toBe('ended');
    const paused = must(talking(), { type: 'pause', by: A });
    const left = must(paused, { type: 'leave', by: B }, T0 + MIN);
    expect(left).toMatchObject({ phase: 'ended', pausedUntil: null });
  });
});
