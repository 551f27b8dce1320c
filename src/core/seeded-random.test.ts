import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.ts';

describe('seededRandom', () => {
  it('repeats for a seed, differs between seeds, and stays in [0, 1) without repeating early', () => {
    const a = Array.from({ length: 1000 }, seededRandom(1));
    expect(Array.from({ length: 1000 }, seededRandom(1))).toEqual(a);
    expect(Array.from({ length: 1000 }, seededRandom(2))).not.toEqual(a);
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(a).size).toBe(1000);
    // Roughly uniform: each tenth of [0, 1) gets between 5 % and 15 % of the draws.
    for (let d = 0; d < 10; d++) {
      const share = a.filter((v) => v >= d / 10 && v < (d + 1) / 10).length / a.length;
      expect(share).toBeGreaterThan(0.05);
      expect(share).toBeLessThan(0.15);
    }
  });
});
