import type { Option } from './options';

export interface OptionGroup {
  id: string;
  label: string;
  options: Option[];
}

/** "America/Argentina/Buenos_Aires" → "America / Argentina / Buenos Aires". */
export function timeZoneLabel(id: string): string {
  return id.replaceAll('_', ' ').replaceAll('/', ' / ');
}

/**
 * Every IANA time zone this browser knows, plus `extra` ones (the saved and the detected zone,
 * which some browsers leave out of the list, e.g. "UTC"), grouped by region: "America" holds
 * "Chicago", "Argentina / Buenos Aires"… so typing a city's first letters finds it.
 * Zones without a region ("UTC") go in a group labelled `otherLabel`.
 */
export function timeZoneGroups(otherLabel: string, extra: ReadonlyArray<string | null | undefined> = []): OptionGroup[] {
  let ids: string[] = [];
  try {
    ids = Intl.supportedValuesOf('timeZone');
  } catch {
    ids = [];
  }
  const all = new Set(ids);
  for (const id of extra) if (id) all.add(id);

  const groups = new Map<string, OptionGroup>();
  for (const id of [...all].sort()) {
    const slash = id.indexOf('/');
    const region = slash > 0 ? id.slice(0, slash) : '';
    const city = slash > 0 ? id.slice(slash + 1) : id;
    let group = groups.get(region);
    if (!group) {
      group = { id: region || 'other', label: region ? timeZoneLabel(region) : otherLabel, options: [] };
      groups.set(region, group);
    }
    group.options.push({ id, label: timeZoneLabel(city) });
  }
  // Regions alphabetically, the region-less zones last.
  return [...groups.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b))).map(([, group]) => group);
}
