import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, FINDING_KINDS, prepare, type FindingKind } from './index.ts';
import { measureCoach, parseExamples } from './measure.ts';

const kinds = (text: string, context?: 'message' | 'apology') => [...new Set(analyze(text, context).findings.map((f) => f.kind))].sort();
const flags = (text: string, context?: 'message' | 'apology') => analyze(text, context).findings.length > 0;

/** Per kind: texts that must produce it, and near misses that must produce nothing at all. */
const CASES: Record<FindingKind, { hits: string[]; nearMisses: string[]; context?: 'message' | 'apology' }> = {
  accusation: {
    hits: ['You ruined my birthday.', 'You ignored me the whole night.', 'Because of you we were late.', "It's your fault the car broke down.", 'You forgot to call my mum.'],
    nearMisses: ['I felt hurt when you forgot to call my mum.', 'I ruined the sauce, sorry!', 'Thank you for calling my mum.', 'You made me laugh so much today.', 'It sounds like you felt left out.'],
  },
  absolute: {
    hits: ['You always interrupt me.', 'You never wash up.', "You're constantly late.", 'Every time we argue, you walk away.', 'You do nothing to help.'],
    nearMisses: ['You always make me laugh.', 'You never fail to surprise me.', 'You never let me down.', "You're always so kind to my sister.", 'I always feel better after we talk.'],
  },
  character_attack: {
    hits: ["You're so selfish.", 'You are a liar.', "You're a terrible listener.", "That's just who you are.", 'What kind of partner does that?'],
    nearMisses: ["You're not selfish, I know that.", "You're such a good cook.", 'I was selfish yesterday.', "You're so thoughtful.", 'My boss is a liar, honestly.'],
  },
  mind_reading: {
    hits: ["You don't care about me.", 'You obviously want out.', 'You did that on purpose.', "I know you're hiding something.", 'You think you are always right? No — you think you’re perfect.'],
    nearMisses: ["I'm scared that you're losing interest in us.", 'Do you just want a quiet night?', "I know you're tired, so let's rest.", 'He threatened to hurt me.', 'I wonder how you feel about the move.'],
  },
  contempt: {
    hits: ['Great job, genius.', 'Grow up.', 'Shut up.', 'Whatever. Do what you like.', "You're pathetic."],
    nearMisses: ['Whatever you pick for dinner is fine.', 'Great job on the presentation!', 'You are a genuinely good person.', "Let's grow tomatoes this year.", 'I could use a break.'],
  },
  vague: {
    hits: ['You know what you did.', "I can't trust you.", 'Things are just bad between us.', 'Our relationship is a mess.', "You're the problem."],
    nearMisses: ["I can't trust you when you hide your phone, and I'd like to talk about it.", 'Things are busy at work.', 'I trust you.', 'Our relationship matters to me.', 'I know what you mean.'],
  },
  control: {
    hits: ['Give me your phone.', 'Show me your messages right now.', "You're not allowed to see him.", 'Turn on your location.', "I don't want you going out without me."],
    nearMisses: ['Could you text me when you land?', 'Can I borrow your phone charger?', 'I want to see your new flat.', 'Let me know if you want dinner.', 'I love going out with you.'],
  },
  excuse: {
    context: 'apology',
    hits: ["I'm sorry, but you started it.", 'Sorry if you were offended.', "I'm sorry you feel that way.", 'I apologise, but I was tired.', "I'm sorry, I was only joking."],
    nearMisses: ["I'm sorry I shouted. That wasn't fair, and I'll walk away for a minute next time.", "I'm sorry I was late. It's on me.", 'I apologise for what I said.', "I'm sorry I didn't call.", "I'm sorry you had such a rough day."],
  },
};

describe('coach: per kind', () => {
  for (const kind of FINDING_KINDS) {
    const { hits, nearMisses, context } = CASES[kind];
    it.each(hits)(`${kind}: %s`, (text) => expect(kinds(text, context)).toContain(kind));
    it.each(nearMisses)(`${kind} near miss, nothing flagged: %s`, (text) => expect(analyze(text, context).findings).toEqual([]));
  }
});

