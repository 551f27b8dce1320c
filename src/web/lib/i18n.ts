import { en } from './messages/en';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message key, e.g. `'signIn.heading'` or `'errors.codes.INVALID_CODE'`. */
export type MessageKey = Leaves<typeof en>;
export type MessageParams = Record<string, string | number>;

/** The locale used for dates and numbers. English only for now. */
export const locale = 'en-US';

const catalog: unknown = en;

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
