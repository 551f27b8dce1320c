import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { localDay } from '../../../core/couple/commitments';
import type { Apology as ApologyItem, ApologyList } from '../../../core/schemas/conversations';
import type { Screening } from '../../../core/schemas/reflect';
import { AppLink } from '../../components/AppLink';
import { CoachedText } from '../../components/coach/CoachedText';
import { CheckboxField, SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { SafetyPanel } from '../../components/reflect/SafetyPanel';
import { RadioGroupField, ShortTextField } from '../../components/reflect/fields';
import { errorMessage } from '../../lib/api';
import { t } from '../../lib/i18n';
import { useLiveEvents } from '../../lib/live';
import { useResource } from '../../lib/use-resource';
import { useSubmissionKeys } from '../../lib/use-submission-keys';
import { apologyCommitment, createApology, deleteApology, listApologies, sendApology } from './talk-api';

/*
 * /talk/apology: the four parts, each with the coach reading along in 'apology' context; keep it
 * private or send it (only offered with a partner linked); "what I will do differently" can
 * become a commitment. Below: my apologies and those sent to me.
 */

const PARTS = [
  { id: 'what', label: 'talk.apologyWhat', hint: 'talk.apologyWhatHint' },
  { id: 'impact', label: 'talk.apologyImpact', hint: 'talk.apologyImpactHint' },
  { id: 'responsibility', label: 'talk.apologyResponsibility', hint: 'talk.apologyResponsibilityHint' },
  { id: 'different', label: 'talk.apologyDifferent', hint: 'talk.apologyDifferentHint' },
] as const;
type PartId = (typeof PARTS)[number]['id'];

export default function Apology() {
  const list = useResource((signal) => listApologies(signal));
  useLiveEvents(['apology', 'couple'], list.reload);
  const [notice, setNotice] = useState<string>();
  return (
    <>
      <PageHeading title={t('talk.apologyTitle')} />
      <p>
        <AppLink to="/talk">{t('talk.backToTalk')}</AppLink>
      </p>
      <p className="lead">{t('talk.apologyIntro')}</p>
      <StatusMessage message={notice} />
      {list.error && !list.data ? (
        <AlertMessage message={errorMessage(list.error)} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <>
          <Builder linked={list.data.linked} onSaved={(sent) => { setNotice(sent ? t('talk.apologySent') : t('talk.apologySaved')); list.reload(); }} />
          <Lists data={list.data} onNotice={setNotice} onReload={list.reload} />
        </>
      )}
    </>
  );
}

function Builder({ linked, onSaved }: { linked: boolean; onSaved: (sent: boolean) => void }) {
  const [parts, setParts] = useState<Record<PartId, string>>({ what: '', impact: '', responsibility: '', different: '' });
  const [send, setSend] = useState<'keep' | 'send'>('keep');
  const [commit, setCommit] = useState(false);
  const [commitTitle, setCommitTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [screening, setScreening] = useState<Screening>();
  const [formKey, setFormKey] = useState(0);
  const keys = useSubmissionKeys();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <section aria-labelledby="apology-builder" className="card">
      <h2 id="apology-builder" className="visually-hidden">
        {t('talk.apologyTitle')}
      </h2>
      <SafetyPanel screening={screening} headingLevel={3} />
      <Form
        key={formKey}
        onSubmit={async (e) => {
          e.preventDefault();
          if (busy) return;
          setBusy(true);
          setError(undefined);
          try {
            const body = {
              ...parts,
              send: linked && send === 'send',
              ...(linked && commit ? { commitment: { title: commitTitle.trim() || parts.different.slice(0, 200), startDay: localDay(Date.now(), zone), recurrence: null, timeZone: zone } } : {}),
            };
            const saved = await createApology(body, keys.keyFor(body));
            keys.done();
            setScreening(saved.screening);
            setParts({ what: '', impact: '', responsibility: '', different: '' });
            setCommit(false);
            setCommitTitle('');
            setFormKey((k) => k + 1);
            onSaved(saved.apology.status === 'sent');
          } catch (err) {
            setError(errorMessage(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        {PARTS.map((p) => (
          <CoachedText
            key={p.id}
            name={p.id}
            value={parts[p.id]}
            onChange={(v) => setParts((old) => ({ ...old, [p.id]: v }))}
            context="apology"
            label={t(p.label)}
            description={t(p.hint)}
            rows={3}
            maxLength={2000}
            isRequired
          />
        ))}
        {linked && (
          <>
            <RadioGroupField
              name="send"
              label={t('talk.apologySendLabel')}
              options={[
                { id: 'keep', label: t('talk.apologyKeep') },
                { id: 'send', label: t('talk.apologySend') },
              ]}
              value={send}
              onChange={setSend}
            />
            <CheckboxField name="commit" isSelected={commit} onChange={setCommit}>
              {t('talk.apologyCommit')}
            </CheckboxField>
            {commit && <ShortTextField name="commitTitle" label={t('talk.apologyCommitTitle')} value={commitTitle} onChange={setCommitTitle} maxLength={200} />}
          </>
        )}
        <AlertMessage message={error} />
        <SubmitButton pending={busy} pendingLabel={t('talk.apologySaving')}>
          {t('talk.apologySave')}
        </SubmitButton>
      </Form>
    </section>
  );
}

function Lists({ data, onNotice, onReload }: { data: ApologyList; onNotice: (m: string) => void; onReload: () => void }) {
  return (
    <>
      <section aria-labelledby="apology-mine">
        <h2 id="apology-mine">{t('talk.apologyMine')}</h2>
        {data.mine.length === 0 ? <p>{t('talk.apologyNone')}</p> : data.mine.map((a) => <ApologyCard key={a.id} a={a} linked={data.linked} onNotice={onNotice} onReload={onReload} />)}
      </section>
      {(data.linked || data.received.length > 0) && (
        <section aria-labelledby="apology-received">
          <h2 id="apology-received">{t('talk.apologyReceived')}</h2>
          {data.received.length === 0 ? <p>{t('talk.apologyNone')}</p> : data.received.map((a) => <ApologyCard key={a.id} a={a} linked={data.linked} onNotice={onNotice} onReload={onReload} />)}
        </section>
      )}
    </>
  );
}

function ApologyCard({ a, linked, onNotice, onReload }: { a: ApologyItem; linked: boolean; onNotice: (m: string) => void; onReload: () => void }) {
  const [error, setError] = useState<string>();
  const act = async (work: () => Promise<unknown>, notice: string) => {
    setError(undefined);
    try {
      await work();
      onNotice(notice);
      onReload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <article className="card apology-card" aria-labelledby={`apology-${a.id}`}>
      <h3 id={`apology-${a.id}`}>
        {a.what.length > 80 ? `${a.what.slice(0, 80)}…` : a.what} <span className="hint">({a.status === 'sent' ? t('talk.apologySentTag') : t('talk.apologyPrivate')})</span>
      </h3>
      <dl>
        {PARTS.map((p) => (
          <div key={p.id}>
            <dt>{t(p.label)}</dt>
            <dd>{a[p.id]}</dd>
          </div>
        ))}
      </dl>
      {a.commitmentId && <p className="hint">{t('talk.apologyCommitmentMade')}</p>}
      <AlertMessage message={error} />
      {a.author === 'me' && (
        <div className="actions">
          {a.status === 'private' && a.canSend && (
            <Button className="button button-secondary" onPress={() => void act(() => sendApology(a.id), t('talk.apologySent'))}>
              {t('talk.apologySendNow')}
            </Button>
          )}
          {linked && !a.commitmentId && (
            <Button
              className="button button-secondary"
              onPress={() => {
                const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
                void act(() => apologyCommitment(a.id, { title: a.different.slice(0, 200), startDay: localDay(Date.now(), zone), recurrence: null, timeZone: zone }), t('talk.apologyCommitmentMade'));
              }}
            >
              {t('talk.apologyMakeCommitment')}
            </Button>
          )}
          <Button className="button button-quiet" onPress={() => void act(() => deleteApology(a.id), t('talk.apologyDeleted'))}>
            {t('talk.apologyDelete')}
          </Button>
        </div>
      )}
    </article>
  );
}
