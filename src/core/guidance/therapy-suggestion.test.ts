import { describe, expect, it } from 'vitest';
import type { EntryFacts } from '../patterns/entry-facts.ts';
import type { Topic } from '../reflect/catalogs.ts';
import { therapySuggestionSchema } from '../schemas/guidance.ts';
import {
  combine,
  HIGH_INTENSITY_MEDIAN,
  HIGH_INTENSITY_MIN_ENTRIES,
  RECURRING_TOPIC_MIN_ENTRIES,
  RECURRING_TOPIC_WINDOW_DAYS,
  suggestTherapy,
  type GuidanceInput,
  type ScoreSeries,
} from './therapy-suggestion.ts';

const NOW = '2026-12-01T12:00:00.000Z';
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * DAY).toISOString();

let seq = 0;
function entry(over: Partial<EntryFacts> = {}): EntryFacts {
  seq++;
  return {
    id: `e${seq}`,
    kind: 'thought_record',
    occurredAt: daysAgo(1),
    topic: null,
    tags: [],
    bodyCues: [],
    intensityBefore: null,
    intensityAfter: null,
    urge: null,
    urgeActedOn: null,
    woundOrSignal: null,
    ...over,
  };
}
const onTopic = (topic: Topic, n: number, ageDays = 2) => Array.from({ length: n }, (_, i) => entry({ topic, occurredAt: daysAgo(ageDays + i * 0.1) }));

function input(over: Partial<GuidanceInput> = {}): GuidanceInput {
  return { now: NOW, entries: [], assessments: { series: [], deeperHurtReported: false }, linkedPartner: false, ...over };
}
const withSeries = (...series: ScoreSeries[]) => ({ series, deeperHurtReported: false });
const series = (values: number[], over: Partial<ScoreSeries> = {}): ScoreSeries => ({
  instrument: 'csi-4',
  subscale: 'total',
  higherIsWorse: false,
  points: values.map((value, i) => ({ takenAt: daysAgo(90 - i * 20), value })),
  ...over,
});

/** Entries every `gap` days over the window, intensity before/after from the lists (oldest first). */
function intenseEntries(before: number[], after: Array<number | null> = [], gapDays = 3): EntryFacts[] {
  return before.map((b, i) => entry({ occurredAt: daysAgo((before.length - 1 - i) * gapDays), intensityBefore: b, intensityAfter: after[i] ?? null }));
}

const rules = (r: ReturnType<typeof suggestTherapy>) => r.reasons.map((x) => x.rule);

describe('no data', () => {
  it('suggests nothing and says what it looked at', () => {
    const r = suggestTherapy(input());
    expect(r).toEqual({
      suggest: 'none',
      reasons: [],
      lookedAt: { recentEntries: 0, topTopic: null, intensityEntries: 0, medianIntensity: null, scoreSeries: 0, seriesWithTrend: 0, deeperHurtReported: false, linkedPartner: false },
    });
    expect(therapySuggestionSchema.safeParse(r).success).toBe(true);
  });

  it('rejects a "now" that is not an instant', () => {
    expect(() => suggestTherapy(input({ now: 'soon' }))).toThrow(RangeError);
  });
});

