import { useMemo, useState } from 'react';
import { Form } from 'react-aria-components';
import { useParams } from 'react-router';
import type { Entry } from '../../../core/schemas/reflect';
import { AppLink, useReplaceNavigate } from '../../components/AppLink';
import { SubmitButton, TextInput } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { DeleteControl } from '../../components/reflect/DeleteControl';
import { DraftNotice } from '../../components/reflect/DraftNotice';
import { TextAreaField } from '../../components/reflect/fields';
import { ApiError, errorMessage } from '../../lib/api';
import { entryToValues, type EntryFormValues } from '../../lib/entry-form';
import { deviceTimeZone } from '../../lib/profile';
import { t } from '../../lib/i18n';
import { deleteEntry, getEntry } from '../../lib/reflect-api';
import { noticeState } from '../../lib/reflect-notice';
import { useSessionData } from '../../lib/session-context';
import { useAsyncForm } from '../../lib/use-async-form';
import { useDraft } from '../../lib/use-draft';
import { useResource } from '../../lib/use-resource';
import { useTimeZone } from '../../lib/use-time-zone';
import { promptText } from './prompt-text';
import { saveEntryChanges } from './save-entry';
import { ShareControl } from './ShareControl';
import { TherapyControl } from './TherapyControl';
import { ThoughtRecordFields } from './ThoughtRecordFields';

function isOffline(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'NETWORK';
}

function EditEntryForm({ entry, userId, personalZone }: { entry: Entry; userId: string; personalZone: string }) {
  const navigate = useReplaceNavigate();
  // The entry's time is shown (and edited) in the zone it was written in.
  const timeZone = entry.timeZone;
  const initial = useMemo(() => entryToValues(entry, timeZone), [entry, timeZone]);
  const [values, setValues] = useState<EntryFormValues>(initial);
  const [status, setStatus] = useState<string>();
  const [deleteError, setDeleteError] = useState<string>();
  const draft = useDraft({ address: { userId, form: 'thought-record', id: entry.id }, value: values, setValue: setValues, initial });
  const change = (patch: Partial<EntryFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const isReflection = entry.kind === 'reflection';
  const prompt = isReflection ? promptText(entry.promptId) : undefined;

  const form = useAsyncForm(async () => {
    setStatus(undefined);
    let notice;
    try {
      notice = await saveEntryChanges({ id: entry.id, initial, values, timeZone, form: form.ref.current });
    } catch (error) {
      // The words stay in the form and in the draft on this device; say so plainly.
      if (isOffline(error)) {
        form.setGeneral(t('reflect.offlineEdit'));
        return;
      }
      throw error;
    }
    if (!notice) {
      setStatus(t('entry.noChanges'));
      return;
    }
    await draft.clear();
    navigate('/journal', { state: noticeState(notice) });
  });

  const onDelete = async () => {
    setDeleteError(undefined);
    try {
      await deleteEntry(entry.id);
    } catch (error) {
      setDeleteError(isOffline(error) ? t('errors.network') : errorMessage(error));
      throw error;
    }
    await draft.clear();
    navigate('/journal', { state: noticeState({ message: 'journal.deleted' }) });
  };

  if (!draft.ready) return <Loading />;
  return (
    <>
      {entry.kind === 'quick_capture' && <p className="lead">{t('entry.finishLead')}</p>}
      {isReflection && <p className="lead">{t('entry.promptLead')}</p>}
      {prompt && <blockquote className="prompt-quote">{prompt}</blockquote>}
      <StatusMessage message={status} />
      <DraftNotice
        draft={draft}
        timeZone={personalZone}
        onDiscarded={() => {
          setStatus(t('drafts.discarded'));
          document.querySelector<HTMLElement>('#main h1')?.focus();
        }}
      />
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form entry-form">
        {isReflection ? (
          <>
            <TextAreaField name="whatHappened" label={t('entry.answer.label')} description={t('entry.answer.hint')} value={values.whatHappened} onChange={(whatHappened) => change({ whatHappened })} rows={8} />
            <TextInput name="tags" label={t('entry.tags.label')} description={t('entry.tags.hint')} value={values.tags} onChange={(tags) => change({ tags })} autoComplete="off" maxLength={900} />
          </>
        ) : (
          <ThoughtRecordFields values={values} change={change} fieldErrors={form.fieldErrors} timeZone={timeZone} showTimeZone={timeZone !== personalZone} />
        )}
        <AlertMessage message={form.general} />
        <SubmitButton pending={form.pending} pendingLabel={t('app.saving')}>
          {t('entry.saveChanges')}
        </SubmitButton>
      </Form>
      <ShareControl entry={entry} />
      <TherapyControl entry={entry} />
      <div className="danger-zone">
        <AlertMessage message={deleteError} />
        <DeleteControl onDelete={onDelete} />
      </div>
    </>
  );
}

function EditEntryPage({ id }: { id: string }) {
  const { user } = useSessionData();
  const settings = useTimeZone();
  const entry = useResource((signal) => getEntry(id, signal));
  const notFound = entry.error instanceof ApiError && (entry.error.status === 404 || entry.error.status === 400);
  return (
    <div className="page">
      <PageHeading title={t('entry.editTitle')}>{t('entry.editHeading')}</PageHeading>
      <p>
        <AppLink to="/journal">{t('entry.backToJournal')}</AppLink>
      </p>
      {(entry.loading || !settings.ready) && entry.error === undefined && <Loading />}
      {entry.error !== undefined && (
        <div className="callout">
          <AlertMessage message={notFound ? t('reflect.notFound') : errorMessage(entry.error)} />
          {!notFound && (
            <button type="button" className="button button-secondary" onClick={entry.reload}>
              {t('app.retry')}
            </button>
          )}
        </div>
      )}
      {entry.data && settings.ready && <EditEntryForm entry={entry.data} userId={user.id} personalZone={settings.timeZone ?? deviceTimeZone() ?? 'UTC'} />}
    </div>
  );
}

export default function EditEntry() {
  const { id = '' } = useParams();
  // A new id is a new page: fresh state, fresh draft.
  return <EditEntryPage key={id} id={id} />;
}
