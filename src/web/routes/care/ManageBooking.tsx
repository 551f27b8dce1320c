import { useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useParams } from 'react-router';
import { AppLink } from '../../components/AppLink';
import { SlotPicker } from '../../components/care/SlotPicker';
import { ZoneField } from '../../components/care/ZoneField';
import { SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { ApiError, errorMessage } from '../../lib/api';
import { calendarUrl, cancelBooking, getBooking, getSlots, rescheduleBooking, type BookingView } from '../../lib/care-api';
import { zoneName } from '../../lib/format';
import { t, type MessageKey } from '../../lib/i18n';
import { useAsyncForm } from '../../lib/use-async-form';
import { useResource } from '../../lib/use-resource';
import { ConnectBooking } from './ConnectBooking';

/*
 * The client's private link (/booking/:token): the booking's status and time, the calendar file,
 * another free time of the same therapist, and cancelling with a confirm step. No account needed.
 */

const STATUS_TEXT: Record<BookingView['status'], MessageKey> = {
  requested: 'care.manage.statusRequested',
  accepted: 'care.manage.statusAccepted',
  declined: 'care.manage.statusDeclined',
  cancelled: 'care.manage.statusCancelled',
};
const STATUS_BADGE: Record<BookingView['status'], MessageKey> = {
  requested: 'care.status.requested',
  accepted: 'care.status.accepted',
  declined: 'care.status.declined',
  cancelled: 'care.status.cancelled',
};

function Reschedule({ token, booking, onMoved, onClose }: { token: string; booking: BookingView; onMoved: (b: BookingView) => void; onClose: () => void }) {
  const [timeZone, setTimeZone] = useState(booking.timeZone);
  const [chosen, setChosen] = useState<string | null>(null);
  const slots = useResource((signal) => getSlots(booking.practiceSlug, booking.therapistId, { kind: booking.kind, state: booking.state, timeZone }, signal));
  const { reload } = slots;
  const mounted = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (mounted.current) reload();
    mounted.current = true;
  }, [timeZone, reload]);
  const form = useAsyncForm(async () => {
    if (!chosen) {
      form.setGeneral(t('care.book.timeRequired'));
      return;
    }
    try {
      onMoved(await rescheduleBooking(token, chosen));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setChosen(null);
        reload();
        throw new ApiError({ status: 409, code: 'SLOT_TAKEN', serverMessage: t('care.book.slotTaken'), fieldErrors: {} });
      }
      throw error;
    }
  });
  const list = slots.data && !slots.loading ? slots.data.slots.filter((s) => s.start !== booking.start) : [];
  return (
    <Form ref={form.ref} onSubmit={form.onSubmit} className="form card" aria-labelledby="reschedule-heading">
      <h2 id="reschedule-heading" ref={heading} tabIndex={-1}>
        {t('care.manage.rescheduleHeading', { name: booking.therapistName })}
      </h2>
      <ZoneField value={timeZone} onChange={setTimeZone} />
      {slots.loading && <Loading />}
      {slots.error !== undefined && <AlertMessage message={errorMessage(slots.error)} />}
      {slots.data && !slots.loading && list.length === 0 && <p className="note">{t('care.book.noTimes')}</p>}
      {list.length > 0 && <SlotPicker slots={list} timeZone={timeZone} value={chosen} onChange={setChosen} />}
      <AlertMessage message={form.general} />
      <p className="actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('care.manage.keepTime')}
        </button>
        <SubmitButton pending={form.pending} pendingLabel={t('care.manage.moving')}>
          {t('care.manage.moveButton')}
        </SubmitButton>
      </p>
    </Form>
  );
}