describe('rule (a): the same topic recurring', () => {
  it('applies at exactly the threshold and not one below', () => {
    const at = suggestTherapy(input({ entries: onTopic('phone_social_media', RECURRING_TOPIC_MIN_ENTRIES) }));
    expect(at.suggest).toBe('individual');
    expect(at.reasons).toEqual([{ rule: 'recurring-topic', pointsTo: 'individual', topic: 'phone_social_media', count: 5, windowDays: 30, threshold: 5 }]);
    const below = suggestTherapy(input({ entries: onTopic('phone_social_media', RECURRING_TOPIC_MIN_ENTRIES - 1) }));
    expect(below.suggest).toBe('none');
    expect(below.lookedAt.topTopic).toEqual({ topic: 'phone_social_media', count: 4 });
  });

  it('counts only the last 30 days (the boundary day included)', () => {
    const edge = [...onTopic('money', 4), entry({ topic: 'money', occurredAt: daysAgo(RECURRING_TOPIC_WINDOW_DAYS) })];
    expect(suggestTherapy(input({ entries: edge })).suggest).toBe('individual');
    const outside = [...onTopic('money', 4), entry({ topic: 'money', occurredAt: new Date(Date.parse(daysAgo(RECURRING_TOPIC_WINDOW_DAYS)) - 60_000).toISOString() })];
    const r = suggestTherapy(input({ entries: outside }));
    expect(r.suggest).toBe('none');
    expect(r.lookedAt.recentEntries).toBe(4);
  });

  it('does not add up different topics, nor count "other" or no topic', () => {
    const mixed = [...onTopic('money', 3), ...onTopic('friends', 3), ...onTopic('other', 8), entry(), entry()];
    const r = suggestTherapy(input({ entries: mixed }));
    expect(r.suggest).toBe('none');
    expect(r.lookedAt.recentEntries).toBe(16);
    // A tie goes to the catalog's order (friends comes before money).
    expect(r.lookedAt.topTopic).toEqual({ topic: 'friends', count: 3 });
  });

  it('gives one reason per recurring topic, most frequent first, whatever the input order', () => {
    const entries = [...onTopic('friends', 5), ...onTopic('jealousy', 7)];
    const r = suggestTherapy(input({ entries: entries.reverse() }));
    expect(r.reasons.map((x) => x.rule === 'recurring-topic' && [x.topic, x.count])).toEqual([
      ['jealousy', 7],
      ['friends', 5],
    ]);
  });

  it('points to couples therapy when a partner is linked', () => {
    const r = suggestTherapy(input({ entries: onTopic('time_together', 6), linkedPartner: true }));
    expect(r.suggest).toBe('couples');
    expect(r.reasons[0]).toMatchObject({ rule: 'recurring-topic', pointsTo: 'couples' });
  });
});

describe('rule (b): a score worsening three times in a row', () => {
  it('applies when a higher-is-better score falls at each of the last three results', () => {
    const r = suggestTherapy(input({ assessments: withSeries(series([18, 15, 12])) }));
    expect(r.suggest).toBe('individual');
    expect(r.reasons).toEqual([
      { rule: 'worsening-score', pointsTo: 'individual', instrument: 'csi-4', subscale: 'total', higherIsWorse: false, points: series([18, 15, 12]).points },
    ]);
  });

  it('respects higherIsWorse: rising anxiety is worsening, rising satisfaction is not', () => {
    const anxiety = series([3, 4, 5.5], { instrument: 'ecr-rs', subscale: 'anxiety', higherIsWorse: true });
    expect(rules(suggestTherapy(input({ assessments: withSeries(anxiety) })))).toEqual(['worsening-score']);
    expect(rules(suggestTherapy(input({ assessments: withSeries(series([12, 15, 18])) })))).toEqual([]);
    const falling = series([5.5, 4, 3], { instrument: 'ecr-rs', subscale: 'anxiety', higherIsWorse: true });
    expect(rules(suggestTherapy(input({ assessments: withSeries(falling) })))).toEqual([]);
  });

  it('needs three results; two worse results, a tie, or a recent improvement do not count', () => {
    for (const values of [[18, 12], [18, 15, 15], [18, 15, 12, 14], [15, 15, 12]]) {
      expect(rules(suggestTherapy(input({ assessments: withSeries(series(values)) }))), values.join(',')).toEqual([]);
    }
    const r = suggestTherapy(input({ assessments: withSeries(series([20, 14, 18, 15, 12])) }));
    expect(rules(r)).toEqual(['worsening-score']);
    expect(r.reasons[0]).toMatchObject({ points: [{ value: 18 }, { value: 15 }, { value: 12 }] });
  });

  it('orders measurements by time, not by input order', () => {
    const s = series([18, 15, 12]);
    s.points.reverse();
    expect(rules(suggestTherapy(input({ assessments: withSeries(s) })))).toEqual(['worsening-score']);
  });

  it('counts the series it looked at', () => {
    const r = suggestTherapy(input({ assessments: withSeries(series([10]), series([10, 11]), series([10, 11, 12]), series([])) }));
    expect(r.lookedAt).toMatchObject({ scoreSeries: 3, seriesWithTrend: 1 });
  });

  it('points a relationship scale to couples therapy only with a linked partner; personal scales stay individual', () => {
    const csi = series([18, 15, 12]);
    const anxiety = series([3, 4, 5], { instrument: 'ecr-rs', subscale: 'anxiety', higherIsWorse: true });
    const linked = suggestTherapy(input({ assessments: withSeries(csi, anxiety), linkedPartner: true }));
    expect(linked.reasons.map((x) => x.pointsTo)).toEqual(['couples', 'individual']);
    expect(linked.suggest).toBe('individual-or-couples');
    expect(suggestTherapy(input({ assessments: withSeries(csi), linkedPartner: true })).suggest).toBe('couples');
  });
});

