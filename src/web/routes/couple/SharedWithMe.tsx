import type { SharedEntry } from '../../../core/schemas/cycle';
import { Loading } from '../../components/Loading';
import { AlertMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { errorMessage } from '../../lib/api';
import { listSharedWithMe } from '../../lib/cycle-api';
import { formatDateTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { useResource } from '../../lib/use-resource';
import { useTimeZone } from '../../lib/use-time-zone';
import { emotionLabel, kindLabel } from '../journal/options';

/*
 * /couple/shared: the journal entries my partner chose to share with me, newest first, read-only
 * (docs/decisions/020). Nothing here can be changed: the entries stay theirs.
 */

export default function SharedWithMe() {
  const list = useResource((signal) => listSharedWithMe(signal));
  const { timeZone } = useTimeZone();
  const zone = timeZone ?? 'UTC';

  let body;
  if (list.error && !list.data) {
    body = (
      <>
        <AlertMessage message={`${t('cycle.sharedLoadFailed')} ${errorMessage(list.error)}`} />
        <button type="button" className="button button-secondary" onClick={list.reload}>
          {t('app.retry')}
        </button>
      </>
    );
  } else if (!list.data) {
    body = <Loading />;
  } else if (list.data.items.length === 0) {
    body = <p className="card">{list.data.linked ? t('cycle.sharedEmpty') : t('cycle.sharedNotLinked')}</p>;
  } else {
    body = (
      <ul className="plain-list shared-entries">
        {list.data.items.map((item) => (
          <SharedItem key={item.entry.id} item={item} zone={zone} />
        ))}
      </ul>
    );
  }
  return (
    <div className="page">
      <PageHeading title={t('cycle.sharedTitle')} />
      <p className="lead">{t('cycle.sharedIntro')}</p>
      {body}
    </div>
  );
}

function SharedItem({ item, zone }: { item: SharedEntry; zone: string }) {
  const e = item.entry;
  const headingId = `shared-${e.id}`;
  const parts: Array<[string, string]> = [
    [t('cycle.entryWhatHappened'), e.whatHappened],
    [t('cycle.entryStory'), e.story],
    [t('cycle.entryEvidenceFor'), e.evidenceFor],
    [t('cycle.entryEvidenceAgainst'), e.evidenceAgainst],
    [t('cycle.entryReframe'), e.reframe],
  ];
  return (
    <li>
      <article className="card shared-entry" aria-labelledby={headingId}>
        <h2 id={headingId}>{kindLabel(e.kind)}</h2>
        <p className="hint">
          {t('cycle.sharedWrittenOn', { date: formatDateTime(e.occurredAt, e.timeZone) })} · {t('cycle.sharedOn', { date: formatDateTime(item.sharedAt, zone) })}
        </p>
        <dl className="shared-entry-fields">
          {parts
            .filter(([, text]) => text.trim() !== '')
            .map(([label, text]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{text}</dd>
              </div>
            ))}
          {e.emotions.length > 0 && (
            <div>
              <dt>{t('cycle.entryFeelings')}</dt>
              <dd>{e.emotions.map((x) => emotionLabel(x.emotion)).join(', ')}</dd>
            </div>
          )}
          {e.tags.length > 0 && (
            <div>
              <dt>{t('cycle.entryTags')}</dt>
              <dd>{e.tags.join(', ')}</dd>
            </div>
          )}
        </dl>
      </article>
    </li>
  );
}
