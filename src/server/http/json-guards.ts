/**
 * Guards on JSON bodies, applied by the body parser (app.ts) before any route sees them.
 *
 * How deeply a JSON text nests, found by one scan of the text (strings skipped), so a body like
 * 5,000 nested arrays is refused before anything walks it recursively (JSON.stringify of such a
 * value — the Idempotency-Key hash does one — overflows the call stack: a 500).
 *
 *   jsonNestingExceeds('[[1]]', 1) // true
 */
export const MAX_JSON_DEPTH = 64;

export function jsonNestingExceeds(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * Where a parsed JSON value holds a NUL character (in a string or a key), as a dotted path, or
 * null. PostgreSQL text cannot store U+0000, so such a value would fail in the database as a 500;
 * it is refused up front as a 400 naming the field. Cheap: only walks when the text has "\u0000".
 *
 *   nulPath('{"a":["x\\u0000"]}', { a: ['x\u0000'] }) // "a.0"
 */
export function nulPath(text: string, value: unknown): string | null {
  if (!text.includes('\\u0000')) return null;
  const walk = (v: unknown, path: string[]): string[] | null => {
    if (typeof v === 'string') return v.includes('\u0000') ? path : null;
    if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000')) return [...path, k.replaceAll('\u0000', '\\u0000')];
        const found = walk(child, [...path, k]);
        if (found) return found;
      }
    }
    return null;
  };
  const found = walk(value, []);
  return found ? found.join('.') || '(body)' : null;
}
