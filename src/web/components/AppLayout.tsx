import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Outlet } from 'react-router';
import { errorMessage } from '../lib/api';
import { t } from '../lib/i18n';
import { getSession, signOut, type SessionData } from '../lib/session';
import { SessionContext, type SessionContextValue } from '../lib/session-context';
import { AppNavLink, useReplaceNavigate } from './AppLink';
import { Loading } from './Loading';
import { AlertMessage } from './Messages';
import { PageHeading } from './PageHeading';
import { Shell } from './Shell';

type State = { status: 'loading' } | { status: 'ready'; data: SessionData } | { status: 'failed'; error: unknown };

/** Signed-in pages: checks the session first and sends anyone signed out to /sign-in. */
export function AppLayout() {
  const navigate = useReplaceNavigate();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string>();

  const load = useCallback(
    async (fresh: boolean) => {
      try {
        const data = await getSession({ fresh });
        if (data) setState({ status: 'ready', data });
        else navigate('/sign-in');
      } catch (error) {
        setState({ status: 'failed', error });
      }
    },
    [navigate],
  );

  useEffect(() => {
    void load(false);
  }, [load]);

  const onSignOut = async () => {
    setSigningOut(true);
    setSignOutError(undefined);
    try {
      await signOut();
      navigate('/sign-in', { state: { notice: 'signedOut' } });
    } catch (error) {
      setSignOutError(errorMessage(error));
      setSigningOut(false);
    }
  };

  const context = useMemo<SessionContextValue | null>(
    () => (state.status === 'ready' ? { ...state.data, refresh: () => load(true) } : null),
    [state, load],
  );

  const nav = (
    <div className="site-nav-group">
      <nav aria-label={t('nav.label')} className="site-nav">
        <ul>
          <li>
            <AppNavLink to="/home">{t('nav.home')}</AppNavLink>
          </li>
          <li>
            <AppNavLink to="/settings">{t('nav.settings')}</AppNavLink>
          </li>
        </ul>
      </nav>
      <button type="button" className="button button-quiet" onClick={onSignOut} disabled={signingOut}>
        {signingOut ? t('nav.signingOut') : t('nav.signOut')}
      </button>
      <AlertMessage message={signOutError} />
    </div>
  );

  return (
    <Shell homeTo="/home" nav={context ? nav : null}>
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && (
        <div className="page">
          <PageHeading title={t('errors.loadFailed')} />
          <AlertMessage message={errorMessage(state.error)} />
          <button type="button" className="button" onClick={() => void load(true)}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {context && (
        <SessionContext.Provider value={context}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </SessionContext.Provider>
      )}
    </Shell>
  );
}
