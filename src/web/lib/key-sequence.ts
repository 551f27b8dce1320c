/**
 * Detects the same key pressed `count` times within `withinMs` milliseconds — the quick-exit
 * shortcut is Escape three times within 1.5 seconds. Pure: the caller passes the time, so it is
 * unit-tested without a DOM.
 *
 * @example
 * const detect = createKeySequenceDetector();
 * detect('Escape', 0); detect('Escape', 400); detect('Escape', 900); // → true on the third
 */
export function createKeySequenceDetector({
  key = 'Escape',
  count = 3,
  withinMs = 1500,
}: { key?: string; count?: number; withinMs?: number } = {}): (pressedKey: string, now: number) => boolean {
  let presses: number[] = [];
  return (pressedKey, now) => {
    // Other keys (Shift, Tab…) neither count nor reset: someone reaching for Escape in a hurry
    // may brush another key on the way.
    if (pressedKey !== key) return false;
    presses = presses.filter((time) => now - time < withinMs);
    presses.push(now);
    if (presses.length >= count) {
      presses = [];
      return true;
    }
    return false;
  };
}
