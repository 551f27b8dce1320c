import { describe, expect, it } from 'vitest';
import { FEAR_STEPS, GENERAL_FEARS, composeFearStatement, suggestFears } from './fear.ts';

describe('naming the fear: steps', () => {
  it('goes complaint → feeling → fear → ask', () => {
    expect(FEAR_STEPS.map((s) => s.id)).toEqual(['complaint', 'feeling', 'fear', 'ask']);
    for (const s of FEAR_STEPS) expect(s.prompt.length).toBeGreaterThan(5);
  });
});

describe('naming the fear: suggestions', () => {
  it('offers a time-shaped fear for "you never make time for me" and points at the absolute', () => {
    const r = suggestFears('You never make time for me');
    expect(r.shapes[0]).toBe('time');
    expect(r.fears.some((f) => /losing interest/.test(f))).toBe(true);
    expect(r.absolutes).toEqual(['never']);
  });

  it('recognises several shapes, the one with more cues first', () => {
    const r = suggestFears("You're always on your phone and you don't listen, and you cancel plans", 10);
    expect(r.shapes[0]).toBe('listening');
    expect(r.shapes).toContain('plans');
    expect(r.absolutes).toEqual(['always']);
    expect(new Set(r.fears).size).toBe(r.fears.length);
  });

  it('falls back to general phrasings when nothing matches, and for empty input', () => {
    expect(suggestFears('The weather is grey').fears).toEqual([...GENERAL_FEARS]);
    expect(suggestFears('').shapes).toEqual([]);
    expect(suggestFears('   ').fears).toEqual([...GENERAL_FEARS]);
  });

  it('respects the limit and ends with the general phrasings when room is left', () => {
    expect(suggestFears('you never help with the chores', 1).fears).toHaveLength(1);
    expect(suggestFears('you never help with the chores', 0).fears).toEqual([]);
    const all = suggestFears('you never help with the chores', 10).fears;
    expect(all.slice(-2)).toEqual([...GENERAL_FEARS]);
  });

  it('reads curly apostrophes and odd spacing like plain ones', () => {
    expect(suggestFears('I do   everything BY MYSELF').shapes).toEqual(['help']);
    expect(suggestFears('I do everything by myself').absolutes).toEqual(['everything']);
    expect(suggestFears('you’re never around').shapes).toEqual(['time']);
  });

  it('does not take a word inside another word as an absolute', () => {
    expect(suggestFears('nevertheless, fine').absolutes).toEqual([]);
  });
});

describe('naming the fear: composing', () => {
  it('joins the parts into gentle sentences', () => {
    expect(composeFearStatement({ feeling: 'lonely', fear: "I'm scared you're losing interest.", ask: 'We could have one evening a week' })).toBe(
      "When this happens I feel lonely. I'm scared you're losing interest. It would help me if we could have one evening a week.",
    );
  });
  it('leaves out missing parts', () => {
    expect(composeFearStatement({ fear: 'i am afraid of drifting apart' })).toBe('I am afraid of drifting apart.');
    expect(composeFearStatement({})).toBe('');
    expect(composeFearStatement({ feeling: '  ', ask: 'You text me when late!' })).toBe('It would help me if you text me when late.');
  });
});
