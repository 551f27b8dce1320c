import { memo, useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useSearchParams } from 'react-router';
import type { EntryCreate, Entry } from '../../../core/schemas/reflect';
import { AppLink } from '../../components/AppLink';
import { SelectField, TextInput } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { SafetyPanel } from '../../components/reflect/SafetyPanel';
import { ShortTextField } from '../../components/reflect/fields';
import { ApiError, errorMessage, isAbort } from '../../lib/api';
import { isRescueId, type DraftAddress, type DraftRecord } from '../../lib/drafts';
import { excerpt } from '../../lib/entry-form';
import { formatDateTime } from '../../lib/format';
import { t, type MessageKey } from '../../lib/i18n';
import {
  activeFilterCount,
  EMPTY_FILTERS,
  filterProblems,
  filtersFromSearchParams,
  filtersToSearchParams,
  journalListQuery,
  type JournalFilters,
} from '../../lib/journal-filters';
import type { OutboxItem } from '../../lib/outbox';
import { listEntries } from '../../lib/reflect-api';
import { useReflectNotice } from '../../lib/reflect-notice';
import { useSessionData } from '../../lib/session-context';
import { useDeviceDrafts, useOutboxItems } from '../../lib/use-outbox';
import { useTimeZone } from '../../lib/use-time-zone';
import { ENTRY_KINDS, TOPICS } from '../../../core/reflect/catalogs';
import { kindLabel, kindOptions, topicLabel, topicOptions } from './options';

const PAGE_SIZE = 20;
const ANY = 'any';

type ListState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; items: Entry[]; nextCursor: string | null; loadingMore: boolean; moreError?: string };

function intensityText(before: number | null | undefined, after: number | null | undefined): string | undefined {
  if (before !== null && before !== undefined && after !== null && after !== undefined) return t('journal.intensityChange', { before, after });
  if (before !== null && before !== undefined) return t('journal.intensity', { value: before });
  return undefined;
}

function EntryCard({ entry, timeZone }: { entry: Entry; timeZone: string }) {
  const when = formatDateTime(entry.occurredAt, timeZone);
  const title = excerpt(entry.whatHappened || entry.story || entry.reframe, 120) || t('journal.untitled', { kind: kindLabel(entry.kind), date: when });
  const intensity = intensityText(entry.intensityBefore, entry.intensityAfter);
  const unfinished = entry.kind === 'quick_capture' && !entry.complete;
  return (
    <li className="entry-card">
      <h3 className="entry-title">
        <AppLink to={`/journal/${entry.id}`}>{title}</AppLink>
      </h3>
      <p className="entry-meta">
        <span>{when}</span>
        <span>{kindLabel(entry.kind)}</span>
        {entry.topic && <span>{topicLabel(entry.topic)}</span>}
        {intensity && <span>{intensity}</span>}
      </p>
      {unfinished && (
        <p className="entry-finish">
          <span className="badge badge-soft">{t('journal.incomplete')}</span>{' '}
          <AppLink to={`/journal/${entry.id}`} aria-label={t('journal.finishLabel', { entry: title })}>
            {t('journal.finish')}
          </AppLink>
        </p>
      )}
    </li>
  );
}

function QueuedCard({ item, timeZone }: { item: OutboxItem; timeZone: string }) {
  const body = item.body as Partial<EntryCreate>;
  const when = body.occurredAt ? formatDateTime(body.occurredAt, timeZone) : '';
  const kind = body.kind && (ENTRY_KINDS as readonly string[]).includes(body.kind) ? body.kind : 'quick_capture';
  const title = excerpt(body.whatHappened || body.story || body.reframe || '', 120) || t('journal.untitled', { kind: kindLabel(kind), date: when });
  const intensity = intensityText(body.intensityBefore, body.intensityAfter);
  return (
    <li className="entry-card entry-queued">
      <p className="entry-title">{title}</p>
      <p className="entry-meta">
        <span className="badge">{t('sync.waiting')}</span>
        <span>{when}</span>
        <span>{kindLabel(kind)}</span>
        {body.topic && (TOPICS as readonly string[]).includes(body.topic) && <span>{topicLabel(body.topic)}</span>}
        {intensity && <span>{intensity}</span>}
      </p>
    </li>
  );
}

