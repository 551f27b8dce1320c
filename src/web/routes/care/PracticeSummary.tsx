import { useParams } from 'react-router';
import { AppLink } from '../../components/AppLink';
import { ClientSections, HomeworkList } from '../../components/care/ClientSections';
import { Loading } from '../../components/Loading';
import { AlertMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { ApiError, errorMessage } from '../../lib/api';
import { getClientSummary } from '../../lib/care-sharing-api';
import { formatDay } from '../../lib/format';
import { t } from '../../lib/i18n';
import { useResource } from '../../lib/use-resource';
import { useTimeZone } from '../../lib/use-time-zone';

/** The printable between-sessions summary: the last 14 days of what is shared, and the homework. A print stylesheet hides the site's frame. */
const DAYS = 14;

export default function PracticeSummary() {
  const { linkId = '' } = useParams();
  const { timeZone } = useTimeZone();
  const view = useResource((signal) => getClientSummary(linkId, DAYS, signal));
  const notFound = view.error instanceof ApiError && (view.error.status === 404 || view.error.status === 400);
  const data = view.data;
  return (
    <div className="page page-wide summary-page">
      <PageHeading title={t('care.summary.title')} />
      <p className="no-print actions">
        <AppLink to={`/practice/clients/${encodeURIComponent(linkId)}`}>{t('care.summary.back')}</AppLink>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('care.summary.print')}
        </button>
      </p>
      {view.loading && !data && <Loading />}
      {view.error !== undefined && <AlertMessage message={notFound ? t('care.client.notFound') : errorMessage(view.error)} />}
      {data && (
        <>
          <p className="lead">{t('care.summary.lead', { name: data.clientName, days: DAYS, from: data.from ? formatDay(data.from) : '' })}</p>
          <ClientSections view={data} timeZone={timeZone} />
          <section aria-labelledby="summary-homework">
            <h2 id="summary-homework">{t('care.client.homeworkHeading')}</h2>
            <HomeworkList homework={data.homework} timeZone={timeZone} />
          </section>
          <p className="hint">{t('care.summary.footer')}</p>
        </>
      )}
    </div>
  );
}
