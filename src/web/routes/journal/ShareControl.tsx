import { useState } from 'react';
import type { Entry } from '../../../core/schemas/reflect';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { errorMessage } from '../../lib/api';
import { getCoupleStatus } from '../../lib/couple-api';
import { shareEntry, stopSharingEntry } from '../../lib/cycle-api';
import { t } from '../../lib/i18n';
import { useResource } from '../../lib/use-resource';

/**
 * "Share with my partner" / "Stop sharing" on an entry page — shown only while linked, saying
 * exactly what the partner will see (docs/decisions/020). Without a partner nothing is shown:
 * no one is nudged to link.
 */
export function ShareControl({ entry }: { entry: Entry }) {
  const status = useResource((signal) => getCoupleStatus(signal));
  const [shared, setShared] = useState(entry.sharedWithPartner ?? false);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  if (status.data?.status !== 'linked') return null;

  const toggle = async () => {
    setPending(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const next = shared ? await stopSharingEntry(entry.id) : await shareEntry(entry.id);
      setShared(next.sharedWithPartner);
      setNotice(next.sharedWithPartner ? t('cycle.sharedNow') : t('cycle.stoppedNow'));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="card share-control" aria-labelledby="share-heading">
      <h2 id="share-heading">{t('cycle.shareHeading')}</h2>
      <p>{t('cycle.shareExplain')}</p>
      {shared && <p className="share-state">{t('cycle.sharedState')}</p>}
      <StatusMessage message={notice} />
      <AlertMessage message={error} />
      <button type="button" className={shared ? 'button button-secondary' : 'button'} disabled={pending} onClick={() => void toggle()}>
        {pending ? (shared ? t('cycle.stopping') : t('cycle.sharing')) : shared ? t('cycle.stopButton') : t('cycle.shareButton')}
      </button>
    </section>
  );
}
