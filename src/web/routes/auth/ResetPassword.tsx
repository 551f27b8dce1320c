import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useSearchParams } from 'react-router';
import { passwordSchema } from '../../../core/schemas/auth';
import { AppLink } from '../../components/AppLink';
import { SubmitButton, TextInput } from '../../components/fields';
import { AlertMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { api, ApiError } from '../../lib/api';
import { t } from '../../lib/i18n';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';

const PASSWORD_CODES = {
  PASSWORD_TOO_SHORT: 'newPassword',
  PASSWORD_TOO_LONG: 'newPassword',
  PASSWORD_COMPROMISED: 'newPassword',
  PASSWORD_TOO_COMMON: 'newPassword',
};

/** Where the reset link lands: `?token=…`, or `?error=INVALID_TOKEN` when better-auth refused it. */
export default function ResetPassword() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const [invalid, setInvalid] = useState(params.has('error') || !token);
  const [done, setDone] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  const form = useAsyncForm(async () => {
    const parsed = passwordSchema.safeParse(newPassword);
    if (!parsed.success) throw new InvalidFields({ newPassword: parsed.error.issues[0]?.message ?? t('validation.required') });
    if (confirm !== newPassword) throw new InvalidFields({ confirmPassword: t('reset.mismatch') });
    try {
      await api('/api/auth/reset-password', { body: { newPassword, token } });
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'INVALID_TOKEN' || error.code === 'TOKEN_EXPIRED')) {
        setInvalid(true);
        return;
      }
      throw error;
    }
    setDone(true);
  }, PASSWORD_CODES);

  if (invalid) {
    return (
      <div className="page">
        <PageHeading title={t('reset.invalidHeading')} />
        <p>{t('reset.invalidBody')}</p>
        <p>
          <AppLink to="/forgot-password" className="button">
            {t('reset.requestNew')}
          </AppLink>
        </p>
      </div>
    );
  }

  if (done) {
    return (
      <div className="page">
        <PageHeading title={t('reset.doneHeading')} />
        <p>{t('reset.done')}</p>
        <p>
          <AppLink to="/sign-in" className="button">
            {t('reset.signIn')}
          </AppLink>
        </p>
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeading title={t('reset.title')}>{t('reset.heading')}</PageHeading>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <AlertMessage message={form.general} />
        <TextInput name="newPassword" type="password" label={t('fields.newPassword')} description={t('fields.passwordHint')} value={newPassword} onChange={setNewPassword} autoComplete="new-password" isRequired />
        <TextInput name="confirmPassword" type="password" label={t('fields.confirmPassword')} value={confirm} onChange={setConfirm} autoComplete="new-password" isRequired />
        <SubmitButton pending={form.pending} pendingLabel={t('reset.submitting')}>
          {t('reset.submit')}
        </SubmitButton>
      </Form>
    </div>
  );
}
