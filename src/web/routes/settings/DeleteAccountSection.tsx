import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useReplaceNavigate } from '../../components/AppLink';
import { SubmitButton, TextInput } from '../../components/fields';
import { AlertMessage } from '../../components/Messages';
import { api } from '../../lib/api';
import { t } from '../../lib/i18n';
import { afterSignOut } from '../../lib/device-data';
import { forgetSession } from '../../lib/session';
import { useSessionData } from '../../lib/session-context';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { SettingsSection } from './SettingsSection';

export function DeleteAccountSection() {
  const navigate = useReplaceNavigate();
  const { user } = useSessionData();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const word = t('settings.delete.confirmWord');

  const form = useAsyncForm(async () => {
    const errors: Record<string, string> = {};
    if (password.length === 0) errors.deletePassword = t('validation.passwordRequired');
    if (confirmation.trim().toLowerCase() !== word.toLowerCase()) errors.confirmation = t('settings.delete.confirmMismatch', { word });
    if (Object.keys(errors).length > 0) throw new InvalidFields(errors);
    await api('/api/auth/delete-user', { body: { password } });
    forgetSession();
    await afterSignOut({ accountDeleted: user.id });
    try {
      sessionStorage.clear();
    } catch {
      // Nothing to clear.
    }
    navigate('/', { state: { goodbye: true } });
  }, { INVALID_PASSWORD: 'deletePassword' });

  return (
    <SettingsSection id="delete-account" heading={t('settings.delete.heading')}>
      <p>{t('settings.delete.body')}</p>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <AlertMessage message={form.general} />
        <TextInput name="deletePassword" type="password" label={t('settings.delete.password')} value={password} onChange={setPassword} autoComplete="current-password" isRequired />
        <TextInput
          name="confirmation"
          label={t('settings.delete.confirm', { word })}
          value={confirmation}
          onChange={setConfirmation}
          autoComplete="off"
          spellCheck="false"
          autoCapitalize="none"
          isRequired
        />
        <SubmitButton pending={form.pending} pendingLabel={t('settings.delete.submitting')} variant="danger">
          {t('settings.delete.submit')}
        </SubmitButton>
      </Form>
    </SettingsSection>
  );
}
