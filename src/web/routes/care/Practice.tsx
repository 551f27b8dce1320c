import { useState } from 'react';
import { Form } from 'react-aria-components';
import { AppLink } from '../../components/AppLink';
import { categoryLabel } from '../../components/care/categories';
import { SubmitButton, TextInput } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/reflect/fields';
import { errorMessage } from '../../lib/api';
import { decideBooking, listPracticeBookings, type TherapistBooking } from '../../lib/care-api';
import { inviteClient, listPracticeClients } from '../../lib/care-sharing-api';
import { formatDateTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { useAsyncForm } from '../../lib/use-async-form';
import { useResource } from '../../lib/use-resource';
import { useTimeZone } from '../../lib/use-time-zone';
import { stateName } from '../../components/care/words';

/*
 * The therapist's workspace (/practice): consultation requests assigned to me with their intake,
 * accepted consultations, my clients (what each has chosen to share) and an invitation form.
 */

function Request({ booking, timeZone, onDecided }: { booking: TherapistBooking; timeZone: string; onDecided: (b: TherapistBooking, message: string) => void }) {
  const [pending, setPending] = useState<'accept' | 'decline'>();
  const [error, setError] = useState<string>();
  const headingId = `request-${booking.id}`;
  const decide = (decision: 'accept' | 'decline') => {
    if (pending) return;
    setPending(decision);
    setError(undefined);
    decideBooking(booking.id, decision).then(
      (view) =>
        onDecided(
          { ...booking, status: view.status },
          t(decision === 'accept' ? 'care.practice.accepted' : 'care.practice.declined', { name: booking.clientName }),
        ),
      (e: unknown) => {
        setError(errorMessage(e));
        setPending(undefined);
      },
    );
  };
  return (
    <li className="card request-card">
      <h3 id={headingId}>{booking.clientName}</h3>
      <p className="hint">
        {t(booking.kind === 'couple' ? 'care.practice.kindCouple' : 'care.practice.kindIndividual')} · {t('care.practice.inState', { state: stateName(booking.state) })}
      </p>
      <p>
        <strong>{formatDateTime(booking.start, timeZone)}</strong>
      </p>
      {booking.safety === 'yes' && (
        <div className="safety-flag" role="note" aria-label={t('care.practice.safetyFlagLabel')}>
          <p>{t('care.practice.safetyFlag')}</p>
        </div>
      )}
      <dl className="intake">
        {booking.partnerName && (
          <>
            <dt>{t('care.practice.partner')}</dt>
            <dd>{booking.partnerName}</dd>
          </>
        )}
        <dt>{t('care.practice.whatBrings')}</dt>
        <dd className="preserve-lines">{booking.whatBrings || t('care.practice.nothingWritten')}</dd>
        <dt>{t('care.practice.email')}</dt>
        <dd>{booking.clientEmail}</dd>
      </dl>
      <AlertMessage message={error} />
      <p className="actions" role="group" aria-labelledby={headingId}>
        <button type="button" className="button" onClick={() => decide('accept')}>
          {pending === 'accept' ? t('care.practice.accepting') : t('care.practice.accept')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => decide('decline')}>
          {pending === 'decline' ? t('care.practice.declining') : t('care.practice.decline')}
        </button>
      </p>
    </li>
  );
}

function Requests({ timeZone }: { timeZone: string }) {
  const bookings = useResource((signal) => listPracticeBookings(signal));
  const [status, setStatus] = useState<string>();
  const data = bookings.data ?? [];
  const requests = data.filter((b) => b.status === 'requested');
  const upcoming = data.filter((b) => b.status === 'accepted');
  return (
    <>
      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading" tabIndex={-1}>
          {t('care.practice.requestsHeading')}
        </h2>
        <StatusMessage message={status} />
        {bookings.loading && <Loading />}
        {bookings.error !== undefined && <AlertMessage message={errorMessage(bookings.error)} />}
        {bookings.data && requests.length === 0 && <p>{t('care.practice.noRequests')}</p>}
        {requests.length > 0 && (
          <ul className="cards request-list">
            {requests.map((b) => (
              <Request
                key={b.id}
                booking={b}
                timeZone={timeZone}
                onDecided={(next, message) => {
                  bookings.setData(data.map((x) => (x.id === next.id ? next : x)));
                  setStatus(message);
                  document.getElementById('requests-heading')?.focus();
                }}
              />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t('care.practice.upcomingHeading')}</h2>
        {bookings.data && upcoming.length === 0 && <p>{t('care.practice.noUpcoming')}</p>}
        {upcoming.length > 0 && (
          <ul className="plain-list">
            {upcoming.map((b) => (
              <li key={b.id}>
                {t('care.practice.upcomingItem', { time: formatDateTime(b.start, timeZone), name: b.clientName })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function Clients({ timeZone }: { timeZone: string }) {
  const clients = useResource((signal) => listPracticeClients(signal));
  return (
    <section aria-labelledby="clients-heading">
      <h2 id="clients-heading">{t('care.practice.clientsHeading')}</h2>
      {clients.loading && <Loading />}
      {clients.error !== undefined && <AlertMessage message={errorMessage(clients.error)} />}
      {clients.data && clients.data.length === 0 && <p>{t('care.practice.noClients')}</p>}
      {clients.data && clients.data.length > 0 && (
        <ul className="cards client-list">
          {clients.data.map((c) => (
            <li key={c.linkId} className="card">
              <h3>
                <AppLink to={`/practice/clients/${encodeURIComponent(c.linkId)}`}>{c.clientName}</AppLink>
              </h3>
              <p className="hint">
                {t(c.kind === 'couple' ? 'care.practice.kindCouple' : 'care.practice.kindIndividual')} · {t('care.practice.since', { date: formatDateTime(c.since, timeZone) })}
              </p>
              <p>{c.effective.length > 0 ? t('care.practice.sharing', { list: c.effective.map(categoryLabel).join(', ') }) : t('care.practice.sharingNothing')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Invite() {
  const [email, setEmail] = useState('');
  const [kind, setKind] = useState<'individual' | 'couple'>('individual');
  const [sent, setSent] = useState<string>();
  const form = useAsyncForm(async () => {
    setSent(undefined);
    const created = await inviteClient({ email: email.trim(), kind });
    setSent(t('care.practice.inviteSent', { email: created.email }));
    setEmail('');
  });
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('care.practice.inviteHeading')}</h2>
      <p className="hint">{t('care.practice.inviteHint')}</p>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <TextInput name="email" type="email" label={t('care.practice.inviteEmail')} value={email} onChange={setEmail} autoComplete="off" />
        <RadioGroupField<'individual' | 'couple'>
          name="kind"
          label={t('care.practice.inviteKind')}
          orientation="horizontal"
          options={[
            { id: 'individual', label: t('care.practice.kindIndividual') },
            { id: 'couple', label: t('care.practice.kindCouple') },
          ]}
          value={kind}
          onChange={setKind}
        />
        <AlertMessage message={form.general} />
        <StatusMessage message={sent} />
        <SubmitButton pending={form.pending} pendingLabel={t('care.practice.inviteSending')}>
          {t('care.practice.inviteButton')}
        </SubmitButton>
      </Form>
    </section>
  );
}

export default function Practice() {
  const { timeZone } = useTimeZone();
  return (
    <div className="page">
      <PageHeading title={t('care.practice.title')} />
      <p className="lead">{t('care.practice.lead')}</p>
      <Requests timeZone={timeZone} />
      <Clients timeZone={timeZone} />
      <Invite />
    </div>
  );
}
