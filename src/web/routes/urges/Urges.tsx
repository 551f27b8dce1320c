import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useLocation } from 'react-router';
import type { z } from 'zod';
import { screenTexts } from '../../../core/safety/crisis-screening';
import { urgeInputSchema, urgePatchSchema, type Screening, type UrgeInput, urgeSchema } from '../../../core/schemas/reflect';
import { SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { LessonLink } from '../../components/LessonLink';
import { PageHeading } from '../../components/PageHeading';
import { DeleteControl } from '../../components/reflect/DeleteControl';
import { DraftNotice } from '../../components/reflect/DraftNotice';
import { RescuedDrafts } from '../../components/reflect/RescuedDrafts';
import { SafetyPanel } from '../../components/reflect/SafetyPanel';
import { RadioGroupField, ShortTextField, TextAreaField } from '../../components/reflect/fields';
import { ApiError, errorMessage, isAbort } from '../../lib/api';
import { isoToLocalInput, localInputToIso } from '../../lib/datetime';
import { issuePathsToFields } from '../../lib/entry-form';
import { formatDateTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { OutboxItem } from '../../lib/outbox';
import { deleteUrge, listUrges, PATHS, screeningOf, updateUrge } from '../../lib/reflect-api';
import { useSessionData } from '../../lib/session-context';
import { saveThroughOutbox } from '../../lib/sync';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { useDraft } from '../../lib/use-draft';
import { useOutboxItems } from '../../lib/use-outbox';
import { useTimeZone } from '../../lib/use-time-zone';
import { draftIdFromState } from '../journal/draft-state';
import { QUEUED_MESSAGES } from '../journal/save-entry';

type Urge = z.infer<typeof urgeSchema>;

interface UrgeValues {
  occurredLocal: string;
  urge: string;
  fear: string;
  insteadDid: string;
  actedOn: '' | 'yes' | 'no';
}

const emptyValues = (occurredLocal: string): UrgeValues => ({ occurredLocal, urge: '', fear: '', insteadDid: '', actedOn: '' });

function valuesOf(item: Urge, timeZone: string): UrgeValues {
  return { occurredLocal: isoToLocalInput(item.occurredAt, timeZone), urge: item.urge, fear: item.fear, insteadDid: item.insteadDid, actedOn: item.actedOn ? 'yes' : 'no' };
}

function fieldNames(form: HTMLFormElement | null): Set<string> {
  return new Set(Array.from(form?.elements ?? []).flatMap((el) => el.getAttribute('name') ?? []));
}

/** Check the form; returns the full body (the time only when readable). */
function toInput(values: UrgeValues, timeZone: string, form: HTMLFormElement | null): UrgeInput {
  const errors: Record<string, string> = {};
  const occurredAt = localInputToIso(values.occurredLocal, timeZone);
  if (!occurredAt) errors.occurredAt = t('reflect.whenInvalid');
  if (values.actedOn === '') errors.actedOn = t('urges.actedOnRequired');
  const parsed = urgeInputSchema.safeParse({ occurredAt, urge: values.urge.trim(), fear: values.fear, insteadDid: values.insteadDid, actedOn: values.actedOn === 'yes' });
  if (!parsed.success) Object.assign(errors, { ...issuePathsToFields(parsed.error.issues, fieldNames(form)), ...errors });
  if (Object.keys(errors).length > 0 || !parsed.success) throw new InvalidFields(errors);
  return parsed.data;
}

function UrgeFields({ values, change, idPrefix }: { values: UrgeValues; change: (patch: Partial<UrgeValues>) => void; idPrefix: string }) {
  return (
    <>
      <ShortTextField name="occurredAt" type="datetime-local" label={t('reflect.when')} value={values.occurredLocal} onChange={(occurredLocal) => change({ occurredLocal })} isRequired />
      <TextAreaField name="urge" label={t('urges.urge')} description={t('urges.urgeHint')} value={values.urge} onChange={(urge) => change({ urge })} maxLength={2000} rows={2} isRequired />
      <TextAreaField name="fear" label={t('urges.fear')} description={t('urges.fearHint')} value={values.fear} onChange={(fear) => change({ fear })} maxLength={4000} rows={2} />
      <TextAreaField name="insteadDid" label={t('urges.instead')} description={t('urges.insteadHint')} value={values.insteadDid} onChange={(insteadDid) => change({ insteadDid })} maxLength={4000} rows={2} />
      <RadioGroupField
        key={idPrefix}
        name="actedOn"
        label={t('urges.actedOn')}
        options={[
          { id: 'yes' as const, label: t('reflect.yes') },
          { id: 'no' as const, label: t('reflect.no') },
        ]}
        value={values.actedOn}
        onChange={(actedOn) => change({ actedOn })}
        orientation="horizontal"
      />
    </>
  );
}

function NewUrgeForm({ userId, timeZone, draftId, onDone }: { userId: string; timeZone: string; draftId: string | null; onDone: (message: string, screening: Screening, item?: Urge) => void }) {
  const initial = useMemo(() => emptyValues(isoToLocalInput(new Date().toISOString(), timeZone)), [timeZone]);
  const [values, setValues] = useState(initial);
  const [status, setStatus] = useState<string>();
  const same = (a: UrgeValues, b: UrgeValues) => JSON.stringify({ ...a, occurredLocal: '' }) === JSON.stringify({ ...b, occurredLocal: '' });
  const draft = useDraft({ address: { userId, form: 'urge', id: draftId }, value: values, setValue: setValues, initial, same });

  const form = useAsyncForm(async () => {
    const body = toInput(values, timeZone, form.ref.current);
    const outcome = await saveThroughOutbox<{ item: Urge; screening: Screening }>({ userId, collection: 'urges', path: PATHS.urges, body, draft: { form: 'urge', value: values } });
    if (outcome.status === 'rejected') throw outcome.error;
    await draft.clear();
    if (outcome.status === 'saved') onDone(t('urges.saved'), screeningOf(outcome.data), outcome.data.item);
    else onDone(t(QUEUED_MESSAGES[outcome.reason]), screenTexts([body.urge, body.fear, body.insteadDid]));
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
          document.getElementById('add-urge-heading')?.focus();
        }}
      />
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <UrgeFields values={values} change={(patch) => setValues((current) => ({ ...current, ...patch }))} idPrefix="new" />
        <AlertMessage message={form.general} />
        <SubmitButton pending={form.pending} pendingLabel={t('app.saving')}>
          {t('urges.save')}
        </SubmitButton>
      </Form>
    </>
  );
}

function EditUrgeForm({ item, userId, timeZone, onSaved, onCancel }: { item: Urge; userId: string; timeZone: string; onSaved: (item: Urge, screening: Screening) => void; onCancel: () => void }) {
  const initial = useMemo(() => valuesOf(item, timeZone), [item, timeZone]);
  const [values, setValues] = useState(initial);
  const draft = useDraft({ address: { userId, form: 'urge', id: item.id }, value: values, setValue: setValues, initial });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const when = formatDateTime(item.occurredAt, timeZone);

  useEffect(() => {
    if (draft.ready) headingRef.current?.focus();
  }, [draft.ready]);

  const form = useAsyncForm(async () => {
    const body = toInput(values, timeZone, form.ref.current);
    const patch: Record<string, unknown> = {};
    if (values.occurredLocal !== initial.occurredLocal) patch.occurredAt = body.occurredAt;
    if (body.urge !== item.urge) patch.urge = body.urge;
    if ((body.fear ?? '') !== item.fear) patch.fear = body.fear;
    if ((body.insteadDid ?? '') !== item.insteadDid) patch.insteadDid = body.insteadDid;
    if (body.actedOn !== item.actedOn) patch.actedOn = body.actedOn;
    if (Object.keys(patch).length === 0) {
      await draft.clear();
      onCancel();
      return;
    }
    const checked = urgePatchSchema.parse(patch);
    try {
      const saved = await updateUrge(item.id, checked);
      await draft.clear();
      onSaved(saved.item, saved.screening);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NETWORK') {
        form.setGeneral(t('reflect.offlineEdit'));
        return;
      }
      throw error;
    }
  });

  if (!draft.ready) return <Loading />;
  return (
    <div className="card">
      <h3 ref={headingRef} tabIndex={-1}>
        {t('urges.editHeading', { date: when })}
      </h3>
      <DraftNotice draft={draft} timeZone={timeZone} onDiscarded={() => headingRef.current?.focus()} />
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <UrgeFields values={values} change={(patch) => setValues((current) => ({ ...current, ...patch }))} idPrefix={item.id} />
        <AlertMessage message={form.general} />
        <p className="actions">
          <SubmitButton pending={form.pending} pendingLabel={t('app.saving')}>
            {t('entry.saveChanges')}
          </SubmitButton>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              void draft.clear().then(onCancel);
            }}
          >
            {t('urges.cancelEdit')}
          </button>
        </p>
      </Form>
    </div>
  );
}

