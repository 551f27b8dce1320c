/**
 * Demo writes beyond Reflect, one per area that has data to show (check-ups now; a couple and a
 * practice with later areas). Each runs with the demo person's signed-in agent, through the API.
 */
import { demoCouple } from './couple.ts';
import type { DemoContext, DemoOptions } from './seed.ts';

const DAY = 24 * 3600_000;
const round = (n: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(n)));

/** Answers that score near the wanted values, for each check-up, at a point `p` from 0 (then) to 1 (now). */
export const DEMO_ANSWERS: Record<string, (p: number) => number[]> = {
  // Attachment anxiety easing from about 5.3 to 3.3; avoidance staying lowish (items 1–4 reverse-keyed).
  'ecr-rs': (p) => {
    const anxiety = 5.4 - 2 * p;
    const avoidance = 3 - 0.7 * p;
    const close = round(8 - avoidance, 1, 7);
    return [close, close, round(8 - avoidance + 0.4, 1, 7), close, round(avoidance, 1, 7), round(avoidance - 0.4, 1, 7), round(anxiety, 1, 7), round(anxiety + 0.4, 1, 7), round(anxiety - 0.3, 1, 7)];
  },
  // Relationship satisfaction rising from about 11 to 17 (item 1 is 0–6, the rest 0–5).
  'csi-4': (p) => [round(3 + 1.5 * p, 0, 6), round(2.7 + 1.5 * p, 0, 5), round(2.6 + 1.6 * p, 0, 5), round(2.6 + 1.6 * p, 0, 5)],
  'trust-pulse': (p) => [round(3.5 + 2 * p, 1, 7), round(3.8 + 1.8 * p, 1, 7), round(4 + 2 * p, 1, 7), round(4.5 + 1.5 * p, 1, 7), round(3.8 + 2 * p, 1, 7), round(3.5 + 2.2 * p, 1, 7)],
  // Fewer signs over time; the last two items (deeper hurt) only in the first result.
  'trust-signs': (p) => [1, p < 0.7 ? 1 : 0, p < 0.4 ? 1 : 0, p < 0.5 ? 1 : 0, p < 0.3 ? 1 : 0, 1, p < 0.2 ? 1 : 0, p < 0.6 ? 1 : 0, p < 0.1 ? 1 : 0, 0],
};

/** How often each check-up was taken over the 18 months, in days. */
const EVERY: Record<string, number> = { 'ecr-rs': 75, 'csi-4': 90, 'trust-pulse': 45, 'trust-signs': 120 };

async function checkUps({ agent, now, months }: DemoContext): Promise<void> {
  const span = months * 30.4 * DAY;
  const start = now.getTime() - span;
  for (const [instrument, answers] of Object.entries(DEMO_ANSWERS)) {
    for (let t = start + 3 * DAY; t < now.getTime() - DAY; t += EVERY[instrument]! * DAY) {
      const res = await agent.post('/api/v1/assessments', { instrument, responses: answers((t - start) / span), takenAt: new Date(t).toISOString() });
      if (res.statusCode !== 201) throw new Error(`check-up ${instrument} failed with ${res.statusCode}: ${res.body.slice(0, 300)}`);
    }
  }
}

export const DEMO_EXTRAS: NonNullable<DemoOptions['extras']> = [checkUps, demoCouple];
