import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router';
import { t } from '../lib/i18n';
import { AppNavLink } from './AppLink';
import { Loading } from './Loading';
import { Shell } from './Shell';

/** Pages anyone can see. The landing page shows the crisis lines itself, so the footer doesn't repeat them. */
export function PublicLayout() {
  const { pathname } = useLocation();
  return (
    <Shell
      homeTo="/"
      showCrisis={pathname !== '/'}
      nav={
        <nav aria-label={t('nav.label')} className="site-nav">
          <ul>
            <li>
              <AppNavLink to="/sign-in">{t('nav.signIn')}</AppNavLink>
            </li>
            <li>
              <AppNavLink to="/sign-up">{t('nav.signUp')}</AppNavLink>
            </li>
          </ul>
        </nav>
      }
    >
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </Shell>
  );
}
