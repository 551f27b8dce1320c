/**
 * Discreet mode (docs/decisions/031). On this device only (localStorage, never the server): a
 * neutral tab title and app name, and this device's notifications with a neutral title and no
 * text. For the account: discreet emails, whose words name nothing.
 */
import { useState } from 'react';
import { CheckboxField } from '../../components/fields';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { isDiscreet, setDiscreet } from '../../lib/discreet';
import { registerMessages, t } from '../../lib/i18n';
import { helpEn } from '../../lib/messages/help.en';
import { addPushSubscription, getNotificationSettings, saveNotificationSettings } from '../../lib/notifications-api';
import { useResource } from '../../lib/use-resource';
import { SettingsSection } from './SettingsSection';

registerMessages('help', helpEn);

/** This device's push subscription, if it has one, registered again so the server knows the new choice. */
async function reRegisterPush(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return false;
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager?.getSubscription();
  if (!subscription) return false;
  await addPushSubscription(subscription.toJSON());
  return true;
}

function DeviceDiscreet() {
  const [on, setOn] = useState(() => isDiscreet());
  const [status, setStatus] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const change = (value: boolean) => {
    setDiscreet(value);
    setOn(value);
    setProblem(undefined);
    setStatus(t(value ? 'help.discreet.on' : 'help.discreet.off'));
    reRegisterPush().then(
      (updated) => updated && setStatus(`${t(value ? 'help.discreet.on' : 'help.discreet.off')} ${t('help.discreet.pushUpdated')}`),
      () => setProblem(t('help.discreet.emailFailed')),
    );
  };
  return (
    <>
      <CheckboxField name="discreetDevice" isSelected={on} onChange={change}>
        {t('help.discreet.device')}
      </CheckboxField>
      <StatusMessage message={status} />
      <AlertMessage message={problem} />
    </>
  );
}

function DiscreetEmail() {
  const settings = useResource((signal) => getNotificationSettings(signal));
  const [status, setStatus] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const current = settings.data;
  if (!current) return null;
  const change = (discreetEmail: boolean) => {
    setStatus(undefined);
    setProblem(undefined);
    const { checkinReminder, reminderTime, email, push } = current;
    saveNotificationSettings({ checkinReminder, reminderTime, email, push, discreetEmail }).then(
      (saved) => {
        settings.setData(saved);
        setStatus(t('help.discreet.emailSaved'));
      },
      () => setProblem(t('help.discreet.emailFailed')),
    );
  };
  return (
    <>
      <h3>{t('help.discreet.emailHeading')}</h3>
      <p className="hint">{t('help.discreet.emailLead')}</p>
      <CheckboxField name="discreetEmail" isSelected={current.discreetEmail} onChange={change}>
        {t('help.discreet.email')}
      </CheckboxField>
      <StatusMessage message={status} />
      <AlertMessage message={problem} />
    </>
  );
}

export function DiscreetSection() {
  return (
    <SettingsSection id="discreet" heading={t('help.discreet.heading')}>
      <p className="hint">{t('help.discreet.lead')}</p>
      <DeviceDiscreet />
      <DiscreetEmail />
    </SettingsSection>
  );
}
