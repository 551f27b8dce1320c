import { useEffect, useRef, useState } from 'react';
import { Button, Dialog, DialogTrigger, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useLocation } from 'react-router';
import type { CoupleStatus, InviteCreated } from '../../../core/schemas/couple';
import { AppLink } from '../../components/AppLink';
import { SubmitButton, TextInput } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { CrisisResourceList } from '../../components/reflect/SafetyPanel';
import { errorMessage } from '../../lib/api';
import { createInvite, deleteMyArchive, getCoupleStatus, joinCouple, unlinkCouple, withdrawInvite } from '../../lib/couple-api';
import { formatDateTime } from '../../lib/format';
import { t } from '../../lib/i18n';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { useResource } from '../../lib/use-resource';
import { useTimeZone } from '../../lib/use-time-zone';
import { useLiveEvents } from '../../lib/live';
import { useSubmissionKeys } from '../../lib/use-submission-keys';

/*
 * The couple page (/couple) and joining with a code (/couple/join?code=…). Linking is offered,
 * never pushed. Before inviting or joining comes a private question about feeling afraid of one's
 * partner: the answer lives only in this component's state — it is never stored on the device,
 * never sent, and nobody is told (docs/decisions/013).
 */

type Intent = 'invite' | 'join';
type Step = { kind: 'overview' } | { kind: 'question'; intent: Intent } | { kind: 'afraid'; intent: Intent } | { kind: 'invite' } | { kind: 'join' };

export default function Couple() {
  const location = useLocation();
  const joining = location.pathname.replace(/\/$/, '').endsWith('/join');
  const codeFromLink = new URLSearchParams(location.search).get('code') ?? '';
  const status = useResource((signal) => getCoupleStatus(signal));
  const { timeZone } = useTimeZone();
  const [step, setStep] = useState<Step>(joining ? { kind: 'question', intent: 'join' } : { kind: 'overview' });
  const [notice, setNotice] = useState<string>();
  // When my partner joins with my code or ends the couple, this page shows it without a reload.
  useLiveEvents(['couple'], status.reload);
  const linked = status.data?.status === 'linked';
  useEffect(() => {
    // Linked meanwhile (my invitation was used): the invitation step is over.
    if (linked) setStep((s) => (s.kind === 'invite' || s.kind === 'join' ? { kind: 'overview' } : s));
  }, [linked]);

  const title = joining ? t('couple.joinTitle') : t('couple.title');
  const when = (iso: string) => formatDateTime(iso, timeZone);

  if (status.loading && !status.data) return (<div className="page"><PageHeading title={title} /><Loading /></div>);
  if (!status.data) {
    return (
      <div className="page">
        <PageHeading title={title} />
        <AlertMessage message={errorMessage(status.error)} />
        <button type="button" className="button" onClick={status.reload}>{t('app.retry')}</button>
      </div>
    );
  }
  const data = status.data;
  const update = (next: CoupleStatus, message?: string) => {
    status.setData(next);
    setNotice(message);
    setStep({ kind: 'overview' });
  };

  return (
    <div className="page couple-page">
      <PageHeading title={data.status === 'linked' ? t('couple.title') : title} />
      <StatusMessage message={notice} />
      {data.status === 'linked' ? (
        <Linked data={data} when={when} onUnlinked={(next) => update(next, t('couple.unlinked'))} />
      ) : step.kind === 'question' ? (
        <PrivateQuestion onAfraid={() => setStep({ kind: 'afraid', intent: step.intent })} onNotAfraid={() => setStep({ kind: step.intent })} onBack={() => setStep({ kind: 'overview' })} />
      ) : step.kind === 'afraid' ? (
        <Afraid onContinue={() => setStep({ kind: step.intent })} />
      ) : step.kind === 'invite' ? (
        <Invitation when={when} onDone={() => { setStep({ kind: 'overview' }); status.reload(); }} />
      ) : step.kind === 'join' ? (
        <JoinForm initialCode={codeFromLink} onJoined={(next) => update(next, t('couple.linkedJustNow', { name: next.partner?.displayName ?? t('couple.linkedPartnerUnknown') }))} onBack={() => setStep({ kind: 'overview' })} />
      ) : (
        <Single data={data} when={when} onStart={(intent) => { setNotice(undefined); setStep({ kind: 'question', intent }); }} onWithdrawn={() => { setNotice(t('couple.withdrawn')); status.setData({ ...data, invite: undefined }); }} />
      )}
      <Past data={data} when={when} onChanged={status.reload} />
    </div>
  );
}

