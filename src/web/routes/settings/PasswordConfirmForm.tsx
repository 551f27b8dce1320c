import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { SubmitButton, TextInput } from '../../components/fields';
import { AlertMessage } from '../../components/Messages';
import { t } from '../../lib/i18n';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';

/** "Confirm with your password" before a sensitive change. Takes focus when it appears. */
export function PasswordConfirmForm({
  lead,
  submitLabel,
  onConfirm,
  onCancel,
  variant = 'primary',
}: {
  lead: string;
  submitLabel: string;
  onConfirm: (password: string) => Promise<void>;
  onCancel: () => void;
  variant?: 'primary' | 'danger';
}) {
  const [password, setPassword] = useState('');
  const form = useAsyncForm(async () => {
    if (password.length === 0) throw new InvalidFields({ password: t('validation.passwordRequired') });
    await onConfirm(password);
  }, { INVALID_PASSWORD: 'password' });

  return (
    <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
      <p>{lead}</p>
      <AlertMessage message={form.general} />
      <TextInput name="password" type="password" label={t('fields.password')} value={password} onChange={setPassword} autoComplete="current-password" autoFocus isRequired />
      <div className="actions">
        <SubmitButton pending={form.pending} pendingLabel={t('app.saving')} variant={variant}>
          {submitLabel}
        </SubmitButton>
        <Button className="button button-secondary" onPress={onCancel}>
          {t('app.cancel')}
        </Button>
      </div>
    </Form>
  );
}
