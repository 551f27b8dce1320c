/**
 * Reminders (docs/decisions/021): a daily check-in reminder at a local time, by email and/or as a
 * notification on this device (Web Push). Every notification says only "You have something new
 * in Trellis".
 */
import { useState } from 'react';
import { Button, DateInput, DateSegment, FieldError, Form, Label, Text, TimeField } from 'react-aria-components';
import { Time } from '@internationalized/date';
import type { NotificationSettings } from '../../../core/schemas/notifications';
import { CheckboxField, SubmitButton } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { errorMessage } from '../../lib/api';
import { t } from '../../lib/i18n';
import { addPushSubscription, getNotificationSettings, keyBytes, removePushSubscriptionByEndpoint, saveNotificationSettings, vapidPublicKey } from '../../lib/notifications-api';
import { timeZoneLabel } from '../../lib/time-zones';
import { useAsyncForm } from '../../lib/use-async-form';
import { useResource } from '../../lib/use-resource';
import { SettingsSection } from './SettingsSection';

const toTime = (hhmm: string) => new Time(Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)));
const toHhmm = (v: { hour: number; minute: number }) => `${String(v.hour).padStart(2, '0')}:${String(v.minute).padStart(2, '0')}`;

function RemindersForm({ initial, onSaved }: { initial: NotificationSettings; onSaved: (s: NotificationSettings) => void }) {
  const [checkinReminder, setCheckinReminder] = useState(initial.checkinReminder);
  const [time, setTime] = useState<Time | null>(toTime(initial.reminderTime));
  const [email, setEmail] = useState(initial.email);
  const [status, setStatus] = useState<string>();

  const form = useAsyncForm(async () => {
    setStatus(undefined);
    const saved = await saveNotificationSettings({ checkinReminder, reminderTime: time ? toHhmm(time) : initial.reminderTime, email, push: initial.push });
    onSaved(saved);
    setStatus(t('settings.saved'));
  });

  const zone = initial.timeZone;
  return (
    <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
      <AlertMessage message={form.general} />
      <CheckboxField name="checkinReminder" isSelected={checkinReminder} onChange={setCheckinReminder}>
        {t('notifications.checkinReminder')}
      </CheckboxField>
      <TimeField name="reminderTime" value={time} onChange={setTime} granularity="minute" hourCycle={24} className="field" isRequired>
        <Label className="label">{t('notifications.reminderTime')}</Label>
        <DateInput className="input date-input">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInput>
        <Text slot="description" className="hint">
          {zone ? t('notifications.reminderTimeHint', { zone: timeZoneLabel(zone) }) : t('notifications.reminderTimeNoZone')}
        </Text>
        <FieldError className="field-error" />
      </TimeField>
      <CheckboxField name="email" isSelected={email} onChange={setEmail}>
        {t('notifications.email')}
      </CheckboxField>
      {initial.nextDueAt && (
        <p className="hint">{t('notifications.nextDue', { when: new Date(initial.nextDueAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
      )}
      <StatusMessage message={status} />
      <SubmitButton pending={form.pending} pendingLabel={t('app.saving')}>
        {t('notifications.save')}
      </SubmitButton>
    </Form>
  );
}

function pushSupported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

function DevicePush() {
  const [message, setMessage] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!pushSupported()) return <p className="hint">{t('notifications.unsupported')}</p>;

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(undefined);
    setProblem(undefined);
    try {
      setMessage(await work());
    } catch (err) {
      setProblem(err instanceof DOMException ? t('notifications.failed') : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const subscribe = () =>
    run(async () => {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') return t('notifications.denied');
      const registration = await navigator.serviceWorker.ready;
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(await vapidPublicKey()) }));
      await addPushSubscription(subscription.toJSON());
      return t('notifications.deviceOn');
    });

  const unsubscribe = () =>
    run(async () => {
      const registration = await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.getSubscription();
      if (subscription) {
        await removePushSubscriptionByEndpoint(subscription.endpoint);
        await subscription.unsubscribe();
      }
      return t('notifications.deviceOff');
    });

  return (
    <div className="stack">
      <h3>{t('notifications.device')}</h3>
      <p className="hint">{t('notifications.deviceHint')}</p>
      <AlertMessage message={problem} />
      <StatusMessage message={message} />
      <div className="actions">
        <Button className="button button-secondary" onPress={() => void subscribe()} isDisabled={busy}>
          {t('notifications.notifyDevice')}
        </Button>
        <Button className="button button-secondary" onPress={() => void unsubscribe()} isDisabled={busy}>
          {t('notifications.stopDevice')}
        </Button>
      </div>
    </div>
  );
}

export function RemindersSection() {
  const settings = useResource((signal) => getNotificationSettings(signal));
  return (
    <SettingsSection id="reminders" heading={t('notifications.heading')}>
      <p>{t('notifications.intro')}</p>
      {settings.loading && <Loading />}
      {settings.error !== undefined && (
        <div className="callout">
          <AlertMessage message={errorMessage(settings.error)} />
          <Button className="button button-secondary" onPress={settings.reload}>
            {t('app.retry')}
          </Button>
        </div>
      )}
      {settings.data && <RemindersForm initial={settings.data} onSaved={settings.setData} />}
      <DevicePush />
    </SettingsSection>
  );
}
