import type { EntryKind } from '../../../core/reflect/catalogs';
import { screenTexts } from '../../../core/safety/crisis-screening';
import { entryCreateSchema, entryPatchSchema, type EntryPatch } from '../../../core/schemas/reflect';
import type { DraftForm } from '../../lib/drafts';
import { createBody, entryTexts, issuePathsToFields, patchBody, type EntryFormValues } from '../../lib/entry-form';
import { t, type MessageKey } from '../../lib/i18n';
import { PATHS, screeningOf, updateEntry } from '../../lib/reflect-api';
import type { ReflectNotice } from '../../lib/reflect-notice';
import { saveThroughOutbox } from '../../lib/sync';
import { InvalidFields } from '../../lib/use-async-form';

export const QUEUED_MESSAGES: Record<'offline' | 'server' | 'signedOut', MessageKey> = {
  offline: 'sync.queued',
  server: 'sync.queuedServer',
  signedOut: 'sync.queuedSignedOut',
};

function fieldNames(form: HTMLFormElement | null): Set<string> {
  return new Set(Array.from(form?.elements ?? []).flatMap((el) => el.getAttribute('name') ?? []));
}

/**
 * Check and create an entry through the outbox. Resolves with what to tell the person (and the
 * screening, from the server or — when saved offline — from this device); throws InvalidFields or
 * the server's ApiError for the form to show.
 */
export async function createEntry({
  userId,
  values,
  kind,
  timeZone,
  draftForm,
  form,
  savedMessage,
}: {
  userId: string;
  values: EntryFormValues;
  kind: EntryKind;
  timeZone: string;
  draftForm: DraftForm;
  form: HTMLFormElement | null;
  savedMessage: MessageKey;
}): Promise<ReflectNotice> {
  const body = createBody(values, kind, timeZone);
  if (!body.occurredAt) throw new InvalidFields({ occurredAt: t('reflect.whenInvalid') });
  const parsed = entryCreateSchema.safeParse(body);
  if (!parsed.success) throw new InvalidFields(issuePathsToFields(parsed.error.issues, fieldNames(form)));
  const outcome = await saveThroughOutbox({ userId, collection: 'journal', path: PATHS.entries, body: parsed.data, draft: { form: draftForm, value: values } });
  if (outcome.status === 'rejected') throw outcome.error;
  if (outcome.status === 'saved') return { message: savedMessage, screening: screeningOf(outcome.data) };
  // Not on the server yet: screen on this device, so support is offered just the same.
  return { message: QUEUED_MESSAGES[outcome.reason], screening: screenTexts(entryTexts(parsed.data)) };
}

/** Check and send the changes to an entry. Returns undefined when nothing changed. */
export async function saveEntryChanges({
  id,
  initial,
  values,
  timeZone,
  form,
  kind,
}: {
  id: string;
  initial: EntryFormValues;
  values: EntryFormValues;
  timeZone: string;
  form: HTMLFormElement | null;
  kind?: EntryKind;
}): Promise<ReflectNotice | undefined> {
  const patch: EntryPatch = patchBody(initial, values, timeZone);
  if (kind) patch.kind = kind;
  if (Object.keys(patch).length === 0) return undefined;
  if (values.occurredLocal !== initial.occurredLocal && typeof patch.occurredAt === 'string' && !patch.occurredAt.endsWith('Z')) {
    throw new InvalidFields({ occurredAt: t('reflect.whenInvalid') });
  }
  const parsed = entryPatchSchema.safeParse(patch);
  if (!parsed.success) throw new InvalidFields(issuePathsToFields(parsed.error.issues, fieldNames(form)));
  const saved = await updateEntry(id, parsed.data);
  return { message: 'journal.updated', screening: saved.screening };
}
