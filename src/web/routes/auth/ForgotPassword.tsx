import { useState } from 'react';
import { Form } from 'react-aria-components';
import { emailSchema } from '../../../core/schemas/auth';
import { AppLink } from '../../components/AppLink';
import { SubmitButton, TextInput } from '../../components/fields';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { api, ApiError } from '../../lib/api';
import { t } from '../../lib/i18n';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';

export default function ForgotPassword() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);

  const form = useAsyncForm(async () => {
    setSent(false);
    const parsed = emailSchema.safeParse(email);
    if (!parsed.success) throw new InvalidFields({ email: parsed.error.issues[0]?.message ?? t('validation.required') });
    try {
      await api('/api/auth/request-password-reset', { body: { email: parsed.data, redirectTo: '/reset-password' } });
    } catch (error) {
      // The answer must not reveal whether an account exists: only rate limits, network trouble
      // and server failures are worth mentioning; anything else gets the same neutral message.
      const worthSaying = error instanceof ApiError && (error.status === 429 || error.status === 0 || error.status >= 500);
      if (worthSaying || !(error instanceof ApiError)) throw error;
    }
    setSent(true);
  });

  return (
    <div className="page">
      <PageHeading title={t('forgot.title')}>{t('forgot.heading')}</PageHeading>
      <p>{t('forgot.lead')}</p>
      <StatusMessage message={sent ? t('forgot.sent') : undefined} />
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <AlertMessage message={form.general} />
        <TextInput name="email" type="email" label={t('fields.email')} value={email} onChange={setEmail} autoComplete="email" spellCheck="false" autoCapitalize="none" isRequired />
        <SubmitButton pending={form.pending} pendingLabel={t('forgot.submitting')}>
          {t('forgot.submit')}
        </SubmitButton>
      </Form>
      <p>
        <AppLink to="/sign-in">{t('forgot.backToSignIn')}</AppLink>
      </p>
    </div>
  );
}
