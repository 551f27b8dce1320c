import { useState } from 'react';
import { AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { errorMessage } from '../../lib/api';
import { t } from '../../lib/i18n';
import { deviceTimeZone, loadProfile, saveProfile } from '../../lib/profile';
import { useResource } from '../../lib/use-resource';
import { useSessionData } from '../../lib/session-context';
import type { Profile } from '../../../core/schemas/profile';

function TimeZoneCard({ profile, onSaved }: { profile: Profile; onSaved: (profile: Profile) => void }) {
  const detected = deviceTimeZone();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const save = async () => {
    if (!detected || saving) return;
    setSaving(true);
    setError(undefined);
    try {
      onSaved(await saveProfile(profile, { timeZone: detected }));
    } catch (reason) {
      setError(errorMessage(reason));
      setSaving(false);
    }
  };

  return (
    <section className="card" aria-labelledby="tz-heading">
      <h2 id="tz-heading">{t('home.tzHeading')}</h2>
      <p>{t('home.tzBody')}</p>
      {detected && <p>{t('home.tzDetected', { tz: detected })}</p>}
      <AlertMessage message={error} />
      <p className="actions">
        {detected && (
          <button type="button" className="button" onClick={() => void save()}>
            {saving ? t('app.saving') : t('home.tzSave')}
          </button>
        )}
        <AppLink to="/settings">{t('home.tzOther')}</AppLink>
      </p>
    </section>
  );
}

// Plain <button>s here (not React Aria's): the home page then loads without the form library.
export default function Home() {
  const { user } = useSessionData();
  const profile = useResource((signal) => loadProfile(signal));
  const [status, setStatus] = useState<string>();
  const name = profile.data?.displayName ?? user.name;

  return (
    <div className="page">
      <PageHeading title={t('home.title')}>{name ? t('home.heading', { name }) : t('home.headingNoName')}</PageHeading>
      <p className="lead">{t('home.lead')}</p>
      <StatusMessage message={status} />
      {profile.loading && <Loading />}
      {profile.error !== undefined && (
        <div className="callout">
          <AlertMessage message={errorMessage(profile.error)} />
          <button type="button" className="button button-secondary" onClick={profile.reload}>
            {t('app.retry')}
          </button>
        </div>
      )}
      {profile.data && profile.data.timeZone === null && (
        <TimeZoneCard
          profile={profile.data}
          onSaved={(updated) => {
            profile.setData(updated);
            setStatus(t('home.tzSaved'));
            // The card (and the focused button) goes away: keep focus on the page, not <body>.
            document.querySelector<HTMLElement>('#main h1')?.focus();
          }}
        />
      )}
      <section aria-labelledby="reflect-heading">
        <h2 id="reflect-heading">{t('home.reflectHeading')}</h2>
        <p>{t('home.reflectLead')}</p>
        <ul className="cards">
          <li className="card">
            <h3>
              <AppLink to="/journal/quick">{t('home.reflectQuick')}</AppLink>
            </h3>
            <p>{t('home.reflectQuickHint')}</p>
          </li>
          <li className="card">
            <h3>
              <AppLink to="/journal/prompts">{t('home.reflectPrompt')}</AppLink>
            </h3>
            <p>{t('home.reflectPromptHint')}</p>
          </li>
          <li className="card">
            <h3>
              <AppLink to="/journal">{t('home.reflectJournal')}</AppLink>
            </h3>
            <p>{t('home.reflectJournalHint')}</p>
          </li>
        </ul>
      </section>
      <section aria-labelledby="understand-heading">
        <h2 id="understand-heading">{t('home.understandHeading')}</h2>
        <p>{t('home.understandLead')}</p>
        <ul className="cards">
          <li className="card">
            <h3>
              <AppLink to="/insights">{t('home.understandInsights')}</AppLink>
            </h3>
            <p>{t('home.understandInsightsHint')}</p>
          </li>
          <li className="card">
            <h3>
              <AppLink to="/assessments">{t('home.understandCheckUps')}</AppLink>
            </h3>
            <p>{t('home.understandCheckUpsHint')}</p>
          </li>
          <li className="card">
            <h3>
              <AppLink to="/lessons">{t('home.understandLessons')}</AppLink>
            </h3>
            <p>{t('home.understandLessonsHint')}</p>
          </li>
        </ul>
      </section>
      <section className="card guidance-card" aria-labelledby="guidance-card-heading">
        <h2 id="guidance-card-heading">
          <AppLink to="/guidance">{t('lessons.guidanceCardHeading')}</AppLink>
        </h2>
        <p>{t('lessons.guidanceCardBody')}</p>
      </section>
      <section aria-labelledby="soon-heading">
        <h2 id="soon-heading">{t('home.soonHeading')}</h2>
        <p>{t('home.soonLead')}</p>
        <ul className="plain-list">
          <li>{t('home.soonTherapist')}</li>
        </ul>
      </section>
    </div>
  );
}
