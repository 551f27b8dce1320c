import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { AppLink } from '../../components/AppLink';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { EXPORT_DOWNLOAD_PATH, fetchExport, type ExportDocument } from '../../lib/export-api';
import { formatDateTime, formatDay } from '../../lib/format';
import { registerMessages, t, type MessageKey } from '../../lib/i18n';
import { exportEn } from '../../lib/messages/export.en';
import { useResource } from '../../lib/use-resource';
import { useTimeZone } from '../../lib/use-time-zone';

registerMessages('export', exportEn);

/*
 * "Export all my data" (/settings/export, docs/decisions/030): the JSON file to save, and the same
 * document as a readable page with a heading per area, printable (the print rules in app.css hide
 * the header, navigation, quick exit and anything marked .no-print). Nothing is stored on the
 * device: the document lives only in this page's state.
 */

const JOURNAL_FIELDS = ['whatHappened', 'place', 'people', 'topicOther', 'bodyCuesOther', 'urgeOther', 'story', 'evidenceFor', 'evidenceAgainst', 'reframe'] as const;

function Section({ id, heading, count, children }: { id: string; heading: MessageKey; count: number; children: ReactNode }) {
  return (
    <section aria-labelledby={`export-${id}`} className="export-section">
      <h2 id={`export-${id}`}>{t(heading)}</h2>
      {count === 0 ? <p>{t('export.empty')}</p> : children}
    </section>
  );
}

