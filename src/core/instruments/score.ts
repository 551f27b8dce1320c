/**
 * The one scorer for every instrument: check the answers, apply reverse keys, compute each
 * subscale, pick its band. Pure: the server scores what it stores, and tests compute by hand.
 *
 * Responses are whole numbers in item order (responses[0] answers items[0]). A problem is named
 * by its path, `responses.<index>` (0-based, like every array path in our API errors).
 *
 * @example
 *   const result = scoreResponses(ecrRs, [7, 7, 7, 7, 1, 1, 2, 2, 2]);
 *   if (result.ok) result.scores.avoidance   // 1 — items 1–4 reversed: 8 − 7 = 1
 */
import { scaleOf, type Band, type Instrument, type Subscale } from './definition.ts';

export interface ResponseError {
  path: string;
  message: string;
}

export interface Scored {
  ok: true;
  /** Subscale id → score (a mean is not rounded; round only for display). */
  scores: Record<string, number>;
  /** Subscale id → the key of the band the score falls in. */
  band: Record<string, string>;
}

export type ScoreResult = Scored | { ok: false; errors: ResponseError[] };

/** Check answers against the instrument: the right count, whole numbers, each on its item's scale. */
export function validateResponses(instrument: Instrument, responses: readonly unknown[]): ResponseError[] {
  const errors: ResponseError[] = [];
  const n = instrument.items.length;
  if (responses.length !== n) {
    errors.push({ path: 'responses', message: `Please answer all ${n} questions (${responses.length} answered).` });
  }
  instrument.items.forEach((item, i) => {
    if (i >= responses.length) {
      errors.push({ path: `responses.${i}`, message: 'Please choose an answer.' });
      return;
    }
    const value = responses[i];
    const scale = scaleOf(instrument, item);
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      errors.push({ path: `responses.${i}`, message: `Please choose a whole number from ${scale.min} to ${scale.max}.` });
    } else if (value < scale.min || value > scale.max) {
      errors.push({ path: `responses.${i}`, message: `Please choose an answer from ${scale.min} to ${scale.max}.` });
    }
  });
  return errors;
}

/** The value an answer counts for: reverse-keyed items count as min + max − answer. */
export function keyedValue(instrument: Instrument, itemIndex: number, answer: number): number {
  const item = instrument.items[itemIndex];
  if (!item) throw new RangeError(`no item ${itemIndex}`);
  const scale = scaleOf(instrument, item);
  return item.reverseKeyed ? scale.min + scale.max - answer : answer;
}

/**
 * The band a score falls in: from ≤ score < to, except that the last band includes its upper
 * edge. Scores outside the range (impossible after validation) take the nearest band.
 */
export function bandFor(subscale: Subscale, score: number): Band {
  const bands = subscale.bands;
  const found = bands.find((b, k) => score >= b.from && (score < b.to || (k === bands.length - 1 && score <= b.to)));
  if (found) return found;
  return score < bands[0]!.from ? bands[0]! : bands.at(-1)!;
}

/** Score one subscale from already validated answers. */
export function subscaleScore(instrument: Instrument, subscale: Subscale, responses: readonly number[]): number {
  const values = subscale.items.map((itemId) => {
    const index = instrument.items.findIndex((it) => it.id === itemId);
    return keyedValue(instrument, index, responses[index]!);
  });
  const sum = values.reduce((a, v) => a + v, 0);
  return subscale.method === 'sum' ? sum : sum / values.length;
}

/** Validate, then score every subscale and pick its band. */
export function scoreResponses(instrument: Instrument, responses: readonly unknown[]): ScoreResult {
  const errors = validateResponses(instrument, responses);
  if (errors.length > 0) return { ok: false, errors };
  const answers = responses.filter((v): v is number => typeof v === 'number');
  const scores: Record<string, number> = {};
  const band: Record<string, string> = {};
  for (const sub of instrument.subscales) {
    const score = subscaleScore(instrument, sub, answers);
    scores[sub.id] = score;
    band[sub.id] = bandFor(sub, score).key;
  }
  return { ok: true, scores, band };
}

/** True when any item marked `deeperHurt` was answered at the top of its scale (a "yes"). */
export function reportsDeeperHurt(instrument: Instrument, responses: readonly number[]): boolean {
  return instrument.items.some((item, i) => item.deeperHurt === true && responses[i] === scaleOf(instrument, item).max);
}
