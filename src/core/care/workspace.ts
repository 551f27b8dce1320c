/**
 * The therapist workspace's sections, built from plain facts (docs/decisions/027). Pure: the
 * server reads and opens the data once the policy allowed each category, then shapes it here.
 */
import type { z } from 'zod';
import type { assessmentSeriesSchema, checkinMoodSchema, conversationSummarySchema } from '../schemas/care-sharing.ts';

type AssessmentSeries = z.infer<typeof assessmentSeriesSchema>;
type CheckinMood = z.infer<typeof checkinMoodSchema>;
type ConversationSummary = z.infer<typeof conversationSummarySchema>;

/** What the series needs to know of an instrument: its title and its subscales' ranges. */
export interface InstrumentFacts {
  id: string;
  title: string;
  subscales: ReadonlyArray<{ id: string; range: { min: number; max: number } }>;
}

/**
 * One series per instrument, in the order results were first taken, points oldest first.
 * `score` is the first subscale's; every subscale is in `scores`. Unknown instruments are skipped.
 */
export function assessmentSeries(results: ReadonlyArray<{ instrument: string; takenAt: Date; scores: Record<string, number> }>, instrumentById: (id: string) => InstrumentFacts | undefined): AssessmentSeries[] {
  const byId = new Map<string, AssessmentSeries>();
  const sorted = [...results].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  for (const r of sorted) {
    const ins = instrumentById(r.instrument);
    const first = ins?.subscales[0];
    if (!ins || !first) continue;
    const series = byId.get(ins.id) ?? { instrumentId: ins.id, title: ins.title, points: [] };
    series.points.push({ at: r.takenAt.toISOString(), score: r.scores[first.id] ?? 0, max: first.range.max, scores: { ...r.scores } });
    byId.set(ins.id, series);
  }
  return [...byId.values()];
}

/**
 * The couple's revealed check-in moods by day, oldest first: a day appears only when both
 * partners answered it (that is when a check-in is revealed). `mine`: the client's.
 */
export function revealedMoods(rows: ReadonlyArray<{ authorId: string; day: string; mood: number }>, clientUserId: string, partnerUserId: string | null): CheckinMood[] {
  const days = new Map<string, { mine: number | null; partner: number | null }>();
  for (const r of rows) {
    const d = days.get(r.day) ?? { mine: null, partner: null };
    if (r.authorId === clientUserId) d.mine = r.mood;
    else if (partnerUserId && r.authorId === partnerUserId) d.partner = r.mood;
    days.set(r.day, d);
  }
  return [...days]
    .filter(([, d]) => d.mine !== null && d.partner !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, d]) => ({ date, ...d }));
}

const KIND_TITLES: Record<string, string> = { thought_record: 'Thought record', quick_capture: 'Quick capture', reflection: 'Reflection' };
const TOPIC_WORDS: Record<string, string> = {
  communication: 'communication',
  phone_social_media: 'phones and social media',
  friends: 'friends',
  ex_partners: 'ex-partners',
  time_together: 'time together',
  money: 'money',
  family: 'family',
  work: 'work',
  intimacy: 'intimacy',
  plans_changing: 'plans changing',
  jealousy: 'jealousy',
  other: 'something else',
};

/** "Thought record · about money" — from the entry's plain fields only. */
export function entryTitle(kind: string, topic: string | null): string {
  const base = KIND_TITLES[kind] ?? 'Journal entry';
  return topic && TOPIC_WORDS[topic] ? `${base} · about ${TOPIC_WORDS[topic]}` : base;
}

const FIELD_LABELS: ReadonlyArray<[string, string]> = [
  ['whatHappened', 'What happened'],
  ['place', 'Where'],
  ['people', 'Who was there'],
  ['topicOther', 'Topic'],
  ['bodyCuesOther', 'In my body'],
  ['urgeOther', 'The urge'],
  ['story', 'The story I told myself'],
  ['evidenceFor', 'Evidence for it'],
  ['evidenceAgainst', 'Evidence against it'],
  ['reframe', 'A more balanced view'],
];

/** The entry's written parts, each under its label, empty parts left out. */
export function entryText(content: Record<string, unknown>): string {
  return FIELD_LABELS.flatMap(([field, label]) => {
    const v = content[field];
    return typeof v === 'string' && v.trim() ? [`${label}: ${v.trim()}`] : [];
  }).join('\n\n');
}

/** A finished conversation described by its shape only: rounds, length, and how it ended. */
export function conversationSummary(c: { id: string; createdAt: Date; endedAt: Date | null; turnsStartedAt: Date | null; rounds: number; outcomeKind: string | null }): ConversationSummary {
  const outcome = c.outcomeKind === 'agreement' || c.outcomeKind === 'commitment' || c.outcomeKind === 'none' ? c.outcomeKind : null;
  const minutes = c.endedAt && c.turnsStartedAt ? Math.max(0, Math.round((c.endedAt.getTime() - c.turnsStartedAt.getTime()) / 60_000)) : null;
  const topic = outcome === 'agreement' ? 'Ended with an agreement' : outcome === 'commitment' ? 'Ended with a commitment' : 'Talked it through';
  const rounds = `${c.rounds} ${c.rounds === 1 ? 'round' : 'rounds'} of speaking and listening`;
  const length = minutes === null ? '' : ` over about ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const end = outcome === 'agreement' ? '; they wrote an agreement together' : outcome === 'commitment' ? '; one of them made a commitment' : '';
  return { id: c.id, at: (c.endedAt ?? c.createdAt).toISOString(), topic, summary: `${rounds}${length}${end}.`, rounds: c.rounds, minutes, outcome };
}
