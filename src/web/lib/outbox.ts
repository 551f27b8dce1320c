import type { KeyValueStore } from './kv-store';

/**
 * The offline outbox: creating requests (journal entries, urges, self-worth items, origins) are
 * written to this device first and sent from there, so nothing written offline is lost.
 *
 * - Each item carries a client-made UUID that is sent as its `Idempotency-Key`: however many times
 *   it is sent (a retry after a lost response, two tabs flushing at once), the server creates it
 *   once. No loss, no duplicate.
 * - An item leaves the queue on a 2xx (done) or on a 4xx that is about the content itself (the
 *   server will never accept it): then `onRejected` keeps the words as a draft and says why.
 * - A network failure, a 5xx, 408 or 429 keep it, with backoff. A 401 keeps it too and pauses
 *   sending: it is sent once the same person signs in again — never into someone else's account.
 *
 * Storage and sending are injected, so the whole state machine is unit-tested with a Map.
 */

export type OutboxCollection = 'journal' | 'urges' | 'selfWorth' | 'origins';

export interface OutboxItem {
  /** A UUID made on this device; also the Idempotency-Key. */
  id: string;
  /** Whose it is: only sent while this account is signed in. */
  userId: string;
  collection: OutboxCollection;
  /** Where it is POSTed, e.g. `/api/v1/journal/entries`. */
  path: string;
  body: unknown;
  createdAt: number;
  attempts: number;
  /** Not tried again before this time (ms), unless a flush is forced. */
  nextAttemptAt: number;
  lastFailure?: 'network' | 'server';
  /** The form's own values, so words the server refuses can be put back as a draft. */
  draft?: { form: string; value: unknown };
}

export type NewOutboxItem = Pick<OutboxItem, 'userId' | 'collection' | 'path' | 'body'> & Partial<Pick<OutboxItem, 'id' | 'draft'>>;

/** What a single send produced: an HTTP status and body, or a thrown network failure. */
export interface TransportResponse {
  status: number;
  body: unknown;
}
export type Transport = (item: OutboxItem) => Promise<TransportResponse>;

export type Verdict = 'delivered' | 'rejected' | 'retry' | 'paused';

/**
 * What to do after a response with this status.
 *
 * @example classifyStatus(201) // "delivered"; classifyStatus(400) // "rejected"; classifyStatus(503) // "retry"
 */
export function classifyStatus(status: number): Verdict {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 401) return 'paused';
  // 0 = no response; 408 timeout; 409 a racing retry still in progress; 425 too early; 429 slow down.
  if (status === 0 || status === 408 || status === 409 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}

/** Delay before attempt `attempts + 1`: 2 s, 4 s, 8 s … up to 5 minutes, with ±20 % jitter. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(5 * 60_000, 2_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export type SubmitResult =
  | { status: 'sent'; item: OutboxItem; response: TransportResponse }
  | { status: 'rejected'; item: OutboxItem; response: TransportResponse }
  | { status: 'queued'; item: OutboxItem; reason: 'offline' | 'server' | 'signedOut' };

export interface FlushSummary {
  delivered: OutboxItem[];
  rejected: OutboxItem[];
  remaining: number;
  paused: boolean;
}

export type OutboxEvent =
  | { type: 'queued'; item: OutboxItem }
  | { type: 'delivered'; item: OutboxItem; response: TransportResponse }
  | { type: 'rejected'; item: OutboxItem; response: TransportResponse }
  | { type: 'retrying'; item: OutboxItem };

export type Force = boolean | 'network';

function strongerForce(a: Force, b: Force): Force {
  return a === true || b === true ? true : a === 'network' || b === 'network' ? 'network' : false;
}

export interface OutboxOptions {
  store: KeyValueStore<OutboxItem>;
  send: Transport;
  newId?: () => string;
  now?: () => number;
  random?: () => number;
  /** `navigator.onLine`: when false nothing is attempted (the `online` event flushes later). */
  isOnline?: () => boolean;
  /** A content problem the server will never accept: keep the words elsewhere and tell the person. */
  onRejected?: (item: OutboxItem, response: TransportResponse) => Promise<void> | void;
}

export class Outbox {
  private readonly listeners = new Set<(event: OutboxEvent) => void>();
  /** Items being sent right now by this tab (a flush skips them). */
  private readonly inFlight = new Set<string>();
  private flushing: Promise<FlushSummary> | undefined;
  private flushAgain: { userId: string; force: Force } | undefined;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly newId: () => string;
  private readonly isOnline: () => boolean;

  constructor(private readonly options: OutboxOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.isOnline = options.isOnline ?? (() => true);
  }

