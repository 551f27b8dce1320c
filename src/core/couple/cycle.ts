/**
 * The cycle map (design.md, "Connect and rebuild"; docs/decisions/020): each partner fills in their
 * side of the loop ("when I feel …, I tend to …") and Trellis draws the shared loop from both.
 * Pure: no I/O. Wording of the sentences lives in the web catalog; this only decides the order of
 * the steps and which common patterns the chosen words suggest. Never blames, never diagnoses:
 * a pattern is named as something many couples notice, never as a verdict on either person.
 */

/** The direction a reaction moves in, used only to name a common pattern gently. */
export const MOVES = ['pursue', 'withdraw', 'accuse', 'defend'] as const;
export type Move = (typeof MOVES)[number];

/** The catalog of "I tend to …" choices, each tagged with the move it suggests. */
export const TEND_TO_CHOICES = [
  { id: 'reach-out-more', move: 'pursue' },
  { id: 'ask-questions', move: 'pursue' },
  { id: 'keep-talking', move: 'pursue' },
  { id: 'check-phone', move: 'pursue' },
  { id: 'go-quiet', move: 'withdraw' },
  { id: 'leave-the-room', move: 'withdraw' },
  { id: 'shut-down', move: 'withdraw' },
  { id: 'keep-busy', move: 'withdraw' },
  { id: 'criticise', move: 'accuse' },
  { id: 'raise-my-voice', move: 'accuse' },
  { id: 'bring-up-the-past', move: 'accuse' },
  { id: 'defend-myself', move: 'defend' },
  { id: 'explain-my-side', move: 'defend' },
  { id: 'make-a-joke', move: 'defend' },
] as const satisfies ReadonlyArray<{ id: string; move: Move }>;
export type TendToChoice = (typeof TEND_TO_CHOICES)[number]['id'];
export const TEND_TO_IDS = TEND_TO_CHOICES.map((c) => c.id) as [TendToChoice, ...TendToChoice[]];

/** Common patterns the two sides can suggest together. */
export const PATTERNS = ['pursue-withdraw', 'accuse-defend', 'both-pursue', 'both-withdraw'] as const;
export type Pattern = (typeof PATTERNS)[number];

/** One partner's side of the loop. */
export interface CycleSideInput {
  /** What tends to set it off ("when …"). */
  trigger: string;
  /** "I feel …" */
  feel: string;
  /** "I tend to …": catalog choices plus my own words. */
  tendTo: { choices: TendToChoice[]; other: string };
  /** What I fear underneath. */
  fear: string;
  /** What I need. */
  need: string;
}

export interface LoopStep {
  who: 'me' | 'partner';
  kind: 'feel' | 'tendTo';
  /** For 'feel': the person's words. For 'tendTo': their own words, if any. */
  text: string;
  /** For 'tendTo': the catalog choices. */
  choices: TendToChoice[];
}

export interface CycleLoop {
  /** The loop, in order; the last step leads back to the first. */
  steps: LoopStep[];
  /** Patterns the chosen words suggest (often none). */
  patterns: Pattern[];
}

/** Words in free text that suggest a move (lower-case stems; a gentle hint, not a classifier). */
const MOVE_WORDS: Record<Move, readonly string[]> = {
  pursue: ['reach out', 'chase', 'follow', 'ask more', 'keep asking', 'text', 'call', 'push for', 'need to talk'],
  withdraw: ['go quiet', 'quiet', 'withdraw', 'shut down', 'leave', 'walk away', 'pull away', 'avoid', 'silent', 'go numb'],
  accuse: ['critici', 'blame', 'accuse', 'snap', 'yell', 'shout', 'attack'],
  defend: ['defend', 'justify', 'explain myself', 'argue back', 'make excuses'],
};

/** The moves a side's reactions suggest: from its catalog choices and its own words. */
export function movesOf(tendTo: CycleSideInput['tendTo']): Set<Move> {
  const moves = new Set<Move>();
  for (const id of tendTo.choices) {
    const choice = TEND_TO_CHOICES.find((c) => c.id === id);
    if (choice) moves.add(choice.move);
  }
  const words = tendTo.other.toLowerCase();
  if (words.trim() !== '') {
    for (const move of MOVES) if (MOVE_WORDS[move].some((w) => words.includes(w))) moves.add(move);
  }
  return moves;
}

/** Patterns two sides suggest together, in a stable order. Symmetric: never one person's fault. */
export function patternsOf(a: CycleSideInput['tendTo'], b: CycleSideInput['tendTo']): Pattern[] {
  const ma = movesOf(a);
  const mb = movesOf(b);
  const either = (x: Move, y: Move) => (ma.has(x) && mb.has(y)) || (ma.has(y) && mb.has(x));
  const found: Pattern[] = [];
  if (either('pursue', 'withdraw')) found.push('pursue-withdraw');
  if (either('accuse', 'defend')) found.push('accuse-defend');
  if (ma.has('pursue') && mb.has('pursue') && !found.includes('pursue-withdraw')) found.push('both-pursue');
  if (ma.has('withdraw') && mb.has('withdraw') && !found.includes('pursue-withdraw')) found.push('both-withdraw');
  return found;
}

/** Has a side said enough to take part in the loop? (A feeling and at least one reaction.) */
export function isFilled(side: CycleSideInput): boolean {
  return side.feel.trim() !== '' && (side.tendTo.choices.length > 0 || side.tendTo.other.trim() !== '');
}

/**
 * The shared loop from both sides, starting with mine: I feel → I tend to → which can leave my
 * partner feeling → my partner tends to → (back to me). Undefined until both sides are filled in.
 */
export function buildLoop(mine: CycleSideInput | undefined, partners: CycleSideInput | undefined): CycleLoop | undefined {
  if (!mine || !partners || !isFilled(mine) || !isFilled(partners)) return undefined;
  const sideSteps = (who: LoopStep['who'], s: CycleSideInput): LoopStep[] => [
    { who, kind: 'feel', text: s.feel.trim(), choices: [] },
    { who, kind: 'tendTo', text: s.tendTo.other.trim(), choices: [...new Set(s.tendTo.choices)] },
  ];
  return { steps: [...sideSteps('me', mine), ...sideSteps('partner', partners)], patterns: patternsOf(mine.tendTo, partners.tendTo) };
}
