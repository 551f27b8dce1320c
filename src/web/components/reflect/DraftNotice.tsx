import { t } from '../../lib/i18n';
import { formatDateTime } from '../../lib/format';
import type { DraftState } from '../../lib/use-draft';

/**
 * "We kept your draft from …" above a form whose words were brought back, with a way to throw
 * them away. `onDiscarded` lets the page say so and put focus somewhere sensible (this notice,
 * and the button in it, disappear).
 */
export function DraftNotice({ draft, timeZone, onDiscarded }: { draft: DraftState; timeZone: string; onDiscarded: () => void }) {
  if (draft.restoredAt === undefined) return null;
  return (
    <div className="callout draft-notice">
      <p>{draft.note ? t('drafts.rescued', { reason: draft.note }) : t('drafts.restored', { time: formatDateTime(draft.restoredAt, timeZone) })}</p>
      <p>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            draft.discard();
            onDiscarded();
          }}
        >
          {t('drafts.discard')}
        </button>
      </p>
    </div>
  );
}
