import { t } from '../lib/i18n';
import { quickExit } from '../lib/quick-exit';

/** Always visible, top right. Leaves at once — no confirmation, nothing awaited. */
export function QuickExitButton() {
  return (
    <div className="quick-exit-wrap">
      <button type="button" className="quick-exit" onClick={quickExit} aria-describedby="quick-exit-description">
        {t('quickExit.button')}
      </button>
      <span id="quick-exit-description" className="visually-hidden">
        {t('quickExit.description')}
      </span>
    </div>
  );
}
