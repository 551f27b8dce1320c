import { useParams } from 'react-router';
import { ORIGIN_ROOTS } from '../../../core/reflect/catalogs';
import { AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { AlertMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { ApiError, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { getOriginsVersion } from '../../lib/reflect-api';
import { useResource } from '../../lib/use-resource';
import { useTimeZone } from '../../lib/use-time-zone';

/** An earlier origins map, read-only. */
function VersionPage({ id }: { id: string }) {
  const settings = useTimeZone();
  const version = useResource((signal) => getOriginsVersion(id, signal));
  const data = version.data;
  const notFound = version.error instanceof ApiError && (version.error.status === 404 || version.error.status === 400);
  const title = data && settings.ready ? t('origins.versionHeading', { date: formatDateTime(data.createdAt, settings.timeZone) }) : t('origins.versionTitle');
  return (
    <div className="page">
      <PageHeading title={t('origins.versionTitle')}>{title}</PageHeading>
      <p>
        <AppLink to="/origins">{t('origins.backToOrigins')}</AppLink>
      </p>
      {version.loading && <Loading />}
      {version.error !== undefined && <AlertMessage message={notFound ? t('reflect.notFound') : errorMessage(version.error)} />}
      {data && (
        <>
          <p className="lead">{t('origins.versionLead')}</p>
          {ORIGIN_ROOTS.map((root) => {
            const item = data.roots.find((r) => r.root === root);
            return (
              <section key={root} className="card origin-root" aria-labelledby={`v-${root}-heading`}>
                <h2 id={`v-${root}-heading`}>
                  {t(`reflect.catalog.originRoot.${root}`)}
                  {root === 'other' && data.otherLabel ? `: ${data.otherLabel}` : ''}
                </h2>
                <p>
                  <span className={item?.resonates ? 'badge' : 'badge badge-soft'}>{item?.resonates ? t('origins.didResonate') : t('origins.didNotResonate')}</span>
                </p>
                <p className="preserve-lines">{item?.notes ? item.notes : t('origins.noNotes')}</p>
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}

export default function OriginsVersion() {
  const { id = '' } = useParams();
  return <VersionPage key={id} id={id} />;
}