const DRAFT_FORM_LABELS: Record<string, MessageKey> = {
  'thought-record': 'journal.draftForm.thoughtRecord',
  'quick-capture': 'journal.draftForm.quickCapture',
  prompt: 'journal.draftForm.prompt',
};

/** Where a draft is continued, and the router state that tells the form which draft to open. */
function draftLink(draft: DraftAddress & { record: DraftRecord }): { to: string; state?: { draftId: string }; label: MessageKey } {
  const rescued = isRescueId(draft.id);
  const state = rescued && draft.id ? { draftId: draft.id } : undefined;
  if (draft.form === 'quick-capture') return { to: '/journal/quick', state, label: 'journal.draftForm.quickCapture' };
  if (draft.form === 'prompt') {
    const promptId = rescued ? (draft.record.value as { promptId?: unknown } | undefined)?.promptId : draft.id;
    return { to: `/journal/prompts/${encodeURIComponent(typeof promptId === 'string' ? promptId : '')}`, state, label: 'journal.draftForm.prompt' };
  }
  if (draft.id && !rescued) return { to: `/journal/${encodeURIComponent(draft.id)}`, label: 'journal.draftForm.thoughtRecordEdit' };
  return { to: '/journal/new', state, label: DRAFT_FORM_LABELS[draft.form] ?? 'journal.draftForm.thoughtRecord' };
}

/**
 * The search box and the filters. Memoised, and the filters' fields are only rendered while their
 * disclosure is open: they are most of the page's rendering work, and the list re-renders several
 * times while it loads (entries, waiting items, drafts). docs/decisions/036.
 */
const FiltersForm = memo(function FiltersForm({ applied, onApply }: { applied: JournalFilters; onApply: (filters: JournalFilters) => void }) {
  const [filters, setFilters] = useState(applied);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const count = activeFilterCount(applied);
  const [filtersShown, setFiltersShown] = useState(count > 0);
  const set = (patch: Partial<JournalFilters>) => setFilters((current) => ({ ...current, ...patch }));

  useEffect(() => setFilters(applied), [applied]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = filterProblems(filters);
    const messages: Record<string, string> = {};
    for (const [field, problem] of Object.entries(problems)) {
      messages[field] = t(problem === 'intensity' ? 'journal.intensityInvalid' : problem === 'intensityOrder' ? 'journal.intensityOrder' : 'journal.dateOrder');
    }
    setErrors(messages);
    if (Object.keys(messages).length > 0) {
      const first = Object.keys(messages)[0];
      window.setTimeout(() => document.querySelector<HTMLElement>(`#journal-search [name="${first}"]`)?.focus());
      return;
    }
    onApply(filters);
  };

  return (
    <div role="search" aria-label={t('journal.searchLabel')}>
    <Form id="journal-search" onSubmit={submit} validationErrors={errors} validationBehavior="aria" className="form search-form">
      <TextInput name="q" label={t('journal.searchLabel')} description={t('journal.searchHint')} value={filters.q} onChange={(q) => set({ q })} autoComplete="off" maxLength={200} />
      <details className="filters" open={count > 0} onToggle={(event) => setFiltersShown(event.currentTarget.open)}>
        <summary>{count > 0 ? t('journal.filtersOn', { count }) : t('journal.filters')}</summary>
        {filtersShown && (
        <div className="filters-grid">
          <ShortTextField name="from" type="date" label={t('journal.from')} value={filters.from} onChange={(from) => set({ from })} />
          <ShortTextField name="to" type="date" label={t('journal.to')} value={filters.to} onChange={(to) => set({ to })} />
          <SelectField
            name="topic"
            label={t('journal.topic')}
            options={[{ id: ANY, label: t('journal.anyTopic') }, ...topicOptions()]}
            value={filters.topic || ANY}
            onChange={(topic) => set({ topic: TOPICS.find((x) => x === topic) ?? '' })}
          />
          <SelectField
            name="kind"
            label={t('journal.kind')}
            options={[{ id: ANY, label: t('journal.anyKind') }, ...kindOptions()]}
            value={filters.kind || ANY}
            onChange={(kind) => set({ kind: ENTRY_KINDS.find((x) => x === kind) ?? '' })}
          />
          <ShortTextField name="tag" label={t('journal.tag')} value={filters.tag} onChange={(tag) => set({ tag })} maxLength={40} />
          <SelectField
            name="urgeActedOn"
            label={t('journal.urgeActedOn')}
            options={[
              { id: ANY, label: t('journal.urgeAny') },
              { id: 'yes', label: t('journal.urgeYes') },
              { id: 'no', label: t('journal.urgeNo') },
            ]}
            value={filters.urgeActedOn || ANY}
            onChange={(value) => set({ urgeActedOn: value === 'yes' || value === 'no' ? value : '' })}
          />
          <ShortTextField name="minIntensity" label={t('journal.minIntensity')} description={t('journal.intensityHint')} value={filters.minIntensity} onChange={(minIntensity) => set({ minIntensity })} maxLength={3} />
          <ShortTextField name="maxIntensity" label={t('journal.maxIntensity')} description={t('journal.intensityHint')} value={filters.maxIntensity} onChange={(maxIntensity) => set({ maxIntensity })} maxLength={3} />
        </div>
        )}
      </details>
      <p className="actions">
        <button type="submit" className="button">
          {t('journal.apply')}
        </button>
        {(count > 0 || applied.q) && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setErrors({});
              onApply(EMPTY_FILTERS);
              document.querySelector<HTMLElement>('#journal-search input[name="q"]')?.focus();
            }}
          >
            {t('journal.clear')}
          </button>
        )}
      </p>
    </Form>
    </div>
  );
});

