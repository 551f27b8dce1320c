import type { Profile } from '../../core/schemas/profile';

/*
 * The profile as last seen in this tab. Kept apart from lib/profile.ts (which validates with zod)
 * so the signed-in shell can forget it at sign-out without loading zod on every page.
 */
let known: Profile | undefined;

export function rememberProfile(profile: Profile): Profile {
  known = profile;
  return profile;
}

export function rememberedProfile(): Profile | undefined {
  return known;
}

/** Forget the profile (sign-out). */
export function forgetProfile(): void {
  known = undefined;
}
