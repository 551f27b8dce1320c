/**
 * Discreet mode (docs/decisions/031): a per-device choice, kept in this browser's localStorage and
 * never sent to the server. When on, the tab's title is DISCREET_TITLE on every page and the
 * installable app is named the same (a second web manifest). Runs on every page, so it stays tiny:
 * no imports.
 *
 * @example
 *   setDiscreet(true)                    // title "Notes", /manifest-discreet.webmanifest
 *   documentTitle('Journal · Trellis')   // 'Notes' while discreet
 */

/** The neutral name (the same as DISCREET_TITLE in core/schemas/notifications.ts, which pushes use). */
export const DISCREET_TITLE = 'Notes';
export const DISCREET_KEY = 'trellis.discreet';
export const MANIFEST_HREF = '/manifest.webmanifest';
export const DISCREET_MANIFEST_HREF = '/manifest-discreet.webmanifest';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
interface Doc {
  title: string;
  querySelector(selector: string): { setAttribute(name: string, value: string): void } | null;
}

/** The page title last asked for, so turning discreet mode off can put it back. */
let pageTitle = '';

/** Whether this device chose discreet mode; blocked storage counts as no. */
export function isDiscreet(store?: Pick<Storage, 'getItem'>): boolean {
  try {
    return (store ?? localStorage).getItem(DISCREET_KEY) === '1';
  } catch {
    return false;
  }
}

/** The title to show for a page: its own, or the neutral one in discreet mode. */
export function documentTitle(title: string, discreet = isDiscreet()): string {
  pageTitle = title;
  return discreet ? DISCREET_TITLE : title;
}

export const manifestHref = (discreet: boolean): string => (discreet ? DISCREET_MANIFEST_HREF : MANIFEST_HREF);

/** Puts the title and manifest link in line with the setting (at start, and when it changes). */
export function applyDiscreet(doc: Doc = document, discreet = isDiscreet()): void {
  if (discreet || pageTitle) doc.title = discreet ? DISCREET_TITLE : pageTitle;
  doc.querySelector('link[rel="manifest"]')?.setAttribute('href', manifestHref(discreet));
}

/** Remembers the choice on this device only (where storage allows), and applies it at once. */
export function setDiscreet(on: boolean, store?: Store, doc: Doc = document): void {
  try {
    const s = store ?? localStorage;
    if (on) s.setItem(DISCREET_KEY, '1');
    else s.removeItem(DISCREET_KEY);
  } catch {
    // Blocked storage: still apply it for this visit.
  }
  applyDiscreet(doc, on);
}
