import { useEffect, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { SubmitButton, TextInput } from '../../components/fields';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { api } from '../../lib/api';
import { t } from '../../lib/i18n';
import { useSessionData } from '../../lib/session-context';
import { groupInFours, secretFromOtpauthUri } from '../../lib/totp';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { PasswordConfirmForm } from './PasswordConfirmForm';
import { SettingsSection } from './SettingsSection';

type Mode = 'idle' | 'enable' | 'verify' | 'disable' | 'new-codes';

interface Setup {
  totpURI: string;
  backupCodes: string[];
}

function focusHeading() {
  document.getElementById('two-factor-heading')?.focus();
}

function BackupCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="callout" role="region" aria-labelledby="backup-codes-heading">
      <h3 id="backup-codes-heading" tabIndex={-1} ref={heading}>
        {t('settings.twoFactor.codesHeading')}
      </h3>
      <p>{t('settings.twoFactor.codesBody')}</p>
      <ul className="backup-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <Button className="button" onPress={onDone}>
        {t('settings.twoFactor.codesDone')}
      </Button>
    </div>
  );
}

function VerifySetup({ setup, onVerified, onCancel }: { setup: Setup; onVerified: () => Promise<void>; onCancel: () => void }) {
  const [code, setCode] = useState('');
  const secret = secretFromOtpauthUri(setup.totpURI);
  // The password form that led here is gone: start reading at the first instruction.
  const start = useRef<HTMLDivElement>(null);
  useEffect(() => start.current?.focus(), []);
  const form = useAsyncForm(async () => {
    const trimmed = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(trimmed)) throw new InvalidFields({ code: t('twoFactor.codeFormat') });
    await api('/api/auth/two-factor/verify-totp', { body: { code: trimmed } });
    await onVerified();
  }, { INVALID_CODE: 'code', INVALID_TWO_FACTOR_CODE: 'code' });

  return (
    <div ref={start} tabIndex={-1} className="focus-target">
      <p>{t('settings.twoFactor.step1')}</p>
      {secret && (
        <p>
          <span className="label">
            {t('settings.twoFactor.secretLabel')}
          </span>{' '}
          <code className="secret">
            {groupInFours(secret)}
          </code>
        </p>
      )}
      <p>
        <a href={setup.totpURI}>{t('settings.twoFactor.openApp')}</a>
      </p>
      <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
        <p>{t('settings.twoFactor.step2')}</p>
        <AlertMessage message={form.general} />
        <TextInput
          name="code"
          label={t('twoFactor.code')}
          value={code}
          onChange={setCode}
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={6}
          isRequired
        />
        <div className="actions">
          <SubmitButton pending={form.pending} pendingLabel={t('twoFactor.submitting')}>
            {t('settings.twoFactor.confirm')}
          </SubmitButton>
          <Button className="button button-secondary" onPress={onCancel}>
            {t('app.cancel')}
          </Button>
        </div>
      </Form>
    </div>
  );
}

export function TwoFactorSection() {
  const { user, refresh } = useSessionData();
  const enabled = user.twoFactorEnabled === true;
  const [mode, setMode] = useState<Mode>('idle');
  const [setup, setSetup] = useState<Setup>();
  const [codes, setCodes] = useState<string[]>();
  const [status, setStatus] = useState<string>();

  const cancel = () => {
    setMode('idle');
    setSetup(undefined);
    focusHeading();
  };

  const start = (next: Mode) => {
    setStatus(undefined);
    setMode(next);
  };

  return (
    <SettingsSection id="two-factor" heading={t('settings.twoFactor.heading')}>
      <p>{enabled ? t('settings.twoFactor.onBody') : t('settings.twoFactor.offBody')}</p>
      <StatusMessage message={status} />
      {codes && (
        <BackupCodes
          codes={codes}
          onDone={() => {
            setCodes(undefined);
            focusHeading();
          }}
        />
      )}

      {!codes && mode === 'idle' && !enabled && (
        <Button className="button" onPress={() => start('enable')}>
          {t('settings.twoFactor.turnOn')}
        </Button>
      )}
      {!codes && mode === 'idle' && enabled && (
        <div className="actions">
          <Button className="button button-secondary" onPress={() => start('new-codes')}>
            {t('settings.twoFactor.newCodes')}
          </Button>
          <Button className="button button-secondary" onPress={() => start('disable')}>
            {t('settings.twoFactor.turnOff')}
          </Button>
        </div>
      )}

      {mode === 'enable' && (
        <PasswordConfirmForm
          lead={t('settings.twoFactor.passwordLead')}
          submitLabel={t('settings.twoFactor.continue')}
          onCancel={cancel}
          onConfirm={async (password) => {
            const result = await api<Setup>('/api/auth/two-factor/enable', { body: { password } });
            setSetup(result);
            setMode('verify');
          }}
        />
      )}
      {mode === 'verify' && setup && (
        <VerifySetup
          setup={setup}
          onCancel={cancel}
          onVerified={async () => {
            setCodes(setup.backupCodes);
            setSetup(undefined);
            setMode('idle');
            setStatus(t('settings.twoFactor.enabled'));
            await refresh();
          }}
        />
      )}
      {mode === 'disable' && (
        <PasswordConfirmForm
          lead={t('settings.twoFactor.passwordLead')}
          submitLabel={t('settings.twoFactor.turnOffConfirm')}
          variant="danger"
          onCancel={cancel}
          onConfirm={async (password) => {
            await api('/api/auth/two-factor/disable', { body: { password } });
            setMode('idle');
            setStatus(t('settings.twoFactor.turnedOff'));
            await refresh();
            focusHeading();
          }}
        />
      )}
      {mode === 'new-codes' && (
        <PasswordConfirmForm
          lead={t('settings.twoFactor.newCodesLead')}
          submitLabel={t('settings.twoFactor.newCodesConfirm')}
          onCancel={cancel}
          onConfirm={async (password) => {
            const result = await api<{ backupCodes: string[] }>('/api/auth/two-factor/generate-backup-codes', { body: { password } });
            setCodes(result.backupCodes);
            setMode('idle');
          }}
        />
      )}
    </SettingsSection>
  );
}