describe('rule (c): high intensity that is not easing', () => {
  const steady = [80, 75, 85, 78, 82, 80];

  it('applies when the median is high and reframing barely lowers it', () => {
    const r = suggestTherapy(input({ entries: intenseEntries(steady, [75, 70, 80, 75, 78, 76]) }));
    expect(r.suggest).toBe('individual');
    expect(r.reasons).toEqual([
      {
        rule: 'high-intensity',
        pointsTo: 'individual',
        windowDays: 28,
        entries: 6,
        spanDays: 15,
        medianBefore: 80,
        threshold: 70,
        meanBefore: 80,
        meanAfter: 75.7,
        earlierMean: 80,
        recentMean: 80,
        reframeNotEasing: true,
        trendNotEasing: true,
      },
    ]);
  });

  it('still applies when reframing helps but later weeks are no lower than earlier ones', () => {
    const r = suggestTherapy(input({ entries: intenseEntries(steady, [40, 40, 40, 40, 40, 40]) }));
    expect(r.reasons[0]).toMatchObject({ rule: 'high-intensity', reframeNotEasing: false, trendNotEasing: true, meanAfter: 40 });
  });

  it('does not apply when intensity is coming down over time and reframing helps', () => {
    const easing = [90, 88, 85, 75, 72, 70];
    const r = suggestTherapy(input({ entries: intenseEntries(easing, [50, 50, 50, 45, 40, 40]) }));
    expect(rules(r)).toEqual([]);
    expect(r.lookedAt).toMatchObject({ intensityEntries: 6, medianIntensity: 80 });
  });

  it('judges reframing only with at least three entries that have both numbers', () => {
    const easing = [90, 88, 85, 75, 72, 70];
    // Two pairs with no drop: not enough to say reframing is not helping; the trend is easing.
    expect(rules(suggestTherapy(input({ entries: intenseEntries(easing, [90, 88]) })))).toEqual([]);
    // Three pairs with no real drop: that is enough.
    const r = suggestTherapy(input({ entries: intenseEntries(easing, [85, 84, 80]) }));
    expect(r.reasons[0]).toMatchObject({ reframeNotEasing: true, trendNotEasing: false, meanBefore: 87.7, meanAfter: 83 });
  });

  it('treats a drop of exactly 10 as not easing and a drop of more as easing', () => {
    const easing = [90, 88, 85, 75, 72, 70];
    expect(suggestTherapy(input({ entries: intenseEntries(easing, [80, 78, 75]) })).reasons[0]).toMatchObject({ reframeNotEasing: true });
    expect(rules(suggestTherapy(input({ entries: intenseEntries(easing, [79, 78, 75]) })))).toEqual([]);
  });

  it('needs a median of at least 70', () => {
    const at = [70, 70, 70, 70, 60, 90];
    expect(rules(suggestTherapy(input({ entries: intenseEntries(at) })))).toEqual(['high-intensity']);
    const below = [69, 69, 69, 69, 60, 90];
    const r = suggestTherapy(input({ entries: intenseEntries(below) }));
    expect(rules(r)).toEqual([]);
    expect(r.lookedAt.medianIntensity).toBe(69);
    expect(HIGH_INTENSITY_MEDIAN).toBe(70);
  });

  it('needs at least six entries with an intensity', () => {
    expect(rules(suggestTherapy(input({ entries: intenseEntries([80, 80, 80, 80, 80], [], 4) })))).toEqual([]);
    expect(rules(suggestTherapy(input({ entries: intenseEntries([80, 80, 80, 80, 80, 80], [], 3) })))).toEqual(['high-intensity']);
    // Entries without a number do not count towards the six.
    const r = suggestTherapy(input({ entries: [...intenseEntries([80, 80, 80, 80, 80], [], 4), entry({ occurredAt: daysAgo(2) })] }));
    expect(r.lookedAt.intensityEntries).toBe(HIGH_INTENSITY_MIN_ENTRIES - 1);
    expect(rules(r)).toEqual([]);
  });

  it('needs the entries to span at least 14 days', () => {
    expect(rules(suggestTherapy(input({ entries: intenseEntries(steady, [], 2.6) })))).toEqual([]);
    expect(rules(suggestTherapy(input({ entries: intenseEntries(steady, [], 2.8) })))).toEqual(['high-intensity']);
  });

  it('only looks at the last 28 days', () => {
    const old = steady.map((b, i) => entry({ occurredAt: daysAgo(29 + i * 3), intensityBefore: b }));
    const r = suggestTherapy(input({ entries: old }));
    expect(rules(r)).toEqual([]);
    expect(r.lookedAt).toMatchObject({ intensityEntries: 0, medianIntensity: null });
  });
});

