import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { AppLink } from '../../components/AppLink';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { errorMessage } from '../../lib/api';
import { acceptCareInvitation, type CareLink } from '../../lib/care-sharing-api';
import { t } from '../../lib/i18n';

/** A therapist's invitation (/care/accept?token=…): connecting is one clear press, and shares nothing by itself. */
export default function CareAccept() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [pending, setPending] = useState(false);
  const [link, setLink] = useState<CareLink>();
  const [error, setError] = useState<string>();
  return (
    <div className="page">
      <PageHeading title={t('care.accept.title')} />
      {token.length < 16 ? (
        <AlertMessage message={t('care.accept.missing')} />
      ) : (
        <>
          <p>{t('care.accept.body')}</p>
          <StatusMessage message={link ? t('care.accept.done', { name: link.therapistName }) : undefined} />
          <AlertMessage message={error} />
          {link ? (
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
                  acceptCareInvitation(token)
                    .then(setLink, (e: unknown) => setError(errorMessage(e)))
                    .finally(() => setPending(false));
                }}
              >
                {pending ? t('care.accept.connecting') : t('care.accept.button')}
              </button>
            </p>
          )}
        </>
      )}
    </div>
  );
}
