import type { CheckinConsistency } from '../../../core/schemas/checkins';
import { formatDay } from '../../lib/format';
import { t } from '../../lib/i18n';

const CELL = 24;
const GAP = 4;
const COLUMNS = 7;

/**
 * The last four weeks as a small grid of days (oldest top-left), with the same facts as a table.
 * Counts only — no streaks, nothing marked as missed.
 */
export function ConsistencyView({ view }: { view: CheckinConsistency }) {
  const rows = Math.ceil(view.days.length / COLUMNS);
  const width = COLUMNS * (CELL + GAP) - GAP;
  const height = rows * (CELL + GAP) - GAP;
  return (
    <div className="checkin-consistency">
      <p className="insight-summary">{t('checkins.consistencySummary', { answered: view.answered, together: view.together, days: view.days.length })}</p>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={t('checkins.consistencyChart')} className="chart-svg">
        {view.days.map((d, i) => (
          <rect
            key={d.day}
            x={(i % COLUMNS) * (CELL + GAP)}
            y={Math.floor(i / COLUMNS) * (CELL + GAP)}
            width={CELL}
            height={CELL}
            rx={4}
            className={d.both ? 'checkin-day checkin-day-both' : d.mine ? 'checkin-day checkin-day-mine' : 'checkin-day'}
          />
        ))}
      </svg>
      <ul className="chart-legend">
        <li>
          <span className="checkin-swatch checkin-day-both" aria-hidden="true" /> {t('checkins.legendBoth')}
        </li>
        <li>
          <span className="checkin-swatch checkin-day-mine" aria-hidden="true" /> {t('checkins.legendMine')}
        </li>
        <li>
          <span className="checkin-swatch" aria-hidden="true" /> {t('checkins.legendNone')}
        </li>
      </ul>
      <p className="hint">{t('checkins.consistencyNote')}</p>
      <details className="chart-table">
        <summary>{t('checkins.consistencyTable')}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('checkins.tableDay')}</th>
              <th scope="col">{t('checkins.tableMine')}</th>
              <th scope="col">{t('checkins.tableBoth')}</th>
            </tr>
          </thead>
          <tbody>
            {[...view.days].reverse().map((d) => (
              <tr key={d.day}>
                <th scope="row">{formatDay(d.day)}</th>
                <td>{d.mine ? t('checkins.yes') : t('checkins.no')}</td>
                <td>{d.both ? t('checkins.yes') : t('checkins.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
