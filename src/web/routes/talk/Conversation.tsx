import { useEffect, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useParams } from 'react-router';
import { localDay } from '../../../core/couple/commitments';
import type { Conversation as Conv, ConversationFinish } from '../../../core/schemas/conversations';
import type { Screening } from '../../../core/schemas/reflect';
import type { TurnKind } from '../../../core/conversation/machine';
import { AppLink } from '../../components/AppLink';
import { CoachedText } from '../../components/coach/CoachedText';
import { CheckboxField, SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { SafetyPanel } from '../../components/reflect/SafetyPanel';
import { RadioGroupField, ShortTextField, TextAreaField } from '../../components/reflect/fields';
import { errorMessage } from '../../lib/api';
import { t } from '../../lib/i18n';
import { useLiveEvents } from '../../lib/live';
import { useResource } from '../../lib/use-resource';
import { useSubmissionKeys } from '../../lib/use-submission-keys';
import { addTurn, confirmChecklist, conversationStep, finishConversation, getConversation } from './talk-api';

/*
 * /talk/conversations/:id — live for both partners: every change on the server sends a hint, and
 * the page re-reads the conversation. The server's clock decides the pause and the time limit;
 * the page only counts down from what the server said (docs/decisions/024).
 */

export default function Conversation() {
  const { id = '' } = useParams();
  const res = useResource((signal) => getConversation(id, signal));
  useLiveEvents(['conversation', 'couple'], res.reload);
  const c = res.data;

  // The break ends on its own: re-read when the server said it would.
  const pauseLeft = c?.pause?.leftMs;
  useEffect(() => {
    if (pauseLeft === undefined) return;
    const timer = setTimeout(res.reload, pauseLeft + 500);
    return () => clearTimeout(timer);
  }, [pauseLeft, res.reload]);

  const title = c?.mode === 'practice' ? t('talk.practiceTitle') : t('talk.conversationTitle');
  return (
    <>
      <PageHeading title={title} />
      <p>
        <AppLink to="/talk">{t('talk.backToTalk')}</AppLink>
      </p>
      {res.error && !c ? <AlertMessage message={errorMessage(res.error)} /> : !c ? <Loading /> : <Body c={c} onChange={res.setData} onReload={res.reload} />}
    </>
  );
}

function useRunner() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (work: () => Promise<void>, onFail?: () => void) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
      onFail?.();
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function Body({ c, onChange, onReload }: { c: Conv; onChange: (c: Conv) => void; onReload: () => void }) {
  const { busy, error, run } = useRunner();
  const [screening, setScreening] = useState<Screening>();
  // Drafts survive a break or a live re-read: keyed by the turn being written (its position and kind).
  const drafts = useRef(new Map<string, string>());
  const step = (s: 'pause' | 'ready' | 'close' | 'leave') => run(async () => onChange(await conversationStep(c.id, s)), onReload);

  return (
    <div className="talk-conversation">
      {!c.canAct && c.phase !== 'ended' && <p className="card">{t('talk.archived')}</p>}
      <AlertMessage message={error} />
      <SafetyPanel screening={screening} />

      {c.phase === 'checklist' && <Checklist c={c} onChange={onChange} onReload={onReload} />}

      {c.phase === 'turns' && c.pause && <PausePanel c={c} busy={busy} onReady={() => step('ready')} />}

      {c.phase === 'turns' && !c.pause && (
        <>
          {c.canAct && (
            <div className="card talk-pause">
              <Button className="button button-pause" onPress={() => step('pause')}>
                {t('talk.pause')}
              </Button>
              <p className="hint">{t('talk.pauseHint')}</p>
            </div>
          )}
          <TurnArea c={c} drafts={drafts.current} onChange={onChange} onReload={onReload} onScreening={setScreening} />
        </>
      )}

      {(c.phase === 'turns' || c.phase === 'closing' || c.phase === 'ended') && <Transcript c={c} />}

      {c.phase === 'turns' && c.canAct && !c.pause && (
        <div className="actions">
          <Button className="button button-secondary" onPress={() => step('close')}>
            {t('talk.closeButton')}
          </Button>
        </div>
      )}

      {c.phase === 'closing' && c.canAct && <Closing c={c} onChange={onChange} onScreening={setScreening} />}

      {c.phase === 'ended' && <Ended c={c} />}

      {c.canAct && c.phase !== 'ended' && <LeaveButton onLeave={() => step('leave')} />}
    </div>
  );
}

function Checklist({ c, onChange, onReload }: { c: Conv; onChange: (c: Conv) => void; onReload: () => void }) {
  const [calm, setCalm] = useState(false);
  const [phones, setPhones] = useState(false);
  const [time, setTime] = useState(false);
  const { busy, error, run } = useRunner();
  const all = calm && phones && time;
  return (
    <section aria-labelledby="talk-checklist" className="card">
      <h2 id="talk-checklist">{t('talk.checklistHeading')}</h2>
      <p className="hint">{t('talk.checklistHint')}</p>
      {c.checklist.me ? (
        <p>{t('talk.checklistConfirmed')}</p>
      ) : (
        c.canAct && (
          <Form
            onSubmit={(e) => {
              e.preventDefault();
              if (all) void run(async () => onChange(await confirmChecklist(c.id, c.version)), onReload);
            }}
          >
            <div className="talk-checks">
              <CheckboxField name="calm" isSelected={calm} onChange={setCalm}>
                {t('talk.checkCalm')}
              </CheckboxField>
              <CheckboxField name="phonesAway" isSelected={phones} onChange={setPhones}>
                {t('talk.checkPhones')}
              </CheckboxField>
              <CheckboxField name="timeLimit" isSelected={time} onChange={setTime}>
                {t('talk.checkTime', { n: c.timeLimitMinutes })}
              </CheckboxField>
            </div>
            <AlertMessage message={error} />
            {all && (
              <SubmitButton pending={busy} pendingLabel={t('app.saving')}>
                {t('talk.checklistConfirm')}
              </SubmitButton>
            )}
          </Form>
        )
      )}
      {c.mode === 'couple' && <p role="status">{c.checklist.partner ? t('talk.partnerReady') : t('talk.partnerNotReady')}</p>}
    </section>
  );
}

function PausePanel({ c, busy, onReady }: { c: Conv; busy: boolean; onReady: () => void }) {
  const pause = c.pause!;
  const [left, setLeft] = useState(pause.leftMs);
  useEffect(() => {
    const started = Date.now();
    setLeft(pause.leftMs);
    const timer = setInterval(() => setLeft(Math.max(0, pause.leftMs - (Date.now() - started))), 15_000);
    return () => clearInterval(timer);
  }, [pause.leftMs]);
  const minutes = Math.ceil(left / 60_000);
  return (
    <section aria-labelledby="talk-paused" className="card talk-paused">
      <h2 id="talk-paused">{t('talk.pausedHeading')}</h2>
      <p>{pause.by === 'me' ? t('talk.pausedByMe') : t('talk.pausedByPartner')}</p>
      <p>{t('talk.pausedBody')}</p>
      <p className="talk-countdown" role="timer" aria-live="off">
        {left < 60_000 ? t('talk.pauseLeftUnderMinute') : t('talk.pauseLeft', { n: minutes })}
      </p>
      {pause.readyMe ? <p>{t('talk.readyMe')}</p> : c.canAct && (
        <Button className="button" onPress={onReady}>
          {busy ? t('app.saving') : t('talk.ready')}
        </Button>
      )}
      {pause.readyPartner && <p>{t('talk.readyPartner')}</p>}
      <p className="hint">{t('talk.readyWaiting')}</p>
    </section>
  );
}

function TurnArea({ c, drafts, onChange, onReload, onScreening }: { c: Conv; drafts: Map<string, string>; onChange: (c: Conv) => void; onReload: () => void; onScreening: (s: Screening) => void }) {
  const kinds = c.canWrite;
  const first = kinds[0];
  const writing = first && first !== 'confirmation' && first !== 'correction' ? first : undefined;
  const minutes = c.timeLeftMs === null ? null : Math.ceil(c.timeLeftMs / 60_000);
  const role =
    c.mode === 'practice' ? t('talk.practiceSpeak') : c.myRole === 'speaker' ? t('talk.youSpeak') : c.myRole === 'listener' ? t('talk.youListen') : null;
  return (
    <section aria-labelledby="talk-turn" className="card">
      <h2 id="talk-turn">{role ?? t('talk.waitingForPartner')}</h2>
      {minutes !== null && <p className="hint">{minutes > 0 ? t('talk.timeLeft', { n: minutes }) : t('talk.timeUp')}</p>}
      {c.canAct && kinds.length === 0 && c.mode === 'couple' && <p role="status">{t('talk.waitingForPartner')}</p>}
      {writing && <WriteTurn key={`${c.turns.length}-${writing}`} c={c} kind={writing} drafts={drafts} onChange={onChange} onReload={onReload} onScreening={onScreening} />}
      {kinds.includes('correction') && <ConfirmOrCorrect key={c.turns.length} c={c} onChange={onChange} onReload={onReload} onScreening={onScreening} />}
    </section>
  );
}

const WRITE_LABELS: Record<Exclude<TurnKind, 'confirmation'>, { label: Parameters<typeof t>[0]; hint: Parameters<typeof t>[0] }> = {
  message: { label: 'talk.write.message', hint: 'talk.write.messageHint' },
  summary: { label: 'talk.write.summary', hint: 'talk.write.summaryHint' },
  validation: { label: 'talk.write.validation', hint: 'talk.write.validationHint' },
  correction: { label: 'talk.write.correction', hint: 'talk.write.correctionHint' },
  imagined: { label: 'talk.write.imagined', hint: 'talk.write.imaginedHint' },
};

function WriteTurn({ c, kind, drafts, onChange, onReload, onScreening }: { c: Conv; kind: Exclude<TurnKind, 'confirmation'>; drafts: Map<string, string>; onChange: (c: Conv) => void; onReload: () => void; onScreening: (s: Screening) => void }) {
  const slot = `${c.turns.length}-${kind}`;
  const [text, setTextState] = useState(drafts.get(slot) ?? (kind === 'summary' ? t('talk.write.summaryStart') : ''));
  const setText = (v: string) => {
    drafts.set(slot, v);
    setTextState(v);
  };
  const { busy, error, run } = useRunner();
  const keys = useSubmissionKeys();
  const labels = WRITE_LABELS[kind];
  return (
    <Form
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const body = { kind, text, version: c.version };
          const saved = await addTurn(c.id, body, keys.keyFor({ id: c.id, ...body }));
          keys.done();
          drafts.delete(slot);
          onScreening(saved.screening);
          onChange(saved.conversation);
        }, onReload);
      }}
    >
      {kind === 'message' ? (
        <CoachedText value={text} onChange={setText} context="message" label={t(labels.label)} description={t(labels.hint)} name="text" maxLength={4000} isRequired />
      ) : (
        <TextAreaField name="text" label={t(labels.label)} description={t(labels.hint)} value={text} onChange={setText} maxLength={4000} isRequired />
      )}
      <AlertMessage message={error} />
      <SubmitButton pending={busy} pendingLabel={t('talk.sending')}>
        {t('talk.send')}
      </SubmitButton>
    </Form>
  );
}

