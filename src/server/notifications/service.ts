/**
 * Reminders and notifications (docs/decisions/021). People choose a daily check-in reminder time
 * in their own zone and how to be told (email, this device's Web Push). Every notification
 * carries only WORDLESS_MESSAGE and a link: never a name, a word anyone wrote, or even the kind of
 * item. Background work acts as a system actor and asks the policy like any request.
 */
import type https from 'node:https';
import webpush from 'web-push';
import { v7 as uuidv7 } from 'uuid';
import { localDay, localInstant, nextDueAt, REVIEW_LOCAL_TIME } from '../../core/reminders/reminders.ts';
import { isoDate } from '../../core/patterns/zoned-time.ts';
import { dayOf } from '../../core/reminders/reminders.ts';
import {
  DISCREET_MESSAGE,
  DISCREET_TITLE,
  WORDLESS_MESSAGE,
  type NotificationSettings,
  type NotificationSettingsPut,
  type PushSubscriptionCreate,
  type PushSubscriptionView,
} from '../../core/schemas/notifications.ts';
import { open, seal } from '../crypto/aead.ts';
import { deriveKey, type ServerKey } from '../crypto/server-key.ts';
import type { Db } from '../db/client.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';
import type { Actor, Policy } from '../policy/index.ts';
import { relationsRepo } from '../policy/relations-repo.ts';
import type { CheckinService } from '../features/checkins/service.ts';
import { notFound } from '../http/problem.ts';
import { notificationsRepo, type SettingsRow } from './repo.ts';

const DEFAULTS = { checkinReminder: false, reminderTime: '20:00', email: true, push: true, discreetEmail: false } as const;

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export interface RunSummary {
  due: number;
  sent: number;
  skippedAnswered: number;
}

/**
 * The wordless email: the message and a link to the app, nothing else. `discreet` (the account's
 * "discreet emails"): DISCREET_MESSAGE, which does not name Trellis or what it is for.
 */
export function wordlessEmail(to: string, baseUrl: string, discreet = false): MailMessage {
  const message = discreet ? DISCREET_MESSAGE : WORDLESS_MESSAGE;
  return { to, subject: message, text: `${message}\n\n${baseUrl.replace(/\/$/, '')}/` };
}

/** The wordless push payload. */
export const WORDLESS_PUSH = JSON.stringify({ title: 'Trellis', body: WORDLESS_MESSAGE, url: '/' });
/** For a subscription registered in discreet mode: a neutral title, no text, no icon (sw.js). */
export const DISCREET_PUSH = JSON.stringify({ title: DISCREET_TITLE, body: '', url: '/', discreet: true });

export class NotificationsService {
  private vapidCache?: Promise<VapidKeys>;

  constructor(
    private readonly db: Db,
    private readonly policy: Policy,
    private readonly serverKey: ServerKey,
    private readonly mailer: Mailer,
    private readonly checkins: CheckinService,
    private readonly opts: {
      baseUrl: string;
      vapid?: { publicKey?: string; privateKey?: string; subject?: string };
      mailFrom: string;
      /** Tests: trust an in-process push service's certificate. */
      pushAgent?: https.Agent;
    },
    private readonly now: () => number = Date.now,
  ) {}

  async getSettings(actor: Actor, ownerId: string): Promise<NotificationSettings> {
    await this.policy.notifications.read(actor, ownerId);
    const [row, timeZone] = await Promise.all([notificationsRepo.settings(this.db, ownerId), notificationsRepo.timeZone(this.db, ownerId)]);
    return view(row, timeZone);
  }

  async putSettings(actor: Actor, ownerId: string, input: NotificationSettingsPut): Promise<NotificationSettings> {
    await this.policy.notifications.update(actor, ownerId);
    const timeZone = await notificationsRepo.timeZone(this.db, ownerId);
    const next = input.checkinReminder && timeZone ? new Date(nextDueAt(input.reminderTime, timeZone, this.now())) : null;
    const discreetEmail = input.discreetEmail ?? (await notificationsRepo.settings(this.db, ownerId))?.discreetEmail ?? DEFAULTS.discreetEmail;
    const row = await notificationsRepo.upsertSettings(this.db, { userId: ownerId, ...input, discreetEmail, nextDueAt: next });
    return view(row, timeZone);
  }

  /** After the person's time zone changed: the next reminder is due at their time in the new zone. */
  async rescheduleFor(userId: string): Promise<void> {
    const [row, timeZone] = await Promise.all([notificationsRepo.settings(this.db, userId), notificationsRepo.timeZone(this.db, userId)]);
    if (!row?.checkinReminder) return;
    const next = timeZone ? new Date(nextDueAt(row.reminderTime, timeZone, this.now())) : null;
    await notificationsRepo.upsertSettings(this.db, { ...row, nextDueAt: next });
  }

