import { forgetProfile } from './profile-cache';

/*
 * What this device keeps for a signed-in person (drafts, the offline outbox) around signing out.
 * The sync code loads on demand, so pages that never write don't carry it.
 */

/** While still signed in: send whatever is waiting, so it isn't left behind. */
export async function beforeSignOut(userId: string): Promise<void> {
  try {
    const sync = await import('./sync');
    await sync.flushBeforeSignOut(userId);
  } catch {
    // Signing out must work regardless.
  }
}

/**
 * Signed out (here, everywhere, or the account deleted): delete every draft on this device.
 * `accountDeleted` also drops that person's unsent items, which could never be delivered now.
 */
export async function afterSignOut(opts: { accountDeleted?: string } = {}): Promise<void> {
  forgetProfile();
  try {
    const sync = await import('./sync');
    await sync.afterSignOut({ forUserGone: opts.accountDeleted });
  } catch {
    // Nothing stored, or storage refused.
  }
}

/** Start sending the outbox for this person; returns a stop function. */
export function startDeviceSync(userId: string): () => void {
  let stop: (() => void) | undefined;
  let cancelled = false;
  import('./sync')
    .then((sync) => {
      if (!cancelled) stop = sync.startSync(userId);
    })
    .catch(() => undefined);
  return () => {
    cancelled = true;
    stop?.();
  };
}
