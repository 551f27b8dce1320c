import { useId } from 'react';
import type { ClientView } from '../../lib/care-sharing-api';
import { formatDateTime, formatDay } from '../../lib/format';
import { t } from '../../lib/i18n';

/*
 * What a client shares, as the therapist sees it: one section per category that is effective now
 * (the server sends a section only then). Every chart has its table beside it; SVG geometry uses
 * presentation attributes only (the CSP allows no style attributes).
 */

type Series = NonNullable<ClientView['assessments']>[number];

const W = 360;
const H = 170;
const PAD = { left: 34, right: 14, top: 12, bottom: 16 };

const round = (n: number) => String(Math.round(n * 10) / 10);

/** One check-up's scores over time: a line chart, its description in words, and a table of every point. */
export function ScoreChart({ series, timeZone }: { series: Series; timeZone: string }) {
  const id = useId();
  const points = [...series.points].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const max = Math.max(1, ...points.map((p) => p.max));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) => PAD.top + innerH - (Math.min(Math.max(v, 0), max) / max) * innerH;
  const first = points[0];
  const last = points.at(-1);
  const description =
    points.length === 1 && first
      ? t('care.client.chartSingle', { title: series.title, score: round(first.score), max })
      : t('care.client.chartDescription', { title: series.title, count: points.length, first: first ? round(first.score) : '', last: last ? round(last.score) : '', max });
  return (
    <figure className="trend workspace-chart" aria-labelledby={`${id}-title`}>
      <div>
        <figcaption id={`${id}-title`} className="trend-title">
          {series.title}
        </figcaption>
        <svg className="trend-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={description} data-points={points.length}>
          <line className="chart-axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + innerH} />
          <line className="chart-axis" x1={PAD.left} y1={PAD.top + innerH} x2={W - PAD.right} y2={PAD.top + innerH} />
          <line className="chart-grid" x1={PAD.left} y1={y(max / 2)} x2={W - PAD.right} y2={y(max / 2)} />
          <text className="chart-label" x={PAD.left - 6} y={PAD.top + 4} textAnchor="end">
            {max}
          </text>
          <text className="chart-label" x={PAD.left - 6} y={PAD.top + innerH} textAnchor="end">
            0
          </text>
          {points.length > 1 && <polyline className="trend-line" fill="none" points={points.map((p, i) => `${x(i)},${y(p.score)}`).join(' ')} />}
          {points.map((p, i) => (
            <circle key={p.at} className="trend-point" cx={x(i)} cy={y(p.score)} r={5} />
          ))}
        </svg>
        <p className="hint">{description}</p>
      </div>
      <div className="assessment-table-scroll">
        <table className="data-table">
          <caption>{t('care.client.tableCaption', { title: series.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('care.client.colDate')}</th>
              <th scope="col">{t('care.client.colScore')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.at}>
                <td>{formatDateTime(p.at, timeZone)}</td>
                <td>{t('care.client.scoreOf', { score: round(p.score), max: p.max })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

export function ClientSections({ view, timeZone }: { view: ClientView; timeZone: string }) {
  return (
    <>
      {view.effective.length === 0 && <p className="note">{t('care.client.sharingNothing')}</p>}
      {view.assessments && (
        <section aria-labelledby="ws-assessments">
          <h2 id="ws-assessments">{t('care.client.assessmentsHeading')}</h2>
          {view.assessments.length === 0 && <p>{t('care.client.noResults')}</p>}
          {view.assessments.map((series) => (
            <ScoreChart key={series.instrumentId} series={series} timeZone={timeZone} />
          ))}
        </section>
      )}
      {view.checkinMoods && (
        <section aria-labelledby="ws-moods">
          <h2 id="ws-moods">{t('care.client.moodsHeading')}</h2>
          {view.checkinMoods.length === 0 ? (
            <p>{t('care.client.noneYet')}</p>
          ) : (
            <table className="data-table">
              <caption>{t('care.client.moodsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('care.client.colDay')}</th>
                  <th scope="col">{t('care.client.colMine', { name: view.clientName })}</th>
                  <th scope="col">{t('care.client.colPartner')}</th>
                </tr>
              </thead>
              <tbody>
                {view.checkinMoods.map((m) => (
                  <tr key={m.date}>
                    <td>{formatDay(m.date)}</td>
                    <td>{m.mine ?? t('care.client.noMood')}</td>
                    <td>{m.partner ?? t('care.client.noMood')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {view.commitments && (
        <section aria-labelledby="ws-commitments">
          <h2 id="ws-commitments">{t('care.client.commitmentsHeading')}</h2>
          {view.commitments.length === 0 ? (
            <p>{t('care.client.noneYet')}</p>
          ) : (
            <table className="data-table">
              <caption>{t('care.client.commitmentsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('care.client.colCommitment')}</th>
                  <th scope="col">{t('care.client.colWeek')}</th>
                  <th scope="col">{t('care.client.colKept')}</th>
                </tr>
              </thead>
              <tbody>
                {view.commitments.map((c) => (
                  <tr key={`${c.title}-${c.week}`}>
                    <td>{c.title}</td>
                    <td>{formatDay(c.week)}</td>
                    <td>{t('care.client.keptOf', { kept: c.kept, planned: c.planned })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {view.therapyEntries && (
        <section aria-labelledby="ws-entries">
          <h2 id="ws-entries">{t('care.client.entriesHeading')}</h2>
          {view.therapyEntries.length === 0 && <p>{t('care.client.noneYet')}</p>}
          {view.therapyEntries.map((e) => (
            <article key={e.id} className="card" aria-labelledby={`entry-${e.id}`}>
              <h3 id={`entry-${e.id}`}>{e.title}</h3>
              <p className="hint">{formatDateTime(e.at, timeZone)}</p>
              <p className="preserve-lines">{e.text}</p>
            </article>
          ))}
        </section>
      )}
      {view.conversationSummaries && (
        <section aria-labelledby="ws-conversations">
          <h2 id="ws-conversations">{t('care.client.conversationsHeading')}</h2>
          {view.conversationSummaries.length === 0 && <p>{t('care.client.noneYet')}</p>}
          <ul className="plain-list">
            {view.conversationSummaries.map((c) => (
              <li key={c.id}>
                {formatDateTime(c.at, timeZone)} · {c.summary}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export function HomeworkList({ homework, timeZone }: { homework: ClientView['homework']; timeZone: string }) {
  if (homework.length === 0) return <p>{t('care.client.noHomework')}</p>;
  return (
    <ul className="homework-list">
      {homework.map((h) => (
        <li key={h.id}>
          <strong>{h.title}</strong>
          {h.dueOn && <> · {t('care.client.homeworkDue', { date: formatDay(h.dueOn) })}</>}
          {' · '}
          {h.completedAt ? t('care.client.homeworkDone', { date: formatDateTime(h.completedAt, timeZone) }) : t('care.client.homeworkOpen')}
          {h.note && <p className="hint preserve-lines">{h.note}</p>}
        </li>
      ))}
    </ul>
  );
}
