import { cycleMapSchema, cycleSavedSchema, entryShareStateSchema, sharedWithMeSchema, type CycleSideWrite } from '../../core/schemas/cycle';
import { api } from './api';

/** The cycle map and journal-sharing API: typed calls. */
export function getCycleMap(signal?: AbortSignal) {
  return api('/api/v1/cycle', { schema: cycleMapSchema, signal });
}

export function saveMySide(body: CycleSideWrite) {
  return api('/api/v1/cycle/mine', { method: 'PUT', body, schema: cycleSavedSchema });
}

const shareAt = (entryId: string) => `/api/v1/journal/entries/${encodeURIComponent(entryId)}/share`;

export function shareEntry(entryId: string) {
  return api(shareAt(entryId), { method: 'POST', schema: entryShareStateSchema });
}

export function stopSharingEntry(entryId: string) {
  return api(shareAt(entryId), { method: 'DELETE', schema: entryShareStateSchema });
}

export function listSharedWithMe(signal?: AbortSignal) {
  return api('/api/v1/shared-with-me', { schema: sharedWithMeSchema, signal });
}
