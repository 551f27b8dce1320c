import { useEffect, useRef, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { AppLink } from '../../components/AppLink';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { ApiError, isAbort } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { registerMessages, t, type MessageKey } from '../../lib/i18n';
import { safetyEn } from '../../lib/messages/safety.en';
import { EMERGENCY_RESET_BODY, emergencyReset, type EmergencyResetResult } from '../../lib/safety-api';
import { useSubmissionKeys } from '../../lib/use-submission-keys';
import { useTimeZone } from '../../lib/use-time-zone';

registerMessages('safety', safetyEn);

/*
 * The emergency reset (/settings/emergency-reset, docs/decisions/029). It says plainly what it
 * does, asks once ("Yes, reset now" / "Cancel"), then shows what it did in counts. When Trellis
 * cannot be reached it says so, offers "Try again", and tries again by itself once the browser is
 * back online — with the same Idempotency-Key, so a retry never does it twice. The result lives
 * only in this page's state: nothing is stored on the device, and Quick exit works as everywhere.
 */

type State =
  | { kind: 'idle' }
  | { kind: 'pending'; retrying: boolean }
  | { kind: 'failed'; offline: boolean }
  | { kind: 'done'; result: EmergencyResetResult };

const counted = (count: number, none: MessageKey, one: MessageKey, many: MessageKey) => (count === 0 ? t(none) : count === 1 ? t(one) : t(many, { count }));

export default function EmergencyReset() {
  const keys = useSubmissionKeys();
  const { timeZone } = useTimeZone();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [asking, setAsking] = useState(false);
  const busy = useRef(false);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);

  const run = async (retrying = false) => {
    if (busy.current) return;
    busy.current = true;
    setState({ kind: 'pending', retrying });
    try {
      const result = await emergencyReset(keys.keyFor(EMERGENCY_RESET_BODY));
      keys.done();
      setState({ kind: 'done', result });
    } catch (error) {
      if (isAbort(error)) return;
      setState({ kind: 'failed', offline: error instanceof ApiError && error.code === 'NETWORK' });
    } finally {
      busy.current = false;
    }
  };

  // Back online after a failed attempt: try again by ourselves (the same key: never twice).
  const waitingForNetwork = state.kind === 'failed' && state.offline;
  useEffect(() => {
    if (!waitingForNetwork) return;
    const onOnline = () => void run(true);
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waitingForNetwork]);

  useEffect(() => {
    if (state.kind === 'done') resultRef.current?.focus();
    else if (state.kind === 'failed') problemRef.current?.focus();
  }, [state.kind]);

  const confirm = () => {
    setAsking(false);
    void run();
  };

  if (state.kind === 'done') {
    const r = state.result;
    return (
      <div className="page emergency-reset">
        <PageHeading title={t('safety.reset.title')} />
        <section aria-labelledby="reset-done" className="card">
          <h2 id="reset-done" ref={resultRef} tabIndex={-1}>
            {t('safety.reset.doneHeading')}
          </h2>
          <ul className="reset-result" data-testid="reset-result">
            <li>{counted(r.sessionsSignedOut, 'safety.reset.sessionsNone', 'safety.reset.sessionsOne', 'safety.reset.sessionsMany')}</li>
            <li>{r.partnerUnlinked ? t('safety.reset.partnerYes') : t('safety.reset.partnerNo')}</li>
            <li>{counted(r.therapistSharesEnded, 'safety.reset.therapistsNone', 'safety.reset.therapistsOne', 'safety.reset.therapistsMany')}</li>
            <li>{counted(r.devicesForgotten, 'safety.reset.devicesNone', 'safety.reset.devicesOne', 'safety.reset.devicesMany')}</li>
          </ul>
          <p className="hint">{t('safety.reset.at', { time: formatDateTime(r.at, timeZone) })}</p>
          <p>{t('safety.reset.keeps')}</p>
          <p>
            <AppLink to="/settings">{t('safety.reset.backToSettings')}</AppLink>
          </p>
        </section>
      </div>
    );
  }

  const pending = state.kind === 'pending';
  return (
    <div className="page emergency-reset">
      <PageHeading title={t('safety.reset.title')} />
      <p>{t('safety.reset.lead')}</p>
      <ul>
        <li>{t('safety.reset.does.sessions')}</li>
        <li>{t('safety.reset.does.partner')}</li>
        <li>{t('safety.reset.does.therapists')}</li>
        <li>{t('safety.reset.does.devices')}</li>
        <li>{t('safety.reset.does.invitation')}</li>
      </ul>
      <p>{t('safety.reset.noOneTold')}</p>
      <p>{t('safety.reset.keeps')}</p>

      <StatusMessage message={pending ? t(state.retrying ? 'safety.reset.retrying' : 'safety.reset.pending') : undefined} />
      {state.kind === 'failed' && (
        <div className="callout" ref={problemRef} tabIndex={-1}>
          <AlertMessage message={t(state.offline ? 'safety.reset.offline' : 'safety.reset.failed')} />
          <Button className="button" onPress={() => void run()}>
            {t('safety.reset.tryAgain')}
          </Button>
        </div>
      )}

      {state.kind !== 'failed' && (
        <DialogTrigger isOpen={asking} onOpenChange={setAsking}>
          <Button className="button button-danger" isDisabled={pending}>
            {pending ? t('safety.reset.pending') : t('safety.reset.start')}
          </Button>
          <ModalOverlay className="modal-overlay" isDismissable>
            <Modal className="modal">
              <Dialog role="alertdialog" className="modal-dialog">
                <Heading slot="title">{t('safety.reset.confirmTitle')}</Heading>
                <p>{t('safety.reset.confirmBody')}</p>
                <p className="actions">
                  <Button className="button button-danger" onPress={confirm}>
                    {t('safety.reset.confirmYes')}
                  </Button>
                  <Button className="button button-secondary" slot="close" autoFocus>
                    {t('safety.reset.confirmCancel')}
                  </Button>
                </p>
              </Dialog>
            </Modal>
          </ModalOverlay>
        </DialogTrigger>
      )}
    </div>
  );
}