describe('rule (d): signs of deeper hurt', () => {
  it('suggests individual therapy', () => {
    const r = suggestTherapy(input({ assessments: { series: [], deeperHurtReported: true } }));
    expect(r).toMatchObject({ suggest: 'individual', reasons: [{ rule: 'deeper-hurt', pointsTo: 'individual' }] });
    expect(r.lookedAt.deeperHurtReported).toBe(true);
  });

  it('still points to individual therapy with a partner linked', () => {
    expect(suggestTherapy(input({ assessments: { series: [], deeperHurtReported: true }, linkedPartner: true })).suggest).toBe('individual');
  });
});

describe('combinations', () => {
  it('deeper hurt and a recurring topic with a partner linked: individual or couples, deeper hurt first', () => {
    const r = suggestTherapy(input({ entries: onTopic('ex_partners', 5), assessments: { series: [], deeperHurtReported: true }, linkedPartner: true }));
    expect(r.suggest).toBe('individual-or-couples');
    expect(rules(r)).toEqual(['deeper-hurt', 'recurring-topic']);
  });

  it('every rule at once, without a partner: individual, with all four reasons', () => {
    const entries = intenseEntries([80, 75, 85, 78, 82, 80]).map((e) => ({ ...e, topic: 'jealousy' as const }));
    const r = suggestTherapy(input({ entries, assessments: { series: [series([18, 15, 12])], deeperHurtReported: true } }));
    expect(r.suggest).toBe('individual');
    expect(rules(r)).toEqual(['deeper-hurt', 'recurring-topic', 'worsening-score', 'high-intensity']);
    expect(therapySuggestionSchema.safeParse(r).success).toBe(true);
  });

  it('combines where reasons point', () => {
    expect(combine([])).toBe('none');
    expect(combine(['individual', 'individual'])).toBe('individual');
    expect(combine(['couples'])).toBe('couples');
    expect(combine(['couples', 'individual'])).toBe('individual-or-couples');
  });
});
