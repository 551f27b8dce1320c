import { useState } from 'react';
import { Form } from 'react-aria-components';
import { TEND_TO_CHOICES, type Pattern, type TendToChoice } from '../../../core/couple/cycle';
import { cycleSideWriteSchema, type CycleMap, type CycleSide } from '../../../core/schemas/cycle';
import type { Screening } from '../../../core/schemas/reflect';
import { SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { SafetyPanel } from '../../components/reflect/SafetyPanel';
import { CheckboxGroupField, ShortTextField, TextAreaField } from '../../components/reflect/fields';
import { getCycleMap, saveMySide } from '../../lib/cycle-api';
import { issuePathsToFields } from '../../lib/entry-form';
import { t } from '../../lib/i18n';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { useResource } from '../../lib/use-resource';
import { NotLinkedNote, LoadFailed } from '../../components/couple/CouplePageStates';
import { useLiveEvents } from '../../lib/live';

/*
 * /couple/cycle: fill in my side of the loop ("when I feel …, I tend to …"); once both sides are
 * there, the shared loop is drawn (SVG) and told in order as a list (the equivalent, accessible
 * description). Without a partner the page says kindly where linking lives; it never pushes.
 */

export default function Cycle() {
  const map = useResource((signal) => getCycleMap(signal));
  // My partner's side arrives or changes: the loop redraws (my own form keeps what I typed).
  useLiveEvents(['cycle', 'couple'], map.reload);
  const [notice, setNotice] = useState<string>();
  const [screening, setScreening] = useState<Screening>();

  let body;
  if (map.error && !map.data) {
    body = (
      <LoadFailed message="cycle.loadFailed" error={map.error} onRetry={map.reload} />
    );
  } else if (!map.data) {
    body = <Loading />;
  } else if (!map.data.hasCouple) {
    body = (
      <NotLinkedNote id="cycle-not-linked" heading="cycle.notLinkedHeading" body="cycle.notLinked" link="cycle.notLinkedLink" />
    );
  } else {
    const data = map.data;
    body = (
      <div className="cycle">
        <StatusMessage message={notice} />
        {!data.linked && <p className="card">{t('cycle.archiveNote')}</p>}
        <SafetyPanel screening={screening} />
        <LoopSection data={data} />
        {data.canChange ? (
          <SideForm
            side={data.mine}
            onSaved={(next, s) => {
              map.setData(next);
              setScreening(s);
              setNotice(t('cycle.saved'));
            }}
          />
        ) : (
          <section aria-labelledby="cycle-mine">
            <h2 id="cycle-mine">{t('cycle.mineHeading')}</h2>
            {data.mine ? <SideView side={data.mine} /> : <p>{t('cycle.mineEmpty')}</p>}
          </section>
        )}
        <section aria-labelledby="cycle-partner">
          <h2 id="cycle-partner">{t('cycle.partnerHeading')}</h2>
          {data.partner ? <SideView side={data.partner} /> : <p>{t('cycle.partnerEmpty')}</p>}
        </section>
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeading title={t('cycle.title')} />
      <p className="lead">{t('cycle.intro')}</p>
      {body}
    </div>
  );
}

const tendLabel = (id: TendToChoice) => t(`cycle.tend.${id}`);
/** "reach out more or ask lots of questions, in my words: …" — the choices, then the person's own words. */
export function tendToText(choices: readonly TendToChoice[], other: string): string {
  return [...choices.map(tendLabel), ...(other ? [other] : [])].join(t('cycle.orJoin'));
}

function LoopSection({ data }: { data: CycleMap }) {
  const loop = data.loop;
  return (
    <section className="card cycle-loop" aria-labelledby="cycle-loop">
      <h2 id="cycle-loop">{t('cycle.loopHeading')}</h2>
      {!loop ? (
        <p>{data.mine && !data.partner ? t('cycle.waitingForPartner') : data.partner && !data.mine ? t('cycle.waitingForMe') : t('cycle.waiting')}</p>
      ) : (
        <>
          <LoopDrawing />
          <ol className="cycle-steps" aria-label={t('cycle.loopListLabel')}>
            {loop.steps.map((step, i) => {
              const text = step.kind === 'feel' ? step.text : tendToText(step.choices, step.text);
              const key = step.who === 'me' ? (step.kind === 'feel' ? 'cycle.stepMeFeel' : 'cycle.stepMeTend') : step.kind === 'feel' ? 'cycle.stepPartnerFeel' : 'cycle.stepPartnerTend';
              return <li key={i}>{t(key, { text })}</li>;
            })}
            <li>{t('cycle.stepBack', { text: loop.steps[0]?.text ?? '' })}</li>
          </ol>
          {loop.patterns.length > 0 && (
            <div className="cycle-patterns">
              <h3>{t('cycle.patternsHeading')}</h3>
              <ul>
                {loop.patterns.map((p: Pattern) => (
                  <li key={p}>{t(`cycle.pattern.${p}`)}</li>
                ))}
              </ul>
              <p className="hint">{t('cycle.patternsNote')}</p>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** Four nodes around a circle — my feeling, my reaction, my partner's feeling, their reaction — joined by arrows. */
function LoopDrawing() {
  const nodes = [
    { x: 160, y: 48, who: 'me', kind: 'feel' },
    { x: 272, y: 160, who: 'me', kind: 'tend' },
    { x: 160, y: 272, who: 'partner', kind: 'feel' },
    { x: 48, y: 160, who: 'partner', kind: 'tend' },
  ] as const;
  // Arcs between neighbouring nodes, clockwise, on the circle of radius 112 around (160, 160).
  const arcs = ['M 210 58 A 112 112 0 0 1 262 110', 'M 262 210 A 112 112 0 0 1 210 262', 'M 110 262 A 112 112 0 0 1 58 210', 'M 58 110 A 112 112 0 0 1 110 58'];
  return (
    <svg className="cycle-drawing" viewBox="0 0 320 320" role="img" aria-label={t('cycle.loopFigureLabel')}>
      <defs>
        <marker id="cycle-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="cycle-arrowhead" />
        </marker>
      </defs>
      {arcs.map((d) => (
        <path key={d} d={d} className="cycle-arc" fill="none" markerEnd="url(#cycle-arrow)" />
      ))}
      {nodes.map((n) => (
        <g key={`${n.who}-${n.kind}`} className={`cycle-node cycle-node-${n.who}`}>
          {n.who === 'me' ? <circle cx={n.x} cy={n.y} r="40" /> : <rect x={n.x - 40} y={n.y - 40} width="80" height="80" rx="14" />}
          <text x={n.x} y={n.y - 4} textAnchor="middle" className="cycle-node-who">
            {n.who === 'me' ? t('cycle.nodeMe') : t('cycle.nodePartner')}
          </text>
          <text x={n.x} y={n.y + 14} textAnchor="middle" className="cycle-node-kind">
            {n.kind === 'feel' ? t('cycle.nodeFeel') : t('cycle.nodeTend')}
          </text>
        </g>
      ))}
    </svg>
  );
}

function SideView({ side }: { side: CycleSide }) {
  return (
    <ul className="plain-list cycle-side">
      {side.trigger && <li>{t('cycle.sideTrigger', { text: side.trigger })}</li>}
      <li>{t('cycle.sideFeel', { text: side.feel })}</li>
      <li>{t('cycle.sideTendTo', { text: tendToText(side.tendTo.choices, side.tendTo.other) })}</li>
      {side.fear && <li>{t('cycle.sideFear', { text: side.fear })}</li>}
      {side.need && <li>{t('cycle.sideNeed', { text: side.need })}</li>}
    </ul>
  );
}

const fieldNames = (form: HTMLFormElement | null) => new Set(['tendTo.choices', ...Array.from(form?.elements ?? []).flatMap((el) => el.getAttribute('name') ?? [])]);

function SideForm({ side, onSaved }: { side: CycleSide | null; onSaved: (map: CycleMap, s: Screening) => void }) {
  const [trigger, setTrigger] = useState(side?.trigger ?? '');
  const [feel, setFeel] = useState(side?.feel ?? '');
  const [choices, setChoices] = useState<TendToChoice[]>(side?.tendTo.choices ?? []);
  const [other, setOther] = useState(side?.tendTo.other ?? '');
  const [fear, setFear] = useState(side?.fear ?? '');
  const [need, setNeed] = useState(side?.need ?? '');
  const form = useAsyncForm(async () => {
    const parsed = cycleSideWriteSchema.safeParse({ trigger, feel, tendTo: { choices, other }, fear, need });
    if (!parsed.success) throw new InvalidFields(issuePathsToFields(parsed.error.issues, fieldNames(form.ref.current)));
    const saved = await saveMySide(parsed.data);
    onSaved(saved.map, saved.screening);
  });
  return (
    <section className="card" aria-labelledby="cycle-mine">
      <h2 id="cycle-mine">{t('cycle.mineHeading')}</h2>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <ShortTextField name="trigger" label={t('cycle.fieldTrigger')} description={t('cycle.fieldTriggerHint')} value={trigger} onChange={setTrigger} maxLength={1000} />
        <ShortTextField name="feel" label={t('cycle.fieldFeel')} description={t('cycle.fieldFeelHint')} value={feel} onChange={setFeel} maxLength={500} isRequired />
        <CheckboxGroupField
          name="tendTo.choices"
          label={t('cycle.fieldTendTo')}
          description={t('cycle.fieldTendToHint')}
          options={TEND_TO_CHOICES.map((c) => ({ id: c.id, label: tendLabel(c.id) }))}
          value={choices}
          onChange={setChoices}
        />
        <ShortTextField name="tendTo.other" label={t('cycle.fieldTendToOther')} value={other} onChange={setOther} maxLength={500} />
        <TextAreaField name="fear" label={t('cycle.fieldFear')} description={t('cycle.optional')} value={fear} onChange={setFear} maxLength={1000} rows={2} />
        <TextAreaField name="need" label={t('cycle.fieldNeed')} description={t('cycle.optional')} value={need} onChange={setNeed} maxLength={1000} rows={2} />
        <AlertMessage message={form.general} />
        <SubmitButton pending={form.pending} pendingLabel={t('cycle.saving')}>
          {t('cycle.save')}
        </SubmitButton>
      </Form>
    </section>
  );
}
