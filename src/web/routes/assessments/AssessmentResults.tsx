import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import type { Band, Instrument, Subscale } from '../../../core/instruments/definition';
import { bandFor } from '../../../core/instruments/score';
import type { Assessment } from '../../../core/schemas/assessments';
import { AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { DeleteControl } from '../../components/reflect/DeleteControl';
import { ApiError, errorMessage } from '../../lib/api';
import { deleteAssessment, formatScore, getInstrument, listAssessments } from '../../lib/assessments-api';
import { formatDateTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { useResource } from '../../lib/use-resource';
import { useTimeZone } from '../../lib/use-time-zone';
import { DimensionPlot, TrendChart } from './charts';

/** The band stored with a result (as labelled when taken), else the one its score falls in now. */
function bandOf(sub: Subscale, result: Assessment, score: number): Band {
  const key = result.band[sub.id];
  return sub.bands.find((b) => b.key === key) ?? bandFor(sub, score);
}

async function load(id: string, signal: AbortSignal): Promise<{ instrument: Instrument; results: Assessment[] }> {
  const [instrument, results] = await Promise.all([getInstrument(id, signal), listAssessments({ instrument: id, limit: 100 }, signal)]);
  return { instrument, results: results.items };
}

function Latest({ instrument, latest, timeZone }: { instrument: Instrument; latest: Assessment; timeZone: string }) {
  return (
    <section aria-labelledby="latest-heading">
      <h2 id="latest-heading">{t('assessments.results.latestHeading')}</h2>
      <p className="hint">{t('assessments.results.takenOn', { date: formatDateTime(latest.takenAt, timeZone) })}</p>
      {instrument.subscales.map((sub) => {
        const score = latest.scores[sub.id];
        if (score === undefined) return null;
        const band = bandOf(sub, latest, score);
        return (
          <section key={sub.id} className="card subscale-result" aria-labelledby={`sub-${sub.id}`}>
            <h3 id={`sub-${sub.id}`}>{sub.label}</h3>
            <p className="hint">{sub.description}</p>
            <p className="subscale-score">
              <strong>{t('assessments.results.scoreOf', { score: formatScore(score, sub.method), max: sub.range.max })}</strong> · <span className="badge">{band.label}</span>
            </p>
            <p>{band.text}</p>
            <p className="hint">{t('assessments.results.scoreRange', { min: sub.range.min, max: sub.range.max })}</p>
          </section>
        );
      })}
    </section>
  );
}

function EcrPlot({ results }: { results: Assessment[] }) {
  const [latest, ...rest] = results;
  if (!latest || latest.scores.anxiety === undefined || latest.scores.avoidance === undefined) return null;
  const point = (a: Assessment) => ({ anxiety: a.scores.anxiety ?? 1, avoidance: a.scores.avoidance ?? 1 });
  const description = t('assessments.results.plotDescription', { anxiety: formatScore(latest.scores.anxiety, 'mean'), avoidance: formatScore(latest.scores.avoidance, 'mean') });
  return (
    <section className="card" aria-labelledby="plot-heading">
      <h2 id="plot-heading">{t('assessments.results.plotHeading')}</h2>
      <div className="plot-layout">
        <DimensionPlot latest={point(latest)} earlier={rest.map(point)} description={description} />
        <div>
          <p>{description}</p>
          <p>{t('assessments.results.plotExplainer')}</p>
        </div>
      </div>
    </section>
  );
}

function ResultsPage({ id }: { id: string }) {
  const settings = useTimeZone();
  const location = useLocation();
  const justSaved = (location.state as { saved?: unknown } | null)?.saved !== undefined;
  const [status, setStatus] = useState<string>();
  const resource = useResource((signal) => load(id, signal));
  const data = resource.data;
  const notFound = resource.error instanceof ApiError && (resource.error.status === 404 || resource.error.status === 400);

  useEffect(() => {
    if (justSaved) setStatus(t('assessments.results.saved'));
  }, [justSaved]);

  const takeLink = (first: boolean) => (
    <AppLink className="button" to={`/assessments/${encodeURIComponent(id)}/take`}>
      {first ? t('assessments.results.takeFirst') : t('assessments.results.takeAgain')}
    </AppLink>
  );

  return (
    <div className="page">
      <PageHeading title={data?.instrument.title ?? t('assessments.results.title')} />
      <p>
        <AppLink to="/assessments">{t('assessments.results.back')}</AppLink>
      </p>
      <StatusMessage message={status} />
      {resource.loading && !data && <Loading />}
      {resource.error !== undefined && <AlertMessage message={notFound ? t('assessments.results.notFound') : errorMessage(resource.error)} />}
      {data && (
        <>
          {data.results.length === 0 ? (
            <>
              <p>{t('assessments.results.none')}</p>
              <p>{takeLink(true)}</p>
            </>
          ) : (
            <>
              <p className="note assessment-note">{t('assessments.results.reflectionNote')}</p>
              {data.instrument.id === 'ecr-rs' && <EcrPlot results={data.results} />}
              <Latest instrument={data.instrument} latest={data.results[0]!} timeZone={settings.timeZone} />
              <p>{takeLink(false)}</p>
              <section aria-labelledby="trends-heading">
                <h2 id="trends-heading">{t('assessments.results.trendsHeading')}</h2>
                <div className="trends">
                  {data.instrument.subscales.map((sub) => {
                    const oldestFirst = [...data.results].reverse().filter((r) => r.scores[sub.id] !== undefined);
                    return (
                      <TrendChart
                        key={sub.id}
                        label={sub.label}
                        range={sub.range}
                        points={oldestFirst.map((r) => {
                          const value = r.scores[sub.id]!;
                          return { id: r.id, date: formatDateTime(r.takenAt, settings.timeZone), value, shown: formatScore(value, sub.method), band: bandOf(sub, r, value) };
                        })}
                      />
                    );
                  })}
                </div>
              </section>
              <section aria-labelledby="history-heading">
                <h2 id="history-heading" tabIndex={-1}>{t('assessments.results.historyHeading')}</h2>
                <ul className="history-list">
                  {data.results.map((r) => {
                    const date = formatDateTime(r.takenAt, settings.timeZone);
                    return (
                      <li key={r.id} className="card">
                        <h3>{t('assessments.results.historyItem', { date })}</h3>
                        <p>
                          {data.instrument.subscales
                            .filter((s) => r.scores[s.id] !== undefined)
                            .map((s) => `${s.label}: ${formatScore(r.scores[s.id]!, s.method)}`)
                            .join(' · ')}
                        </p>
                        <DeleteControl
                          label={t('assessments.results.deleteLabel', { date })}
                          onDelete={async () => {
                            try {
                              await deleteAssessment(r.id);
                            } catch (error) {
                              setStatus(errorMessage(error));
                              return;
                            }
                            setStatus(t('assessments.results.deleted'));
                            resource.setData({ ...data, results: data.results.filter((x) => x.id !== r.id) });
                            document.getElementById('history-heading')?.focus();
                          }}
                        />
                      </li>
                    );
                  })}
                </ul>
              </section>
            </>
          )}
          <section className="note" aria-labelledby="about-heading">
            <h2 id="about-heading">{t('assessments.results.aboutHeading')}</h2>
            {!data.instrument.validated && <p>{t('assessments.results.notValidated')}</p>}
            <p>
              <strong>{t('assessments.results.citation')}:</strong> {data.instrument.citation}
            </p>
            <p>
              <strong>{t('assessments.results.licence')}:</strong> {data.instrument.licence}
            </p>
            {data.instrument.notes && <p className="hint">{data.instrument.notes}</p>}
          </section>
        </>
      )}
    </div>
  );
}

export default function AssessmentResults() {
  const { id = '' } = useParams();
  return <ResultsPage key={id} id={id} />;
}
