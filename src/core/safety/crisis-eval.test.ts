import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRISIS_CASES, exampleAsCase, measureScreening, type CoachExample } from './crisis-cases.ts';
import { screenText } from './crisis-screening.ts';

/** The labelled examples shared with the coach (content/examples/coach-examples.jsonl). */
const examples: CoachExample[] = readFileSync(new URL('../../../content/examples/coach-examples.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as CoachExample);

describe('crisis screening on the labelled coach examples', () => {
  it('has examples of both kinds of crisis and of ordinary messages', () => {
    expect(examples.filter((e) => e.crisis === 'self_harm').length).toBeGreaterThan(0);
    expect(examples.filter((e) => e.crisis === 'partner_danger').length).toBeGreaterThan(0);
    expect(examples.filter((e) => e.crisis === null).length).toBeGreaterThan(0);
  });

  it.each(examples.filter((e) => e.crisis === 'self_harm'))('flags self-harm: $text', ({ text }) => {
    expect(screenText(text).selfHarm).toBe(true);
  });

  it.each(examples.filter((e) => e.crisis === 'partner_danger'))('flags partner danger: $text', ({ text }) => {
    expect(screenText(text).partnerDanger).toBe(true);
  });

  it('has no false positives in either category', () => {
    const falseAlarms = examples.flatMap((e) => {
      const got = screenText(e.text);
      return [
        ...(got.selfHarm && e.crisis !== 'self_harm' ? [`self-harm: ${e.text}`] : []),
        ...(got.partnerDanger && e.crisis !== 'partner_danger' ? [`partner danger: ${e.text}`] : []),
      ];
    });
    expect(falseAlarms).toEqual([]);
  });

  it('measures perfect precision and recall on the examples and on our own cases', () => {
    for (const cases of [examples.map(exampleAsCase), CRISIS_CASES]) {
      const figures = measureScreening(cases);
      for (const f of Object.values(figures)) {
        expect(f.falseNegatives).toBe(0);
        expect(f.falsePositives).toBe(0);
        expect(f.precision).toBe(1);
        expect(f.recall).toBe(1);
      }
    }
  });
});

describe('measureScreening', () => {
  it('counts hits, misses and false alarms per category', () => {
    const figures = measureScreening([
      { text: 'I want to die.', selfHarm: true, partnerDanger: false }, // true positive
      { text: 'A calm day.', selfHarm: true, partnerDanger: false }, // false negative
      { text: 'He hit me.', selfHarm: false, partnerDanger: false }, // partner false positive
      { text: 'A calm day.', selfHarm: false, partnerDanger: false }, // true negative
    ]);
    expect(figures.selfHarm).toEqual({ truePositives: 1, falseNegatives: 1, falsePositives: 0, trueNegatives: 2, precision: 1, recall: 0.5 });
    expect(figures.partnerDanger).toMatchObject({ truePositives: 0, falseNegatives: 0, falsePositives: 1, trueNegatives: 3, precision: 0 });
    expect(figures.partnerDanger.recall).toBeNaN();
  });
});
