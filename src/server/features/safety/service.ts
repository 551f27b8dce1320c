/**
 * The emergency reset (docs/decisions/029): one confirmed action, for the signed-in person alone,
 * that signs out every other session, unlinks the couple, ends every therapist link (and so every
 * share), forgets remembered devices and withdraws a pending couple invitation — all in the one
 * transaction it is given, so it happens entirely or not at all.
 *
 * It goes through each feature's own service, the same paths as an ordinary unlink or ended
 * link: the partner and the therapist see exactly what those show, and nothing says "emergency".
 * It sends no mail and no notification, to anyone, the person included (their inbox may not be
 * private). Its log line holds counts only, never whose reset it was.
 */
import type { EmergencyResetResult } from '../../../core/schemas/safety.ts';
import type { Db } from '../../db/client.ts';
import type { NotificationsService } from '../../notifications/service.ts';
import type { Actor, Policy } from '../../policy/index.ts';
import type { CareSharingService } from '../care-sharing/service.ts';
import type { CoupleService } from '../couple/service.ts';
import { safetyRepo } from './repo.ts';

export interface SafetyServiceOptions {
  policy: Policy;
  couple: CoupleService;
  careSharing: CareSharingService;
  notifications: NotificationsService;
  log?: { info(obj: object, msg: string): void };
  now?: () => Date;
}

export class SafetyService {
  constructor(private readonly opts: SafetyServiceOptions) {}

  /** Everything at once, in `tx` (the caller's transaction). Answers what it did, in counts. */
  async emergencyReset(actor: Actor, tx: Db): Promise<EmergencyResetResult> {
    const me = this.opts.policy.safety.reset(actor);
    const sessionsSignedOut = await safetyRepo.deleteOtherSessions(tx, me.userId, me.sessionId);

    // The same path as the person's own "unlink" (and "withdraw my invitation" when single).
    const couple = await this.opts.couple.status(actor, tx);
    const partnerUnlinked = couple.status === 'linked';
    if (partnerUnlinked) await this.opts.couple.unlink(actor, tx);
    else if (couple.invite) await this.opts.couple.withdrawInvite(actor, tx);

    const therapistSharesEnded = await this.opts.careSharing.endAllLinks(actor, tx);
    const devicesForgotten =
      (await this.opts.notifications.deleteAllSubscriptions(actor, me.userId, tx)) + (await safetyRepo.deleteTrustedDevices(tx, me.userId));

    const result = { sessionsSignedOut, partnerUnlinked, therapistSharesEnded, devicesForgotten, at: (this.opts.now?.() ?? new Date()).toISOString() };
    // Counts only: not whose reset it was.
    this.opts.log?.info({ sessionsSignedOut, partnerUnlinked, therapistSharesEnded, devicesForgotten }, 'reset done');
    return result;
  }
}
