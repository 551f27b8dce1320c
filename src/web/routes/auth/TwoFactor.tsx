import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { AppLink, useReplaceNavigate } from '../../components/AppLink';
import { SubmitButton, TextInput } from '../../components/fields';
import { AlertMessage } from '../../components/Messages';
import { api, ApiError } from '../../lib/api';
import { PageHeading } from '../../components/PageHeading';
import { t } from '../../lib/i18n';
import { forgetSession } from '../../lib/session';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';

const CODE_ERRORS = { INVALID_CODE: 'code', INVALID_TWO_FACTOR_CODE: 'code', INVALID_BACKUP_CODE: 'code' };

/** The second step of signing in: a code from an authenticator app, or a backup code. */
export default function TwoFactor() {
  const navigate = useReplaceNavigate();
  const [useBackup, setUseBackup] = useState(false);
  const [code, setCode] = useState('');
  const [expired, setExpired] = useState(false);

  const form = useAsyncForm(async () => {
    const trimmed = code.replace(/\s+/g, '');
    if (!useBackup && !/^\d{6}$/.test(trimmed)) throw new InvalidFields({ code: t('twoFactor.codeFormat') });
    if (useBackup && trimmed.length === 0) throw new InvalidFields({ code: t('twoFactor.backupRequired') });
    const path = useBackup ? '/api/auth/two-factor/verify-backup-code' : '/api/auth/two-factor/verify-totp';
    try {
      await api(path, { body: { code: trimmed } });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'INVALID_TWO_FACTOR_COOKIE') setExpired(true);
      throw error;
    }
    forgetSession();
    navigate('/home');
  }, CODE_ERRORS);

  const toggle = () => {
    setUseBackup((value) => !value);
    setCode('');
  };

  return (
    <div className="page">
      <PageHeading title={t('twoFactor.title')}>{t('twoFactor.heading')}</PageHeading>
      <p>{useBackup ? t('twoFactor.leadBackup') : t('twoFactor.lead')}</p>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <AlertMessage message={form.general} />
        {useBackup ? (
          <TextInput key="backup" name="code" label={t('twoFactor.backupCode')} value={code} onChange={setCode} autoComplete="off" spellCheck="false" autoCapitalize="none" isRequired />
        ) : (
          <TextInput
            key="totp"
            name="code"
            label={t('twoFactor.code')}
            description={t('twoFactor.codeHint')}
            value={code}
            onChange={setCode}
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={6}
            isRequired
          />
        )}
        <SubmitButton pending={form.pending} pendingLabel={t('twoFactor.submitting')}>
          {t('twoFactor.submit')}
        </SubmitButton>
      </Form>
      <p>
        <Button className="link-button" onPress={toggle}>
          {useBackup ? t('twoFactor.useApp') : t('twoFactor.useBackup')}
        </Button>
      </p>
      {expired && (
        <p>
          <AppLink to="/sign-in">{t('twoFactor.startOver')}</AppLink>
        </p>
      )}
    </div>
  );
}
