/**
 * Crisis screening of free text: does what a person wrote suggest (a) thoughts of self-harm or
 * suicide, or (b) danger from a partner? A match only decides whether Trellis shows crisis
 * resources next to what was written. It never blocks saving, never notifies anyone and is never
 * stored as a label on the person.
 *
 * How it works: the text is normalised, then tested against hand-written phrase patterns
 * (`crisis-patterns.ts`). Pure and dependency-free, so it runs in the browser while typing and on
 * the server on every save; `scripts/crisis-eval.ts` prints how long a 2,000-character text takes.
 *
 * Leaning: a missed crisis costs far more than a resource card shown without need, so ambiguous
 * phrasing is flagged. The exceptions are everyday idioms ("this movie is killing me", "hit me up",
 * "I'd die for that cake") that this product's users write all the time.
 *
 * Negation — decided differently for the two categories, on purpose:
 *  - Self-harm: NOT suppressed. "I would never hurt myself", "I'm not suicidal", "I don't want to
 *    kill myself" are still flagged. A denial often sits right next to the thought itself, a person
 *    who writes it is already holding the topic, and the only consequence is a quiet list of lines
 *    they can ignore.
 *  - Partner danger: suppressed when a negation comes right before the danger phrase or between
 *    the partner and the act ("he has never hit me", "I'm not afraid of him", "she would never hurt
 *    me", "he isn't violent"). Reassurances like these are ordinary in journaling about trust, and
 *    flagging them would teach people to ignore the card. Only the two words before a phrase are
 *    checked, so "I don't know why he threatened me" is still flagged.
 *
 * Limits worth knowing: a partner is recognised by pronoun (he / she / they), a word such as
 * "my husband", or — for physical acts only — any single word starting a clause that is not on the
 * list of idiom openers ("Sam hit me" is caught, "Reality hit me" is not). Indirect language
 * ("I keep picturing my own funeral") is missed. English only. `KNOWN_LIMITS` in
 * `crisis-cases.ts` lists such cases; `npx tsx scripts/crisis-eval.ts` prints the figures.
 *
 * Adding a phrase: write it into `crisis-cases.ts` first (it must fail), then change
 * `crisis-patterns.ts` until every list passes again.
 *
 * @example
 *   screenText("She hit me again last night.")   // { selfHarm: false, partnerDanger: true }
 *   screenText("This movie is killing me!")     // { selfHarm: false, partnerDanger: false }
 */

import { CRISIS_MATCHER, normalise } from './crisis-patterns.ts';

export interface Screening {
  selfHarm: boolean;
  partnerDanger: boolean;
}

/** Screens one text. */
export function screenText(text: string): Screening {
  return CRISIS_MATCHER.test(normalise(text));
}

/** Screens several fields of one item; a category is flagged when any field flags it. */
export function screenTexts(texts: Array<string | null | undefined>): Screening {
  const result: Screening = { selfHarm: false, partnerDanger: false };
  for (const text of texts) {
    if (!text) continue;
    const s = screenText(text);
    result.selfHarm ||= s.selfHarm;
    result.partnerDanger ||= s.partnerDanger;
    if (result.selfHarm && result.partnerDanger) break;
  }
  return result;
}
