import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useReplaceNavigate } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { api, errorMessage } from '../../lib/api';
import { afterSignOut, beforeSignOut } from '../../lib/device-data';
import { locale, t } from '../../lib/i18n';
import { forgetSession } from '../../lib/session';
import { useSessionData } from '../../lib/session-context';
import { useResource } from '../../lib/use-resource';
import { summarizeUserAgent } from '../../lib/user-agent';
import { SettingsSection } from './SettingsSection';

/** One row of `GET /api/auth/list-sessions`. */
interface SessionRow {
  id: string;
  token: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  ipAddress?: string | null;
  userAgent?: string | null;
}

const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

function formatDate(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

function deviceName(userAgent: string | null | undefined): string {
  const { browser, os } = summarizeUserAgent(userAgent);
  if (browser && os) return t('settings.sessions.browserOnOs', { browser, os });
  if (browser) return t('settings.sessions.browserOnly', { browser });
  if (os) return t('settings.sessions.osOnly', { os });
  return t('settings.sessions.unknownDevice');
}

export function SessionsSection() {
  const navigate = useReplaceNavigate();
  const { session: current } = useSessionData();
  const sessions = useResource((signal) => api<SessionRow[]>('/api/auth/list-sessions', { signal }));
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();

  const isCurrent = (row: SessionRow) => row.id === current.id || (current.token !== undefined && row.token === current.token);
  const rows = [...(sessions.data ?? [])].sort((a, b) => Number(isCurrent(b)) - Number(isCurrent(a)));

  const revoke = async (row: SessionRow) => {
    if (busy) return;
    setBusy(row.id);
    setError(undefined);
    setStatus(undefined);
    try {
      await api('/api/auth/revoke-session', { body: { token: row.token } });
      sessions.setData((sessions.data ?? []).filter((other) => other.id !== row.id));
      setStatus(t('settings.sessions.revoked'));
      document.getElementById('sessions-heading')?.focus();
    } catch (reason) {
      setError(errorMessage(reason));
    } finally {
      setBusy(undefined);
    }
  };

  const revokeAll = async () => {
    if (busy) return;
    setBusy('all');
    setError(undefined);
    try {
      await beforeSignOut(current.userId);
      await api('/api/auth/revoke-sessions', { body: {} });
      forgetSession();
      await afterSignOut();
      navigate('/sign-in', { state: { notice: 'signedOutEverywhere' } });
    } catch (reason) {
      setError(errorMessage(reason));
      setBusy(undefined);
    }
  };

  return (
    <SettingsSection id="sessions" heading={t('settings.sessions.heading')}>
      <p>{t('settings.sessions.lead')}</p>
      <StatusMessage message={status} />
      <AlertMessage message={error} />
      {sessions.loading && <Loading />}
      {sessions.error !== undefined && (
        <div className="callout">
          <AlertMessage message={errorMessage(sessions.error)} />
          <Button className="button button-secondary" onPress={sessions.reload}>
            {t('app.retry')}
          </Button>
        </div>
      )}
      {sessions.data && (
        <ul className="session-list">
          {rows.map((row) => {
            const device = deviceName(row.userAgent);
            const started = formatDate(row.createdAt);
            return (
              <li key={row.id} className="session">
                <p className="session-device">
                  <strong>{device}</strong>
                  {isCurrent(row) && <span className="badge">{t('settings.sessions.thisDevice')}</span>}
                </p>
                <p className="session-meta">{t('settings.sessions.started', { date: started })}</p>
                <p className="session-meta">{t('settings.sessions.lastActive', { date: formatDate(row.updatedAt) })}</p>
                {!isCurrent(row) && (
                  <Button
                    className="button button-secondary"
                    onPress={() => void revoke(row)}
                    aria-label={t('settings.sessions.revokeLabel', { device, date: started })}
                  >
                    {t('settings.sessions.revoke')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {sessions.data && rows.every(isCurrent) && <p>{t('settings.sessions.empty')}</p>}
      <p className="hint" id="everywhere-hint">
        {t('settings.sessions.everywhereHint')}
      </p>
      <Button className="button button-danger" onPress={() => void revokeAll()} aria-describedby="everywhere-hint">
        {t('settings.sessions.everywhere')}
      </Button>
    </SettingsSection>
  );
}
