import { useId } from 'react';
import type { Band } from '../../../core/instruments/definition';
import { t } from '../../lib/i18n';

/*
 * Small SVG charts for check-up results. Each has a text description (the image's accessible
 * name) and, for trends, a table of every point beside it. Only SVG presentation attributes are
 * used for geometry; colours and sizes live in app.css (the CSP allows no style attributes).
 */

export interface TrendPoint {
  id: string;
  date: string;
  value: number;
  shown: string;
  band: Band | undefined;
}

const W = 320;
const H = 160;
const PAD = { left: 34, right: 14, top: 12, bottom: 14 };

/** A subscale's scores over time: one dot per result, joined by a line, with a table view. */
export function TrendChart({ label, range, points }: { label: string; range: { min: number; max: number }; points: TrendPoint[] }) {
  const id = useId();
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) => PAD.top + innerH - ((v - range.min) / (range.max - range.min)) * innerH;
  const first = points[0];
  const last = points.at(-1);
  const description =
    points.length === 1 && first
      ? t('assessments.results.trendSingle', { subscale: label, value: first.shown })
      : t('assessments.results.trendDescription', { subscale: label, count: points.length, first: first?.shown ?? '', last: last?.shown ?? '' });
  return (
    <figure className="trend" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="trend-title">
        {t('assessments.results.trendLabel', { subscale: label })}
      </figcaption>
      <svg className="trend-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={description} data-points={points.length}>
        <line className="chart-axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + innerH} />
        <line className="chart-axis" x1={PAD.left} y1={PAD.top + innerH} x2={W - PAD.right} y2={PAD.top + innerH} />
        <line className="chart-grid" x1={PAD.left} y1={y((range.min + range.max) / 2)} x2={W - PAD.right} y2={y((range.min + range.max) / 2)} />
        <text className="chart-label" x={PAD.left - 6} y={PAD.top + 4} textAnchor="end">
          {range.max}
        </text>
        <text className="chart-label" x={PAD.left - 6} y={PAD.top + innerH} textAnchor="end">
          {range.min}
        </text>
        {points.length > 1 && <polyline className="trend-line" fill="none" points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')} />}
        {points.map((p, i) => (
          <circle key={p.id} className="trend-point" cx={x(i)} cy={y(p.value)} r={5} />
        ))}
      </svg>
      <p className="visually-hidden">{description}</p>
      <div className="assessment-table-scroll">
        <table className="assessment-table">
          <caption>{t('assessments.results.tableCaption', { subscale: label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessments.results.colDate')}</th>
              <th scope="col">{t('assessments.results.colScore')}</th>
              <th scope="col">{t('assessments.results.colBand')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.id}>
                <td>{p.date}</td>
                <td>{p.shown}</td>
                <td>{p.band?.label ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

const S = 260;
const M = 40;

/**
 * ECR-RS: avoidance (across) × anxiety (up), both 1–7. The latest result is a filled dot,
 * earlier ones are faint; the description says where the latest one sits in words.
 */
export function DimensionPlot({ latest, earlier, description }: { latest: { anxiety: number; avoidance: number }; earlier: Array<{ anxiety: number; avoidance: number }>; description: string }) {
  const inner = S - 2 * M;
  const px = (v: number) => M + ((v - 1) / 6) * inner;
  const py = (v: number) => S - M - ((v - 1) / 6) * inner;
  return (
    <svg className="dimension-plot" viewBox={`0 0 ${S} ${S}`} role="img" aria-label={description}>
      <rect className="plot-frame" x={M} y={M} width={inner} height={inner} fill="none" />
      <line className="chart-grid" x1={px(4)} y1={M} x2={px(4)} y2={S - M} />
      <line className="chart-grid" x1={M} y1={py(4)} x2={S - M} y2={py(4)} />
      <text className="chart-label" x={S / 2} y={S - 6} textAnchor="middle">
        {t('assessments.results.plotAxisAvoidance')}
      </text>
      <text className="chart-label" x={16} y={S / 2} textAnchor="middle" transform={`rotate(-90 16 ${S / 2})`}>
        {t('assessments.results.plotAxisAnxiety')}
      </text>
      <text className="chart-label chart-label-small" x={M} y={S - M + 16} textAnchor="start">
        {t('assessments.results.plotLow')}
      </text>
      <text className="chart-label chart-label-small" x={S - M} y={S - M + 16} textAnchor="end">
        {t('assessments.results.plotHigh')}
      </text>
      {earlier.map((p, i) => (
        <circle key={i} className="plot-point-earlier" cx={px(p.avoidance)} cy={py(p.anxiety)} r={4} />
      ))}
      <circle className="plot-point" cx={px(latest.avoidance)} cy={py(latest.anxiety)} r={7} />
    </svg>
  );
}
