import { describe, expect, it } from 'vitest';
import { entryCreateSchema, selfWorthInputSchema, urgeInputSchema } from '../../core/schemas/reflect.ts';
import { screenTexts } from '../../core/safety/crisis-screening.ts';
import { DEMO_MONTHS, demoHistory } from './history.ts';
import { DEMO_ANSWERS } from './extras.ts';
import { INSTRUMENTS, instrumentById } from '../../core/instruments/registry.ts';
import { scoreResponses } from '../../core/instruments/score.ts';

const now = new Date('2026-11-30T18:00:00Z');
const history = demoHistory({ now, timeZone: 'America/Chicago' });

describe('demo history', () => {
  it('is the same for the same seed and moment, and different for another seed', () => {
    expect(demoHistory({ now, timeZone: 'America/Chicago' })).toEqual(history);
    expect(demoHistory({ now, timeZone: 'America/Chicago', seed: 7 }).entries).not.toEqual(history.entries);
  });

  it('spans 18 months up to now, oldest first, with nothing in the future', () => {
    const times = history.entries.map((e) => Date.parse(e.occurredAt));
    expect(Math.max(...times)).toBeLessThan(now.getTime());
    expect((now.getTime() - Math.min(...times)) / (30.4 * 86_400_000)).toBeGreaterThan(DEMO_MONTHS - 0.5);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(history.entries.length).toBeGreaterThan(300);
  });

  it('is accepted by the API schemas, and never trips crisis screening', () => {
    for (const e of history.entries) expect(entryCreateSchema.safeParse(e).success).toBe(true);
    for (const u of history.urges) expect(urgeInputSchema.safeParse(u).success).toBe(true);
    for (const s of history.selfWorth) expect(selfWorthInputSchema.safeParse(s).success).toBe(true);
    const texts = history.entries.flatMap((e) => [e.whatHappened ?? '', e.story ?? '', e.reframe ?? '', e.evidenceAgainst ?? '']);
    expect(screenTexts(texts)).toEqual({ selfHarm: false, partnerDanger: false });
  });

  it('shows things getting easier: lower intensity and fewer urges acted on in the last quarter', () => {
    const records = history.entries.filter((e) => e.kind === 'thought_record');
    const quarter = Math.floor(records.length / 4);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const early = records.slice(0, quarter);
    const late = records.slice(-quarter);
    expect(mean(late.map((e) => e.intensityBefore!))).toBeLessThan(mean(early.map((e) => e.intensityBefore!)) - 10);
    expect(late.filter((e) => e.urgeActedOn).length).toBeLessThan(early.filter((e) => e.urgeActedOn).length);
    for (const e of records) expect(e.intensityAfter!).toBeLessThanOrEqual(e.intensityBefore!);
  });
});

describe('demo check-up answers', () => {
  const scored = (id: string, p: number) => {
    const result = scoreResponses(instrumentById(id)!, DEMO_ANSWERS[id]!(p));
    if (!result.ok) throw new Error(`${id} at ${p}: ${JSON.stringify(result.errors)}`);
    return result.scores;
  };

  it('are valid answers for every check-up, from the first result to the last', () => {
    expect(Object.keys(DEMO_ANSWERS).sort()).toEqual(INSTRUMENTS.map((i) => i.id).sort());
    for (const id of Object.keys(DEMO_ANSWERS)) for (let p = 0; p <= 1; p += 0.05) scored(id, p);
  });

  it('tell a story of things easing: less attachment anxiety, more satisfaction and trust, fewer signs', () => {
    expect(scored('ecr-rs', 1).anxiety!).toBeLessThan(scored('ecr-rs', 0).anxiety! - 1);
    expect(scored('csi-4', 1).total!).toBeGreaterThan(scored('csi-4', 0).total! + 3);
    expect(scored('trust-pulse', 1).total!).toBeGreaterThan(scored('trust-pulse', 0).total!);
    expect(scored('trust-signs', 1).total!).toBeLessThan(scored('trust-signs', 0).total!);
  });
});
