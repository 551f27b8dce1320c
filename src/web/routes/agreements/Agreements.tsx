import { useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { AGREEMENT_TOPICS, type AgreementTopic } from '../../../core/couple/agreements';
import { localDay } from '../../../core/couple/commitments';
import { agreementCreateSchema, agreementVersionCreateSchema, type Agreement, type AgreementDetail, type AgreementList, type AgreementVersion } from '../../../core/schemas/agreements';
import type { Screening } from '../../../core/schemas/reflect';
import { SelectField, SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { SafetyPanel } from '../../components/reflect/SafetyPanel';
import { ShortTextField, TextAreaField } from '../../components/reflect/fields';
import { acceptVersion, getAgreement, listAgreements, proposeAgreement, proposeVersion } from '../../lib/agreements-api';
import { errorMessage } from '../../lib/api';
import { issuePathsToFields } from '../../lib/entry-form';
import { formatDay } from '../../lib/format';
import { t } from '../../lib/i18n';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { useResource } from '../../lib/use-resource';
import { useTimeZone } from '../../lib/use-time-zone';
import { useLiveEvents } from '../../lib/live';
import { NotLinkedNote, LoadFailed } from '../../components/couple/CouplePageStates';
import { useSubmissionKeys } from '../../lib/use-submission-keys';

/*
 * /couple/agreements: what we agreed, topic by topic. Each card says plainly whether the wording
 * is in force (both accepted it), waiting for me, or waiting for my partner; a suggested change
 * never hides the version in force. Without a partner the page only says, kindly, where linking
 * lives; it never pushes.
 */

export default function Agreements() {
  const { ready, timeZone } = useTimeZone();
  return (
    <>
      <PageHeading title={t('agreements.title')} />
      <p className="lead">{t('agreements.intro')}</p>
      {ready ? <AgreementsBody timeZone={timeZone} /> : <Loading />}
    </>
  );
}

const topicLabel = (topic: AgreementTopic) => t(`agreements.topic.${topic}`);
const fieldNames = (form: HTMLFormElement | null) => new Set(Array.from(form?.elements ?? []).flatMap((el) => el.getAttribute('name') ?? []));

function AgreementsBody({ timeZone }: { timeZone: string }) {
  const list = useResource((signal) => listAgreements(timeZone, signal));
  useLiveEvents(['agreement', 'couple'], list.reload);
  const [notice, setNotice] = useState<string>();
  const [screening, setScreening] = useState<Screening>();

  if (list.error && !list.data) {
    return (
      <LoadFailed message="agreements.loadFailed" error={list.error} onRetry={list.reload} />
    );
  }
  if (!list.data) return <Loading />;
  const data: AgreementList = list.data;
  if (!data.linked && data.items.length === 0) {
    return (
      <NotLinkedNote id="agreements-not-linked" heading="agreements.notLinkedHeading" body="agreements.notLinked" link="agreements.notLinkedLink" />
    );
  }

  const replace = (a: Agreement) => list.setData({ ...data, items: data.items.map((i) => (i.id === a.id ? a : i)) });
  const saved = (s: Screening, message: string) => {
    setScreening(s);
    setNotice(message);
  };

  return (
    <div className="agreements">
      <StatusMessage message={notice} />
      {!data.linked && <p className="card agreements-archive">{t('agreements.archiveNote')}</p>}
      <SafetyPanel screening={screening} />

      <section aria-labelledby="agreements-list">
        <h2 id="agreements-list">{t('agreements.listHeading')}</h2>
        {data.items.length === 0 ? (
          <p>{t('agreements.empty')}</p>
        ) : (
          data.items.map((a) => <AgreementCard key={a.id} a={a} timeZone={timeZone} onReplace={replace} onNotice={setNotice} onSaved={saved} />)
        )}
      </section>

      {data.linked && (
        <ProposeForm
          timeZone={timeZone}
          onSaved={(a, s) => {
            list.setData({ ...data, items: [a, ...data.items] });
            saved(s, t('agreements.proposed'));
          }}
        />
      )}
    </div>
  );
}

function stateText(a: Agreement): string {
  if (a.state === 'active') return t('agreements.stateActive');
  if (!a.canChange) return t('agreements.stateArchived');
  return a.state === 'waiting-for-me' ? t('agreements.stateWaitingForMe') : t('agreements.stateWaitingForPartner');
}

function acceptanceText(v: AgreementVersion): string {
  const me = v.acceptances.some((x) => x.who === 'me');
  const partner = v.acceptances.some((x) => x.who === 'partner');
  if (me && partner) return t('agreements.acceptedByBoth');
  return me ? t('agreements.acceptedByMe') : partner ? t('agreements.acceptedByPartner') : '';
}

function VersionText({ v, timeZone }: { v: AgreementVersion; timeZone: string }) {
  return (
    <>
      <p className="agreement-text">{v.text}</p>
      <p className="hint">
        {t('agreements.versionBy', { number: v.number, who: v.author === 'me' ? t('agreements.byMe') : t('agreements.byPartner'), day: formatDay(localDay(Date.parse(v.createdAt), timeZone)) })} ·{' '}
        {acceptanceText(v)}
      </p>
    </>
  );
}

interface CardProps {
  a: Agreement;
  timeZone: string;
  onReplace: (a: Agreement) => void;
  onNotice: (message: string) => void;
  onSaved: (screening: Screening, message: string) => void;
}

function AgreementCard({ a, timeZone, onReplace, onNotice, onSaved }: CardProps) {
  const [mode, setMode] = useState<'view' | 'edit'>('view');
  const [history, setHistory] = useState<AgreementDetail>();
  const [showHistory, setShowHistory] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const headingId = `agreement-${a.id}`;
  const title = a.active?.title ?? a.latest.title;
  const pending = a.active?.number !== a.latest.number ? a.latest : undefined;

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const accept = () =>
    run(async () => {
      const detail = await acceptVersion(a.id, a.latest.number, timeZone);
      onReplace(detail);
      if (showHistory) setHistory(detail);
      onNotice(t('agreements.accepted'));
    });

  const toggleHistory = () =>
    run(async () => {
      if (showHistory) return setShowHistory(false);
      setHistory(await getAgreement(a.id, timeZone));
      setShowHistory(true);
    });

  return (
    <article className="card agreement" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p className="agreement-meta">
        <span className="agreement-topic">{topicLabel(a.topic)}</span> · <span className={`agreement-state agreement-state-${a.state}`}>{stateText(a)}</span>
      </p>
      <p className={a.review === 'due' ? 'agreement-review agreement-review-due' : 'hint'}>
        {a.review === 'none' || !a.reviewDay
          ? t('agreements.reviewNone')
          : a.review === 'due'
            ? t('agreements.reviewDue', { day: formatDay(a.reviewDay) })
            : t('agreements.reviewScheduled', { day: formatDay(a.reviewDay) })}
      </p>

      {a.active ? (
        <section className="agreement-version" aria-label={t('agreements.inForceHeading', { number: a.active.number })}>
          <h4>{t('agreements.inForceHeading', { number: a.active.number })}</h4>
          <VersionText v={a.active} timeZone={timeZone} />
        </section>
      ) : (
        <p className="hint">{t('agreements.noneInForce')}</p>
      )}
      {pending && (
        <section className="agreement-version agreement-pending" aria-label={t('agreements.proposedHeading', { number: pending.number })}>
          <h4>{t('agreements.proposedHeading', { number: pending.number })}</h4>
          {pending.title !== title && <p className="agreement-pending-title">{pending.title}</p>}
          <VersionText v={pending} timeZone={timeZone} />
        </section>
      )}

      <AlertMessage message={error} />
      <div className="agreement-actions">
        {a.canChange && a.state === 'waiting-for-me' && (
          <button type="button" className="button" onClick={() => void accept()}>
            {busy ? t('agreements.accepting') : t('agreements.accept', { number: a.latest.number })}
          </button>
        )}
        {a.canChange && mode === 'view' && (
          <button type="button" className="button button-secondary" aria-label={t('agreements.editLabel', { title })} onClick={() => setMode('edit')}>
            {t('agreements.edit')}
          </button>
        )}
        <button type="button" className="button button-quiet" aria-expanded={showHistory} aria-label={showHistory ? t('agreements.hideHistory') : t('agreements.historyLabel', { title })} onClick={() => void toggleHistory()}>
          {showHistory ? t('agreements.hideHistory') : t('agreements.history')}
        </button>
      </div>

      {showHistory && history && (
        <section className="agreement-history" aria-labelledby={`history-${a.id}`}>
          <h4 id={`history-${a.id}`}>{t('agreements.historyHeading', { title })}</h4>
          <ol reversed>
            {history.versions.map((v) => (
              <li key={v.number}>
                <p className="agreement-pending-title">{v.title}</p>
                <VersionText v={v} timeZone={timeZone} />
              </li>
            ))}
          </ol>
        </section>
      )}

      {mode === 'edit' && (
        <EditForm
          a={a}
          timeZone={timeZone}
          onCancel={() => setMode('view')}
          onSaved={(detail, screening) => {
            setMode('view');
            onReplace(detail);
            if (showHistory) setHistory(detail);
            onSaved(screening, t('agreements.edited'));
          }}
        />
      )}
    </article>
  );
}

function ProposeForm({ timeZone, onSaved }: { timeZone: string; onSaved: (a: Agreement, screening: Screening) => void }) {
  const [topic, setTopic] = useState<string>('phones');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [reviewDay, setReviewDay] = useState('');
  const keys = useSubmissionKeys();

  const form = useAsyncForm(async () => {
    const parsed = agreementCreateSchema.safeParse({ topic, title, text, reviewDay: reviewDay || null, timeZone });
    if (!parsed.success) throw new InvalidFields(issuePathsToFields(parsed.error.issues, fieldNames(form.ref.current)));
    const saved = await proposeAgreement(parsed.data, keys.keyFor(parsed.data));
    keys.done();
    setTitle('');
    setText('');
    setReviewDay('');
    onSaved(saved.agreement, saved.screening);
  });

  return (
    <section className="card" aria-labelledby="agreements-propose">
      <h2 id="agreements-propose">{t('agreements.proposeHeading')}</h2>
      <p className="hint">{t('agreements.proposeHint')}</p>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <SelectField name="topic" label={t('agreements.topicLabel')} options={AGREEMENT_TOPICS.map((id) => ({ id, label: topicLabel(id) }))} value={topic} onChange={setTopic} />
        <ShortTextField name="title" label={t('agreements.titleLabel')} description={t('agreements.titleHint')} value={title} onChange={setTitle} maxLength={200} isRequired />
        <TextAreaField name="text" label={t('agreements.textLabel')} description={t('agreements.textHint')} value={text} onChange={setText} maxLength={4000} rows={3} isRequired />
        <ShortTextField name="reviewDay" type="date" label={t('agreements.reviewLabel')} description={t('agreements.reviewHint')} value={reviewDay} onChange={setReviewDay} />
        <AlertMessage message={form.general} />
        <SubmitButton pending={form.pending} pendingLabel={t('agreements.proposing')}>
          {t('agreements.propose')}
        </SubmitButton>
      </Form>
    </section>
  );
}

function EditForm({ a, timeZone, onSaved, onCancel }: { a: Agreement; timeZone: string; onSaved: (a: AgreementDetail, screening: Screening) => void; onCancel: () => void }) {
  const [title, setTitle] = useState(a.latest.title);
  const [text, setText] = useState(a.latest.text);
  const [reviewDay, setReviewDay] = useState(a.reviewDay ?? '');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const keys = useSubmissionKeys();

  const form = useAsyncForm(async () => {
    const review = reviewDay || null;
    const parsed = agreementVersionCreateSchema.safeParse({ title, text, timeZone, ...(review === a.reviewDay ? {} : { reviewDay: review }) });
    if (!parsed.success) throw new InvalidFields(issuePathsToFields(parsed.error.issues, fieldNames(form.ref.current)));
    const saved = await proposeVersion(a.id, parsed.data, keys.keyFor({ id: a.id, ...parsed.data }));
    keys.done();
    onSaved(saved.agreement, saved.screening);
  });

  return (
    <section className="agreement-edit" aria-labelledby={`edit-${a.id}`}>
      <h4 id={`edit-${a.id}`} ref={headingRef} tabIndex={-1}>
        {t('agreements.editHeading', { title: a.active?.title ?? a.latest.title })}
      </h4>
      <p className="hint">{t('agreements.editHint')}</p>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <ShortTextField name="title" label={t('agreements.titleLabel')} value={title} onChange={setTitle} maxLength={200} isRequired />
        <TextAreaField name="text" label={t('agreements.textLabel')} value={text} onChange={setText} maxLength={4000} rows={3} isRequired />
        <ShortTextField name="reviewDay" type="date" label={t('agreements.reviewLabel')} value={reviewDay} onChange={setReviewDay} />
        <AlertMessage message={form.general} />
        <div className="agreement-actions">
          <SubmitButton pending={form.pending} pendingLabel={t('agreements.proposing')}>
            {t('agreements.editSave')}
          </SubmitButton>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('agreements.cancel')}
          </button>
        </div>
      </Form>
    </section>
  );
}
