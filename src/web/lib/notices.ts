import type { MessageKey } from './i18n';

/** Short notices one page leaves for the next via router state (never in the URL). */
export type Notice = 'signedOut' | 'signedOutEverywhere' | 'passwordChanged';

const NOTICE_MESSAGES: Record<Notice, MessageKey> = {
  signedOut: 'signIn.signedOut',
  signedOutEverywhere: 'signIn.signedOutEverywhere',
  passwordChanged: 'signIn.passwordChanged',
};

/** The message key for `{ notice }` in router state, if there is a known one. */
export function noticeFromState(state: unknown): MessageKey | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const notice = (state as { notice?: unknown }).notice;
  return typeof notice === 'string' && Object.hasOwn(NOTICE_MESSAGES, notice)
    ? NOTICE_MESSAGES[notice as Notice]
    : undefined;
}