  /** The VAPID pair: from the environment, else the stored pair, else created now (first start). */
  vapid(): Promise<VapidKeys> {
    this.vapidCache ??= this.loadVapid().catch((e: unknown) => {
      this.vapidCache = undefined;
      throw e;
    });
    return this.vapidCache;
  }

  /** The public key alone, for browsers subscribing: the pair of this server key (made on first use). */
  async vapidPublicKey(): Promise<string> {
    if (this.opts.vapid?.publicKey && this.opts.vapid.privateKey) return this.opts.vapid.publicKey;
    const row = await notificationsRepo.vapid(this.db, this.vapidRowId());
    return row ? row.publicKey : (await this.vapid()).publicKey;
  }

  /**
   * A VAPID pair belongs to the server key that sealed it: its row is named by the key's
   * fingerprint, so a database shared with another key (a restored copy, a rotated key, another
   * app on the same test database) is never asked to open a pair it cannot. A pair from before
   * pairs were per key ('default') is adopted when this key opens it. After a key rotation browsers
   * get the new public key and subscribe again; pushes to the old subscriptions are refused by the
   * push services and those subscriptions are removed (410).
   */
  private vapidRowId(): string {
    return `key:${this.serverKey.id}`;
  }

  private async loadVapid(): Promise<VapidKeys> {
    const subject = this.opts.vapid?.subject ?? `mailto:no-reply@${/@([^>\s]+)/.exec(this.opts.mailFrom)?.[1] ?? 'trellis.local'}`;
    if (this.opts.vapid?.publicKey && this.opts.vapid.privateKey) return { publicKey: this.opts.vapid.publicKey, privateKey: this.opts.vapid.privateKey, subject };
    const key = deriveKey(this.serverKey, 'vapid-private-key');
    const id = this.vapidRowId();
    let row = await notificationsRepo.vapid(this.db, id);
    if (!row) {
      const legacy = await notificationsRepo.vapid(this.db, 'default');
      let adopted: { publicKey: string; privateKey: string } | undefined;
      if (legacy) {
        try {
          adopted = { publicKey: legacy.publicKey, privateKey: open(key, legacy.privateKey, 'vapid:default').toString('utf8') };
        } catch {
          adopted = undefined; // sealed under another server key: not ours to use
        }
      }
      const pair = adopted ?? webpush.generateVAPIDKeys();
      await notificationsRepo.insertVapid(this.db, id, pair.publicKey, seal(key, Buffer.from(pair.privateKey, 'utf8'), 'vapid:default'));
      row = await notificationsRepo.vapid(this.db, id);
    }
    if (!row) throw new Error('VAPID key pair missing after insert');
    return { publicKey: row.publicKey, privateKey: open(key, row.privateKey, 'vapid:default').toString('utf8'), subject };
  }

  async listSubscriptions(actor: Actor, ownerId: string): Promise<PushSubscriptionView[]> {
    await this.policy.notifications.list(actor, ownerId);
    return (await notificationsRepo.subscriptions(this.db, ownerId)).map((s) => ({ id: s.id, endpoint: s.endpoint, discreet: s.discreet, createdAt: s.createdAt.toISOString() }));
  }

  async addSubscription(actor: Actor, ownerId: string, input: PushSubscriptionCreate, db: Db = this.db): Promise<PushSubscriptionView> {
    await this.policy.notifications.create(actor, ownerId);
    const s = await notificationsRepo.upsertSubscription(db, {
      id: uuidv7(),
      userId: ownerId,
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      discreet: input.discreet ?? false,
    });
    return { id: s.id, endpoint: s.endpoint, discreet: s.discreet, createdAt: s.createdAt.toISOString() };
  }

  async deleteSubscription(actor: Actor, id: string): Promise<void> {
    const found = await notificationsRepo.subscription(this.db, id);
    if (!found) {
      this.policy.requireUser(actor);
      throw notFound();
    }
    await this.policy.notifications.delete(actor, found.userId);
    await notificationsRepo.deleteSubscription(this.db, id);
  }

  /** Stops notifying every device of mine, in `db` (the emergency reset's transaction, docs/decisions/029). Answers how many. */
  async deleteAllSubscriptions(actor: Actor, ownerId: string, db: Db = this.db): Promise<number> {
    await this.policy.notifications.delete(actor, ownerId);
    const subs = await notificationsRepo.subscriptions(db, ownerId);
    for (const s of subs) await notificationsRepo.deleteSubscription(db, s.id);
    return subs.length;
  }

