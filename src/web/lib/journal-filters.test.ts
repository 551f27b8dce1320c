import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  EMPTY_FILTERS,
  filterProblems,
  filtersFromSearchParams,
  filtersToSearchParams,
  journalListQuery,
  parseIntensity,
  type JournalFilters,
} from './journal-filters';

const tz = 'America/Chicago';

describe('journalListQuery', () => {
  it('is empty when nothing is set', () => {
    expect(journalListQuery(EMPTY_FILTERS, { timeZone: tz })).toBe('');
  });

  it('turns days into instants in the person’s time zone, inclusive of the last day', () => {
    const query = new URLSearchParams(journalListQuery({ ...EMPTY_FILTERS, from: '2026-11-01', to: '2026-11-30' }, { timeZone: tz }));
    // 1 November is still daylight time in Chicago (UTC−5); 30 November is standard (UTC−6).
    expect(query.get('from')).toBe('2026-11-01T05:00:00.000Z');
    expect(query.get('to')).toBe('2026-12-01T05:59:59.999Z');
  });

  it('passes every filter in the API’s own words', () => {
    const filters: JournalFilters = {
      q: '  late   again ',
      from: '',
      to: '',
      topic: 'phone_social_media',
      tag: ' weekend ',
      kind: 'quick_capture',
      minIntensity: '40',
      maxIntensity: '100',
      urgeActedOn: 'no',
    };
    const query = journalListQuery(filters, { timeZone: tz, cursor: 'abc', limit: 20 });
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      topic: 'phone_social_media',
      tag: 'weekend',
      kind: 'quick_capture',
      minIntensity: '40',
      maxIntensity: '100',
      urgeActedOn: 'false',
      q: 'late again',
      cursor: 'abc',
      limit: '20',
    });
    expect(new URLSearchParams(journalListQuery({ ...EMPTY_FILTERS, urgeActedOn: 'yes' }, { timeZone: tz })).get('urgeActedOn')).toBe('true');
  });

  it('leaves out intensities that are not whole numbers from 0 to 100', () => {
    const query = journalListQuery({ ...EMPTY_FILTERS, minIntensity: '-3', maxIntensity: '101' }, { timeZone: tz });
    expect(query).toBe('');
    expect(journalListQuery({ ...EMPTY_FILTERS, minIntensity: '0' }, { timeZone: tz })).toBe('?minIntensity=0');
  });
});

describe('filters in the page address', () => {
  it('round-trips through the address with short names', () => {
    const filters: JournalFilters = { ...EMPTY_FILTERS, q: 'text', from: '2026-11-01', topic: 'money', minIntensity: '5', urgeActedOn: 'yes' };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe('q=text&from=2026-11-01&topic=money&min=5&acted=yes');
    expect(filtersFromSearchParams(params)).toEqual(filters);
  });

  it('ignores anything invalid in the address', () => {
    const params = new URLSearchParams('from=2026-02-30&to=yesterday&topic=nonsense&kind=diary&min=abc&max=500&acted=maybe&tag=' + 'x'.repeat(80));
    expect(filtersFromSearchParams(params)).toEqual({ ...EMPTY_FILTERS, tag: 'x'.repeat(40) });
  });

  it('counts the filters that are set, not the search words', () => {
    expect(activeFilterCount(EMPTY_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...EMPTY_FILTERS, q: 'words', topic: 'work', maxIntensity: '20' })).toBe(2);
  });
});

describe('filterProblems', () => {
  it('explains what to fix', () => {
    expect(filterProblems(EMPTY_FILTERS)).toEqual({});
    expect(filterProblems({ ...EMPTY_FILTERS, minIntensity: '7.5' })).toEqual({ minIntensity: 'intensity' });
    expect(filterProblems({ ...EMPTY_FILTERS, minIntensity: '80', maxIntensity: '20' })).toEqual({ maxIntensity: 'intensityOrder' });
    expect(filterProblems({ ...EMPTY_FILTERS, from: '2026-11-05', to: '2026-11-01' })).toEqual({ to: 'dateOrder' });
  });

  it('parses intensities strictly', () => {
    expect(['0', '100', ' 42 ', '101', '-1', '4.5', '', '1e2'].map(parseIntensity)).toEqual([0, 100, 42, undefined, undefined, undefined, undefined, undefined]);
  });
});
