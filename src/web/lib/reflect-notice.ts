import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Screening } from '../../core/schemas/reflect';
import type { MessageKey } from './i18n';

/**
 * What a Reflect page tells the next one after saving: a short message and, when the words
 * suggest it, the crisis screening (so the next page can offer support). Carried in router
 * state — never in the address — and removed from history once read, so a reload doesn't repeat
 * it.
 */
export interface ReflectNotice {
  message: MessageKey;
  screening?: Screening;
}

export function noticeState(notice: ReflectNotice): { reflectNotice: ReflectNotice } {
  return { reflectNotice: notice };
}

function readNotice(state: unknown): ReflectNotice | undefined {
  if (typeof state !== 'object' || state === null || !('reflectNotice' in state)) return undefined;
  const notice = (state as { reflectNotice?: unknown }).reflectNotice;
  if (typeof notice !== 'object' || notice === null || typeof (notice as { message?: unknown }).message !== 'string') return undefined;
  return notice as ReflectNotice;
}

/** The notice the previous page left, read once. */
export function useReflectNotice(): ReflectNotice | undefined {
  const location = useLocation();
  const navigate = useNavigate();
  const [notice] = useState(() => readNotice(location.state));
  useEffect(() => {
    if (readNotice(location.state)) void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
  }, [location, navigate]);
  return notice;
}
