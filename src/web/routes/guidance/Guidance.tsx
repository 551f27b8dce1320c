import { lessonById } from '../../../core/lessons/catalog';
import type { Topic } from '../../../core/reflect/catalogs';
import { instrumentSchema } from '../../../core/schemas/assessments';
import { therapyGuidanceSchema, type SuggestionReason, type TherapyGuidance } from '../../../core/schemas/guidance';
import { AppLink } from '../../components/AppLink';
import { CrisisResourceList } from '../../components/reflect/SafetyPanel';
import { Loading } from '../../components/Loading';
import { AlertMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { api } from '../../lib/api';
import { locale, t } from '../../lib/i18n';
import { useResource } from '../../lib/use-resource';

/** A score or mean as a person reads it: at most one decimal. */
const formatNumber = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });

/** Instrument ids → how a person reads them: the title, and the subscale's label when there are several. */
type InstrumentNames = Map<string, { title: string; subscales: Map<string, string> }>;

async function loadGuidance(signal: AbortSignal): Promise<{ guidance: TherapyGuidance; names: InstrumentNames }> {
  const guidance = await api('/api/v1/guidance/therapy', { schema: therapyGuidanceSchema, signal });
  const ids = [...new Set(guidance.reasons.flatMap((r) => (r.rule === 'worsening-score' ? [r.instrument] : [])))];
  const instruments = await Promise.all(ids.map((id) => api(`/api/v1/instruments/${encodeURIComponent(id)}`, { schema: instrumentSchema, signal }).catch(() => undefined)));
  const names: InstrumentNames = new Map();
  for (const instrument of instruments) {
    if (instrument) names.set(instrument.id, { title: instrument.title, subscales: new Map(instrument.subscales.length > 1 ? instrument.subscales.map((s) => [s.id, s.label]) : []) });
  }
  return { guidance, names };
}

function instrumentName(names: InstrumentNames, instrument: string, subscale: string): string {
  const known = names.get(instrument);
  if (!known) return instrument;
  const label = known.subscales.get(subscale);
  return label ? `${known.title} — ${label}` : known.title;
}

const topicLabel = (topic: Topic) => t(`reflect.catalog.topic.${topic}`);

function Status({ applies }: { applies: boolean }) {
  return <p className={applies ? 'rule-status rule-applies' : 'rule-status'}>{applies ? t('lessons.guidance.applies') : t('lessons.guidance.doesNotApply')}</p>;
}

function PointsTo({ reason }: { reason: SuggestionReason }) {
  return <p className="hint">{t(`lessons.guidance.pointsTo.${reason.pointsTo}`)}</p>;
}

function Rules({ guidance, names }: { guidance: TherapyGuidance; names: InstrumentNames }) {
  const { thresholds: th, lookedAt, reasons } = guidance;
  const of = <R extends SuggestionReason['rule']>(rule: R) => reasons.filter((r): r is Extract<SuggestionReason, { rule: R }> => r.rule === rule);
  const deeper = of('deeper-hurt');
  const topics = of('recurring-topic');
  const scores = of('worsening-score');
  const intensity = of('high-intensity');
  return (
    <ul className="rule-list">
      <li className="card rule">
        <h3>{t('lessons.guidance.rule.deeperHurt.name')}</h3>
        <Status applies={deeper.length > 0} />
        <p>{t('lessons.guidance.rule.deeperHurt.explain')}</p>
        <p>{lookedAt.deeperHurtReported ? t('lessons.guidance.rule.deeperHurt.yoursYes') : t('lessons.guidance.rule.deeperHurt.yoursNo')}</p>
        {deeper.map((r) => (
          <div key="deeper">
            <p>{t('lessons.guidance.rule.deeperHurt.reason')}</p>
            <PointsTo reason={r} />
          </div>
        ))}
      </li>
      <li className="card rule">
        <h3>{t('lessons.guidance.rule.recurringTopic.name')}</h3>
        <Status applies={topics.length > 0} />
        <p>{t('lessons.guidance.rule.recurringTopic.explain', { min: th.recurringTopicMinEntries, days: th.recurringTopicWindowDays })}</p>
        <p>
          {t('lessons.guidance.rule.recurringTopic.yours', { days: th.recurringTopicWindowDays, entries: lookedAt.recentEntries })}{' '}
          {lookedAt.topTopic
            ? t('lessons.guidance.rule.recurringTopic.top', { topic: topicLabel(lookedAt.topTopic.topic), count: lookedAt.topTopic.count })
            : t('lessons.guidance.rule.recurringTopic.noTop')}
        </p>
        {topics.map((r) => (
          <div key={r.topic}>
            <p>{t('lessons.guidance.rule.recurringTopic.reason', { topic: topicLabel(r.topic), count: r.count, days: r.windowDays })}</p>
            <PointsTo reason={r} />
          </div>
        ))}
      </li>
      <li className="card rule">
        <h3>{t('lessons.guidance.rule.worseningScore.name')}</h3>
        <Status applies={scores.length > 0} />
        <p>{t('lessons.guidance.rule.worseningScore.explain', { run: th.worseningRun })}</p>
        <p>{t('lessons.guidance.rule.worseningScore.yours', { series: lookedAt.scoreSeries, withTrend: lookedAt.seriesWithTrend })}</p>
        {scores.map((r) => (
          <div key={`${r.instrument}-${r.subscale}`}>
            <p>
              {t('lessons.guidance.rule.worseningScore.reason', {
                instrument: instrumentName(names, r.instrument, r.subscale),
                run: r.points.length,
                values: r.points.map((p) => formatNumber(p.value)).join(' → '),
              })}{' '}
              {r.higherIsWorse ? t('lessons.guidance.rule.worseningScore.higher') : t('lessons.guidance.rule.worseningScore.lower')}
            </p>
            <PointsTo reason={r} />
          </div>
        ))}
      </li>
      <li className="card rule">
        <h3>{t('lessons.guidance.rule.highIntensity.name')}</h3>
        <Status applies={intensity.length > 0} />
        <p>
          {t('lessons.guidance.rule.highIntensity.explain', {
            span: th.highIntensityMinSpanDays,
            days: th.highIntensityWindowDays,
            min: th.highIntensityMinEntries,
            median: th.highIntensityMedian,
            drop: th.reframeMinDrop,
          })}
        </p>
        <p>
          {t('lessons.guidance.rule.highIntensity.yours', { days: th.highIntensityWindowDays, entries: lookedAt.intensityEntries })}{' '}
          {lookedAt.medianIntensity !== null && t('lessons.guidance.rule.highIntensity.yoursMedian', { median: formatNumber(lookedAt.medianIntensity) })}
        </p>
        {intensity.map((r) => (
          <div key="intensity">
            <p>
              {t('lessons.guidance.rule.highIntensity.reason', { entries: r.entries, span: r.spanDays, median: formatNumber(r.medianBefore) })}{' '}
              {r.reframeNotEasing && r.meanBefore !== null && r.meanAfter !== null && t('lessons.guidance.rule.highIntensity.reframe', { after: formatNumber(r.meanAfter), before: formatNumber(r.meanBefore) })}{' '}
              {r.trendNotEasing && t('lessons.guidance.rule.highIntensity.trend', { recent: formatNumber(r.recentMean), earlier: formatNumber(r.earlierMean) })}
            </p>
            <PointsTo reason={r} />
          </div>
        ))}
      </li>
    </ul>
  );
}

