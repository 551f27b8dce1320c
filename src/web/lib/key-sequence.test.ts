import { describe, expect, it } from 'vitest';
import { createKeySequenceDetector } from './key-sequence';

describe('createKeySequenceDetector (quick-exit shortcut)', () => {
  it('fires on the third Escape within 1.5 seconds', () => {
    const detect = createKeySequenceDetector();
    expect(detect('Escape', 0)).toBe(false);
    expect(detect('Escape', 500)).toBe(false);
    expect(detect('Escape', 1400)).toBe(true);
  });

  it('does not fire when the presses are spread over more than 1.5 seconds', () => {
    const detect = createKeySequenceDetector();
    expect(detect('Escape', 0)).toBe(false);
    expect(detect('Escape', 800)).toBe(false);
    expect(detect('Escape', 1500)).toBe(false);
    // …but the last two plus a quick third one do count.
    expect(detect('Escape', 1600)).toBe(true);
  });

  it('ignores other keys without resetting the count', () => {
    const detect = createKeySequenceDetector();
    detect('Escape', 0);
    expect(detect('Shift', 100)).toBe(false);
    detect('Escape', 200);
    expect(detect('Escape', 300)).toBe(true);
  });

  it('starts over after firing', () => {
    const detect = createKeySequenceDetector();
    detect('Escape', 0);
    detect('Escape', 100);
    expect(detect('Escape', 200)).toBe(true);
    expect(detect('Escape', 300)).toBe(false);
    expect(detect('Escape', 400)).toBe(false);
    expect(detect('Escape', 500)).toBe(true);
  });

  it('accepts another key, count and window', () => {
    const detect = createKeySequenceDetector({ key: 'q', count: 2, withinMs: 100 });
    expect(detect('q', 0)).toBe(false);
    expect(detect('q', 150)).toBe(false);
    expect(detect('q', 200)).toBe(true);
  });
});
