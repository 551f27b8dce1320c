import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { SELF_WORTH_KINDS, type SelfWorthKind } from '../../../core/reflect/catalogs';
import { screenTexts } from '../../../core/safety/crisis-screening';
import { selfWorthInputSchema, type Screening, type SelfWorthInput, selfWorthSchema } from '../../../core/schemas/reflect';
import { CheckboxField, TextInput } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { LessonLink } from '../../components/LessonLink';
import { PageHeading } from '../../components/PageHeading';
import { RescuedDrafts } from '../../components/reflect/RescuedDrafts';
import { SafetyPanel } from '../../components/reflect/SafetyPanel';
import { ShortTextField } from '../../components/reflect/fields';
import { ApiError, errorMessage, formErrors, isAbort } from '../../lib/api';
import { addDays, dayOf, isDay } from '../../lib/datetime';
import { formatDay } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { OutboxItem } from '../../lib/outbox';
import { deleteSelfWorth, listSelfWorth, PATHS, screeningOf, updateSelfWorth } from '../../lib/reflect-api';
import { useSessionData } from '../../lib/session-context';
import { saveThroughOutbox } from '../../lib/sync';
import { useOutboxItems } from '../../lib/use-outbox';
import { useTimeZone } from '../../lib/use-time-zone';
import { QUEUED_MESSAGES } from '../journal/save-entry';

type Item = z.infer<typeof selfWorthSchema>;

const MAX_PAGES = 20;

/**
 * The API lists items newest day first (no day filter yet), so read pages until we are past the
 * day shown.
 */