function Single({ data, when, onStart, onWithdrawn }: { data: CoupleStatus; when: (iso: string) => string; onStart: (intent: Intent) => void; onWithdrawn: () => void }) {
  const [error, setError] = useState<string>();
  return (
    <>
      <p className="lead">{t('couple.singleLead')}</p>
      <section className="card" aria-labelledby="couple-shared">
        <h2 id="couple-shared">{t('couple.sharedHeading')}</h2>
        <ul>
          <li>{t('couple.shared1')}</li>
          <li>{t('couple.shared2')}</li>
          <li>{t('couple.shared3')}</li>
        </ul>
        <h2 id="couple-private">{t('couple.privateHeading')}</h2>
        <ul aria-labelledby="couple-private">
          <li>{t('couple.private1')}</li>
          <li>{t('couple.private2')}</li>
        </ul>
        <p>{t('couple.unlinkNote')}</p>
      </section>
      {data.invite && (
        <section className="callout" aria-labelledby="couple-pending">
          <h2 id="couple-pending">{t('couple.pendingHeading')}</h2>
          <p>{t('couple.pendingBody', { expires: when(data.invite.expiresAt) })}</p>
          <AlertMessage message={error} />
          <p className="actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => withdrawInvite().then(onWithdrawn, (e: unknown) => setError(errorMessage(e)))}
            >
              {t('couple.withdrawButton')}
            </button>
          </p>
        </section>
      )}
      <p className="actions">
        <button type="button" className="button" onClick={() => onStart('invite')}>
          {data.invite ? t('couple.newInviteButton') : t('couple.inviteButton')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onStart('join')}>
          {t('couple.haveCodeButton')}
        </button>
      </p>
    </>
  );
}

function PrivateQuestion({ onAfraid, onNotAfraid, onBack }: { onAfraid: () => void; onNotAfraid: () => void; onBack: () => void }) {
  return (
    <section className="card couple-question" aria-labelledby="couple-question-heading">
      <h2 id="couple-question-heading">{t('couple.questionHeading')}</h2>
      <p className="hint">{t('couple.questionPrivacy')}</p>
      <p id="couple-question" className="couple-question-text">{t('couple.question')}</p>
      <div className="actions" role="group" aria-labelledby="couple-question">
        <button type="button" className="button button-secondary" onClick={onAfraid}>{t('couple.questionYes')}</button>
        <button type="button" className="button button-secondary" onClick={onNotAfraid}>{t('couple.questionNo')}</button>
      </div>
      <p>
        <button type="button" className="link-button" onClick={onBack}>{t('couple.questionBack')}</button>
      </p>
    </section>
  );
}

function Afraid({ onContinue }: { onContinue: () => void }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="card couple-afraid" aria-labelledby="couple-afraid-heading">
      <h2 id="couple-afraid-heading" ref={ref} tabIndex={-1}>{t('couple.afraidHeading')}</h2>
      <p>{t('couple.afraidBody1')}</p>
      <p>{t('couple.afraidBody2')}</p>
      <CrisisResourceList />
      <p className="actions">
        <AppLink to="/home" className="button">{t('couple.afraidStayAlone')}</AppLink>
      </p>
      <p>
        <button type="button" className="link-button couple-quiet" onClick={onContinue}>{t('couple.afraidContinue')}</button>
      </p>
    </section>
  );
}

