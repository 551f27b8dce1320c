import type { MouseEvent, ReactNode } from 'react';
import { t } from '../lib/i18n';
import { AppLink } from './AppLink';
import { QuickExitButton } from './QuickExitButton';
import { CrisisResources } from './CrisisResources';

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  // Move focus without following "#main": a hash change would add a history entry.
  event.preventDefault();
  const main = document.getElementById('main');
  main?.focus();
  main?.scrollIntoView();
}

/**
 * The frame of every page: skip link, header (Quick exit, name, navigation), main, footer.
 * Quick exit comes right after the skip link in the Tab order and stays fixed top right.
 */
export function Shell({
  homeTo,
  nav,
  showCrisis = true,
  children,
}: {
  homeTo: string;
  nav: ReactNode;
  showCrisis?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('app.skipLink')}
      </a>
      <header className="site-header">
        <QuickExitButton />
        <div className="site-header-inner">
          <AppLink to={homeTo} className="brand" aria-label={t('app.homeLinkLabel')}>
            {t('app.name')}
          </AppLink>
          {nav}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        {children}
      </main>
      {/* Not painted while a loading line is on screen (components/Loading.tsx, docs/decisions/036). */}
      <footer className="site-footer">
        <div className="site-footer-inner">
          <p>{t('footer.notTherapy')}</p>
          {showCrisis && <CrisisResources compact />}
          <p>{t('footer.quickExitTip')}</p>
        </div>
      </footer>
    </>
  );
}
