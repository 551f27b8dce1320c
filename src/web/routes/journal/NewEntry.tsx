import { useMemo, useState } from 'react';
import { Form } from 'react-aria-components';
import { useLocation } from 'react-router';
import { useReplaceNavigate } from '../../components/AppLink';
import { SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { LessonLink } from '../../components/LessonLink';
import { PageHeading } from '../../components/PageHeading';
import { DraftNotice } from '../../components/reflect/DraftNotice';
import { isoToLocalInput } from '../../lib/datetime';
import { emptyEntryValues, type EntryFormValues } from '../../lib/entry-form';
import { t } from '../../lib/i18n';
import { noticeState } from '../../lib/reflect-notice';
import { useSessionData } from '../../lib/session-context';
import { useAsyncForm } from '../../lib/use-async-form';
import { useDraft } from '../../lib/use-draft';
import { useTimeZone } from '../../lib/use-time-zone';
import { draftIdFromState, sameIgnoringTime } from './draft-state';
import { createEntry } from './save-entry';
import { ThoughtRecordFields } from './ThoughtRecordFields';

function focusHeading() {
  document.querySelector<HTMLElement>('#main h1')?.focus();
}

function NewEntryForm({ userId, timeZone, draftId }: { userId: string; timeZone: string; draftId: string | null }) {
  const navigate = useReplaceNavigate();
  const initial = useMemo(() => emptyEntryValues(isoToLocalInput(new Date().toISOString(), timeZone)), [timeZone]);
  const [values, setValues] = useState<EntryFormValues>(initial);
  const [status, setStatus] = useState<string>();
  const draft = useDraft({ address: { userId, form: 'thought-record', id: draftId }, value: values, setValue: setValues, initial, same: sameIgnoringTime });

  const form = useAsyncForm(async () => {
    const notice = await createEntry({ userId, values, kind: 'thought_record', timeZone, draftForm: 'thought-record', form: form.ref.current, savedMessage: 'journal.saved' });
    await draft.clear();
    navigate('/journal', { state: noticeState(notice) });
  });

  if (!draft.ready) return <Loading />;
  return (
    <>
      <StatusMessage message={status} />
      <DraftNotice
        draft={draft}
        timeZone={timeZone}
        onDiscarded={() => {
          setStatus(t('drafts.discarded'));
          focusHeading();
        }}
      />
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form entry-form">
        <ThoughtRecordFields
          values={values}
          change={(patch) => setValues((current) => ({ ...current, ...patch }))}
          fieldErrors={form.fieldErrors}
          timeZone={timeZone}
          showTimeZone={false}
        />
        <AlertMessage message={form.general} />
        <SubmitButton pending={form.pending} pendingLabel={t('app.saving')}>
          {t('entry.save')}
        </SubmitButton>
      </Form>
    </>
  );
}

export default function NewEntry() {
  const { user } = useSessionData();
  const settings = useTimeZone();
  const location = useLocation();
  const [draftId] = useState(() => draftIdFromState(location.state));
  return (
    <div className="page">
      <PageHeading title={t('entry.newTitle')}>{t('entry.newHeading')}</PageHeading>
      <p className="lead">{t('entry.newLead')}</p>
      <LessonLink id="old-wound-or-present-signal" />
      {settings.ready ? <NewEntryForm userId={user.id} timeZone={settings.timeZone} draftId={draftId} /> : <Loading />}
    </div>
  );
}
