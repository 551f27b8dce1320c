import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useLocation } from 'react-router';
import { z } from 'zod';
import { emailSchema } from '../../../core/schemas/auth';
import { AppLink, useReplaceNavigate } from '../../components/AppLink';
import { SubmitButton, TextInput } from '../../components/fields';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { api, ApiError, errorMessage } from '../../lib/api';
import { zodFieldErrors } from '../../lib/form';
import { t } from '../../lib/i18n';
import { noticeFromState } from '../../lib/notices';
import { forgetSession } from '../../lib/session';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';

const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, t('validation.passwordRequired')),
});

export default function SignIn() {
  const navigate = useReplaceNavigate();
  const notice = noticeFromState(useLocation().state);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [unverifiedEmail, setUnverifiedEmail] = useState<string>();
  const [status, setStatus] = useState<string | undefined>(notice ? t(notice) : undefined);
  const [resending, setResending] = useState(false);

  const form = useAsyncForm(async () => {
    setUnverifiedEmail(undefined);
    setStatus(undefined);
    const parsed = signInSchema.safeParse({ email, password });
    if (!parsed.success) throw new InvalidFields(zodFieldErrors(parsed.error));
    try {
      const result = await api<{ twoFactorRedirect?: boolean } | null>('/api/auth/sign-in/email', { body: parsed.data });
      forgetSession();
      navigate(result?.twoFactorRedirect === true ? '/two-factor' : '/home');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'EMAIL_NOT_VERIFIED') {
        setUnverifiedEmail(parsed.data.email);
        return;
      }
      throw error;
    }
  });

  const resend = async () => {
    if (!unverifiedEmail || resending) return;
    setResending(true);
    try {
      await api('/api/auth/send-verification-email', { body: { email: unverifiedEmail, callbackURL: '/verified' } });
      setStatus(t('signIn.resent'));
      setUnverifiedEmail(undefined);
    } catch (error) {
      form.setGeneral(errorMessage(error));
    } finally {
      setResending(false);
    }
  };

  return (
    <div className="page">
      <PageHeading title={t('signIn.title')}>{t('signIn.heading')}</PageHeading>
      <StatusMessage message={status} />
      {unverifiedEmail && (
        <div role="alert" className="callout">
          <p>{t('signIn.notVerified')}</p>
          <Button className="button button-secondary" onPress={() => void resend()}>
            {resending ? t('signIn.resending') : t('signIn.resend')}
          </Button>
        </div>
      )}
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <AlertMessage message={form.general} />
        <TextInput name="email" type="email" label={t('fields.email')} value={email} onChange={setEmail} autoComplete="username" spellCheck="false" autoCapitalize="none" isRequired />
        <TextInput name="password" type="password" label={t('fields.password')} value={password} onChange={setPassword} autoComplete="current-password" isRequired />
        <SubmitButton pending={form.pending} pendingLabel={t('signIn.submitting')}>
          {t('signIn.submit')}
        </SubmitButton>
      </Form>
      <p>
        <AppLink to="/forgot-password">{t('signIn.forgot')}</AppLink>
      </p>
      <p>
        {t('signIn.noAccount')} <AppLink to="/sign-up">{t('signIn.signUpLink')}</AppLink>
      </p>
    </div>
  );
}
