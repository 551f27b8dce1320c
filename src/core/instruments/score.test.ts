import { describe, expect, it } from 'vitest';
import { instrumentSchema, type Instrument } from './definition.ts';
import { instrumentById } from './registry.ts';
import { bandFor, keyedValue, reportsDeeperHurt, scoreResponses, validateResponses } from './score.ts';

const get = (id: string): Instrument => {
  const instrument = instrumentById(id);
  if (!instrument) throw new Error(`missing ${id}`);
  return instrument;
};
const ecr = get('ecr-rs');
const csi = get('csi-4');
const pulse = get('trust-pulse');
const signs = get('trust-signs');

function scored(instrument: Instrument, responses: unknown[]) {
  const result = scoreResponses(instrument, responses);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}
function errorsOf(instrument: Instrument, responses: unknown[]) {
  const result = scoreResponses(instrument, responses);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('ECR-RS (avoidance: mean of 1–6, items 1–4 reversed; anxiety: mean of 7–9)', () => {
  it('all 1s: items 1–4 count as 7, so avoidance = (7·4 + 1 + 1) / 6 = 5; anxiety = 1', () => {
    const r = scored(ecr, Array(9).fill(1));
    expect(r.scores.avoidance).toBeCloseTo(5, 10);
    expect(r.scores.anxiety).toBe(1);
    expect(r.band).toEqual({ anxiety: 'lower', avoidance: 'higher' });
  });

  it('all 7s: items 1–4 count as 1, avoidance = (1·4 + 7 + 7) / 6 = 3; anxiety = 7 (the top edge is in the top band)', () => {
    const r = scored(ecr, Array(9).fill(7));
    expect(r.scores.avoidance).toBeCloseTo(3, 10);
    expect(r.scores.anxiety).toBe(7);
    expect(r.band).toEqual({ anxiety: 'higher', avoidance: 'middle' });
  });

  it('lowest possible avoidance (1) and highest (7) from reverse keys', () => {
    expect(scored(ecr, [7, 7, 7, 7, 1, 1, 4, 4, 4]).scores.avoidance).toBe(1);
    expect(scored(ecr, [1, 1, 1, 1, 7, 7, 4, 4, 4]).scores.avoidance).toBe(7);
  });

  it('a mixed hand-worked case: [6,5,3,2,4,7, 2,3,5]', () => {
    // reversed: 8−6=2, 8−5=3, 8−3=5, 8−2=6; then 4, 7 → (2+3+5+6+4+7)/6 = 27/6 = 4.5
    const r = scored(ecr, [6, 5, 3, 2, 4, 7, 2, 3, 5]);
    expect(r.scores.avoidance).toBeCloseTo(4.5, 10);
    expect(r.scores.anxiety).toBeCloseTo(10 / 3, 10);
    expect(r.band).toEqual({ anxiety: 'middle', avoidance: 'middle' });
  });

  it('band edges: 3 starts the middle band, just under 3 stays lower, 5 starts the higher band', () => {
    const anxiety = ecr.subscales.find((s) => s.id === 'anxiety')!;
    expect(bandFor(anxiety, 1).key).toBe('lower');
    expect(bandFor(anxiety, 8 / 3).key).toBe('lower');
    expect(bandFor(anxiety, 3).key).toBe('middle');
    expect(bandFor(anxiety, 14 / 3).key).toBe('middle');
    expect(bandFor(anxiety, 5).key).toBe('higher');
    expect(bandFor(anxiety, 7).key).toBe('higher');
    // anxiety answers 3,3,2 → 8/3 (lower); 3,3,3 → 3 (middle)
    expect(scored(ecr, [4, 4, 4, 4, 4, 4, 3, 3, 2]).band.anxiety).toBe('lower');
    expect(scored(ecr, [4, 4, 4, 4, 4, 4, 3, 3, 3]).band.anxiety).toBe('middle');
  });

  it('reverses only items 1–4', () => {
    expect([0, 1, 2, 3].map((i) => keyedValue(ecr, i, 2))).toEqual([6, 6, 6, 6]);
    expect([4, 5, 6, 7, 8].map((i) => keyedValue(ecr, i, 2))).toEqual([2, 2, 2, 2, 2]);
  });
});

describe('CSI-4 (sum, item 1 on 0–6, items 2–4 on 0–5, total 0–21)', () => {
  it('all minimum → 0, in the "support may help" band', () => {
    const r = scored(csi, [0, 0, 0, 0]);
    expect(r.scores.total).toBe(0);
    expect(r.band.total).toBe('support-may-help');
  });

  it('all maximum → 6 + 5 + 5 + 5 = 21, satisfied', () => {
    const r = scored(csi, [6, 5, 5, 5]);
    expect(r.scores.total).toBe(21);
    expect(r.band.total).toBe('satisfied');
  });

  it('13 is below the 13.5 threshold, 14 is above it', () => {
    expect(scored(csi, [4, 3, 3, 3])).toMatchObject({ scores: { total: 13 }, band: { total: 'support-may-help' } });
    expect(scored(csi, [5, 3, 3, 3])).toMatchObject({ scores: { total: 14 }, band: { total: 'satisfied' } });
    const total = csi.subscales[0]!;
    expect(bandFor(total, 13.49).key).toBe('support-may-help');
    expect(bandFor(total, 13.5).key).toBe('satisfied');
  });

  it('item 1 accepts 6 but items 2–4 do not, naming the item', () => {
    expect(errorsOf(csi, [6, 6, 5, 5])).toEqual([{ path: 'responses.1', message: expect.stringContaining('0 to 5') }]);
    expect(errorsOf(csi, [7, 5, 5, 5])).toEqual([{ path: 'responses.0', message: expect.stringContaining('0 to 6') }]);
  });

  it('is not reverse-keyed and a higher total is better', () => {
    expect(csi.items.some((i) => i.reverseKeyed)).toBe(false);
    expect(csi.subscales[0]!.higherIsWorse).toBe(false);
  });
});

describe('trust pulse (means of pairs, 1–7, plus a total)', () => {
  it('all 1s and all 7s', () => {
    expect(scored(pulse, Array(6).fill(1)).scores).toEqual({ predictability: 1, dependability: 1, faith: 1, total: 1 });
    const top = scored(pulse, Array(6).fill(7));
    expect(top.scores).toEqual({ predictability: 7, dependability: 7, faith: 7, total: 7 });
    expect(top.band).toEqual({ predictability: 'higher', dependability: 'higher', faith: 'higher', total: 'higher' });
  });

  it('a hand-worked case: [2,3, 5,6, 4,4]', () => {
    const r = scored(pulse, [2, 3, 5, 6, 4, 4]);
    expect(r.scores).toEqual({ predictability: 2.5, dependability: 5.5, faith: 4, total: 4 });
    expect(r.band).toEqual({ predictability: 'lower', dependability: 'higher', faith: 'middle', total: 'middle' });
  });

  it('is labelled as not validated', () => {
    expect(pulse.validated).toBe(false);
  });
});

describe('signs of trust difficulty (yes/no checklist, sum)', () => {
  it('all no → 0 "few"; all yes → 10 "many"', () => {
    expect(scored(signs, Array(10).fill(0))).toMatchObject({ scores: { total: 0 }, band: { total: 'few' } });
    expect(scored(signs, Array(10).fill(1))).toMatchObject({ scores: { total: 10 }, band: { total: 'many' } });
  });

  it('band edges at 3 and 6', () => {
    const yes = (n: number) => [...Array(n).fill(1), ...Array(10 - n).fill(0)];
    expect(scored(signs, yes(2)).band.total).toBe('few');
    expect(scored(signs, yes(3)).band.total).toBe('some');
    expect(scored(signs, yes(5)).band.total).toBe('some');
    expect(scored(signs, yes(6)).band.total).toBe('many');
  });

  it('reports a deeper hurt only when a deeperHurt item is answered yes', () => {
    const deep = signs.items.flatMap((item, i) => (item.deeperHurt ? [i] : []));
    expect(deep.length).toBeGreaterThanOrEqual(1);
    expect(deep.length).toBeLessThanOrEqual(2);
    const none = Array(10).fill(1);
    for (const i of deep) none[i] = 0;
    expect(reportsDeeperHurt(signs, none)).toBe(false);
    const one = Array(10).fill(0);
    one[deep[0]!] = 1;
    expect(reportsDeeperHurt(signs, one)).toBe(true);
    expect(reportsDeeperHurt(ecr, Array(9).fill(7))).toBe(false);
  });

  it('takes only 0 or 1', () => {
    expect(errorsOf(signs, [0, 0, 2, 0, 0, 0, 0, 0, 0, 0])).toEqual([{ path: 'responses.2', message: expect.any(String) }]);
  });
});

describe('validating answers', () => {
  it('names each missing item and the count when too few', () => {
    const errors = errorsOf(ecr, [4, 4, 4, 4, 4, 4, 4]);
    expect(errors.map((e) => e.path)).toEqual(['responses', 'responses.7', 'responses.8']);
    expect(errors[0]!.message).toContain('9');
  });

  it('refuses too many answers', () => {
    expect(errorsOf(csi, [1, 1, 1, 1, 1]).map((e) => e.path)).toEqual(['responses']);
  });

  it('names every item that is off the scale, not whole, or not a number', () => {
    const errors = errorsOf(ecr, [0, 4, 8, 4.5, '4', null, 4, 4, -1]);
    expect(errors.map((e) => e.path)).toEqual(['responses.0', 'responses.2', 'responses.3', 'responses.4', 'responses.5', 'responses.8']);
    expect(errorsOf(ecr, [4, 4, 4, 4, 4, 4, 4, 4, Number.NaN]).map((e) => e.path)).toEqual(['responses.8']);
  });

  it('accepts the exact ends of each scale', () => {
    expect(validateResponses(ecr, Array(9).fill(1))).toEqual([]);
    expect(validateResponses(ecr, Array(9).fill(7))).toEqual([]);
    expect(validateResponses(csi, [6, 5, 5, 5])).toEqual([]);
  });
});

describe('instrument definitions: consistency checks', () => {
  const base = structuredClone(csi) as Record<string, unknown>;
  const reparse = (mutate: (d: Instrument) => void) => {
    const copy = structuredClone(base) as Instrument;
    mutate(copy);
    const parsed = instrumentSchema.safeParse(copy);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
  };

  it('a faithful copy passes', () => {
    expect(reparse(() => undefined)).toEqual([]);
  });
  it('refuses a subscale naming an unknown item', () => {
    expect(reparse((d) => d.subscales[0]!.items.push('99'))).toContain('subscales.0.items.4');
  });
  it('refuses a wrong declared range', () => {
    expect(reparse((d) => (d.subscales[0]!.range.max = 20))).toContain('subscales.0.range');
  });
  it('refuses bands that leave a gap or do not reach the ends', () => {
    expect(reparse((d) => (d.subscales[0]!.bands[1]!.from = 14))).toContain('subscales.0.bands.1.from');
    expect(reparse((d) => (d.subscales[0]!.bands[1]!.to = 20))).toContain('subscales.0.bands.1.to');
  });
  it('refuses a scale point with no label, and duplicate item ids', () => {
    expect(reparse((d) => delete d.scale.labels['3'])).toContain('scale.labels.3');
    expect(reparse((d) => (d.items[1]!.id = '1'))).toContain('items.1.id');
  });
});
