import { profileSchema, type Profile, type ProfilePatch } from '../../core/schemas/profile';
import { api } from './api';

export const PROFILE_PATH = '/api/v1/profile';

export function loadProfile(signal?: AbortSignal): Promise<Profile> {
  return api(PROFILE_PATH, { schema: profileSchema, signal });
}

/** Send only the changed fields; returns the profile as it now stands. */
export async function saveProfile(current: Profile, patch: ProfilePatch): Promise<Profile> {
  const response = await api<unknown>(PROFILE_PATH, { method: 'PATCH', body: patch });
  const parsed = profileSchema.safeParse(response);
  return parsed.success ? parsed.data : { ...current, ...patch };
}

/** The time zone this device reports, if it is one the runtime knows. */
export function deviceTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
