import { startTransition, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Checkbox, Form } from 'react-aria-components';
import { useParams } from 'react-router';
import { SAFETY_ANSWERS } from '../../../core/schemas/care';
import { AppLink } from '../../components/AppLink';
import { SlotPicker } from '../../components/care/SlotPicker';
import { StepIndicator } from '../../components/care/StepIndicator';
import { ZoneField } from '../../components/care/ZoneField';
import { approachLabel, stateName } from '../../components/care/words';
import { SelectField, SubmitButton, TextInput } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { CrisisResourceList } from '../../components/reflect/SafetyPanel';
import { RadioGroupField, TextAreaField } from '../../components/reflect/fields';
import { ApiError, errorMessage } from '../../lib/api';
import {
  calendarUrl,
  createBooking,
  getPublicPractice,
  getSlots,
  matchTherapists,
  tokenOf,
  type BookingCreated,
  type ClientKind,
  type PublicPractice,
  type PublicTherapist,
  type Slot,
} from '../../lib/care-api';
import { t, type MessageKey } from '../../lib/i18n';
import { deviceTimeZone } from '../../lib/profile';
import { zoneName } from '../../lib/format';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { useResource } from '../../lib/use-resource';

/*
 * The public booking page (/p/:slug): one step per screen, no account needed. Each step's heading
 * takes focus when it appears, Back returns to the previous step with every answer kept, and a
 * time someone else took meanwhile sends the person back to choose another.
 */

const STEPS = ['kind', 'state', 'approach', 'therapist', 'time', 'intake', 'done'] as const;
type Step = (typeof STEPS)[number];
const STEP_LABELS: Record<Step, MessageKey> = {
  kind: 'care.book.stepKind',
  state: 'care.book.stepState',
  approach: 'care.book.stepApproach',
  therapist: 'care.book.stepTherapist',
  time: 'care.book.stepTime',
  intake: 'care.book.stepIntake',
  done: 'care.book.stepDone',
};

/** A value for "somewhere the practice does not cover". */
const OTHER_STATE = 'other';
const NO_PREFERENCE = 'any';

interface Intake {
  name: string;
  email: string;
  whatBrings: string;
  partnerName: string;
  safety: (typeof SAFETY_ANSWERS)[number] | '';
  consentToContact: boolean;
  website: string;
}

const emptyIntake: Intake = { name: '', email: '', whatBrings: '', partnerName: '', safety: '', consentToContact: false, website: '' };

/** A step's heading: focused when the step appears (never on the page's first render). */
function StepHeading({ children, focus }: { children: ReactNode; focus: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h2 ref={ref} tabIndex={-1} id="step-heading" className="step-heading">
      {children}
    </h2>
  );
}

function BackButton({ onBack }: { onBack: () => void }) {
  return (
    <button type="button" className="button button-secondary" onClick={onBack}>
      {t('care.book.back')}
    </button>
  );
}

function KindStep({ value, onNext, focus }: { value: ClientKind | ''; onNext: (kind: ClientKind) => void; focus: boolean }) {
  const [kind, setKind] = useState<ClientKind | ''>(value);
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Form
      className="form"
      validationBehavior="aria"
      validationErrors={errors}
      aria-labelledby="step-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (kind === '') setErrors({ kind: t('care.book.kindRequired') });
        else onNext(kind);
      }}
    >
      <StepHeading focus={focus}>{t('care.book.kindHeading')}</StepHeading>
      <RadioGroupField<ClientKind>
        name="kind"
        label={t('care.book.kindLabel')}
        options={[
          { id: 'individual', label: t('care.book.kindIndividual') },
          { id: 'couple', label: t('care.book.kindCouple') },
        ]}
        value={kind}
        onChange={(v) => {
          setKind(v);
          setErrors({});
        }}
      />
      <p className="actions">
        <button type="submit" className="button">
          {t('care.book.next')}
        </button>
      </p>
    </Form>
  );
}

