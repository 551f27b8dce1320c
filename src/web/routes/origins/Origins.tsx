import { useMemo, useState } from 'react';
import { Form } from 'react-aria-components';
import { ORIGIN_ROOTS, type OriginRoot } from '../../../core/reflect/catalogs';
import { screenTexts } from '../../../core/safety/crisis-screening';
import { originsInputSchema, type OriginsInput, type Screening } from '../../../core/schemas/reflect';
import { AppLink } from '../../components/AppLink';
import { CheckboxField, SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { LessonLink } from '../../components/LessonLink';
import { PageHeading } from '../../components/PageHeading';
import { DraftNotice } from '../../components/reflect/DraftNotice';
import { RescuedDrafts } from '../../components/reflect/RescuedDrafts';
import { SafetyPanel } from '../../components/reflect/SafetyPanel';
import { ShortTextField, TextAreaField } from '../../components/reflect/fields';
import { errorMessage } from '../../lib/api';
import { issuePathsToFields } from '../../lib/entry-form';
import { formatDateTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { getOrigins, PATHS, screeningOf } from '../../lib/reflect-api';
import { useSessionData } from '../../lib/session-context';
import { saveThroughOutbox } from '../../lib/sync';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { useDraft } from '../../lib/use-draft';
import { useOutboxItems } from '../../lib/use-outbox';
import { useResource } from '../../lib/use-resource';
import { useTimeZone } from '../../lib/use-time-zone';
import { QUEUED_MESSAGES } from '../journal/save-entry';

export interface OriginsValues {
  roots: Record<OriginRoot, { resonates: boolean; notes: string }>;
  otherLabel: string;
}

export const rootLabel = (root: OriginRoot) => t(`reflect.catalog.originRoot.${root}`);

function toValues(input: OriginsInput | null | undefined): OriginsValues {
  const roots = Object.fromEntries(ORIGIN_ROOTS.map((root) => [root, { resonates: false, notes: '' }])) as OriginsValues['roots'];
  for (const item of input?.roots ?? []) roots[item.root] = { resonates: item.resonates, notes: item.notes };
  return { roots, otherLabel: input?.otherLabel ?? '' };
}

function toInput(values: OriginsValues): OriginsInput {
  return {
    roots: ORIGIN_ROOTS.map((root) => ({ root, resonates: values.roots[root].resonates, notes: values.roots[root].notes })),
    otherLabel: values.otherLabel.trim(),
  };
}

function OriginsForm({
  userId,
  draftId,
  initial,
  timeZone,
  onSaved,
}: {
  userId: string;
  draftId: string | null;
  initial: OriginsValues;
  timeZone: string;
  onSaved: (message: string, screening: Screening) => void;
}) {
  const [values, setValues] = useState(initial);
  const [status, setStatus] = useState<string>();
  const draft = useDraft({ address: { userId, form: 'origins', id: draftId }, value: values, setValue: setValues, initial });
  const setRoot = (root: OriginRoot, patch: Partial<{ resonates: boolean; notes: string }>) =>
    setValues((current) => ({ ...current, roots: { ...current.roots, [root]: { ...current.roots[root], ...patch } } }));

  const form = useAsyncForm(async () => {
    const parsed = originsInputSchema.safeParse(toInput(values));
    if (!parsed.success) {
      const names = new Set(Array.from(form.ref.current?.elements ?? []).flatMap((el) => el.getAttribute('name') ?? []));
      throw new InvalidFields(issuePathsToFields(parsed.error.issues, names));
    }
    const outcome = await saveThroughOutbox({ userId, collection: 'origins', path: PATHS.origins, body: parsed.data, draft: { form: 'origins', value: values } });
    if (outcome.status === 'rejected') throw outcome.error;
    await draft.clear();
    if (outcome.status === 'saved') onSaved(t('origins.saved'), screeningOf(outcome.data));
    else onSaved(t(QUEUED_MESSAGES[outcome.reason]), screenTexts([...parsed.data.roots.map((r) => r.notes), parsed.data.otherLabel]));
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
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form origins-form">
        {ORIGIN_ROOTS.map((root, index) => (
          <section key={root} className="card origin-root" aria-labelledby={`root-${root}-heading`}>
            <h2 id={`root-${root}-heading`}>{rootLabel(root)}</h2>
            <p className="hint">{t(`origins.rootHints.${root}`)}</p>
            {root === 'other' && (
              <ShortTextField name="otherLabel" label={t('origins.otherLabel')} description={t('origins.otherLabelHint')} value={values.otherLabel} onChange={(otherLabel) => setValues((current) => ({ ...current, otherLabel }))} />
            )}
            <CheckboxField name={`roots.${index}.resonates`} isSelected={values.roots[root].resonates} onChange={(resonates) => setRoot(root, { resonates })}>
              {t('origins.resonates')}
              <span className="visually-hidden"> – {rootLabel(root)}</span>
            </CheckboxField>
            <TextAreaField
              name={`roots.${index}.notes`}
              label={
                <>
                  {t('origins.notes')}
                  <span className="visually-hidden"> – {rootLabel(root)}</span>
                </>
              }
              description={t('origins.notesHint')}
              value={values.roots[root].notes}
              onChange={(notes) => setRoot(root, { notes })}
              maxLength={4000}
              rows={3}
            />
          </section>
        ))}
        <AlertMessage message={form.general} />
        <SubmitButton pending={form.pending} pendingLabel={t('app.saving')}>
          {t('origins.save')}
        </SubmitButton>
      </Form>
    </>
  );
}

export default function Origins() {
  const { user } = useSessionData();
  const settings = useTimeZone();
  const origins = useResource((signal) => getOrigins(signal));
  const queued = useOutboxItems(user.id, 'origins', origins.reload);
  const [saved, setSaved] = useState<{ message: string; screening: Screening }>();
  const [formKey, setFormKey] = useState(0);
  const [draftId, setDraftId] = useState<string | null>(null);

  // What the form starts from: the newest map waiting to sync, else the current saved one.
  const latestQueued = queued.at(-1)?.body as OriginsInput | undefined;
  const initial = useMemo(() => toValues(latestQueued ?? origins.data?.current), [latestQueued, origins.data]);
  const current = origins.data?.current;
  const history = (origins.data?.history ?? []).filter((version) => version.id !== current?.id);

  return (
    <div className="page">
      <PageHeading title={t('origins.title')}>{t('origins.heading')}</PageHeading>
      <p className="lead">{t('origins.lead')}</p>
      <LessonLink id="where-trust-issues-come-from" />
      <StatusMessage message={saved?.message} />
      <SafetyPanel screening={saved?.screening} />
      {origins.loading && !origins.data && <Loading />}
      {origins.error !== undefined && !origins.data && (
        <div className="callout">
          <AlertMessage message={errorMessage(origins.error)} />
          <button type="button" className="button button-secondary" onClick={origins.reload}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {origins.data && settings.ready && (
        <>
          <p>{current ? t('origins.lastSaved', { date: formatDateTime(current.createdAt, settings.timeZone) }) : t('origins.neverSaved')}</p>
          {queued.length > 0 && (
            <p>
              <span className="badge">{t('sync.waiting')}</span> {t('sync.waitingLead')}
            </p>
          )}
          <RescuedDrafts
            userId={user.id}
            forms={['origins']}
            timeZone={settings.timeZone}
            version={formKey}
            action={(draft) => (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setDraftId(draft.id ?? null);
                  setFormKey((n) => n + 1);
                }}
              >
                {t('journal.draftContinue', { form: t('journal.draftForm.origins') })}
              </button>
            )}
          />
          <OriginsForm
            key={`${formKey}-${current?.id ?? 'none'}-${queued.length}`}
            userId={user.id}
            draftId={draftId}
            initial={initial}
            timeZone={settings.timeZone}
            onSaved={(message, screening) => {
              setSaved({ message, screening });
              setDraftId(null);
              setFormKey((n) => n + 1);
              origins.reload();
              document.querySelector<HTMLElement>('#main h1')?.focus();
            }}
          />
          <section aria-labelledby="history-heading">
            <h2 id="history-heading">{t('origins.historyHeading')}</h2>
            {history.length === 0 ? (
              <p>{t('origins.historyEmpty')}</p>
            ) : (
              <ul className="plain-list">
                {history.map((version) => (
                  <li key={version.id}>
                    <AppLink to={`/origins/versions/${version.id}`}>{t('origins.historyItem', { date: formatDateTime(version.createdAt, settings.timeZone) })}</AppLink>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
