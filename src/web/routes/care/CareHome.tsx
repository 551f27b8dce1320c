import { useEffect, useRef, useState } from 'react';
import { Checkbox, Switch } from 'react-aria-components';
import { CARE_CATEGORIES, type CareCategory } from '../../../core/schemas/care-sharing';
import { AppLink } from '../../components/AppLink';
import { categoryHint, categoryLabel, isCoupleCategory } from '../../components/care/categories';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { errorMessage } from '../../lib/api';
import {
  completeHomework,
  endCareLink,
  listAccessLog,
  listCareLinks,
  listMyHomework,
  setGrant,
  type AccessLogPage,
  type CareLink,
  type Homework,
} from '../../lib/care-sharing-api';
import { formatDateTime, formatDay } from '../../lib/format';
import { t, type MessageKey } from '../../lib/i18n';
import { useResource } from '../../lib/use-resource';
import { useTimeZone } from '../../lib/use-time-zone';

/*
 * The client's Therapy page (/care): each therapist link with a switch per category (couple
 * categories need both partners), "Stop sharing everything", the exercises assigned as homework,
 * and the access log — every time a therapist looked, newest first.
 */

const LOG_CATEGORY: Record<CareCategory, MessageKey> = {
  assessments: 'care.logCategory.assessments',
  'checkin-moods': 'care.logCategory.checkinMoods',
  commitments: 'care.logCategory.commitments',
  'therapy-entries': 'care.logCategory.therapyEntries',
  'conversation-summaries': 'care.logCategory.conversationSummaries',
};

function GrantSwitch({ link, category, onChange, onStatus }: { link: CareLink; category: CareCategory; onChange: (l: CareLink) => void; onStatus: (m: string) => void }) {
  const [pending, setPending] = useState(false);
  const on = link.grants.includes(category);
  const couple = isCoupleCategory(category);
  const visible = link.effective.includes(category);
  const partner = link.partnerGrants.includes(category);
  const hintId = `grant-${link.id}-${category}-hint`;
  return (
    <li className="grant">
      <Switch
        className="switch"
        isSelected={on}
        aria-describedby={hintId}
        onChange={(next) => {
          if (pending) return;
          setPending(true);
          setGrant(link.id, category, next).then(
            (updated) => {
              onChange(updated);
              onStatus(t(next ? 'care.care.grantOn' : 'care.care.grantOff', { category: categoryLabel(category) }));
              setPending(false);
            },
            (e: unknown) => {
              onStatus(errorMessage(e));
              setPending(false);
            },
          );
        }}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span>{t('care.care.grantLabel', { category: categoryLabel(category) })}</span>
      </Switch>
      <span id={hintId} className="hint">
        {categoryHint(category)}
        {couple && <> {t('care.care.coupleNeedsBoth')}</>}
        {couple && on && <> {partner ? t('care.care.partnerShares', { name: link.therapistName }) : t('care.care.partnerNotYet', { name: link.therapistName })}</>}
        {!couple && visible && <> {t('care.care.visibleNow', { name: link.therapistName })}</>}
      </span>
    </li>
  );
}

function EndLink({ link, onEnded }: { link: CareLink; onEnded: (l: CareLink) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) heading.current?.focus();
  }, [confirming]);
  if (!confirming) {
    return (
      <p>
        <button type="button" className="button button-danger-outline button-secondary" onClick={() => setConfirming(true)}>
          {t('care.care.endButton')}
        </button>
      </p>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby={`end-${link.id}`}>
      <h3 id={`end-${link.id}`} ref={heading} tabIndex={-1}>
        {t('care.care.endConfirmHeading', { name: link.therapistName })}
      </h3>
      <p>{t('care.care.endConfirmBody')}</p>
      <AlertMessage message={error} />
      <p className="actions">
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            if (pending) return;
            setPending(true);
            endCareLink(link.id).then(onEnded, (e: unknown) => {
              setError(errorMessage(e));
              setPending(false);
            });
          }}
        >
          {t('care.care.endConfirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
          {t('care.care.endKeep')}
        </button>
      </p>
    </div>
  );
}

function LinkCard({ link, timeZone, onChange, onStatus }: { link: CareLink; timeZone: string; onChange: (l: CareLink) => void; onStatus: (m: string) => void }) {
  const headingId = `link-${link.id}`;
  return (
    <li className="card care-link">
      <h2 id={headingId}>{t('care.care.linkHeading', { name: link.therapistName, practice: link.practiceName })}</h2>
      <p className="hint">{t('care.care.since', { date: formatDateTime(link.since, timeZone) })}</p>
      {link.status === 'ended' ? (
        <p>{t('care.care.ended')}</p>
      ) : (
        <>
          <h3 id={`${headingId}-grants`}>{t('care.care.grantsHeading', { name: link.therapistName })}</h3>
          <ul className="grant-list" aria-labelledby={`${headingId}-grants`}>
            {CARE_CATEGORIES.map((c) => (
              <GrantSwitch key={c} link={link} category={c} onChange={onChange} onStatus={onStatus} />
            ))}
          </ul>
          <EndLink
            link={link}
            onEnded={(l) => {
              onChange(l);
              onStatus(t('care.care.endDone', { name: l.therapistName }));
            }}
          />
        </>
      )}
    </li>
  );
}

