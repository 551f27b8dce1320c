/**
 * Small hand-rolled SVG charts for the insights page. Each one is a picture with a name
 * (role="img" + aria-label); the numbers themselves always sit in a table beside it
 * (ChartSection), so nothing depends on seeing the chart or telling colours apart.
 * No inline styles (the CSP forbids them): sizes are SVG attributes, colours are classes.
 */
import type { ReactNode } from 'react';
import { t } from '../../lib/i18n';

/** A chart with its heading, one-line summary and a "Show as a table" disclosure. */
export function ChartSection({ id, heading, summary, chart, table, note }: { id: string; heading: string; summary: string; chart?: ReactNode; table?: ReactNode; note?: ReactNode }) {
  return (
    <section className="card insight" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p className="insight-summary">{summary}</p>
      {chart && <div className="chart">{chart}</div>}
      {note}
      {table && (
        <details className="chart-table">
          <summary>{t('insights.showTable')}</summary>
          {table}
        </details>
      )}
    </section>
  );
}

const WEEKDAY_KEYS = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6'] as const;
export const weekdayShort = (wd: number) => t(`insights.heatmap.weekdayShort.${WEEKDAY_KEYS[wd] ?? 'd0'}`);
export const weekdayLong = (wd: number) => t(`insights.heatmap.weekdayLong.${WEEKDAY_KEYS[wd] ?? 'd0'}`);
export const hourLabel = (hour: number) => t('insights.heatmap.hourLabel', { hour: String(hour).padStart(2, '0') });

