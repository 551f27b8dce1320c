import { AppLink } from '../../components/AppLink';
import { PageHeading } from '../../components/PageHeading';
import { t } from '../../lib/i18n';

export default function NotFound() {
  return (
    <div className="page">
      <PageHeading title={t('notFound.title')}>{t('notFound.heading')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <AppLink to="/">{t('notFound.home')}</AppLink>
      </p>
    </div>
  );
}
