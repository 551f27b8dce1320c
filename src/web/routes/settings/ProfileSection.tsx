import { useMemo, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { profilePatchSchema, US_STATES, type Profile, type UsState } from '../../../core/schemas/profile';
import { GroupedSelectField, SelectField, SubmitButton, TextInput } from '../../components/fields';
import { Loading } from '../../components/Loading';
import { AlertMessage, StatusMessage } from '../../components/Messages';
import { errorMessage } from '../../lib/api';
import { changedFields, zodFieldErrors } from '../../lib/form';
import { t } from '../../lib/i18n';
import type { Option } from '../../lib/options';
import { deviceTimeZone, loadProfile, saveProfile } from '../../lib/profile';
import { timeZoneGroups, timeZoneLabel } from '../../lib/time-zones';
import { InvalidFields, useAsyncForm } from '../../lib/use-async-form';
import { useResource } from '../../lib/use-resource';
import { SettingsSection } from './SettingsSection';

const NO_STATE = 'none';

const STATE_OPTIONS: Option[] = [
  { id: NO_STATE, label: t('settings.profile.usStateNone') },
  ...Object.entries(US_STATES).map(([id, label]) => ({ id, label })),
];

const LANGUAGE_OPTIONS: Option[] = [{ id: 'en', label: t('settings.profile.languageEn') }];

function isUsState(value: string): value is UsState {
  return Object.hasOwn(US_STATES, value);
}

function ProfileForm({ initial, onSaved }: { initial: Profile; onSaved: (profile: Profile) => void }) {
  const [displayName, setDisplayName] = useState(initial.displayName);
  const [timeZone, setTimeZone] = useState(initial.timeZone);
  const [usState, setUsState] = useState<string>(initial.usState ?? NO_STATE);
  const [language, setLanguage] = useState<string>(initial.language);
  const [status, setStatus] = useState<string>();
  const zones = useMemo(
    () => timeZoneGroups(t('settings.profile.timeZoneOther'), [initial.timeZone, deviceTimeZone()]),
    [initial.timeZone],
  );

  const form = useAsyncForm(async () => {
    setStatus(undefined);
    const next: Profile = {
      displayName: displayName.trim(),
      timeZone,
      usState: isUsState(usState) ? usState : null,
      language: language === 'en' ? 'en' : initial.language,
    };
    const patch = changedFields(initial, next);
    if (Object.keys(patch).length === 0) {
      setStatus(t('settings.noChanges'));
      return;
    }
    const parsed = profilePatchSchema.safeParse(patch);
    if (!parsed.success) throw new InvalidFields(zodFieldErrors(parsed.error));
    const saved = await saveProfile(initial, parsed.data);
    onSaved(saved);
    setStatus(t('settings.saved'));
  });

  return (
    <Form ref={form.ref} onSubmit={form.onSubmit} validationErrors={form.fieldErrors} validationBehavior="aria" className="form">
      <AlertMessage message={form.general} />
      <TextInput name="displayName" label={t('settings.profile.displayName')} value={displayName} onChange={setDisplayName} autoComplete="nickname" isRequired />
      <GroupedSelectField
        name="timeZone"
        label={t('settings.profile.timeZone')}
        description={t('settings.profile.timeZoneHint')}
        placeholder={t('settings.profile.timeZoneNone')}
        groups={zones}
        value={timeZone}
        valueLabel={timeZone ? timeZoneLabel(timeZone) : undefined}
        onChange={setTimeZone}
      />
      <SelectField
        name="usState"
        label={t('settings.profile.usState')}
        description={t('settings.profile.usStateHint')}
        options={STATE_OPTIONS}
        value={usState}
        onChange={setUsState}
      />
      <SelectField
        name="language"
        label={t('settings.profile.language')}
        description={t('settings.profile.languageHint')}
        options={LANGUAGE_OPTIONS}
        value={language}
        onChange={setLanguage}
      />
      <StatusMessage message={status} />
      <SubmitButton pending={form.pending} pendingLabel={t('app.saving')}>
        {t('settings.profile.save')}
      </SubmitButton>
    </Form>
  );
}

export function ProfileSection() {
  const profile = useResource((signal) => loadProfile(signal));
  return (
    <SettingsSection id="profile" heading={t('settings.profile.heading')}>
      {profile.loading && <Loading />}
      {profile.error !== undefined && (
        <div className="callout">
          <AlertMessage message={errorMessage(profile.error)} />
          <Button className="button button-secondary" onPress={profile.reload}>
            {t('app.retry')}
          </Button>
        </div>
      )}
      {profile.data && <ProfileForm initial={profile.data} onSaved={profile.setData} />}
    </SettingsSection>
  );
}