/** The region's crisis lines (core/safety), for anyone who needs help sooner than a therapist. */
function CrisisLines() {
  return (
    <section className="safety-panel" aria-labelledby="guidance-crisis-heading">
      <h2 id="guidance-crisis-heading">{t('lessons.guidance.crisisHeading')}</h2>
      <p>{t('lessons.guidance.crisisLead')}</p>
      <CrisisResourceList />
    </section>
  );
}

function LessonCard({ id }: { id: string }) {
  const lesson = lessonById(id);
  if (!lesson) return null;
  return (
    <li className="card">
      <h3>
        <AppLink to={`/lessons/${encodeURIComponent(lesson.id)}`}>{lesson.title}</AppLink>
      </h3>
      <p>{lesson.summary}</p>
    </li>
  );
}

/** `/guidance`: "Is it time to talk to a therapist?" — the suggestion, every rule with the person's numbers, and where to go next. */
export default function Guidance() {
  const result = useResource(loadGuidance);
  const data = result.data;
  return (
    <div className="page">
      <PageHeading title={t('lessons.guidance.title')}>{t('lessons.guidance.heading')}</PageHeading>
      <p className="lead">{t('lessons.guidance.lead')}</p>
      <p className="note guidance-private">{t('lessons.guidance.private')}</p>
      {result.loading && <Loading />}
      {result.error !== undefined && (
        <div className="callout">
          <AlertMessage message={t('lessons.guidance.loadError')} />
          <button type="button" className="button button-secondary" onClick={result.reload}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {data && (
        <>
          <section aria-labelledby="suggestion-heading">
            <h2 id="suggestion-heading">{t('lessons.guidance.suggestionHeading')}</h2>
            <p className="guidance-suggestion">{t(`lessons.guidance.suggest.${data.guidance.suggest}`)}</p>
            {!data.guidance.lookedAt.linkedPartner && <p className="hint">{t('lessons.guidance.partnerNote')}</p>}
          </section>
          <section aria-labelledby="rules-heading">
            <h2 id="rules-heading">{t('lessons.guidance.rulesHeading')}</h2>
            <p>{t('lessons.guidance.rulesLead')}</p>
            <Rules guidance={data.guidance} names={data.names} />
          </section>
        </>
      )}
      <section aria-labelledby="options-heading">
        <h2 id="options-heading">{t('lessons.guidance.optionsHeading')}</h2>
        <p>{t('lessons.guidance.optionsLead')}</p>
        <ul className="cards">
          <LessonCard id="individual-therapy" />
          <LessonCard id="couples-therapy" />
          <LessonCard id="internal-family-systems" />
        </ul>
      </section>
      {data && (
        <section aria-labelledby="find-heading">
          <h2 id="find-heading">{t('lessons.guidance.findHeading')}</h2>
          <p>{t('lessons.guidance.findBody')}</p>
          <p>
            <a className="button" href={data.guidance.directoryUrl} target="_blank" rel="noopener noreferrer">
              {t('lessons.guidance.findLink')} <span className="visually-hidden">{t('lessons.guidance.findLinkNote')}</span>
            </a>
          </p>
          {data.guidance.bookingUrl === null && <p className="hint">{t('lessons.guidance.bookingSoon')}</p>}
        </section>
      )}
      <CrisisLines />
      <p className="hint">{t('lessons.guidance.notTherapy')}</p>
    </div>
  );
}