/** A label and its words; empty words are left out, so the page reads like the person wrote it. */
function Fields({ items }: { items: ReadonlyArray<[string, string | null | undefined]> }) {
  const shown = items.filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (shown.length === 0) return null;
  return (
    <dl className="export-fields">
      {shown.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Item({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <article className="export-item">
      <h3>{heading}</h3>
      {children}
    </article>
  );
}

function Document({ doc, zone }: { doc: ExportDocument; zone: string }) {
  const when = (iso: string) => formatDateTime(iso, zone);
  const c = doc.couple;
  const coupleCount =
    c.checkins.length + c.commitments.length + c.agreements.versionsIWrote.length + c.agreements.acceptances.length + c.boundaries.length + c.activities.reflections.length + c.repairs.length + c.cycleSides.length + c.conversations.length + c.apologies.length;
  return (
    <div className="export-document">
      <p>{t('export.page.exportedAt', { when: when(doc.exportedAt) })}</p>

      <Section id="account" heading="export.sections.account" count={1}>
        <Fields
          items={[
            [t('export.fields.name'), doc.account.profile?.displayName ?? doc.account.name],
            [t('export.fields.email'), doc.account.email],
            [t('export.fields.createdAt'), when(doc.account.createdAt)],
            [t('export.fields.timeZone'), doc.account.profile?.timeZone],
            [t('export.fields.twoFactor'), doc.account.twoFactorEnabled ? t('export.fields.on') : t('export.fields.off')],
          ]}
        />
      </Section>

      <Section id="journal" heading="export.sections.journal" count={doc.journal.length}>
        {doc.journal.map((e) => (
          <Item key={e.id} heading={when(e.occurredAt)}>
            <Fields items={JOURNAL_FIELDS.map((f) => [t(`export.journalFields.${f}`), e.text[f]] as [string, string | undefined])} />
            {e.tags.length > 0 ? <p>{e.tags.join(', ')}</p> : null}
          </Item>
        ))}
      </Section>

      <Section id="origins" heading="export.sections.origins" count={doc.origins.length}>
        {doc.origins.map((o) => (
          <Item key={o.id} heading={when(o.createdAt)}>
            <Fields items={o.roots.map((r) => [`${r.root.replace(/_/g, ' ')} — ${r.resonates ? t('export.fields.resonates') : t('export.fields.doesNotResonate')}`, r.notes || '—'] as [string, string])} />
          </Item>
        ))}
      </Section>

      <Section id="urges" heading="export.sections.urges" count={doc.urges.length}>
        {doc.urges.map((u) => (
          <Item key={u.id} heading={`${when(u.occurredAt)} · ${u.actedOn ? t('export.fields.actedOn') : t('export.fields.letPass')}`}>
            <Fields items={[[t('export.fields.urge'), u.urge], [t('export.fields.fear'), u.fear], [t('export.fields.insteadDid'), u.insteadDid]]} />
          </Item>
        ))}
      </Section>

      <Section id="self-worth" heading="export.sections.selfWorth" count={doc.selfWorth.length}>
        <ul>
          {doc.selfWorth.map((s) => (
            <li key={s.id}>
              {formatDay(s.day)} · {s.text} ({s.done ? t('export.fields.done') : t('export.fields.notDone')})
            </li>
          ))}
        </ul>
      </Section>

      <Section id="checkups" heading="export.sections.checkups" count={doc.checkups.length}>
        <ul>
          {doc.checkups.map((a) => (
            <li key={a.id}>
              {when(a.takenAt)} · {a.instrument} · {t('export.fields.scores')}: {Object.entries(a.scores).map(([k, v]) => `${k} ${v}`).join(', ')}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="reminders" heading="export.sections.reminders" count={1}>
        <Fields
          items={[[t('export.fields.reminder'), doc.reminders.checkinReminder ? t('export.fields.reminderAt', { time: doc.reminders.reminderTime }) : t('export.fields.off')]]}
        />
      </Section>

      <Section id="couple" heading="export.sections.couple" count={coupleCount}>
        {c.checkins.map((x) => (
          <Item key={x.id} heading={`${formatDay(x.day)} · ${t('export.fields.mood', { mood: x.mood })}`}>
            <Fields items={[[t('export.labels.highPoint'), x.highPoint], [t('export.labels.heavy'), x.heavy], [t('export.labels.appreciation'), x.appreciation], [t('export.labels.need'), x.need]]} />
          </Item>
        ))}
        {c.commitments.map((x) => (
          <Item key={x.id} heading={x.title}>
            <Fields items={[[t('export.labels.details'), x.details], [t('export.fields.record'), x.record.map((r) => `${formatDay(r.day)} ${r.outcome}`).join(', ')]]} />
          </Item>
        ))}
        {c.agreements.versionsIWrote.map((v) => (
          <Item key={`${v.agreementId}-${v.number}`} heading={`${v.title} · ${t('export.fields.version', { number: v.number })}`}>
            <p>{v.text}</p>
          </Item>
        ))}
        {c.agreements.acceptances.length > 0 ? (
          <ul>
            {c.agreements.acceptances.map((a) => (
              <li key={`${a.agreementId}-${a.number}`}>
                {t('export.fields.accepted', { number: a.number, who: a.writtenBy === 'me' ? t('export.fields.writtenByMe') : t('export.fields.writtenByPartner') })} · {when(a.acceptedAt)}
              </li>
            ))}
          </ul>
        ) : null}
        {c.boundaries.map((b) => (
          <Item key={b.id} heading={b.removed ? t('export.fields.removed') : when(b.createdAt)}>
            <p>{b.text}</p>
          </Item>
        ))}
        {c.activities.reflections.map((r) => (
          <Item key={r.planId} heading={r.activityId}>
            <Fields items={[[t('export.labels.howItWent'), r.howItWent], [t('export.labels.learned'), r.learned]]} />
          </Item>
        ))}
        {c.repairs.map((r) => (
          <Item key={r.id} heading={formatDay(r.day)}>
            <Fields items={[[t('export.labels.rupture'), r.rupture], [t('export.labels.attempt'), r.attempt], [t('export.labels.helped'), r.helped]]} />
          </Item>
        ))}
        {c.cycleSides.map((s) => (
          <Item key={s.coupleId} heading={when(s.updatedAt)}>
            <Fields items={[[t('export.labels.trigger'), s.trigger], [t('export.labels.feel'), s.feel], [t('export.labels.tendTo'), [...s.tendTo.choices, s.tendTo.other].filter(Boolean).join(', ')], [t('export.labels.fear'), s.fear], [t('export.labels.needCycle'), s.need]]} />
          </Item>
        ))}
        {c.conversations.map((conv) => (
          <Item key={conv.id} heading={when(conv.createdAt)}>
            <Fields items={conv.myTurns.map((turn) => [t('export.fields.myTurn', { seq: turn.seq }), turn.text] as [string, string])} />
          </Item>
        ))}
        {c.apologies.map((a) => (
          <Item key={a.id} heading={when(a.createdAt)}>
            <Fields items={[[t('export.labels.what'), a.what], [t('export.labels.impact'), a.impact], [t('export.labels.responsibility'), a.responsibility], [t('export.labels.different'), a.different]]} />
          </Item>
        ))}
      </Section>

      <Section id="care" heading="export.sections.care" count={doc.care.links.length + doc.care.accessLog.length}>
        {doc.care.links.map((l) => (
          <Item key={l.id} heading={`${l.therapist} · ${l.practice}`}>
            <Fields
              items={[
                [t('export.fields.grants'), l.grants.filter((g) => g.revokedAt === null).map((g) => g.category).join(', ')],
                [t('export.fields.homework'), l.homework.map((h) => `${h.title}${h.note ? ` — ${h.note}` : ''}`).join('; ')],
              ]}
            />
          </Item>
        ))}
        {doc.care.accessLog.length > 0 ? (
          <>
            <h3>{t('export.fields.accessLog')}</h3>
            <ul>
              {doc.care.accessLog.map((a, i) => (
                <li key={i}>
                  {when(a.at)} · {a.therapist} · {a.category}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>
    </div>
  );
}

export default function Export() {
  const { timeZone } = useTimeZone();
  const resource = useResource((signal) => fetchExport(signal));
  return (
    <div className="page export-page">
      <PageHeading title={t('export.page.title')}>{t('export.page.title')}</PageHeading>
      <p>{t('export.page.lead')}</p>
      <p>{t('export.page.privacy')}</p>
      <div className="no-print export-actions">
        <p>
          <a className="button" href={EXPORT_DOWNLOAD_PATH} download>
            {t('export.page.download')}
          </a>{' '}
          <Button className="button button-secondary" onPress={() => window.print()} isDisabled={!resource.data}>
            {t('export.page.print')}
          </Button>
        </p>
        <p>{t('export.page.formatNote')}</p>
        <p>
          <AppLink to="/settings">{t('export.page.back')}</AppLink>
        </p>
      </div>
      <StatusMessage message={resource.loading ? t('export.page.loading') : undefined} />
      {resource.error ? (
        <div>
          <AlertMessage message={t('export.page.failed')} />
          <Button className="button button-secondary" onPress={resource.reload}>
            {t('export.page.retry')}
          </Button>
        </div>
      ) : null}
      {resource.data ? <Document doc={resource.data} zone={timeZone} /> : null}
    </div>
  );
}
