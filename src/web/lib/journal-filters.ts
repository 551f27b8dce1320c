import { ENTRY_KINDS, TOPICS, type EntryKind, type Topic } from '../../core/reflect/catalogs';
import { endOfDayIso, isDay, startOfDayIso } from './datetime';

/**
 * The journal list's filters, as the form holds them (strings; '' means "any"). They live in the
 * page's address (`?topic=work&from=2026-11-01`) so they survive opening an entry and coming
 * back, and become the API's query: days → instants in the person's time zone, yes/no → booleans.
 */
export interface JournalFilters {
  q: string;
  /** First and last day, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  topic: Topic | '';
  tag: string;
  kind: EntryKind | '';
  /** Whole numbers 0–100 as typed. */
  minIntensity: string;
  maxIntensity: string;
  urgeActedOn: '' | 'yes' | 'no';
}

export const EMPTY_FILTERS: JournalFilters = {
  q: '',
  from: '',
  to: '',
  topic: '',
  tag: '',
  kind: '',
  minIntensity: '',
  maxIntensity: '',
  urgeActedOn: '',
};

/** Names in the page address (short, readable). */
const URL_NAMES: Record<keyof JournalFilters, string> = {
  q: 'q',
  from: 'from',
  to: 'to',
  topic: 'topic',
  tag: 'tag',
  kind: 'kind',
  minIntensity: 'min',
  maxIntensity: 'max',
  urgeActedOn: 'acted',
};

/** "0"…"100" (whole numbers only) → the number; anything else → undefined. */
export function parseIntensity(value: string): number | undefined {
  const trimmed = value.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return n <= 100 ? n : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : '';
}

/** Read filters from the page address, ignoring anything that isn't valid. */
export function filtersFromSearchParams(params: URLSearchParams): JournalFilters {
  const get = (key: keyof JournalFilters) => params.get(URL_NAMES[key]);
  const day = (value: string | null) => (value && isDay(value) ? value : '');
  const intensity = (value: string | null) => {
    const n = value === null ? undefined : parseIntensity(value);
    return n === undefined ? '' : String(n);
  };
  const text = (value: string | null, max: number) => (value ?? '').trim().slice(0, max);
  return {
    q: text(get('q'), 200),
    from: day(get('from')),
    to: day(get('to')),
    topic: oneOf(TOPICS, get('topic')),
    tag: text(get('tag'), 40),
    kind: oneOf(ENTRY_KINDS, get('kind')),
    minIntensity: intensity(get('minIntensity')),
    maxIntensity: intensity(get('maxIntensity')),
    urgeActedOn: oneOf(['yes', 'no'] as const, get('urgeActedOn')),
  };
}

/** Filters → the page address's query (only what is set). */
export function filtersToSearchParams(filters: JournalFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(URL_NAMES) as Array<keyof JournalFilters>) {
    const value = filters[key].trim();
    if (value) params.set(URL_NAMES[key], value);
  }
  return params;
}

/** How many filters are set (the search words not counted). */
export function activeFilterCount(filters: JournalFilters): number {
  return (Object.keys(filters) as Array<keyof JournalFilters>).filter((key) => key !== 'q' && filters[key].trim() !== '').length;
}

/**
 * Filters → `GET /api/v1/journal/entries` query string (with the leading "?", or "" when empty).
 *
 * @example journalListQuery({ ...EMPTY_FILTERS, from: '2026-11-01', urgeActedOn: 'no' }, { timeZone: 'America/Chicago' })
 *          // "?from=2026-11-01T05%3A00%3A00.000Z&urgeActedOn=false"
 */
export function journalListQuery(
  filters: JournalFilters,
  { timeZone, cursor, limit }: { timeZone: string; cursor?: string | null; limit?: number },
): string {
  const params = new URLSearchParams();
  const from = filters.from ? startOfDayIso(filters.from, timeZone) : undefined;
  const to = filters.to ? endOfDayIso(filters.to, timeZone) : undefined;
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (filters.topic) params.set('topic', filters.topic);
  const tag = filters.tag.trim();
  if (tag) params.set('tag', tag);
  if (filters.kind) params.set('kind', filters.kind);
  const min = parseIntensity(filters.minIntensity);
  const max = parseIntensity(filters.maxIntensity);
  if (min !== undefined) params.set('minIntensity', String(min));
  if (max !== undefined) params.set('maxIntensity', String(max));
  if (filters.urgeActedOn) params.set('urgeActedOn', filters.urgeActedOn === 'yes' ? 'true' : 'false');
  const q = filters.q.trim().replace(/\s+/g, ' ');
  if (q) params.set('q', q.slice(0, 200));
  if (cursor) params.set('cursor', cursor);
  if (limit !== undefined) params.set('limit', String(limit));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Problems a person can fix before searching: messages by field name (catalog keys chosen by the caller). */
export function filterProblems(filters: JournalFilters): Partial<Record<'minIntensity' | 'maxIntensity' | 'to', 'intensity' | 'intensityOrder' | 'dateOrder'>> {
  const problems: Partial<Record<'minIntensity' | 'maxIntensity' | 'to', 'intensity' | 'intensityOrder' | 'dateOrder'>> = {};
  const min = parseIntensity(filters.minIntensity);
  const max = parseIntensity(filters.maxIntensity);
  if (filters.minIntensity.trim() && min === undefined) problems.minIntensity = 'intensity';
  if (filters.maxIntensity.trim() && max === undefined) problems.maxIntensity = 'intensity';
  if (min !== undefined && max !== undefined && min > max) problems.maxIntensity = 'intensityOrder';
  if (filters.from && filters.to && filters.from > filters.to) problems.to = 'dateOrder';
  return problems;
}
