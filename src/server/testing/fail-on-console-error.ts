/** No test may pass while printing an error (style.md, "fail loudly in tests"). */
import { afterEach } from 'vitest';

const seen: string[] = [];
const original = console.error;
console.error = (...args: unknown[]) => {
  seen.push(args.map((a) => (a instanceof Error ? a.stack ?? a.message : String(a))).join(' '));
  original(...args);
};

afterEach(() => {
  if (seen.length) {
    const lines = seen.splice(0);
    throw new Error(`console.error was called during this test:\n${lines.join('\n')}`);
  }
});
