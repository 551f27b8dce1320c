/**
 * Figures for the coach over a labelled set (lines shaped like content/examples/coach-examples.jsonl):
 * precision and recall of "needs rework" (any finding), recall per kind, crisis recall and false
 * alarms. Used by scripts/coach-eval.ts (npm run eval:coach) and by the regression unit test.
 */
import { analyze } from './index.ts';
import { FINDING_KINDS, type CoachContext, type CoachCrisis, type FindingKind } from './types.ts';

export interface CoachExample {
  text: string;
  context: CoachContext;
  flag: boolean;
  kinds: FindingKind[];
  crisis: CoachCrisis;
}

export interface CoachFigures {
  examples: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Per kind: how many labelled examples of that kind, and how many of them the coach found it in. */
  kinds: Record<FindingKind, { labelled: number; found: number; recall: number }>;
  crisis: { labelled: number; found: number; recall: number; falseAlarms: number };
  /** Texts the coach got wrong, for the eval printout (development set only — never tune on held-out). */
  misses: { text: string; problem: string }[];
}

export function parseExamples(jsonl: string): CoachExample[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CoachExample);
}

export function measureCoach(examples: readonly CoachExample[]): CoachFigures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const kinds = Object.fromEntries(FINDING_KINDS.map((k) => [k, { labelled: 0, found: 0, recall: NaN }])) as CoachFigures['kinds'];
  const crisis = { labelled: 0, found: 0, recall: NaN, falseAlarms: 0 };
  const misses: CoachFigures['misses'] = [];
  for (const ex of examples) {
    const result = analyze(ex.text, ex.context);
    const got = new Set(result.findings.map((f) => f.kind));
    const flagged = got.size > 0;
    if (flagged && ex.flag) tp++;
    else if (flagged && !ex.flag) {
      fp++;
      misses.push({ text: ex.text, problem: `flagged (${[...got].join(', ')}) but fine as written` });
    } else if (!flagged && ex.flag) {
      fn++;
      misses.push({ text: ex.text, problem: `missed (${ex.kinds.join(', ')})` });
    }
    for (const k of ex.kinds) {
      kinds[k].labelled++;
      if (got.has(k)) kinds[k].found++;
      else if (flagged) misses.push({ text: ex.text, problem: `kind ${k} not found (found ${[...got].join(', ')})` });
    }
    if (ex.crisis) {
      crisis.labelled++;
      if (result.crisis) crisis.found++;
      else misses.push({ text: ex.text, problem: `crisis (${ex.crisis}) missed` });
    } else if (result.crisis) {
      crisis.falseAlarms++;
      misses.push({ text: ex.text, problem: `crisis false alarm (${result.crisis})` });
    }
  }
  for (const k of FINDING_KINDS) kinds[k].recall = kinds[k].labelled ? kinds[k].found / kinds[k].labelled : NaN;
  crisis.recall = crisis.labelled ? crisis.found / crisis.labelled : NaN;
  return {
    examples: examples.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp ? tp / (tp + fp) : NaN,
    recall: tp + fn ? tp / (tp + fn) : NaN,
    kinds,
    crisis,
    misses,
  };
}
