import { useLayoutEffect } from 'react';
import { t } from '../lib/i18n';

/**
 * How many loading lines are on screen. While there is one, `<html data-loading>` is set, and the
 * footer waits unseen (styles/app.css): otherwise it sits under the
 * loading line and jumps down the screen as the page arrives (layout shift, docs/decisions/036).
 * Set before the browser paints (a layout effect), and one attribute on the root rather than a
 * `:has()` rule, which Chromium re-checks on every change inside the page and made presses slower.
 */
let showing = 0;
function setShowing(delta: number) {
  showing += delta;
  document.documentElement.toggleAttribute('data-loading', showing > 0);
}

/** Shown while a page's code or data is on its way. */
export function Loading() {
  useLayoutEffect(() => {
    setShowing(1);
    return () => setShowing(-1);
  }, []);
  return (
    <p role="status" className="loading">
      {t('app.loading')}
    </p>
  );
}
