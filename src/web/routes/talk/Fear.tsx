import { useState } from 'react';
import { Button } from 'react-aria-components';
import { screenTexts } from '../../../core/safety/crisis-screening';
import { FEAR_STEPS, composeFearStatement, suggestFears } from '../../../core/talk/fear';
import { AppLink } from '../../components/AppLink';
import { PageHeading } from '../../components/PageHeading';
import { FormSection, TextAreaField } from '../../components/reflect/fields';
import { SafetyPanel } from '../../components/reflect/SafetyPanel';
import { t } from '../../lib/i18n';

/*
 * /talk/fear: a short guided step from a complaint to the fear underneath, with phrasings offered
 * for common complaint shapes (core/talk/fear.ts). Runs entirely in the browser; nothing is saved.
 */

type StepId = (typeof FEAR_STEPS)[number]['id'];

export default function Fear() {
  const [values, setValues] = useState<Record<StepId, string>>({ complaint: '', feeling: '', fear: '', ask: '' });
  const set = (id: StepId) => (v: string) => setValues((old) => ({ ...old, [id]: v }));
  const suggestions = suggestFears(values.complaint);
  const statement = composeFearStatement(values);
  // Nothing here is saved, so the screening every saved text gets runs here, on this device (docs/decisions/031).
  const screening = screenTexts(Object.values(values));

  return (
    <>
      <PageHeading title={t('talk.fearTitle')} />
      <p>
        <AppLink to="/talk">{t('talk.backToTalk')}</AppLink>
      </p>
      <p className="lead">{t('talk.fearIntro')}</p>
      {FEAR_STEPS.map((step, i) => (
        <FormSection key={step.id} id={`fear-${step.id}`} heading={`${i + 1}. ${step.prompt}`}>
          <TextAreaField name={step.id} label={step.prompt} description={step.hint} value={values[step.id]} onChange={set(step.id)} maxLength={1000} rows={2} />
          {step.id === 'complaint' && values.complaint.trim() !== '' && suggestions.absolutes.length > 0 && (
            <p className="hint">{t('talk.fearAbsolutes', { words: suggestions.absolutes.join('”, “') })}</p>
          )}
          {step.id === 'fear' && values.complaint.trim() !== '' && (
            <div>
              <h3>{t('talk.fearSuggestions')}</h3>
              <ul className="fear-suggestions">
                {suggestions.fears.map((f) => (
                  <li key={f}>
                    <span>{f}</span>{' '}
                    <Button className="button button-quiet" aria-label={`${t('talk.fearUse')}: ${f}`} onPress={() => set('fear')(f)}>
                      {t('talk.fearUse')}
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </FormSection>
      ))}
      <section aria-labelledby="fear-result" className="card">
        <h2 id="fear-result">{t('talk.fearResultHeading')}</h2>
        <p aria-live="polite">{statement || t('talk.fearResultEmpty')}</p>
      </section>
      <SafetyPanel screening={screening} />
      <p>
        <AppLink to="/talk/apology">{t('talk.fearToApology')}</AppLink>
      </p>
    </>
  );
}