function Invitation({ when, onDone }: { when: (iso: string) => string; onDone: () => void }) {
  const [invite, setInvite] = useState<InviteCreated>();
  const [error, setError] = useState<string>();
  const [copied, setCopied] = useState<string>();
  const started = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const keys = useSubmissionKeys();

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    createInvite(keys.keyFor('invite')).then(setInvite, (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(() => {
    if (invite) headingRef.current?.focus();
  }, [invite]);

  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => setCopied(t('couple.copied')),
      () => setCopied(t('couple.copyFailed')),
    );

  if (error) return (<><AlertMessage message={error} /><p><button type="button" className="button button-secondary" onClick={onDone}>{t('couple.inviteDone')}</button></p></>);
  if (!invite) return <p role="status">{t('couple.creating')}</p>;
  return (
    <section className="card" aria-labelledby="couple-invite-heading">
      <h2 id="couple-invite-heading" ref={headingRef} tabIndex={-1}>{t('couple.inviteHeading')}</h2>
      <p>{t('couple.inviteLead', { expires: when(invite.expiresAt) })}</p>
      <dl className="couple-invite">
        <dt>{t('couple.codeLabel')}</dt>
        <dd><span className="secret couple-code" data-testid="invite-code">{invite.code}</span></dd>
        <dt>{t('couple.linkLabel')}</dt>
        <dd><span className="couple-link">{invite.link}</span></dd>
      </dl>
      <p className="actions">
        <button type="button" className="button button-secondary" onClick={() => void copy(invite.code)}>{t('couple.copyCode')}</button>
        <button type="button" className="button button-secondary" onClick={() => void copy(invite.link)}>{t('couple.copyLink')}</button>
      </p>
      <StatusMessage message={copied} />
      <p><button type="button" className="button" onClick={onDone}>{t('couple.inviteDone')}</button></p>
    </section>
  );
}

function JoinForm({ initialCode, onJoined, onBack }: { initialCode: string; onJoined: (s: CoupleStatus) => void; onBack: () => void }) {
  const [code, setCode] = useState(initialCode);
  const keys = useSubmissionKeys();
  const form = useAsyncForm(async () => {
    if (code.trim() === '') throw new InvalidFields({ code: t('couple.codeRequired') });
    const joined = await joinCouple(code, keys.keyFor(code.trim()));
    keys.done();
    onJoined(joined);
  });
  return (
    <section className="card" aria-labelledby="couple-join-heading">
      <h2 id="couple-join-heading">{t('couple.joinHeading')}</h2>
      <p>{t('couple.joinLead')}</p>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <AlertMessage message={form.general} />
        <TextInput name="code" label={t('couple.codeField')} description={t('couple.codeHint')} value={code} onChange={setCode} autoComplete="off" spellCheck="false" autoCapitalize="none" maxLength={40} isRequired />
        <p className="actions">
          <SubmitButton pending={form.pending} pendingLabel={t('couple.joining')}>{t('couple.joinButton')}</SubmitButton>
          <button type="button" className="button button-secondary" onClick={onBack}>{t('app.cancel')}</button>
        </p>
      </Form>
    </section>
  );
}

function Linked({ data, when, onUnlinked }: { data: CoupleStatus; when: (iso: string) => string; onUnlinked: (s: CoupleStatus) => void }) {
  const name = data.partner?.displayName ?? t('couple.linkedPartnerUnknown');
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);

  const unlink = () => {
    if (pending) return;
    setPending(true);
    unlinkCouple().then(onUnlinked, (e: unknown) => setError(errorMessage(e))).finally(() => setPending(false));
  };

  return (
    <>
      <section className="card" aria-labelledby="couple-linked">
        <h2 id="couple-linked">{t('couple.linkedHeading', { name })}</h2>
        {data.linkedAt && <p>{t('couple.linkedSince', { date: when(data.linkedAt) })}</p>}
        <p>{t('couple.linkedShared')}</p>
      </section>
      <section aria-labelledby="couple-features">
        <h2 id="couple-features">{t('couple.featuresHeading')}</h2>
        <ul className="plain-list couple-features">
          <li>
            <AppLink to="/couple/checkin">{t('couple.checkinLink')}</AppLink>
            <p className="hint">{t('couple.checkinHint')}</p>
          </li>
          <li>
            <AppLink to="/couple/commitments">{t('couple.commitmentsLink')}</AppLink>
            <p className="hint">{t('couple.commitmentsHint')}</p>
          </li>
          <li>
            <AppLink to="/couple/agreements">{t('agreements.coupleAgreementsLink')}</AppLink>
            <p className="hint">{t('agreements.coupleAgreementsHint')}</p>
          </li>
          <li>
            <AppLink to="/couple/boundaries">{t('agreements.coupleBoundariesLink')}</AppLink>
            <p className="hint">{t('agreements.coupleBoundariesHint')}</p>
          </li>
          <li>
            <AppLink to="/couple/activities">{t('activities.coupleActivitiesLink')}</AppLink>
            <p className="hint">{t('activities.coupleActivitiesHint')}</p>
          </li>
          <li>
            <AppLink to="/couple/repairs">{t('activities.coupleRepairsLink')}</AppLink>
            <p className="hint">{t('activities.coupleRepairsHint')}</p>
          </li>
          <li>
            <AppLink to="/couple/cycle">{t('cycle.coupleCycleLink')}</AppLink>
            <p className="hint">{t('cycle.coupleCycleHint')}</p>
          </li>
          <li>
            <AppLink to="/couple/shared">{t('cycle.coupleSharedLink')}</AppLink>
            <p className="hint">{t('cycle.coupleSharedHint')}</p>
          </li>
        </ul>
      </section>
      <section className="note" aria-labelledby="couple-unlink">
        <h2 id="couple-unlink">{t('couple.unlinkHeading')}</h2>
        <AlertMessage message={error} />
        {!asking ? (
          <p><button type="button" className="button button-secondary" onClick={() => setAsking(true)}>{t('couple.unlinkButton')}</button></p>
        ) : (
          <div className="confirm">
            <p ref={questionRef} tabIndex={-1}>{t('couple.unlinkQuestion', { name })}</p>
            <p className="actions">
              <button type="button" className="button button-danger" onClick={unlink}>{pending ? t('couple.unlinking') : t('couple.unlinkConfirm')}</button>
              <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>{t('couple.unlinkKeep')}</button>
            </p>
          </div>
        )}
      </section>
    </>
  );
}

