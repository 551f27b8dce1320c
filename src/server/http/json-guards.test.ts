import { describe, expect, it } from 'vitest';
import { jsonNestingExceeds, MAX_JSON_DEPTH, nulPath } from './json-guards.ts';

describe('jsonNestingExceeds', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonNestingExceeds('{"a":[1,{"b":2}]}', 3)).toBe(false);
    expect(jsonNestingExceeds('{"a":[1,{"b":[2]}]}', 3)).toBe(true);
    expect(jsonNestingExceeds(JSON.stringify({ text: '[[[[[[[[{{{{{{\\"[[[[' }), 1)).toBe(false);
  });
  it('refuses very deep bodies and lets ordinary ones through', () => {
    expect(jsonNestingExceeds('['.repeat(5000) + ']'.repeat(5000))).toBe(true);
    expect(jsonNestingExceeds('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBe(false);
  });
});

describe('nulPath', () => {
  const at = (value: unknown) => nulPath(JSON.stringify(value), value);
  it('names the field that holds a NUL character', () => {
    expect(at({ displayName: 'a\u0000b' })).toBe('displayName');
    expect(at({ roots: [{ notes: 'ok' }, { notes: '\u0000' }] })).toBe('roots.1.notes');
    expect(at('\u0000')).toBe('(body)');
  });
  it('passes bodies without one (and a literal backslash-u text)', () => {
    expect(at({ text: 'fine', n: 1, list: [null, true] })).toBeNull();
    expect(nulPath('{"text":"\\\\u0000"}', { text: '\\u0000' })).toBeNull();
  });
});