function CancelConfirm({ token, booking, onCancelled, onClose }: { token: string; booking: BookingView; onCancelled: (b: BookingView) => void; onClose: () => void }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="confirm" aria-labelledby="cancel-heading">
      <h2 id="cancel-heading" ref={heading} tabIndex={-1}>
        {t('care.manage.cancelHeading')}
      </h2>
      <p>{t('care.manage.cancelBody', { time: booking.label })}</p>
      <AlertMessage message={error} />
      <p className="actions">
        <button
          type="button"
          className="button button-danger"
          onClick={() => {
            if (pending) return;
            setPending(true);
            cancelBooking(token).then(onCancelled, (e: unknown) => {
              setError(errorMessage(e));
              setPending(false);
            });
          }}
        >
          {pending ? t('care.manage.cancelling') : t('care.manage.cancelConfirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('care.manage.cancelKeep')}
        </button>
      </p>
    </section>
  );
}

function Manage({ token, booking, onChange }: { token: string; booking: BookingView; onChange: (b: BookingView) => void }) {
  const [mode, setMode] = useState<'view' | 'reschedule' | 'cancel'>('view');
  const [status, setStatus] = useState<string>();
  const open = booking.status === 'requested' || booking.status === 'accepted';
  const back = () => {
    setMode('view');
    requestAnimationFrame(() => document.getElementById('booking-summary-heading')?.focus());
  };
  return (
    <>
      <StatusMessage message={status} />
      <section className="card booking-summary" aria-labelledby="booking-summary-heading">
        <h2 id="booking-summary-heading" tabIndex={-1}>
          {t('care.manage.summaryHeading', { practice: booking.practiceName })}
        </h2>
        <p>
          <span className={`badge booking-status booking-status-${booking.status}`}>{t(STATUS_BADGE[booking.status])}</span>
        </p>
        <p className="lead">{t('care.manage.when', { time: booking.label, name: booking.therapistName })}</p>
        <p className="hint">{t('care.book.doneZone', { zone: zoneName(booking.timeZone) })}</p>
        <p>{t(STATUS_TEXT[booking.status], { name: booking.therapistName })}</p>
        {booking.status === 'declined' && (
          <p>
            <AppLink to={`/p/${encodeURIComponent(booking.practiceSlug)}`}>{t('care.manage.bookAgain')}</AppLink>
          </p>
        )}
        <p className="actions">
          <a className="button button-secondary" href={calendarUrl(token)} download="consultation.ics">
            {t('care.book.downloadIcs')}
          </a>
          {open && mode === 'view' && (
            <>
              <button type="button" className="button button-secondary" onClick={() => setMode('reschedule')}>
                {t('care.manage.reschedule')}
              </button>
              <button type="button" className="button button-danger-outline button-secondary" onClick={() => setMode('cancel')}>
                {t('care.manage.cancel')}
              </button>
            </>
          )}
        </p>
      </section>
      {open && mode === 'reschedule' && (
        <Reschedule
          token={token}
          booking={booking}
          onClose={back}
          onMoved={(b) => {
            onChange(b);
            setStatus(t('care.manage.moved', { time: b.label }));
            back();
          }}
        />
      )}
      {open && mode === 'cancel' && (
        <CancelConfirm
          token={token}
          booking={booking}
          onClose={back}
          onCancelled={(b) => {
            onChange(b);
            setStatus(t('care.manage.cancelled'));
            back();
          }}
        />
      )}
      <ConnectBooking token={token} />
      <p className="note">{t('care.book.notAPromise')}</p>
    </>
  );
}

export default function ManageBooking() {
  const { token = '' } = useParams();
  const booking = useResource((signal) => getBooking(token, signal));
  const notFound = booking.error instanceof ApiError && (booking.error.status === 404 || booking.error.status === 400);
  return (
    <div className="page booking-page">
      <PageHeading title={t('care.manage.title')} />
      <p className="hint">{t('care.manage.private')}</p>
      {booking.loading && !booking.data && <Loading />}
      {booking.error !== undefined && <AlertMessage message={notFound ? t('care.manage.notFound') : errorMessage(booking.error)} />}
      {booking.data && <Manage token={token} booking={booking.data} onChange={booking.setData} />}
    </div>
  );
}
