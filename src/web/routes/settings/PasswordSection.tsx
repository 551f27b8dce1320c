import { useState } from 'react';
import { Form } from 'react-aria-components';
import { passwordSchema } from '../../../core/schemas/auth';
import { CheckboxField, SubmitButton, TextInput } from '../../components/fields';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { api } from '../../lib/api';
import { t } from '../../lib/i18n';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { SettingsSection } from './SettingsSection';

const CODE_FIELDS = {
  INVALID_PASSWORD: 'currentPassword',
  PASSWORD_TOO_SHORT: 'newPassword',
  PASSWORD_TOO_LONG: 'newPassword',
  PASSWORD_COMPROMISED: 'newPassword',
  PASSWORD_TOO_COMMON: 'newPassword',
};

export function PasswordSection() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [revokeOtherSessions, setRevokeOtherSessions] = useState(true);
  const [status, setStatus] = useState<string>();

  const form = useAsyncForm(async () => {
    setStatus(undefined);
    const errors: Record<string, string> = {};
    if (currentPassword.length === 0) errors.currentPassword = t('validation.passwordRequired');
    const parsed = passwordSchema.safeParse(newPassword);
    if (!parsed.success) errors.newPassword = parsed.error.issues[0]?.message ?? t('validation.required');
    if (Object.keys(errors).length > 0) throw new InvalidFields(errors);
    await api('/api/auth/change-password', { body: { currentPassword, newPassword, revokeOtherSessions } });
    setCurrentPassword('');
    setNewPassword('');
    setStatus(t('settings.password.done'));
  }, CODE_FIELDS);

  return (
    <SettingsSection id="password" heading={t('settings.password.heading')}>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <AlertMessage message={form.general} />
        <TextInput name="currentPassword" type="password" label={t('fields.currentPassword')} value={currentPassword} onChange={setCurrentPassword} autoComplete="current-password" isRequired />
        <TextInput name="newPassword" type="password" label={t('fields.newPassword')} description={t('fields.passwordHint')} value={newPassword} onChange={setNewPassword} autoComplete="new-password" isRequired />
        <CheckboxField name="revokeOtherSessions" isSelected={revokeOtherSessions} onChange={setRevokeOtherSessions}>
          {t('settings.password.revokeOthers')}
        </CheckboxField>
        <StatusMessage message={status} />
        <SubmitButton pending={form.pending} pendingLabel={t('app.saving')}>
          {t('settings.password.save')}
        </SubmitButton>
      </Form>
    </SettingsSection>
  );
}