/** 0 for none, else 1–4 by share of the busiest cell. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((count / max) * 4));
}

export function Heatmap({ counts }: { counts: number[][] }) {
  const cell = 13;
  const left = 32;
  const top = 16;
  const max = Math.max(0, ...counts.flat());
  const width = left + 24 * cell;
  const height = top + 7 * cell + 26;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={t('insights.heatmap.chartLabel')} className="chart-svg">
      {[0, 6, 12, 18].map((h) => (
        <text key={h} x={left + h * cell} y={11} className="chart-axis">
          {hourLabel(h)}
        </text>
      ))}
      {counts.map((row, wd) => (
        <g key={wd}>
          <text x={0} y={top + wd * cell + cell - 3} className="chart-axis">
            {weekdayShort(wd)}
          </text>
          {row.map((count, h) => (
            <rect key={h} x={left + h * cell} y={top + wd * cell} width={cell - 2} height={cell - 2} rx={2} className={`heat heat-${heatLevel(count, max)}`}>
              <title>{t('insights.heatmap.cellTitle', { day: weekdayLong(wd), hour: hourLabel(h), count })}</title>
            </rect>
          ))}
        </g>
      ))}
      <g aria-hidden="true">
        <text x={left} y={height - 6} className="chart-axis">
          {t('insights.heatmap.legendLess')}
        </text>
        {[0, 1, 2, 3, 4].map((level) => (
          <rect key={level} x={left + 44 + level * cell} y={height - 16} width={cell - 2} height={cell - 2} rx={2} className={`heat heat-${level}`} />
        ))}
        <text x={left + 44 + 5 * cell + 4} y={height - 6} className="chart-axis">
          {t('insights.heatmap.legendMore')}
        </text>
      </g>
    </svg>
  );
}

/** Horizontal bars, each with its label above and its count at the end. */
export function BarList({ items, label }: { items: Array<{ label: string; count: number }>; label: string }) {
  const width = 320;
  const row = 30;
  const barMax = width - 40;
  const max = Math.max(1, ...items.map((i) => i.count));
  const height = items.length * row + 4;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label} className="chart-svg">
      {items.map((item, i) => {
        const w = Math.max(2, (item.count / max) * barMax);
        const y = i * row;
        return (
          <g key={item.label}>
            <text x={0} y={y + 11} className="chart-label">
              {item.label}
            </text>
            <rect x={0} y={y + 15} width={w} height={10} rx={2} className="bar" />
            <text x={w + 6} y={y + 24} className="chart-value">
              {item.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Two lines over weeks: before (solid, circles) and after (dashed, squares). */
export function IntensityChart({ weeks, label, axisLabel }: { weeks: Array<{ start: string; meanBefore: number; meanAfter: number }>; label: string; axisLabel: (week: { start: string }) => string }) {
  const width = 320;
  const height = 170;
  const left = 28;
  const right = 8;
  const top = 8;
  const plotH = 130;
  const plotW = width - left - right;
  const x = (i: number) => left + (weeks.length === 1 ? plotW / 2 : (i / (weeks.length - 1)) * plotW);
  const y = (v: number) => top + plotH - (v / 100) * plotH;
  const path = (key: 'meanBefore' | 'meanAfter') => weeks.map((w, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(w[key]).toFixed(1)}`).join(' ');
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label} className="chart-svg">
      {[0, 50, 100].map((v) => (
        <g key={v}>
          <line x1={left} x2={width - right} y1={y(v)} y2={y(v)} className="chart-grid" />
          <text x={0} y={y(v) + 4} className="chart-axis">
            {v}
          </text>
        </g>
      ))}
      {weeks.length > 1 && <path d={path('meanBefore')} className="line line-before" />}
      {weeks.length > 1 && <path d={path('meanAfter')} className="line line-after" />}
      {weeks.map((w, i) => (
        <g key={w.start}>
          <circle cx={x(i)} cy={y(w.meanBefore)} r={3.5} className="point point-before" />
          <rect x={x(i) - 3} y={y(w.meanAfter) - 3} width={6} height={6} className="point point-after" />
        </g>
      ))}
      <text x={weeks.length === 1 ? x(0) : left} y={height - 8} className={weeks.length === 1 ? 'chart-axis chart-axis-middle' : 'chart-axis'}>
        {weeks[0] ? axisLabel(weeks[0]) : ''}
      </text>
      {weeks.length > 1 && (
        <text x={width - right} y={height - 8} className="chart-axis chart-axis-end">
          {axisLabel(weeks.at(-1) ?? { start: '' })}
        </text>
      )}
    </svg>
  );
}

/** Stacked bars per period: acted on (darker, below) and let pass (lighter, above). */
export function UrgeChart({ periods, label, axisLabel }: { periods: Array<{ period: string; start: string; actedOn: number; resisted: number }>; label: string; axisLabel: (period: { start: string }) => string }) {
  const width = 320;
  const height = 150;
  const left = 24;
  const top = 6;
  const plotH = 112;
  const plotW = width - left - 4;
  const max = Math.max(1, ...periods.map((p) => p.actedOn + p.resisted));
  const slot = plotW / Math.max(1, periods.length);
  const bar = Math.max(2, slot * 0.7);
  const h = (n: number) => (n / max) * plotH;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label} className="chart-svg">
      <line x1={left} x2={width - 4} y1={top + plotH} y2={top + plotH} className="chart-grid" />
      <text x={0} y={top + 10} className="chart-axis">
        {max}
      </text>
      <text x={0} y={top + plotH} className="chart-axis">
        0
      </text>
      {periods.map((p, i) => {
        const x = left + i * slot + (slot - bar) / 2;
        const acted = h(p.actedOn);
        const resisted = h(p.resisted);
        return (
          <g key={p.period}>
            {p.actedOn > 0 && <rect x={x} y={top + plotH - acted} width={bar} height={acted} className="bar bar-acted" />}
            {p.resisted > 0 && <rect x={x} y={top + plotH - acted - resisted} width={bar} height={resisted} className="bar bar-resisted" />}
          </g>
        );
      })}
      <text x={left} y={height - 8} className="chart-axis">
        {periods[0] ? axisLabel(periods[0]) : ''}
      </text>
      {periods.length > 1 && (
        <text x={width - 4} y={height - 8} className="chart-axis chart-axis-end">
          {axisLabel(periods.at(-1) ?? { start: '' })}
        </text>
      )}
    </svg>
  );
}

/** One bar split into shares, each part a different shade and pattern of edge. */
export function ShareBar({ parts, label }: { parts: Array<{ key: string; share: number }>; label: string }) {
  const width = 320;
  let x = 0;
  return (
    <svg viewBox={`0 0 ${width} 28`} width={width} height={28} role="img" aria-label={label} className="chart-svg">
      {parts.map((p, i) => {
        const w = p.share * width;
        const rect = w > 0 ? <rect key={p.key} x={x} y={2} width={w} height={24} className={`share share-${i}`} /> : null;
        x += w;
        return rect;
      })}
    </svg>
  );
}

/** A legend entry: a swatch (shape and shade) and its words. */
export function Swatch({ className, children }: { className: string; children: ReactNode }) {
  return (
    <li>
      <svg width={14} height={14} viewBox="0 0 14 14" aria-hidden="true" className="swatch">
        <rect x={1} y={1} width={12} height={12} className={className} />
      </svg>
      {children}
    </li>
  );
}
