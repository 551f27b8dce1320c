/**
 * Reflection prompts: short journaling questions, grouped by theme. The words live in
 * `content/prompts.json` (reviewed like code); an answer is a journal entry of kind `reflection`
 * that stores the prompt's id, so ids are permanent.
 *
 * @example
 *   promptOfTheDay('2025-03-14')   // the same prompt all day long, for everyone on that date
 *   promptById('fears-01')?.text
 */
import data from '../../../content/prompts.json' with { type: 'json' };

export type PromptGroup = 'fears' | 'familiar_feelings' | 'self_worth' | 'origins' | 'gratitude';

export interface Prompt {
  id: string;
  group: PromptGroup;
  text: string;
}

const GROUP_IDS: readonly PromptGroup[] = ['fears', 'familiar_feelings', 'self_worth', 'origins', 'gratitude'];

function asGroup(id: string, where: string): PromptGroup {
  const group = GROUP_IDS.find((g) => g === id);
  if (!group) throw new Error(`content/prompts.json: unknown group "${id}" in ${where}`);
  return group;
}

/** The groups, in the order they are shown. */
export const PROMPT_GROUPS: ReadonlyArray<{ id: PromptGroup; title: string; description: string }> = Object.freeze(
  data.groups.map((g) => Object.freeze({ id: asGroup(g.id, 'groups'), title: g.title, description: g.description })),
);

/** Every prompt, grouped as in the data file. */
export const PROMPTS: readonly Prompt[] = Object.freeze(data.prompts.map((p) => Object.freeze({ id: p.id, group: asGroup(p.group, p.id), text: p.text })));

const BY_ID = new Map(PROMPTS.map((p) => [p.id, p]));

/** The prompt with this id, or undefined (an unknown id, or a prompt since retired). */
export function promptById(id: string): Prompt | undefined {
  return BY_ID.get(id);
}

/**
 * The order of the daily rotation: each group's prompts spread evenly through the cycle, so that
 * consecutive days bring different kinds of question (with equal-sized groups: one from each group
 * in turn). Adding a prompt reshuffles the cycle, which is fine — nothing stores the day's prompt.
 */
const ROTATION: readonly Prompt[] = (() => {
  const sizes = new Map<PromptGroup, number>();
  const position = new Map<Prompt, number>();
  for (const p of PROMPTS) {
    const index = sizes.get(p.group) ?? 0;
    position.set(p, index);
    sizes.set(p.group, index + 1);
  }
  const order = (p: Prompt) => (position.get(p)! + 0.5) / sizes.get(p.group)!;
  const groupOrder = (p: Prompt) => GROUP_IDS.indexOf(p.group);
  return [...PROMPTS].sort((a, b) => order(a) - order(b) || groupOrder(a) - groupOrder(b));
})();

/**
 * Deterministic for a calendar day 'YYYY-MM-DD' (the person's own day): same day → same prompt,
 * consecutive days differ, and any run of PROMPTS.length consecutive days shows every prompt once.
 * Throws a RangeError for anything that is not a real date in that form.
 */
export function promptOfTheDay(day: string): Prompt {
  const n = dayNumber(day);
  const length = ROTATION.length;
  return ROTATION[((n % length) + length) % length]!;
}

/** Days since 1970-01-01 for a strict 'YYYY-MM-DD' calendar date. */
function dayNumber(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, date); // unlike Date.UTC, keeps years below 100 as they are
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== date) {
    throw new RangeError(`Not a calendar day: ${day}`);
  }
  return Math.round(d.getTime() / 86_400_000);
}
