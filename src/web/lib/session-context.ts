import { createContext, useContext } from 'react';
import type { SessionData } from './session';

export interface SessionContextValue extends SessionData {
  /** Ask the server again (e.g. after turning on two-step sign-in). */
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

/** The signed-in person's session. Only usable inside the signed-in layout. */
export function useSessionData(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionData() must be used inside <AppLayout>.');
  return value;
}
