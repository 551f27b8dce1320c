import { locale } from './i18n';

/**
 * Dates as people read them, in their own time zone.
 *
 * @example formatDateTime('2026-11-22T18:30:00Z', 'America/Chicago') // "Nov 22, 2026, 12:30 PM"
 */
export function formatDateTime(instant: string | number, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** A calendar day (YYYY-MM-DD) in words, e.g. "Sunday, November 22, 2026". */
export function formatDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(date);
}

/** "America/Argentina/Buenos_Aires" → "America / Argentina / Buenos Aires". */
export function zoneName(timeZone: string): string {
  return timeZone.replaceAll('_', ' ').replaceAll('/', ' / ');
}
