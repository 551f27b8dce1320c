import { AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { AlertMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import type { Assessment, InstrumentSummary } from '../../../core/schemas/assessments';
import { errorMessage } from '../../lib/api';
import { listAssessments, listInstruments } from '../../lib/assessments-api';
import { formatDateTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { useResource } from '../../lib/use-resource';
import { useTimeZone } from '../../lib/use-time-zone';

async function load(signal: AbortSignal): Promise<Array<{ instrument: InstrumentSummary; latest: Assessment | undefined }>> {
  const { items } = await listInstruments(signal);
  const latest = await Promise.all(items.map((i) => listAssessments({ instrument: i.id, limit: 1 }, signal)));
  return items.map((instrument, k) => ({ instrument, latest: latest[k]?.items[0] }));
}

/** Every check-up, with a plain description and when I last took it. */
export default function AssessmentList() {
  const settings = useTimeZone();
  const list = useResource(load);
  return (
    <div className="page">
      <PageHeading title={t('assessments.list.heading')} />
      <p className="lead">{t('assessments.list.lead')}</p>
      <p className="note assessment-note">{t('assessments.list.reflectionNote')}</p>
      {list.loading && <Loading />}
      {list.error !== undefined && <AlertMessage message={errorMessage(list.error)} />}
      {list.data && (
        <ul className="cards assessment-cards">
          {list.data.map(({ instrument, latest }) => (
            <li key={instrument.id} className="card">
              <h2>{instrument.title}</h2>
              <p>{instrument.description}</p>
              <p className="hint">
                {t('assessments.list.questions', { count: instrument.itemCount })} · {instrument.validated ? t('assessments.list.validated') : t('assessments.list.notValidated')}
              </p>
              <p className="hint">{latest ? t('assessments.list.lastTaken', { date: formatDateTime(latest.takenAt, settings.timeZone) }) : t('assessments.list.notTaken')}</p>
              <p className="actions">
                <AppLink className="button" to={`/assessments/${encodeURIComponent(instrument.id)}/take`} aria-label={t('assessments.list.takeLabel', { title: instrument.title })}>
                  {t('assessments.list.take')}
                </AppLink>
                {latest && (
                  <AppLink to={`/assessments/${encodeURIComponent(instrument.id)}`} aria-label={t('assessments.list.resultsLabel', { title: instrument.title })}>
                    {t('assessments.list.results')}
                  </AppLink>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
