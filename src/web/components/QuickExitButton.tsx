import { t } from '../lib/i18n';
import { quickExit } from '../lib/quick-exit';
import { AppLink } from './AppLink';

/**
 * Always visible, top right. Leaves at once — no confirmation, nothing awaited. Beside it (after it
 * in the Tab order, to its left on screen), "Get help now" opens the crisis lines (/help).
 */
export function QuickExitButton() {
  return (
    <div className="quick-exit-wrap">
      <button type="button" className="quick-exit" onClick={quickExit} aria-describedby="quick-exit-description">
        {t('quickExit.button')}
      </button>
      <AppLink to="/help" className="get-help-link">
        {t('quickExit.getHelp')}
      </AppLink>
      <span id="quick-exit-description" className="visually-hidden">
        {t('quickExit.description')}
      </span>
    </div>
  );
}
