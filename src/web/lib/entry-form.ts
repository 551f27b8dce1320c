import type { BodyCue, Emotion, EntryKind, Tone, Topic, Urge, WoundOrSignal } from '../../core/reflect/catalogs';
import type { Entry, EntryCreate, EntryPatch } from '../../core/schemas/reflect';
import { isoToLocalInput, localInputToIso } from './datetime';

/**
 * A journal entry as the forms hold it (what a draft stores), and the conversions to and from
 * the API's shapes. Pure, so it is unit-tested.
 *
 * Prompt answers (kind `reflection`) keep the answer in `whatHappened` — the one free-text field
 * every kind of entry has — and the prompt's id in `promptId`.
 */
export interface EntryFormValues {
  /** `datetime-local` value, read in the entry's time zone. */
  occurredLocal: string;
  whatHappened: string;
  place: string;
  people: string;
  topic: Topic | '';
  topicOther: string;
  tone: Tone | '';
  bodyCues: BodyCue[];
  bodyCuesOther: string;
  emotions: Array<{ emotion: Emotion; intensity: number }>;
  intensityBefore: number | null;
  urge: Urge | '';
  urgeOther: string;
  urgeActedOn: '' | 'yes' | 'no';
  story: string;
  evidenceFor: string;
  evidenceAgainst: string;
  woundOrSignal: WoundOrSignal | '';
  reframe: string;
  intensityAfter: number | null;
  /** Comma-separated, as typed. */
  tags: string;
  promptId: string | null;
}

export function emptyEntryValues(occurredLocal: string, promptId: string | null = null): EntryFormValues {
  return {
    occurredLocal,
    whatHappened: '',
    place: '',
    people: '',
    topic: '',
    topicOther: '',
    tone: '',
    bodyCues: [],
    bodyCuesOther: '',
    emotions: [],
    intensityBefore: null,
    urge: '',
    urgeOther: '',
    urgeActedOn: '',
    story: '',
    evidenceFor: '',
    evidenceAgainst: '',
    woundOrSignal: '',
    reframe: '',
    intensityAfter: null,
    tags: '',
    promptId,
  };
}

/** A saved entry → form values, with its time shown in `timeZone`. */
export function entryToValues(entry: Entry, timeZone: string): EntryFormValues {
  return {
    occurredLocal: isoToLocalInput(entry.occurredAt, timeZone),
    whatHappened: entry.whatHappened,
    place: entry.place,
    people: entry.people,
    topic: entry.topic ?? '',
    topicOther: entry.topicOther,
    tone: entry.tone ?? '',
    bodyCues: [...entry.bodyCues],
    bodyCuesOther: entry.bodyCuesOther,
    emotions: entry.emotions.map((e) => ({ ...e })),
    intensityBefore: entry.intensityBefore,
    urge: entry.urge ?? '',
    urgeOther: entry.urgeOther,
    urgeActedOn: entry.urgeActedOn === null ? '' : entry.urgeActedOn ? 'yes' : 'no',
    story: entry.story,
    evidenceFor: entry.evidenceFor,
    evidenceAgainst: entry.evidenceAgainst,
    woundOrSignal: entry.woundOrSignal ?? '',
    reframe: entry.reframe,
    intensityAfter: entry.intensityAfter,
    tags: entry.tags.join(', '),
    promptId: entry.promptId,
  };
}

/** "work, Weekend , , work" → ["work", "Weekend"] (trimmed, blanks and repeats dropped). */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

type EntryFields = Omit<EntryPatch, 'kind'>;

/**
 * Every field of the form in the API's shape (empty text stays ''). `occurredAt` is missing when
 * the date and time can't be read; validation then names the field.
 */
export function valuesToFields(values: EntryFormValues, timeZone: string): EntryFields {
  const occurredAt = localInputToIso(values.occurredLocal, timeZone);
  return {
    ...(occurredAt ? { occurredAt } : {}),
    timeZone,
    whatHappened: values.whatHappened,
    place: values.place.trim(),
    people: values.people.trim(),
    topic: values.topic || null,
    topicOther: values.topic === 'other' ? values.topicOther.trim() : '',
    tone: values.tone || null,
    bodyCues: [...values.bodyCues],
    bodyCuesOther: values.bodyCuesOther.trim(),
    emotions: values.emotions.map((e) => ({ emotion: e.emotion, intensity: e.intensity })),
    intensityBefore: values.intensityBefore,
    urge: values.urge || null,
    urgeOther: values.urge === 'other' ? values.urgeOther.trim() : '',
    urgeActedOn: values.urgeActedOn === '' ? null : values.urgeActedOn === 'yes',
    story: values.story,
    evidenceFor: values.evidenceFor,
    evidenceAgainst: values.evidenceAgainst,
    woundOrSignal: values.woundOrSignal || null,
    reframe: values.reframe,
    intensityAfter: values.intensityAfter,
    tags: parseTags(values.tags),
    promptId: values.promptId,
  };
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * The body for `POST /api/v1/journal/entries`: only what was filled in, plus kind, time and zone.
 * (`occurredAt` may be missing if unreadable — the caller validates with `entryCreateSchema`.)
 */
export function createBody(values: EntryFormValues, kind: EntryKind, timeZone: string): Partial<EntryCreate> & { kind: EntryKind } {
  const fields = valuesToFields(values, timeZone);
  const body: Record<string, unknown> = { kind };
  for (const [key, value] of Object.entries(fields)) if (!isBlank(value)) body[key] = value;
  return body as Partial<EntryCreate> & { kind: EntryKind };
}

/**
 * The body for `PATCH /api/v1/journal/entries/:id`: only the fields that differ from `initial`.
 * The time is sent only if the person changed it (so seconds are never lost to rounding).
 */
export function patchBody(initial: EntryFormValues, values: EntryFormValues, timeZone: string): EntryPatch {
  const before = valuesToFields(initial, timeZone) as Record<string, unknown>;
  const after = valuesToFields(values, timeZone) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === 'timeZone' || key === 'occurredAt') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key];
  }
  if (values.occurredLocal !== initial.occurredLocal) {
    patch.occurredAt = after.occurredAt ?? values.occurredLocal;
    patch.timeZone = timeZone;
  }
  return patch as EntryPatch;
}

/** Every free text of an entry body, for crisis screening on this device. */
export function entryTexts(body: Partial<EntryCreate>): string[] {
  return [
    body.whatHappened,
    body.place,
    body.people,
    body.topicOther,
    body.bodyCuesOther,
    body.urgeOther,
    body.story,
    body.evidenceFor,
    body.evidenceAgainst,
    body.reframe,
    ...(body.tags ?? []),
  ].filter((text): text is string => typeof text === 'string' && text.length > 0);
}

/** The first words of an entry, for lists: at most `max` characters, cut at a word. */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.5 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Zod issue paths → the form's field names: `emotions.0.intensity` stays as is (each slider has
 * that name); `tags.3` → `tags`; anything unknown → its first part.
 */
export function issuePathsToFields(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, fieldNames: ReadonlySet<string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of issues) {
    const parts = issue.path.map(String);
    let name = parts[0] ?? '';
    for (let n = parts.length; n > 0; n--) {
      const candidate = parts.slice(0, n).join('.');
      if (fieldNames.has(candidate)) {
        name = candidate;
        break;
      }
    }
    if (name && !(name in result)) result[name] = issue.message;
  }
  return result;
}
