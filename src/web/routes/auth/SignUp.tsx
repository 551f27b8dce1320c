import { useState } from 'react';
import { Form } from 'react-aria-components';
import { z } from 'zod';
import { displayNameSchema } from '../../../core/schemas/profile';
import { emailSchema, passwordSchema } from '../../../core/schemas/auth';
import { AppLink } from '../../components/AppLink';
import { SubmitButton, TextInput } from '../../components/fields';
import { AlertMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { api } from '../../lib/api';
import { zodFieldErrors } from '../../lib/form';
import { t } from '../../lib/i18n';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';

const signUpSchema = z.object({ name: displayNameSchema, email: emailSchema, password: passwordSchema });

const PASSWORD_CODES = {
  PASSWORD_TOO_SHORT: 'password',
  PASSWORD_TOO_LONG: 'password',
  PASSWORD_COMPROMISED: 'password',
  PASSWORD_TOO_COMMON: 'password',
  INVALID_EMAIL: 'email',
};

export default function SignUp() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState<string>();

  const form = useAsyncForm(async () => {
    const parsed = signUpSchema.safeParse({ name, email, password });
    if (!parsed.success) throw new InvalidFields(zodFieldErrors(parsed.error));
    await api('/api/auth/sign-up/email', { body: { ...parsed.data, callbackURL: '/verified' } });
    setSentTo(parsed.data.email);
  }, PASSWORD_CODES);

  if (sentTo) {
    return (
      <div className="page">
        <PageHeading title={t('signUp.checkTitle')}>{t('signUp.checkHeading')}</PageHeading>
        <p>{t('signUp.checkBody', { email: sentTo })}</p>
        <p>{t('signUp.checkSpam')}</p>
        <p>
          <AppLink to="/sign-in">{t('signUp.signInLink')}</AppLink>
        </p>
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeading title={t('signUp.title')}>{t('signUp.heading')}</PageHeading>
      <p>{t('signUp.lead')}</p>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <AlertMessage message={form.general} />
        <TextInput name="name" label={t('fields.name')} description={t('fields.nameHint')} value={name} onChange={setName} autoComplete="name" isRequired />
        <TextInput name="email" type="email" label={t('fields.email')} value={email} onChange={setEmail} autoComplete="email" spellCheck="false" autoCapitalize="none" isRequired />
        <TextInput
          name="password"
          type="password"
          label={t('fields.password')}
          description={t('fields.passwordHint')}
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          isRequired
        />
        <SubmitButton pending={form.pending} pendingLabel={t('signUp.submitting')}>
          {t('signUp.submit')}
        </SubmitButton>
      </Form>
      <p>
        {t('signUp.haveAccount')} <AppLink to="/sign-in">{t('signUp.signInLink')}</AppLink>
      </p>
    </div>
  );
}