function StateStep({ practice, value, onNext, onBack }: { practice: PublicPractice; value: string; onNext: (state: string) => void; onBack: () => void }) {
  const [state, setState] = useState<string | null>(value || null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const options = useMemo(
    () => [...practice.states.map((code) => ({ id: code, label: stateName(code) })), { id: OTHER_STATE, label: t('care.book.stateOther') }],
    [practice.states],
  );
  const notCovered = state === OTHER_STATE;
  return (
    <Form
      className="form"
      validationBehavior="aria"
      validationErrors={errors}
      aria-labelledby="step-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (!state) setErrors({ state: t('care.book.stateRequired') });
        else if (state === OTHER_STATE) setErrors({ state: t('care.book.stateNotCovered') });
        else onNext(state);
      }}
    >
      <StepHeading focus>{t('care.book.stateHeading')}</StepHeading>
      <p className="hint">{t('care.book.stateWhy')}</p>
      <SelectField
        name="state"
        label={t('care.book.stateLabel')}
        placeholder={t('care.book.statePlaceholder')}
        options={options}
        value={state}
        onChange={(v) => {
          setState(v);
          setErrors({});
        }}
      />
      <p role="status" className={notCovered ? 'note' : 'status-empty'}>
        {notCovered ? `${t('care.book.stateNotCovered')} ${t('care.book.stateNotCoveredNext')}` : ''}
      </p>
      <p className="actions">
        <BackButton onBack={onBack} />
        <button type="submit" className="button">
          {t('care.book.next')}
        </button>
      </p>
    </Form>
  );
}

function ApproachStep({ practice, value, onNext, onBack }: { practice: PublicPractice; value: string; onNext: (approach: string) => void; onBack: () => void }) {
  const [approach, setApproach] = useState<string>(value || NO_PREFERENCE);
  return (
    <Form
      className="form"
      aria-labelledby="step-heading"
      onSubmit={(e) => {
        e.preventDefault();
        onNext(approach === NO_PREFERENCE ? '' : approach);
      }}
    >
      <StepHeading focus>{t('care.book.approachHeading')}</StepHeading>
      <RadioGroupField<string>
        name="approach"
        label={t('care.book.approachLabel')}
        description={t('care.book.approachHint')}
        options={[{ id: NO_PREFERENCE, label: t('care.book.approachAny') }, ...practice.approaches.map((id) => ({ id, label: approachLabel(id) }))]}
        value={approach}
        onChange={setApproach}
      />
      <p className="actions">
        <BackButton onBack={onBack} />
        <button type="submit" className="button">
          {t('care.book.next')}
        </button>
      </p>
    </Form>
  );
}