  /** Be told about every change (to redraw "waiting to sync" lists). */
  subscribe(listener: (event: OutboxEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: OutboxEvent) {
    for (const listener of this.listeners) listener(event);
  }

  /** Items waiting to be sent for this account, oldest first (optionally one collection). */
  async pending(userId: string, collection?: OutboxCollection): Promise<OutboxItem[]> {
    const all = (await this.options.store.entries()).map(([, item]) => item);
    return all
      .filter((item) => item.userId === userId && (!collection || item.collection === collection))
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  /** Forget every item of an account (it was deleted: they can never be delivered). */
  async discardAll(userId: string): Promise<void> {
    for (const item of await this.pending(userId)) await this.options.store.delete(item.id);
  }

  /** When the earliest item that is waiting out a backoff may be tried again. */
  async nextAttemptAt(userId: string): Promise<number | undefined> {
    const times = (await this.pending(userId)).map((item) => item.nextAttemptAt);
    return times.length > 0 ? Math.min(...times) : undefined;
  }

  /**
   * Keep an item on this device, then try to send it at once. Resolves when the item is safely
   * stored and the first attempt is over; the caller then says "saved" or "saved on this device".
   */
  async submit(input: NewOutboxItem): Promise<SubmitResult> {
    const now = this.now();
    const item: OutboxItem = { ...input, id: input.id ?? this.newId(), createdAt: now, attempts: 0, nextAttemptAt: now };
    await this.options.store.put(item.id, item);
    this.emit({ type: 'queued', item });
    const outcome = await this.attempt(item);
    switch (outcome.verdict) {
      case 'delivered':
        return { status: 'sent', item, response: outcome.response };
      case 'rejected':
        // The form is still on screen with the words in it: it shows the problem itself.
        return { status: 'rejected', item, response: outcome.response };
      case 'paused':
        return { status: 'queued', item, reason: 'signedOut' };
      case 'retry':
        return { status: 'queued', item, reason: outcome.network ? 'offline' : 'server' };
    }
  }

  /**
   * Send what is due for `userId`, oldest first, one at a time. `force: true` ignores backoff (we
   * just came back online); `force: 'network'` ignores it only for items that failed to reach the
   * server (another request just got through, so the network is back — but a server that answered
   * 5xx keeps its backoff). Concurrent calls share one run; a call during a run schedules one more.
   */
  flush(userId: string, { force = false }: { force?: Force } = {}): Promise<FlushSummary> {
    if (this.flushing) {
      this.flushAgain = { userId, force: strongerForce(force, this.flushAgain?.force ?? false) };
      return this.flushing;
    }
    const run = this.runFlush(userId, force).finally(() => {
      this.flushing = undefined;
      const again = this.flushAgain;
      this.flushAgain = undefined;
      if (again) void this.flush(again.userId, { force: again.force });
    });
    this.flushing = run;
    return run;
  }

  private async runFlush(userId: string, force: Force): Promise<FlushSummary> {
    const summary: FlushSummary = { delivered: [], rejected: [], remaining: 0, paused: false };
    const items = await this.pending(userId);
    let stop = false;
    for (const item of items) {
      const due = force === true || (force === 'network' && item.lastFailure === 'network') || item.nextAttemptAt <= this.now();
      if (stop || this.inFlight.has(item.id) || !due) {
        summary.remaining += 1;
        continue;
      }
      const outcome = await this.attempt(item);
      if (outcome.verdict === 'delivered') summary.delivered.push(item);
      else if (outcome.verdict === 'rejected') {
        summary.rejected.push(item);
        await this.options.onRejected?.(item, outcome.response);
      } else {
        summary.remaining += 1;
        // Offline or signed out: the rest would fail the same way. A 5xx may be about this item alone.
        if (outcome.verdict === 'paused') {
          stop = true;
          summary.paused = true;
        } else if (outcome.verdict === 'retry' && outcome.network) {
          stop = true;
        }
      }
    }
    return summary;
  }

  private async attempt(
    item: OutboxItem,
  ): Promise<
    | { verdict: 'delivered' | 'rejected'; response: TransportResponse }
    | { verdict: 'retry'; network: boolean }
    | { verdict: 'paused' }
  > {
    if (!this.isOnline()) {
      // Not an attempt: nothing was sent. The `online` event brings us back.
      await this.recordFailure(item, 'network', false);
      return { verdict: 'retry', network: true };
    }
    this.inFlight.add(item.id);
    let response: TransportResponse;
    try {
      response = await this.options.send(item);
    } catch {
      await this.recordFailure(item, 'network', true);
      return { verdict: 'retry', network: true };
    } finally {
      this.inFlight.delete(item.id);
    }
    const verdict = classifyStatus(response.status);
    if (verdict === 'delivered' || verdict === 'rejected') {
      await this.options.store.delete(item.id);
      this.emit({ type: verdict, item, response });
      return { verdict, response };
    }
    if (verdict === 'paused') return { verdict };
    await this.recordFailure(item, 'server', true);
    return { verdict: 'retry', network: false };
  }

  private async recordFailure(item: OutboxItem, kind: 'network' | 'server', attempted: boolean) {
    if (attempted) item.attempts += 1;
    item.lastFailure = kind;
    item.nextAttemptAt = this.now() + backoffMs(Math.max(1, item.attempts), this.random);
    // Still there? (Another tab may have delivered it meanwhile.)
    if (await this.options.store.get(item.id)) {
      await this.options.store.put(item.id, item);
      this.emit({ type: 'retrying', item });
    }
  }
}