export default function JournalList() {
  const { user } = useSessionData();
  const settings = useTimeZone();
  const notice = useReflectNotice();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(searchParams), [searchParams]);
  const filtersKey = filtersToSearchParams(filters).toString();
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [reloads, setReloads] = useState(0);
  const [syncStatus, setSyncStatus] = useState<string>();
  const firstNewItem = useRef<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const queued = useOutboxItems(user.id, 'journal', reload);
  const drafts = useDeviceDrafts(user.id, ['thought-record', 'quick-capture', 'prompt'], reloads);
  const hadQueued = useRef(false);

  useEffect(() => {
    if (queued.length > 0) hadQueued.current = true;
    else if (hadQueued.current) {
      hadQueued.current = false;
      setSyncStatus(t('sync.synced'));
    }
  }, [queued.length]);

  useEffect(() => {
    if (!settings.ready) return;
    const controller = new AbortController();
    setList((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    listEntries(journalListQuery(filters, { timeZone: settings.timeZone, limit: PAGE_SIZE }), controller.signal).then(
      (page) => setList({ status: 'ready', items: page.items, nextCursor: page.nextCursor, loadingMore: false }),
      (error: unknown) => {
        if (!isAbort(error)) setList({ status: 'failed', error });
      },
    );
    return () => controller.abort();
    // filtersKey stands for filters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filtersKey, settings.ready, settings.timeZone, reloads]);

  // After "Load more", move focus to the first new entry so keyboard users carry on from there.
  useEffect(() => {
    if (!firstNewItem.current || list.status !== 'ready') return;
    const id = firstNewItem.current;
    firstNewItem.current = null;
    listRef.current?.querySelector<HTMLAnchorElement>(`a[href="/journal/${id}"]`)?.focus();
  }, [list]);

  const loadMore = async () => {
    if (list.status !== 'ready' || !list.nextCursor || list.loadingMore) return;
    setList({ ...list, loadingMore: true, moreError: undefined });
    try {
      const page = await listEntries(journalListQuery(filters, { timeZone: settings.timeZone, cursor: list.nextCursor, limit: PAGE_SIZE }));
      firstNewItem.current = page.items[0]?.id ?? null;
      setList((current) =>
        current.status === 'ready' ? { status: 'ready', items: [...current.items, ...page.items], nextCursor: page.nextCursor, loadingMore: false } : current,
      );
    } catch (error) {
      setList((current) => (current.status === 'ready' ? { ...current, loadingMore: false, moreError: errorMessage(error) } : current));
    }
  };

  const applyFilters = useCallback((next: JournalFilters) => setSearchParams(filtersToSearchParams(next), { replace: true }), [setSearchParams]);
  const searching = activeFilterCount(filters) > 0 || filters.q !== '';
  const offline = list.status === 'failed' && list.error instanceof ApiError && list.error.code === 'NETWORK';

  return (
    <div className="page page-wide">
      <PageHeading title={t('journal.title')}>{t('journal.heading')}</PageHeading>
      <p className="lead">{t('journal.lead')}</p>
      <p className="actions">
        <AppLink className="button" to="/journal/new">
          {t('journal.newRecord')}
        </AppLink>
        <AppLink className="button button-secondary" to="/journal/quick">
          {t('journal.quickCapture')}
        </AppLink>
        <AppLink className="button button-secondary" to="/journal/prompts">
          {t('journal.prompts')}
        </AppLink>
      </p>

      <StatusMessage message={syncStatus ?? (notice ? t(notice.message) : undefined)} />
      <SafetyPanel screening={notice?.screening} />

      {queued.length > 0 && (
        <section aria-labelledby="waiting-heading" className="waiting">
          <h2 id="waiting-heading">{t('sync.waitingHeading')}</h2>
          <p className="hint">{t('sync.waitingLead')}</p>
          <ul className="entry-list">
            {queued.map((item) => (
              <QueuedCard key={item.id} item={item} timeZone={settings.timeZone} />
            ))}
          </ul>
        </section>
      )}

      {drafts.length > 0 && (
        <section aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">{t('journal.draftsHeading')}</h2>
          <p className="hint">{t('journal.draftsLead')}</p>
          <ul className="plain-list draft-list">
            {drafts.map((draft) => {
              const link = draftLink(draft);
              return (
                <li key={`${draft.form}/${draft.id ?? 'new'}`}>
                  <AppLink to={link.to} state={link.state}>
                    {t('journal.draftContinue', { form: t(link.label) })}
                  </AppLink>{' '}
                  <span className="hint">{t('journal.draftItem', { form: t(link.label), time: formatDateTime(draft.record.savedAt, settings.timeZone) })}</span>
                  {draft.record.note && <span className="field-error"> {t('journal.draftRefused', { reason: draft.record.note })}</span>}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t('journal.listHeading')}</h2>
        <FiltersForm applied={filters} onApply={applyFilters} />
        {list.status === 'loading' && <Loading />}
        {list.status === 'failed' &&
          (offline ? (
            <p className="callout">{t('journal.offlineList')}</p>
          ) : (
            <div className="callout">
              <AlertMessage message={errorMessage(list.error)} />
              <button type="button" className="button button-secondary" onClick={reload}>
                {t('app.retry')}
              </button>
            </div>
          ))}
        {list.status === 'ready' && (
          <>
            {searching && <StatusMessage message={t('journal.count', { count: list.items.length })} />}
            {list.items.length === 0 ? (
              searching ? (
                <p>{t('journal.emptyFiltered')}</p>
              ) : (
                queued.length === 0 && (
                  <div className="card empty-state">
                    <h3>{t('journal.emptyHeading')}</h3>
                    <p>{t('journal.emptyBody')}</p>
                    <p>
                      <AppLink to="/journal/quick">{t('journal.emptyCta')}</AppLink>
                    </p>
                  </div>
                )
              )
            ) : (
              <ol ref={listRef} className="entry-list">
                {list.items.map((entry) => (
                  <EntryCard key={entry.id} entry={entry} timeZone={settings.timeZone} />
                ))}
              </ol>
            )}
            <AlertMessage message={list.moreError} />
            {list.nextCursor && (
              <button type="button" className="button button-secondary" onClick={() => void loadMore()}>
                {list.loadingMore ? t('reflect.loadingMore') : t('reflect.loadMore')}
              </button>
            )}
          </>
        )}
      </section>
    </div>
  );
}
