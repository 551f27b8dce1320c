import { useState } from 'react';
import type { Entry } from '../../../core/schemas/reflect';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { errorMessage } from '../../lib/api';
import { listCareLinks, setEntryForTherapy } from '../../lib/care-sharing-api';
import { t } from '../../lib/i18n';
import { useResource } from '../../lib/use-resource';

/**
 * "Mark for therapy" on an entry page (docs/decisions/027) — shown only while I am connected with
 * a therapist. Marking shares nothing by itself: a therapist reads marked entries only while I
 * grant them "journal entries for therapy".
 */
export function TherapyControl({ entry }: { entry: Entry }) {
  const links = useResource((signal) => listCareLinks(signal));
  const [marked, setMarked] = useState(entry.forTherapy ?? false);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  if (!links.data?.some((l) => l.status === 'active')) return null;

  const toggle = async () => {
    setPending(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const next = await setEntryForTherapy(entry.id, !marked);
      setMarked(next.forTherapy);
      setNotice(next.forTherapy ? t('care.entryTherapy.markedNow') : t('care.entryTherapy.unmarkedNow'));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="card share-control" aria-labelledby="therapy-mark-heading">
      <h2 id="therapy-mark-heading">{t('care.entryTherapy.heading')}</h2>
      <p>{t('care.entryTherapy.explain')}</p>
      {marked && <p className="share-state">{t('care.entryTherapy.markedState')}</p>}
      <StatusMessage message={notice} />
      <AlertMessage message={error} />
      <button type="button" className={marked ? 'button button-secondary' : 'button'} disabled={pending} onClick={() => void toggle()}>
        {marked ? t('care.entryTherapy.unmark') : t('care.entryTherapy.mark')}
      </button>
    </section>
  );
}
