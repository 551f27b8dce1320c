/**
 * Crisis resources by region: the lines Trellis shows next to writing that suggests self-harm or
 * danger from a partner, and wherever a person looks for help. The data lives in
 * `content/crisis-resources.json` (reviewed like code); this module only looks it up.
 *
 * `call` and `text` are display forms ("1-800-799-7233"); `tel:` and `sms:` links use their digits.
 *
 * @example
 *   crisisResources('GB').emergencyNumber   // '999'
 *   crisisResources().region                // 'US' (the default)
 */
import data from '../../../content/crisis-resources.json' with { type: 'json' };

export interface CrisisResource {
  id: string;
  name: string;
  description: string;
  /** A number to call, as written for people ("1-800-799-7233"). */
  call?: string;
  /** A number to text. */
  text?: string;
  /** What to send, when the service asks for a keyword ("START"). */
  textBody?: string;
  url?: string;
}

export interface RegionResources {
  /** ISO 3166-1 alpha-2 code ("US", "GB"). */
  region: string;
  regionName: string;
  emergencyNumber: string;
  resources: CrisisResource[];
}

const REGIONS: readonly RegionResources[] = data.regions.map((r) => deepFreeze({ ...r, resources: r.resources.map((x): CrisisResource => ({ ...x })) }));
const BY_REGION = new Map(REGIONS.map((r) => [r.region, r]));
const DEFAULT_REGION = BY_REGION.get(data.defaultRegion);
if (!DEFAULT_REGION) throw new Error(`crisis-resources.json: the default region ${data.defaultRegion} has no entry`);

/** Region codes that have their own resources, in the order of the data file. */
export const SUPPORTED_REGIONS: string[] = REGIONS.map((r) => r.region);

/** Other names people and browsers use for a supported region. */
const ALIASES: Readonly<Record<string, string>> = { UK: 'GB' };

/**
 * The crisis resources for a region. Accepts an ISO country code in any case ("gb"), the alias
 * "UK", or a language tag with a region ("en-GB"). Anything unknown or missing gives the US lines:
 * showing some real lines is always better than showing none.
 */
export function crisisResources(region?: string): RegionResources {
  const code = regionCode(region);
  return (code && BY_REGION.get(ALIASES[code] ?? code)) || DEFAULT_REGION!;
}

/** "en-GB" → "GB", "gb" → "GB", " us " → "US"; undefined when there is nothing to read. */
function regionCode(region: string | undefined): string | undefined {
  const parts = region?.trim().toUpperCase().split(/[-_]/) ?? [];
  // The region subtag of a language tag is the two-letter part after the language ("en-GB", "zh-Hant-TW").
  const code = parts.length > 1 ? parts.slice(1).find((p) => /^[A-Z]{2}$/.test(p)) : parts[0];
  return code || undefined;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
