import { ApiError, errorMessage, onApiSuccess, parseErrorBody } from './api';
import { DraftStore, rescueId, type DraftForm } from './drafts';
import { deviceStore } from './idb';
import { Outbox, type OutboxCollection, type OutboxItem, type SubmitResult, type TransportResponse } from './outbox';

/**
 * The browser side of "never lose words": the drafts on this device, and the outbox that sends
 * creating requests (see lib/outbox.ts for the rules). `startSync` runs while someone is signed
 * in: it sends what is waiting at start, when the browser comes back online, after any request
 * that gets through, and when a backoff runs out.
 */

export const drafts = new DraftStore(deviceStore('drafts'));

async function send(item: OutboxItem): Promise<TransportResponse> {
  // A thrown TypeError (no connection) is the outbox's cue to keep the item.
  const response = await fetch(item.path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': item.id },
    body: JSON.stringify(item.body),
  });
  let body: unknown;
  try {
    body = (response.headers.get('content-type') ?? '').includes('json') ? await response.json() : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
}

/** Words the server will never accept, found while nobody was looking: keep them as a draft, with the reason. */
async function rescue(item: OutboxItem, response: TransportResponse): Promise<void> {
  if (!item.draft) return;
  const reason = errorMessage(new ApiError(parseErrorBody(response.status, response.body)));
  await drafts.save({ userId: item.userId, form: item.draft.form as DraftForm, id: rescueId(item.id) }, item.draft.value, Date.now(), reason);
}

export const outbox = new Outbox({
  store: deviceStore<OutboxItem>('outbox'),
  send,
  isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  onRejected: rescue,
});

export type SaveOutcome<T> =
  | { status: 'saved'; data: T }
  | { status: 'queued'; reason: 'offline' | 'server' | 'signedOut' }
  | { status: 'rejected'; error: ApiError };

/**
 * Create something through the outbox. Resolves once the words are safe on this device and the
 * first attempt is over: saved, queued ("saved on this device"), or refused with the server's
 * reasons (thrown by the form like any other ApiError, so they show next to the fields).
 */
export async function saveThroughOutbox<T>(input: {
  userId: string;
  collection: OutboxCollection;
  path: string;
  body: unknown;
  draft?: { form: DraftForm; value: unknown };
}): Promise<SaveOutcome<T>> {
  const result: SubmitResult = await outbox.submit(input);
  if (result.status === 'sent') return { status: 'saved', data: result.response.body as T };
  if (result.status === 'rejected') return { status: 'rejected', error: new ApiError(parseErrorBody(result.response.status, result.response.body)) };
  return { status: 'queued', reason: result.reason };
}

let stopCurrent: (() => void) | undefined;

/** Keep the outbox moving for the signed-in person. Returns a stop function. */
export function startSync(userId: string): () => void {
  stopCurrent?.();
  let timer: number | undefined;
  let stopped = false;

  const schedule = async () => {
    window.clearTimeout(timer);
    const next = await outbox.nextAttemptAt(userId);
    if (stopped || next === undefined) return;
    // Timers are capped so a sleeping laptop doesn't wait out a stale long delay.
    timer = window.setTimeout(() => void flush(false), Math.min(Math.max(0, next - Date.now()) + 50, 60_000));
  };
  const flush = async (force: boolean | 'network') => {
    if (stopped) return;
    try {
      await outbox.flush(userId, { force });
    } catch {
      // Storage trouble: nothing is lost (items stay where they are); try again later.
    }
    await schedule();
  };

  const onOnline = () => void flush(true);
  const onVisible = () => {
    if (document.visibilityState === 'visible') void flush('network');
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  const offSuccess = onApiSuccess(() => void flush('network'));
  const offEvents = outbox.subscribe((event) => {
    if (event.type === 'retrying') void schedule();
  });
  void flush('network');

  const stop = () => {
    stopped = true;
    window.clearTimeout(timer);
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onVisible);
    offSuccess();
    offEvents();
    if (stopCurrent === stop) stopCurrent = undefined;
  };
  stopCurrent = stop;
  return stop;
}

/** Before signing out: send whatever can still be sent while the session is valid. */
export async function flushBeforeSignOut(userId: string): Promise<void> {
  try {
    await outbox.flush(userId, { force: true });
  } catch {
    // Keep going: signing out must work.
  }
}

/**
 * After signing out (or signing out everywhere): stop syncing and delete every draft on this
 * device — the next person to use it must not find them. Items the outbox still holds stay,
 * unreadable by any other account, and are sent when this person signs in again.
 * After deleting the account, `forUserGone` also drops that person's queued items: they can
 * never be delivered.
 */
export async function afterSignOut({ forUserGone }: { forUserGone?: string } = {}): Promise<void> {
  stopCurrent?.();
  try {
    await drafts.clearAll();
    if (forUserGone) await outbox.discardAll(forUserGone);
  } catch {
    // Nothing stored, or storage refused — nothing to clear.
  }
}
