import { api } from './api';
import { closeLiveEvents } from './live';

/** What `GET /api/auth/get-session` returns when signed in (the fields the web app uses). */
export interface SessionData {
  session: { id: string; token?: string; userId: string; expiresAt: string };
  user: { id: string; name: string; email: string; emailVerified: boolean; twoFactorEnabled?: boolean | null };
}

let pending: Promise<SessionData | null> | undefined;

/** The current session (`null` when signed out). Cached until `forgetSession()`. */
export function getSession({ fresh = false }: { fresh?: boolean } = {}): Promise<SessionData | null> {
  if (fresh || !pending) {
    pending = api<SessionData | null>('/api/auth/get-session').then((data) => data ?? null);
    // Don't cache failures: the next caller should try again.
    pending.catch(() => {
      pending = undefined;
    });
  }
  return pending;
}

/** Call after signing in or out, so the next `getSession()` asks the server again. */
export function forgetSession(): void {
  pending = undefined;
}

/** Sign out on the server, then forget the cached session. */
export async function signOut(): Promise<void> {
  closeLiveEvents();
  try {
    await api('/api/auth/sign-out', { body: {} });
  } finally {
    forgetSession();
  }
}