function HomeworkSection({ timeZone }: { timeZone: string }) {
  const homework = useResource((signal) => listMyHomework(signal));
  const [error, setError] = useState<string>();
  const list = homework.data ?? [];
  const update = (h: Homework) => homework.setData(list.map((x) => (x.id === h.id ? h : x)));
  return (
    <section aria-labelledby="homework-heading">
      <h2 id="homework-heading">{t('care.care.homeworkHeading')}</h2>
      {homework.loading && <Loading />}
      {homework.error !== undefined && <AlertMessage message={errorMessage(homework.error)} />}
      <AlertMessage message={error} />
      {homework.data && list.length === 0 && <p>{t('care.care.noHomework')}</p>}
      {list.length > 0 && (
        <ul className="homework-list">
          {list.map((h) => (
            <li key={h.id}>
              <Checkbox
                className="checkbox"
                isSelected={h.completedAt !== null}
                onChange={(done) => {
                  setError(undefined);
                  completeHomework(h.id, done).then(update, (e: unknown) => setError(errorMessage(e)));
                }}
              >
                <span className="checkbox-box" aria-hidden="true" />
                <span>{t('care.care.homeworkDoneLabel', { title: h.title })}</span>
              </Checkbox>
              <p className="hint">
                {t('care.care.homeworkFrom', { name: h.therapistName })}
                {h.dueOn && <> · {t('care.client.homeworkDue', { date: formatDay(h.dueOn) })}</>}
                {h.completedAt && <> · {t('care.client.homeworkDone', { date: formatDateTime(h.completedAt, timeZone) })}</>}
              </p>
              {h.note && <p className="preserve-lines">{h.note}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AccessLog({ timeZone }: { timeZone: string }) {
  const first = useResource((signal) => listAccessLog(null, signal));
  const [more, setMore] = useState<AccessLogPage['items']>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string>();
  const next = cursor === undefined ? (first.data?.nextCursor ?? null) : cursor;
  const items = [...(first.data?.items ?? []), ...more];
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">{t('care.care.logHeading')}</h2>
      <p className="hint">{t('care.care.logLead')}</p>
      {first.loading && <Loading />}
      {first.error !== undefined && <AlertMessage message={errorMessage(first.error)} />}
      {first.data && items.length === 0 && <p>{t('care.care.logEmpty')}</p>}
      {items.length > 0 && (
        <ul className="access-log" aria-labelledby="log-heading">
          {items.map((item) => (
            <li key={item.id}>
              {t(item.view === 'summary' ? 'care.care.logItemSummary' : 'care.care.logItem', {
                name: item.therapistName,
                category: t(LOG_CATEGORY[item.category]),
                when: formatDateTime(item.at, timeZone),
              })}
            </li>
          ))}
        </ul>
      )}
      <AlertMessage message={error} />
      {next && (
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              listAccessLog(next).then(
                (page) => {
                  setMore((m) => [...m, ...page.items]);
                  setCursor(page.nextCursor);
                },
                (e: unknown) => setError(errorMessage(e)),
              )
            }
          >
            {t('care.care.logMore')}
          </button>
        </p>
      )}
    </section>
  );
}

export default function CareHome() {
  const { timeZone } = useTimeZone();
  const links = useResource((signal) => listCareLinks(signal));
  const [status, setStatus] = useState<string>();
  const list = links.data ?? [];
  return (
    <div className="page">
      <PageHeading title={t('care.care.title')} />
      <p className="lead">{t('care.care.lead')}</p>
      <StatusMessage message={status} />
      {links.loading && <Loading />}
      {links.error !== undefined && <AlertMessage message={errorMessage(links.error)} />}
      {links.data && list.length === 0 && <p>{t('care.care.noLinks')}</p>}
      {list.length > 0 && (
        <ul className="cards care-links">
          {list.map((link) => (
            <LinkCard key={link.id} link={link} timeZone={timeZone} onStatus={setStatus} onChange={(l) => links.setData(list.map((x) => (x.id === l.id ? l : x)))} />
          ))}
        </ul>
      )}
      <HomeworkSection timeZone={timeZone} />
      <AccessLog timeZone={timeZone} />
      <p className="hint">
        <AppLink to="/practice">{t('care.care.practiceLink')}</AppLink>
      </p>
    </div>
  );
}
