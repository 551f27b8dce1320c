import { useState } from 'react';
import { Form } from 'react-aria-components';
import { CHECKIN_QUESTIONS, CHECKIN_TEXT_MAX, MOODS, type CheckinQuestion } from '../../../core/couple/checkins';
import { checkinCreateSchema, type CheckinAnswer, type CheckinConsistency, type CheckinDay, type CheckinToday } from '../../../core/schemas/checkins';
import type { Screening } from '../../../core/schemas/reflect';
import { AppLink } from '../../components/AppLink';
import { SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { SafetyPanel } from '../../components/reflect/SafetyPanel';
import { RadioGroupField, TextAreaField } from '../../components/reflect/fields';
import { ApiError, errorMessage } from '../../lib/api';
import { getConsistency, getToday, listCheckins, saveCheckin } from '../../lib/checkins-api';
import { formatDay } from '../../lib/format';
import { t, type MessageKey } from '../../lib/i18n';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { useResource } from '../../lib/use-resource';
import { useTimeZone } from '../../lib/use-time-zone';
import { ConsistencyView } from './ConsistencyView';
import { useLiveEvents } from '../../lib/live';
import { useSubmissionKeys } from '../../lib/use-submission-keys';

type MoodId = `${(typeof MOODS)[number]}`;
const moodLabel = (mood: number) => t(`checkins.moods.m${mood}` as MessageKey);
const questionLabel = (q: CheckinQuestion) => t(`checkins.questions.${q}`);

type Values = Record<CheckinQuestion, string> & { mood: MoodId | '' };
const EMPTY: Values = { mood: '', highPoint: '', heavy: '', appreciation: '', need: '' };

function CheckinForm({ timeZone, onSaved }: { timeZone: string; onSaved: (screening: Screening) => void }) {
  const [values, setValues] = useState<Values>(EMPTY);
  // One Idempotency-Key per submission, kept when the same answer is sent again after a failure.
  const keys = useSubmissionKeys();
  const form = useAsyncForm(async () => {
    if (values.mood === '') throw new InvalidFields({ mood: t('checkins.moodRequired') });
    const parsed = checkinCreateSchema.safeParse({ ...values, mood: Number(values.mood), timeZone });
    if (!parsed.success) throw new InvalidFields(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
    try {
      const saved = await saveCheckin(parsed.data, keys.keyFor(parsed.data));
      keys.done();
      onSaved(saved.screening);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        form.setGeneral(t('checkins.alreadyAnswered'));
        onSaved({ selfHarm: false, partnerDanger: false });
        return;
      }
      throw error;
    }
  });
  return (
    <section aria-labelledby="checkin-form-heading">
      <h2 id="checkin-form-heading">{t('checkins.formHeading')}</h2>
      <p className="hint">{t('checkins.formHint')}</p>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <RadioGroupField<MoodId>
          name="mood"
          label={t('checkins.mood')}
          options={MOODS.map((m) => ({ id: `${m}` as MoodId, label: moodLabel(m) }))}
          value={values.mood}
          onChange={(mood) => setValues((v) => ({ ...v, mood }))}
        />
        {CHECKIN_QUESTIONS.map((q) => (
          <TextAreaField
            key={q}
            name={q}
            label={questionLabel(q)}
            description={t(`checkins.hints.${q}`)}
            value={values[q]}
            onChange={(text) => setValues((v) => ({ ...v, [q]: text }))}
            maxLength={CHECKIN_TEXT_MAX}
            rows={2}
          />
        ))}
        <p className="hint">{t('checkins.oneADay')}</p>
        <AlertMessage message={form.general} />
        <SubmitButton pending={form.pending} pendingLabel={t('app.saving')}>
          {t('checkins.save')}
        </SubmitButton>
      </Form>
    </section>
  );
}

/** One person's answer for a day. */
function AnswerCard({ who, answer, headingLevel = 3 }: { who: string; answer: CheckinAnswer; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const written = CHECKIN_QUESTIONS.filter((q) => answer[q].trim() !== '');
  return (
    <div className="card checkin-answer">
      <Heading>{who}</Heading>
      <p>
        <strong>{t('checkins.moodLabel')}:</strong> {t('checkins.moodValue', { mood: answer.mood, label: moodLabel(answer.mood) })}
      </p>
      {written.length === 0 ? (
        <p className="hint">{t('checkins.nothingWritten')}</p>
      ) : (
        <dl className="checkin-qa">
          {written.map((q) => (
            <div key={q}>
              <dt>{questionLabel(q)}</dt>
              <dd className="preserve-lines">{answer[q]}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

function TodayView({ today }: { today: CheckinToday }) {
  if (!today.mine) return null;
  if (!today.revealed || !today.partner) {
    return (
      <section aria-labelledby="checkin-waiting-heading">
        <h2 id="checkin-waiting-heading">{t('checkins.waitingHeading')}</h2>
        <p className="callout">{t('checkins.waiting')}</p>
        <AnswerCard who={t('checkins.yours')} answer={today.mine} />
      </section>
    );
  }
  return (
    <section aria-labelledby="checkin-revealed-heading">
      <h2 id="checkin-revealed-heading">{t('checkins.revealedHeading')}</h2>
      <div className="checkin-pair">
        <AnswerCard who={t('checkins.yours')} answer={today.mine} />
        <AnswerCard who={t('checkins.partners')} answer={today.partner} />
      </div>
    </section>
  );
}

function History({ todayDay }: { todayDay: string }) {
  const [more, setMore] = useState<{ items: CheckinDay[]; cursor: string | null }>();
  const [error, setError] = useState<string>();
  const first = useResource((signal) => listCheckins(null, signal));
  if (first.loading && !first.data) return <Loading />;
  if (first.error !== undefined) return <AlertMessage message={errorMessage(first.error)} />;
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])].filter((d) => d.day !== todayDay || d.archived);
  const cursor = more ? more.cursor : (first.data?.nextCursor ?? null);
  const loadMore = async () => {
    if (!cursor) return;
    try {
      const page = await listCheckins(cursor);
      setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], cursor: page.nextCursor }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      <AlertMessage message={error} />
      {items.length === 0 ? (
        <p>{t('checkins.historyEmpty')}</p>
      ) : (
        <ol className="entry-list">
          {items.map((d) => (
            <li key={d.mine.id} className="entry-card">
              <h3 className="entry-title">{formatDay(d.day)}</h3>
              {d.archived && (
                <p className="entry-meta">
                  <span className="badge">{t('checkins.archived')}</span>
                  <span>{t('checkins.archivedHint')}</span>
                </p>
              )}
              <div className="checkin-pair">
                <AnswerCard who={t('checkins.yours')} answer={d.mine} headingLevel={4} />
                {d.partner ? <AnswerCard who={t('checkins.partners')} answer={d.partner} headingLevel={4} /> : <p className="hint">{t('checkins.notRevealed')}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
      {cursor && (
        <button type="button" className="button button-secondary" onClick={() => void loadMore()}>
          {t('checkins.loadMore')}
        </button>
      )}
    </>
  );
}

function CheckinPage({ timeZone }: { timeZone: string }) {
  const today = useResource((signal) => getToday(timeZone, signal));
  const consistency = useResource<CheckinConsistency>((signal) => getConsistency(timeZone, signal));
  const [screening, setScreening] = useState<Screening>();
  const [message, setMessage] = useState<string>();
  const [version, setVersion] = useState(0);
  // When my partner's answer completes today's reveal, show it without a reload.
  useLiveEvents(['checkin', 'couple'], () => {
    today.reload();
    consistency.reload();
    setVersion((n) => n + 1);
  });

  if (today.loading && !today.data) return <Loading />;
  if (today.error !== undefined || !today.data) {
    return (
      <div className="callout">
        <AlertMessage message={errorMessage(today.error)} />
        <button type="button" className="button button-secondary" onClick={today.reload}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  const data = today.data;
  return (
    <>
      <p className="hint">{t('checkins.dayLabel', { day: formatDay(data.day) })}</p>
      <StatusMessage message={message} />
      <SafetyPanel screening={screening} />
      {!data.linked ? (
        <section className="note" aria-labelledby="checkin-unlinked-heading">
          <h2 id="checkin-unlinked-heading">{t('checkins.notLinkedHeading')}</h2>
          <p>{t('checkins.notLinked')}</p>
          <p>
            <AppLink to="/couple">{t('checkins.notLinkedLink')}</AppLink>
          </p>
        </section>
      ) : data.mine ? (
        <TodayView today={data} />
      ) : (
        <CheckinForm
          timeZone={timeZone}
          onSaved={(result) => {
            setScreening(result);
            setMessage(t('checkins.saved'));
            today.reload();
            consistency.reload();
            setVersion((n) => n + 1);
          }}
        />
      )}
      <section aria-labelledby="checkin-consistency-heading">
        <h2 id="checkin-consistency-heading">{t('checkins.consistencyHeading')}</h2>
        {consistency.data ? <ConsistencyView view={consistency.data} /> : consistency.error !== undefined ? <AlertMessage message={errorMessage(consistency.error)} /> : <Loading />}
      </section>
      <section aria-labelledby="checkin-history-heading">
        <h2 id="checkin-history-heading">{t('checkins.historyHeading')}</h2>
        <History key={version} todayDay={data.day} />
      </section>
    </>
  );
}

export default function Checkin() {
  const settings = useTimeZone();
  return (
    <div className="page">
      <PageHeading title={t('checkins.title')}>{t('checkins.heading')}</PageHeading>
      <p className="lead">{t('checkins.lead')}</p>
      {settings.ready ? <CheckinPage timeZone={settings.timeZone} /> : <Loading />}
    </div>
  );
}