async function loadDay(day: string, signal: AbortSignal): Promise<Item[]> {
  const found: Item[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result: { items: Item[]; nextCursor: string | null } = await listSelfWorth({ cursor }, signal);
    for (const item of result.items) if (item.day === day) found.push(item);
    const last = result.items.at(-1);
    if (!result.nextCursor || !last || last.day < day) break;
    cursor = result.nextCursor;
  }
  return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

const kindLabel = (kind: SelfWorthKind) => t(`reflect.catalog.selfWorthKind.${kind}`);

function KindList({
  kind,
  items,
  queued,
  text,
  setText,
  onAdd,
  onToggle,
  onDelete,
}: {
  kind: SelfWorthKind;
  items: Item[];
  queued: OutboxItem[];
  text: string;
  setText: (text: string) => void;
  onAdd: (kind: SelfWorthKind, text: string) => Promise<Record<string, string> | undefined>;
  onToggle: (item: Item, done: boolean) => void;
  onDelete: (item: Item) => void;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const field = `text-${kind}`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    if (text.trim() === '') {
      setErrors({ [field]: t('selfWorth.textRequired') });
      return;
    }
    setPending(true);
    onAdd(kind, text.trim())
      .then((problems) => setErrors(problems ?? {}))
      .finally(() => setPending(false));
  };

  return (
    <section className="card self-worth-list" aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`} tabIndex={-1}>
        {kindLabel(kind)}
      </h2>
      <p className="hint">{t(`selfWorth.hints.${kind}`)}</p>
      {items.length === 0 && queued.length === 0 ? (
        <p>{t('selfWorth.empty')}</p>
      ) : (
        <ul className="check-list">
          {items.map((item) => (
            <li key={item.id} className={item.done ? 'is-done' : undefined}>
              <CheckboxField name={`done-${item.id}`} isSelected={item.done} onChange={(done) => onToggle(item, done)}>
                {item.text}
              </CheckboxField>
              <button type="button" className="link-button" aria-label={t('selfWorth.deleteLabel', { text: item.text })} onClick={() => onDelete(item)}>
                {t('reflect.delete.button')}
              </button>
            </li>
          ))}
          {queued.map((item) => (
            <li key={item.id}>
              <span>{(item.body as SelfWorthInput).text}</span> <span className="badge">{t('sync.waiting')}</span>
            </li>
          ))}
        </ul>
      )}
      <Form onSubmit={submit} validationErrors={errors} validationBehavior="aria" className="inline-form">
        <TextInput name={field} label={t(`selfWorth.addLabel.${kind}`)} value={text} onChange={setText} autoComplete="off" maxLength={1000} />
        <button type="submit" className="button button-secondary" aria-label={t('selfWorth.addButtonLabel', { list: kindLabel(kind) })}>
          {pending ? t('app.saving') : t('selfWorth.add')}
        </button>
      </Form>
    </section>
  );
}

export default function SelfWorth() {
  const { user } = useSessionData();
  const settings = useTimeZone();
  const [searchParams, setSearchParams] = useSearchParams();
  const today = dayOf(Date.now(), settings.timeZone);
  const requested = searchParams.get('day');
  const day = requested && isDay(requested) ? requested : today;
  const [items, setItems] = useState<Item[]>();
  const [loadError, setLoadError] = useState<unknown>();
  const [reloads, setReloads] = useState(0);
  const [message, setMessage] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  const [screening, setScreening] = useState<Screening>();
  const [texts, setTexts] = useState<Record<SelfWorthKind, string>>({ goal: '', win: '', self_care: '' });
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const queued = useOutboxItems(user.id, 'selfWorth', reload);

  useEffect(() => {
    if (!settings.ready) return;
    const controller = new AbortController();
    setLoadError(undefined);
    loadDay(day, controller.signal).then(setItems, (error: unknown) => {
      if (!isAbort(error)) setLoadError(error);
    });
    return () => controller.abort();
  }, [day, settings.ready, reloads]);

  const goTo = (next: string) => {
    setItems(undefined);
    setMessage(t('selfWorth.showingDay', { day: formatDay(next) }));
    setSearchParams(next === today ? {} : { day: next }, { replace: true });
  };

  const add = async (kind: SelfWorthKind, text: string): Promise<Record<string, string> | undefined> => {
    setActionError(undefined);
    const parsed = selfWorthInputSchema.safeParse({ kind, text, day, done: false });
    if (!parsed.success) return { [`text-${kind}`]: parsed.error.issues[0]?.message ?? t('selfWorth.textRequired') };
    const outcome = await saveThroughOutbox<{ item: Item; screening: Screening }>({
      userId: user.id,
      collection: 'selfWorth',
      path: PATHS.selfWorth,
      body: parsed.data,
      draft: { form: 'self-worth', value: parsed.data },
    });
    if (outcome.status === 'rejected') {
      const split = formErrors(outcome.error, {}, new Set(['text']));
      if (split.fieldErrors.text) return { [`text-${kind}`]: split.fieldErrors.text };
      setActionError(split.general);
      return undefined;
    }
    setTexts((current) => ({ ...current, [kind]: '' }));
    if (outcome.status === 'saved') {
      const item = outcome.data.item;
      setItems((current) => [...(current ?? []).filter((i) => i.id !== item.id), item]);
      setMessage(t('selfWorth.added'));
      setScreening(screeningOf(outcome.data));
    } else {
      setMessage(t(QUEUED_MESSAGES[outcome.reason]));
      setScreening(screenTexts([text]));
    }
    return undefined;
  };

  const toggle = (item: Item, done: boolean) => {
    setActionError(undefined);
    setItems((current) => current?.map((i) => (i.id === item.id ? { ...i, done } : i)));
    updateSelfWorth(item.id, { done }).catch((error: unknown) => {
      setItems((current) => current?.map((i) => (i.id === item.id ? { ...i, done: item.done } : i)));
      setActionError(error instanceof ApiError && error.code === 'NETWORK' ? t('errors.network') : errorMessage(error));
    });
  };

  const remove = (item: Item) => {
    setActionError(undefined);
    deleteSelfWorth(item.id).then(
      () => {
        setItems((current) => current?.filter((i) => i.id !== item.id));
        setMessage(t('reflect.delete.deleted', { text: item.text }));
        document.getElementById(`${item.kind}-heading`)?.focus();
      },
      (error: unknown) => setActionError(errorMessage(error)),
    );
  };

  const queuedFor = (kind: SelfWorthKind) =>
    queued.filter((item) => {
      const body = item.body as Partial<SelfWorthInput>;
      return body.kind === kind && body.day === day;
    });

  return (
    <div className="page page-wide">
      <PageHeading title={t('selfWorth.title')}>{t('selfWorth.heading')}</PageHeading>
      <p className="lead">{t('selfWorth.lead')}</p>
      <LessonLink id="self-worth" />
      {settings.ready && (
        <div className="day-picker">
          <button type="button" className="button button-secondary" onClick={() => goTo(addDays(day, -1))}>
            {t('selfWorth.previousDay')}
          </button>
          <ShortTextField name="day" type="date" label={t('selfWorth.day')} value={day} onChange={(value) => isDay(value) && goTo(value)} />
          <button type="button" className="button button-secondary" onClick={() => goTo(addDays(day, 1))}>
            {t('selfWorth.nextDay')}
          </button>
          {day !== today && (
            <button type="button" className="button button-quiet" onClick={() => goTo(today)}>
              {t('selfWorth.today')}
            </button>
          )}
        </div>
      )}
      <h2 className="day-heading">{formatDay(day)}</h2>
      <StatusMessage message={message} />
      <AlertMessage message={actionError} />
      <SafetyPanel screening={screening} />
      <RescuedDrafts
        userId={user.id}
        forms={['self-worth']}
        timeZone={settings.timeZone}
        version={reloads}
        action={(draft) => {
          const value = draft.record.value as Partial<SelfWorthInput>;
          return (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                if (value.kind && value.text) setTexts((current) => ({ ...current, [value.kind as SelfWorthKind]: value.text ?? '' }));
                if (value.day && isDay(value.day) && value.day !== day) goTo(value.day);
              }}
            >
              {t('selfWorth.restore', { text: value.text ?? '' })}
            </button>
          );
        }}
      />
      {loadError !== undefined && (
        <div className="callout">
          <AlertMessage message={loadError instanceof ApiError && loadError.code === 'NETWORK' ? t('journal.offlineList') : errorMessage(loadError)} />
          <button type="button" className="button button-secondary" onClick={reload}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {items === undefined && loadError === undefined && <Loading />}
      {(items !== undefined || loadError !== undefined) && (
        <div className="self-worth-grid">
          {SELF_WORTH_KINDS.map((kind) => (
            <KindList
              key={kind}
              kind={kind}
              items={(items ?? []).filter((item) => item.kind === kind)}
              queued={queuedFor(kind)}
              text={texts[kind]}
              setText={(text) => setTexts((current) => ({ ...current, [kind]: text }))}
              onAdd={add}
              onToggle={toggle}
              onDelete={remove}
            />
          ))}
        </div>
      )}
    </div>
  );
}
