import { useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { localDay, parseRecurrence, WEEKDAYS, type Weekday } from '../../../core/couple/commitments';
import { commitmentCreateSchema, type Commitment, type CommitmentList } from '../../../core/schemas/commitments';
import type { Screening } from '../../../core/schemas/reflect';
import { SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { SafetyPanel } from '../../components/reflect/SafetyPanel';
import { CheckboxGroupField, RadioGroupField, ShortTextField, TextAreaField } from '../../components/reflect/fields';
import { endCommitment, listCommitments, markOccurrence, proposeCommitment, renegotiateCommitment } from '../../lib/commitments-api';
import { errorMessage } from '../../lib/api';
import { describeRecord, describeSchedule } from '../../lib/commitment-wording';
import { issuePathsToFields } from '../../lib/entry-form';
import { formatDay } from '../../lib/format';
import { t } from '../../lib/i18n';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { useResource } from '../../lib/use-resource';
import { useTimeZone } from '../../lib/use-time-zone';
import { WeekChart } from './WeekChart';
import { useLiveEvents } from '../../lib/live';
import { NotLinkedNote, LoadFailed } from '../../components/couple/CouplePageStates';
import { useSubmissionKeys } from '../../lib/use-submission-keys';

/*
 * /couple/commitments: my promises (mark today's occurrence, renegotiate, end), my partner's
 * (read only, with their record), and the earlier versions — nothing is dropped silently.
 * Without a partner the page only says, kindly, where linking lives; it never pushes.
 */

export default function Commitments() {
  const { ready, timeZone } = useTimeZone();
  return (
    <>
      <PageHeading title={t('commitments.title')} />
      <p className="lead">{t('commitments.intro')}</p>
      {ready ? <CommitmentsBody timeZone={timeZone} /> : <Loading />}
    </>
  );
}

function CommitmentsBody({ timeZone }: { timeZone: string }) {
  const list = useResource((signal) => listCommitments(timeZone, signal));
  useLiveEvents(['commitment', 'couple'], list.reload);
  const [notice, setNotice] = useState<string>();
  const [screening, setScreening] = useState<Screening>();
  const [repairFor, setRepairFor] = useState<string>();

  if (list.error && !list.data) {
    return (
      <LoadFailed message="commitments.loadFailed" error={list.error} onRetry={list.reload} />
    );
  }
  if (!list.data) return <Loading />;
  const data: CommitmentList = list.data;
  if (!data.linked && data.items.length === 0) {
    return (
      <NotLinkedNote id="commitments-not-linked" heading="commitments.notLinkedHeading" body="commitments.notLinked" link="commitments.notLinkedLink" />
    );
  }

  const replace = (c: Commitment) => list.setData({ ...data, items: data.items.map((i) => (i.id === c.id ? c : i)) });
  const mine = data.items.filter((c) => c.maker === 'me' && c.status === 'active');
  const partners = data.items.filter((c) => c.maker === 'partner' && c.status === 'active');
  const past = data.items.filter((c) => c.status !== 'active');
  const cardProps = {
    timeZone,
    onNotice: setNotice,
    onReplace: replace,
    onReload: list.reload,
    repairFor,
    onRepair: setRepairFor,
    onScreening: setScreening,
  };

  return (
    <div className="commitments">
      <StatusMessage message={notice} />
      {!data.linked && <p className="card commitments-archive">{t('commitments.archiveNote')}</p>}

      {(data.linked || mine.length > 0) && (
        <section aria-labelledby="commitments-mine">
          <h2 id="commitments-mine">{t('commitments.mineHeading')}</h2>
          {mine.length === 0 ? <p>{t('commitments.mineEmpty')}</p> : mine.map((c) => <CommitmentCard key={c.id} c={c} {...cardProps} />)}
        </section>
      )}

      {data.linked && (
        <>
          <SafetyPanel screening={screening} />
          <ProposeForm
            timeZone={timeZone}
            onSaved={(c, s) => {
              list.setData({ ...data, items: [c, ...data.items] });
              setScreening(s);
              setNotice(t('commitments.proposed'));
            }}
          />
        </>
      )}

      {(data.linked || partners.length > 0) && (
        <section aria-labelledby="commitments-partner">
          <h2 id="commitments-partner">{t('commitments.partnerHeading')}</h2>
          {partners.length === 0 ? <p>{t('commitments.partnerEmpty')}</p> : partners.map((c) => <CommitmentCard key={c.id} c={c} {...cardProps} />)}
        </section>
      )}

      {past.length > 0 && (
        <section aria-labelledby="commitments-past">
          <h2 id="commitments-past">{t('commitments.pastHeading')}</h2>
          <p className="hint">{t('commitments.pastHint')}</p>
          {past.map((c) => (
            <CommitmentCard key={c.id} c={c} {...cardProps} />
          ))}
        </section>
      )}
    </div>
  );
}

interface CardProps {
  c: Commitment;
  timeZone: string;
  onNotice: (message: string) => void;
  onReplace: (c: Commitment) => void;
  onReload: () => void;
  repairFor: string | undefined;
  onRepair: (id: string | undefined) => void;
  /** What crisis screening found in new words (renegotiating), for the safety panel. */
  onScreening: (screening: Screening) => void;
}

function CommitmentCard({ c, timeZone, onNotice, onReplace, onReload, repairFor, onRepair, onScreening }: CardProps) {
  const [mode, setMode] = useState<'view' | 'renegotiate' | 'end'>('view');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const headingId = `commitment-${c.id}`;

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

  const mark = (outcome: 'kept' | 'missed') =>
    run(async () => {
      const saved = await markOccurrence(c.id, c.today.day, outcome, timeZone);
      onReplace(saved.commitment);
      onNotice(outcome === 'kept' ? t('commitments.markedKept') : t('commitments.markedMissed'));
      onRepair(saved.repair ? c.id : undefined);
    });

  const end = () =>
    run(async () => {
      onReplace(await endCommitment(c.id, timeZone));
      setMode('view');
      onNotice(t('commitments.ended'));
    });

  return (
    <article className="card commitment" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {c.title}
        {c.status !== 'active' && <span className="commitment-status"> · {c.status === 'ended' ? t('commitments.statusEnded') : t('commitments.statusRenegotiated')}</span>}
      </h3>
      {c.details && <p className="commitment-details">{c.details}</p>}
      <p className="hint">
        {describeSchedule(c)}
        {c.startDay > c.today.day && ` · ${t('commitments.startsOn', { day: formatDay(c.startDay) })}`}
      </p>
      {c.replacedBy && <p className="hint">{t('commitments.replacedNote')}</p>}
      {c.replaces && c.status === 'active' && <p className="hint">{t('commitments.replacesNote')}</p>}

      <p className="commitment-record">{describeRecord(c.record)}</p>

      {c.status === 'active' && (
        <p>
          {!c.today.due
            ? t('commitments.todayNotDue')
            : c.today.outcome === 'kept'
              ? t('commitments.todayKept')
              : c.today.outcome === 'missed'
                ? t('commitments.todayMissed')
                : t('commitments.todayDue')}{' '}
          {c.nextDue.length > 0 ? t('commitments.nextDue', { days: c.nextDue.map(formatDay).join('; ') }) : t('commitments.noneAhead')}
        </p>
      )}

      {c.canChange && c.today.due && (
        <div className="commitment-actions">
          <button type="button" className="button" aria-pressed={c.today.outcome === 'kept'} aria-label={t('commitments.markKeptLabel', { title: c.title })} onClick={() => void mark('kept')}>
            {t('commitments.markKept')}
          </button>
          <button type="button" className="button button-secondary" aria-pressed={c.today.outcome === 'missed'} aria-label={t('commitments.markMissedLabel', { title: c.title })} onClick={() => void mark('missed')}>
            {t('commitments.markMissed')}
          </button>
        </div>
      )}
      <AlertMessage message={error} />
      {repairFor === c.id && <RepairPrompt onClose={() => onRepair(undefined)} />}

      <WeekChart weeks={c.weeks} title={c.title} />

      {c.canChange && mode === 'view' && (
        <div className="commitment-actions">
          <button type="button" className="button button-secondary" aria-label={t('commitments.renegotiateLabel', { title: c.title })} onClick={() => setMode('renegotiate')}>
            {t('commitments.renegotiate')}
          </button>
          <button type="button" className="button button-quiet" aria-label={t('commitments.endLabel', { title: c.title })} onClick={() => setMode('end')}>
            {t('commitments.end')}
          </button>
        </div>
      )}
      {mode === 'end' && (
        <div className="commitment-confirm">
          <p>{t('commitments.endConfirm', { title: c.title })}</p>
          <div className="commitment-actions">
            <button type="button" className="button button-danger" onClick={() => void end()}>
              {t('commitments.endYes')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setMode('view')}>
              {t('commitments.cancel')}
            </button>
          </div>
        </div>
      )}
      {mode === 'renegotiate' && (
        <RenegotiateForm
          c={c}
          timeZone={timeZone}
          onCancel={() => setMode('view')}
          onSaved={(screening) => {
            setMode('view');
            onScreening(screening);
            onNotice(t('commitments.renegotiated'));
            onReload();
          }}
        />
      )}
    </article>
  );
}

function RepairPrompt({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="commitment-repair" aria-labelledby="commitment-repair-heading">
      <h4 id="commitment-repair-heading" ref={ref} tabIndex={-1}>
        {t('commitments.repairHeading')}
      </h4>
      <p>{t('commitments.repairIntro')}</p>
      <dl>
        <dt>{t('commitments.repairWhatHappened')}</dt>
        <dd>{t('commitments.repairWhatHappenedIdeas')}</dd>
        <dt>{t('commitments.repairDifferent')}</dt>
        <dd>{t('commitments.repairDifferentIdeas')}</dd>
      </dl>
      <button type="button" className="button button-secondary" onClick={onClose}>
        {t('commitments.repairDismiss')}
      </button>
    </section>
  );
}

type Repeat = 'once' | 'daily' | 'weekdays';
interface ScheduleValues {
  repeat: Repeat;
  byDay: Weekday[];
  until: string;
}

/** The RRULE for the form's choice (null: a one-off); field errors when incomplete. */
function recurrenceOf(v: ScheduleValues, errors: Record<string, string>): string | null {
  if (v.repeat === 'once') return null;
  const until = v.until ? `;UNTIL=${v.until.replaceAll('-', '')}` : '';
  if (v.repeat === 'daily') return `FREQ=DAILY${until}`;
  if (v.byDay.length === 0) errors.byDay = t('commitments.weekdaysRequired');
  return `FREQ=WEEKLY;BYDAY=${v.byDay.join(',')}${until}`;
}

function scheduleValuesOf(recurrence: string | null): ScheduleValues {
  const parsed = recurrence ? parseRecurrence(recurrence) : undefined;
  if (!parsed?.ok) return { repeat: 'once', byDay: [], until: '' };
  const r = parsed.rule;
  return { repeat: r.freq === 'DAILY' ? 'daily' : 'weekdays', byDay: r.byDay, until: r.until ?? '' };
}

function ScheduleFields({ values, change }: { values: ScheduleValues; change: (patch: Partial<ScheduleValues>) => void }) {
  return (
    <>
      <RadioGroupField
        name="repeat"
        label={t('commitments.repeatLabel')}
        options={[
          { id: 'once' as const, label: t('commitments.repeatOnce') },
          { id: 'daily' as const, label: t('commitments.repeatDaily') },
          { id: 'weekdays' as const, label: t('commitments.repeatWeekdays') },
        ]}
        value={values.repeat}
        onChange={(repeat) => change({ repeat })}
      />
      {values.repeat === 'weekdays' && (
        <CheckboxGroupField
          name="byDay"
          label={t('commitments.weekdaysLabel')}
          options={WEEKDAYS.map((d) => ({ id: d, label: t(`commitments.weekdayShort.${d}`) }))}
          value={values.byDay}
          onChange={(byDay) => change({ byDay })}
        />
      )}
      {values.repeat !== 'once' && <ShortTextField name="until" type="date" label={t('commitments.untilLabel')} description={t('commitments.untilHint')} value={values.until} onChange={(until) => change({ until })} />}
    </>
  );
}

function fieldNames(form: HTMLFormElement | null): Set<string> {
  return new Set(Array.from(form?.elements ?? []).flatMap((el) => el.getAttribute('name') ?? []));
}

/** Server and schema errors about the rule belong next to the "until" or "how often" field. */
function placeRuleErrors(errors: Record<string, string>, values: ScheduleValues): Record<string, string> {
  if (!errors.recurrence) return errors;
  const { recurrence, ...rest } = errors;
  return { ...rest, [values.repeat === 'once' ? 'repeat' : 'until']: recurrence };
}

function ProposeForm({ timeZone, onSaved }: { timeZone: string; onSaved: (c: Commitment, screening: Screening) => void }) {
  const today = localDay(Date.now(), timeZone);
  const [title, setTitle] = useState('');
  const [details, setDetails] = useState('');
  const [startDay, setStartDay] = useState(today);
  const [schedule, setSchedule] = useState<ScheduleValues>({ repeat: 'daily', byDay: [], until: '' });

  const keys = useSubmissionKeys();
  const form = useAsyncForm(async () => {
    const errors: Record<string, string> = {};
    const recurrence = recurrenceOf(schedule, errors);
    const parsed = commitmentCreateSchema.safeParse({ title, details, startDay, recurrence, timeZone });
    if (!parsed.success) Object.assign(errors, { ...placeRuleErrors(issuePathsToFields(parsed.error.issues, fieldNames(form.ref.current)), schedule), ...errors });
    if (Object.keys(errors).length > 0 || !parsed.success) throw new InvalidFields(errors);
    const saved = await proposeCommitment(parsed.data, keys.keyFor(parsed.data));
    keys.done();
    setTitle('');
    setDetails('');
    setStartDay(localDay(Date.now(), timeZone));
    setSchedule({ repeat: 'daily', byDay: [], until: '' });
    onSaved(saved.commitment, saved.screening);
  });

  return (
    <section className="card" aria-labelledby="commitments-propose">
      <h2 id="commitments-propose">{t('commitments.proposeHeading')}</h2>
      <p className="hint">{t('commitments.proposeHint')}</p>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <ShortTextField name="title" label={t('commitments.titleLabel')} description={t('commitments.titleHint')} value={title} onChange={setTitle} maxLength={200} isRequired />
        <TextAreaField name="details" label={t('commitments.detailsLabel')} description={t('commitments.detailsHint')} value={details} onChange={setDetails} maxLength={2000} rows={2} />
        <ShortTextField name="startDay" type="date" label={t('commitments.startLabel')} value={startDay} onChange={setStartDay} isRequired />
        <ScheduleFields values={schedule} change={(patch) => setSchedule((s) => ({ ...s, ...patch }))} />
        <AlertMessage message={form.general} />
        <SubmitButton pending={form.pending} pendingLabel={t('commitments.proposing')}>
          {t('commitments.propose')}
        </SubmitButton>
      </Form>
    </section>
  );
}

function RenegotiateForm({ c, timeZone, onSaved, onCancel }: { c: Commitment; timeZone: string; onSaved: (screening: Screening) => void; onCancel: () => void }) {
  const [title, setTitle] = useState(c.title);
  const [details, setDetails] = useState(c.details);
  const [schedule, setSchedule] = useState<ScheduleValues>(() => scheduleValuesOf(c.recurrence));
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const keys = useSubmissionKeys();
  const form = useAsyncForm(async () => {
    const errors: Record<string, string> = {};
    const recurrence = recurrenceOf(schedule, errors);
    const start = c.startDay > c.today.day ? c.startDay : c.today.day;
    // The same checks as proposing (the new version starts today, or at the original start if later).
    const parsed = commitmentCreateSchema.safeParse({ title, details, startDay: start, recurrence, timeZone });
    if (!parsed.success) Object.assign(errors, { ...placeRuleErrors(issuePathsToFields(parsed.error.issues, fieldNames(form.ref.current)), schedule), ...errors });
    if (Object.keys(errors).length > 0 || !parsed.success) throw new InvalidFields(errors);
    const body = { title: parsed.data.title, details: parsed.data.details ?? '', recurrence: parsed.data.recurrence ?? null, timeZone };
    const saved = await renegotiateCommitment(c.id, body, keys.keyFor({ id: c.id, ...body }));
    keys.done();
    onSaved(saved.screening);
  });

  return (
    <section className="commitment-renegotiate" aria-labelledby={`renegotiate-${c.id}`}>
      <h4 id={`renegotiate-${c.id}`} ref={headingRef} tabIndex={-1}>
        {t('commitments.renegotiateHeading', { title: c.title })}
      </h4>
      <p className="hint">{t('commitments.renegotiateHint')}</p>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <ShortTextField name="title" label={t('commitments.titleLabel')} value={title} onChange={setTitle} maxLength={200} isRequired />
        <TextAreaField name="details" label={t('commitments.detailsLabel')} value={details} onChange={setDetails} maxLength={2000} rows={2} />
        <ScheduleFields values={schedule} change={(patch) => setSchedule((s) => ({ ...s, ...patch }))} />
        <AlertMessage message={form.general} />
        <div className="commitment-actions">
          <SubmitButton pending={form.pending} pendingLabel={t('commitments.proposing')}>
            {t('commitments.renegotiateSave')}
          </SubmitButton>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('commitments.cancel')}
          </button>
        </div>
      </Form>
    </section>
  );
}