function UrgeView({ item, timeZone, onEdit, onDelete }: { item: Urge; timeZone: string; onEdit: () => void; onDelete: () => Promise<void> }) {
  const when = formatDateTime(item.occurredAt, timeZone);
  return (
    <div className="entry-card">
      <h3 className="entry-title">{item.urge}</h3>
      <p className="entry-meta">
        <span>{when}</span>
        <span className={item.actedOn ? 'badge badge-soft' : 'badge'}>{item.actedOn ? t('urges.actedYes') : t('urges.actedNo')}</span>
      </p>
      {item.fear && (
        <p className="preserve-lines">
          <strong>{t('urges.fearLabel')}</strong> {item.fear}
        </p>
      )}
      {item.insteadDid && (
        <p className="preserve-lines">
          <strong>{t('urges.insteadLabel')}</strong> {item.insteadDid}
        </p>
      )}
      <p className="actions">
        <button type="button" className="button button-secondary" data-edit={item.id} onClick={onEdit} aria-label={t('urges.editLabel', { date: when })}>
          {t('urges.edit')}
        </button>
      </p>
      <DeleteControl onDelete={onDelete} />
    </div>
  );
}

function QueuedUrge({ item, timeZone }: { item: OutboxItem; timeZone: string }) {
  const body = item.body as Partial<UrgeInput>;
  return (
    <li className="entry-card entry-queued">
      <p className="entry-title">{body.urge}</p>
      <p className="entry-meta">
        <span className="badge">{t('sync.waiting')}</span>
        {body.occurredAt && <span>{formatDateTime(body.occurredAt, timeZone)}</span>}
      </p>
    </li>
  );
}

