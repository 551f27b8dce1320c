import { INSIGHTS_MAX_DAYS } from '../../core/schemas/insights';
import { insightsSchema, type InsightsResponse } from '../../core/schemas/insights';
import { api } from './api';

export const INSIGHTS_PATH = '/api/v1/insights';

/** The time spans the page offers; "all" is the longest one request may cover. */
export const RANGES = ['d30', 'd90', 'year', 'all'] as const;
export type RangeId = (typeof RANGES)[number];
const RANGE_DAYS: Record<RangeId, number> = { d30: 30, d90: 90, year: 365, all: INSIGHTS_MAX_DAYS - 1 };

export const isRangeId = (v: string | null): v is RangeId => v !== null && (RANGES as readonly string[]).includes(v);

/** The query for a time span ending now, read in `timeZone`. */
export function insightsQuery(range: RangeId, timeZone: string, now = Date.now()): string {
  const from = new Date(now - RANGE_DAYS[range] * 86_400_000).toISOString();
  return `?${new URLSearchParams({ from, timeZone })}`;
}

export function getInsights(range: RangeId, timeZone: string, signal?: AbortSignal): Promise<InsightsResponse> {
  return api(`${INSIGHTS_PATH}${insightsQuery(range, timeZone)}`, { schema: insightsSchema, signal });
}
