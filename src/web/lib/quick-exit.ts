import { createKeySequenceDetector } from './key-sequence';
import { closeLiveEvents } from './live';

/** Where Quick exit goes when the server hasn't told us otherwise: a neutral, everyday page. */
export const FALLBACK_QUICK_EXIT_URL = 'https://www.weather.gov/';

let quickExitUrl = FALLBACK_QUICK_EXIT_URL;

/** Only absolute http(s) URLs are acceptable exits (never `javascript:` or a same-site path). */
export function safeExitUrl(candidate: unknown): string | undefined {
  if (typeof candidate !== 'string') return undefined;
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Fetch `{ quickExitUrl }` once at boot. Quick exit works before (and without) it. */
export async function loadClientConfig(): Promise<void> {
  try {
    const response = await fetch('/api/v1/client-config', {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return;
    const body: unknown = await response.json();
    const url = typeof body === 'object' && body !== null ? safeExitUrl((body as { quickExitUrl?: unknown }).quickExitUrl) : undefined;
    if (url) quickExitUrl = url;
  } catch {
    // Keep the fallback.
  }
}

/**
 * Leave Trellis at once. Synchronous on purpose — nothing is awaited. `location.replace` swaps
 * Trellis's single history entry for the exit page, so Back cannot return here.
 */
export function quickExit(): void {
  try {
    closeLiveEvents(); // no more hints to this tab
  } catch {
    // Leaving matters more.
  }
  try {
    sessionStorage.clear();
  } catch {
    // Storage may be blocked; leaving matters more.
  }
  // Hide the page while the next one loads, so nothing lingers on screen on a slow connection.
  document.documentElement.classList.add('is-exiting');
  document.title = '';
  window.location.replace(quickExitUrl);
}

/** Escape three times within 1.5 s, anywhere, does the same as the Quick exit button. */
export function installQuickExitShortcut(target: Window = window): () => void {
  const detect = createKeySequenceDetector();
  const onKeyDown = (event: KeyboardEvent) => {
    // Count deliberate presses, not the auto-repeat of a held key.
    if (event.repeat) return;
    if (detect(event.key, event.timeStamp || performance.now())) quickExit();
  };
  // Capture phase: dialogs and popovers that stop Escape from bubbling still let us see it.
  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => target.removeEventListener('keydown', onKeyDown, { capture: true });
}
