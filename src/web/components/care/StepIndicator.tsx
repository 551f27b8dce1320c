import { t } from '../../lib/i18n';

/**
 * Where a person is in a multi-step flow: "Step 2 of 6" in words and as a list, the current step
 * marked with aria-current="step". Earlier steps are not links: Back is the one way back.
 */
export function StepIndicator({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <div className="steps">
      <p className="steps-count">{t('care.steps.count', { current: current + 1, total: steps.length })}</p>
      <ol className="steps-list" aria-label={t('care.steps.label')}>
        {steps.map((label, i) => (
          <li key={label} className={i === current ? 'step step-current' : i < current ? 'step step-done' : 'step'} aria-current={i === current ? 'step' : undefined}>
            <span className="step-label">{label}</span>
            {i < current && <span className="visually-hidden"> {t('care.steps.done')}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