function ConfirmOrCorrect({ c, onChange, onReload, onScreening }: { c: Conv; onChange: (c: Conv) => void; onReload: () => void; onScreening: (s: Screening) => void }) {
  const [text, setText] = useState('');
  const { busy, error, run } = useRunner();
  const keys = useSubmissionKeys();
  const send = (kind: 'confirmation' | 'correction', words: string) =>
    run(async () => {
      const body = { kind, text: words, version: c.version };
      const saved = await addTurn(c.id, body, keys.keyFor({ id: c.id, ...body }));
      keys.done();
      onScreening(saved.screening);
      onChange(saved.conversation);
    }, onReload);
  return (
    <div>
      <h3>{t('talk.confirmHeading')}</h3>
      <div className="actions">
        <Button className="button" onPress={() => void send('confirmation', t('talk.confirmYesText'))}>
          {t('talk.confirmYes')}
        </Button>
      </div>
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          void send('correction', text);
        }}
      >
        <TextAreaField name="text" label={t('talk.write.correction')} description={t('talk.write.correctionHint')} value={text} onChange={setText} maxLength={4000} isRequired />
        <AlertMessage message={error} />
        <SubmitButton pending={busy} pendingLabel={t('talk.sending')}>
          {t('talk.correct')}
        </SubmitButton>
      </Form>
    </div>
  );
}

