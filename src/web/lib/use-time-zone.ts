import { useEffect, useState } from 'react';
import type { UsState } from '../../core/schemas/profile';
import { deviceTimeZone, knownProfile } from './profile';

export interface PersonalSettings {
  /** False until the profile has answered (or couldn't, e.g. offline). */
  ready: boolean;
  /** The person's chosen time zone, else this device's, else UTC. */
  timeZone: string;
  usState: UsState | null;
}

const fallbackZone = () => deviceTimeZone() ?? 'UTC';

/** The time zone a person's days and times are read in. Works offline (falls back to the device's). */
export function useTimeZone(): PersonalSettings {
  const [settings, setSettings] = useState<PersonalSettings>({ ready: false, timeZone: fallbackZone(), usState: null });
  useEffect(() => {
    let active = true;
    void knownProfile().then((profile) => {
      if (active) setSettings({ ready: true, timeZone: profile?.timeZone ?? fallbackZone(), usState: profile?.usState ?? null });
    });
    return () => {
      active = false;
    };
  }, []);
  return settings;
}
