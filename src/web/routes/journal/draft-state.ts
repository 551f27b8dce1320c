import type { EntryFormValues } from '../../lib/entry-form';

/** A draft id handed over in router state (e.g. "rescue-…" from the journal's drafts list). */
export function draftIdFromState(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const id = (state as { draftId?: unknown }).draftId;
  return typeof id === 'string' && id.length > 0 && id.length < 200 ? id : null;
}

/** New-entry forms: the time alone (it defaults to "now") doesn't make a draft worth keeping. */
export function sameIgnoringTime(a: EntryFormValues, b: EntryFormValues): boolean {
  return JSON.stringify({ ...a, occurredLocal: '' }) === JSON.stringify({ ...b, occurredLocal: '' });
}