function Past({ data, when, onChanged }: { data: CoupleStatus; when: (iso: string) => string; onChanged?: () => void }) {
  const [done, setDone] = useState<string>();
  if (data.past.length === 0) return null;
  return (
    <section className="note" aria-labelledby="couple-past">
      <h2 id="couple-past">{t('couple.pastHeading')}</h2>
      <StatusMessage message={done} />
      <ul className="plain-list past-couples">
        {data.past.map((p) => (
          <li key={p.coupleId}>
            <p>{t('couple.pastItem', { from: when(p.linkedAt), to: when(p.unlinkedAt) })}</p>
            <DeleteMyPart
              coupleId={p.coupleId}
              from={when(p.linkedAt)}
              to={when(p.unlinkedAt)}
              onDeleted={(total) => {
                setDone(total === 0 ? t('couple.archiveDeletedNothing') : t('couple.archiveDeleted', { count: String(total) }));
                onChanged?.();
              }}
            />
          </li>
        ))}
      </ul>
      <p className="hint">{t('couple.pastNote')}</p>
    </section>
  );
}

/** "Delete what I wrote in this shared space", behind a React Aria confirmation dialog (docs/decisions/022). */
function DeleteMyPart({ coupleId, from, to, onDeleted }: { coupleId: string; from: string; to: string; onDeleted: (total: number) => void }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const confirm = async () => {
    setPending(true);
    setError(undefined);
    try {
      const result = await deleteMyArchive(coupleId);
      setOpen(false);
      onDeleted(result.total);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  };
  return (
    <DialogTrigger isOpen={open} onOpenChange={(next) => { if (!pending) setOpen(next); }}>
      <Button className="button button-secondary button-danger-outline">{t('couple.archiveDeleteButton')}</Button>
      <ModalOverlay className="modal-overlay" isDismissable={!pending}>
        <Modal className="modal">
          <Dialog role="alertdialog" className="modal-dialog">
            <Heading slot="title">{t('couple.archiveDeleteTitle')}</Heading>
            <p>{t('couple.archiveDeleteBody', { from, to })}</p>
            <p>{t('couple.archiveDeleteKeeps')}</p>
            <AlertMessage message={error} />
            <p className="actions">
              <Button className="button button-danger" onPress={confirm} isDisabled={pending}>{pending ? t('couple.archiveDeleting') : t('couple.archiveDeleteConfirm')}</Button>
              <Button className="button button-secondary" slot="close" isDisabled={pending} autoFocus>{t('couple.archiveDeleteCancel')}</Button>
            </p>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
