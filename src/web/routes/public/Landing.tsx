import { useLocation } from 'react-router';
import { AppLink } from '../../components/AppLink';
import { CrisisResources } from '../../components/CrisisResources';
import { StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { t } from '../../lib/i18n';

export default function Landing() {
  const state: unknown = useLocation().state;
  const goodbye = typeof state === 'object' && state !== null && (state as { goodbye?: unknown }).goodbye === true;

  return (
    <div className="page page-wide">
      <StatusMessage message={goodbye ? t('landing.goodbye') : undefined} />
      <div className="hero">
        <PageHeading title={t('landing.title')}>{t('landing.heading')}</PageHeading>
        <p className="lead">{t('landing.lead')}</p>
        <p className="actions">
          <AppLink to="/sign-up" className="button">
            {t('landing.ctaSignUp')}
          </AppLink>
          <AppLink to="/sign-in" className="button button-secondary">
            {t('landing.ctaSignIn')}
          </AppLink>
        </p>
      </div>

      <section aria-labelledby="ways-heading">
        <h2 id="ways-heading">{t('landing.waysHeading')}</h2>
        <ul className="cards">
          <li className="card">
            <h3>{t('landing.aloneTitle')}</h3>
            <p>{t('landing.aloneBody')}</p>
          </li>
          <li className="card">
            <h3>{t('landing.coupleTitle')}</h3>
            <p>{t('landing.coupleBody')}</p>
          </li>
          <li className="card">
            <h3>{t('landing.therapistTitle')}</h3>
            <p>{t('landing.therapistBody')}</p>
          </li>
        </ul>
      </section>

      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">{t('landing.privacyHeading')}</h2>
        <p>{t('landing.privacyBody')}</p>
        <p>{t('landing.privacyQuickExit')}</p>
      </section>

      <section aria-labelledby="honest-heading" className="note">
        <h2 id="honest-heading">{t('landing.honestHeading')}</h2>
        <p>{t('landing.honestBody')}</p>
        <p>{t('landing.honestTherapy')}</p>
        <CrisisResources headingLevel={3} />
      </section>
    </div>
  );
}
