import { t } from '../lib/i18n';

/** US crisis lines, as tappable phone and text links. */
export function CrisisResources({ headingLevel = 2, compact = false }: { headingLevel?: 2 | 3; compact?: boolean }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={compact ? 'crisis crisis-compact' : 'crisis'} aria-labelledby="crisis-heading">
      <Heading id="crisis-heading">{t('crisis.heading')}</Heading>
      <p>{t('crisis.lead')}</p>
      <ul>
        <li>
          {t('crisis.lifeline')} <a href="tel:988">{t('crisis.call988')}</a> {t('crisis.or')}{' '}
          <a href="sms:988">{t('crisis.text988')}</a>
        </li>
        <li>
          {t('crisis.dvHotline')} <a href="tel:+18007997233">{t('crisis.callDv')}</a> {t('crisis.or')}{' '}
          <a href={'sms:88788?&body=START'}>{t('crisis.textDv')}</a>
        </li>
      </ul>
      <p>{t('crisis.emergency')}</p>
    </section>
  );
}
