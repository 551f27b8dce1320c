import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Outlet } from 'react-router';
import { errorMessage } from '../lib/api';
import { afterSignOut, beforeSignOut, startDeviceSync } from '../lib/device-data';
import { t, type MessageKey } from '../lib/i18n';
import { getSession, signOut, type SessionData } from '../lib/session';
import { SessionContext, type SessionContextValue } from '../lib/session-context';
import { AppNavLink, useReplaceNavigate } from './AppLink';
import { Loading } from './Loading';
import { AlertMessage } from './Messages';
import { PageHeading } from './PageHeading';
import { Shell } from './Shell';

type State = { status: 'loading' } | { status: 'ready'; data: SessionData } | { status: 'failed'; error: unknown };

/** Signed-in pages: checks the session first and sends anyone signed out to /sign-in. */
/**
 * The signed-in nav, in groups (docs/decisions/022): Home, then each group with its heading, then
 * Settings. Adding a group or a link is one entry here (and its words in messages/en.ts `nav`).
 */
const NAV_GROUPS: ReadonlyArray<{ id: string; label: MessageKey; links: ReadonlyArray<{ to: string; label: MessageKey }> }> = [
  { id: 'reflect', label: 'nav.groupReflect', links: [{ to: '/journal', label: 'nav.journal' }, { to: '/origins', label: 'nav.origins' }, { to: '/urges', label: 'nav.urges' }, { to: '/self-worth', label: 'nav.selfWorth' }] },
  { id: 'understand', label: 'nav.groupUnderstand', links: [{ to: '/insights', label: 'nav.insights' }, { to: '/assessments', label: 'nav.assessments' }, { to: '/lessons', label: 'nav.lessons' }] },
  { id: 'together', label: 'nav.groupTogether', links: [{ to: '/couple', label: 'nav.together' }] },
  { id: 'talk', label: 'nav.groupTalk', links: [{ to: '/talk', label: 'nav.talk' }, { to: '/coach', label: 'coach.navLink' }] },
  { id: 'care', label: 'care.nav.group', links: [{ to: '/care', label: 'care.nav.therapy' }] },
];

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

  // Send anything written offline, now and whenever the connection comes back.
  const userId = state.status === 'ready' ? state.data.user.id : undefined;
  useEffect(() => (userId ? startDeviceSync(userId) : undefined), [userId]);

  const onSignOut = async () => {
    setSigningOut(true);
    setSignOutError(undefined);
    try {
      if (userId) await beforeSignOut(userId);
      await signOut();
      await afterSignOut();
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

  // Until the session is known the navigation is laid out but not shown (nor focusable): the
  // header then has its final height from the first frame, and the page does not jump down when
  // the session arrives (layout shift, docs/decisions/036). Its links are the same for everyone.
  const pending = state.status === 'loading';
  const nav = (
    <div className={pending ? 'site-nav-group site-nav-pending' : 'site-nav-group'} inert={pending}>
      <nav aria-label={t('nav.label')} className="site-nav">
        <ul className="site-nav-top">
          <li>
            <AppNavLink to="/home">{t('nav.home')}</AppNavLink>
          </li>
          {NAV_GROUPS.map((group) => (
            <li key={group.id} className="site-nav-section">
              <span className="site-nav-heading" id={`nav-group-${group.id}`}>{t(group.label)}</span>
              <ul aria-labelledby={`nav-group-${group.id}`}>
                {group.links.map((link) => (
                  <li key={link.to}>
                    <AppNavLink to={link.to}>{t(link.label)}</AppNavLink>
                  </li>
                ))}
              </ul>
            </li>
          ))}
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
    <Shell homeTo="/home" nav={context || pending ? nav : null}>
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
