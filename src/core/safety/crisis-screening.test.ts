import { describe, expect, it } from 'vitest';
import { DECIDED_CASES, EVERYDAY_PHRASES, KNOWN_LIMITS, PARTNER_DANGER_PHRASES, SELF_HARM_PHRASES } from './crisis-cases.ts';
import { normalise } from './crisis-patterns.ts';
import { screenText, screenTexts } from './crisis-screening.ts';

const NOTHING = { selfHarm: false, partnerDanger: false };
const SELF_HARM = { selfHarm: true, partnerDanger: false };
const PARTNER_DANGER = { selfHarm: false, partnerDanger: true };

describe('crisis screening: the shared case lists', () => {
  it('has at least 40 positive and 40 negative cases', () => {
    expect(SELF_HARM_PHRASES.length + PARTNER_DANGER_PHRASES.length).toBeGreaterThanOrEqual(80);
    expect(SELF_HARM_PHRASES.length).toBeGreaterThanOrEqual(40);
    expect(PARTNER_DANGER_PHRASES.length).toBeGreaterThanOrEqual(40);
    expect(EVERYDAY_PHRASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(SELF_HARM_PHRASES)('flags self-harm: %s', (text) => {
    expect(screenText(text)).toEqual(SELF_HARM);
  });

  it.each(PARTNER_DANGER_PHRASES)('flags partner danger: %s', (text) => {
    expect(screenText(text)).toEqual(PARTNER_DANGER);
  });

  it.each(EVERYDAY_PHRASES)('flags nothing in everyday talk: %s', (text) => {
    expect(screenText(text)).toEqual(NOTHING);
  });

  it.each(DECIDED_CASES)('decided: $text ($note)', ({ text, selfHarm, partnerDanger }) => {
    expect(screenText(text)).toEqual({ selfHarm, partnerDanger });
  });

  it.each(KNOWN_LIMITS)('known limit still wrong — move it to the lists above once fixed: $text ($note)', ({ text, selfHarm, partnerDanger }) => {
    expect(screenText(text)).not.toEqual({ selfHarm, partnerDanger });
  });
});

describe('crisis screening: spelling and typing variants', () => {
  it.each([
    ['curly apostrophes', 'I don’t want to be alive anymore'],
    ['no apostrophes', 'i dont want to be alive anymore'],
    ['capitals', 'I DON\'T WANT TO BE ALIVE ANYMORE'],
    ['extra spaces and line breaks', 'I   don\'t want\n\nto be\talive anymore'],
    ['"wasn\'t"', "Everyone would be better off if I wasn't here"],
    ['"weren\'t"', "Everyone would be better off if I weren't here"],
    ['"was not"', 'Everyone would be better off if I was not around'],
    ['"my self"', 'i want to kill my self'],
    ['a dropped letter', 'i want to kil myself'],
    ['a typo in suicidal', 'i feel sucidal tonight'],
    ['full-width letters', 'I want to ｋｉｌｌ myself'],
    ['accents', 'Je pense au suicide, I think about suicíde a lot'],
  ])('self-harm with %s', (_variant, text) => {
    expect(screenText(text).selfHarm).toBe(true);
  });

  it.each([
    ['curly apostrophes', 'I’m scared he’ll hurt me'],
    ['no apostrophes', 'im scared hell hurt me'],
    ['"he is going to"', "I'm scared he is going to hurt me"],
    ['"she\'s gonna"', "I'm afraid she's gonna hurt me"],
    ['"they might"', "I'm terrified they might kill me"],
    ['capitals', 'HE HIT ME AGAIN'],
    ['a partner noun', 'My fiancé shoved me'],
    ['an ex', 'My ex wife threatened to kill me'],
    ['words in between', 'He has just hit me again'],
    ['"and" between', 'He got really angry and pushed me'],
  ])('partner danger with %s', (_variant, text) => {
    expect(screenText(text).partnerDanger).toBe(true);
  });

  it('normalises case, accents, apostrophes, punctuation and spacing', () => {
    expect(normalise('  Hé   said: “DON’T”… ok?!  ')).toBe(' he said . , dont , . ok . ');
    expect(normalise('self-harm')).toBe(' self harm ');
    expect(normalise('')).toBe(' ');
  });
});

describe('crisis screening: edge cases', () => {
  it.each(['', '   ', '\n\n', '😀😀😀', '.,;!?', 'a'.repeat(5000), '1234567890'])('flags nothing in %j', (text) => {
    expect(screenText(text)).toEqual(NOTHING);
  });

  it('does not reach across a sentence ("him." then "Leaving…")', () => {
    expect(screenText("I'm afraid of him leaving.").partnerDanger).toBe(false);
    expect(screenText("I'm afraid of him. Leaving feels impossible.").partnerDanger).toBe(true);
  });

  it('reads the partner-danger negation only right before a phrase', () => {
    expect(screenText("He didn't hit me.").partnerDanger).toBe(false);
    expect(screenText("He didn't call. He hit me.").partnerDanger).toBe(true);
    expect(screenText('Not once has he threatened me, but today he threatened me.').partnerDanger).toBe(true);
  });

  it('finds both categories in one text', () => {
    expect(screenText('He choked me last night and I keep thinking about ending my life.')).toEqual({ selfHarm: true, partnerDanger: true });
  });
});

describe('screenTexts', () => {
  it('is false for no fields and skips empty ones', () => {
    expect(screenTexts([])).toEqual(NOTHING);
    expect(screenTexts([null, undefined, '', 'A calm day.'])).toEqual(NOTHING);
  });

  it('ORs over fields', () => {
    expect(screenTexts(['A calm day.', null, 'I want to die.'])).toEqual(SELF_HARM);
    expect(screenTexts(['He hit me.', undefined])).toEqual(PARTNER_DANGER);
    expect(screenTexts(['He hit me.', 'I want to die.'])).toEqual({ selfHarm: true, partnerDanger: true });
  });

  it('screens each field on its own: no phrase is made from the end of one and the start of the next', () => {
    expect(screenTexts(["I'm afraid of", 'him leaving'])).toEqual(NOTHING);
    expect(screenTexts(['I want to kill', 'myself some time off'])).toEqual(NOTHING);
  });
});

describe('crisis screening: long texts', () => {
  /** Small seeded generator so the texts are the same on every run. */
  function random(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  function pick<T>(list: readonly T[], next: () => number): T {
    return list[Math.floor(next() * list.length)]!;
  }
  /** Exactly 2,000 characters: whole everyday sentences in random order, `insert` (if any) among them, padded with " .". */
  function longText(next: () => number, insert?: string): string {
    const sentences = insert ? [insert] : [];
    let length = insert?.length ?? 0;
    for (;;) {
      const s = pick(EVERYDAY_PHRASES, next);
      if (length + 1 + s.length > 2000) break;
      sentences.splice(Math.floor(next() * (sentences.length + 1)), 0, s);
      length += s.length + 1;
    }
    return sentences.join(' ').padEnd(2000, ' .');
  }

  it('screens 1,000 texts of 2,000 characters with the expected results', () => {
    const next = random(20240601);
    for (let i = 0; i < 1000; i++) {
      const kind = i % 4;
      const insert = kind === 1 ? pick(SELF_HARM_PHRASES, next) : kind === 2 ? pick(PARTNER_DANGER_PHRASES, next) : undefined;
      const text = longText(next, insert);
      expect(text).toHaveLength(2000);
      const expected = kind === 1 ? SELF_HARM : kind === 2 ? PARTNER_DANGER : NOTHING;
      expect(screenText(text), text).toEqual(expected);
    }
  });
});