describe('coach: findings', () => {
  it('spans point at the words in the original text, with a plain message', () => {
    const text = 'Honestly?  YOU NEVER call me back.';
    const { findings } = analyze(text);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(f.start, f.end).toLowerCase()).toMatch(/^you never/);
      expect(f.message).not.toMatch(/disorder|diagnos|toxic|abusive/i);
    }
  });

  it('ignores quoted speech but keeps offsets', () => {
    expect(prepare('He said "You Never".')).toBe('he said            .');
    expect(analyze('My dad used to say "you never listen" and I hated it.').findings).toEqual([]);
    expect(analyze('“You always ruin everything,” she shouted in the film.').findings).toEqual([]);
  });

  it('does not flag idioms', () => {
    for (const text of ['This is killing me.', 'I could kill for a coffee.', "I'm dying to see you."]) expect(analyze(text)).toEqual({ findings: [], crisis: null, suggestion: null });
  });

  it('runs the crisis screening on the same text', () => {
    expect(analyze('I want to end my life.').crisis).toBe('self_harm');
    expect(analyze('He threatened to hurt me if I leave.').crisis).toBe('partner_danger');
    expect(analyze('You always do this.').crisis).toBeNull();
  });

  it('checks "sorry, but" for excuses in messages too, but not logistics', () => {
    expect(kinds("I'm sorry, but you made me angry.")).toEqual(['excuse']);
    expect(flags("I'm sorry, but I won't be able to make it on Thursday.")).toBe(false);
    expect(flags("I'm sorry, but I won't be able to make it on Thursday.", 'apology')).toBe(true);
  });

  it('handles empty and very long text', () => {
    expect(analyze('')).toEqual({ findings: [], crisis: null, suggestion: null });
    const long = 'I feel tired today. '.repeat(250) + 'You never help.';
    expect(kinds(long)).toEqual(['absolute', 'accusation']);
  });
});

describe('coach: suggestions', () => {
  it('keeps the specific behaviour in the I-statement shape, and the suggestion is clean', () => {
    const cases: [string, RegExp][] = [
      ['You never tell me where you are.', /^I feel (?:hurt|frustrated) when you don’t tell me where you are, because .+ Could we .+\?$/],
      ['You ignored me at the party.', /^I felt hurt when you ignored me at the party, because .+ Could we .+\?$/],
      ["You're always late.", /^I feel (?:hurt|frustrated) when you're late, because .+ Could we .+\?$/],
      ['Every single time I bring this up, you change the subject.', /when you change the subject, because/],
    ];
    for (const [text, shape] of cases) {
      const { suggestion } = analyze(text);
      expect(suggestion).toMatch(shape);
      expect(analyze(suggestion!).findings).toEqual([]);
    }
  });

  it('offers the shape to fill in when there is no behaviour to keep, and a full apology for excuses', () => {
    expect(analyze("You're so selfish.").suggestion).toMatch(/^I feel … when … because … Could we …\?$/);
    expect(analyze('Give me your phone so I know where you are.').suggestion).toMatch(/^I feel anxious when I don’t know where you are, because .+Could we .+\?$/);
    const apology = analyze("I'm sorry I yelled, but you made me angry.", 'apology').suggestion!;
    expect(apology).toMatch(/^I’m sorry I yelled\. /);
    expect(analyze(apology, 'apology').findings).toEqual([]);
  });

  it('has no suggestion when nothing needs rework', () => {
    expect(analyze('I felt lonely when we ate apart. Could we eat together tomorrow?').suggestion).toBeNull();
  });
});

/*
 * Regression guard: the figures reached when the rules were written (docs/decisions/023-the-coach.md).
 * A rule change that lowers any of them fails here. The held-out set is never tuned on.
 */
describe('coach: measured quality stays at or above what was reached', () => {
  const load = (path: string) => parseExamples(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8'));
  const sets = {
    shared: { file: 'content/examples/coach-examples.jsonl', precision: 1, recall: 1, crisisRecall: 1 },
    heldOut: { file: 'content/coach/held-out.jsonl', precision: 1, recall: 1, crisisRecall: 1 },
    dev: { file: 'content/coach/dev.jsonl', precision: 1, recall: 1, crisisRecall: 1 },
  };
  for (const [name, s] of Object.entries(sets)) {
    it(`${name}: precision ≥ ${s.precision}, recall ≥ ${s.recall}, crisis recall ≥ ${s.crisisRecall}, no crisis false alarms`, () => {
      const f = measureCoach(load(s.file));
      expect(f.examples).toBeGreaterThan(50);
      expect(f.precision).toBeGreaterThanOrEqual(s.precision);
      expect(f.recall).toBeGreaterThanOrEqual(s.recall);
      expect(f.crisis.recall).toBeGreaterThanOrEqual(s.crisisRecall);
      expect(f.crisis.falseAlarms).toBe(0);
    });
  }
  it('held-out per-kind recall stays at or above what was reached', () => {
    const f = measureCoach(load('content/coach/held-out.jsonl'));
    for (const k of FINDING_KINDS) expect(f.kinds[k].recall, k).toBeGreaterThanOrEqual(k === 'accusation' ? 0.94 : 1);
  });
  it('the two sets of our own hold at least 200 examples, with no text in both', () => {
    const dev = load('content/coach/dev.jsonl');
    const held = load('content/coach/held-out.jsonl');
    expect(dev.length + held.length).toBeGreaterThanOrEqual(200);
    const devTexts = new Set(dev.map((e) => e.text));
    expect(held.filter((e) => devTexts.has(e.text))).toEqual([]);
  });
});
