import { profileSchema, type Profile, type ProfilePatch } from '../../core/schemas/profile';
import { api } from './api';
import { rememberedProfile, rememberProfile } from './profile-cache';

export { forgetProfile } from './profile-cache';

export const PROFILE_PATH = '/api/v1/profile';

export async function loadProfile(signal?: AbortSignal): Promise<Profile> {
  return rememberProfile(await api(PROFILE_PATH, { schema: profileSchema, signal }));
}

/** Send only the changed fields; returns the profile as it now stands. */
export async function saveProfile(current: Profile, patch: ProfilePatch): Promise<Profile> {
  const response = await api<unknown>(PROFILE_PATH, { method: 'PATCH', body: patch });
  const parsed = profileSchema.safeParse(response);
  return rememberProfile(parsed.success ? parsed.data : { ...current, ...patch });
}

/**
 * The profile as last seen in this tab, loading it if needed; `undefined` when it can't be had
 * (offline). Pages that only need the time zone or state use this, so they work offline too.
 */
export async function knownProfile(): Promise<Profile | undefined> {
  const known = rememberedProfile();
  if (known) return known;
  try {
    return await loadProfile();
  } catch {
    return undefined;
  }
}

/** The time zone this device reports, if it is one the runtime knows. */
export function deviceTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
