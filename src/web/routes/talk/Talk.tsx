import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { ConversationList } from '../../../core/schemas/conversations';
import { AppLink, useReplaceNavigate } from '../../components/AppLink';
import { LoadFailed } from '../../components/couple/CouplePageStates';
import { SelectField } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { useLiveEvents } from '../../lib/live';
import { useResource } from '../../lib/use-resource';
import { useSubmissionKeys } from '../../lib/use-submission-keys';
import { listConversations, startConversation } from './talk-api';

/*
 * /talk: start a structured conversation with my partner (only offered when linked) or practise
 * alone (always offered — someone without a partner is never pushed to link), my conversations,
 * and the apology builder and naming-the-fear tools.
 */

const LIMITS = [10, 15, 20, 30, 45, 60] as const;
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export default function Talk() {
  const list = useResource((signal) => listConversations(signal));
  useLiveEvents(['conversation', 'couple'], list.reload);
  const navigate = useReplaceNavigate();
  const [limit, setLimit] = useState('20');
  const [busy, setBusy] = useState<'couple' | 'practice' | null>(null);
  const [error, setError] = useState<string>();
  const keys = useSubmissionKeys();

  const start = async (mode: 'couple' | 'practice') => {
    if (busy) return;
    setBusy(mode);
    setError(undefined);
    try {
      const body = { mode, timeLimitMinutes: Number(limit) };
      const c = await startConversation(body, keys.keyFor(body));
      keys.done();
      navigate(`/talk/conversations/${c.id}`);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeading title={t('talk.title')} />
      <p className="lead">{t('talk.intro')}</p>
      {list.error && !list.data ? (
        <LoadFailed message="talk.loadFailed" error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <TalkBody data={list.data} limit={limit} onLimit={setLimit} busy={busy} onStart={start} error={error} />
      )}
      <section aria-labelledby="talk-tools" className="talk-tools">
        <h2 id="talk-tools">{t('talk.toolsHeading')}</h2>
        <ul className="cards">
          <li className="card">
            <AppLink to="/talk/apology">{t('talk.apologyLink')}</AppLink>
            <p className="hint">{t('talk.apologyLinkHint')}</p>
          </li>
          <li className="card">
            <AppLink to="/talk/fear">{t('talk.fearLink')}</AppLink>
            <p className="hint">{t('talk.fearLinkHint')}</p>
          </li>
        </ul>
      </section>
    </>
  );
}

function TalkBody({
  data,
  limit,
  onLimit,
  busy,
  onStart,
  error,
}: {
  data: ConversationList;
  limit: string;
  onLimit: (v: string) => void;
  busy: 'couple' | 'practice' | null;
  onStart: (mode: 'couple' | 'practice') => void;
  error: string | undefined;
}) {
  return (
    <>
      <section aria-labelledby="talk-start" className="card">
        <h2 id="talk-start">{t('talk.startHeading')}</h2>
        <SelectField
          name="timeLimitMinutes"
          label={t('talk.timeLimitLabel')}
          description={t('talk.timeLimitHint')}
          options={LIMITS.map((n) => ({ id: String(n), label: t('talk.minutes', { n }) }))}
          value={limit}
          onChange={onLimit}
        />
        {data.linked && <p className="hint">{t('talk.startTogetherHint')}</p>}
        <p className="hint">{t('talk.startAloneHint')}</p>
        {!data.linked && <p className="hint">{t('talk.noPartnerNote')}</p>}
        <AlertMessage message={error} />
        <div className="actions">
          {data.linked && (
            <Button className="button" onPress={() => onStart('couple')}>
              {busy === 'couple' ? t('talk.starting') : t('talk.startTogether')}
            </Button>
          )}
          <Button className={data.linked ? 'button button-secondary' : 'button'} onPress={() => onStart('practice')}>
            {busy === 'practice' ? t('talk.starting') : t('talk.startAlone')}
          </Button>
        </div>
      </section>

      <section aria-labelledby="talk-list">
        <h2 id="talk-list">{t('talk.listHeading')}</h2>
        {data.items.length === 0 ? (
          <p>{t('talk.listEmpty')}</p>
        ) : (
          <ul className="talk-list">
            {data.items.map((c) => (
              <li key={c.id}>
                <AppLink to={`/talk/conversations/${c.id}`}>
                  {c.mode === 'couple' ? t('talk.together') : t('talk.alone')} · {formatDateTime(c.createdAt, browserZone)}
                </AppLink>{' '}
                <span className="hint">
                  ({t(`talk.phase.${c.phase}`)}, {c.startedBy === 'me' ? t('talk.startedByMe') : t('talk.startedByPartner')})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
