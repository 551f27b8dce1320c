import { z } from 'zod';

/** The US states (and DC) a person can be in for therapy matching, by postal code. */
export const US_STATES = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
  CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia',
  HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas',
  KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts',
  MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico',
  NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma',
  OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota',
  TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington',
  WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
} as const;

export type UsState = keyof typeof US_STATES;
export const usStateCodes = Object.keys(US_STATES) as [UsState, ...UsState[]];

/** Languages the interface is available in. English only for now; the catalog is ready for more. */
export const LANGUAGES = ['en'] as const;

const knownZones = new Set<string>();

/** True when `tz` is an IANA time zone this runtime knows (e.g. "America/Chicago"). */
export function isTimeZone(tz: string): boolean {
  if (tz.length === 0 || tz.length > 64) return false;
  // Building a formatter costs far more than the rest of a request's validation; zones that exist
  // are few (a few hundred names), so remember those. Unknown names are not kept: input decides them.
  if (knownZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    knownZones.add(tz);
    return true;
  } catch {
    return false;
  }
}

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'Please enter a name — a first name or nickname is fine.')
  .max(80, 'Please keep the name to 80 characters or fewer.');

export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, 'Please choose a time zone from the list (for example America/Chicago).');

export const profileSchema = z.object({
  displayName: displayNameSchema,
  /** null until the person chooses one; days and reminders then use it. */
  timeZone: timeZoneSchema.nullable(),
  /** The US state the person will be in during therapy sessions; null when not set or outside the US. */
  usState: z.enum(usStateCodes).nullable(),
  language: z.enum(LANGUAGES),
});
export type Profile = z.infer<typeof profileSchema>;

/** A partial update: only the fields sent change. */
export const profilePatchSchema = profileSchema.partial().strict();
export type ProfilePatch = z.infer<typeof profilePatchSchema>;
