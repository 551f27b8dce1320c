import { describe, expect, it } from 'vitest';
import { insightsQuerySchema, INSIGHTS_MAX_DAYS } from '../../core/schemas/insights';
import { insightsQuery, isRangeId, RANGES } from './insights-api';

describe('insights range picker queries', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  const params = (range: (typeof RANGES)[number]) => new URLSearchParams(insightsQuery(range, 'America/Chicago', now).slice(1));

  it('asks for the chosen span ending now, in the given zone', () => {
    expect(params('d30').get('from')).toBe('2026-11-01T12:00:00.000Z');
    expect(params('d90').get('from')).toBe('2026-09-02T12:00:00.000Z');
    expect(params('year').get('from')).toBe('2025-12-01T12:00:00.000Z');
    expect(params('d30').get('timeZone')).toBe('America/Chicago');
    expect(params('d30').has('to')).toBe(false);
  });

  it('keeps "everything" within the longest range the API accepts', () => {
    const from = Date.parse(params('all').get('from')!);
    expect((now - from) / 86_400_000).toBeLessThanOrEqual(INSIGHTS_MAX_DAYS);
    for (const range of RANGES) {
      const query = Object.fromEntries(new URLSearchParams(insightsQuery(range, 'UTC')));
      expect(insightsQuerySchema.safeParse(query).success, range).toBe(true);
    }
  });

  it('recognises only the offered spans', () => {
    expect(RANGES.every(isRangeId)).toBe(true);
    expect(isRangeId('d7')).toBe(false);
    expect(isRangeId(null)).toBe(false);
  });
});
