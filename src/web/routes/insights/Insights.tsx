import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { InsightsResponse } from '../../../core/schemas/insights';
import { WOUND_OR_SIGNAL, type BodyCue } from '../../../core/reflect/catalogs';
import { AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { AlertMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/reflect/fields';
import { errorMessage, isAbort } from '../../lib/api';
import { locale, t } from '../../lib/i18n';
import { getInsights, isRangeId, RANGES, type RangeId } from '../../lib/insights-api';
import { zoneName } from '../../lib/format';
import { useTimeZone } from '../../lib/use-time-zone';
import { topicLabel } from '../journal/options';
import { BarList, ChartSection, Heatmap, hourLabel, IntensityChart, ShareBar, Swatch, UrgeChart, weekdayLong } from './charts';

type State = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; data: InsightsResponse; refreshing?: boolean };

const DEFAULT_RANGE: RangeId = 'd90';
const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
const cueLabel = (cue: BodyCue) => t(`reflect.catalog.bodyCue.${cue}`);
const times = (count: number) => (count === 1 ? t('insights.once') : t('insights.times', { count }));
const woundLabel = (key: (typeof WOUND_OR_SIGNAL)[number]) => t(`reflect.catalog.woundOrSignal.${key}`);

function day(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}
/** A week's or month's first day (YYYY-MM-DD, a calendar date) in words. */
function calendarDay(date: string, month = false): string {
  return new Intl.DateTimeFormat(locale, month ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: Array<Array<string | number>> }) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={j}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function HeatmapSection({ data }: { data: InsightsResponse }) {
  const { counts, busiest } = data.heatmap;
  const rows: Array<[string, string, number]> = [];
  counts.forEach((row, wd) => row.forEach((count, h) => count > 0 && rows.push([weekdayLong(wd), hourLabel(h), count])));
  const summary = busiest
    ? t('insights.heatmap.summary', { days: t(busiest.days === 'weekdays' ? 'insights.heatmap.weekdays' : 'insights.heatmap.weekends'), part: t(`insights.heatmap.part.${busiest.partOfDay}`) })
    : t('insights.heatmap.summaryNone');
  const heading = t('insights.heatmap.heading');
  return (
    <ChartSection
      id="insight-heatmap"
      heading={heading}
      summary={summary}
      chart={<Heatmap counts={counts} />}
      table={
        <>
          <p className="hint">{t('insights.heatmap.hoursNote')}</p>
          <Table caption={heading} head={[t('insights.heatmap.day'), t('insights.heatmap.hour'), t('insights.count')]} rows={rows} />
        </>
      }
    />
  );
}

function TopicsSection({ data }: { data: InsightsResponse }) {
  const { items, withoutTopic } = data.topics;
  const heading = t('insights.topics.heading');
  const top = items[0];
  if (!top) return <ChartSection id="insight-topics" heading={heading} summary={t('insights.noData')} />;
  const labelled = items.map((i) => ({ label: topicLabel(i.topic), count: i.count }));
  return (
    <ChartSection
      id="insight-topics"
      heading={heading}
      summary={t('insights.topics.summary', { topic: topicLabel(top.topic), count: top.count, total: data.totals.triggers })}
      chart={<BarList items={labelled} label={t('insights.topics.chartLabel')} />}
      note={withoutTopic > 0 ? <p className="hint">{t('insights.topics.withoutTopic', { count: withoutTopic })}</p> : undefined}
      table={<Table caption={heading} head={[t('insights.topics.topic'), t('insights.count')]} rows={labelled.map((i) => [i.label, i.count])} />}
    />
  );
}

function TagsSection({ data }: { data: InsightsResponse }) {
  const { items, distinct } = data.tags;
  const top = items[0];
  if (!top) return null;
  const heading = t('insights.tags.heading');
  const labelled = items.map((i) => ({ label: i.tag, count: i.count }));
  return (
    <ChartSection
      id="insight-tags"
      heading={heading}
      summary={t('insights.tags.summary', { tag: top.tag, times: times(top.count) })}
      chart={<BarList items={labelled} label={t('insights.tags.chartLabel')} />}
      note={distinct > items.length ? <p className="hint">{t('insights.tags.more', { shown: items.length, total: distinct })}</p> : undefined}
      table={<Table caption={heading} head={[t('insights.tags.tag'), t('insights.count')]} rows={labelled.map((i) => [i.label, i.count])} />}
    />
  );
}

function IntensitySection({ data }: { data: InsightsResponse }) {
  const { weeks, overall } = data.intensity;
  const heading = t('insights.intensity.heading');
  if (!overall) return <ChartSection id="insight-intensity" heading={heading} summary={t('insights.intensity.none')} />;
  const params = { count: overall.entries, before: whole.format(overall.meanBefore), after: whole.format(overall.meanAfter) };
  return (
    <ChartSection
      id="insight-intensity"
      heading={heading}
      summary={t(overall.entries === 1 ? 'insights.intensity.summaryOne' : 'insights.intensity.summary', params)}
      chart={<IntensityChart weeks={weeks} axisLabel={(w) => calendarDay(w.start)} label={t('insights.intensity.chartLabel')} />}
      note={
        <ul className="chart-legend">
          <Swatch className="point-before">{t('insights.intensity.legendBefore')}</Swatch>
          <Swatch className="point-after">{t('insights.intensity.legendAfter')}</Swatch>
        </ul>
      }
      table={
        <>
          <p className="hint">{t('insights.intensity.tableNote')}</p>
          <Table
          caption={heading}
          head={[t('insights.intensity.week'), t('insights.intensity.before'), t('insights.intensity.after'), t('insights.intensity.entries')]}
          rows={weeks.map((w) => [calendarDay(w.start), whole.format(w.meanBefore), whole.format(w.meanAfter), w.entries])}
          />
        </>
      }
    />
  );
}

function UrgesSection({ data }: { data: InsightsResponse }) {
  const { periods, actedOn, resisted, unanswered, bucket } = data.urges;
  const heading = t('insights.urges.heading');
  const total = actedOn + resisted;
  const note = unanswered > 0 ? <p className="hint">{t('insights.urges.unanswered', { count: unanswered })}</p> : undefined;
  if (total === 0) return <ChartSection id="insight-urges" heading={heading} summary={t('insights.urges.none')} note={note} />;
  const periodName = (p: { start: string }) => (bucket === 'week' ? t('insights.urges.weekOf', { date: calendarDay(p.start) }) : calendarDay(p.start, true));
  return (
    <ChartSection
      id="insight-urges"
      heading={heading}
      summary={t('insights.urges.summary', { total, resisted })}
      chart={<UrgeChart periods={periods} axisLabel={(p) => (bucket === 'week' ? calendarDay(p.start) : calendarDay(p.start, true))} label={t('insights.urges.chartLabel', { bucket: t(bucket === 'week' ? 'insights.urges.bucketWeek' : 'insights.urges.bucketMonth') })} />}
      note={
        <>
          <ul className="chart-legend">
            <Swatch className="bar-acted">{t('insights.urges.legendActedOn')}</Swatch>
            <Swatch className="bar-resisted">{t('insights.urges.legendResisted')}</Swatch>
          </ul>
          {note}
        </>
      }
      table={<Table caption={heading} head={[t('insights.urges.period'), t('insights.urges.actedOn'), t('insights.urges.resisted')]} rows={periods.map((p) => [periodName(p), p.actedOn, p.resisted])} />}
    />
  );
}

function BodyCuesSection({ data }: { data: InsightsResponse }) {
  const { items } = data.bodyCues;
  const heading = t('insights.bodyCues.heading');
  const top = items[0];
  if (!top) return <ChartSection id="insight-body" heading={heading} summary={t('insights.bodyCues.none')} />;
  const labelled = items.map((i) => ({ label: cueLabel(i.cue), count: i.count }));
  return (
    <ChartSection
      id="insight-body"
      heading={heading}
      summary={t('insights.bodyCues.summary', { cue: cueLabel(top.cue), times: times(top.count) })}
      chart={<BarList items={labelled} label={t('insights.bodyCues.chartLabel')} />}
      table={<Table caption={heading} head={[t('insights.bodyCues.cue'), t('insights.count')]} rows={labelled.map((i) => [i.label, i.count])} />}
    />
  );
}

function WoundSection({ data }: { data: InsightsResponse }) {
  const { counts, shares, answered } = data.woundOrSignal;
  const heading = t('insights.wound.heading');
  if (answered === 0) return <ChartSection id="insight-wound" heading={heading} summary={t('insights.wound.none')} />;
  const top = [...WOUND_OR_SIGNAL].sort((a, b) => counts[b] - counts[a])[0] ?? 'old_wound';
  return (
    <ChartSection
      id="insight-wound"
      heading={heading}
      summary={t('insights.wound.summary', { answered, top: `“${woundLabel(top)}”`, share: percent.format(shares[top]) })}
      chart={<ShareBar parts={WOUND_OR_SIGNAL.map((key) => ({ key, share: shares[key] }))} label={t('insights.wound.chartLabel')} />}
      note={
        <ul className="chart-legend">
          {WOUND_OR_SIGNAL.map((key, i) => (
            <Swatch key={key} className={`share share-${i}`}>
              {woundLabel(key)}: {counts[key]} ({percent.format(shares[key])})
            </Swatch>
          ))}
        </ul>
      }
      table={
        <Table
          caption={heading}
          head={[t('insights.wound.answer'), t('insights.count'), t('insights.wound.share')]}
          rows={WOUND_OR_SIGNAL.map((key) => [woundLabel(key), counts[key], percent.format(shares[key])])}
        />
      }
    />
  );
}

export default function Insights() {
  const settings = useTimeZone();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('range');
  const range: RangeId = isRangeId(requested) ? requested : DEFAULT_RANGE;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (!settings.ready) return;
    const controller = new AbortController();
    setState((s) => (s.status === 'ready' ? { ...s, refreshing: true } : { status: 'loading' }));
    getInsights(range, settings.timeZone, controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [range, settings.ready, settings.timeZone, attempt]);

  const data = state.status === 'ready' ? state.data : undefined;
  return (
    <div className="page page-wide insights-page">
      <PageHeading title={t('insights.title')}>{t('insights.heading')}</PageHeading>
      <p className="lead">{t('insights.lead')}</p>
      <RadioGroupField
        name="range"
        label={t('insights.range.label')}
        orientation="horizontal"
        options={RANGES.map((id) => ({ id, label: t(`insights.range.${id}`) }))}
        value={range}
        onChange={(next) => setSearchParams(next === DEFAULT_RANGE ? {} : { range: next }, { replace: true })}
      />
      {(state.status === 'loading' || (state.status === 'ready' && state.refreshing)) && <Loading />}
      {state.status === 'failed' && (
        <div className="callout">
          <AlertMessage message={`${t('insights.loadFailed')} ${errorMessage(state.error)}`} />
          <button type="button" className="button button-secondary" onClick={retry}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {data && (
        <div aria-live="polite">
          <p className="hint insight-range">
            {t(data.totals.entries === 1 ? 'insights.range.showingOne' : 'insights.range.showing', {
              count: data.totals.entries,
              from: day(data.range.from, data.range.timeZone),
              to: day(data.range.to, data.range.timeZone),
              zone: zoneName(data.range.timeZone),
            })}
          </p>
        </div>
      )}
      {data?.empty && (
        <div className="card empty-state">
          <h2>{t('insights.empty.heading')}</h2>
          <p>{t('insights.empty.body')}</p>
          <p>
            <AppLink className="button" to="/journal/quick">
              {t('insights.empty.cta')}
            </AppLink>
          </p>
          {range !== 'all' && <p className="hint">{t('insights.empty.otherRange')}</p>}
        </div>
      )}
      {data && !data.empty && (
        <>
          {data.sparse && (
            <div className="callout insight-sparse">
              <h2>{t('insights.sparse.heading')}</h2>
              <p>{data.totals.triggers === 1 ? t('insights.sparse.bodyOne') : t('insights.sparse.body', { count: data.totals.triggers })}</p>
              <p>
                <AppLink to="/journal/quick">{t('insights.sparse.cta')}</AppLink>
              </p>
            </div>
          )}
          <div className="insight-grid">
            <HeatmapSection data={data} />
            <TopicsSection data={data} />
            <IntensitySection data={data} />
            <UrgesSection data={data} />
            <BodyCuesSection data={data} />
            <WoundSection data={data} />
            <TagsSection data={data} />
          </div>
          <p className="hint">{t('insights.notDiagnosis')}</p>
        </>
      )}
    </div>
  );
}
