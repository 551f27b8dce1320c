/**
 * Coach benchmark (npm run bench, or `npm run bench -- coach`): the median time of one analysis
 * (src/core/coach analyze, crisis screening included) over every labelled message of up to 300
 * characters, against two baselines measured in the same run on the same texts — JSON.parse of the
 * message as a JSON string, and a plain scan with one case-insensitive regular expression of the
 * coach's trigger words. Budget: median ≤ 1 ms (1,000 µs) per message.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { analyze } from '../src/core/coach/index.ts';
import { parseExamples } from '../src/core/coach/measure.ts';

export const COACH_BUDGET_US = 1000;

export interface CoachBenchResult {
  messages: number;
  medianUs: number;
  p99Us: number;
  jsonParseMedianUs: number;
  regexScanMedianUs: number;
  ratioToJsonParse: number;
  ratioToRegexScan: number;
  withinBudget: boolean;
}

const SCAN = /\b(?:you|your|always|never|every|sorry|but|if)\b/gi;

/** Per-message time in µs for each of `rounds` passes over all texts, sorted. */
function timings(texts: readonly string[], fn: (text: string) => unknown, rounds: number): number[] {
  for (let i = 0; i < 20; i++) for (const t of texts) fn(t);
  const perMessage: number[] = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const started = performance.now();
      for (let i = 0; i < 20; i++) sink += fn(t) ? 1 : 0;
      perMessage.push(((performance.now() - started) / 20) * 1000);
    }
  }
  if (sink < 0) console.log(sink);
  return perMessage.sort((a, b) => a - b);
}
const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;

export function runCoachBench(): CoachBenchResult {
  const files = ['content/examples/coach-examples.jsonl', 'content/coach/dev.jsonl', 'content/coach/held-out.jsonl'];
  const texts = files.flatMap((f) => parseExamples(readFileSync(new URL(`../${f}`, import.meta.url), 'utf8'))).map((e) => e.text).filter((t) => t.length <= 300);
  const asJson = new Map(texts.map((t) => [t, JSON.stringify(t)]));
  console.log(`\nCoach bench — analyze() over ${texts.length} messages ≤ 300 characters, ${os.cpus().length} cores`);

  const coach = timings(texts, (t) => analyze(t), 10);
  const json = timings(texts, (t) => JSON.parse(asJson.get(t)!) as string, 10);
  const scan = timings(texts, (t) => t.match(SCAN), 10);
  const result: CoachBenchResult = {
    messages: texts.length,
    medianUs: at(coach, 0.5),
    p99Us: at(coach, 0.99),
    jsonParseMedianUs: at(json, 0.5),
    regexScanMedianUs: at(scan, 0.5),
    ratioToJsonParse: at(coach, 0.5) / at(json, 0.5),
    ratioToRegexScan: at(coach, 0.5) / at(scan, 0.5),
    withinBudget: at(coach, 0.5) <= COACH_BUDGET_US,
  };
  const us = (x: number) => `${x.toFixed(1)} µs`;
  console.log(`coach analyze                 median ${us(result.medianUs).padStart(9)}   p99 ${us(result.p99Us)}`);
  console.log(`baseline JSON.parse           median ${us(result.jsonParseMedianUs).padStart(9)}   coach = ${result.ratioToJsonParse.toFixed(0)}× JSON.parse`);
  console.log(`baseline one-regex scan       median ${us(result.regexScanMedianUs).padStart(9)}   coach = ${result.ratioToRegexScan.toFixed(0)}× the plain scan`);
  console.log(`coach budget median ≤ ${COACH_BUDGET_US} µs: ${result.withinBudget ? 'met' : 'NOT met'}`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) runCoachBench();