  /**
   * The per-minute job: every check-in reminder due now is sent once (the sent-log's unique key
   * makes a retry or a second instance a no-op), unless the person already answered today's
   * check-in in their own zone; then next_due_at moves to the next local day.
   */
  async runDueReminders(actor: Actor): Promise<RunSummary> {
    const nowMs = this.now();
    const summary: RunSummary = { due: 0, sent: 0, skippedAnswered: 0 };
    for (const row of await notificationsRepo.due(this.db, new Date(nowMs))) {
      this.policy.notifications.deliver(actor, row.userId);
      summary.due++;
      const zone = row.timeZone;
      const next = zone ? new Date(nextDueAt(row.reminderTime, zone, nowMs)) : null;
      // Whoever moves next_due_at on owns this occurrence.
      if (!(await notificationsRepo.advance(this.db, row.userId, row.nextDueAt!, next))) continue;
      if (!zone) continue;
      const day = localDay(row.nextDueAt!.getTime(), zone);
      if (await this.checkins.answeredOn(actor, row.userId, day)) {
        summary.skippedAnswered++;
        continue;
      }
      if (await notificationsRepo.claim(this.db, row.userId, 'checkin-reminder', day)) {
        await this.deliver(actor, row.userId, row);
        summary.sent++;
      }
    }
    return summary;
  }

  /**
   * Agreement reviews: on an agreement's review day, from REVIEW_LOCAL_TIME in each current
   * member's own zone, each is told once (sent-log reference "<agreement>:<day>").
   */
  async runAgreementReviews(actor: Actor): Promise<number> {
    const nowMs = this.now();
    const today = dayOf(new Date(nowMs).toISOString().slice(0, 10));
    let sent = 0;
    // Every zone is within a day of UTC: look at yesterday…tomorrow.
    for (const a of await notificationsRepo.agreementsWithReview(this.db, isoDate(today - 1), isoDate(today + 1))) {
      const members = (await relationsRepo.members(this.db, a.coupleId)).filter((m) => m.leftAt === null && m.unlinkedAt === null);
      if (members.length < 2) continue;
      for (const m of members) {
        this.policy.notifications.deliver(actor, m.userId);
        const zone = (await notificationsRepo.timeZone(this.db, m.userId)) ?? 'UTC';
        if (localDay(nowMs, zone) !== a.reviewDay || nowMs < localInstant(a.reviewDay, REVIEW_LOCAL_TIME, zone)) continue;
        if (await notificationsRepo.claim(this.db, m.userId, 'agreement-review', `${a.id}:${a.reviewDay}`)) {
          await this.deliver(actor, m.userId);
          sent++;
        }
      }
    }
    return sent;
  }

  /** Email and/or Web Push, as the person chose. Failures are logged by the caller, never retried twice. */
  private async deliver(actor: Actor, userId: string, settings?: SettingsRow): Promise<void> {
    this.policy.notifications.deliver(actor, userId);
    const s = settings ?? (await notificationsRepo.settings(this.db, userId)) ?? { ...DEFAULTS };
    if (s.email) {
      const to = await notificationsRepo.email(this.db, userId);
      if (to) await this.mailer.send(wordlessEmail(to, this.opts.baseUrl, s.discreetEmail));
    }
    if (s.push) await this.push(userId);
  }

  private async push(userId: string): Promise<void> {
    const subs = await notificationsRepo.subscriptions(this.db, userId);
    if (subs.length === 0) return;
    const vapid = await this.vapid();
    await Promise.all(
      subs.map(async (s) => {
        try {
          await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, s.discreet ? DISCREET_PUSH : WORDLESS_PUSH, {
            vapidDetails: { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
            TTL: 12 * 3600,
            ...(this.opts.pushAgent ? { agent: this.opts.pushAgent } : {}),
          });
        } catch (e) {
          const status = (e as { statusCode?: number }).statusCode;
          if (status === 404 || status === 410) await notificationsRepo.deleteSubscription(this.db, s.id);
          else throw e;
        }
      }),
    );
  }
}

function view(row: SettingsRow | undefined, timeZone: string | null): NotificationSettings {
  const s = row ?? { ...DEFAULTS, nextDueAt: null };
  return {
    checkinReminder: s.checkinReminder,
    reminderTime: s.reminderTime,
    email: s.email,
    push: s.push,
    discreetEmail: s.discreetEmail,
    nextDueAt: s.checkinReminder && s.nextDueAt ? s.nextDueAt.toISOString() : null,
    timeZone,
  };
}
