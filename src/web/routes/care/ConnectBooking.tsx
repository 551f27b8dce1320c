import { useEffect, useState } from 'react';
import { AppLink } from '../../components/AppLink';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { errorMessage } from '../../lib/api';
import { linkBooking } from '../../lib/care-sharing-api';
import { t } from '../../lib/i18n';
import { getSession } from '../../lib/session';

/**
 * On the private booking page, for someone signed in: connect this booking to their account, so
 * they can choose what to share with the therapist (nothing is shared until they do).
 */
export function ConnectBooking({ token }: { token: string }) {
  const [signedIn, setSignedIn] = useState(false);
  const [pending, setPending] = useState(false);
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    let active = true;
    getSession().then(
      (session) => active && setSignedIn(Boolean(session)),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, []);
  if (!signedIn) return null;
  return (
    <section className="card" aria-labelledby="connect-heading">
      <h2 id="connect-heading">{t('care.connect.heading')}</h2>
      <p>{t('care.connect.body')}</p>
      <StatusMessage message={connected ? t('care.connect.done') : undefined} />
      <AlertMessage message={error} />
      {connected ? (
        <p>
          <AppLink className="button" to="/care">
            {t('care.connect.goToCare')}
          </AppLink>
        </p>
      ) : (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              if (pending) return;
              setPending(true);
              setError(undefined);
              linkBooking(token).then(
                () => setConnected(true),
                (e: unknown) => setError(errorMessage(e)),
              ).finally(() => setPending(false));
            }}
          >
            {pending ? t('care.connect.connecting') : t('care.connect.button')}
          </button>
        </p>
      )}
    </section>
  );
}
