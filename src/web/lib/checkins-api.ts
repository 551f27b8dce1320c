import {
  checkinConsistencySchema,
  checkinListSchema,
  checkinSavedSchema,
  checkinTodaySchema,
  type CheckinConsistency,
  type CheckinCreate,
  type CheckinList,
  type CheckinSaved,
  type CheckinToday,
} from '../../core/schemas/checkins';
import { api } from './api';

export const CHECKINS_PATH = '/api/v1/checkins';

const zoneQuery = (timeZone: string) => `?${new URLSearchParams({ timeZone })}`;

export function getToday(timeZone: string, signal?: AbortSignal): Promise<CheckinToday> {
  return api(`${CHECKINS_PATH}/today${zoneQuery(timeZone)}`, { schema: checkinTodaySchema, signal });
}

export function saveCheckin(body: CheckinCreate, idempotencyKey?: string): Promise<CheckinSaved> {
  return api(CHECKINS_PATH, { body, schema: checkinSavedSchema, idempotencyKey });
}

/** A week at a time: each day is a card with both answers, so longer pages get long to scroll. */
export const HISTORY_PAGE = 7;

export function listCheckins(cursor: string | null, signal?: AbortSignal): Promise<CheckinList> {
  const query = new URLSearchParams({ limit: String(HISTORY_PAGE), ...(cursor ? { cursor } : {}) });
  return api(`${CHECKINS_PATH}?${query}`, { schema: checkinListSchema, signal });
}

export function getConsistency(timeZone: string, signal?: AbortSignal): Promise<CheckinConsistency> {
  return api(`${CHECKINS_PATH}/consistency${zoneQuery(timeZone)}`, { schema: checkinConsistencySchema, signal });
}
