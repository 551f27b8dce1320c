/**
 * Live updates in the browser (docs/decisions/017): ONE EventSource per tab on /api/v1/events,
 * opened when the first signed-in page asks for hints and closed when the last one goes, at
 * sign-out and at quick exit. A hint carries no content — only `{ type, coupleId? }` — so a page
 * that hears one reloads its data through the normal API.
 *
 * The browser reconnects a dropped stream by itself; if it gives up (the server answered with an
 * error, e.g. while restarting), we open a new one after a growing pause. Hints sent while
 * disconnected are lost, so after every reconnection each page reloads once ("resync").
 */
import { useEffect, useRef } from 'react';

const EVENTS_URL = '/api/v1/events';

interface Subscriber {
  types: ReadonlySet<string>;
  onEvent: () => void;
}

const subscribers = new Set<Subscriber>();
let source: EventSource | undefined;
let reopenTimer: ReturnType<typeof setTimeout> | undefined;
let failures = 0;
let wasConnected = false;

function notify(type: string) {
  for (const s of [...subscribers]) {
    if (type === 'resync' || s.types.has(type)) {
      try {
        s.onEvent();
      } catch {
        // One page's handler failing must not stop the others.
      }
    }
  }
}

function open() {
  if (source || typeof EventSource === 'undefined') return;
  const es = new EventSource(EVENTS_URL);
  source = es;
  es.onopen = () => {
    failures = 0;
    // Reconnected after a drop: whatever happened meanwhile was not heard, so reload.
    if (wasConnected) notify('resync');
    wasConnected = true;
  };
  es.onmessage = (message: MessageEvent<unknown>) => {
    const type = parseType(message.data);
    if (type) notify(type);
  };
  es.onerror = () => {
    // CONNECTING: the browser is retrying by itself. CLOSED: it gave up; try again later.
    if (es.readyState !== EventSource.CLOSED || source !== es) return;
    source = undefined;
    failures++;
    const delay = Math.min(300_000, 5_000 * 2 ** Math.min(failures - 1, 6));
    reopenTimer = setTimeout(() => {
      reopenTimer = undefined;
      if (subscribers.size > 0) open();
    }, delay);
  };
}

/** Only the type is read; anything else in a hint is ignored. */
export function parseType(data: unknown): string | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string') return value.type;
  } catch {
    // not a hint
  }
  return undefined;
}

/** Closes the tab's stream (sign-out, quick exit, or no page listening any more). */
export function closeLiveEvents(): void {
  if (reopenTimer) clearTimeout(reopenTimer);
  reopenTimer = undefined;
  source?.close();
  source = undefined;
  failures = 0;
  wasConnected = false;
}

/**
 * Calls `onEvent` when a hint of one of `types` arrives (or after a reconnection). Use it only
 * on signed-in pages.
 */
export function useLiveEvents(types: readonly string[], onEvent: () => void): void {
  const callback = useRef(onEvent);
  useEffect(() => {
    callback.current = onEvent;
  });
  const key = [...types].sort().join(',');
  useEffect(() => {
    const subscriber: Subscriber = { types: new Set(key.split(',')), onEvent: () => callback.current() };
    subscribers.add(subscriber);
    open();
    return () => {
      subscribers.delete(subscriber);
      if (subscribers.size === 0) closeLiveEvents();
    };
  }, [key]);
}
