import { describe, expect, it } from 'vitest';
import { assessmentSeries, conversationSummary, entryText, entryTitle, revealedMoods, type InstrumentFacts } from './workspace.ts';

const csi: InstrumentFacts = { id: 'csi-4', title: 'Relationship satisfaction', subscales: [{ id: 'total', range: { min: 0, max: 21 } }] };
const ecr: InstrumentFacts = {
  id: 'ecr-rs',
  title: 'Attachment',
  subscales: [
    { id: 'anxiety', range: { min: 1, max: 7 } },
    { id: 'avoidance', range: { min: 1, max: 7 } },
  ],
};
const lookup = (id: string) => [csi, ecr].find((i) => i.id === id);
const at = (d: string) => new Date(`${d}T12:00:00Z`);

describe('assessment series', () => {
  it('groups by instrument, oldest first, scoring the first subscale and keeping every subscale', () => {
    const series = assessmentSeries(
      [
        { instrument: 'ecr-rs', takenAt: at('2027-01-03'), scores: { anxiety: 4.5, avoidance: 2 } },
        { instrument: 'csi-4', takenAt: at('2027-01-02'), scores: { total: 15 } },
        { instrument: 'csi-4', takenAt: at('2027-01-01'), scores: { total: 12 } },
        { instrument: 'retired-instrument', takenAt: at('2027-01-01'), scores: { x: 1 } },
      ],
      lookup,
    );
    expect(series).toEqual([
      {
        instrumentId: 'csi-4',
        title: 'Relationship satisfaction',
        points: [
          { at: at('2027-01-01').toISOString(), score: 12, max: 21, scores: { total: 12 } },
          { at: at('2027-01-02').toISOString(), score: 15, max: 21, scores: { total: 15 } },
        ],
      },
      { instrumentId: 'ecr-rs', title: 'Attachment', points: [{ at: at('2027-01-03').toISOString(), score: 4.5, max: 7, scores: { anxiety: 4.5, avoidance: 2 } }] },
    ]);
    expect(assessmentSeries([], lookup)).toEqual([]);
  });
});

describe('revealed moods', () => {
  it('keeps only days both partners answered, oldest first, from the client’s side', () => {
    const rows = [
      { authorId: 'b', day: '2027-01-02', mood: 2 },
      { authorId: 'a', day: '2027-01-02', mood: 5 },
      { authorId: 'a', day: '2027-01-01', mood: 3 },
      { authorId: 'a', day: '2027-01-03', mood: 4 },
      { authorId: 'b', day: '2027-01-01', mood: 1 },
      { authorId: 'someone-else', day: '2027-01-03', mood: 1 },
    ];
    expect(revealedMoods(rows, 'a', 'b')).toEqual([
      { date: '2027-01-01', mine: 3, partner: 1 },
      { date: '2027-01-02', mine: 5, partner: 2 },
    ]);
    expect(revealedMoods(rows, 'b', 'a')[0]).toEqual({ date: '2027-01-01', mine: 1, partner: 3 });
    expect(revealedMoods(rows, 'a', null)).toEqual([]);
  });
});

describe('therapy entries', () => {
  it('titles an entry from its kind and topic only', () => {
    expect(entryTitle('thought_record', 'phone_social_media')).toBe('Thought record · about phones and social media');
    expect(entryTitle('reflection', null)).toBe('Reflection');
    expect(entryTitle('something-new', 'not-a-topic')).toBe('Journal entry');
  });
  it('labels each written part and leaves out empty ones and tags', () => {
    expect(entryText({ whatHappened: ' Late again ', story: '', reframe: 'Traffic happens', tags: ['secret-tag'] })).toBe('What happened: Late again\n\nA more balanced view: Traffic happens');
    expect(entryText({})).toBe('');
  });
});

describe('conversation summaries', () => {
  const base = { id: '0190f3b0-0000-7000-8000-000000000001', createdAt: at('2027-01-01'), rounds: 2 };
  it('describes rounds, length and outcome, never the words', () => {
    const s = conversationSummary({ ...base, turnsStartedAt: new Date('2027-01-01T12:00:00Z'), endedAt: new Date('2027-01-01T12:25:00Z'), outcomeKind: 'commitment' });
    expect(s).toEqual({
      id: base.id,
      at: '2027-01-01T12:25:00.000Z',
      topic: 'Ended with a commitment',
      summary: '2 rounds of speaking and listening over about 25 minutes; one of them made a commitment.',
      rounds: 2,
      minutes: 25,
      outcome: 'commitment',
    });
  });
  it('copes with a conversation left before the turns began', () => {
    const s = conversationSummary({ ...base, rounds: 1, turnsStartedAt: null, endedAt: null, outcomeKind: null });
    expect(s).toMatchObject({ at: base.createdAt.toISOString(), minutes: null, outcome: null, topic: 'Talked it through', summary: '1 round of speaking and listening.' });
    expect(conversationSummary({ ...base, turnsStartedAt: at('2027-01-01'), endedAt: new Date(at('2027-01-01').getTime() + 60_000), outcomeKind: 'agreement' }).summary).toBe(
      '2 rounds of speaking and listening over about 1 minute; they wrote an agreement together.',
    );
  });
});
