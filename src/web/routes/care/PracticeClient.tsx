import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useParams } from 'react-router';
import { AppLink } from '../../components/AppLink';
import { ClientSections, HomeworkList } from '../../components/care/ClientSections';
import { SubmitButton, TextInput } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { ShortTextField, TextAreaField } from '../../components/reflect/fields';
import { ApiError, errorMessage } from '../../lib/api';
import { assignHomework, getClientView, type ClientView, type Homework } from '../../lib/care-sharing-api';
import { t } from '../../lib/i18n';
import { useAsyncForm } from '../../lib/use-async-form';
import { useResource } from '../../lib/use-resource';
import { useTimeZone } from '../../lib/use-time-zone';

/*
 * One client in the therapist's workspace (/practice/clients/:linkId): only what the client (and,
 * for couple data, both partners) shares now — every opening is written to the client's access
 * log — plus the homework assigned between sessions.
 */

function AssignHomework({ linkId, onAssigned }: { linkId: string; onAssigned: (h: Homework) => void }) {
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [done, setDone] = useState<string>();
  const form = useAsyncForm(async () => {
    setDone(undefined);
    const created = await assignHomework(linkId, { title: title.trim(), note: note.trim(), ...(dueOn ? { dueOn } : {}) });
    onAssigned(created);
    setDone(t('care.client.assigned', { title: created.title }));
    setTitle('');
    setNote('');
    setDueOn('');
  });
  return (
    <section aria-labelledby="assign-heading" className="no-print">
      <h3 id="assign-heading">{t('care.client.assignHeading')}</h3>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <TextInput name="title" label={t('care.client.assignTitle')} value={title} onChange={setTitle} maxLength={200} autoComplete="off" />
        <TextAreaField name="note" label={t('care.client.assignNote')} value={note} onChange={setNote} maxLength={2000} rows={3} />
        <ShortTextField name="dueOn" type="date" label={t('care.client.assignDue')} value={dueOn} onChange={setDueOn} />
        <AlertMessage message={form.general} />
        <StatusMessage message={done} />
        <SubmitButton pending={form.pending} pendingLabel={t('care.client.assigning')}>
          {t('care.client.assignButton')}
        </SubmitButton>
      </Form>
    </section>
  );
}

function Workspace({ view, timeZone, onChange }: { view: ClientView; timeZone: string; onChange: (v: ClientView) => void }) {
  return (
    <>
      <p className="hint">{t(view.kind === 'couple' ? 'care.client.kindCouple' : 'care.client.kindIndividual')}</p>
      <p>
        <AppLink className="button button-secondary" to={`/practice/clients/${encodeURIComponent(view.linkId)}/summary`}>
          {t('care.client.printable')}
        </AppLink>
      </p>
      <ClientSections view={view} timeZone={timeZone} />
      <section aria-labelledby="ws-homework">
        <h2 id="ws-homework">{t('care.client.homeworkHeading')}</h2>
        <HomeworkList homework={view.homework} timeZone={timeZone} />
        <AssignHomework linkId={view.linkId} onAssigned={(h) => onChange({ ...view, homework: [h, ...view.homework] })} />
      </section>
    </>
  );
}

export default function PracticeClient() {
  const { linkId = '' } = useParams();
  const { timeZone } = useTimeZone();
  const view = useResource((signal) => getClientView(linkId, signal));
  const notFound = view.error instanceof ApiError && (view.error.status === 404 || view.error.status === 400);
  return (
    <div className="page page-wide">
      <PageHeading title={view.data?.clientName ?? t('care.client.title')} />
      <p>
        <AppLink to="/practice">{t('care.client.back')}</AppLink>
      </p>
      {view.loading && !view.data && <Loading />}
      {view.error !== undefined && <AlertMessage message={notFound ? t('care.client.notFound') : errorMessage(view.error)} />}
      {view.data && <Workspace view={view.data} timeZone={timeZone} onChange={view.setData} />}
    </div>
  );
}
