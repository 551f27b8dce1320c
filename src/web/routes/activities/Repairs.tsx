import { useState } from 'react';
import { Form } from 'react-aria-components';
import { localDay } from '../../../core/couple/commitments';
import { repairCreateSchema, repairUpdateSchema, type Repair, type RepairList } from '../../../core/schemas/activities';
import type { Screening } from '../../../core/schemas/reflect';
import { SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { SafetyPanel } from '../../components/reflect/SafetyPanel';
import { ShortTextField, TextAreaField } from '../../components/reflect/fields';
import { addRepair, deleteRepair, listRepairs, updateRepair } from '../../lib/activities-api';
import { errorMessage } from '../../lib/api';
import { issuePathsToFields } from '../../lib/entry-form';
import { formatDay } from '../../lib/format';
import { t } from '../../lib/i18n';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { useResource } from '../../lib/use-resource';
import { useTimeZone } from '../../lib/use-time-zone';
import { NotLinkedNote, LoadFailed } from '../../components/couple/CouplePageStates';
import { useLiveEvents } from '../../lib/live';

/*
 * /couple/repairs: log a repair (what happened between us, what I tried, what helped) and read
 * both partners' entries; mine can be changed or removed. Without a partner the page only says,
 * kindly, where linking lives; it never pushes.
 */

const fieldNames = (form: HTMLFormElement | null) => new Set(Array.from(form?.elements ?? []).flatMap((el) => el.getAttribute('name') ?? []));

export default function Repairs() {
  const { ready, timeZone } = useTimeZone();
  return (
    <>
      <PageHeading title={t('activities.repairsTitle')} />
      <p className="lead">{t('activities.repairsIntro')}</p>
      {ready ? <RepairsBody timeZone={timeZone} /> : <Loading />}
    </>
  );
}

function RepairsBody({ timeZone }: { timeZone: string }) {
  const list = useResource((signal) => listRepairs(signal));
  useLiveEvents(['repair', 'couple'], list.reload);
  const [notice, setNotice] = useState<string>();
  const [screening, setScreening] = useState<Screening>();

  if (list.error && !list.data) {
    return (
      <LoadFailed message="activities.repairsLoadFailed" error={list.error} onRetry={list.reload} />
    );
  }
  if (!list.data) return <Loading />;
  const data: RepairList = list.data;
  if (!data.linked && data.items.length === 0) {
    return (
      <NotLinkedNote id="repairs-not-linked" heading="activities.repairsNotLinkedHeading" body="activities.repairsNotLinked" link="activities.notLinkedLink" />
    );
  }
  const sorted = (items: Repair[]) => [...items].sort((a, b) => (a.day === b.day ? b.createdAt.localeCompare(a.createdAt) : b.day.localeCompare(a.day)));
  const replace = (r: Repair) => list.setData({ ...data, items: sorted(data.items.map((i) => (i.id === r.id ? r : i))) });
  const drop = (id: string) => list.setData({ ...data, items: data.items.filter((i) => i.id !== id) });

  return (
    <div className="repairs">
      <StatusMessage message={notice} />
      {!data.linked && <p className="card activities-archive">{t('activities.repairsArchiveNote')}</p>}
      <SafetyPanel screening={screening} />
      {data.linked && (
        <RepairForm
          mode="add"
          timeZone={timeZone}
          onSaved={(r, s) => {
            list.setData({ ...data, items: sorted([r, ...data.items]) });
            setScreening(s);
            setNotice(t('activities.added'));
          }}
        />
      )}
      <section aria-labelledby="repairs-list">
        <h2 id="repairs-list">{t('activities.listHeading')}</h2>
        {data.items.length === 0 ? (
          <p>{t('activities.empty')}</p>
        ) : (
          <ul className="plain-list repair-list">
            {data.items.map((r) => (
              <RepairItem
                key={r.id}
                r={r}
                timeZone={timeZone}
                onReplace={(next, s) => {
                  replace(next);
                  setScreening(s);
                  setNotice(t('activities.updated'));
                }}
                onRemove={(id) => {
                  drop(id);
                  setNotice(t('activities.removed'));
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function RepairItem({ r, timeZone, onReplace, onRemove }: { r: Repair; timeZone: string; onReplace: (r: Repair, s: Screening) => void; onRemove: (id: string) => void }) {
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view');
  const [error, setError] = useState<string>();
  const day = formatDay(r.day);
  const remove = async () => {
    setError(undefined);
    try {
      await deleteRepair(r.id);
      onRemove(r.id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <li className="card repair">
      <h3 className="repair-heading">{t('activities.entryDay', { who: t(`activities.entryBy.${r.author}`), day })}</h3>
      {mode === 'edit' ? (
        <RepairForm
          mode="edit"
          initial={r}
          timeZone={timeZone}
          onCancel={() => setMode('view')}
          onSaved={(next, s) => {
            setMode('view');
            onReplace(next, s);
          }}
        />
      ) : (
        <dl className="repair-fields">
          <dt>{t('activities.ruptureLabel')}</dt>
          <dd>{r.rupture}</dd>
          <dt>{t('activities.attemptLabel')}</dt>
          <dd>{r.attempt}</dd>
          <dt>{t('activities.helpedLabel')}</dt>
          <dd>{r.helped}</dd>
        </dl>
      )}
      <AlertMessage message={error} />
      {r.canChange && mode === 'view' && (
        <div className="activity-actions">
          <button type="button" className="button button-secondary" aria-label={t('activities.editLabel', { day })} onClick={() => setMode('edit')}>
            {t('activities.edit')}
          </button>
          <button type="button" className="button button-quiet" aria-label={t('activities.removeLabel', { day })} onClick={() => setMode('remove')}>
            {t('activities.remove')}
          </button>
        </div>
      )}
      {mode === 'remove' && (
        <div className="activity-confirm">
          <p>{t('activities.removeConfirm')}</p>
          <div className="activity-actions">
            <button type="button" className="button button-danger" onClick={() => void remove()}>
              {t('activities.removeYes')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setMode('view')}>
              {t('activities.cancel')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function RepairForm({
  mode,
  initial,
  timeZone,
  onSaved,
  onCancel,
}: {
  mode: 'add' | 'edit';
  initial?: Repair;
  timeZone: string;
  onSaved: (r: Repair, s: Screening) => void;
  onCancel?: () => void;
}) {
  const [day, setDay] = useState(initial?.day ?? localDay(Date.now(), timeZone));
  const [rupture, setRupture] = useState(initial?.rupture ?? '');
  const [attempt, setAttempt] = useState(initial?.attempt ?? '');
  const [helped, setHelped] = useState(initial?.helped ?? '');
  const form = useAsyncForm(async () => {
    const fields = { day, rupture, attempt, helped, timeZone };
    if (mode === 'add' || !initial) {
      const parsed = repairCreateSchema.safeParse(fields);
      if (!parsed.success) throw new InvalidFields(issuePathsToFields(parsed.error.issues, fieldNames(form.ref.current)));
      const saved = await addRepair(parsed.data);
      setRupture('');
      setAttempt('');
      setHelped('');
      onSaved(saved.repair, saved.screening);
    } else {
      const parsed = repairUpdateSchema.safeParse(fields);
      if (!parsed.success) throw new InvalidFields(issuePathsToFields(parsed.error.issues, fieldNames(form.ref.current)));
      const saved = await updateRepair(initial.id, parsed.data);
      onSaved(saved.repair, saved.screening);
    }
  });
  const inner = (
    <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
      <ShortTextField name="day" type="date" label={t('activities.dayLabel')} value={day} onChange={setDay} isRequired />
      <TextAreaField name="rupture" label={t('activities.ruptureLabel')} description={t('activities.ruptureHint')} value={rupture} onChange={setRupture} maxLength={4000} rows={3} isRequired />
      <TextAreaField name="attempt" label={t('activities.attemptLabel')} description={t('activities.attemptHint')} value={attempt} onChange={setAttempt} maxLength={4000} rows={3} isRequired />
      <TextAreaField name="helped" label={t('activities.helpedLabel')} description={t('activities.helpedHint')} value={helped} onChange={setHelped} maxLength={4000} rows={3} isRequired />
      <AlertMessage message={form.general} />
      <div className="activity-actions">
        <SubmitButton pending={form.pending} pendingLabel={t('activities.adding')}>
          {mode === 'add' ? t('activities.add') : t('activities.save')}
        </SubmitButton>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('activities.cancel')}
          </button>
        )}
      </div>
    </Form>
  );
  if (mode === 'edit') return inner;
  return (
    <section className="card" aria-labelledby="repairs-add">
      <h2 id="repairs-add">{t('activities.addHeading')}</h2>
      {inner}
    </section>
  );
}
