/**
 * mulberry32: a tiny, fast, seeded pseudo-random generator — for generated histories in tests,
 * benchmarks and the demo, which must be the same on every run. Not for anything secret.
 *
 * @example const random = seededRandom(42); random() // a number in [0, 1), the same every time
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
