import { useState } from 'react';
import type { CoachContext } from '../../../core/coach/types';
import { CoachedText } from '../../components/coach/CoachedText';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/reflect/fields';
import { t } from '../../lib/i18n';

/** /coach — practise writing a message or an apology with the coach. Nothing here is saved or sent. */
export default function Coach() {
  const [text, setText] = useState('');
  const [context, setContext] = useState<CoachContext>('message');
  const options = [
    { id: 'message' as const, label: t('coach.contextMessage') },
    { id: 'apology' as const, label: t('coach.contextApology') },
  ];
  return (
    <>
      <PageHeading title={t('coach.title')} />
      <p>{t('coach.intro')}</p>
      <p className="hint">{t('coach.nothingSaved')}</p>
      <section aria-labelledby="coach-shape-heading">
        <h2 id="coach-shape-heading">{t('coach.shapeHeading')}</h2>
        <p>{t('coach.shapeText')}</p>
      </section>
      <RadioGroupField name="context" label={t('coach.contextLabel')} options={options} value={context} onChange={setContext} orientation="horizontal" />
      <CoachedText value={text} onChange={setText} context={context} label={t('coach.practiceLabel')} description={t('coach.practiceDescription')} />
    </>
  );
}
