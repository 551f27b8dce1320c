import { t } from '../lib/i18n';

/** Shown while a page's code or data is on its way. */
export function Loading() {
  return (
    <p role="status" className="loading">
      {t('app.loading')}
    </p>
  );
}
