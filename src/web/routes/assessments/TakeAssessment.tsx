import { useState } from 'react';
import { FieldError, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { useParams } from 'react-router';
import { scaleOf, type Instrument } from '../../../core/instruments/definition';
import { AppLink, useReplaceNavigate } from '../../components/AppLink';
import { SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { ApiError, errorMessage } from '../../lib/api';
import { createAssessment, getInstrument } from '../../lib/assessments-api';
import { t } from '../../lib/i18n';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { useResource } from '../../lib/use-resource';

/** One item: a labelled radio group over its scale. Its name matches the API's error path. */
function ItemField({ instrument, index, value, onChange }: { instrument: Instrument; index: number; value: number | null; onChange: (value: number) => void }) {
  const item = instrument.items[index]!;
  const scale = scaleOf(instrument, item);
  const points = Array.from({ length: scale.max - scale.min + 1 }, (_, k) => scale.min + k);
  const short = points.length <= 2;
  return (
    <RadioGroup
      name={`responses.${index}`}
      value={value === null ? null : String(value)}
      onChange={(next) => onChange(Number(next))}
      orientation={short ? 'horizontal' : 'vertical'}
      className={short ? 'field choice-group choice-row assessment-item' : 'field choice-group assessment-item'}
    >
      <Label className="label">{t('assessments.take.itemLabel', { number: index + 1, text: item.text })}</Label>
      <div className={short ? 'chips' : 'chips scale-points'}>
        {points.map((p) => (
          <Radio key={p} value={String(p)} className="chip radio">
            <span className="radio-dot" aria-hidden="true" />
            <span>{scale.labels[String(p)]}</span>
          </Radio>
        ))}
      </div>
      <FieldError className="field-error" />
    </RadioGroup>
  );
}

function TakeForm({ instrument }: { instrument: Instrument }) {
  const navigate = useReplaceNavigate();
  const [answers, setAnswers] = useState<Array<number | null>>(() => instrument.items.map(() => null));
  const form = useAsyncForm(async () => {
    const missing: Record<string, string> = {};
    answers.forEach((a, i) => {
      if (a === null) missing[`responses.${i}`] = t('assessments.take.chooseOne');
    });
    if (Object.keys(missing).length > 0) throw new InvalidFields(missing);
    const saved = await createAssessment({ instrument: instrument.id, responses: answers.filter((a): a is number => a !== null) });
    navigate(`/assessments/${encodeURIComponent(instrument.id)}`, { state: { saved: saved.id } });
  });
  const missingCount = Object.keys(form.fieldErrors).length;
  return (
    <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form assessment-form">
      {missingCount > 0 && <p className="field-error">{t('assessments.take.someMissing')}</p>}
      {instrument.items.map((item, i) => (
        <ItemField
          key={item.id}
          instrument={instrument}
          index={i}
          value={answers[i] ?? null}
          onChange={(value) => setAnswers((current) => current.map((a, k) => (k === i ? value : a)))}
        />
      ))}
      <AlertMessage message={form.general} />
      <SubmitButton pending={form.pending} pendingLabel={t('assessments.take.submitting')}>
        {t('assessments.take.submit')}
      </SubmitButton>
    </Form>
  );
}

function TakePage({ id }: { id: string }) {
  const instrument = useResource((signal) => getInstrument(id, signal));
  const data = instrument.data;
  const notFound = instrument.error instanceof ApiError && (instrument.error.status === 404 || instrument.error.status === 400);
  return (
    <div className="page">
      <PageHeading title={data?.title ?? t('assessments.take.title')} />
      <p>
        <AppLink to="/assessments">{t('assessments.take.back')}</AppLink>
      </p>
      {instrument.loading && <Loading />}
      {instrument.error !== undefined && <AlertMessage message={notFound ? t('assessments.take.notFound') : errorMessage(instrument.error)} />}
      {data && (
        <>
          <p className="lead">{data.instructions}</p>
          {!data.validated && <p className="badge badge-soft">{t('assessments.list.notValidated')}</p>}
          <p className="hint">{t('assessments.take.privateNote')}</p>
          <TakeForm instrument={data} />
        </>
      )}
    </div>
  );
}

export default function TakeAssessment() {
  const { id = '' } = useParams();
  return <TakePage key={id} id={id} />;
}
