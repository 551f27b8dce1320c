/**
 * The live-update hub (docs/decisions/017). `publish` sends a hint through PostgreSQL
 * NOTIFY on one channel (PGlite supports the same NOTIFY/LISTEN in process), so that every
 * server instance hears it; each instance holds ONE listening connection and hands the hint to
 * the streams of the addressed people connected to it. Nothing another instance needs is kept
 * here — only this instance's own open streams.
 *
 * A hint is `{ type, coupleId? }`: no words, no content, nothing about who is connected. The page
 * that receives one re-fetches through the normal, policy-checked API.
 */
import type { Logger } from 'pino';
import type { LiveEvent } from '../../core/schemas/realtime.ts';
import type { Database, Db } from '../db/client.ts';
import { EVENTS_CHANNEL, encodeNotifications, parseNotification } from './wire.ts';

export type LiveListener = (event: LiveEvent) => void;

/** What features call. */
export interface EventPublisher {
  /** Tells these people's open pages that something of this type changed. Given a transaction, only if it commits. */
  publish(userIds: readonly string[], event: LiveEvent, db?: Db): Promise<void>;
  /** The same for both current members of a couple (nothing for a couple that has ended). */
  publishToCouple(coupleId: string, event: Omit<LiveEvent, 'coupleId'>, db?: Db): Promise<void>;
}

/** For code built without a hub (some unit tests): publishes nothing. */
export const noEvents: EventPublisher = { publish: async () => {}, publishToCouple: async () => {} };

export interface EventHubDeps {
  /** The current members of a couple (read through the policy's relations, not here). */
  currentMembers(coupleId: string, db?: Db): Promise<string[]>;
  log?: Pick<Logger, 'warn' | 'info'>;
}

export class EventHub implements EventPublisher {
  private readonly listeners = new Map<string, Set<LiveListener>>();
  private starting: Promise<void> | undefined;
  private stopListening: (() => Promise<void>) | undefined;
  private closed = false;

  constructor(
    private readonly database: Pick<Database, 'notify' | 'listen'>,
    private readonly deps: EventHubDeps,
  ) {}

  /** Starts listening (once, lazily: an instance nobody streams from holds no extra connection). */
  ready(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the event hub is closed'));
    this.starting ??= this.database
      .listen(EVENTS_CHANNEL, (payload) => this.receive(payload), {
        onReconnect: () => {
          this.deps.log?.info('live updates: listener reconnected');
          // Hints may have been missed while the connection was down: every open page re-fetches.
          this.broadcastLocal({ type: 'resync' });
        },
        onError: () => this.deps.log?.warn('live updates: listener connection lost; reconnecting'),
      })
      .then(
        async (stop) => {
          if (this.closed) await stop();
          else this.stopListening = stop;
        },
        (err: unknown) => {
          this.starting = undefined; // the next subscriber tries again
          throw err;
        },
      );
    return this.starting;
  }

  subscribe(userId: string, listener: LiveListener): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      const current = this.listeners.get(userId);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.listeners.delete(userId);
    };
  }

  /** How many streams are open on this instance (for tests and operations; never per person). */
  get localStreams(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  async publish(userIds: readonly string[], event: LiveEvent, db?: Db): Promise<void> {
    if (userIds.length === 0) return;
    const payloads = encodeNotifications(userIds, event);
    if (db) {
      // Inside the caller's transaction: a failure there fails the transaction anyway.
      for (const p of payloads) await this.database.notify(EVENTS_CHANNEL, p, db);
      return;
    }
    try {
      for (const p of payloads) await this.database.notify(EVENTS_CHANNEL, p);
    } catch {
      // A hint that could not be sent must not fail what already happened; pages still show it on reload.
      this.deps.log?.warn({ type: event.type }, 'live updates: could not send a hint');
    }
  }

  async publishToCouple(coupleId: string, event: Omit<LiveEvent, 'coupleId'>, db?: Db): Promise<void> {
    const members = await this.deps.currentMembers(coupleId, db);
    await this.publish(members, { ...event, coupleId }, db);
  }

  /** A NOTIFY payload from any instance (garbage is ignored). */
  receive(payload: unknown): void {
    const n = parseNotification(payload);
    if (!n) return;
    for (const userId of n.to) {
      const set = this.listeners.get(userId);
      if (set) for (const listener of [...set]) this.deliver(listener, n.event);
    }
  }

  private broadcastLocal(event: LiveEvent) {
    for (const set of this.listeners.values()) for (const listener of [...set]) this.deliver(listener, event);
  }

  private deliver(listener: LiveListener, event: LiveEvent) {
    try {
      listener({ ...event });
    } catch {
      this.deps.log?.warn({ type: event.type }, 'live updates: a stream could not take a hint');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await this.starting?.catch(() => {});
    const stop = this.stopListening;
    this.stopListening = undefined;
    await stop?.();
  }
}
