import { HttpProblem } from './problem.ts';

/**
 * Opaque cursors for keyset pagination over (instant or day, id), newest first:
 * base64url of JSON [sortKey, id]. A malformed cursor is a 400 naming `cursor`.
 */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { sortKey: string; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string' && /^[0-9a-f-]{36}$/.test(parsed[1])) {
      return { sortKey: parsed[0], id: parsed[1] };
    }
  } catch {
    /* fall through */
  }
  throw new HttpProblem(400, 'validation', 'The cursor is not one this server gave out.', [{ path: 'cursor', message: 'Invalid cursor' }]);
}
