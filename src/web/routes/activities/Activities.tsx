import { useState } from 'react';
import { Form } from 'react-aria-components';
import { byLevel, type Activity } from '../../../core/couple/activities';
import { activityPlanCreateSchema, activityReflectionWriteSchema, type ActivityPlan, type ActivityPlanList } from '../../../core/schemas/activities';
import type { Screening } from '../../../core/schemas/reflect';
import { SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { SafetyPanel } from '../../components/reflect/SafetyPanel';
import { ShortTextField, TextAreaField } from '../../components/reflect/fields';
import { listActivities, listPlans, markPlanDone, planActivity, saveReflection } from '../../lib/activities-api';
import { errorMessage } from '../../lib/api';
import { issuePathsToFields } from '../../lib/entry-form';
import { formatDay } from '../../lib/format';
import { t } from '../../lib/i18n';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { useResource } from '../../lib/use-resource';
import { NotLinkedNote } from '../../components/couple/CouplePageStates';
import { useLiveEvents } from '../../lib/live';
import { useSubmissionKeys } from '../../lib/use-submission-keys';

/*
 * /couple/activities: the library, grouped by level (start where it feels easy); planning one;
 * what is coming up and what is done; after an activity, each partner's own reflection and the
 * other's, read only. Without a partner the library stays readable and the page says, kindly,
 * where linking lives; it never pushes.
 */

const fieldNames = (form: HTMLFormElement | null) => new Set(Array.from(form?.elements ?? []).flatMap((el) => el.getAttribute('name') ?? []));

export default function Activities() {
  const library = useResource((signal) => listActivities(signal));
  const plans = useResource((signal) => listPlans(signal));
  // My partner plans, marks done or reflects, or the couple changes: re-read the plans.
  useLiveEvents(['activity', 'couple'], plans.reload);
  const [notice, setNotice] = useState<string>();
  const [screening, setScreening] = useState<Screening>();

  const failed = (library.error && !library.data) || (plans.error && !plans.data);
  let body;
  if (failed) {
    body = (
      <>
        <AlertMessage message={`${t('activities.loadFailed')} ${errorMessage(library.error ?? plans.error)}`} />
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            library.reload();
            plans.reload();
          }}
        >
          {t('app.retry')}
        </button>
      </>
    );
  } else if (!library.data || !plans.data) {
    body = <Loading />;
  } else {
    const data: ActivityPlanList = plans.data;
    const replace = (p: ActivityPlan) => plans.setData({ ...data, items: data.items.map((i) => (i.id === p.id ? p : i)) });
    const upcoming = data.items.filter((p) => p.status === 'planned');
    const done = data.items.filter((p) => p.status === 'done');
    const showPlans = data.linked || data.items.length > 0;
    body = (
      <div className="activities">
        <StatusMessage message={notice} />
        <SafetyPanel screening={screening} />
        {!data.linked && data.items.length === 0 && (
          <NotLinkedNote id="activities-not-linked" heading="activities.notLinkedHeading" body="activities.notLinked" link="activities.notLinkedLink" />
        )}
        {!data.linked && data.items.length > 0 && <p className="card activities-archive">{t('activities.archiveNote')}</p>}

        {showPlans && (
          <>
            <section aria-labelledby="activities-upcoming">
              <h2 id="activities-upcoming">{t('activities.plannedHeading')}</h2>
              {upcoming.length === 0 ? (
                <p>{t('activities.plannedEmpty')}</p>
              ) : (
                <ul className="plain-list activity-plans">
                  {upcoming.map((p) => (
                    <PlannedItem key={p.id} plan={p} onDone={(next) => (replace(next), setNotice(t('activities.markedDone')))} />
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="activities-done">
              <h2 id="activities-done">{t('activities.doneHeading')}</h2>
              {done.length === 0 ? (
                <p>{t('activities.doneEmpty')}</p>
              ) : (
                <ul className="plain-list activity-plans">
                  {done.map((p) => (
                    <DoneItem
                      key={p.id}
                      plan={p}
                      onSaved={(next, s) => {
                        replace(next);
                        setScreening(s);
                        setNotice(t('activities.reflectionSaved'));
                      }}
                    />
                  ))}
                </ul>
              )}
            </section>
          </>
        )}

        <section aria-labelledby="activities-library">
          <h2 id="activities-library">{t('activities.libraryHeading')}</h2>
          {byLevel(library.data.items).map((group) => (
            <section key={group.level} aria-labelledby={`activities-level-${group.level}`} className="activity-level">
              <h3 id={`activities-level-${group.level}`}>{t(`activities.levelHeading.${group.level}`)}</h3>
              <ul className="plain-list activity-library">
                {group.activities.map((a) => (
                  <LibraryItem
                    key={a.id}
                    activity={a}
                    canPlan={data.linked}
                    onPlanned={(p) => {
                      plans.setData({ ...data, items: [p, ...data.items] });
                      setNotice(t('activities.planned'));
                    }}
                  />
                ))}
              </ul>
            </section>
          ))}
        </section>
      </div>
    );
  }

  return (
    <>
      <PageHeading title={t('activities.title')} />
      <p className="lead">{t('activities.intro')}</p>
      {body}
    </>
  );
}

function LibraryItem({ activity, canPlan, onPlanned }: { activity: Activity; canPlan: boolean; onPlanned: (p: ActivityPlan) => void }) {
  const [open, setOpen] = useState(false);
  const [plannedDay, setPlannedDay] = useState('');
  const keys = useSubmissionKeys();
  const form = useAsyncForm(async () => {
    const parsed = activityPlanCreateSchema.safeParse({ activityId: activity.id, plannedDay: plannedDay || null });
    if (!parsed.success) throw new InvalidFields(issuePathsToFields(parsed.error.issues, fieldNames(form.ref.current)));
    const plan = await planActivity(parsed.data, keys.keyFor(parsed.data));
    keys.done();
    setOpen(false);
    setPlannedDay('');
    onPlanned(plan);
  });
  return (
    <li className="card activity">
      <h4 className="activity-title">{activity.title}</h4>
      <p>{activity.summary}</p>
      <p className="hint">{t('activities.minutes', { minutes: activity.minutes })}</p>
      <details className="activity-details">
        <summary>{t('activities.showSteps')}</summary>
        <h5>{t('activities.stepsHeading')}</h5>
        <ol>
          {activity.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
        <h5>{t('activities.afterHeading')}</h5>
        <ul>
          {activity.afterQuestions.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
      </details>
      {canPlan && !open && (
        <button type="button" className="button button-secondary" aria-label={t('activities.planButtonLabel', { title: activity.title })} onClick={() => setOpen(true)}>
          {t('activities.planButton')}
        </button>
      )}
      {canPlan && open && (
        <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
          <ShortTextField name="plannedDay" type="date" label={t('activities.plannedDayLabel')} description={t('activities.plannedDayHint')} value={plannedDay} onChange={setPlannedDay} />
          <AlertMessage message={form.general} />
          <div className="activity-actions">
            <SubmitButton pending={form.pending} pendingLabel={t('activities.planning')}>
              {t('activities.planButtonLabel', { title: activity.title })}
            </SubmitButton>
            <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
              {t('activities.cancel')}
            </button>
          </div>
        </Form>
      )}
    </li>
  );
}

const titleOf = (p: ActivityPlan) => p.title ?? t('activities.unknownActivity');

function PlannedItem({ plan, onDone }: { plan: ActivityPlan; onDone: (p: ActivityPlan) => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const mark = async () => {
    setPending(true);
    setError(undefined);
    try {
      onDone(await markPlanDone(plan.id));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  };
  return (
    <li className="card activity-plan">
      <h3 className="activity-title">{titleOf(plan)}</h3>
      <p className="hint">
        {plan.plannedDay ? t('activities.plannedFor', { day: formatDay(plan.plannedDay) }) : t('activities.plannedSoon')} · {t(`activities.plannedBy.${plan.createdBy}`)}
      </p>
      <AlertMessage message={error} />
      {plan.canChange && (
        <button type="button" className="button" aria-label={t('activities.markDoneLabel', { title: titleOf(plan) })} disabled={pending} onClick={() => void mark()}>
          {pending ? t('activities.markingDone') : t('activities.markDone')}
        </button>
      )}
    </li>
  );
}

function DoneItem({ plan, onSaved }: { plan: ActivityPlan; onSaved: (p: ActivityPlan, s: Screening) => void }) {
  const [editing, setEditing] = useState(false);
  const headingId = `plan-${plan.id}`;
  return (
    <li className="card activity-plan" aria-labelledby={headingId}>
      <h3 id={headingId} className="activity-title">
        {titleOf(plan)}
      </h3>
      <div className="activity-reflections">
        <section aria-labelledby={`${headingId}-mine`}>
          <h4 id={`${headingId}-mine`}>{t('activities.myReflectionHeading')}</h4>
          {plan.canChange && (editing || !plan.mine) ? (
            <ReflectionForm
              plan={plan}
              onCancel={plan.mine ? () => setEditing(false) : undefined}
              onSaved={(next, s) => {
                setEditing(false);
                onSaved(next, s);
              }}
            />
          ) : plan.mine ? (
            <>
              <ReflectionView howItWent={plan.mine.howItWent} learned={plan.mine.learned} />
              {plan.canChange && (
                <button type="button" className="button button-secondary" aria-label={t('activities.editReflectionLabel', { title: titleOf(plan) })} onClick={() => setEditing(true)}>
                  {t('activities.editReflection')}
                </button>
              )}
            </>
          ) : (
            <p>{t('activities.mineNotYet')}</p>
          )}
        </section>
        <section aria-labelledby={`${headingId}-partner`}>
          <h4 id={`${headingId}-partner`}>{t('activities.partnerReflectionHeading')}</h4>
          {plan.partners ? <ReflectionView howItWent={plan.partners.howItWent} learned={plan.partners.learned} /> : <p>{t('activities.partnerNotYet')}</p>}
        </section>
      </div>
    </li>
  );
}

function ReflectionView({ howItWent, learned }: { howItWent: string; learned: string }) {
  return (
    <dl className="activity-reflection">
      <dt>{t('activities.howItWent')}</dt>
      <dd>{howItWent}</dd>
      <dt>{t('activities.learned')}</dt>
      <dd>{learned}</dd>
    </dl>
  );
}

function ReflectionForm({ plan, onSaved, onCancel }: { plan: ActivityPlan; onSaved: (p: ActivityPlan, s: Screening) => void; onCancel?: () => void }) {
  const [howItWent, setHowItWent] = useState(plan.mine?.howItWent ?? '');
  const [learned, setLearned] = useState(plan.mine?.learned ?? '');
  const form = useAsyncForm(async () => {
    const parsed = activityReflectionWriteSchema.safeParse({ howItWent, learned });
    if (!parsed.success) throw new InvalidFields(issuePathsToFields(parsed.error.issues, fieldNames(form.ref.current)));
    const saved = await saveReflection(plan.id, parsed.data);
    onSaved(saved.plan, saved.screening);
  });
  return (
    <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
      <TextAreaField name="howItWent" label={t('activities.howItWentLabel')} value={howItWent} onChange={setHowItWent} maxLength={4000} rows={3} isRequired />
      <TextAreaField name="learned" label={t('activities.learnedLabel')} value={learned} onChange={setLearned} maxLength={4000} rows={3} isRequired />
      <AlertMessage message={form.general} />
      <div className="activity-actions">
        <SubmitButton pending={form.pending} pendingLabel={t('activities.saving')}>
          {t('activities.saveReflection')}
        </SubmitButton>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('activities.cancel')}
          </button>
        )}
      </div>
    </Form>
  );
}
