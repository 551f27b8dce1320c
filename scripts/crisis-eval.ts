/**
 * Crisis screening figures: per category, true positives, false negatives, false positives,
 * precision and recall — over the labelled coach examples and over our own case phrases — and how
 * long one 2,000-character text takes to screen.
 *
 *   npx tsx scripts/crisis-eval.ts
 */
import { readFileSync } from 'node:fs';
import { CATEGORIES, CRISIS_CASES, EVERYDAY_PHRASES, exampleAsCase, KNOWN_LIMITS, measureScreening, type CoachExample, type CrisisCase } from '../src/core/safety/crisis-cases.ts';
import { screenText } from '../src/core/safety/crisis-screening.ts';

const examplesFile = new URL('../content/examples/coach-examples.jsonl', import.meta.url);
const examples = readFileSync(examplesFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => exampleAsCase(JSON.parse(line) as CoachExample));

const LABEL = { selfHarm: 'self-harm', partnerDanger: 'partner danger' } as const;
const pct = (x: number) => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`);

function table(title: string, cases: readonly CrisisCase[]) {
  const figures = measureScreening(cases);
  console.log(`\n${title} (${cases.length} texts)`);
  console.log(`  ${'category'.padEnd(16)} ${'TP'.padStart(4)} ${'FN'.padStart(4)} ${'FP'.padStart(4)} ${'TN'.padStart(4)} ${'precision'.padStart(10)} ${'recall'.padStart(8)}`);
  for (const c of CATEGORIES) {
    const f = figures[c];
    console.log(
      `  ${LABEL[c].padEnd(16)} ${String(f.truePositives).padStart(4)} ${String(f.falseNegatives).padStart(4)} ${String(f.falsePositives).padStart(4)} ${String(f.trueNegatives).padStart(4)} ${pct(f.precision).padStart(10)} ${pct(f.recall).padStart(8)}`,
    );
  }
  for (const c of cases) {
    const got = screenText(c.text);
    for (const k of CATEGORIES) if (got[k] !== c[k]) console.log(`    ${got[k] ? 'false positive' : 'missed'} (${LABEL[k]}): ${c.text}`);
  }
}

table('Labelled coach examples — content/examples/coach-examples.jsonl', examples);
table('Our own cases — src/core/safety/crisis-cases.ts', CRISIS_CASES);
table('Known limits — KNOWN_LIMITS in crisis-cases.ts (labelled with the true answer)', KNOWN_LIMITS);

// Timing, warmed up first: 2,000 characters of our idiom-heavy everyday phrases (close to a worst
// case: most rules wake up), and of the ordinary coach examples (closer to a real journal entry).
function fill(sentences: readonly string[]): string {
  let text = '';
  for (let i = 0; text.length < 2000; i = (i + 7) % sentences.length) text += `${sentences[i]} `;
  return text.slice(0, 2000);
}
/** Median over 25 batches of 400 runs, after warm-up: steadier than one mean on a busy machine. */
function microseconds(text: string): string {
  for (let i = 0; i < 2000; i++) screenText(text);
  const batches: number[] = [];
  for (let b = 0; b < 25; b++) {
    const started = performance.now();
    for (let i = 0; i < 400; i++) screenText(text);
    batches.push(((performance.now() - started) / 400) * 1000);
  }
  batches.sort((x, y) => x - y);
  return batches[12]!.toFixed(1);
}
const ordinary = examples.filter((c) => !c.selfHarm && !c.partnerDanger).map((c) => c.text);
console.log('\nSpeed per 2,000-character text (median of 25 batches of 400, after warm-up):');
console.log(`  idiom-heavy everyday phrases: ${microseconds(fill(EVERYDAY_PHRASES))} µs`);
console.log(`  ordinary coach messages:      ${microseconds(fill(ordinary))} µs`);
