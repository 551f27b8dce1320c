import { useMemo, useState } from 'react';
import { Form } from 'react-aria-components';
import { useLocation } from 'react-router';
import { useReplaceNavigate } from '../../components/AppLink';
import { SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { LessonLink } from '../../components/LessonLink';
import { PageHeading } from '../../components/PageHeading';
import { CheckboxGroupField, IntensityField, TextAreaField } from '../../components/reflect/fields';
import { DraftNotice } from '../../components/reflect/DraftNotice';
import { isoToLocalInput } from '../../lib/datetime';
import { emptyEntryValues, type EntryFormValues } from '../../lib/entry-form';
import { t } from '../../lib/i18n';
import { noticeState } from '../../lib/reflect-notice';
import { useSessionData } from '../../lib/session-context';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { useDraft } from '../../lib/use-draft';
import { useTimeZone } from '../../lib/use-time-zone';
import { draftIdFromState, sameIgnoringTime } from './draft-state';
import { bodyCueOptions } from './options';
import { createEntry } from './save-entry';

/**
 * Three things in about thirty seconds: what happened, how strong, anything in the body. The time
 * is when the form was opened (a draft keeps its own). It becomes a `quick_capture` entry that
 * can be finished later from the journal.
 */
function QuickCaptureForm({ userId, timeZone, draftId }: { userId: string; timeZone: string; draftId: string | null }) {
  const navigate = useReplaceNavigate();
  const initial = useMemo(() => emptyEntryValues(isoToLocalInput(new Date().toISOString(), timeZone)), [timeZone]);
  const [values, setValues] = useState<EntryFormValues>(initial);
  const [status, setStatus] = useState<string>();
  const draft = useDraft({ address: { userId, form: 'quick-capture', id: draftId }, value: values, setValue: setValues, initial, same: sameIgnoringTime });
  const change = (patch: Partial<EntryFormValues>) => setValues((current) => ({ ...current, ...patch }));

  const form = useAsyncForm(async () => {
    if (values.whatHappened.trim() === '') throw new InvalidFields({ whatHappened: t('quick.whatRequired') });
    const notice = await createEntry({ userId, values, kind: 'quick_capture', timeZone, draftForm: 'quick-capture', form: form.ref.current, savedMessage: 'quick.saved' });
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
          document.querySelector<HTMLElement>('#main h1')?.focus();
        }}
      />
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <TextAreaField
          name="whatHappened"
          label={t('quick.what')}
          description={t('quick.whatHint')}
          value={values.whatHappened}
          onChange={(whatHappened) => change({ whatHappened })}
          rows={3}
          isRequired
        />
        <IntensityField name="intensityBefore" label={t('quick.intensity')} value={values.intensityBefore} error={form.fieldErrors.intensityBefore} onChange={(intensityBefore) => change({ intensityBefore })} />
        <CheckboxGroupField name="bodyCues" label={t('quick.cues')} options={bodyCueOptions()} value={values.bodyCues} onChange={(bodyCues) => change({ bodyCues })} />
        <AlertMessage message={form.general} />
        <SubmitButton pending={form.pending} pendingLabel={t('app.saving')}>
          {t('quick.save')}
        </SubmitButton>
      </Form>
      <p className="hint">{t('drafts.autosave')}</p>
    </>
  );
}

export default function QuickCapture() {
  const { user } = useSessionData();
  const settings = useTimeZone();
  const location = useLocation();
  const [draftId] = useState(() => draftIdFromState(location.state));
  return (
    <div className="page">
      <PageHeading title={t('quick.title')}>{t('quick.heading')}</PageHeading>
      <p className="lead">{t('quick.lead')}</p>
      <LessonLink id="triggers-and-the-body" />
      {settings.ready ? <QuickCaptureForm userId={user.id} timeZone={settings.timeZone} draftId={draftId} /> : <Loading />}
    </div>
  );
}