export default function Urges() {
  const { user } = useSessionData();
  const settings = useTimeZone();
  const location = useLocation();
  const [draftId, setDraftId] = useState(() => draftIdFromState(location.state));
  const [formKey, setFormKey] = useState(0);
  const [items, setItems] = useState<Urge[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<unknown>();
  const [reloads, setReloads] = useState(0);
  const [editing, setEditing] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [screening, setScreening] = useState<Screening>();
  const [actionError, setActionError] = useState<string>();
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const queued = useOutboxItems(user.id, 'urges', reload);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    listUrges(null, controller.signal).then(
      (page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setLoadError(undefined);
        setLoading(false);
      },
      (error: unknown) => {
        if (isAbort(error)) return;
        setLoadError(error);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [reloads]);

  const loadMore = async () => {
    if (!nextCursor) return;
    try {
      const page = await listUrges(nextCursor);
      setItems((current) => [...current, ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (error) {
      setActionError(errorMessage(error));
    }
  };

  const focusEditButton = (id: string) => window.setTimeout(() => document.querySelector<HTMLElement>(`[data-edit="${id}"]`)?.focus());
  const offline = loadError instanceof ApiError && loadError.code === 'NETWORK';

  return (
    <div className="page">
      <PageHeading title={t('urges.title')}>{t('urges.heading')}</PageHeading>
      <p className="lead">{t('urges.lead')}</p>
      <LessonLink id="controlling-urges" />
      <StatusMessage message={message} />
      <SafetyPanel screening={screening} />
      <section aria-labelledby="add-urge-heading">
        <h2 id="add-urge-heading" tabIndex={-1}>
          {t('urges.addHeading')}
        </h2>
        <RescuedDrafts
          userId={user.id}
          forms={['urge']}
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
              {t('journal.draftContinue', { form: t('journal.draftForm.urge') })}
            </button>
          )}
        />
        {settings.ready ? (
          <NewUrgeForm
            key={formKey}
            userId={user.id}
            timeZone={settings.timeZone}
            draftId={draftId}
            onDone={(text, result, item) => {
              // A fresh, empty form (and a fresh draft) for the next one.
              setDraftId(null);
              setFormKey((n) => n + 1);
              setMessage(text);
              setScreening(result);
              if (item) setItems((current) => [item, ...current.filter((i) => i.id !== item.id)].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)));
            }}
          />
        ) : (
          <Loading />
        )}
      </section>

      <section aria-labelledby="urge-list-heading">
        <h2 id="urge-list-heading" tabIndex={-1}>
          {t('urges.listHeading')}
        </h2>
        <AlertMessage message={actionError} />
        {queued.length > 0 && (
          <ul className="entry-list">
            {queued.map((item) => (
              <QueuedUrge key={item.id} item={item} timeZone={settings.timeZone} />
            ))}
          </ul>
        )}
        {loading && items.length === 0 && <Loading />}
        {loadError !== undefined && (
          <div className="callout">
            {offline ? <p>{t('journal.offlineList')}</p> : <AlertMessage message={errorMessage(loadError)} />}
            <button type="button" className="button button-secondary" onClick={reload}>
              {t('app.retry')}
            </button>
          </div>
        )}
        {!loading && loadError === undefined && items.length === 0 && queued.length === 0 && <p>{t('urges.empty')}</p>}
        {items.length > 0 && (
          <ol className="entry-list">
            {items.map((item) => (
              <li key={item.id}>
                {editing === item.id ? (
                  <EditUrgeForm
                    item={item}
                    userId={user.id}
                    timeZone={settings.timeZone}
                    onCancel={() => {
                      setEditing(undefined);
                      focusEditButton(item.id);
                    }}
                    onSaved={(saved, result) => {
                      setItems((current) => current.map((i) => (i.id === saved.id ? saved : i)));
                      setEditing(undefined);
                      setMessage(t('urges.updated'));
                      setScreening(result);
                      focusEditButton(saved.id);
                    }}
                  />
                ) : (
                  <UrgeView
                    item={item}
                    timeZone={settings.timeZone}
                    onEdit={() => setEditing(item.id)}
                    onDelete={async () => {
                      setActionError(undefined);
                      try {
                        await deleteUrge(item.id);
                      } catch (error) {
                        setActionError(errorMessage(error));
                        throw error;
                      }
                      setItems((current) => current.filter((i) => i.id !== item.id));
                      setMessage(t('urges.deleted'));
                      document.getElementById('urge-list-heading')?.focus();
                    }}
                  />
                )}
              </li>
            ))}
          </ol>
        )}
        {nextCursor && (
          <button type="button" className="button button-secondary" onClick={() => void loadMore()}>
            {t('reflect.loadMore')}
          </button>
        )}
      </section>
    </div>
  );
}
