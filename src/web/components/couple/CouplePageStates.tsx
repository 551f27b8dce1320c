import { errorMessage } from '../../lib/api';
import { t, type MessageKey } from '../../lib/i18n';
import { AppLink } from '../AppLink';
import { AlertMessage } from '../Messages';

/**
 * The states every couple page shares: its data could not be loaded (with a retry), and the
 * person is not linked — a kind note pointing at /couple, never a push to link.
 */
export function LoadFailed({ message, error, onRetry }: { message: MessageKey; error: unknown; onRetry: () => void }) {
  return (
    <>
      <AlertMessage message={`${t(message)} ${errorMessage(error)}`} />
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </>
  );
}

export function NotLinkedNote({ id, heading, body, link }: { id: string; heading: MessageKey; body: MessageKey; link: MessageKey }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t(heading)}</h2>
      <p>{t(body)}</p>
      <p>
        <AppLink to="/couple">{t(link)}</AppLink>
      </p>
    </section>
  );
}