function TherapistStep({
  slug,
  kind,
  state,
  approach,
  onChoose,
  onClearApproach,
  onBack,
}: {
  slug: string;
  kind: ClientKind;
  state: string;
  approach: string;
  onChoose: (therapist: PublicTherapist) => void;
  onClearApproach: () => void;
  onBack: () => void;
}) {
  const therapists = useResource((signal) => matchTherapists(slug, { kind, state, approach: approach || undefined }, signal));
  const none = therapists.error instanceof ApiError && therapists.error.status === 404;
  return (
    <section aria-labelledby="step-heading">
      <StepHeading focus>{t('care.book.therapistHeading', { state: stateName(state) })}</StepHeading>
      {therapists.loading && <Loading />}
      {none && (
        <div className="note">
          <p>{approach ? t('care.book.noneWithApproach', { approach: approachLabel(approach), state: stateName(state) }) : t('care.book.stateNotCovered')}</p>
          {approach && (
            <p>
              <button type="button" className="button button-secondary" onClick={onClearApproach}>
                {t('care.book.tryAnyApproach')}
              </button>
            </p>
          )}
        </div>
      )}
      {therapists.error !== undefined && !none && <AlertMessage message={errorMessage(therapists.error)} />}
      {therapists.data && (
        <ul className="cards therapist-cards">
          {therapists.data.map((th) => (
            <li key={th.id} className="card therapist-card">
              <h3>{th.displayName}</h3>
              {th.approaches.length > 0 && <p className="hint">{th.approaches.map(approachLabel).join(' · ')}</p>}
              {th.bio && <p>{th.bio}</p>}
              <p>
                <button type="button" className="button" onClick={() => onChoose(th)}>
                  {t('care.book.chooseTherapist', { name: th.displayName })}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="actions">
        <BackButton onBack={onBack} />
      </p>
    </section>
  );
}

function TimeStep({
  slug,
  therapist,
  kind,
  state,
  timeZone,
  onTimeZone,
  value,
  notice,
  onNext,
  onBack,
}: {
  slug: string;
  therapist: PublicTherapist;
  kind: ClientKind;
  state: string;
  timeZone: string;
  onTimeZone: (zone: string) => void;
  value: Slot | null;
  notice: string | undefined;
  onNext: (slot: Slot) => void;
  onBack: () => void;
}) {
  const [chosen, setChosen] = useState<string | null>(value?.start ?? null);
  const [error, setError] = useState<string>();
  const slots = useResource((signal) => getSlots(slug, therapist.id, { kind, state, timeZone }, signal));
  const { reload } = slots;
  const mounted = useRef(false);
  useEffect(() => {
    // A new zone: the same free instants, labelled again in it.
    if (mounted.current) reload();
    mounted.current = true;
  }, [timeZone, reload]);
  const list = slots.data && !slots.loading ? slots.data.slots : [];
  return (
    <Form
      className="form"
      aria-labelledby="step-heading"
      onSubmit={(e) => {
        e.preventDefault();
        const slot = list.find((s) => s.start === chosen);
        if (!slot) setError(t('care.book.timeRequired'));
        else onNext(slot);
      }}
    >
      <StepHeading focus>{t('care.book.timeHeading', { name: therapist.displayName })}</StepHeading>
      <AlertMessage message={notice} />
      <ZoneField value={timeZone} onChange={onTimeZone} />
      {slots.loading && <Loading />}
      {slots.error !== undefined && <AlertMessage message={errorMessage(slots.error)} />}
      {slots.data && !slots.loading && list.length === 0 && <p className="note">{t('care.book.noTimes')}</p>}
      {list.length > 0 && (
        <SlotPicker
          slots={list}
          timeZone={timeZone}
          value={chosen}
          onChange={(start) => {
            setChosen(start);
            setError(undefined);
          }}
        />
      )}
      <AlertMessage message={error} />
      <p className="actions">
        <BackButton onBack={onBack} />
        <button type="submit" className="button">
          {t('care.book.next')}
        </button>
      </p>
    </Form>
  );
}

function IntakeStep({
  kind,
  therapist,
  slot,
  intake,
  onChange,
  onSubmit,
  onBack,
}: {
  kind: ClientKind;
  therapist: PublicTherapist;
  slot: Slot;
  intake: Intake;
  onChange: (intake: Intake) => void;
  /** Sends the request; answers a message for the whole form when the server asks us to wait. */
  onSubmit: () => Promise<string | undefined>;
  onBack: () => void;
}) {
  const set = <K extends keyof Intake>(key: K, value: Intake[K]) => onChange({ ...intake, [key]: value });
  const form = useAsyncForm(async () => {
    const missing: Record<string, string> = {};
    if (!intake.name.trim()) missing.name = t('care.book.nameRequired');
    if (!intake.email.trim()) missing.email = t('care.book.emailRequired');
    if (intake.safety === '') missing.safety = t('care.book.safetyRequired');
    if (!intake.consentToContact) missing.consentToContact = t('care.book.consentRequired');
    if (Object.keys(missing).length > 0) throw new InvalidFields(missing);
    const message = await onSubmit();
    if (message) form.setGeneral(message);
  });
  return (
    <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form" aria-labelledby="step-heading">
      <StepHeading focus>{t('care.book.intakeHeading')}</StepHeading>
      <p className="callout">{t('care.book.intakeChosen', { time: slot.label, name: therapist.displayName })}</p>
      <p className="hint">{t('care.book.intakePrivate')}</p>
      <TextInput name="name" label={t('care.book.nameLabel')} value={intake.name} onChange={(v) => set('name', v)} autoComplete="name" maxLength={120} />
      <TextInput name="email" type="email" label={t('care.book.emailLabel')} description={t('care.book.emailHint')} value={intake.email} onChange={(v) => set('email', v)} autoComplete="email" inputMode="email" maxLength={254} />
      {kind === 'couple' && (
        <TextInput name="partnerName" label={t('care.book.partnerLabel')} description={t('care.book.partnerHint')} value={intake.partnerName} onChange={(v) => set('partnerName', v)} autoComplete="off" maxLength={120} />
      )}
      <TextAreaField name="whatBrings" label={t('care.book.whatBringsLabel')} description={t('care.book.whatBringsHint')} value={intake.whatBrings} onChange={(v) => set('whatBrings', v)} maxLength={2000} />
      <div className="safety-question">
        <RadioGroupField
          name="safety"
          label={t('care.book.safetyLabel')}
          description={t('care.book.safetyHint')}
          options={[
            { id: 'no', label: t('care.book.safetyNo') },
            { id: 'yes', label: t('care.book.safetyYes') },
            { id: 'prefer-not-to-say', label: t('care.book.safetyPreferNot') },
          ]}
          value={intake.safety}
          onChange={(v) => set('safety', v)}
        />
      </div>
      <div className="field">
        <Checkbox
          name="consentToContact"
          isSelected={intake.consentToContact}
          onChange={(v) => set('consentToContact', v)}
          className="checkbox"
          aria-describedby={form.fieldErrors.consentToContact ? 'consent-error' : undefined}
        >
          <span className="checkbox-box" aria-hidden="true" />
          <span>{t('care.book.consentLabel')}</span>
        </Checkbox>
        {form.fieldErrors.consentToContact && (
          <p id="consent-error" className="field-error">
            {form.fieldErrors.consentToContact}
          </p>
        )}
      </div>
      {/* The honeypot: hidden from people and from assistive technology; robots fill it in. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="booking-website">{t('care.book.honeypotLabel')}</label>
        <input id="booking-website" name="website" type="text" tabIndex={-1} autoComplete="off" value={intake.website} onChange={(e) => set('website', e.target.value)} />
      </div>
      <p className="note">{t('care.book.notAPromise')}</p>
      <AlertMessage message={form.general} />
      <p className="actions">
        <BackButton onBack={onBack} />
        <SubmitButton pending={form.pending} pendingLabel={t('care.book.sending')}>
          {t('care.book.send')}
        </SubmitButton>
      </p>
    </Form>
  );
}

function DoneStep({ created, timeZone, email }: { created: BookingCreated; timeZone: string; email: string }) {
  const token = tokenOf(created.manageUrl);
  return (
    <section aria-labelledby="step-heading">
      <StepHeading focus>{t('care.book.doneHeading')}</StepHeading>
      <p className="lead">{t('care.book.doneTime', { time: created.label, name: created.therapistName })}</p>
      <p className="hint">{t('care.book.doneZone', { zone: zoneName(timeZone) })}</p>
      <p>{t('care.book.doneRequest', { name: created.therapistName })}</p>
      <p>{t('care.book.doneEmail', { email })}</p>
      <section className="card" aria-labelledby="keep-link-heading">
        <h3 id="keep-link-heading">{t('care.book.keepLinkHeading')}</h3>
        <p>{t('care.book.keepLinkBody')}</p>
        <p className="secret manage-url">{created.manageUrl}</p>
        <p className="actions">
          <AppLink className="button button-secondary" to={`/booking/${encodeURIComponent(token)}`}>
            {t('care.book.openManage')}
          </AppLink>
          <a className="button button-secondary" href={calendarUrl(token)} download="consultation.ics">
            {t('care.book.downloadIcs')}
          </a>
        </p>
      </section>
      {created.showSafetyResources && (
        <section className="safety-panel" aria-labelledby="booking-safety-heading">
          <h3 id="booking-safety-heading">{t('care.book.safetyHeading')}</h3>
          <p>{t('care.book.safetyLead')}</p>
          <CrisisResourceList />
          <p className="hint">{t('care.book.safetyPrivate')}</p>
        </section>
      )}
      <p className="note">{t('care.book.notAPromise')}</p>
    </section>
  );
}

function Booking({ slug, practice }: { slug: string; practice: PublicPractice }) {
  const [step, setStep] = useState<Step>('kind');
  const [moved, setMoved] = useState(false);
  const [kind, setKind] = useState<ClientKind | ''>('');
  const [state, setState] = useState('');
  const [approach, setApproach] = useState('');
  const [therapist, setTherapist] = useState<PublicTherapist | null>(null);
  const [timeZone, setTimeZone] = useState(() => deviceTimeZone() ?? practice.timeZone);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [timeNotice, setTimeNotice] = useState<string>();
  const [intake, setIntake] = useState<Intake>(emptyIntake);
  const [created, setCreated] = useState<BookingCreated | null>(null);

  // The next step renders as a transition: the press is answered by the next paint at once, and
  // the new step (a few React Aria fields) renders in slices after it (INP, docs/decisions/036).
  const go = (next: Step) => {
    startTransition(() => {
      setMoved(true);
      setStep(next);
    });
  };
  const index = STEPS.indexOf(step);

  const submit = async (): Promise<string | undefined> => {
    if (!therapist || !slot || kind === '' || intake.safety === '') return undefined;
    try {
      const result = await createBooking(slug, {
        therapistId: therapist.id,
        kind,
        session: 'consultation',
        state,
        timeZone,
        start: slot.start,
        name: intake.name.trim(),
        email: intake.email.trim(),
        whatBrings: intake.whatBrings,
        ...(kind === 'couple' && intake.partnerName.trim() ? { partnerName: intake.partnerName.trim() } : {}),
        safety: intake.safety,
        consentToContact: true,
        ...(intake.website ? { website: intake.website } : {}),
      });
      setCreated(result);
      go('done');
      return undefined;
    } catch (error) {
      if (error instanceof ApiError && error.status === 429) return t('care.book.tooMany');
      // A time that is no longer free: back to choosing one, with everything written kept.
      if (error instanceof ApiError && (error.status === 409 || 'start' in error.fieldErrors)) {
        setSlot(null);
        setTimeNotice(error.status === 409 ? t('care.book.slotTaken') : (error.fieldErrors.start ?? t('care.book.slotTaken')));
        go('time');
        return undefined;
      }
      throw error;
    }
  };

  return (
    <>
      <StepIndicator steps={STEPS.map((s) => t(STEP_LABELS[s]))} current={index} />
      {step === 'kind' && (
        <KindStep
          value={kind}
          focus={moved}
          onNext={(k) => {
            if (k !== kind) setTherapist(null);
            setKind(k);
            go('state');
          }}
        />
      )}
      {step === 'state' && (
        <StateStep
          practice={practice}
          value={state}
          onBack={() => go('kind')}
          onNext={(s) => {
            setState(s);
            go(practice.approaches.length > 0 ? 'approach' : 'therapist');
          }}
        />
      )}
      {step === 'approach' && (
        <ApproachStep
          practice={practice}
          value={approach}
          onBack={() => go('state')}
          onNext={(a) => {
            setApproach(a);
            go('therapist');
          }}
        />
      )}
      {step === 'therapist' && kind !== '' && (
        <TherapistStep
          key={`${kind}-${state}-${approach}`}
          slug={slug}
          kind={kind}
          state={state}
          approach={approach}
          onBack={() => go(practice.approaches.length > 0 ? 'approach' : 'state')}
          onClearApproach={() => setApproach('')}
          onChoose={(th) => {
            if (th.id !== therapist?.id) setSlot(null);
            setTherapist(th);
            setTimeNotice(undefined);
            go('time');
          }}
        />
      )}
      {step === 'time' && therapist && kind !== '' && (
        <TimeStep
          slug={slug}
          therapist={therapist}
          kind={kind}
          state={state}
          timeZone={timeZone}
          onTimeZone={setTimeZone}
          value={slot}
          notice={timeNotice}
          onBack={() => go('therapist')}
          onNext={(s) => {
            setSlot(s);
            setTimeNotice(undefined);
            go('intake');
          }}
        />
      )}
      {step === 'intake' && therapist && slot && kind !== '' && (
        <IntakeStep kind={kind} therapist={therapist} slot={slot} intake={intake} onChange={setIntake} onSubmit={submit} onBack={() => go('time')} />
      )}
      {step === 'done' && created && <DoneStep created={created} timeZone={timeZone} email={intake.email.trim()} />}
    </>
  );
}

export default function Book() {
  const { slug = '' } = useParams();
  const practice = useResource((signal) => getPublicPractice(slug, signal));
  const notFound = practice.error instanceof ApiError && (practice.error.status === 404 || practice.error.status === 400);
  return (
    <div className="page booking-page">
      <PageHeading title={practice.data ? t('care.book.title', { practice: practice.data.name }) : t('care.book.titleGeneric')} />
      <p className="lead">{t('care.book.lead')}</p>
      <p className="hint">{t('care.book.wellness')}</p>
      {practice.loading && <Loading />}
      {practice.error !== undefined && <AlertMessage message={notFound ? t('care.book.practiceNotFound') : errorMessage(practice.error)} />}
      {practice.data && <Booking key={slug} slug={slug} practice={practice.data} />}
    </div>
  );
}
