import { z } from 'zod';
import type { SelfWorthKind } from '../../core/reflect/catalogs';
import {
  entryListSchema,
  entrySavedSchema,
  entrySchema,
  originsSchema,
  originsVersionSchema,
  screeningSchema,
  selfWorthSchema,
  urgeSchema,
  type Entry,
  type EntryPatch,
  type Screening,
} from '../../core/schemas/reflect';
import { api } from './api';

/** The Reflect area's API paths and typed calls. Creating goes through the outbox (lib/sync.ts). */
export const PATHS = {
  entries: '/api/v1/journal/entries',
  origins: '/api/v1/origins',
  urges: '/api/v1/urges',
  selfWorth: '/api/v1/self-worth',
} as const;

export const NO_SCREENING: Screening = { selfHarm: false, partnerDanger: false };

export function listEntries(query: string, signal?: AbortSignal) {
  return api(`${PATHS.entries}${query}`, { schema: entryListSchema, signal });
}

export function getEntry(id: string, signal?: AbortSignal): Promise<Entry> {
  return api(`${PATHS.entries}/${encodeURIComponent(id)}`, { schema: entrySchema, signal });
}

export function updateEntry(id: string, patch: EntryPatch) {
  return api(`${PATHS.entries}/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, schema: entrySavedSchema });
}

export async function deleteEntry(id: string): Promise<void> {
  await api(`${PATHS.entries}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function getOrigins(signal?: AbortSignal) {
  return api(PATHS.origins, { schema: originsSchema, signal });
}

export function getOriginsVersion(id: string, signal?: AbortSignal) {
  return api(`${PATHS.origins}/versions/${encodeURIComponent(id)}`, { schema: originsVersionSchema, signal });
}

const urgePageSchema = z.object({ items: z.array(urgeSchema), nextCursor: z.string().nullable() });
const urgeSavedSchema = z.object({ item: urgeSchema, screening: screeningSchema });

export function listUrges(cursor: string | null, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: '20' });
  if (cursor) query.set('cursor', cursor);
  return api(`${PATHS.urges}?${query}`, { schema: urgePageSchema, signal });
}

export function updateUrge(id: string, patch: Record<string, unknown>) {
  return api(`${PATHS.urges}/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, schema: urgeSavedSchema });
}

export async function deleteUrge(id: string): Promise<void> {
  await api(`${PATHS.urges}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

const selfWorthPageSchema = z.object({ items: z.array(selfWorthSchema), nextCursor: z.string().nullable() });
const selfWorthSavedSchema = z.object({ item: selfWorthSchema, screening: screeningSchema });

export function listSelfWorth({ kind, cursor }: { kind?: SelfWorthKind; cursor?: string | null }, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: '100' });
  if (kind) query.set('kind', kind);
  if (cursor) query.set('cursor', cursor);
  return api(`${PATHS.selfWorth}?${query}`, { schema: selfWorthPageSchema, signal });
}

export function updateSelfWorth(id: string, patch: Record<string, unknown>) {
  return api(`${PATHS.selfWorth}/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, schema: selfWorthSavedSchema });
}

export async function deleteSelfWorth(id: string): Promise<void> {
  await api(`${PATHS.selfWorth}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** A screening result from a response body, or none when the body doesn't carry one. */
export function screeningOf(body: unknown): Screening {
  const parsed = z.object({ screening: screeningSchema }).safeParse(body);
  return parsed.success ? parsed.data.screening : NO_SCREENING;
}
