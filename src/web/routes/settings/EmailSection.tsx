import { useState } from 'react';
import { Form } from 'react-aria-components';
import { SubmitButton, TextInput } from '../../components/fields';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { api } from '../../lib/api';
import { t } from '../../lib/i18n';
import { useSessionData } from '../../lib/session-context';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { SettingsSection } from './SettingsSection';

const CODE_FIELDS = { INVALID_PASSWORD: 'currentPassword', PASSWORD_REQUIRED: 'currentPassword', INVALID_EMAIL: 'newEmail' };

/** Change the sign-in address: the current password, then a link sent to the new address (ADR 033). */
export function EmailSection() {
  const { user } = useSessionData();
  const [newEmail, setNewEmail] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [status, setStatus] = useState<string>();

  const form = useAsyncForm(async () => {
    setStatus(undefined);
    const errors: Record<string, string> = {};
    const email = newEmail.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.newEmail = t('validation.email');
    else if (email.toLowerCase() === user.email.toLowerCase()) errors.newEmail = t('settings.email.same');
    if (currentPassword.length === 0) errors.currentPassword = t('validation.passwordRequired');
    if (Object.keys(errors).length > 0) throw new InvalidFields(errors);
    await api('/api/auth/change-email', { body: { newEmail: email, currentPassword } });
    setCurrentPassword('');
    setNewEmail('');
    setStatus(t('settings.email.sent', { email }));
  }, CODE_FIELDS);

  return (
    <SettingsSection id="email" heading={t('settings.email.heading')}>
      <p>{t('settings.email.current', { email: user.email })}</p>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <AlertMessage message={form.general} />
        <TextInput name="newEmail" type="email" label={t('settings.email.newLabel')} value={newEmail} onChange={setNewEmail} autoComplete="email" isRequired />
        <TextInput name="currentPassword" type="password" label={t('fields.currentPassword')} value={currentPassword} onChange={setCurrentPassword} autoComplete="current-password" isRequired />
        <StatusMessage message={status} />
        <SubmitButton pending={form.pending} pendingLabel={t('app.saving')}>
          {t('settings.email.save')}
        </SubmitButton>
      </Form>
    </SettingsSection>
  );
}
