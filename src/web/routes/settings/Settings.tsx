import type { MouseEvent } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { t, type MessageKey } from '../../lib/i18n';
import { DeleteAccountSection } from './DeleteAccountSection';
import { PasswordSection } from './PasswordSection';
import { ProfileSection } from './ProfileSection';
import { RemindersSection } from './RemindersSection';
import { SessionsSection } from './SessionsSection';
import { TwoFactorSection } from './TwoFactorSection';

const SECTIONS: ReadonlyArray<{ id: string; label: MessageKey }> = [
  { id: 'profile', label: 'settings.profile.heading' },
  { id: 'reminders', label: 'notifications.heading' },
  { id: 'password', label: 'settings.password.heading' },
  { id: 'sessions', label: 'settings.sessions.heading' },
  { id: 'two-factor', label: 'settings.twoFactor.heading' },
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
      <PasswordSection />
      <SessionsSection />
      <TwoFactorSection />
      <DeleteAccountSection />
    </div>
  );
}
