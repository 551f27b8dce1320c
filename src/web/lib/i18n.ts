import { en, type LazyCatalogs } from './messages/en';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message key, e.g. `'signIn.heading'` or `'errors.codes.INVALID_CODE'` (lazy catalogs included). */
export type MessageKey = Leaves<typeof en & LazyCatalogs>;
export type MessageParams = Record<string, string | number>;

/** The locale used for dates and numbers. English only for now. */
export const locale = 'en-US';

const catalog: Record<string, unknown> = { ...en };

/**
 * A page's own catalog, registered by the page module when its chunk loads (so its sentences are
 * not in every page's first download). Its keys are typed through `LazyCatalogs` in messages/en.ts.
 *
 * @example registerMessages('safety', safetyEn) // at the top of the page module
 */
export function registerMessages<N extends keyof LazyCatalogs>(namespace: N, messages: LazyCatalogs[N]): void {
  catalog[namespace] = messages;
}

function lookup(key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Translate a message key, filling `{param}` placeholders.
 *
 * @example t('home.heading', { name: 'Sam' }) // "Welcome, Sam"
 */
export function t(key: MessageKey, params?: MessageParams): string {
  const message = lookup(key) ?? key;
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** True when `key` names a message, for keys built at run time (e.g. from a server error code). */
export function hasMessage(key: string): key is MessageKey {
  return lookup(key) !== undefined;
}
