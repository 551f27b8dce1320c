import type { Option } from './options';

/** "America/Argentina/Buenos_Aires" → "America / Argentina / Buenos Aires". */
export function timeZoneLabel(id: string): string {
  return id.replaceAll('_', ' ').replaceAll('/', ' / ');
}

/**
 * Every IANA time zone this browser knows, plus `extra` ones (the saved and the detected zone),
 * which some browsers leave out of the list (e.g. "UTC").
 */
export function timeZoneOptions(extra: ReadonlyArray<string | null | undefined> = []): Option[] {
  let ids: string[] = [];
  try {
    ids = Intl.supportedValuesOf('timeZone');
  } catch {
    ids = [];
  }
  const all = new Set(ids);
  for (const id of extra) if (id) all.add(id);
  return [...all].sort().map((id) => ({ id, label: timeZoneLabel(id) }));
}