function Transcript({ c }: { c: Conv }) {
  return (
    <section aria-labelledby="talk-transcript">
      <h2 id="talk-transcript">{t('talk.transcriptHeading')}</h2>
      {c.turns.length === 0 ? (
        <p>{t('talk.transcriptEmpty')}</p>
      ) : (
        <ol className="talk-transcript">
          {c.turns.map((turn) => (
            <li key={turn.id} className={`talk-turn talk-turn-${turn.author}`}>
              <p className="hint">
                {t(`talk.author.${turn.author}`)} · {t(`talk.kind.${turn.kind}`)}
              </p>
              <p className="talk-turn-text">{turn.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Closing({ c, onChange, onScreening }: { c: Conv; onChange: (c: Conv) => void; onScreening: (s: Screening) => void }) {
  const [kind, setKind] = useState<'none' | 'agreement' | 'commitment'>('none');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [day, setDay] = useState(localDay(Date.now(), zone));
  const { busy, error, run } = useRunner();
  const options = (c.mode === 'couple' ? (['none', 'agreement', 'commitment'] as const) : (['none'] as const)).map((id) => ({ id, label: t(`talk.outcome.${id}`) }));
  return (
    <section aria-labelledby="talk-closing" className="card">
      <h2 id="talk-closing">{t('talk.closingHeading')}</h2>
      <p className="hint">{t('talk.closingHint')}</p>
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          const outcome: ConversationFinish['outcome'] =
            kind === 'agreement'
              ? { kind, agreement: { topic: 'other', title, text, reviewDay: null }, timeZone: zone }
              : kind === 'commitment'
                ? { kind, commitment: { title, startDay: day, recurrence: null, timeZone: zone } }
                : { kind: 'none' };
          void run(async () => {
            const { screening, ...finished } = await finishConversation(c.id, { outcome });
            onScreening(screening);
            onChange(finished);
          });
        }}
      >
        <RadioGroupField name="outcome" label={t('talk.outcomeLabel')} options={options} value={kind} onChange={setKind} />
        {kind === 'agreement' && (
          <>
            <ShortTextField name="title" label={t('talk.agreementTitle')} value={title} onChange={setTitle} maxLength={200} isRequired />
            <TextAreaField name="text" label={t('talk.agreementText')} value={text} onChange={setText} maxLength={4000} isRequired />
          </>
        )}
        {kind === 'commitment' && (
          <>
            <ShortTextField name="title" label={t('talk.commitmentTitle')} value={title} onChange={setTitle} maxLength={200} isRequired />
            <ShortTextField name="startDay" type="date" label={t('talk.commitmentDay')} value={day} onChange={setDay} isRequired />
          </>
        )}
        <AlertMessage message={error} />
        <SubmitButton pending={busy} pendingLabel={t('talk.finishing')}>
          {t('talk.finish')}
        </SubmitButton>
      </Form>
    </section>
  );
}

function Ended({ c }: { c: Conv }) {
  return (
    <section aria-labelledby="talk-ended" className="card">
      <h2 id="talk-ended">{t('talk.endedHeading')}</h2>
      <p>{t('talk.endedBody')}</p>
      {c.outcome?.kind === 'agreement' && (
        <p>
          {t('talk.outcomeMade.agreement')} <AppLink to="/couple/agreements">{t('talk.seeAgreements')}</AppLink>
        </p>
      )}
      {c.outcome?.kind === 'commitment' && (
        <p>
          {t('talk.outcomeMade.commitment')} <AppLink to="/couple/commitments">{t('talk.seeCommitments')}</AppLink>
        </p>
      )}
    </section>
  );
}

function LeaveButton({ onLeave }: { onLeave: () => void }) {
  const [asking, setAsking] = useState(false);
  return (
    <div className="actions talk-leave">
      {asking ? (
        <>
          <p>{t('talk.leaveConfirm')}</p>
          <Button className="button button-danger-outline" onPress={onLeave}>
            {t('talk.leaveYes')}
          </Button>
          <Button className="button button-quiet" onPress={() => setAsking(false)}>
            {t('app.cancel')}
          </Button>
        </>
      ) : (
        <Button className="button button-quiet" onPress={() => setAsking(true)}>
          {t('talk.leave')}
        </Button>
      )}
    </div>
  );
}
