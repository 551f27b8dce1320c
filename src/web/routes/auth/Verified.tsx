import { useSearchParams } from 'react-router';
import { AppLink } from '../../components/AppLink';
import { PageHeading } from '../../components/PageHeading';
import { t } from '../../lib/i18n';

/** Where the email confirmation link lands (better-auth adds `?error=…` when it failed). */
export default function Verified() {
  const [params] = useSearchParams();
  const failed = params.has('error');

  if (failed) {
    return (
      <div className="page">
        <PageHeading title={t('verified.errorTitle')}>{t('verified.errorHeading')}</PageHeading>
        <p>{t('verified.errorBody')}</p>
        <p>
          <AppLink to="/sign-in" className="button">
            {t('verified.signIn')}
          </AppLink>
        </p>
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeading title={t('verified.title')}>{t('verified.heading')}</PageHeading>
      <p>{t('verified.body')}</p>
      <p>
        <AppLink to="/sign-in" className="button">
          {t('verified.signIn')}
        </AppLink>
      </p>
    </div>
  );
}
