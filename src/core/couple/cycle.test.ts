import { describe, expect, it } from 'vitest';
import { buildLoop, isFilled, movesOf, patternsOf, TEND_TO_CHOICES, type CycleSideInput } from './cycle.ts';

const side = (feel: string, choices: CycleSideInput['tendTo']['choices'], other = ''): CycleSideInput => ({ trigger: '', feel, tendTo: { choices, other }, fear: '', need: '' });

describe('cycle map', () => {
  it('draws the loop from my side to my partner’s and back, in order', () => {
    const loop = buildLoop(side(' unheard ', ['reach-out-more'], 'send lots of messages'), side('overwhelmed', ['go-quiet']));
    expect(loop?.steps).toEqual([
      { who: 'me', kind: 'feel', text: 'unheard', choices: [] },
      { who: 'me', kind: 'tendTo', text: 'send lots of messages', choices: ['reach-out-more'] },
      { who: 'partner', kind: 'feel', text: 'overwhelmed', choices: [] },
      { who: 'partner', kind: 'tendTo', text: '', choices: ['go-quiet'] },
    ]);
    expect(loop?.patterns).toEqual(['pursue-withdraw']);
  });

  it('waits until both sides name a feeling and a reaction', () => {
    expect(buildLoop(side('hurt', ['criticise']), undefined)).toBeUndefined();
    expect(buildLoop(undefined, side('hurt', ['criticise']))).toBeUndefined();
    expect(buildLoop(side('hurt', []), side('tense', ['defend-myself']))).toBeUndefined();
    expect(buildLoop(side('  ', ['criticise']), side('tense', ['defend-myself']))).toBeUndefined();
    expect(isFilled(side('hurt', [], 'go for a long walk'))).toBe(true);
  });

  it('names patterns symmetrically, whichever side makes which move', () => {
    expect(patternsOf({ choices: ['criticise'], other: '' }, { choices: ['explain-my-side'], other: '' })).toEqual(['accuse-defend']);
    expect(patternsOf({ choices: ['explain-my-side'], other: '' }, { choices: ['criticise'], other: '' })).toEqual(['accuse-defend']);
    expect(patternsOf({ choices: ['leave-the-room'], other: '' }, { choices: ['ask-questions'], other: '' })).toEqual(['pursue-withdraw']);
    expect(patternsOf({ choices: ['go-quiet'], other: '' }, { choices: ['shut-down'], other: '' })).toEqual(['both-withdraw']);
    expect(patternsOf({ choices: ['reach-out-more'], other: '' }, { choices: ['keep-talking'], other: '' })).toEqual(['both-pursue']);
    expect(patternsOf({ choices: ['make-a-joke'], other: '' }, { choices: ['keep-busy'], other: '' })).toEqual([]);
  });

  it('reads a hint from my own words too, and nothing from empty words', () => {
    expect([...movesOf({ choices: [], other: 'I usually Walk Away for a while' })]).toEqual(['withdraw']);
    expect([...movesOf({ choices: [], other: 'I start to blame and then justify it' })].sort()).toEqual(['accuse', 'defend']);
    expect(movesOf({ choices: [], other: '   ' }).size).toBe(0);
    expect(patternsOf({ choices: [], other: 'I keep asking what is wrong' }, { choices: [], other: 'I go quiet' })).toEqual(['pursue-withdraw']);
  });

  it('tags every catalog choice with one of the four moves, ids unique', () => {
    expect(new Set(TEND_TO_CHOICES.map((c) => c.id)).size).toBe(TEND_TO_CHOICES.length);
    for (const move of ['pursue', 'withdraw', 'accuse', 'defend']) expect(TEND_TO_CHOICES.some((c) => c.move === move)).toBe(true);
  });
});
