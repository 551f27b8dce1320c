import { describe, expect, it } from 'vitest';
import { entryCreateSchema, type Entry } from '../../core/schemas/reflect';
import { createBody, emptyEntryValues, entryTexts, entryToValues, excerpt, issuePathsToFields, parseTags, patchBody } from './entry-form';

const tz = 'America/New_York';

const saved: Entry = {
  id: '0193b1c2-0000-7000-8000-000000000001',
  kind: 'quick_capture',
  complete: false,
  occurredAt: '2026-07-01T16:30:12.000Z',
  timeZone: tz,
  whatHappened: 'They were late and didn’t text.',
  place: '',
  people: '',
  topic: null,
  topicOther: '',
  tone: null,
  bodyCues: ['racing_heart'],
  bodyCuesOther: '',
  emotions: [],
  intensityBefore: 70,
  urge: null,
  urgeOther: '',
  urgeActedOn: null,
  story: '',
  evidenceFor: '',
  evidenceAgainst: '',
  woundOrSignal: null,
  reframe: '',
  intensityAfter: null,
  tags: ['evening'],
  promptId: null,
  createdAt: '2026-07-01T16:31:00.000Z',
  updatedAt: '2026-07-01T16:31:00.000Z',
};

describe('createBody', () => {
  it('sends a quick capture with only what was filled in', () => {
    const values = { ...emptyEntryValues('2026-07-01T12:30'), whatHappened: 'Late again.', intensityBefore: 60, bodyCues: ['tight_chest' as const] };
    const body = createBody(values, 'quick_capture', tz);
    expect(body).toEqual({
      kind: 'quick_capture',
      occurredAt: '2026-07-01T16:30:00.000Z',
      timeZone: tz,
      whatHappened: 'Late again.',
      bodyCues: ['tight_chest'],
      intensityBefore: 60,
    });
    expect(entryCreateSchema.safeParse(body).success).toBe(true);
  });

  it('sends a full thought record the API accepts', () => {
    const values = {
      ...emptyEntryValues('2026-07-01T21:05'),
      whatHappened: 'Dinner plans changed at the last minute.',
      place: ' home ',
      people: 'my partner',
      topic: 'plans_changing' as const,
      topicOther: 'ignored unless "other"',
      tone: 'tense' as const,
      bodyCues: ['stomach_knot' as const, 'hot_face' as const],
      emotions: [{ emotion: 'anxious' as const, intensity: 80 }, { emotion: 'hurt' as const, intensity: 40 }],
      intensityBefore: 80,
      urge: 'other' as const,
      urgeOther: 'write a long message',
      urgeActedOn: 'no' as const,
      story: 'I’m not a priority.',
      evidenceFor: 'It happened last week too.',
      evidenceAgainst: 'They called as soon as they knew.',
      woundOrSignal: 'old_wound' as const,
      reframe: 'Plans changed; that is not the same as not caring.',
      intensityAfter: 30,
      tags: 'weekend, plans, Weekend',
    };
    const body = createBody(values, 'thought_record', tz);
    expect(body).toMatchObject({ place: 'home', urgeOther: 'write a long message', urgeActedOn: false, tags: ['weekend', 'plans'] });
    expect('topicOther' in body).toBe(false);
    expect(entryCreateSchema.safeParse(body).success).toBe(true);
  });

  it('keeps a prompt answer’s prompt id and text', () => {
    const body = createBody({ ...emptyEntryValues('2026-07-01T08:00', 'fear-1'), whatHappened: 'An answer.' }, 'reflection', tz);
    expect(body).toMatchObject({ kind: 'reflection', promptId: 'fear-1', whatHappened: 'An answer.' });
  });

  it('leaves out an unreadable time, so validation can name the field', () => {
    const body = createBody(emptyEntryValues(''), 'quick_capture', tz);
    expect('occurredAt' in body).toBe(false);
    const parsed = entryCreateSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['occurredAt']);
  });
});

describe('entryToValues and patchBody', () => {
  it('shows a saved entry in the form, in its time zone', () => {
    const values = entryToValues(saved, tz);
    expect(values).toMatchObject({ occurredLocal: '2026-07-01T12:30', tags: 'evening', urgeActedOn: '', topic: '' });
  });

  it('sends nothing when nothing changed (and never loses the seconds of the time)', () => {
    const initial = entryToValues(saved, tz);
    expect(patchBody(initial, { ...initial }, tz)).toEqual({});
  });

  it('sends only the fields that changed', () => {
    const initial = entryToValues(saved, tz);
    const next = { ...initial, story: 'They forgot me.', reframe: 'Traffic happens.', tags: 'evening, traffic', urgeActedOn: 'yes' as const };
    expect(patchBody(initial, next, tz)).toEqual({ story: 'They forgot me.', reframe: 'Traffic happens.', tags: ['evening', 'traffic'], urgeActedOn: true });
  });

  it('sends a changed time with its zone', () => {
    const initial = entryToValues(saved, tz);
    expect(patchBody(initial, { ...initial, occurredLocal: '2026-07-01T13:00' }, tz)).toEqual({ occurredAt: '2026-07-01T17:00:00.000Z', timeZone: tz });
  });

  it('clears a choice with null', () => {
    const initial = { ...entryToValues(saved, tz), topic: 'work' as const };
    expect(patchBody(initial, { ...initial, topic: '' }, tz)).toEqual({ topic: null });
  });
});

describe('helpers', () => {
  it('parses tags', () => {
    expect(parseTags(' a ,b,, A ,  c  d ')).toEqual(['a', 'b', 'c d']);
    expect(parseTags('')).toEqual([]);
  });

  it('collects every free text for screening', () => {
    expect(entryTexts({ whatHappened: 'a', story: 'b', tags: ['c'], place: '' })).toEqual(['a', 'b', 'c']);
  });

  it('cuts excerpts at a word', () => {
    expect(excerpt('short')).toBe('short');
    expect(excerpt('one two three four five', 12)).toBe('one two…');
    expect(excerpt('  spaced\n\nout  ')).toBe('spaced out');
  });

  it('maps issue paths to form fields', () => {
    const names = new Set(['whatHappened', 'emotions.0.intensity', 'tags']);
    expect(
      issuePathsToFields(
        [
          { path: ['emotions', 0, 'intensity'], message: 'A' },
          { path: ['tags', 3], message: 'B' },
          { path: ['whatHappened'], message: 'C' },
          { path: ['whatHappened'], message: 'second' },
          { path: ['unknown', 'x'], message: 'D' },
        ],
        names,
      ),
    ).toEqual({ 'emotions.0.intensity': 'A', tags: 'B', whatHappened: 'C', unknown: 'D' });
  });
});
