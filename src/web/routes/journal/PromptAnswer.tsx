import { useMemo, useState } from 'react';
import { Form } from 'react-aria-components';
import { useLocation, useParams } from 'react-router';
import { promptById } from '../../../core/reflect/prompts';
import { AppLink, useReplaceNavigate } from '../../components/AppLink';
import { SubmitButton, TextInput } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { DraftNotice } from '../../components/reflect/DraftNotice';
import { TextAreaField } from '../../components/reflect/fields';
import { isoToLocalInput } from '../../lib/datetime';
import { emptyEntryValues, type EntryFormValues } from '../../lib/entry-form';
import { t } from '../../lib/i18n';
import { noticeState } from '../../lib/reflect-notice';
import { useSessionData } from '../../lib/session-context';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { useDraft } from '../../lib/use-draft';
import { useTimeZone } from '../../lib/use-time-zone';
import { draftIdFromState, sameIgnoringTime } from './draft-state';
import { createEntry } from './save-entry';

/**
 * Answering a prompt makes a journal entry of kind `reflection`: the prompt's id in `promptId`,
 * the answer in `whatHappened` (the free-text field every entry has; see lib/entry-form.ts).
 */
function AnswerForm({ userId, timeZone, promptId, draftId }: { userId: string; timeZone: string; promptId: string; draftId: string | null }) {
  const navigate = useReplaceNavigate();
  const initial = useMemo(() => emptyEntryValues(isoToLocalInput(new Date().toISOString(), timeZone), promptId), [timeZone, promptId]);
  const [values, setValues] = useState<EntryFormValues>(initial);
  const [status, setStatus] = useState<string>();
  // One draft per prompt, so answers to different prompts never overwrite each other.
  const draft = useDraft({ address: { userId, form: 'prompt', id: draftId ?? promptId }, value: values, setValue: setValues, initial, same: sameIgnoringTime });
  const change = (patch: Partial<EntryFormValues>) => setValues((current) => ({ ...current, ...patch }));

  const form = useAsyncForm(async () => {
    if (values.whatHappened.trim() === '') throw new InvalidFields({ whatHappened: t('prompts.answerRequired') });
    const notice = await createEntry({ userId, values: { ...values, promptId }, kind: 'reflection', timeZone, draftForm: 'prompt', form: form.ref.current, savedMessage: 'prompts.saved' });
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
          label={t('entry.answer.label')}
          description={t('entry.answer.hint')}
          value={values.whatHappened}
          onChange={(whatHappened) => change({ whatHappened })}
          rows={8}
          isRequired
        />
        <TextInput name="tags" label={t('entry.tags.label')} description={t('entry.tags.hint')} value={values.tags} onChange={(tags) => change({ tags })} autoComplete="off" maxLength={900} />
        <AlertMessage message={form.general} />
        <SubmitButton pending={form.pending} pendingLabel={t('app.saving')}>
          {t('entry.save')}
        </SubmitButton>
      </Form>
      <p className="hint">{t('drafts.autosave')}</p>
    </>
  );
}

export default function PromptAnswer() {
  const { promptId = '' } = useParams();
  const { user } = useSessionData();
  const settings = useTimeZone();
  const location = useLocation();
  const [draftId] = useState(() => draftIdFromState(location.state));
  const prompt = promptById(promptId);
  return (
    <div className="page">
      <PageHeading title={t('prompts.answerTitle')}>{t('prompts.answerHeading')}</PageHeading>
      <p>
        <AppLink to="/journal/prompts">{t('prompts.backToPrompts')}</AppLink>
      </p>
      {!prompt ? (
        <AlertMessage message={t('prompts.notFound')} />
      ) : (
        <>
          <blockquote className="prompt-quote">{prompt.text}</blockquote>
          {settings.ready ? <AnswerForm key={prompt.id} userId={user.id} timeZone={settings.timeZone} promptId={prompt.id} draftId={draftId} /> : <Loading />}
        </>
      )}
    </div>
  );
}
