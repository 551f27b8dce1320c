import { useState } from 'react';
import { Form } from 'react-aria-components';
import { localDay } from '../../../core/couple/commitments';
import { boundaryWriteSchema, type Boundary, type BoundaryList } from '../../../core/schemas/agreements';
import type { Screening } from '../../../core/schemas/reflect';
import { LessonLink } from '../../components/LessonLink';
import { SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { SafetyPanel } from '../../components/reflect/SafetyPanel';
import { TextAreaField } from '../../components/reflect/fields';
import { addBoundary, deleteBoundary, listBoundaries, updateBoundary } from '../../lib/agreements-api';
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
 * /couple/boundaries: mine (add, reword, remove) and my partner's (read only). Without a partner
 * the page only says, kindly, where linking lives; it never pushes.
 */

export default function Boundaries() {
  const { ready, timeZone } = useTimeZone();
  return (
    <>
      <PageHeading title={t('agreements.boundariesTitle')} />
      <p className="lead">{t('agreements.boundariesIntro')}</p>
      <LessonLink id="boundaries" />
      {ready ? <BoundariesBody timeZone={timeZone} /> : <Loading />}
    </>
  );
}

const fieldNames = (form: HTMLFormElement | null) => new Set(Array.from(form?.elements ?? []).flatMap((el) => el.getAttribute('name') ?? []));
/** Long text in an aria-label is cut short: the label only needs to tell buttons apart. */
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

function BoundariesBody({ timeZone }: { timeZone: string }) {
  const list = useResource((signal) => listBoundaries(signal));
  // My partner adds or changes a boundary, or the couple changes: re-read (the hint has no words).
  useLiveEvents(['boundary', 'couple'], list.reload);
  const [notice, setNotice] = useState<string>();
  const [screening, setScreening] = useState<Screening>();

  if (list.error && !list.data) {
    return (
      <LoadFailed message="agreements.boundariesLoadFailed" error={list.error} onRetry={list.reload} />
    );
  }
  if (!list.data) return <Loading />;
  const data: BoundaryList = list.data;
  if (!data.linked && data.items.length === 0) {
    return (
      <NotLinkedNote id="boundaries-not-linked" heading="agreements.boundariesNotLinkedHeading" body="agreements.boundariesNotLinked" link="agreements.notLinkedLink" />
    );
  }

  const mine = data.items.filter((b) => b.owner === 'me');
  const partners = data.items.filter((b) => b.owner === 'partner');
  const replace = (b: Boundary) => list.setData({ ...data, items: data.items.map((i) => (i.id === b.id ? b : i)) });
  const drop = (id: string) => list.setData({ ...data, items: data.items.filter((i) => i.id !== id) });
  const cardProps = { timeZone, onReplace: replace, onRemove: drop, onNotice: setNotice, onScreening: setScreening };

  return (
    <div className="boundaries">
      <StatusMessage message={notice} />
      {!data.linked && <p className="card agreements-archive">{t('agreements.boundariesArchiveNote')}</p>}
      <SafetyPanel screening={screening} />

      <section aria-labelledby="boundaries-mine">
        <h2 id="boundaries-mine">{t('agreements.mineHeading')}</h2>
        {mine.length === 0 ? (
          <p>{t('agreements.mineEmpty')}</p>
        ) : (
          <ul className="boundary-list">
            {mine.map((b) => (
              <BoundaryItem key={b.id} b={b} {...cardProps} />
            ))}
          </ul>
        )}
      </section>

      {data.linked && (
        <AddForm
          onSaved={(b, s) => {
            list.setData({ ...data, items: [...data.items, b] });
            setScreening(s);
            setNotice(t('agreements.added'));
          }}
        />
      )}

      <section aria-labelledby="boundaries-partner">
        <h2 id="boundaries-partner">{t('agreements.partnerHeading')}</h2>
        {partners.length === 0 ? (
          <p>{t('agreements.partnerEmpty')}</p>
        ) : (
          <ul className="boundary-list">
            {partners.map((b) => (
              <BoundaryItem key={b.id} b={b} {...cardProps} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

interface ItemProps {
  b: Boundary;
  timeZone: string;
  onReplace: (b: Boundary) => void;
  onRemove: (id: string) => void;
  onNotice: (message: string) => void;
  onScreening: (s: Screening) => void;
}

function BoundaryItem({ b, timeZone, onReplace, onRemove, onNotice, onScreening }: ItemProps) {
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view');
  const [error, setError] = useState<string>();

  const remove = async () => {
    setError(undefined);
    try {
      await deleteBoundary(b.id);
      onRemove(b.id);
      onNotice(t('agreements.removed'));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <li className="card boundary">
      <p className="boundary-text">{b.text}</p>
      <p className="hint">{t('agreements.updatedOn', { day: formatDay(localDay(Date.parse(b.updatedAt), timeZone)) })}</p>
      <AlertMessage message={error} />
      {b.canChange && mode === 'view' && (
        <div className="agreement-actions">
          <button type="button" className="button button-secondary" aria-label={t('agreements.editBoundaryLabel', { text: short(b.text) })} onClick={() => setMode('edit')}>
            {t('agreements.editBoundary')}
          </button>
          <button type="button" className="button button-quiet" aria-label={t('agreements.removeBoundaryLabel', { text: short(b.text) })} onClick={() => setMode('remove')}>
            {t('agreements.removeBoundary')}
          </button>
        </div>
      )}
      {mode === 'remove' && (
        <div className="agreement-confirm">
          <p>{t('agreements.removeConfirm')}</p>
          <div className="agreement-actions">
            <button type="button" className="button button-danger" onClick={() => void remove()}>
              {t('agreements.removeYes')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setMode('view')}>
              {t('agreements.cancel')}
            </button>
          </div>
        </div>
      )}
      {mode === 'edit' && (
        <EditForm
          b={b}
          onCancel={() => setMode('view')}
          onSaved={(next, s) => {
            setMode('view');
            onReplace(next);
            onScreening(s);
            onNotice(t('agreements.boundaryUpdated'));
          }}
        />
      )}
    </li>
  );
}

function AddForm({ onSaved }: { onSaved: (b: Boundary, s: Screening) => void }) {
  const [text, setText] = useState('');
  const form = useAsyncForm(async () => {
    const parsed = boundaryWriteSchema.safeParse({ text });
    if (!parsed.success) throw new InvalidFields(issuePathsToFields(parsed.error.issues, fieldNames(form.ref.current)));
    const saved = await addBoundary(parsed.data.text);
    setText('');
    onSaved(saved.boundary, saved.screening);
  });
  return (
    <section className="card" aria-labelledby="boundaries-add">
      <h2 id="boundaries-add">{t('agreements.addHeading')}</h2>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <TextAreaField name="text" label={t('agreements.boundaryLabel')} description={t('agreements.boundaryHint')} value={text} onChange={setText} maxLength={2000} rows={3} isRequired />
        <AlertMessage message={form.general} />
        <SubmitButton pending={form.pending} pendingLabel={t('agreements.adding')}>
          {t('agreements.add')}
        </SubmitButton>
      </Form>
    </section>
  );
}

function EditForm({ b, onSaved, onCancel }: { b: Boundary; onSaved: (b: Boundary, s: Screening) => void; onCancel: () => void }) {
  const [text, setText] = useState(b.text);
  const form = useAsyncForm(async () => {
    const parsed = boundaryWriteSchema.safeParse({ text });
    if (!parsed.success) throw new InvalidFields(issuePathsToFields(parsed.error.issues, fieldNames(form.ref.current)));
    const saved = await updateBoundary(b.id, parsed.data.text);
    onSaved(saved.boundary, saved.screening);
  });
  return (
    <div className="agreement-edit">
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <TextAreaField name="text" label={t('agreements.boundaryLabel')} value={text} onChange={setText} maxLength={2000} rows={3} isRequired autoFocus />
        <AlertMessage message={form.general} />
        <div className="agreement-actions">
          <SubmitButton pending={form.pending} pendingLabel={t('agreements.adding')}>
            {t('agreements.saveBoundary')}
          </SubmitButton>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('agreements.cancel')}
          </button>
        </div>
      </Form>
    </div>
  );
}
