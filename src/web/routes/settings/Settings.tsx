import type { MouseEvent } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { AppLink } from '../../components/AppLink';
import { registerMessages, t, type MessageKey } from '../../lib/i18n';
import { safetyEn } from '../../lib/messages/safety.en';
import { exportEn } from '../../lib/messages/export.en';
import { DeleteAccountSection } from './DeleteAccountSection';
import { DiscreetSection } from './DiscreetSection';
import { EmailSection } from './EmailSection';
import { PasswordSection } from './PasswordSection';
import { ProfileSection } from './ProfileSection';
import { RemindersSection } from './RemindersSection';
import { SessionsSection } from './SessionsSection';
import { TwoFactorSection } from './TwoFactorSection';
import { SettingsSection } from './SettingsSection';

// The emergency reset's link wording (its page registers the same catalog).
registerMessages('safety', safetyEn);
// The export's link wording (its page registers the same catalog).
registerMessages('export', exportEn);

const SECTIONS: ReadonlyArray<{ id: string; label: MessageKey }> = [
  { id: 'profile', label: 'settings.profile.heading' },
  { id: 'reminders', label: 'notifications.heading' },
  { id: 'discreet', label: 'help.discreet.heading' },
  { id: 'email', label: 'settings.email.heading' },
  { id: 'password', label: 'settings.password.heading' },
  { id: 'sessions', label: 'settings.sessions.heading' },
  { id: 'two-factor', label: 'settings.twoFactor.heading' },
  { id: 'emergency-reset', label: 'safety.settingsLink.heading' },
  { id: 'export', label: 'export.settingsLink.heading' },
  { id: 'delete-account', label: 'settings.delete.heading' },
];

function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  // Focus the section heading without following "#id", which would add a history entry.
  event.preventDefault();
  const heading = document.getElementById(`${id}-heading`);
  heading?.focus();
  heading?.scrollIntoView({ block: 'start' });
}

export default function Settings() {
  return (
    <div className="page">
      <PageHeading title={t('settings.title')}>{t('settings.heading')}</PageHeading>
      <nav aria-label={t('settings.onThisPage')} className="toc">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}-heading`} onClick={(event) => jumpTo(event, section.id)}>
                {t(section.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ProfileSection />
      <RemindersSection />
      <DiscreetSection />
      <EmailSection />
      <PasswordSection />
      <SessionsSection />
      <TwoFactorSection />
      <SettingsSection id="emergency-reset" heading={t('safety.settingsLink.heading')}>
        <p>{t('safety.settingsLink.lead')}</p>
        <p>
          <AppLink to="/settings/emergency-reset">{t('safety.settingsLink.link')}</AppLink>
        </p>
      </SettingsSection>
      <SettingsSection id="export" heading={t('export.settingsLink.heading')}>
        <p>{t('export.settingsLink.lead')}</p>
        <p>
          <AppLink to="/settings/export">{t('export.settingsLink.link')}</AppLink>
        </p>
      </SettingsSection>
      <DeleteAccountSection />
    </div>
  );
}
