/**
 * Coach figures (npm run eval:coach): precision and recall of "needs rework" (any finding), recall
 * per kind, crisis recall and false alarms — on the shared labelled set
 * (content/examples/coach-examples.jsonl), our development set (content/coach/dev.jsonl) and our
 * held-out set (content/coach/held-out.jsonl, never tuned on: its misses are not printed unless
 * asked with --show-held-out), plus the median time of one analysis.
 *
 *   npm run eval:coach
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../src/core/coach/index.ts';
import { measureCoach, parseExamples, type CoachFigures } from '../src/core/coach/measure.ts';
import { FINDING_KINDS } from '../src/core/coach/types.ts';

const load = (path: string) => parseExamples(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
const pct = (x: number) => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`);
const showHeldOut = process.argv.includes('--show-held-out');

function report(title: string, figures: CoachFigures, showMisses: boolean) {
  console.log(`\n${title} — ${figures.examples} examples`);
  console.log(`  needs rework: precision ${pct(figures.precision)}  recall ${pct(figures.recall)}  (TP ${figures.truePositives}, FP ${figures.falsePositives}, FN ${figures.falseNegatives})`);
  console.log(`  recall per kind: ${FINDING_KINDS.map((k) => `${k} ${pct(figures.kinds[k].recall)} (${figures.kinds[k].found}/${figures.kinds[k].labelled})`).join(', ')}`);
  console.log(`  crisis: recall ${pct(figures.crisis.recall)} (${figures.crisis.found}/${figures.crisis.labelled}), false alarms ${figures.crisis.falseAlarms}`);
  if (showMisses) for (const m of figures.misses) console.log(`    ${m.problem}: ${m.text}`);
  else if (figures.misses.length) console.log(`  (${figures.misses.length} misses not shown — held-out set)`);
}

const shared = load('content/examples/coach-examples.jsonl');
const dev = load('content/coach/dev.jsonl');
const heldOut = load('content/coach/held-out.jsonl');
report('Shared set (content/examples/coach-examples.jsonl)', measureCoach(shared), true);
report('Development set (content/coach/dev.jsonl)', measureCoach(dev), true);
report('Held-out set (content/coach/held-out.jsonl)', measureCoach(heldOut), showHeldOut);

// Median of 25 batches over every text ≤ 300 characters, after warm-up.
const texts = [...shared, ...dev, ...heldOut].map((e) => e.text).filter((t) => t.length <= 300);
for (let i = 0; i < 20; i++) for (const t of texts) analyze(t);
const batches: number[] = [];
for (let b = 0; b < 25; b++) {
  const started = performance.now();
  for (const t of texts) analyze(t);
  batches.push(((performance.now() - started) / texts.length) * 1000);
}
batches.sort((a, b) => a - b);
console.log(`\nmedian analysis time: ${batches[12]!.toFixed(1)} µs per message (${texts.length} messages ≤ 300 characters)`);
