/**
 * Naming the fear: a short guided step from a complaint to the fear underneath it. Pure: the web
 * shows the steps and offers phrasings; nothing here judges or diagnoses, and every phrasing is a
 * suggestion the person is free to change or ignore.
 */

export interface FearStep {
  id: 'complaint' | 'feeling' | 'fear' | 'ask';
  prompt: string;
  hint: string;
}

/** The guided sequence, in order. */
export const FEAR_STEPS: readonly FearStep[] = [
  { id: 'complaint', prompt: 'What is the complaint, in the words that come first?', hint: 'No need to be fair or polished yet.' },
  { id: 'feeling', prompt: 'What do you feel when this happens?', hint: 'One or two words is plenty: lonely, hurt, worried…' },
  { id: 'fear', prompt: 'What are you afraid it might mean?', hint: 'Try starting with “I’m scared that…”.' },
  { id: 'ask', prompt: 'What would help you feel safer?', hint: 'A small, concrete request tends to land more gently.' },
];

/** Common shapes a complaint takes, each with fears that often sit underneath (our own wording). */
interface Shape {
  id: string;
  /** Lower-case fragments that suggest this shape. */
  cues: readonly string[];
  fears: readonly string[];
}

const SHAPES: readonly Shape[] = [
  {
    id: 'time',
    cues: ['make time', 'no time', 'busy', 'never around', 'always working', 'time for me', 'spend time', 'always out'],
    fears: ['I’m scared I’m not a priority for you any more.', 'I’m afraid you’re losing interest in us.'],
  },
  {
    id: 'listening',
    cues: ['listen', 'ignore', 'hear me', 'on your phone', 'not paying attention', 'tune out'],
    fears: ['I’m scared that what I say doesn’t matter to you.', 'I’m afraid of being invisible to you.'],
  },
  {
    id: 'help',
    cues: ['help', 'do everything', 'chores', 'housework', 'on my own', 'by myself', 'all the work'],
    fears: ['I’m scared I’ll be left to carry everything alone.', 'I’m afraid you don’t see how tired I am.'],
  },
  {
    id: 'affection',
    cues: ['touch', 'affection', 'hug', 'kiss', 'intimacy', 'cold', 'distant'],
    fears: ['I’m scared you don’t find me lovable any more.', 'I’m afraid we’re drifting apart.'],
  },
  {
    id: 'honesty',
    cues: ['lie', 'lying', 'hiding', 'secret', 'texting', 'who you talk', 'trust you'],
    fears: ['I’m scared there’s something I don’t know about.', 'I’m afraid of being fooled or left.'],
  },
  {
    id: 'criticism',
    cues: ['criticis', 'nag', 'never good enough', 'always complain', 'my fault', 'blame'],
    fears: ['I’m scared I’m a disappointment to you.', 'I’m afraid I can never get it right with you.'],
  },
  {
    id: 'plans',
    cues: ['cancel', 'forgot', 'forget', 'late', 'last minute', 'promised'],
    fears: ['I’m scared I can’t count on you.', 'I’m afraid I matter less than everything else.'],
  },
];

/** Phrasings that fit almost any complaint, offered when no shape matches (and after those that do). */
export const GENERAL_FEARS: readonly string[] = [
  'I’m scared that I don’t matter to you as much as I hope.',
  'I’m afraid of losing our closeness.',
];

/** Absolute words that tend to turn a worry into an accusation. */
const ABSOLUTES = ['never', 'always', 'every time', 'nothing', 'everything'];

export interface FearSuggestions {
  /** The shapes recognised, most specific first (may be empty). */
  shapes: string[];
  /** Fear phrasings to offer, without duplicates; at most `limit`. */
  fears: string[];
  /** Absolute words found ("never", "always"), to gently point out. */
  absolutes: string[];
}

/** Offers fear phrasings for a complaint. Empty input offers the general ones. */
export function suggestFears(complaint: string, limit = 4): FearSuggestions {
  const text = complaint.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ');
  const matches = SHAPES.map((shape) => ({ shape, hits: shape.cues.filter((c) => text.includes(c)).length }))
    .filter((m) => m.hits > 0)
    .sort((a, b) => b.hits - a.hits);
  const fears: string[] = [];
  for (const f of [...matches.flatMap((m) => m.shape.fears), ...GENERAL_FEARS]) if (!fears.includes(f)) fears.push(f);
  const absolutes = ABSOLUTES.filter((w) => new RegExp(`\\b${w}\\b`).test(text));
  return { shapes: matches.map((m) => m.shape.id), fears: fears.slice(0, Math.max(0, limit)), absolutes };
}

/** Puts the named feeling, fear and request together as one gentle sentence to say. */
export function composeFearStatement(parts: { feeling?: string; fear?: string; ask?: string }): string {
  const clean = (s?: string) => (s ?? '').trim().replace(/[.!?\s]+$/, '');
  const out: string[] = [];
  const feeling = clean(parts.feeling);
  const fear = clean(parts.fear);
  const ask = clean(parts.ask);
  if (feeling) out.push(`When this happens I feel ${feeling}.`);
  if (fear) out.push(`${fear.charAt(0).toUpperCase()}${fear.slice(1)}.`);
  if (ask) out.push(`It would help me if ${ask.charAt(0).toLowerCase()}${ask.slice(1)}.`);
  return out.join(' ');
}
