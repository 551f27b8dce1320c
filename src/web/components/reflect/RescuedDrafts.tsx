import { useState, type ReactNode } from 'react';
import { isRescueId, type DraftAddress, type DraftForm, type DraftRecord } from '../../lib/drafts';
import { formatDateTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { drafts } from '../../lib/sync';
import { useDeviceDrafts } from '../../lib/use-outbox';

export type RescuedDraft = DraftAddress & { record: DraftRecord };

/**
 * Words the server refused while they were waiting to sync (lib/sync.ts keeps them as drafts):
 * shown with the reason, a way to open them again, and a way to let them go.
 */
export function RescuedDrafts({
  userId,
  forms,
  timeZone,
  version = 0,
  action,
}: {
  userId: string;
  forms: readonly DraftForm[];
  timeZone: string;
  version?: number;
  action: (draft: RescuedDraft) => ReactNode;
}) {
  const [removed, setRemoved] = useState(0);
  const rescued = useDeviceDrafts(userId, forms, version + removed).filter((d) => isRescueId(d.id));
  if (rescued.length === 0) return null;
  return (
    <section className="callout" aria-labelledby="rescued-heading">
      <h2 id="rescued-heading">{t('journal.draftsHeading')}</h2>
      <ul className="plain-list">
        {rescued.map((draft) => (
          <li key={draft.id}>
            <p className="field-error">{t('journal.draftRefused', { reason: draft.record.note ?? '' })}</p>
            <p className="hint">{formatDateTime(draft.record.savedAt, timeZone)}</p>
            <p className="actions">
              {action(draft)}
              <button
                type="button"
                className="button button-quiet"
                onClick={() => {
                  void drafts.discard(draft).then(() => setRemoved((n) => n + 1));
                }}
              >
                {t('drafts.discard')}
              </button>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
