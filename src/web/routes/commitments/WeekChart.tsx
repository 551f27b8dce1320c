/**
 * Kept per week, as a small SVG bar chart with its numbers in a table beside it (nothing depends
 * on seeing the chart). Each bar: the week's due occurrences as a pale track, the kept ones
 * filled. No inline styles (the CSP forbids them): sizes are SVG attributes, colours are classes.
 */
import type { Commitment } from '../../../core/schemas/commitments';
import { locale, t } from '../../lib/i18n';

const shortDay = (day: string) => new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

export function WeekChart({ weeks, title }: { weeks: Commitment['weeks']; title: string }) {
  const width = 320;
  const top = 14;
  const plotH = 70;
  const slot = width / Math.max(1, weeks.length);
  const barW = Math.min(24, slot - 10);
  const max = Math.max(1, ...weeks.map((w) => w.due));
  const h = (n: number) => (n / max) * plotH;
  return (
    <div className="commitment-chart">
      <p className="commitment-chart-heading">{t('commitments.chartHeading')}</p>
      <svg viewBox={`0 0 ${width} ${top + plotH + 20}`} width={width} height={top + plotH + 20} role="img" aria-label={t('commitments.chartLabel', { weeks: weeks.length, title })} className="chart-svg">
        {weeks.map((w, i) => {
          const x = i * slot + (slot - barW) / 2;
          return (
            <g key={w.weekStart}>
              <rect x={x} y={top + plotH - h(w.due)} width={barW} height={h(w.due)} rx={2} className="commitment-bar-due" />
              <rect x={x} y={top + plotH - h(w.kept)} width={barW} height={h(w.kept)} rx={2} className="bar" />
              <text x={x + barW / 2} y={top + plotH - h(Math.max(w.due, w.kept)) - 3} className="chart-value commitment-chart-value">
                {w.due > 0 ? w.kept : ''}
              </text>
              <text x={x + barW / 2} y={top + plotH + 14} className="chart-label commitment-chart-value">
                {shortDay(w.weekStart)}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="chart-table">
        <summary>{t('commitments.showTable')}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('commitments.tableWeek')}</th>
              <th scope="col">{t('commitments.tableKept')}</th>
              <th scope="col">{t('commitments.tableMissed')}</th>
              <th scope="col">{t('commitments.tableUnmarked')}</th>
              <th scope="col">{t('commitments.tableDue')}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">{shortDay(w.weekStart)}</th>
                <td>{w.kept}</td>
                <td>{w.missed}</td>
                <td>{w.unmarked}</td>
                <td>{w.due}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
